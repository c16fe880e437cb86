// Level computation: pure functions of an instrument and a set of answers, no I/O.
//
// score = the sum of the weights of the answers ("yes" scores the item's weight, an option its
// own weight, "no" and "unknown" score 0); the computed level is the highest level whose
// threshold the score reaches, raised to every floor (`at_least`) that a "yes" or a chosen
// option sets. A floor never lowers a level: computed = max(by_score, floors...).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "risk/instrument.h"
#include "risk/level.h"

namespace qorgau::risk {

// Item id -> "yes" | "no" | "unknown" | an option id.
using Answers = std::map<std::string, std::string, std::less<>>;

struct Scored {
  std::int64_t score = 0;
  Level level = Level::kLow;  // by score and floors
};

// The level a score reaches by the thresholds alone.
Level level_for_score(const Thresholds& thresholds, std::int64_t score);

// Throws ApiError(kValidationFailed, "answers.<id>") for the first item (in the instrument's
// order) without an answer or with one that is not among its answers, or for an answer to an
// item the instrument does not have.
void check_answers(const Instrument& instrument, const Answers& answers);

// The score and computed level of complete, valid answers (check_answers first).
Scored score_answers(const Instrument& instrument, const Answers& answers);

}  // namespace qorgau::risk
