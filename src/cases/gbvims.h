// The anonymised incident export, modelled on the GBVIMS Incident Recorder:
// one row per case (incident), codes only. It holds no name, IIN, address,
// locality, contact, free text, exact date of birth or case number: the
// incident code is a keyed hash of the case id (crypto::Protector::index,
// domain "gbvims.incident_code"), stable from one export to the next so
// consolidated exports can be de-duplicated, yet not linkable to the case by
// anyone without the server's key. Dates are months (YYYY-MM).
//
// The GBV type is the first of the six GBVIMS core types, in their decision
// order (rape, sexual_assault, physical_assault, forced_marriage,
// denial_of_resources, psychological_abuse), that one of the case's incident
// types maps to (gbvims_core_type): bride kidnapping counts as forced
// marriage; stalking, online harassment and bullying of a minor as
// psychological abuse.
//
// Sex and age group are taken, in this order, from the person's record (sex;
// age on the incident date, or on the day of first report when the incident
// date is unknown, from the birth date) and from the public report the case
// was opened from; "unknown" when neither says.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cases/cases.h"
#include "cases/table.h"
#include "core/jurisdiction.h"
#include "core/language.h"
#include "crypto/protector.h"
#include "intake/reports.h"
#include "people/people.h"

namespace qorgau::cases {

// What one incident row is made of; the caller reads it (and audits the export).
struct IncidentFacts {
  Case found;
  std::optional<intake::Report> report;  // the public report the case was opened from
  people::Person survivor;
  people::Person aggressor;
  std::set<std::string> services;  // kinds of service_kinds() delivered
};

struct GbvimsIncident {
  std::string incident_code;   // "GBV-" and 16 hex digits
  std::string reported_month;  // YYYY-MM, local time of the jurisdiction
  std::string incident_month;  // YYYY-MM, or "" when not known
  std::string region_kato;
  std::string region_name;  // in the caller's language
  std::string gbv_type;     // a GBVIMS core type
  std::vector<std::string> incident_types;
  std::string survivor_sex;              // "female" | "male" | "unknown"
  std::string survivor_age_group;        // intake::age_groups()
  std::string perpetrator_sex;           // "female" | "male" | "unknown"
  std::string perpetrator_age_group;     // intake::age_groups()
  std::string perpetrator_relationship;  // intake::relationships()
  std::string children_present;          // "yes" | "no" | "unknown"
  std::string case_status;
  std::string case_basis;
  std::set<std::string> services;
};

// The six GBVIMS core types, in their decision order.
const std::vector<std::string_view>& gbvims_core_types();
// The core type an intake incident type counts as ("" for an unknown code).
std::string_view gbvims_core_type(std::string_view incident_type);
// The first core type, in decision order, that one of `incident_types` counts as; "non_gbv"
// when none does.
std::string_view gbvims_type(const std::vector<std::string>& incident_types);
// The age group (intake::age_groups()) of a person born on `birth_date` (YYYY-MM-DD) on `day`;
// "unknown" when the date does not parse or lies after `day`.
std::string age_group_on(std::string_view birth_date, std::chrono::year_month_day day);

GbvimsIncident gbvims_incident(const IncidentFacts& facts, const core::Jurisdiction& jurisdiction,
                               core::Language language, const crypto::Protector& protector);

// incident_code, reported_month, incident_month, region_kato, region_name, gbv_type,
// incident_types, survivor_sex, survivor_age_group, perpetrator_sex, perpetrator_age_group,
// perpetrator_relationship, children_present, case_status, case_basis, then one
// "service_<kind>" column ("yes" | "no") per service kind.
const std::vector<Column<GbvimsIncident>>& gbvims_columns();

}  // namespace qorgau::cases
