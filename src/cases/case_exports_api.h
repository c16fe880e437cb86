// HTTP routes that export the case list (see "Exports" under "Cases" in
// docs/api.md), each in CSV and XLSX from one definition of its columns:
//  - /api/v1/cases/export.{csv,xlsx} (cases.read): the list's codes, ids and
//    times (case_list_columns.h), audited `case.export`;
//  - /api/v1/cases/export/gbvims.{csv,xlsx} (cases.export_anonymised): one
//    anonymised incident per case (gbvims.h), audited `case.export_gbvims`;
//    the case-number filter `q` is refused there (kValidationFailed "q"),
//    since it would tie an incident code to its case.
// Both take the list's filters, sort and scope (case_query.h), at most
// kMaxExportRows rows; the audit entry is written once the file is made.
// Registered before /api/v1/cases/{id}, which would otherwise take export.xlsx.
#pragma once

#include <cstdint>

#include "app/services.h"
#include "http/router.h"

namespace qorgau::cases {

inline constexpr std::int64_t kMaxExportRows = 10000;

void register_case_export_routes(http::Router& router, app::Services& services);

}  // namespace qorgau::cases
