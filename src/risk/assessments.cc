#include "risk/assessments.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace qorgau::risk {

using core::ApiError;
using core::ErrorCode;

namespace {

constexpr std::string_view kAnswersField = "risk_entries.answers";
constexpr std::string_view kRaiseReasonField = "risk_entries.raise_reason";

constexpr std::string_view kEntryColumns =
    "SELECT id, case_id, kind, level, at, user_id, instrument_code, instrument_version, score, "
    "computed_level, answers_enc, raise_reason_enc, reason_code FROM risk_entries ";

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

Level stored_level(const std::string& text) {
  std::optional<Level> level = parse_level(text);
  if (!level) throw store::StoreError("risk_entries: unknown level '" + text + "'");
  return *level;
}

HistoryEntry read_entry(const store::Row& row) {
  HistoryEntry e;
  e.id = row.integer(0);
  e.kind = row.text(2);
  e.level = stored_level(row.text(3));
  e.at = row.integer(4);
  e.user_id = row.optional_integer(5);
  e.score = row.optional_integer(8);
  if (auto computed = row.optional_text(9)) {
    e.computed_level = stored_level(*computed);
    e.raised = e.level > *e.computed_level;
  }
  e.reason_code = row.optional_text(12);
  return e;
}

}  // namespace

std::chrono::milliseconds AssessmentStore::review_interval(Level level) const {
  const core::RiskReview& review = jurisdiction_.risk_review;
  switch (level) {
    case Level::kLow:
      return review.low;
    case Level::kMedium:
      return review.medium;
    case Level::kHigh:
      return review.high;
    case Level::kExtreme:
      return review.extreme;
  }
  return review.extreme;
}

const std::vector<std::string>& AssessmentStore::required_actions(Level level) const {
  const core::RiskActions& actions = jurisdiction_.risk_actions;
  switch (level) {
    case Level::kLow:
      return actions.low;
    case Level::kMedium:
      return actions.medium;
    case Level::kHigh:
      return actions.high;
    case Level::kExtreme:
      return actions.extreme;
  }
  return actions.extreme;
}

Preview AssessmentStore::preview(store::Connection& connection, const std::string& instrument_code,
                                 const Answers& answers) const {
  std::optional<Instrument> instrument = instruments_.current(connection, instrument_code);
  if (!instrument) throw ApiError(ErrorCode::kValidationFailed, "instrument");
  check_answers(*instrument, answers);
  Scored scored = score_answers(*instrument, answers);
  return {instrument->code, instrument->version, scored.score, scored.level};
}

Assessment AssessmentStore::record(store::Connection& connection, std::int64_t case_id,
                                   const NewAssessment& input, std::int64_t user_id) const {
  std::optional<Instrument> instrument = instruments_.current(connection, input.instrument);
  if (!instrument) throw ApiError(ErrorCode::kValidationFailed, "instrument");
  check_answers(*instrument, input.answers);
  Scored scored = score_answers(*instrument, input.answers);
  Level level = scored.level;
  std::optional<std::string> reason;
  if (input.raise_to) {
    if (*input.raise_to < scored.level) throw ApiError(ErrorCode::kRiskLevelLowered, "raise_to");
    if (!input.raise_reason || blank(*input.raise_reason) ||
        input.raise_reason->size() > kMaxRaiseReasonBytes) {
      throw ApiError(ErrorCode::kValidationFailed, "raise_reason");
    }
    level = *input.raise_to;
    if (level > scored.level) reason = input.raise_reason;
  } else if (input.raise_reason && !blank(*input.raise_reason)) {
    throw ApiError(ErrorCode::kValidationFailed, "raise_to");
  }
  nlohmann::json answers(input.answers);
  store::Value reason_value = nullptr;
  if (reason) reason_value = protector_.seal(*reason, kRaiseReasonField);
  std::int64_t now = clock_.now_ms();
  auto row = connection.query_one(
      "INSERT INTO risk_entries (case_id, kind, level, at, user_id, instrument_code, "
      "instrument_version, score, computed_level, answers_enc, raise_reason_enc) "
      "VALUES ($1, 'assessment', $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
      {case_id, std::string(level_name(level)), now, user_id, instrument->code, instrument->version,
       scored.score, std::string(level_name(scored.level)),
       protector_.seal(answers.dump(), kAnswersField), reason_value});
  std::int64_t id = row->integer(0);
  connection.execute("DELETE FROM risk_reassessments WHERE case_id = $1", {case_id});
  timeline_.append_event(connection, case_id, user_id, "risk_assessed",
                         "assessment " + std::to_string(id) + " level " +
                             std::string(level_name(level)) + " computed " +
                             std::string(level_name(scored.level)) + " score " +
                             std::to_string(scored.score));
  return *find(connection, case_id, id);
}

std::optional<Assessment> AssessmentStore::find(store::Connection& connection, std::int64_t case_id,
                                                std::int64_t id) const {
  auto row = connection.query_one(
      std::string(kEntryColumns) + "WHERE id = $1 AND case_id = $2 AND kind = 'assessment'",
      {id, case_id});
  if (!row) return std::nullopt;
  HistoryEntry entry = read_entry(*row);
  Assessment a;
  a.id = entry.id;
  a.case_id = row->integer(1);
  a.instrument_code = row->text(6);
  a.instrument_version = row->integer(7);
  a.score = *entry.score;
  a.computed_level = *entry.computed_level;
  a.level = entry.level;
  a.raised = entry.raised;
  if (auto sealed = row->optional_bytes(11))
    a.raise_reason = protector_.open(*sealed, kRaiseReasonField);
  a.assessed_at = entry.at;
  a.assessed_by_user_id = entry.user_id;
  a.next_review_due_at = entry.at + review_interval(entry.level).count();
  a.answers = nlohmann::json::parse(protector_.open(row->bytes(10), kAnswersField)).get<Answers>();
  return a;
}

std::vector<HistoryEntry> AssessmentStore::history(store::Connection& connection,
                                                   std::int64_t case_id) const {
  std::vector<HistoryEntry> out;
  for (const auto& row :
       connection.query(std::string(kEntryColumns) + "WHERE case_id = $1 ORDER BY id", {case_id})) {
    out.push_back(read_entry(row));
  }
  return out;
}

std::optional<CurrentRisk> AssessmentStore::current(store::Connection& connection,
                                                    std::int64_t case_id) const {
  std::vector<HistoryEntry> entries = history(connection, case_id);
  if (entries.empty()) return std::nullopt;
  const HistoryEntry& latest = entries.back();
  CurrentRisk current;
  current.level = latest.level;
  current.source = latest.kind;
  current.since_at = latest.at;
  for (auto it = entries.rbegin(); it != entries.rend() && it->level == latest.level; ++it) {
    current.since_at = it->at;
  }
  current.next_review_due_at = latest.at + review_interval(latest.level).count();
  if (auto required = connection.query_one(
          "SELECT reason, required_at FROM risk_reassessments WHERE case_id = $1", {case_id})) {
    current.reassessment_reason = required->text(0);
    current.next_review_due_at = std::min(current.next_review_due_at, required->integer(1));
  }
  current.overdue = current.next_review_due_at <= clock_.now_ms();
  return current;
}

void AssessmentStore::escalate(store::Connection& connection, std::int64_t case_id,
                               std::string_view reason_code,
                               std::optional<std::int64_t> user_id) const {
  if (reason_code != "new_incident" && reason_code != "order_violation") {
    throw std::invalid_argument("escalate: reason_code must be new_incident or order_violation");
  }
  auto latest = connection.query_one(
      "SELECT level FROM risk_entries WHERE case_id = $1 ORDER BY id DESC LIMIT 1", {case_id});
  Level from = latest ? stored_level(latest->text(0)) : Level::kLow;
  Level to = one_step_up(from);
  store::Value user = nullptr;
  if (user_id) user = *user_id;
  connection.execute(
      "INSERT INTO risk_entries (case_id, kind, level, at, user_id, reason_code) "
      "VALUES ($1, 'escalation', $2, $3, $4, $5)",
      {case_id, std::string(level_name(to)), clock_.now_ms(), user, std::string(reason_code)});
  require_reassessment(connection, case_id, reason_code, user_id);
  timeline_.append_event(connection, case_id, user_id, "risk_escalated",
                         "level " + std::string(level_name(to)) + " from " +
                             std::string(level_name(from)) + " reason " + std::string(reason_code));
}

void AssessmentStore::require_reassessment(store::Connection& connection, std::int64_t case_id,
                                           std::string_view reason,
                                           std::optional<std::int64_t> /*user_id*/) const {
  if (reason != "new_incident" && reason != "order_violation") {
    throw std::invalid_argument("require_reassessment: unknown reason");
  }
  connection.execute(
      "INSERT INTO risk_reassessments (case_id, reason, required_at) VALUES ($1, $2, $3) "
      "ON CONFLICT (case_id) DO NOTHING",
      {case_id, std::string(reason), clock_.now_ms()});
}

std::vector<DueReview> AssessmentStore::due(store::Connection& connection, const CaseScope& scope,
                                            std::optional<std::int64_t> agency_id,
                                            std::chrono::hours within) const {
  std::vector<store::Value> params = scope.params;
  auto bind = [&params](store::Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  std::string interval = "CASE e.level";
  for (Level level : kAllLevels) {
    interval += " WHEN '" + std::string(level_name(level)) + "' THEN " +
                bind(static_cast<std::int64_t>(review_interval(level).count()));
  }
  interval += " END";
  std::string scheduled = "(e.at + " + interval + ")";
  std::string sql =
      "SELECT * FROM (SELECT c.id, c.case_number, c.region_kato, c.owner_agency_id, e.level, "
      "r.reason, CASE WHEN e.id IS NULL THEN c.opened_at "
      "WHEN r.required_at IS NOT NULL AND r.required_at < " +
      scheduled + " THEN r.required_at ELSE " + scheduled +
      " END AS due_at "
      "FROM cases c "
      "LEFT JOIN risk_entries e ON e.id = (SELECT max(id) FROM risk_entries WHERE case_id = c.id) "
      "LEFT JOIN risk_reassessments r ON r.case_id = c.id "
      "WHERE c.status <> 'closed' AND c.id IN (" +
      scope.sql + ")";
  if (agency_id) {
    std::string p = bind(*agency_id);
    sql += " AND (c.owner_agency_id = " + p + " OR c.assigned_agency_id = " + p + ")";
  }
  std::int64_t now = clock_.now_ms();
  sql += ") AS reviews WHERE due_at <= " +
         bind(now + std::chrono::duration_cast<std::chrono::milliseconds>(within).count()) +
         " OR reason IS NOT NULL ORDER BY due_at, id";
  std::vector<DueReview> out;
  for (const auto& row : connection.query(sql, params)) {
    DueReview review;
    review.case_id = row.integer(0);
    review.case_number = row.optional_text(1).value_or("");
    review.region_kato = row.text(2);
    review.owner_agency_id = row.integer(3);
    if (auto level = row.optional_text(4)) review.level = stored_level(*level);
    auto reason = row.optional_text(5);
    review.due_at = row.integer(6);
    review.overdue = review.due_at <= now;
    review.reason = !review.level ? "never_assessed" : reason.value_or("scheduled");
    out.push_back(std::move(review));
  }
  return out;
}

}  // namespace qorgau::risk
