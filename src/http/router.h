// The API route table. Each route names its method, its path pattern
// ("/api/v1/users/{id}/disable") and the access it requires; there is no way
// to add a route without choosing one, which is how "deny by default" is
// enforced: Access::kPublic has to be written out for an open route.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "accounts/principal.h"
#include "accounts/roles.h"
#include "core/language.h"
#include "http/message.h"
#include "store/change_epochs.h"

namespace qorgau::http {

struct Access {
  enum class Kind { kPublic, kSession, kPermission };
  Kind kind;
  accounts::Permission permission = accounts::Permission::kUsersRead;  // for kPermission only

  static Access public_route() { return {Kind::kPublic}; }
  // Any logged-in user (their own session, for instance).
  static Access any_user() { return {Kind::kSession}; }
  static Access need(accounts::Permission p) { return {Kind::kPermission, p}; }
};

struct RequestContext {
  const HttpRequest& request;
  core::Language language;
  std::map<std::string, std::string> params;       // from {name} segments
  const accounts::Principal* principal = nullptr;  // set unless the route is public
  // Read once after the request arrived, as published (store/published_epochs.h), with the
  // principal (unset on a public route): an in-memory copy consulted for this request is used
  // only if its epoch equals this reading.
  std::optional<store::ChangeEpochs> epochs;

  // A path parameter as a positive integer id; throws ApiError(kNotFound) otherwise.
  std::int64_t id_param(const std::string& name) const;
  const accounts::Principal& user() const { return *principal; }
};

using Handler = std::function<HttpResponse(RequestContext&)>;
// A check of a streamed route that needs only the request's headers (see
// Route::before_body); it throws ApiError to refuse the request.
using HeaderCheck = std::function<void(RequestContext&)>;

struct Route {
  Method method;
  std::string pattern;
  Access access;
  Handler handler;
  // The body arrives as a file (HttpRequest::body_file), streamed to disk
  // under its own size limit, and only after the caller passed the access
  // check (see Api::plan_body); otherwise it is read into memory.
  bool streams_body = false;
  // For a streamed route, optional: run after the access check and before
  // any of the body is read (Api::plan_body), so a request that is refused
  // anyway (a wrong receipt, a throttle) does not send its file first. The
  // handler runs only if it passed; its request then has no body yet.
  HeaderCheck before_body;
  // The handler never waits (indexed reads of the database and computation only; it may
  // hold its reply for a group commit with HttpResponse::hold), so the server runs it on the
  // network event loop instead of handing it to a worker thread and back (see BodyPlan).
  bool nonblocking = false;
  // The pattern split at '/', once when the route is added ("{name}" segments are parameters).
  std::vector<std::string> segments;
};

class Router {
 public:
  void add(Method method, std::string pattern, Access access, Handler handler);
  // A route whose request body is streamed to a file (Route::streams_body).
  void add_streamed(Method method, std::string pattern, Access access, Handler handler,
                    HeaderCheck before_body = nullptr);
  // A route whose handler never waits (Route::nonblocking): for the hottest reads, such as
  // the field verification of orders. Anything that may take long (files, PDF, a write
  // transaction) must use add().
  void add_nonblocking(Method method, std::string pattern, Access access, Handler handler);
  const std::vector<Route>& routes() const { return routes_; }

  struct Match {
    const Route* route = nullptr;  // set when method and path match
    bool path_known = false;       // some route has this path (for 405)
    std::map<std::string, std::string> params;
  };
  // The first route, in the order added, whose segments fit the path and whose method is
  // the request's (GET serves HEAD).
  Match match(Method method, const std::string& path) const;

 private:
  // Routes are tried only among those that could fit: the same number of segments, and the
  // same third segment ("api/v1/<module>/...") unless the route has a parameter there. Both
  // lists hold indexes into routes_ in the order added.
  static std::string shape_key(std::size_t segment_count, std::string_view third);
  std::vector<Route> routes_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_third_segment_;
  std::unordered_map<std::size_t, std::vector<std::size_t>> with_parameter_third_;
};

}  // namespace qorgau::http
