#include "accounts/accounts_api.h"

#include "app/api.h"
#include "core/error.h"
#include "http/json_body.h"

namespace qorgau::accounts {

using core::ApiError;
using core::ErrorCode;
using http::Access;
using http::HttpResponse;
using http::JsonBody;
using http::Method;
using http::RequestContext;
using nlohmann::json;

namespace {

json agency_json(const Agency& a) {
  return {{"id", a.id}, {"name", a.name}, {"kind", a.kind}, {"region_kato", a.region_kato}};
}

json user_json(const User& user, const std::optional<Agency>& agency) {
  json permissions = json::array();
  if (const Role* role = find_role(user.role)) {
    for (Permission p : all_permissions()) {
      if (role->allows(p)) permissions.push_back(name(p));
    }
  }
  return {{"id", user.id},
          {"username", user.username},
          {"display_name", user.display_name},
          {"role", user.role},
          {"status", user.status},
          {"agency", agency ? agency_json(*agency) : json(nullptr)},
          {"permissions", permissions}};
}

audit::AuditEvent event(const RequestContext& ctx, std::string action, std::string object_type,
                        std::string object_id) {
  return {ctx.user().user.id,   ctx.user().agency.id,  std::move(action), std::move(object_type),
          std::move(object_id), ctx.request.client_ip, "success"};
}

// The user with `id` if it exists and falls in the caller's scope; 404 otherwise
// (a user outside one's scope is indistinguishable from a missing one).
User user_in_scope(app::Services& s, store::Connection& c, const RequestContext& ctx,
                   std::int64_t id) {
  auto user = s.users().find(c, id);
  if (!user) throw ApiError(ErrorCode::kNotFound);
  auto agency = s.agencies().find(c, user->agency_id);
  if (!agency || !ctx.user().reaches(*agency)) throw ApiError(ErrorCode::kNotFound);
  return *user;
}

void register_session_routes(http::Router& router, app::Services& s) {
  router.add(Method::kPost, "/api/v1/session", Access::public_route(), [&s](RequestContext& ctx) {
    JsonBody body(ctx.request, {"username", "password"});
    std::string username = body.required_string("username", 64);
    std::string password = body.required_secret("password");
    auto connection = s.pool().lease();
    LoginSuccess success = s.login().login(*connection, username, password, ctx.request.client_ip);
    auto agency = s.agencies().find(*connection, success.user.agency_id);
    HttpResponse response = HttpResponse::json(200, {{"user", user_json(success.user, agency)},
                                                     {"csrf_token", success.session.csrf_token}});
    response.headers.emplace_back(
        "Set-Cookie", app::session_cookie(success.session.token, s.config().cookie_secure));
    return response;
  });

  router.add(Method::kGet, "/api/v1/session", Access::any_user(), [](RequestContext& ctx) {
    const Principal& p = ctx.user();
    return HttpResponse::json(
        200, {{"user", user_json(p.user, p.agency)}, {"csrf_token", p.csrf_token}});
  });

  router.add(Method::kDelete, "/api/v1/session", Access::any_user(), [&s](RequestContext& ctx) {
    auto connection = s.pool().lease();
    store::Transaction tx(*connection);
    s.sessions().destroy(*connection, ctx.user().session_id);
    s.audit().append(*connection,
                     event(ctx, "session.logout", "user", std::to_string(ctx.user().user.id)));
    tx.commit();
    HttpResponse response = HttpResponse::no_content();
    response.headers.emplace_back("Set-Cookie", app::session_cookie("", s.config().cookie_secure));
    return response;
  });
}

void register_user_routes(http::Router& router, app::Services& s) {
  router.add(Method::kGet, "/api/v1/users", Access::need(Permission::kUsersRead),
             [&s](RequestContext& ctx) {
               auto connection = s.pool().lease();
               std::map<std::int64_t, Agency> agencies;
               for (auto& a : s.agencies().list(*connection)) agencies.emplace(a.id, a);
               json users = json::array();
               for (const User& u : s.users().list(*connection)) {
                 auto it = agencies.find(u.agency_id);
                 if (it == agencies.end() || !ctx.user().reaches(it->second)) continue;
                 users.push_back(user_json(u, it->second));
               }
               s.audit().record(*connection, event(ctx, "user.list", "user", "*"));
               return HttpResponse::json(200, {{"users", users}});
             });

  router.add(
      Method::kPost, "/api/v1/users", Access::need(Permission::kUsersManage),
      [&s](RequestContext& ctx) {
        JsonBody body(ctx.request, {"username", "display_name", "password", "role", "agency_id"});
        NewUser user{body.required_string("username", 64),
                     body.required_string("display_name", 200), body.required_secret("password"),
                     body.required_string("role", 64), body.required_integer("agency_id")};
        auto connection = s.pool().lease();
        auto agency = s.agencies().find(*connection, user.agency_id);
        if (!agency || !ctx.user().reaches(*agency)) {
          throw ApiError(ErrorCode::kUnknownAgency, "agency_id");
        }
        const Role* role = find_role(user.role);
        if (!role) throw ApiError(ErrorCode::kUnknownRole, "role");
        // Nobody grants a scope wider than their own.
        if (static_cast<int>(role->scope) < static_cast<int>(ctx.user().role->scope)) {
          throw ApiError(ErrorCode::kForbidden);
        }
        store::Transaction tx(*connection);
        User created = s.users().create(*connection, user, s.clock().now_ms());
        s.audit().append(*connection,
                         event(ctx, "user.create", "user", std::to_string(created.id)));
        tx.commit();
        return HttpResponse::json(201, user_json(created, agency));
      });

  router.add(Method::kPost, "/api/v1/users/{id}/disable", Access::need(Permission::kUsersManage),
             [&s](RequestContext& ctx) {
               auto connection = s.pool().lease();
               User user = user_in_scope(s, *connection, ctx, ctx.id_param("id"));
               if (user.id == ctx.user().user.id) throw ApiError(ErrorCode::kForbidden);
               store::Transaction tx(*connection);
               s.users().set_status(*connection, user.id, "disabled");
               s.sessions().destroy_all_for_user(*connection, user.id);
               s.audit().append(*connection,
                                event(ctx, "user.disable", "user", std::to_string(user.id)));
               tx.commit();
               user.status = "disabled";
               return HttpResponse::json(
                   200, user_json(user, s.agencies().find(*connection, user.agency_id)));
             });

  router.add(Method::kPost, "/api/v1/users/{id}/reset-password",
             Access::need(Permission::kUsersManage), [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"password"});
               std::string password = body.required_secret("password");
               auto connection = s.pool().lease();
               User user = user_in_scope(s, *connection, ctx, ctx.id_param("id"));
               store::Transaction tx(*connection);
               s.users().set_password(*connection, user, password, s.clock().now_ms());
               s.sessions().destroy_all_for_user(*connection, user.id);
               s.audit().append(*connection,
                                event(ctx, "user.reset_password", "user", std::to_string(user.id)));
               tx.commit();
               return HttpResponse::no_content();
             });
}

void register_agency_routes(http::Router& router, app::Services& s) {
  router.add(Method::kGet, "/api/v1/agencies", Access::need(Permission::kAgenciesRead),
             [&s](RequestContext&) {
               auto connection = s.pool().lease();
               json agencies = json::array();
               for (const auto& a : s.agencies().list(*connection))
                 agencies.push_back(agency_json(a));
               return HttpResponse::json(200, {{"agencies", agencies}});
             });

  router.add(Method::kPost, "/api/v1/agencies", Access::need(Permission::kAgenciesManage),
             [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"name", "kind", "region_kato"});
               Agency agency{0, body.required_string("name", 300), body.required_string("kind", 64),
                             body.required_string("region_kato", 16)};
               if (!is_agency_kind(agency.kind))
                 throw ApiError(ErrorCode::kUnknownAgencyKind, "kind");
               const auto& regions = s.jurisdiction().regions;
               bool known = std::any_of(regions.begin(), regions.end(), [&](const auto& r) {
                 return r.kato == agency.region_kato;
               });
               if (!known) throw ApiError(ErrorCode::kUnknownRegion, "region_kato");
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               Agency created = s.agencies().create(*connection, agency, s.clock().now_ms());
               s.audit().append(*connection,
                                event(ctx, "agency.create", "agency", std::to_string(created.id)));
               tx.commit();
               return HttpResponse::json(201, agency_json(created));
             });

  router.add(Method::kGet, "/api/v1/roles", Access::any_user(), [](RequestContext&) {
    json roles = json::array();
    for (const Role& role : all_roles()) {
      json permissions = json::array();
      for (Permission p : role.permissions) permissions.push_back(name(p));
      roles.push_back(
          {{"name", role.name}, {"scope", name(role.scope)}, {"permissions", permissions}});
    }
    return HttpResponse::json(200, {{"roles", roles}});
  });
}

}  // namespace

void register_accounts_routes(http::Router& router, app::Services& services) {
  register_session_routes(router, services);
  register_user_routes(router, services);
  register_agency_routes(router, services);
}

}  // namespace qorgau::accounts
