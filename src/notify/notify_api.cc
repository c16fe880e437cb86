#include "notify/notify_api.h"

#include "cases/case_access.h"
#include "cases/route_audit.h"
#include "core/calendar_day.h"
#include "core/error.h"
#include "http/json_body.h"
#include "http/nullable_json.h"

namespace qorgau::notify {

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

constexpr const char* kConsentPath = "/api/v1/cases/{id}/notification-consent";
// A release reported for later than this ahead of the server's clock is a mistake.
constexpr std::int64_t kMaxFutureSkewMs = std::int64_t{5} * 60 * 1000;

json consent_json(const Consent& consent) {
  json channels = json::array();
  for (const auto& c : consent.choice.channels) {
    json item = {{"channel", c.channel}};
    if (c.channel != "inbox") item["address"] = c.address;
    channels.push_back(item);
  }
  return {{"case_id", consent.case_id},
          {"channels", channels},
          {"kinds", consent.choice.kinds},
          {"detail", consent.choice.detail},
          {"language", core::code(consent.choice.language)},
          {"inbox_code", http::nullable_json(consent.inbox_code)},
          {"recorded_at", consent.recorded_at},
          {"recorded_by_user_id", http::nullable_json(consent.recorded_by_user_id)}};
}

json notification_json(const NotificationView& n) {
  return {{"id", n.id},
          {"kind", n.kind},
          {"channel", n.channel},
          {"status", n.status},
          {"urgent", n.urgent},
          {"sends", n.sends},
          {"attempts", n.attempts},
          {"last_error", http::nullable_json(n.last_error)},
          {"created_at", n.created_at},
          {"last_sent_at", http::nullable_json(n.last_sent_at)},
          {"acknowledged_at", http::nullable_json(n.acknowledged_at)},
          {"acknowledged_by", http::nullable_json(n.acknowledged_by)}};
}

json inbox_json(const std::vector<InboxMessage>& messages) {
  json out = json::array();
  for (const auto& m : messages) {
    out.push_back({{"id", m.id},
                   {"kind", m.kind},
                   {"urgent", m.urgent},
                   {"subject", m.subject},
                   {"text", m.text},
                   {"sent_at", m.sent_at},
                   {"acknowledged", m.acknowledged_at.has_value()},
                   {"acknowledged_at", http::nullable_json(m.acknowledged_at)}});
  }
  return {{"messages", out}};
}

// The case named by the inbox code and secret in the body; the same 404 for every mismatch.
std::int64_t inbox_case(app::Services& s, store::Connection& c, const RequestContext& ctx,
                        const JsonBody& body) {
  if (!s.notify_inbox_throttle().allow(ctx.request.client_ip)) {
    throw ApiError(ErrorCode::kTooManyRequests);
  }
  std::string code = body.required_string("code", 64);
  std::string secret = body.required_secret("secret", 128);
  auto case_id = s.notify_consents().case_of_inbox(c, code, secret);
  if (!case_id) throw ApiError(ErrorCode::kInboxNotFound);
  return *case_id;
}

}  // namespace

void register_notify_routes(http::Router& router, app::Services& s) {
  router.add(Method::kPut, kConsentPath, Access::need(Permission::kCasesWrite),
             [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"channels", "kinds", "detail", "language"});
               ConsentInput input = parse_consent(body, s.jurisdiction().default_language);
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               cases::Case found = cases::full_case(s, *connection, ctx.user(), ctx.id_param("id"));
               SavedConsent saved =
                   s.notify_consents().save(*connection, found.id, input, ctx.user().user.id);
               s.case_timeline().append_event(*connection, found.id, ctx.user().user.id,
                                              "notification_consent_recorded", "");
               s.audit().append(*connection,
                                cases::case_event(ctx, "notification_consent.write", found.id));
               tx.commit();
               json out = {{"consent", consent_json(saved.consent)}};
               if (saved.inbox_secret) out["inbox_secret"] = *saved.inbox_secret;
               return HttpResponse::json(200, out);
             });

  router.add(Method::kGet, kConsentPath, Access::need(Permission::kCasesRead),
             [&s](RequestContext& ctx) {
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               cases::Case found = cases::full_case(s, *connection, ctx.user(), ctx.id_param("id"));
               auto consent = s.notify_consents().find(*connection, found.id);
               s.audit().append(*connection,
                                cases::case_event(ctx, "notification_consent.read", found.id));
               tx.commit();
               return HttpResponse::json(
                   200, {{"consent", consent ? consent_json(*consent) : json(nullptr)}});
             });

  router.add(Method::kDelete, kConsentPath, Access::need(Permission::kCasesWrite),
             [&s](RequestContext& ctx) {
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               cases::Case found = cases::full_case(s, *connection, ctx.user(), ctx.id_param("id"));
               s.notifier().withdraw(*connection, found.id);
               bool had = s.notify_consents().withdraw(*connection, found.id);
               if (had) {
                 s.case_timeline().append_event(*connection, found.id, ctx.user().user.id,
                                                "notification_consent_withdrawn", "");
               }
               s.audit().append(*connection,
                                cases::case_event(ctx, "notification_consent.withdraw", found.id));
               tx.commit();
               return HttpResponse::json(200, {{"consent", nullptr}, {"withdrawn", had}});
             });

  router.add(Method::kGet, "/api/v1/cases/{id}/notifications", Access::need(Permission::kCasesRead),
             [&s](RequestContext& ctx) {
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               cases::Case found = cases::full_case(s, *connection, ctx.user(), ctx.id_param("id"));
               json out = json::array();
               for (const auto& n : s.notifier().for_case(*connection, found.id)) {
                 out.push_back(notification_json(n));
               }
               s.audit().append(*connection, cases::case_event(ctx, "notification.list", found.id));
               tx.commit();
               return HttpResponse::json(200, {{"notifications", out}});
             });

  router.add(Method::kPost, "/api/v1/cases/{id}/notifications/{nid}/acknowledge",
             Access::need(Permission::kCasesWrite), [&s](RequestContext& ctx) {
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               cases::Case found = cases::full_case(s, *connection, ctx.user(), ctx.id_param("id"));
               NotificationView n =
                   s.notifier().acknowledge(*connection, found.id, ctx.id_param("nid"), "staff");
               s.audit().append(*connection, cases::staff_event(ctx, "notification.acknowledge",
                                                                "notification", n.id));
               tx.commit();
               return HttpResponse::json(200, notification_json(n));
             });

  router.add(
      Method::kPost, "/api/v1/cases/{id}/aggressor-release", Access::need(Permission::kCasesWrite),
      [&s](RequestContext& ctx) {
        JsonBody body(ctx.request, {"released_at"});
        const std::int64_t now = s.clock().now_ms();
        std::int64_t released_at = body.required_integer("released_at", 1, now + kMaxFutureSkewMs);
        auto connection = s.pool().lease();
        store::Transaction tx(*connection);
        cases::Case found = cases::full_case(s, *connection, ctx.user(), ctx.id_param("id"));
        int queued = s.notifier().notify(
            *connection, found.id, "aggressor_released",
            {{"released_on", core::format_day(s.jurisdiction().zone->local_date(released_at))}});
        s.case_timeline().append_event(*connection, found.id, ctx.user().user.id,
                                       "aggressor_released", "at " + std::to_string(released_at));
        s.audit().append(*connection, cases::case_event(ctx, "case.aggressor_release", found.id));
        tx.commit();
        return HttpResponse::json(201, {{"case_id", found.id},
                                        {"released_at", released_at},
                                        {"notifications_queued", queued}});
      });

  router.add(Method::kPost, "/api/v1/inbox/messages", Access::public_route(),
             [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"code", "secret"});
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               std::int64_t case_id = inbox_case(s, *connection, ctx, body);
               auto messages = s.notify_inbox().messages(*connection, case_id);
               s.audit().append(*connection, cases::public_event("notification_inbox.read",
                                                                 "notification_inbox", case_id));
               tx.commit();
               return HttpResponse::json(200, inbox_json(messages));
             });

  router.add(Method::kPost, "/api/v1/inbox/messages/{id}/acknowledge", Access::public_route(),
             [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"code", "secret"});
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               std::int64_t case_id = inbox_case(s, *connection, ctx, body);
               s.notifier().acknowledge(*connection, case_id, ctx.id_param("id"), "inbox");
               s.audit().append(*connection, cases::public_event("notification_inbox.acknowledge",
                                                                 "notification_inbox", case_id));
               tx.commit();
               return HttpResponse::json(
                   200, inbox_json(s.notify_inbox().messages(*connection, case_id)));
             });
}

}  // namespace qorgau::notify
