#include "evidence/evidence_api.h"

#include <fcntl.h>
#include <unistd.h>

#include <limits>
#include <map>
#include <memory>

#include <spdlog/spdlog.h>

#include "core/bytes.h"
#include "core/error.h"
#include "evidence/evidence_json.h"
#include "http/json_body.h"
#include "http/query.h"

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

constexpr std::size_t kMaxFilenameBytes = 255;
constexpr std::size_t kMaxNoteBytes = 2000;

bool valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    if (c < 0x80) {
      extra = 0;
    } else if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
    } else {
      return false;
    }
    if (i + extra >= text.size() && extra > 0) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

// The X-Evidence-Filename header: percent-encoded UTF-8, so any name travels
// in an HTTP header. Only the last path segment is kept; control characters
// and invalid UTF-8 are refused. "" when absent.
std::string filename_from(const http::HttpRequest& request) {
  const std::string& raw = request.header("x-evidence-filename");
  std::string name;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '%') {
      name.push_back(raw[i]);
      continue;
    }
    auto byte =
        i + 2 < raw.size() ? core::from_hex(std::string_view(raw).substr(i + 1, 2)) : std::nullopt;
    if (!byte) throw ApiError(ErrorCode::kValidationFailed, "X-Evidence-Filename");
    name.push_back(static_cast<char>(byte->front()));
    i += 2;
  }
  auto slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name.erase(0, slash + 1);
  bool control = false;
  for (char ch : name) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F) control = true;
  }
  if (control || name.size() > kMaxFilenameBytes || !valid_utf8(name)) {
    throw ApiError(ErrorCode::kValidationFailed, "X-Evidence-Filename");
  }
  return name;
}

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

std::string read_head(const std::filesystem::path& file) {
  std::string head(kSniffBytes, '\0');
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open the uploaded body");
  std::size_t got = 0;
  while (got < head.size()) {
    ssize_t n = ::read(fd, head.data() + got, head.size() - got);
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  head.resize(got);
  return head;
}

Actor actor_of(const RequestContext& ctx) {
  return {ctx.user().user.id, ctx.user().agency.id, ctx.request.client_ip};
}

// The record, if it exists and the caller's scope reaches its owner; 404
// otherwise, so a record outside the scope is indistinguishable from none.
Evidence reachable(app::Services& s, store::Connection& c, const RequestContext& ctx) {
  auto evidence = s.evidence().find(c, ctx.id_param("id"));
  if (!evidence) throw ApiError(ErrorCode::kNotFound);
  auto owner = s.agencies().find(c, evidence->agency_id);
  if (!owner || !ctx.user().reaches(*owner)) throw ApiError(ErrorCode::kNotFound);
  return *evidence;
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
  std::string filename = filename_from(request);
  if (!request.body_file) throw ApiError(ErrorCode::kMissingField, "body");
  auto media = sniff(read_head(*request.body_file));
  if (!media) throw ApiError(ErrorCode::kUnsupportedFileType);

  BlobInfo blob = s.evidence_blobs().put(*request.body_file);
  std::error_code ignored;
  std::filesystem::remove(*request.body_file, ignored);  // the plaintext goes at once
  try {
    auto connection = s.pool().lease();
    store::Transaction tx(*connection);
    Evidence created = s.evidence().create(
        *connection,
        {*type, *attached_id, *media, blob, filename, ctx.user().agency.id, ctx.user().user.id},
        actor_of(ctx));
    tx.commit();
    return HttpResponse::json(201, {{"evidence", receipt_json(created)}});
  } catch (...) {
    s.evidence_blobs().remove(blob.name);  // nothing acknowledged, nothing kept
    throw;
  }
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
  std::map<std::int64_t, std::string> users, agencies;
  auto user_name = [&](std::int64_t id) -> std::string {
    auto [it, fresh] = users.try_emplace(id);
    if (fresh) {
      auto user = s.users().find(*connection, id);
      it->second = user ? user->display_name : "";
    }
    return it->second;
  };
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
    json entry = {{"at", c.at},
                  {"action", c.action},
                  {"user", {{"id", c.user_id}, {"display_name", user_name(c.user_id)}}},
                  {"agency", {{"id", c.agency_id}, {"name", agency_name(c.agency_id)}}},
                  {"audit_seq", c.audit_seq}};
    if (c.to_agency_id) {
      entry["to_agency"] = {{"id", *c.to_agency_id}, {"name", agency_name(*c.to_agency_id)}};
    }
    if (c.intact) entry["intact"] = *c.intact;
    if (c.note) entry["note"] = *c.note;
    events.push_back(std::move(entry));
  }
  s.audit().record(*connection,
                   {ctx.user().user.id, ctx.user().agency.id, "evidence.custody.read", "evidence",
                    std::to_string(e.id), ctx.request.client_ip, "success"});
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
