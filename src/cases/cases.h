// The store of cases: one survivor and one aggressor per case (as in VioGén);
// a person may be in many cases.
//
// Invariants:
//  - survivor and aggressor are two different existing people;
//  - a case is opened on the survivor's complaint, or without it on a ground
//    of jurisdiction().case_without_complaint (refused when the law does not
//    allow it or names no such ground);
//  - incident types are the intake codes (intake::incident_types()), at least
//    one, without repeats; the region is the jurisdiction's; the owner agency
//    exists;
//  - status moves only along allowed_transitions(): opened ->
//    under_investigation -> sent_to_court -> decided -> closed, and closed from
//    any open state; closing takes a reason from close_reasons(); anything
//    else is ApiError(kInvalidState);
//  - closure by "reconciliation" is ApiError(kReconciliationBarred) when the
//    recorded offence (offence, repeat) is one the law bars it for
//    (jurisdiction().reconciliation.barred_for: the offence code itself, or
//    "repeat_<offence>" for a repeat offence);
//  - a closed case takes no further change;
//  - every change appends its timeline event (Timeline::append_event) in the
//    caller's transaction; validation comes first, so a refused call writes
//    nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cases/timeline.h"
#include "core/clock.h"
#include "core/jurisdiction.h"
#include "store/database.h"

namespace qorgau::cases {

// "opened", "under_investigation", "sent_to_court", "decided", "closed".
const std::vector<std::string_view>& case_statuses();
// The explicit transition table (from, to).
const std::vector<std::pair<std::string_view, std::string_view>>& allowed_transitions();
bool transition_allowed(std::string_view from, std::string_view to);
// "complaint", "without_complaint".
const std::vector<std::string_view>& opening_bases();
// Why a case was closed: "decision_executed", "no_offence", "insufficient_evidence",
// "reconciliation", "duplicate", "transferred".
const std::vector<std::string_view>& close_reasons();
// Offences a case records for the law's rules: "battery", "minor_harm", "moderate_harm",
// "grave_harm", "threat", "sexual_violence", "stalking", "other".
const std::vector<std::string_view>& offence_codes();
// Whether the jurisdiction bars closing by reconciliation for this offence.
bool reconciliation_barred(const core::Jurisdiction& jurisdiction, std::string_view offence,
                           bool repeat);

struct NewCase {
  std::int64_t survivor_person_id = 0;
  std::int64_t aggressor_person_id = 0;
  std::string basis;                  // "complaint" | "without_complaint"
  std::optional<std::string> ground;  // required for without_complaint, absent otherwise
  std::vector<std::string> incident_types;
  std::string region_kato;
  std::int64_t owner_agency_id = 0;
  std::optional<std::string> offence;
  bool repeat_offence = false;
  std::optional<std::int64_t> report_id;  // the public report it was opened from
};

struct Case {
  std::int64_t id = 0;
  std::string case_number;  // "C-000042"
  std::int64_t survivor_person_id = 0;
  std::int64_t aggressor_person_id = 0;
  std::string status;
  std::string basis;
  std::optional<std::string> ground;
  std::vector<std::string> incident_types;
  std::string region_kato;
  std::int64_t owner_agency_id = 0;
  std::optional<std::int64_t> assigned_agency_id;
  std::optional<std::int64_t> assigned_user_id;
  std::optional<std::string> offence;
  bool repeat_offence = false;
  std::optional<std::int64_t> report_id;
  std::int64_t opened_at = 0;
  std::optional<std::int64_t> opened_by_user_id;
  std::optional<std::int64_t> closed_at;
  std::optional<std::string> close_reason;
};

class CaseStore {
 public:
  CaseStore(const Timeline& timeline, const core::Jurisdiction& jurisdiction,
            const core::Clock& clock)
      : timeline_(timeline), jurisdiction_(jurisdiction), clock_(clock) {}

  // Validates (see the invariants) and inserts; ApiError naming the field otherwise.
  Case create(store::Connection& connection, const NewCase& input,
              std::optional<std::int64_t> user_id) const;
  std::optional<Case> find(store::Connection& connection, std::int64_t id) const;
  // Moves the case to `to`; `reason` is required for "closed" and refused otherwise.
  Case transition(store::Connection& connection, std::int64_t id, std::string_view to,
                  const std::optional<std::string>& reason, std::int64_t user_id) const;
  // Assigns to an agency and optionally one of its users (kValidationFailed "user_id"
  // when the user is not in that agency).
  Case assign(store::Connection& connection, std::int64_t id, std::int64_t agency_id,
              std::optional<std::int64_t> assigned_user_id, std::int64_t user_id) const;
  // Records the offence and whether it is a repeat one.
  Case record_offence(store::Connection& connection, std::int64_t id, const std::string& offence,
                      bool repeat, std::int64_t user_id) const;
  // Cases in which this person is survivor or aggressor, oldest first.
  std::vector<Case> for_person(store::Connection& connection, std::int64_t person_id) const;

 private:
  Case open_case(store::Connection& connection, std::int64_t id) const;

  const Timeline& timeline_;
  const core::Jurisdiction& jurisdiction_;
  const core::Clock& clock_;
};

}  // namespace qorgau::cases
