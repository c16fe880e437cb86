#include "risk/scoring.h"

#include <algorithm>

#include "core/error.h"

namespace qorgau::risk {

using core::ApiError;
using core::ErrorCode;

namespace {

const Option* find_option(const Item& item, std::string_view id) {
  for (const Option& option : item.options) {
    if (option.id == id) return &option;
  }
  return nullptr;
}

bool valid_answer(const Item& item, std::string_view answer) {
  if (answer == "unknown") return true;
  if (item.answer == AnswerKind::kYesNoUnknown) return answer == "yes" || answer == "no";
  return find_option(item, answer) != nullptr;
}

}  // namespace

Level level_for_score(const Thresholds& thresholds, std::int64_t score) {
  if (score >= thresholds.extreme) return Level::kExtreme;
  if (score >= thresholds.high) return Level::kHigh;
  if (score >= thresholds.medium) return Level::kMedium;
  return Level::kLow;
}

void check_answers(const Instrument& instrument, const Answers& answers) {
  for (const Item& item : instrument.items) {
    auto found = answers.find(item.id);
    if (found == answers.end() || !valid_answer(item, found->second)) {
      throw ApiError(ErrorCode::kValidationFailed, "answers." + item.id);
    }
  }
  for (const auto& [id, answer] : answers) {
    if (!instrument.find_item(id)) {
      // The id is the client's text: bound it before echoing it back.
      throw ApiError(ErrorCode::kValidationFailed, "answers." + id.substr(0, 64));
    }
  }
}

Scored score_answers(const Instrument& instrument, const Answers& answers) {
  Scored scored;
  Level floor = Level::kLow;
  auto raise_floor = [&floor](const std::optional<Level>& at_least) {
    if (at_least) floor = std::max(floor, *at_least);
  };
  for (const Item& item : instrument.items) {
    const std::string& answer = answers.at(item.id);
    if (item.answer == AnswerKind::kYesNoUnknown) {
      if (answer == "yes") {
        scored.score += item.weight;
        raise_floor(item.at_least);
      }
    } else if (const Option* option = find_option(item, answer)) {
      scored.score += option->weight;
      raise_floor(option->at_least);
    }
  }
  scored.level = std::max(level_for_score(instrument.thresholds, scored.score), floor);
  return scored;
}

}  // namespace qorgau::risk
