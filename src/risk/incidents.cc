#include "risk/incidents.h"

#include "core/calendar_day.h"
#include "core/error.h"

namespace qorgau::risk {

using core::ApiError;
using core::ErrorCode;

Incident IncidentStore::record(store::Connection& connection, std::int64_t case_id,
                               const std::string& occurred_on,
                               const std::vector<std::string>& types, std::int64_t user_id,
                               std::chrono::year_month_day today) const {
  auto day = core::parse_day(occurred_on);
  if (!day || std::chrono::sys_days(*day) > std::chrono::sys_days(today)) {
    throw ApiError(ErrorCode::kValidationFailed, "occurred_on");
  }
  if (types.empty()) throw ApiError(ErrorCode::kValidationFailed, "types");
  std::string joined;
  for (const auto& type : types) joined += (joined.empty() ? "" : ",") + type;
  Incident incident{0, case_id, occurred_on, types, clock_.now_ms()};
  incident.id = connection
                    .query_one(
                        "INSERT INTO case_incidents (case_id, occurred_on, types, recorded_at, "
                        "recorded_by_user_id) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                        {case_id, occurred_on, joined, incident.recorded_at, user_id})
                    ->integer(0);
  timeline_.append_event(
      connection, case_id, user_id, "incident_recorded",
      "incident " + std::to_string(incident.id) + " on " + occurred_on + " types " + joined);
  assessments_.require_reassessment(connection, case_id, "new_incident", user_id);
  return incident;
}

}  // namespace qorgau::risk
