// Routes for residents of a crisis centre and the network's reports
// (declared in shelters_api.h).
#include <algorithm>

#include "core/error.h"
#include "http/json_body.h"
#include "http/nullable_json.h"
#include "http/query.h"
#include "shelters/reports.h"
#include "shelters/shelters_api.h"
#include "shelters/shelters_json.h"

namespace qorgau::shelters {

using accounts::Permission;
using core::ApiError;
using core::ErrorCode;
using http::Access;
using http::HttpResponse;
using http::JsonBody;
using http::Method;
using http::RequestContext;
using nlohmann::json;

namespace {

std::string one_of(const JsonBody& body, std::string_view field,
                   const std::vector<std::string_view>& allowed) {
  std::string value = body.required_string(field, 40);
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    throw ApiError(ErrorCode::kValidationFailed, std::string(field));
  }
  return value;
}

std::optional<std::string> optional_text(const json& object, const char* field, size_t max) {
  auto it = object.find(field);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) throw ApiError(ErrorCode::kWrongType, std::string("children.") + field);
  std::string value = it->get<std::string>();
  if (value.empty()) return std::nullopt;
  if (value.size() > max)
    throw ApiError(ErrorCode::kValidationFailed, std::string("children.") + field);
  return value;
}

std::vector<people::NewPerson> children_from(const JsonBody& body) {
  std::vector<people::NewPerson> children;
  auto it = body.json().find("children");
  if (it == body.json().end() || it->is_null()) return children;
  if (!it->is_array()) throw ApiError(ErrorCode::kWrongType, "children");
  for (const auto& child : *it) {
    if (!child.is_object()) throw ApiError(ErrorCode::kWrongType, "children");
    for (const auto& [key, value] : child.items()) {
      if (key != "full_name" && key != "birth_date" && key != "iin" && key != "sex") {
        throw ApiError(ErrorCode::kUnknownField, "children." + key.substr(0, 32));
      }
    }
    auto name = optional_text(child, "full_name", 300);
    if (!name) throw ApiError(ErrorCode::kMissingField, "children.full_name");
    children.push_back({*name, optional_text(child, "iin", 12),
                        optional_text(child, "birth_date", 10), optional_text(child, "sex", 6)});
  }
  return children;
}

// Every person in an answer is a read of a person: one audit entry each.
void audit_reads(app::Services& s, store::Connection& c, const RequestContext& ctx,
                 const Admission& a) {
  s.audit().append(c, shelter_event(ctx, "person.read", "person", a.woman.id));
  for (const auto& child : a.children) {
    s.audit().append(c, shelter_event(ctx, "person.read", "person", child.id));
  }
}

// The admission, if the user operates its centre.
Admission operable_admission(app::Services& s, store::Connection& c, const RequestContext& ctx) {
  auto admission = s.shelter_admissions().find(c, ctx.id_param("id"));
  if (!admission) throw ApiError(ErrorCode::kNotFound);
  operable_shelter(s, c, ctx, admission->shelter_id);
  return *admission;
}

}  // namespace

void register_admission_routes(http::Router& router, app::Services& s) {
  router.add(
      Method::kPost, "/api/v1/shelters/{id}/admissions", Access::need(Permission::kSheltersOperate),
      [&s](RequestContext& ctx) {
        JsonBody body(ctx.request, {"referral_id", "full_name", "iin", "birth_date", "children",
                                    "accessible", "over_capacity_reason"});
        NewAdmission admission;
        admission.referral_id = body.optional_integer("referral_id");
        admission.woman = {body.required_string("full_name", 300), body.optional_string("iin", 12),
                           body.optional_string("birth_date", 10), std::nullopt};
        admission.children = children_from(body);
        admission.accessible = body.optional_bool("accessible").value_or(false);
        admission.over_capacity_reason = body.optional_string("over_capacity_reason", 1000);
        auto connection = s.pool().lease();
        store::Transaction tx(*connection);
        Shelter shelter = operable_shelter(s, *connection, ctx, ctx.id_param("id"));
        Admission created = s.shelter_admissions().admit(*connection, shelter.id, admission);
        s.audit().append(*connection, shelter_event(ctx, "shelter_admission.create",
                                                    "shelter_admission", created.id));
        s.audit().append(*connection,
                         shelter_event(ctx, "person.create", "person", created.woman.id));
        for (const auto& child : created.children) {
          s.audit().append(*connection, shelter_event(ctx, "person.create", "person", child.id));
        }
        tx.commit();
        return HttpResponse::json(201, {{"admission", admission_json(created)}});
      });

  router.add(Method::kGet, "/api/v1/shelters/{id}/admissions",
             Access::need(Permission::kSheltersOperate), [&s](RequestContext& ctx) {
               auto status = http::query_string(ctx.request, "status", 10).value_or("current");
               if (status != "current" && status != "all") {
                 throw ApiError(ErrorCode::kValidationFailed, "status");
               }
               auto connection = s.pool().lease();
               Shelter shelter = operable_shelter(s, *connection, ctx, ctx.id_param("id"));
               json out = json::array();
               store::Transaction tx(*connection);
               for (const Admission& a :
                    s.shelter_admissions().list(*connection, shelter.id, status == "current")) {
                 audit_reads(s, *connection, ctx, a);
                 out.push_back(admission_json(a));
               }
               tx.commit();
               return HttpResponse::json(200, {{"admissions", out}});
             });

  router.add(Method::kPost, "/api/v1/shelter-admissions/{id}/services",
             Access::need(Permission::kSheltersOperate), [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"kind"});
               std::string kind = one_of(body, "kind", stay_service_kinds());
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               Admission admission = operable_admission(s, *connection, ctx);
               Admission updated = s.shelter_admissions().add_service(*connection, admission.id,
                                                                      kind, ctx.user().user.id);
               s.audit().append(*connection, shelter_event(ctx, "shelter_admission.service",
                                                           "shelter_admission", admission.id));
               audit_reads(s, *connection, ctx, updated);
               tx.commit();
               return HttpResponse::json(200, {{"admission", admission_json(updated)}});
             });

  router.add(Method::kPost, "/api/v1/shelter-admissions/{id}/discharge",
             Access::need(Permission::kSheltersOperate), [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"destination"});
               std::string destination = one_of(body, "destination", discharge_destinations());
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               Admission admission = operable_admission(s, *connection, ctx);
               Admission updated =
                   s.shelter_admissions().discharge(*connection, admission.id, destination);
               s.audit().append(*connection, shelter_event(ctx, "shelter_admission.discharge",
                                                           "shelter_admission", admission.id));
               audit_reads(s, *connection, ctx, updated);
               tx.commit();
               return HttpResponse::json(200, {{"admission", admission_json(updated)}});
             });

  router.add(Method::kPost, "/api/v1/shelters/{id}/turnaways",
             Access::need(Permission::kSheltersOperate), [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"women", "children", "reason"});
               Counts household{body.required_integer("women", 0, 20),
                                body.required_integer("children", 0, 30), 0};
               if (household.women + household.children == 0) {
                 throw ApiError(ErrorCode::kValidationFailed, "women");
               }
               std::string reason = one_of(body, "reason", turnaway_reasons());
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               Shelter shelter = operable_shelter(s, *connection, ctx, ctx.id_param("id"));
               s.shelters().record_turnaway(*connection, shelter.id, household, reason);
               s.audit().append(*connection,
                                shelter_event(ctx, "shelter.turnaway", "shelter", shelter.id));
               tx.commit();
               return HttpResponse::json(201, {{"recorded", true}});
             });

  router.add(
      Method::kGet, "/api/v1/shelter-reports", Access::need(Permission::kSheltersReports),
      [&s](RequestContext& ctx) {
        auto region = http::query_string(ctx.request, "region", 16);
        if (region && !s.jurisdiction().find_region(*region)) {
          throw ApiError(ErrorCode::kValidationFailed, "region");
        }
        auto from = http::query_string(ctx.request, "from", 10);
        auto to = http::query_string(ctx.request, "to", 10);
        if (!from) throw ApiError(ErrorCode::kMissingField, "from");
        if (!to) throw ApiError(ErrorCode::kMissingField, "to");
        auto connection = s.pool().lease();
        NetworkReport report = build_report(*connection, s.shelters(), s.protector(),
                                            s.jurisdiction(), *from, *to, region);
        json centres = json::array();
        for (const auto& c : report.centres) {
          json days = json::array();
          for (const auto& d : c.days) {
            days.push_back(
                {{"day", d.day}, {"women", d.occupied.women}, {"children", d.occupied.children}});
          }
          centres.push_back({{"shelter_id", c.shelter_id},
                             {"name", http::localized_json(c.name)},
                             {"region_kato", c.region_kato},
                             {"capacity", counts_json(c.capacity)},
                             {"days", days},
                             {"occupancy_rate", c.occupancy_rate},
                             {"admissions", c.admissions},
                             {"average_stay_days", http::nullable_json(c.average_stay_days)},
                             {"turnaways", c.turnaways},
                             {"over_capacity_admissions", c.over_capacity_admissions}});
        }
        json regions = json::array();
        for (const auto& r : report.regions) {
          regions.push_back({{"region_kato", r.region_kato},
                             {"capacity", counts_json(r.capacity)},
                             {"occupancy_rate", r.occupancy_rate},
                             {"admissions", r.admissions},
                             {"average_stay_days", http::nullable_json(r.average_stay_days)},
                             {"turnaways", r.turnaways},
                             {"over_capacity_admissions", r.over_capacity_admissions}});
        }
        json events = json::array();
        for (const auto& e : report.over_capacity_events) {
          events.push_back({{"shelter_id", e.shelter_id}, {"at", e.at}, {"reason", e.reason}});
        }
        return HttpResponse::json(200, {{"from", report.from},
                                        {"to", report.to},
                                        {"centres", centres},
                                        {"regions", regions},
                                        {"over_capacity_events", events}});
      });
}

}  // namespace qorgau::shelters
