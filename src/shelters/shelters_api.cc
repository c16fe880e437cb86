#include "shelters/shelters_api.h"

#include <algorithm>

#include "core/error.h"
#include "http/json_body.h"
#include "http/query.h"
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

// The body of POST /shelters and PUT /shelters/{id}; `creating` adds agency and region.
ShelterDetails details_from(const JsonBody& body, bool creating) {
  ShelterDetails d;
  core::LocalizedText name{body.required_string("name_kk", 300),
                           body.required_string("name_ru", 300),
                           body.required_string("name_en", 300)};
  std::string locality = body.required_string("locality", 200);
  d.service.name = name;
  d.service.locality = {locality, locality, locality};
  if (creating) d.service.region_kato = body.required_string("region_kato", 16);
  d.service.phone = body.required_string("phone", 40);
  d.service.languages = body.string_list("languages", help::language_codes());
  d.service.hours_24_7 = body.optional_bool("hours_24_7").value_or(true);
  d.service.hours = d.service.hours_24_7
                        ? core::LocalizedText{"Тәулік бойы", "Круглосуточно", "24 hours a day"}
                        : core::LocalizedText{"Жұмыс уақытында", "В рабочее время", "Office hours"};
  d.service.description = {name.kk, name.ru, name.en};
  d.capacity = {body.required_integer("beds_women", 1, 10000),
                body.required_integer("beds_children", 0, 10000),
                body.required_integer("accessible_rooms", 0, 10000)};
  d.admission_rules = body.optional_string("admission_rules", 2000).value_or("");
  d.address = body.optional_string("address", 300);
  return d;
}

Counts household_from_query(const RequestContext& ctx) {
  return {http::query_integer(ctx.request, "women", 0, 20).value_or(0),
          http::query_integer(ctx.request, "children", 0, 30).value_or(0),
          http::query_bool(ctx.request, "accessible").value_or(false) ? 1 : 0};
}

std::string agency_name(app::Services& s, store::Connection& c, std::int64_t id) {
  auto agency = s.agencies().find(c, id);
  return agency ? agency->name : "";
}

json shelter_answer(app::Services& s, store::Connection& c, const RequestContext& ctx,
                    const Shelter& shelter) {
  bool own = operates(s, c, ctx, shelter);
  return shelter_json(shelter, own, own);
}

}  // namespace

void register_shelter_routes(http::Router& router, app::Services& s) {
  router.add(Method::kGet, "/api/v1/shelters", Access::need(Permission::kSheltersRead),
             [&s](RequestContext& ctx) {
               auto region = http::query_string(ctx.request, "region", 16);
               if (region && !s.jurisdiction().find_region(*region)) {
                 throw ApiError(ErrorCode::kValidationFailed, "region");
               }
               Counts household = household_from_query(ctx);
               bool searching = household.women > 0 || household.children > 0;
               auto fresh = http::query_integer(ctx.request, "fresh_minutes", 1,
                                                std::int64_t{60} * 24 * 365);
               std::int64_t now = s.clock().now_ms();
               auto connection = s.pool().lease();
               json out = json::array();
               std::vector<std::pair<Shelter, bool>> found;
               for (Shelter& shelter : s.shelters().list(*connection, region)) {
                 if (fresh && now - shelter.occupancy_updated_at > *fresh * 60'000) continue;
                 bool fits = household.fits_in(shelter.available());
                 if (searching && !fits) continue;
                 found.emplace_back(std::move(shelter), fits);
               }
               std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
                 if (a.second != b.second) return a.second;
                 return a.first.occupancy_updated_at > b.first.occupancy_updated_at;
               });
               for (const auto& [shelter, fits] : found) {
                 json entry = shelter_answer(s, *connection, ctx, shelter);
                 entry.erase("address");
                 if (searching) entry["fits"] = fits;
                 out.push_back(std::move(entry));
               }
               return HttpResponse::json(200, {{"shelters", out}});
             });

  router.add(Method::kPost, "/api/v1/shelters", Access::need(Permission::kSheltersManage),
             [&s](RequestContext& ctx) {
               JsonBody body(ctx.request,
                             {"agency_id", "name_kk", "name_ru", "name_en", "region_kato",
                              "locality", "phone", "languages", "hours_24_7", "beds_women",
                              "beds_children", "accessible_rooms", "admission_rules", "address"});
               std::int64_t agency_id = body.required_integer("agency_id");
               ShelterDetails details = details_from(body, true);
               auto connection = s.pool().lease();
               auto agency = s.agencies().find(*connection, agency_id);
               if (!agency || agency->kind != "crisis_centre") {
                 throw ApiError(ErrorCode::kUnknownAgency, "agency_id");
               }
               store::Transaction tx(*connection);
               Shelter created = s.shelters().create(*connection, agency_id, details);
               s.audit().append(*connection,
                                shelter_event(ctx, "shelter.create", "shelter", created.id));
               tx.commit();
               return HttpResponse::json(201, shelter_answer(s, *connection, ctx, created));
             });

  router.add(Method::kGet, "/api/v1/shelters/{id}", Access::need(Permission::kSheltersRead),
             [&s](RequestContext& ctx) {
               auto connection = s.pool().lease();
               auto shelter = s.shelters().find(*connection, ctx.id_param("id"));
               if (!shelter) throw ApiError(ErrorCode::kNotFound);
               return HttpResponse::json(200, shelter_answer(s, *connection, ctx, *shelter));
             });

  router.add(
      Method::kPut, "/api/v1/shelters/{id}", Access::need(Permission::kSheltersOperate),
      [&s](RequestContext& ctx) {
        JsonBody body(ctx.request, {"name_kk", "name_ru", "name_en", "locality", "phone",
                                    "languages", "hours_24_7", "beds_women", "beds_children",
                                    "accessible_rooms", "admission_rules", "address"});
        ShelterDetails details = details_from(body, false);
        auto connection = s.pool().lease();
        store::Transaction tx(*connection);
        Shelter shelter = operable_shelter(s, *connection, ctx, ctx.id_param("id"));
        s.shelters().update(*connection, shelter.id, details);
        s.audit().append(*connection, shelter_event(ctx, "shelter.update", "shelter", shelter.id));
        tx.commit();
        return HttpResponse::json(
            200, shelter_answer(s, *connection, ctx, *s.shelters().find(*connection, shelter.id)));
      });

  router.add(
      Method::kPost, "/api/v1/shelters/{id}/occupancy", Access::need(Permission::kSheltersOperate),
      [&s](RequestContext& ctx) {
        JsonBody body(ctx.request, {"women", "children", "accessible", "over_capacity_reason"});
        Counts delta{body.optional_integer("women").value_or(0),
                     body.optional_integer("children").value_or(0),
                     body.optional_integer("accessible").value_or(0)};
        for (auto [field, value] : {std::pair{"women", delta.women},
                                    {"children", delta.children},
                                    {"accessible", delta.accessible}}) {
          if (value < -1000 || value > 1000) {
            throw ApiError(ErrorCode::kValidationFailed, field);
          }
        }
        auto reason = body.optional_string("over_capacity_reason", 1000);
        auto connection = s.pool().lease();
        store::Transaction tx(*connection);
        Shelter shelter = operable_shelter(s, *connection, ctx, ctx.id_param("id"));
        Shelter after = s.shelters().change_occupancy(*connection, shelter.id, delta, reason);
        s.audit().append(*connection,
                         shelter_event(ctx, "shelter.occupancy", "shelter", shelter.id));
        tx.commit();
        return HttpResponse::json(200, shelter_answer(s, *connection, ctx, after));
      });

  router.add(Method::kPost, "/api/v1/shelters/{id}/holds", Access::need(Permission::kSheltersRefer),
             [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"women", "children", "accessible"});
               Counts household{body.required_integer("women", 1, 1),
                                body.optional_integer("children").value_or(0),
                                body.optional_bool("accessible").value_or(false) ? 1 : 0};
               if (household.children < 0 || household.children > 30) {
                 throw ApiError(ErrorCode::kValidationFailed, "children");
               }
               std::int64_t shelter_id = ctx.id_param("id");
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               Hold hold = s.shelter_holds().place(*connection, shelter_id, household,
                                                   ctx.user().user.id, ctx.user().agency.id);
               s.audit().append(*connection,
                                shelter_event(ctx, "shelter_hold.place", "shelter_hold", hold.id));
               tx.commit();
               return HttpResponse::json(201, {{"hold", hold_json(hold)}});
             });

  router.add(Method::kPost, "/api/v1/shelter-holds/{id}/release",
             Access::need(Permission::kSheltersRefer), [&s](RequestContext& ctx) {
               std::int64_t id = ctx.id_param("id");
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               auto hold = s.shelter_holds().find(*connection, id);
               if (!hold || hold->held_by_agency_id != ctx.user().agency.id) {
                 throw ApiError(ErrorCode::kNotFound);
               }
               Hold released = s.shelter_holds().release(*connection, id);
               if (auto referral = s.shelter_referrals().find_by_hold(*connection, id)) {
                 s.shelter_referrals().cancel(*connection, referral->id);
               }
               s.audit().append(*connection,
                                shelter_event(ctx, "shelter_hold.release", "shelter_hold", id));
               tx.commit();
               return HttpResponse::json(200, {{"hold", hold_json(released)}});
             });

  router.add(
      Method::kPost, "/api/v1/shelter-referrals", Access::need(Permission::kSheltersRefer),
      [&s](RequestContext& ctx) {
        JsonBody body(ctx.request, {"hold_id", "urgency", "needs", "callback_phone"});
        NewReferral referral;
        referral.hold_id = body.required_integer("hold_id");
        referral.urgency = body.required_string("urgency", 20);
        const auto& urgencies = referral_urgencies();
        if (std::find(urgencies.begin(), urgencies.end(), referral.urgency) == urgencies.end()) {
          throw ApiError(ErrorCode::kValidationFailed, "urgency");
        }
        referral.needs = body.string_list("needs", referral_needs());
        referral.callback_phone = body.required_string("callback_phone", 40);
        if (!help::plausible_phone(referral.callback_phone)) {
          throw ApiError(ErrorCode::kValidationFailed, "callback_phone");
        }
        auto connection = s.pool().lease();
        store::Transaction tx(*connection);
        Referral created = s.shelter_referrals().create(*connection, referral, ctx.user().user.id,
                                                        ctx.user().agency.id);
        s.audit().append(*connection, shelter_event(ctx, "shelter_referral.create",
                                                    "shelter_referral", created.id));
        tx.commit();
        auto shelter = s.shelters().find(*connection, created.shelter_id);
        return HttpResponse::json(
            201, {{"referral", referral_json(created, *shelter, ctx.user().agency.name, false)}});
      });

  router.add(Method::kGet, "/api/v1/shelter-referrals", Access::need(Permission::kSheltersRead),
             [&s](RequestContext& ctx) {
               auto connection = s.pool().lease();
               std::vector<std::int64_t> own;
               std::map<std::int64_t, Shelter> by_id;
               for (Shelter& shelter : s.shelters().list(*connection, std::nullopt)) {
                 if (operates(s, *connection, ctx, shelter)) own.push_back(shelter.id);
                 by_id.emplace(shelter.id, std::move(shelter));
               }
               json out = json::array();
               for (const Referral& r :
                    s.shelter_referrals().list(*connection, own, ctx.user().agency.id)) {
                 bool incoming = std::find(own.begin(), own.end(), r.shelter_id) != own.end();
                 out.push_back(referral_json(r, by_id.at(r.shelter_id),
                                             agency_name(s, *connection, r.referring_agency_id),
                                             incoming));
               }
               return HttpResponse::json(200, {{"referrals", out}});
             });

  auto decide = [&s](RequestContext& ctx, bool accept) {
    std::optional<std::string> reason;
    if (!accept) {
      JsonBody body(ctx.request, {"reason"});
      reason = body.required_string("reason", 20);
      const auto& reasons = decline_reasons();
      if (std::find(reasons.begin(), reasons.end(), *reason) == reasons.end()) {
        throw ApiError(ErrorCode::kValidationFailed, "reason");
      }
    }
    std::int64_t id = ctx.id_param("id");
    auto connection = s.pool().lease();
    store::Transaction tx(*connection);
    auto referral = s.shelter_referrals().find(*connection, id);
    if (!referral) throw ApiError(ErrorCode::kNotFound);
    Shelter shelter = operable_shelter(s, *connection, ctx, referral->shelter_id);
    Referral decided = accept ? s.shelter_referrals().accept(*connection, id)
                              : s.shelter_referrals().decline(*connection, id, *reason);
    s.audit().append(
        *connection,
        shelter_event(ctx, accept ? "shelter_referral.accept" : "shelter_referral.decline",
                      "shelter_referral", id));
    tx.commit();
    return HttpResponse::json(
        200, {{"referral",
               referral_json(decided, shelter,
                             agency_name(s, *connection, decided.referring_agency_id), true)}});
  };
  router.add(Method::kPost, "/api/v1/shelter-referrals/{id}/accept",
             Access::need(Permission::kSheltersOperate),
             [decide](RequestContext& ctx) { return decide(ctx, true); });
  router.add(Method::kPost, "/api/v1/shelter-referrals/{id}/decline",
             Access::need(Permission::kSheltersOperate),
             [decide](RequestContext& ctx) { return decide(ctx, false); });
}

}  // namespace qorgau::shelters
