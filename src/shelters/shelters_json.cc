#include "shelters/shelters_json.h"

#include "core/error.h"
#include "http/json_body.h"
#include "http/nullable_json.h"

namespace qorgau::shelters {

using core::ApiError;
using core::ErrorCode;
using http::localized_json;
using nlohmann::json;

namespace {

json person_json(const people::Person& p) {
  return {{"person_id", p.id},
          {"full_name", p.full_name},
          {"iin", http::nullable_json(p.iin)},
          {"birth_date", http::nullable_json(p.birth_date)}};
}

}  // namespace

json counts_json(const Counts& c) {
  return {{"women", c.women}, {"children", c.children}, {"accessible", c.accessible}};
}

json shelter_json(const Shelter& s, bool own, bool with_address) {
  json out = {{"id", s.id},
              {"service_id", s.service.id},
              {"name", localized_json(s.service.name)},
              {"region_kato", s.service.region_kato},
              {"locality", localized_json(s.service.locality)},
              {"phone", s.service.phone},
              {"languages", s.service.languages},
              {"hours_24_7", s.service.hours_24_7},
              {"agency_id", s.agency_id},
              {"own", own},
              {"capacity", counts_json(s.capacity)},
              {"occupied", counts_json(s.occupied)},
              {"held", counts_json(s.held)},
              {"available", counts_json(s.available())},
              {"occupancy_updated_at", s.occupancy_updated_at},
              {"admission_rules", s.admission_rules}};
  if (with_address) out["address"] = http::nullable_json(s.address);
  return out;
}

json hold_json(const Hold& h) {
  return {{"id", h.id},
          {"shelter_id", h.shelter_id},
          {"women", h.household.women},
          {"children", h.household.children},
          {"accessible", h.household.accessible > 0},
          {"created_at", h.created_at},
          {"expires_at", h.expires_at},
          {"status", h.status}};
}

json referral_json(const Referral& r, const Shelter& shelter,
                   const std::string& referring_agency_name, bool incoming) {
  return {{"id", r.id},
          {"shelter_id", r.shelter_id},
          {"shelter_name", localized_json(shelter.service.name)},
          {"hold_id", r.hold_id},
          {"women", r.household.women},
          {"children", r.household.children},
          {"accessible", r.household.accessible > 0},
          {"needs", r.needs},
          {"urgency", r.urgency},
          {"callback_phone", http::nullable_json(r.callback_phone)},
          {"status", r.status},
          {"decline_reason", http::nullable_json(r.decline_reason)},
          {"created_at", r.created_at},
          {"decided_at", http::nullable_json(r.decided_at)},
          {"direction", incoming ? "incoming" : "outgoing"},
          {"referring_agency_name", referring_agency_name}};
}

json admission_json(const Admission& a) {
  json children = json::array();
  for (const auto& child : a.children) children.push_back(person_json(child));
  json services = json::array();
  for (const auto& service : a.services) {
    services.push_back({{"kind", service.kind}, {"at", service.at}});
  }
  return {{"id", a.id},
          {"shelter_id", a.shelter_id},
          {"referral_id", http::nullable_json(a.referral_id)},
          {"woman", person_json(a.woman)},
          {"children", children},
          {"accessible", a.accessible},
          {"admitted_at", a.admitted_at},
          {"days_stayed", a.days_stayed},
          {"max_stay_ends_at", a.max_stay_ends_at},
          {"max_stay_alert", a.max_stay_alert},
          {"over_capacity_reason", http::nullable_json(a.over_capacity_reason)},
          {"services", services},
          {"discharged_at", http::nullable_json(a.discharged_at)},
          {"destination", http::nullable_json(a.destination)}};
}

bool operates(app::Services& services, store::Connection& connection,
              const http::RequestContext& ctx, const Shelter& shelter) {
  if (!ctx.user().can(accounts::Permission::kSheltersOperate)) return false;
  auto agency = services.agencies().find(connection, shelter.agency_id);
  return agency && ctx.user().reaches(*agency);
}

Shelter operable_shelter(app::Services& services, store::Connection& connection,
                         const http::RequestContext& ctx, std::int64_t shelter_id) {
  auto shelter = services.shelters().find(connection, shelter_id);
  if (!shelter || !operates(services, connection, ctx, *shelter)) {
    throw ApiError(ErrorCode::kNotFound);
  }
  return *shelter;
}

audit::AuditEvent shelter_event(const http::RequestContext& ctx, std::string action,
                                std::string object_type, std::int64_t id) {
  return {ctx.user().user.id, ctx.user().agency.id,  std::move(action), std::move(object_type),
          std::to_string(id), ctx.request.client_ip, "success"};
}

}  // namespace qorgau::shelters
