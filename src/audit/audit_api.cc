#include "audit/audit_api.h"

#include <charconv>

#include "core/error.h"

namespace qorgau::audit {

using core::ApiError;
using core::ErrorCode;
using http::Access;
using http::HttpResponse;
using http::Method;
using http::RequestContext;
using nlohmann::json;

namespace {

std::int64_t query_integer(const RequestContext& ctx, const std::string& name,
                           std::int64_t fallback, std::int64_t min, std::int64_t max) {
  auto it = ctx.request.query.find(name);
  if (it == ctx.request.query.end()) return fallback;
  std::int64_t value = 0;
  const std::string& text = it->second;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    throw ApiError(ErrorCode::kValidationFailed, name);
  }
  return value;
}

json optional_json(const std::optional<std::int64_t>& v) {
  return v ? json(*v) : json(nullptr);
}

}  // namespace

void register_audit_routes(http::Router& router, app::Services& s) {
  router.add(Method::kGet, "/api/v1/audit", Access::need(accounts::Permission::kAuditRead),
             [&s](RequestContext& ctx) {
               std::int64_t after = query_integer(ctx, "after", 0, 0, INT64_MAX);
               std::int64_t limit = query_integer(ctx, "limit", 100, 1, 500);
               auto connection = s.pool().lease();
               // Actor names are shown as usernames; users are few, so map them once.
               std::map<std::int64_t, std::string> usernames;
               for (const auto& u : s.users().list(*connection)) usernames[u.id] = u.username;
               auto entries = s.audit().list(*connection, after, limit + 1);
               bool more = static_cast<std::int64_t>(entries.size()) > limit;
               if (more) entries.pop_back();
               json out = json::array();
               for (const auto& e : entries) {
                 json actor = nullptr;
                 if (e.event.actor_user_id) {
                   auto it = usernames.find(*e.event.actor_user_id);
                   actor =
                       it != usernames.end() ? it->second : std::to_string(*e.event.actor_user_id);
                 }
                 out.push_back({{"seq", e.seq},
                                {"at", core::format_iso8601_utc(e.at_ms)},
                                {"actor", actor},
                                {"actor_user_id", optional_json(e.event.actor_user_id)},
                                {"actor_agency_id", optional_json(e.event.actor_agency_id)},
                                {"action", e.event.action},
                                {"object_type", e.event.object_type},
                                {"object_id", e.event.object_id},
                                {"ip", e.event.source_ip},
                                {"outcome", e.event.outcome}});
               }
               s.audit().record(*connection,
                                {ctx.user().user.id, ctx.user().agency.id, "audit.read", "audit",
                                 std::to_string(after), ctx.request.client_ip, "success"});
               json next = more && !entries.empty() ? json(entries.back().seq) : json(nullptr);
               return HttpResponse::json(200, {{"entries", out}, {"next_after", next}});
             });

  router.add(Method::kPost, "/api/v1/audit/verify",
             Access::need(accounts::Permission::kAuditVerify), [&s](RequestContext& ctx) {
               auto connection = s.pool().lease();
               VerifyResult result = s.audit().verify(*connection);
               s.audit().record(*connection, {ctx.user().user.id, ctx.user().agency.id,
                                              "audit.verify", "audit", "*", ctx.request.client_ip,
                                              result.intact ? "success" : "failure"});
               return HttpResponse::json(
                   200, {{"intact", result.intact},
                         {"entries", result.entries},
                         {"first_broken_seq", optional_json(result.first_broken_seq)},
                         {"reason", result.intact ? json(nullptr) : json(result.reason)}});
             });
}

}  // namespace qorgau::audit
