#include "intake/attachments_api.h"

#include "core/error.h"
#include "evidence/upload.h"

namespace qorgau::intake {

using core::ApiError;
using core::ErrorCode;
using http::Access;
using http::HttpResponse;
using http::Method;
using http::RequestContext;
using nlohmann::json;

namespace {

// The report named by the receipt headers; the same 404 (after the same
// work) for an unknown code and a wrong secret, as on the receipt routes.
std::int64_t receipt_report(app::Services& s, store::Connection& c,
                            const http::HttpRequest& request) {
  const std::string& code = request.header("x-receipt-code");
  if (code.empty()) throw ApiError(ErrorCode::kMissingField, "X-Receipt-Code");
  const std::string& secret = request.header("x-receipt-secret");
  if (secret.empty()) throw ApiError(ErrorCode::kMissingField, "X-Receipt-Secret");
  auto id = s.intake_reports().find_by_receipt(c, code, secret);
  if (!id) throw ApiError(ErrorCode::kReceiptNotFound);
  return *id;
}

// The report's state, if it still takes a file: 409 report_closed once
// closed, 409 too_many_attachments at the cap.
ReportState open_report(app::Services& s, store::Connection& c, std::int64_t id) {
  auto state = s.intake_reports().state(c, id);
  if (!state || state->status == "closed") throw ApiError(ErrorCode::kReportClosed);
  if (s.evidence().count_for_report(c, id) >= kMaxAttachmentsPerReport) {
    throw ApiError(ErrorCode::kTooManyAttachments);
  }
  return *state;
}

// Before the body: the throttle (each attempt counts once, here), the
// receipt and the report's state.
void check_before_body(app::Services& s, const RequestContext& ctx) {
  if (!s.intake_attachment_throttle().allow(ctx.request.client_ip)) {
    throw ApiError(ErrorCode::kTooManyRequests);
  }
  auto connection = s.pool().lease();
  open_report(s, *connection, receipt_report(s, *connection, ctx.request));
}

HttpResponse attach(app::Services& s, const RequestContext& ctx) {
  std::string filename = evidence::upload_filename(ctx.request);
  evidence::MediaType media = evidence::upload_type(ctx.request);
  const evidence::Actor reporter = evidence::Actor::public_reporter();
  evidence::Evidence stored = evidence::store_upload(
      s.evidence_blobs(), s.pool(), ctx.request,
      [&](store::Connection& c, const evidence::BlobInfo& blob) {
        std::int64_t report_id = receipt_report(s, c, ctx.request);
        ReportState state = open_report(s, c, report_id);
        evidence::Evidence created = s.evidence().create(
            c, {"report", report_id, media, blob, filename, std::nullopt, std::nullopt}, reporter);
        if (state.case_id) {
          auto in_case = s.cases().find(c, *state.case_id);
          if (!in_case) throw std::runtime_error("an accepted report names a missing case");
          s.evidence().take_in_report_files(c, report_id, in_case->owner_agency_id, reporter);
        }
        return created;
      });
  return HttpResponse::json(201,
                            {{"attachment",
                              {{"kind", stored.kind},
                               {"mime", stored.mime},
                               {"size", stored.size},
                               {"sha256", stored.sha256},
                               {"received_at", core::format_iso8601_utc(stored.uploaded_at)}}}});
}

}  // namespace

json receipt_attachments_json(app::Services& s, store::Connection& c, std::int64_t report_id) {
  json out = json::array();
  for (const auto& e : s.evidence().for_report(c, report_id)) {
    out.push_back({{"kind", e.kind},
                   {"size", e.size},
                   {"sha256", e.sha256},
                   {"received_at", core::format_iso8601_utc(e.uploaded_at)}});
  }
  return out;
}

void register_intake_attachment_routes(http::Router& router, app::Services& s) {
  router.add_streamed(
      Method::kPost, "/api/v1/intake/attachments", Access::public_route(),
      [&s](RequestContext& ctx) { return attach(s, ctx); },
      [&s](RequestContext& ctx) { check_before_body(s, ctx); });
}

}  // namespace qorgau::intake
