#include "cases/case_list_columns.h"

#include "core/clock.h"
#include "core/code_list.h"

namespace qorgau::cases {

namespace {

Cell text(const std::optional<std::string>& value) {
  return value.value_or("");
}

Cell number(const std::optional<std::int64_t>& value) {
  if (value) return *value;
  return std::string();
}

Cell time(const std::optional<std::int64_t>& ms) {
  if (ms) return core::format_iso8601_utc(*ms);
  return std::string();
}

}  // namespace

const std::vector<Column<Case>>& case_list_columns() {
  static const std::vector<Column<Case>> kColumns = {
      {"case_number", 12, [](const Case& c) -> Cell { return c.case_number; }},
      {"status", 20, [](const Case& c) -> Cell { return c.status; }},
      {"basis", 18, [](const Case& c) -> Cell { return c.basis; }},
      {"ground", 16, [](const Case& c) { return text(c.ground); }},
      {"incident_types", 32,
       [](const Case& c) -> Cell { return core::join_codes(c.incident_types); }},
      {"region_kato", 12, [](const Case& c) -> Cell { return c.region_kato; }},
      {"owner_agency_id", 10, [](const Case& c) -> Cell { return c.owner_agency_id; }},
      {"assigned_agency_id", 10, [](const Case& c) { return number(c.assigned_agency_id); }},
      {"offence", 16, [](const Case& c) { return text(c.offence); }},
      {"repeat_offence", 10,
       [](const Case& c) -> Cell { return std::string(c.repeat_offence ? "true" : "false"); }},
      {"opened_at", 22, [](const Case& c) { return time(c.opened_at); }},
      {"closed_at", 22, [](const Case& c) { return time(c.closed_at); }},
      {"close_reason", 22, [](const Case& c) { return text(c.close_reason); }},
  };
  return kColumns;
}

}  // namespace qorgau::cases
