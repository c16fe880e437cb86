// The columns of the case-list export, one definition for CSV and XLSX:
// codes, ids and times only, never a name (people are not read at all).
// Times are ISO 8601 UTC text ("2026-03-14T09:30:00Z"), so they read the same
// in both formats and sort as text.
#pragma once

#include <vector>

#include "cases/cases.h"
#include "cases/table.h"

namespace qorgau::cases {

// case_number, status, basis, ground, incident_types, region_kato,
// owner_agency_id, assigned_agency_id, offence, repeat_offence, opened_at,
// closed_at, close_reason.
const std::vector<Column<Case>>& case_list_columns();

}  // namespace qorgau::cases
