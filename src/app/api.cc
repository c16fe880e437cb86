#include "app/api.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include "accounts/accounts_api.h"
#include "app/system_api.h"
#include "audit/audit_api.h"
#include "cases/bundle_api.h"
#include "cases/case_exports_api.h"
#include "cases/cases_api.h"
#include "cases/cases_triage_api.h"
#include "evidence/evidence_api.h"
#include "help/help_api.h"
#include "help/poster_api.h"
#include "intake/attachments_api.h"
#include "intake/intake_api.h"
#include "notify/notify_api.h"
#include "orders/orders_api.h"
#include "people/people_api.h"
#include "risk/risk_api.h"
#include "shelters/shelters_api.h"
#include "store/change_epochs.h"
#include "store/published_epochs.h"

namespace qorgau::app {

using core::ApiError;
using core::ErrorCode;
using http::HttpRequest;
using http::HttpResponse;

namespace {

constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'";

// {"error": {"code", "message", "field"?}}: the field only when the error names one.
nlohmann::json error_json(const ApiError& error, core::Language language) {
  nlohmann::json body = {{"code", core::error_info(error.code()).code},
                         {"message", error.message(language)}};
  if (!error.field().empty()) body["field"] = error.field();
  return {{"error", body}};
}

// Sent with every response; API answers are also never stored by a cache.
constexpr std::pair<std::string_view, std::string_view> kSecurityHeaders[] = {
    {"Content-Security-Policy", kContentSecurityPolicy},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Cross-Origin-Opener-Policy", "same-origin"},
    {"Cross-Origin-Resource-Policy", "same-origin"},
    {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"},
    {"Cache-Control", "no-store"},
};

void add_security_headers(HttpResponse& response, bool api) {
  response.shared_headers = std::span(kSecurityHeaders);
  if (!api)
    response.shared_headers = response.shared_headers.first(std::size(kSecurityHeaders) - 1);
}

bool unsafe_method(http::Method method) {
  return method != http::Method::kGet && method != http::Method::kHead &&
         method != http::Method::kOptions;
}

bool same_text(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// Origin, when a browser sends it, must name this server.
bool origin_allowed(const HttpRequest& request) {
  const std::string& origin = request.header("origin");
  if (origin.empty()) return true;
  const std::string& host = request.header("host");
  return origin == "http://" + host || origin == "https://" + host;
}

}  // namespace

std::string session_cookie(std::string_view token, bool secure) {
  std::string cookie = std::string(kSessionCookie) + "=" + std::string(token) +
                       "; Path=/; HttpOnly; SameSite=Strict";
  if (secure) cookie += "; Secure";
  if (token.empty()) cookie += "; Max-Age=0";
  return cookie;
}

nlohmann::json describe_routes(const http::Router& router) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& route : router.routes()) {
    nlohmann::json entry = {{"method", http::method_name(route.method)}, {"path", route.pattern}};
    switch (route.access.kind) {
      case http::Access::Kind::kPublic:
        entry["access"] = "public";
        break;
      case http::Access::Kind::kSession:
        entry["access"] = "any_user";
        break;
      case http::Access::Kind::kPermission:
        entry["access"] = "permission";
        entry["permission"] = accounts::name(route.access.permission);
        break;
    }
    out.push_back(entry);
  }
  return out;
}

Api::Api(Services& services, const std::filesystem::path& web_dir)
    : services_(services), static_files_(web_dir) {
  register_system_routes(router_, services_);
  accounts::register_accounts_routes(router_, services_);
  audit::register_audit_routes(router_, services_);
  people::register_people_routes(router_, services_);
  help::register_help_routes(router_, services_);
  help::register_poster_routes(router_, services_);
  shelters::register_shelter_routes(router_, services_);
  shelters::register_admission_routes(router_, services_);
  intake::register_intake_routes(router_, services_);
  intake::register_intake_attachment_routes(router_, services_);
  evidence::register_evidence_routes(router_, services_);
  cases::register_case_triage_routes(router_, services_);
  // Before the case routes: /api/v1/cases/{id} would otherwise take /api/v1/cases/export.xlsx.
  cases::register_case_export_routes(router_, services_);
  cases::register_case_routes(router_, services_);
  cases::register_case_bundle_routes(router_, services_);
  risk::register_risk_routes(router_, services_);
  notify::register_notify_routes(router_, services_);
  orders::register_order_routes(router_, services_);
  // A server starting: the published epochs become the database's own, even if lower (a
  // database restored from an older copy must not inherit a newer file's counters).
  services_.database().published_epochs().reset(
      store::ChangeEpochs::read(*services_.pool().lease()));
}

HttpResponse Api::error_response(ErrorCode code, const HttpRequest& request,
                                 const std::string& field) {
  core::Language language = core::negotiate_language(request.header("accept-language"),
                                                     services_.jurisdiction().default_language);
  ApiError error(code, field);
  HttpResponse response = HttpResponse::json(error.http_status(), error_json(error, language));
  add_security_headers(response, true);
  return response;
}

HttpResponse Api::handle(const HttpRequest& request) {
  auto started = std::chrono::steady_clock::now();
  core::Language language = core::negotiate_language(request.header("accept-language"),
                                                     services_.jurisdiction().default_language);
  std::string route_label = "static";
  HttpResponse response;
  bool api = request.path.rfind("/api/", 0) == 0 || request.path == "/api";
  if (api) {
    try {
      response = handle_api(request, language, route_label);
    } catch (const ApiError& error) {
      response = HttpResponse::json(error.http_status(), error_json(error, language));
    } catch (const std::exception& error) {
      spdlog::error("request failed: route={} error={}", route_label, error.what());
      ApiError internal(ErrorCode::kInternal);
      response = HttpResponse::json(
          500, {{"error", {{"code", "internal_error"}, {"message", internal.message(language)}}}});
    }
  } else if (auto file = static_files_.serve(request)) {
    response = std::move(*file);
  } else {
    ApiError missing(ErrorCode::kNotFound);
    response = HttpResponse::json(
        404, {{"error", {{"code", "not_found"}, {"message", missing.message(language)}}}});
  }
  add_security_headers(response, api);
  auto elapsed =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
  spdlog::info("http method={} route={} status={} ms={:.1f}", http::method_name(request.method),
               route_label, response.status, elapsed.count());
  return response;
}

std::shared_ptr<const accounts::Principal> Api::principal_of(const HttpRequest& request,
                                                             const store::ChangeEpochs& epochs,
                                                             std::int64_t now_ms) {
  std::string token = request.cookie(kSessionCookie);
  if (token.empty()) throw ApiError(ErrorCode::kNotAuthenticated);
  core::Bytes token_hash = services_.sessions().token_hash(token);
  // The epoch was read before the rows the principal is built from (PrincipalCache).
  std::int64_t epoch = epochs.sign_in;
  if (auto known = principals_.find(token_hash, epoch, now_ms)) return known;
  auto connection = services_.pool().lease();
  accounts::ResolvedSession session = services_.sessions().resolve(*connection, token);
  if (session.status == accounts::ResolvedSession::Status::kExpired) {
    throw ApiError(ErrorCode::kSessionExpired);
  }
  if (session.status != accounts::ResolvedSession::Status::kValid) {
    throw ApiError(ErrorCode::kNotAuthenticated);
  }
  auto user = services_.users().find(*connection, session.user_id);
  const accounts::Role* role = user ? accounts::find_role(user->role) : nullptr;
  auto agency = user ? services_.agencies().find(*connection, user->agency_id) : std::nullopt;
  if (!user || !user->active() || !role || !agency) {
    services_.sessions().destroy(*connection, session.session_id);
    throw ApiError(ErrorCode::kNotAuthenticated);
  }
  auto principal = std::make_shared<const accounts::Principal>(accounts::Principal{
      std::move(*user), std::move(*agency), role, session.session_id, session.csrf_token});
  principals_.remember(token_hash, epoch, session.recheck_at_ms, principal);
  return principal;
}

store::ChangeEpochs Api::current_epochs(std::int64_t now_ms) {
  store::PublishedEpochs& published = services_.database().published_epochs();
  std::int64_t checked = epochs_checked_at_ms_.load(std::memory_order_relaxed);
  if ((now_ms - checked >= 1000 || now_ms < checked) &&
      epochs_checked_at_ms_.compare_exchange_strong(checked, now_ms)) {
    published.publish(store::ChangeEpochs::read(*services_.pool().lease()));
  }
  return published.read();
}

std::shared_ptr<const accounts::Principal> Api::authorize(const HttpRequest& request,
                                                          const http::Route& route,
                                                          http::RequestContext& context) {
  if (unsafe_method(request.method) && !origin_allowed(request)) {
    throw ApiError(ErrorCode::kCsrfFailed);
  }
  if (route.access.kind == http::Access::Kind::kPublic) return nullptr;
  std::int64_t now_ms = services_.clock().now_ms();
  context.epochs = current_epochs(now_ms);
  std::shared_ptr<const accounts::Principal> principal =
      principal_of(request, *context.epochs, now_ms);
  context.principal = principal.get();
  if (route.access.kind == http::Access::Kind::kPermission &&
      !principal->can(route.access.permission)) {
    services_.audit().record(*services_.pool().lease(),
                             {principal->user.id, principal->agency.id, "access.denied", "route",
                              route.pattern, request.client_ip, "denied"});
    throw ApiError(ErrorCode::kForbidden);
  }
  if (unsafe_method(request.method) &&
      !same_text(request.header("x-csrf-token"), principal->csrf_token)) {
    throw ApiError(ErrorCode::kCsrfFailed);
  }
  return principal;
}

http::BodyPlan Api::plan_body(const HttpRequest& request) {
  http::BodyPlan plan;
  if (request.path.rfind("/api/", 0) != 0) return plan;
  http::Router::Match match = router_.match(request.method, request.path);
  if (!match.route) return plan;
  plan.nonblocking = match.route->nonblocking;
  if (!match.route->streams_body) return plan;
  try {
    core::Language language = core::negotiate_language(request.header("accept-language"),
                                                       services_.jurisdiction().default_language);
    http::RequestContext context{request, language, std::move(match.params), nullptr, std::nullopt};
    std::shared_ptr<const accounts::Principal> principal =
        authorize(request, *match.route, context);
    if (match.route->before_body) match.route->before_body(context);
  } catch (const ApiError& error) {
    plan.refuse = error_response(error.code(), request, error.field());
    return plan;
  } catch (const std::exception& error) {
    spdlog::error("request failed: route={} error={}", match.route->pattern, error.what());
    plan.refuse = error_response(ErrorCode::kInternal, request);
    return plan;
  }
  plan.stream_limit = services_.config().evidence_max_bytes;
  return plan;
}

HttpResponse Api::handle_api(const HttpRequest& request, core::Language language,
                             std::string& route_label) {
  http::Router::Match match = router_.match(request.method, request.path);
  if (!match.route) {
    throw ApiError(match.path_known ? ErrorCode::kMethodNotAllowed : ErrorCode::kNotFound);
  }
  const http::Route& route = *match.route;
  route_label = route.pattern;
  http::RequestContext context{request, language, std::move(match.params), nullptr, std::nullopt};
  std::shared_ptr<const accounts::Principal> principal = authorize(request, route, context);
  return route.handler(context);
}

}  // namespace qorgau::app
