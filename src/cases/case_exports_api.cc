#include "cases/case_exports_api.h"

#include <set>
#include <string>

#include "cases/case_list_columns.h"
#include "cases/case_query.h"
#include "cases/csv.h"
#include "cases/gbvims.h"
#include "cases/route_audit.h"
#include "cases/xlsx.h"
#include "core/error.h"

namespace qorgau::cases {

using accounts::Permission;
using core::ApiError;
using core::ErrorCode;
using http::Access;
using http::HttpResponse;
using http::Method;
using http::RequestContext;

namespace {

enum class Format { kCsv, kXlsx };

// The table as a download named `name` plus the format's extension.
HttpResponse download(app::Services& s, const Table& table, Format format,
                      const std::string& name) {
  HttpResponse response;
  response.status = 200;
  std::string file = name;
  if (format == Format::kCsv) {
    response.content_type = "text/csv; charset=utf-8";
    response.body = csv_table(table);
    file += ".csv";
  } else {
    response.content_type = kXlsxContentType;
    response.body = xlsx_workbook(table, name, s.upload_dir());
    file += ".xlsx";
  }
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file + "\"");
  return response;
}

void audit_export(app::Services& s, store::Connection& c, const RequestContext& ctx,
                  const std::string& action) {
  s.audit().record(c, staff_event(ctx, action, "case", "export"));
}

HttpResponse export_case_list(app::Services& s, RequestContext& ctx, Format format) {
  CaseQuery q = case_query(s, ctx);
  auto connection = s.pool().lease();
  Table table = tabulate(case_list_columns(), run_query(s, *connection, q, kMaxExportRows, 0));
  HttpResponse response = download(s, table, format, "cases");
  audit_export(s, *connection, ctx, "case.export");
  return response;
}

HttpResponse export_gbvims(app::Services& s, RequestContext& ctx, Format format) {
  // Narrowed to a case number, a row would tie its incident code to that case.
  if (ctx.request.query.count("q") > 0) throw ApiError(ErrorCode::kValidationFailed, "q");
  CaseQuery q = case_query(s, ctx);
  auto connection = s.pool().lease();
  std::vector<GbvimsIncident> incidents;
  for (Case& found : run_query(s, *connection, q, kMaxExportRows, 0)) {
    IncidentFacts facts;
    if (found.report_id) facts.report = s.intake_reports().find(*connection, *found.report_id);
    facts.survivor = *s.people().find(*connection, found.survivor_person_id);
    facts.aggressor = *s.people().find(*connection, found.aggressor_person_id);
    for (const auto& service : s.case_timeline().services(*connection, found.id)) {
      facts.services.insert(service.kind);
    }
    facts.found = std::move(found);
    incidents.push_back(gbvims_incident(facts, s.jurisdiction(), ctx.language, s.protector()));
  }
  HttpResponse response = download(s, tabulate(gbvims_columns(), incidents), format, "gbvims");
  audit_export(s, *connection, ctx, "case.export_gbvims");
  return response;
}

}  // namespace

void register_case_export_routes(http::Router& router, app::Services& s) {
  for (Format format : {Format::kCsv, Format::kXlsx}) {
    std::string extension = format == Format::kCsv ? "csv" : "xlsx";
    router.add(Method::kGet, "/api/v1/cases/export." + extension,
               Access::need(Permission::kCasesRead),
               [&s, format](RequestContext& ctx) { return export_case_list(s, ctx, format); });
    router.add(Method::kGet, "/api/v1/cases/export/gbvims." + extension,
               Access::need(Permission::kCasesExportAnonymised),
               [&s, format](RequestContext& ctx) { return export_gbvims(s, ctx, format); });
  }
}

}  // namespace qorgau::cases
