#include "people/people_api.h"

#include "core/error.h"
#include "http/json_body.h"
#include "http/nullable_json.h"

namespace qorgau::people {

using core::ApiError;
using core::ErrorCode;
using http::Access;
using http::HttpResponse;
using http::JsonBody;
using http::Method;
using http::RequestContext;
using nlohmann::json;

namespace {

json person_json(const Person& p) {
  return {{"id", p.id},
          {"full_name", p.full_name},
          {"iin", http::nullable_json(p.iin)},
          {"birth_date", http::nullable_json(p.birth_date)},
          {"sex", http::nullable_json(p.sex)},
          {"agency_id", p.agency_id}};
}

audit::AuditEvent person_event(const RequestContext& ctx, std::string action, std::int64_t id) {
  return {ctx.user().user.id, ctx.user().agency.id,  std::move(action), "person",
          std::to_string(id), ctx.request.client_ip, "success"};
}

bool in_scope(app::Services& s, store::Connection& c, const RequestContext& ctx, const Person& p) {
  auto owner = s.agencies().find(c, p.agency_id);
  return owner && ctx.user().reaches(*owner);
}

}  // namespace

void register_people_routes(http::Router& router, app::Services& s) {
  router.add(Method::kPost, "/api/v1/people", Access::need(accounts::Permission::kPeopleWrite),
             [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"full_name", "iin", "birth_date", "sex"});
               NewPerson person{
                   body.required_string("full_name", 300), body.optional_string("iin", 12),
                   body.optional_string("birth_date", 10), body.optional_string("sex", 6)};
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               Person created = s.people().create(*connection, person, ctx.user().agency.id);
               s.audit().append(*connection, person_event(ctx, "person.create", created.id));
               tx.commit();
               return HttpResponse::json(201, person_json(created));
             });

  router.add(Method::kGet, "/api/v1/people/{id}", Access::need(accounts::Permission::kPeopleRead),
             [&s](RequestContext& ctx) {
               std::int64_t id = ctx.id_param("id");
               auto connection = s.pool().lease();
               auto person = s.people().find(*connection, id);
               if (!person || !in_scope(s, *connection, ctx, *person)) {
                 throw ApiError(ErrorCode::kNotFound);
               }
               s.audit().record(*connection, person_event(ctx, "person.read", id));
               return HttpResponse::json(200, person_json(*person));
             });

  router.add(Method::kPost, "/api/v1/people/search",
             Access::need(accounts::Permission::kPeopleRead), [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"iin", "full_name"});
               auto iin = body.optional_string("iin", 12);
               auto name = body.optional_string("full_name", 300);
               if (!iin && !name) throw ApiError(ErrorCode::kMissingField, "iin");
               auto connection = s.pool().lease();
               std::vector<Person> found = iin ? s.people().find_by_iin(*connection, *iin)
                                               : s.people().find_by_name(*connection, *name);
               json out = json::array();
               store::Transaction tx(*connection);
               for (const Person& p : found) {
                 if (!in_scope(s, *connection, ctx, p)) continue;
                 s.audit().append(*connection, person_event(ctx, "person.read", p.id));
                 out.push_back(person_json(p));
               }
               s.audit().append(*connection, {ctx.user().user.id, ctx.user().agency.id,
                                              "person.search", "person", iin ? "by_iin" : "by_name",
                                              ctx.request.client_ip, "success"});
               tx.commit();
               return HttpResponse::json(200, {{"people", out}});
             });
}

}  // namespace qorgau::people
