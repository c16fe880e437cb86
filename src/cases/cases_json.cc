#include "cases/cases_json.h"

#include "core/clock.h"
#include "http/nullable_json.h"

namespace qorgau::cases {

using nlohmann::json;

json person_json(const people::Person& p) {
  return {{"id", p.id},
          {"full_name", p.full_name},
          {"iin", http::nullable_json(p.iin)},
          {"birth_date", http::nullable_json(p.birth_date)},
          {"sex", http::nullable_json(p.sex)},
          {"agency_id", p.agency_id}};
}

json case_json(const Case& c) {
  return {{"id", c.id},
          {"case_number", c.case_number},
          {"survivor_person_id", c.survivor_person_id},
          {"aggressor_person_id", c.aggressor_person_id},
          {"status", c.status},
          {"basis", c.basis},
          {"ground", http::nullable_json(c.ground)},
          {"incident_types", c.incident_types},
          {"region_kato", c.region_kato},
          {"owner_agency_id", c.owner_agency_id},
          {"assigned_agency_id", http::nullable_json(c.assigned_agency_id)},
          {"assigned_user_id", http::nullable_json(c.assigned_user_id)},
          {"offence", http::nullable_json(c.offence)},
          {"repeat_offence", c.repeat_offence},
          {"report_id", http::nullable_json(c.report_id)},
          {"opened_at", core::format_iso8601_utc(c.opened_at)},
          {"closed_at", c.closed_at ? json(core::format_iso8601_utc(*c.closed_at)) : json(nullptr)},
          {"close_reason", http::nullable_json(c.close_reason)}};
}

json candidates_json(const std::vector<Candidate>& candidates) {
  json out = json::array();
  for (const auto& c : candidates) {
    out.push_back({{"person", person_json(c.person)}, {"matched_by", c.matched_by}});
  }
  return out;
}

}  // namespace qorgau::cases
