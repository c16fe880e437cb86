#include "intake/intake_api.h"

#include <algorithm>

#include "cases/route_audit.h"
#include "core/error.h"
#include "evidence/evidence_json.h"
#include "http/json_body.h"
#include "http/nullable_json.h"
#include "http/query.h"
#include "intake/attachments_api.h"

namespace qorgau::intake {

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

json optional_time(const std::optional<std::int64_t>& ms) {
  return ms ? json(core::format_iso8601_utc(*ms)) : json(nullptr);
}

json updates_json(const std::vector<ReportUpdate>& updates) {
  json out = json::array();
  for (const auto& u : updates) {
    out.push_back({{"at", core::format_iso8601_utc(u.at_ms)}, {"text", u.text}});
  }
  return out;
}

// What the holder of the receipt sees: no staff note, no other report's data,
// no file names.
json receipt_json(app::Services& s, store::Connection& c, const Report& report,
                  core::Language language) {
  return {{"status", report.status},
          {"submitted_at", core::format_iso8601_utc(report.received_at)},
          {"status_text", status_text(report.status, report.close_reason).in(language)},
          {"updates", updates_json(report.updates)},
          {"attachments", receipt_attachments_json(s, c, report.id)}};
}

// The triage view: the whole report and its files (evidence JSON).
json staff_json(app::Services& s, store::Connection& c, const Report& report) {
  json out = report_input_json(report.input);
  out["id"] = report.id;
  out["receipt_code"] = report.receipt_code;
  out["received_at"] = core::format_iso8601_utc(report.received_at);
  out["status"] = report.status;
  out["urgency"] = report.urgency;
  out["case_id"] = http::nullable_json(report.case_id);
  out["updates"] = updates_json(report.updates);
  out["reviewed_at"] = optional_time(report.reviewed_at);
  out["closed_at"] = optional_time(report.closed_at);
  out["close_reason"] = http::nullable_json(report.close_reason);
  out["close_note"] = http::nullable_json(report.close_note);
  json attachments = json::array();
  for (const auto& e : s.evidence().for_report(c, report.id)) {
    attachments.push_back(evidence::evidence_json(e));
  }
  out["attachments"] = attachments;
  return out;
}

json summary_json(const ReportSummary& s) {
  return {{"id", s.id},
          {"received_at", core::format_iso8601_utc(s.received_at)},
          {"status", s.status},
          {"urgency", s.urgency},
          {"region_kato", s.region_kato},
          {"incident_types", s.incident_types},
          {"place_type", http::nullable_json(s.place_type)},
          {"immediate_danger", s.immediate_danger},
          {"children_present", http::nullable_json(s.children_present)},
          {"reporter_type", s.reporter_type},
          {"updates", s.updates},
          {"case_id", http::nullable_json(s.case_id)}};
}

json emergency_numbers_json(const core::Jurisdiction& jurisdiction) {
  json numbers = json::array();
  for (const auto& n : jurisdiction.emergency_numbers) {
    numbers.push_back(
        {{"number", n.number}, {"label", http::localized_json(n.label)}, {"verified", n.verified}});
  }
  return numbers;
}

// The report, if it exists and the user reaches it; ApiError(kNotFound) otherwise.
Report reachable_report(app::Services& s, store::Connection& c, const RequestContext& ctx) {
  auto report = s.intake_reports().find(c, ctx.id_param("id"));
  if (!report || !in_triage_scope(ctx.user(), report->input.region_kato)) {
    throw ApiError(ErrorCode::kNotFound);
  }
  return *report;
}

void throttle(accounts::LoginThrottle& limit, const RequestContext& ctx) {
  if (!limit.allow(ctx.request.client_ip)) throw ApiError(ErrorCode::kTooManyRequests);
}

// The report named by the receipt in the body; the same 404 for every mismatch.
std::int64_t receipt_report(app::Services& s, store::Connection& c, const JsonBody& body) {
  std::string code = body.required_string("code", 64);
  std::string secret = body.required_secret("secret", 128);
  auto id = s.intake_reports().find_by_receipt(c, code, secret);
  if (!id) throw ApiError(ErrorCode::kReceiptNotFound);
  return *id;
}

}  // namespace

void register_intake_routes(http::Router& router, app::Services& s) {
  router.add(
      Method::kPost, "/api/v1/intake/reports", Access::public_route(), [&s](RequestContext& ctx) {
        throttle(s.intake_report_throttle(), ctx);
        if (ctx.request.body.size() > kMaxReportBodyBytes) {
          throw ApiError(ErrorCode::kBodyTooLarge);
        }
        JsonBody body(ctx.request, {"reporter", "incident", "victim", "aggressor",
                                    "children_present", "immediate_danger", "contact", "consent"});
        ReportInput report = parse_report(body.json(), s.jurisdiction(),
                                          local_today(s.clock().now(), *s.jurisdiction().zone));
        // Group commit: this report shares one durable commit with every report waiting;
        // run() returns once that commit is on disk, before the reporter hears "received".
        Submitted stored;
        s.committer().run([&](store::Connection& connection) {
          stored = s.intake_reports().submit(connection, report);
          s.audit().append(connection,
                           cases::public_event("intake_report.create", "intake_report", stored.id));
        });
        json out = {{"receipt_code", stored.receipt_code},
                    {"receipt_secret", stored.receipt_secret},
                    {"status", "received"},
                    {"urgency", urgency_code(stored.urgency)}};
        if (report.immediate_danger) {
          out["emergency_numbers"] = emergency_numbers_json(s.jurisdiction());
        }
        return HttpResponse::json(201, out);
      });

  router.add(Method::kPost, "/api/v1/intake/receipt", Access::public_route(),
             [&s](RequestContext& ctx) {
               throttle(s.intake_receipt_throttle(), ctx);
               JsonBody body(ctx.request, {"code", "secret"});
               auto connection = s.pool().lease();
               std::int64_t id = receipt_report(s, *connection, body);
               auto report = s.intake_reports().find(*connection, id);
               return HttpResponse::json(200, receipt_json(s, *connection, *report, ctx.language));
             });

  router.add(Method::kPost, "/api/v1/intake/receipt/add", Access::public_route(),
             [&s](RequestContext& ctx) {
               throttle(s.intake_receipt_throttle(), ctx);
               JsonBody body(ctx.request, {"code", "secret", "text"});
               std::string text = body.required_string("text", 5000);
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               std::int64_t id = receipt_report(s, *connection, body);
               s.intake_reports().add_update(*connection, id, text);
               s.audit().append(*connection,
                                cases::public_event("intake_report.add", "intake_report", id));
               tx.commit();
               auto report = s.intake_reports().find(*connection, id);
               return HttpResponse::json(201, receipt_json(s, *connection, *report, ctx.language));
             });

  router.add(Method::kGet, "/api/v1/intake/triage", Access::need(Permission::kIntakeTriage),
             [&s](RequestContext& ctx) {
               TriageFilter filter;
               filter.region_kato = http::query_string(ctx.request, "region", 16);
               if (filter.region_kato && !s.jurisdiction().find_region(*filter.region_kato)) {
                 throw ApiError(ErrorCode::kValidationFailed, "region");
               }
               filter.urgency = http::query_string(ctx.request, "urgency", 16);
               if (filter.urgency && std::find(urgency_codes().begin(), urgency_codes().end(),
                                               *filter.urgency) == urgency_codes().end()) {
                 throw ApiError(ErrorCode::kValidationFailed, "urgency");
               }
               std::string status = http::query_string(ctx.request, "status", 16).value_or("open");
               if (status == "open") {
                 filter.statuses = {"received", "in_review"};
               } else if (std::find(report_statuses().begin(), report_statuses().end(), status) !=
                          report_statuses().end()) {
                 filter.statuses = {status};
               } else {
                 throw ApiError(ErrorCode::kValidationFailed, "status");
               }
               const accounts::Principal& user = ctx.user();
               json out = json::array();
               if (user.role->scope != accounts::Scope::kNational) {
                 if (filter.region_kato && *filter.region_kato != user.agency.region_kato) {
                   return HttpResponse::json(200, {{"reports", out}});
                 }
                 filter.region_kato = user.agency.region_kato;
               }
               auto connection = s.pool().lease();
               for (const auto& summary : s.intake_reports().triage(*connection, filter)) {
                 out.push_back(summary_json(summary));
               }
               return HttpResponse::json(200, {{"reports", out}});
             });

  router.add(Method::kGet, "/api/v1/intake/reports/{id}", Access::need(Permission::kIntakeTriage),
             [&s](RequestContext& ctx) {
               auto connection = s.pool().lease();
               Report report = reachable_report(s, *connection, ctx);
               s.audit().record(*connection, cases::staff_event(ctx, "intake_report.read",
                                                                "intake_report", report.id));
               return HttpResponse::json(200, staff_json(s, *connection, report));
             });

  router.add(Method::kPost, "/api/v1/intake/reports/{id}/review",
             Access::need(Permission::kIntakeTriage), [&s](RequestContext& ctx) {
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               Report report = reachable_report(s, *connection, ctx);
               bool changed = s.intake_reports().review(*connection, report.id, ctx.user().user.id);
               s.audit().append(
                   *connection,
                   cases::staff_event(ctx, changed ? "intake_report.review" : "intake_report.read",
                                      "intake_report", report.id));
               tx.commit();
               return HttpResponse::json(
                   200,
                   staff_json(s, *connection, *s.intake_reports().find(*connection, report.id)));
             });

  router.add(Method::kPost, "/api/v1/intake/reports/{id}/close",
             Access::need(Permission::kIntakeTriage), [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"reason", "note"});
               std::string reason = body.required_string("reason", 64);
               if (std::find(close_reasons().begin(), close_reasons().end(), reason) ==
                   close_reasons().end()) {
                 throw ApiError(ErrorCode::kValidationFailed, "reason");
               }
               auto note = body.optional_string("note", 2000);
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               Report report = reachable_report(s, *connection, ctx);
               s.intake_reports().close(*connection, report.id, ctx.user().user.id, reason, note);
               s.audit().append(*connection, cases::staff_event(ctx, "intake_report.close",
                                                                "intake_report", report.id));
               tx.commit();
               return HttpResponse::json(
                   200,
                   staff_json(s, *connection, *s.intake_reports().find(*connection, report.id)));
             });
}

}  // namespace qorgau::intake
