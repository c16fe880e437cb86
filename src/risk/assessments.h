// A case's risk: assessments with an instrument, escalations by events (an order violation),
// re-assessments an event makes due, and the queue of reviews due.
//
// Invariants:
//  - an assessment answers every item of the current version of its instrument and stores that
//    version and every answer (encrypted: "risk_entries.answers"); its level is the computed
//    level (risk/scoring.h) or a higher one the officer chose with a written reason
//    (encrypted: "risk_entries.raise_reason"), never a lower one (ApiError kRiskLevelLowered);
//  - the case's current level is the level of its latest entry (assessment or escalation);
//  - the next review is due at the latest entry's time plus the jurisdiction's review interval
//    of the current LEVEL (risk_review), or earlier when an event required a re-assessment
//    (due at the moment it was required); the next assessment clears that requirement;
//  - "due" and "overdue" are derived from stored instants at read time, never stored, so they
//    are right across restarts without any scheduler;
//  - every write joins the caller's transaction and appends its timeline event there
//    ("risk_assessed", "risk_escalated"); audit is the caller's.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/timeline.h"
#include "core/clock.h"
#include "core/jurisdiction.h"
#include "crypto/protector.h"
#include "risk/instruments.h"
#include "risk/level.h"
#include "risk/scoring.h"
#include "store/database.h"

namespace qorgau::risk {

inline constexpr std::size_t kMaxRaiseReasonBytes = 2000;

struct NewAssessment {
  std::string instrument;  // a code; its current version is used
  Answers answers;
  std::optional<Level> raise_to;
  std::optional<std::string> raise_reason;
};

struct Assessment {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string instrument_code;
  std::int64_t instrument_version = 0;
  std::int64_t score = 0;
  Level computed_level = Level::kLow;
  Level level = Level::kLow;
  bool raised = false;
  std::optional<std::string> raise_reason;
  std::int64_t assessed_at = 0;
  std::optional<std::int64_t> assessed_by_user_id;
  std::int64_t next_review_due_at = 0;
  Answers answers;
};

// The outcome of answers before they are stored (AssessmentStore::preview).
struct Preview {
  std::string instrument_code;
  std::int64_t instrument_version = 0;
  std::int64_t score = 0;
  Level computed_level = Level::kLow;
};

// One entry of a case's risk history.
struct HistoryEntry {
  std::int64_t id = 0;
  std::string kind;  // "assessment" | "escalation"
  Level level = Level::kLow;
  std::optional<Level> computed_level;  // assessments
  std::optional<std::int64_t> score;    // assessments
  bool raised = false;                  // assessments
  std::int64_t at = 0;
  std::optional<std::int64_t> user_id;
  std::optional<std::string> reason_code;  // escalations
};

struct CurrentRisk {
  Level level = Level::kLow;
  std::int64_t since_at = 0;  // when the case reached this level (the oldest entry of the run)
  std::string source;         // kind of the latest entry
  std::int64_t next_review_due_at = 0;
  bool overdue = false;
  std::optional<std::string> reassessment_reason;  // set when an event required one
};

struct DueReview {
  std::int64_t case_id = 0;
  std::string case_number;
  std::string region_kato;
  std::int64_t owner_agency_id = 0;
  std::optional<Level> level;  // none: never assessed
  std::int64_t due_at = 0;
  bool overdue = false;
  std::string reason;  // "scheduled" | "new_incident" | "order_violation" | "never_assessed"
};

// Which cases a due-reviews query looks at: SQL selecting case ids, with its parameters
// ($1.. numbered in it), as cases::CaseQuery builds for the caller's scope.
struct CaseScope {
  std::string sql;
  std::vector<store::Value> params;
};

class AssessmentStore {
 public:
  AssessmentStore(const InstrumentStore& instruments, const cases::Timeline& timeline,
                  const crypto::Protector& protector, const core::Jurisdiction& jurisdiction,
                  const core::Clock& clock)
      : instruments_(instruments),
        timeline_(timeline),
        protector_(protector),
        jurisdiction_(jurisdiction),
        clock_(clock) {}

  // Validates and stores an assessment of an existing case. ApiError: kValidationFailed
  // "instrument" (no such code), "answers.<id>", "raise_reason" (raise_to without a reason, or
  // a blank or too long one), "raise_to" (a reason without raise_to); kRiskLevelLowered
  // "raise_to" (below the computed level).
  Assessment record(store::Connection& connection, std::int64_t case_id, const NewAssessment& input,
                    std::int64_t user_id) const;
  // What record() would compute for these answers, storing nothing: so the officer sees the
  // computed level before deciding whether to raise it, and the history keeps one entry.
  // ApiError: kValidationFailed "instrument", "answers.<id>".
  Preview preview(store::Connection& connection, const std::string& instrument_code,
                  const Answers& answers) const;
  // The assessment `id` of case `case_id`, with its answers and raise reason.
  std::optional<Assessment> find(store::Connection& connection, std::int64_t case_id,
                                 std::int64_t id) const;
  // Oldest first.
  std::vector<HistoryEntry> history(store::Connection& connection, std::int64_t case_id) const;
  // None while the case was never assessed nor escalated.
  std::optional<CurrentRisk> current(store::Connection& connection, std::int64_t case_id) const;

  // Raises the case's current level one step (extreme stays extreme; a case never assessed
  // counts as low) as an "escalation" entry with `reason_code`, and makes a re-assessment due
  // now. Joins the caller's transaction; appends the timeline event "risk_escalated". Audit is
  // the caller's. `reason_code` is "order_violation" or "new_incident" (also the reason of the
  // re-assessment); anything else is a programming error (std::invalid_argument).
  void escalate(store::Connection& connection, std::int64_t case_id, std::string_view reason_code,
                std::optional<std::int64_t> user_id) const;
  // Makes a re-assessment of the case due now, for `reason` ("new_incident" |
  // "order_violation"); an earlier pending demand stands. Joins the caller's transaction.
  void require_reassessment(store::Connection& connection, std::int64_t case_id,
                            std::string_view reason, std::optional<std::int64_t> user_id) const;

  // Open cases of `scope` (optionally owned by or assigned to `agency_id`) whose review is due
  // before now + `within`, overdue, or required, and open cases never assessed (due at their
  // opening); soonest first.
  std::vector<DueReview> due(store::Connection& connection, const CaseScope& scope,
                             std::optional<std::int64_t> agency_id,
                             std::chrono::hours within) const;

  // The jurisdiction's longest time between two assessments at `level`.
  std::chrono::milliseconds review_interval(Level level) const;
  // The protective actions the jurisdiction requires at `level`.
  const std::vector<std::string>& required_actions(Level level) const;

 private:
  const InstrumentStore& instruments_;
  const cases::Timeline& timeline_;
  const crypto::Protector& protector_;
  const core::Jurisdiction& jurisdiction_;
  const core::Clock& clock_;
};

}  // namespace qorgau::risk
