// Incidents recorded in a case after it was opened (a new assault, a new threat): the date it
// happened (a local calendar day, not in the future) and its intake incident type codes.
//
// Invariants: recording one appends the timeline event "incident_recorded" and makes a
// re-assessment of the case's risk due now (reason "new_incident"), in the caller's
// transaction; validation comes first, so a refused call writes nothing.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "cases/timeline.h"
#include "core/clock.h"
#include "risk/assessments.h"
#include "store/database.h"

namespace qorgau::risk {

struct Incident {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string occurred_on;         // YYYY-MM-DD
  std::vector<std::string> types;  // intake::incident_types() codes
  std::int64_t recorded_at = 0;
};

class IncidentStore {
 public:
  IncidentStore(const AssessmentStore& assessments, const cases::Timeline& timeline,
                const core::Clock& clock)
      : assessments_(assessments), timeline_(timeline), clock_(clock) {}

  // ApiError(kValidationFailed, "occurred_on") for a day that is not YYYY-MM-DD or later than
  // `today` (the jurisdiction's local date); ApiError(kValidationFailed, "types") for no type.
  // `types` must already be intake codes without repeats (http::JsonBody::string_list).
  Incident record(store::Connection& connection, std::int64_t case_id,
                  const std::string& occurred_on, const std::vector<std::string>& types,
                  std::int64_t user_id, std::chrono::year_month_day today) const;

 private:
  const AssessmentStore& assessments_;
  const cases::Timeline& timeline_;
  const core::Clock& clock_;
};

}  // namespace qorgau::risk
