// The request pipeline: everything between a parsed HTTP request and its
// response, the same in the server and in in-process tests.
//
// For /api/v1/... :
//   1. language from Accept-Language (default: the jurisdiction's);
//   2. route lookup (404 not_found / 405 method_not_allowed);
//   3. unless the route is public: the session cookie must name a live
//      session of an active user (401 not_authenticated / session_expired);
//      a principal already resolved is reused while nothing about its session,
//      user or agency has changed (accounts::PrincipalCache);
//   4. the route's permission must be in the user's role (403 forbidden,
//      audited as access.denied);
//   5. state-changing methods: Origin, when sent, must be this host, and a
//      logged-in user must echo the session's CSRF token (403 csrf_failed);
//   6. the handler; an ApiError becomes {"error":{"code","message"}} in the
//      request's language, anything else a logged 500 internal_error.
// Other GET paths serve the web app. Every response carries the security
// headers (CSP allowing this origin only, no-referrer, nosniff, no framing).
// The request log records method, route pattern, status and duration only:
// never paths with ids, query strings, bodies or addresses.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

#include "accounts/principal_cache.h"
#include "app/services.h"
#include "core/error.h"
#include "http/message.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_files.h"

namespace qorgau::app {

inline constexpr std::string_view kSessionCookie = "qorgau_session";

class Api {
 public:
  // Resets the database's published change epochs to its own (a server is starting).
  Api(Services& services, const std::filesystem::path& web_dir);

  http::HttpResponse handle(const http::HttpRequest& request);
  // For the server, before a body is read: routes that stream their body
  // (uploads) get it streamed to disk under `evidence_max_bytes`, and only
  // after steps 1-5 below passed and the route's own header check
  // (Route::before_body), so a caller without the permission or a wrong
  // receipt is refused before sending gigabytes.
  http::BodyPlan plan_body(const http::HttpRequest& request);
  http::HttpResponse error_response(core::ErrorCode code, const http::HttpRequest& request,
                                    const std::string& field = {});
  const http::Router& router() const { return router_; }
  bool serves_web_app() const { return static_files_.available(); }

 private:
  http::HttpResponse handle_api(const http::HttpRequest& request, core::Language language,
                                std::string& route_label);
  // Steps 3-5 above for `route`: the caller's principal (null for a public
  // route), or ApiError. Sets `context.principal` and `context.epochs`; the returned pointer
  // keeps the principal alive.
  std::shared_ptr<const accounts::Principal> authorize(const http::HttpRequest& request,
                                                       const http::Route& route,
                                                       http::RequestContext& context);
  // Step 3: the principal behind the session cookie, from the cache (checked against
  // `epochs`, read before) or resolved afresh.
  std::shared_ptr<const accounts::Principal> principal_of(const http::HttpRequest& request,
                                                          const store::ChangeEpochs& epochs,
                                                          std::int64_t now_ms);
  // The change epochs a request relies on: as published by every writer of the database
  // (store/published_epochs.h). At most once a second one request first reads the database's
  // own and publishes them, which covers a writer that stopped between its commit and its
  // publication.
  store::ChangeEpochs current_epochs(std::int64_t now_ms);

  Services& services_;
  std::atomic<std::int64_t> epochs_checked_at_ms_{0};
  accounts::PrincipalCache principals_;
  http::Router router_;
  http::StaticFiles static_files_;
};

// The route table as JSON: [{"method","path","access","permission"}], where
// access is "public", "any_user" or "permission".
nlohmann::json describe_routes(const http::Router& router);

// The Set-Cookie value for a session token ("" token clears the cookie).
std::string session_cookie(std::string_view token, bool secure);

}  // namespace qorgau::app
