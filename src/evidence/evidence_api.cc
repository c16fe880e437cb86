#include "evidence/evidence_api.h"

#include <limits>
#include <map>
#include <memory>

#include <spdlog/spdlog.h>

#include "accounts/display_names.h"
#include "cases/case_access.h"
#include "cases/route_audit.h"
#include "core/error.h"
#include "evidence/evidence_json.h"
#include "evidence/upload.h"
#include "http/json_body.h"
#include "http/query.h"
#include "intake/reports.h"

namespace qorgau::evidence {

using core::ApiError;
using core::ErrorCode;
using http::Access;
using http::HttpResponse;
using http::JsonBody;
using http::Method;
using http::RequestContext;
using nlohmann::json;

namespace {

constexpr std::size_t kMaxNoteBytes = 2000;

// RFC 8187 encoding for filename*= in Content-Disposition.
std::string rfc8187(std::string_view text) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 std::string_view("!#$&+-.^_`|~").find(ch) != std::string_view::npos;
    if (plain) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kDigits[c >> 4]);
      out.push_back(kDigits[c & 0xF]);
    }
  }
  return out;
}

Actor actor_of(const RequestContext& ctx) {
  return {ctx.user().user.id, ctx.user().agency.id, ctx.request.client_ip};
}

// Whether the caller reaches the record: through its owner, or, for a public
// report's file no case has taken in yet, through the report's region (the
// triage queue's rule).
bool reaches(app::Services& s, store::Connection& c, const accounts::Principal& user,
             const Evidence& e) {
  if (e.agency_id) {
    auto owner = s.agencies().find(c, *e.agency_id);
    return owner && user.reaches(*owner);
  }
  if (e.attached_to_type != "report") return false;
  auto report = s.intake_reports().state(c, e.attached_to_id);
  return report && intake::in_triage_scope(user, report->region_kato);
}

// The record, if it exists and the caller reaches it; 404 otherwise, so a
// record outside the scope is indistinguishable from none.
Evidence reachable(app::Services& s, store::Connection& c, const RequestContext& ctx) {
  auto evidence = s.evidence().find(c, ctx.id_param("id"));
  if (!evidence || !reaches(s, c, ctx.user(), *evidence)) throw ApiError(ErrorCode::kNotFound);
  return *evidence;
}

// A staff upload attaches to a case the caller reaches in full or to a report
// in the caller's triage scope; anything else is ApiError(kValidationFailed,
// "attached_to_id"), checked before any byte is stored.
void check_attachment_target(app::Services& s, const RequestContext& ctx, std::string_view type,
                             std::int64_t id) {
  auto connection = s.pool().lease();
  bool reached = false;
  if (type == "case") {
    auto found = s.cases().find(*connection, id);
    reached = found && cases::full_access(s, *connection, ctx.user(), *found);
  } else {
    auto report = s.intake_reports().state(*connection, id);
    reached = report && intake::in_triage_scope(ctx.user(), report->region_kato);
  }
  if (!reached) throw ApiError(ErrorCode::kValidationFailed, "attached_to_id");
}

HttpResponse upload(app::Services& s, RequestContext& ctx) {
  const http::HttpRequest& request = ctx.request;
  auto type = http::query_string(request, "attached_to_type", 20);
  if (!type) throw ApiError(ErrorCode::kMissingField, "attached_to_type");
  if (!valid_attachment_type(*type))
    throw ApiError(ErrorCode::kValidationFailed, "attached_to_type");
  auto attached_id =
      http::query_integer(request, "attached_to_id", 1, std::numeric_limits<std::int64_t>::max());
  if (!attached_id) throw ApiError(ErrorCode::kMissingField, "attached_to_id");
  std::string filename = upload_filename(request);
  MediaType media = upload_type(request);
  check_attachment_target(s, ctx, *type, *attached_id);
  Evidence created = store_upload(
      s.evidence_blobs(), s.pool(), request, [&](store::Connection& c, const BlobInfo& blob) {
        return s.evidence().create(
            c,
            {*type, *attached_id, media, blob, filename, ctx.user().agency.id, ctx.user().user.id},
            actor_of(ctx));
      });
  return HttpResponse::json(201, {{"evidence", receipt_json(created)}});
}

HttpResponse download(app::Services& s, RequestContext& ctx) {
  auto connection = s.pool().lease();
  Evidence e = reachable(s, *connection, ctx);
  std::shared_ptr<BlobStore::Reader> reader;
  try {
    reader = s.evidence_blobs().open(e.blob);
  } catch (const BlobError& error) {
    spdlog::error("evidence {} cannot be read: {}", e.id, error.what());
    throw ApiError(ErrorCode::kInternal);
  }
  store::Transaction tx(*connection);
  s.evidence().record(*connection, e.id, CustodyAction::kDownload, actor_of(ctx));
  tx.commit();
  HttpResponse response;
  response.content_type = e.mime;
  std::string disposition = "attachment; filename=\"evidence-" + std::to_string(e.id) + "." +
                            std::string(extension_for(e.mime)) + "\"";
  if (!e.filename.empty()) disposition += "; filename*=UTF-8''" + rfc8187(e.filename);
  response.headers.emplace_back("Content-Disposition", disposition);
  response.stream =
      http::BodyStream{e.size, [reader](std::string& chunk) { return reader->next(chunk); }};
  return response;
}

HttpResponse verify(app::Services& s, RequestContext& ctx) {
  Evidence e;
  {
    auto connection = s.pool().lease();
    e = reachable(s, *connection, ctx);
  }
  // Decrypting a large file takes a while: no connection is held meanwhile.
  std::optional<BlobInfo> now;
  try {
    now = s.evidence_blobs().check(e.blob);
  } catch (const BlobError& error) {
    spdlog::warn("evidence {} failed verification: {}", e.id, error.what());
  }
  bool intact = now && now->sha256 == e.sha256 && now->size == e.size;
  auto connection = s.pool().lease();
  store::Transaction tx(*connection);
  s.evidence().record(*connection, e.id, CustodyAction::kVerify, actor_of(ctx), intact);
  tx.commit();
  return HttpResponse::json(200, {{"intact", intact},
                                  {"sha256_now", now ? json(now->sha256) : json(nullptr)},
                                  {"sha256_recorded", e.sha256}});
}

HttpResponse handover(app::Services& s, RequestContext& ctx) {
  JsonBody body(ctx.request, {"to_agency_id", "note"});
  std::int64_t to = body.required_integer("to_agency_id");
  auto note = body.optional_string("note", kMaxNoteBytes);
  auto connection = s.pool().lease();
  store::Transaction tx(*connection);
  Evidence e = reachable(s, *connection, ctx);
  if (!s.agencies().find(*connection, to)) throw ApiError(ErrorCode::kUnknownAgency);
  if (to == e.agency_id) throw ApiError(ErrorCode::kValidationFailed, "to_agency_id");
  s.evidence().record(*connection, e.id, CustodyAction::kHandover, actor_of(ctx), std::nullopt, to,
                      note);
  tx.commit();
  e.agency_id = to;
  return HttpResponse::json(200, {{"evidence", evidence_json(e)}});
}

HttpResponse custody(app::Services& s, RequestContext& ctx) {
  auto connection = s.pool().lease();
  Evidence e = reachable(s, *connection, ctx);
  accounts::DisplayNames user_names(s.users(), *connection);
  std::map<std::int64_t, std::string> agencies;
  auto agency_name = [&](std::int64_t id) -> std::string {
    auto [it, fresh] = agencies.try_emplace(id);
    if (fresh) {
      auto agency = s.agencies().find(*connection, id);
      it->second = agency ? agency->name : "";
    }
    return it->second;
  };
  json events = json::array();
  for (const CustodyEvent& c : s.evidence().custody(*connection, e.id)) {
    // No user: the public reporter uploaded it, or the system handed it over.
    json entry = {
        {"at", c.at},
        {"action", c.action},
        {"by", c.user_id                                         ? "staff"
               : c.action == action_name(CustodyAction::kUpload) ? "public_reporter"
                                                                 : "system"},
        {"user", c.user_id ? json{{"id", *c.user_id}, {"display_name", user_names.of(*c.user_id)}}
                           : json(nullptr)},
        {"agency", c.agency_id ? json{{"id", *c.agency_id}, {"name", agency_name(*c.agency_id)}}
                               : json(nullptr)},
        {"audit_seq", c.audit_seq}};
    if (c.to_agency_id) {
      entry["to_agency"] = {{"id", *c.to_agency_id}, {"name", agency_name(*c.to_agency_id)}};
    }
    if (c.intact) entry["intact"] = *c.intact;
    if (c.note) entry["note"] = *c.note;
    events.push_back(std::move(entry));
  }
  s.audit().record(*connection, cases::staff_event(ctx, "evidence.custody.read", "evidence", e.id));
  return HttpResponse::json(200, {{"evidence_id", e.id}, {"custody", events}});
}

}  // namespace

void register_evidence_routes(http::Router& router, app::Services& s) {
  using accounts::Permission;
  router.add_streamed(Method::kPost, "/api/v1/evidence", Access::need(Permission::kEvidenceWrite),
                      [&s](RequestContext& ctx) { return upload(s, ctx); });
  router.add(Method::kGet, "/api/v1/evidence/{id}", Access::need(Permission::kEvidenceRead),
             [&s](RequestContext& ctx) {
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               Evidence e = reachable(s, *connection, ctx);
               s.evidence().record(*connection, e.id, CustodyAction::kView, actor_of(ctx));
               tx.commit();
               return HttpResponse::json(200, {{"evidence", evidence_json(e)}});
             });
  router.add(Method::kGet, "/api/v1/evidence/{id}/content", Access::need(Permission::kEvidenceRead),
             [&s](RequestContext& ctx) { return download(s, ctx); });
  router.add(Method::kPost, "/api/v1/evidence/{id}/verify", Access::need(Permission::kEvidenceRead),
             [&s](RequestContext& ctx) { return verify(s, ctx); });
  router.add(Method::kPost, "/api/v1/evidence/{id}/handover",
             Access::need(Permission::kEvidenceWrite),
             [&s](RequestContext& ctx) { return handover(s, ctx); });
  router.add(Method::kGet, "/api/v1/evidence/{id}/custody", Access::need(Permission::kEvidenceRead),
             [&s](RequestContext& ctx) { return custody(s, ctx); });
}

}  // namespace qorgau::evidence
