#include "cases/bundle_api.h"

#include <filesystem>
#include <memory>

#include <spdlog/spdlog.h>

#include "cases/bundle.h"
#include "cases/case_access.h"
#include "cases/route_audit.h"
#include "core/error.h"
#include "core/time_zone.h"
#include "http/query.h"
#include "pdf/document.h"
#include "zip/zip_stream.h"

namespace qorgau::cases {

using accounts::Permission;
using core::ApiError;
using core::ErrorCode;
using http::Access;
using http::HttpResponse;
using http::Method;
using http::RequestContext;

namespace {

enum class Form { kPdf, kZip };

// `lang` if given (kk, ru, en), else the jurisdiction's default language.
core::Language bundle_language(const app::Services& s, const RequestContext& ctx) {
  auto given = http::query_string(ctx.request, "lang", 8);
  if (!given) return s.jurisdiction().default_language;
  auto language = core::parse_language(*given);
  if (!language) throw ApiError(ErrorCode::kValidationFailed, "lang");
  return *language;
}

// The archive's timestamp: now, as the jurisdiction's clocks show it.
zip::DosTime local_dos_time(std::int64_t now_ms, const core::TimeZone& zone) {
  using namespace std::chrono;
  sys_time<milliseconds> local{milliseconds(zone.local_wall_ms(now_ms))};
  auto day = floor<days>(local);
  year_month_day date(day);
  hh_mm_ss<milliseconds> time(local - day);
  return {static_cast<int>(date.year()),
          static_cast<unsigned>(date.month()),
          static_cast<unsigned>(date.day()),
          static_cast<unsigned>(time.hours().count()),
          static_cast<unsigned>(time.minutes().count()),
          static_cast<unsigned>(time.seconds().count())};
}

std::string disposition(const Case& found, std::string_view extension) {
  return "attachment; filename=\"" + found.case_number + "-bundle." + std::string(extension) + "\"";
}

const char* route_pattern(Form form) {
  return form == Form::kPdf ? "/api/v1/cases/{id}/bundle.pdf" : "/api/v1/cases/{id}/bundle.zip";
}

HttpResponse bundle(app::Services& s, RequestContext& ctx, Form form) {
  auto connection = s.pool().lease();
  // The route asks for cases.read; the originals and their hashes need evidence.read too. A
  // refusal is audited as the router audits its own (app/api.cc).
  if (!ctx.user().can(Permission::kEvidenceRead)) {
    s.audit().record(*connection, {ctx.user().user.id, ctx.user().agency.id, "access.denied",
                                   "route", route_pattern(form), ctx.request.client_ip, "denied"});
    throw ApiError(ErrorCode::kForbidden);
  }
  const core::Language language = bundle_language(s, ctx);
  store::Transaction tx(*connection);
  const Case found = full_case(s, *connection, ctx.user(), ctx.id_param("id"));
  std::vector<evidence::Evidence> items = s.evidence().for_case(*connection, found.id);
  const evidence::Actor actor{ctx.user().user.id, ctx.user().agency.id, ctx.request.client_ip};
  if (form == Form::kZip) {
    for (const auto& item : items) {
      // A missing blob is found now, before anything is recorded or sent.
      if (!std::filesystem::exists(s.evidence_blobs().path_of(item.blob))) {
        spdlog::error("evidence {} of case {} has no blob", item.id, found.id);
        throw ApiError(ErrorCode::kInternal);
      }
      s.evidence().record(*connection, item.id, evidence::CustodyAction::kDownload, actor);
    }
  }
  s.audit().append(*connection, case_event(ctx, "case.bundle", found.id));
  tx.commit();

  // Read after the commit, so the custody history shows this very download.
  const std::int64_t now_ms = s.clock().now_ms();
  std::string pdf =
      pdf::render_document(bundle_document(s, *connection, found, items, language, now_ms));
  HttpResponse response;
  if (form == Form::kPdf) {
    response.content_type = "application/pdf";
    response.body = std::move(pdf);
    response.headers.emplace_back("Content-Disposition", disposition(found, "pdf"));
    return response;
  }

  std::vector<SumLine> sums{{sha256_hex(pdf), "bundle.pdf"}};
  std::vector<zip::ZipEntry> entries;
  auto pdf_bytes = std::make_shared<const std::string>(std::move(pdf));
  auto whole = [](const std::shared_ptr<const std::string>& bytes) {
    return [bytes] {
      return zip::ChunkReader([bytes](std::string& chunk) {
        chunk = *bytes;
        return false;
      });
    };
  };
  entries.push_back({"bundle.pdf", pdf_bytes->size(), whole(pdf_bytes)});
  std::vector<zip::ZipEntry> originals;
  for (const auto& item : items) {
    std::string name = archive_name(item);
    sums.push_back({item.sha256, name});
    const evidence::BlobStore& blobs = s.evidence_blobs();
    originals.push_back({name, item.size, [&blobs, blob = item.blob] {
                           // Opened when the archive reaches it; a damaged blob throws, which
                           // cuts the connection (http::BodyStream).
                           std::shared_ptr<evidence::BlobStore::Reader> reader = blobs.open(blob);
                           return zip::ChunkReader(
                               [reader](std::string& chunk) { return reader->next(chunk); });
                         }});
  }
  auto sums_bytes = std::make_shared<const std::string>(sha256sums(sums));
  entries.push_back({"SHA256SUMS", sums_bytes->size(), whole(sums_bytes)});
  for (auto& original : originals) entries.push_back(std::move(original));

  auto archive = std::make_shared<zip::ZipStream>(std::move(entries),
                                                  local_dos_time(now_ms, *s.jurisdiction().zone));
  response.content_type = "application/zip";
  response.headers.emplace_back("Content-Disposition", disposition(found, "zip"));
  response.stream = http::BodyStream{
      archive->length(), [archive](std::string& chunk) { return archive->next(chunk); }};
  return response;
}

}  // namespace

void register_case_bundle_routes(http::Router& router, app::Services& s) {
  for (Form form : {Form::kPdf, Form::kZip}) {
    router.add(Method::kGet, route_pattern(form), Access::need(Permission::kCasesRead),
               [&s, form](RequestContext& ctx) { return bundle(s, ctx, form); });
  }
}

}  // namespace qorgau::cases
