#include "cases/gbvims.h"

#include <algorithm>
#include <cstdio>

#include "cases/timeline.h"
#include "core/bytes.h"
#include "core/calendar_day.h"
#include "core/code_list.h"
#include "intake/report.h"

namespace qorgau::cases {

namespace {

constexpr const char* kIncidentCodeDomain = "gbvims.incident_code";

std::string month_of(std::chrono::year_month_day day) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()));
  return buffer;
}

// The first known value of a code: the person's record, then the report; "unknown" otherwise.
std::string first_known(const std::optional<std::string>& recorded,
                        const std::optional<std::string>& reported) {
  if (recorded && *recorded != "unknown") return *recorded;
  if (reported && *reported != "unknown") return *reported;
  return "unknown";
}

std::optional<std::string> reported(const std::optional<intake::PersonInvolved>& person,
                                    std::optional<std::string> intake::PersonInvolved::*field) {
  if (!person) return std::nullopt;
  return (*person).*field;
}

std::optional<std::string> age_group_of(const people::Person& person,
                                        std::chrono::year_month_day day) {
  if (!person.birth_date) return std::nullopt;
  return age_group_on(*person.birth_date, day);
}

}  // namespace

const std::vector<std::string_view>& gbvims_core_types() {
  static const std::vector<std::string_view> kTypes = {"rape",
                                                       "sexual_assault",
                                                       "physical_assault",
                                                       "forced_marriage",
                                                       "denial_of_resources",
                                                       "psychological_abuse"};
  return kTypes;
}

std::string_view gbvims_core_type(std::string_view incident_type) {
  const auto& core = gbvims_core_types();
  if (std::find(core.begin(), core.end(), incident_type) != core.end()) return incident_type;
  if (incident_type == "bride_kidnapping") return "forced_marriage";
  if (incident_type == "stalking" || incident_type == "online_harassment" ||
      incident_type == "bullying_of_minor") {
    return "psychological_abuse";
  }
  return "";
}

std::string_view gbvims_type(const std::vector<std::string>& incident_types) {
  for (std::string_view core : gbvims_core_types()) {
    for (const auto& type : incident_types) {
      if (gbvims_core_type(type) == core) return core;
    }
  }
  return "non_gbv";
}

std::string age_group_on(std::string_view birth_date, std::chrono::year_month_day day) {
  auto born = core::parse_day(birth_date);
  if (!born || std::chrono::sys_days(*born) > std::chrono::sys_days(day)) return "unknown";
  int age = static_cast<int>(day.year()) - static_cast<int>(born->year());
  if (day.month() < born->month() || (day.month() == born->month() && day.day() < born->day())) {
    --age;
  }
  if (age <= 11) return "0_11";
  if (age <= 17) return "12_17";
  if (age <= 25) return "18_25";
  if (age <= 40) return "26_40";
  if (age <= 60) return "41_60";
  return "61_plus";
}

GbvimsIncident gbvims_incident(const IncidentFacts& facts, const core::Jurisdiction& jurisdiction,
                               core::Language language, const crypto::Protector& protector) {
  const Case& c = facts.found;
  const intake::ReportInput* report = facts.report ? &facts.report->input : nullptr;
  GbvimsIncident out;
  out.incident_code =
      "GBV-" +
      core::to_hex(protector.index(std::to_string(c.id), kIncidentCodeDomain)).substr(0, 16);
  std::int64_t first_report_ms = facts.report ? facts.report->received_at : c.opened_at;
  auto reported_day = intake::local_today(
      std::chrono::system_clock::time_point(std::chrono::milliseconds(first_report_ms)),
      *jurisdiction.zone);
  out.reported_month = month_of(reported_day);
  std::chrono::year_month_day reference_day = reported_day;
  if (report && report->incident_date) {
    if (auto day = core::parse_day(*report->incident_date)) {
      out.incident_month = month_of(*day);
      reference_day = *day;
    }
  }
  out.region_kato = c.region_kato;
  if (const core::Region* region = jurisdiction.find_region(c.region_kato)) {
    out.region_name = region->name.in(language);
  }
  out.gbv_type = gbvims_type(c.incident_types);
  out.incident_types = c.incident_types;
  const std::optional<intake::PersonInvolved> no_one;
  const auto& victim = report ? report->victim : no_one;
  const auto& aggressor = report ? report->aggressor : no_one;
  using intake::PersonInvolved;
  out.survivor_sex = first_known(facts.survivor.sex, reported(victim, &PersonInvolved::sex));
  out.survivor_age_group = first_known(age_group_of(facts.survivor, reference_day),
                                       reported(victim, &PersonInvolved::age_group));
  out.perpetrator_sex = first_known(facts.aggressor.sex, reported(aggressor, &PersonInvolved::sex));
  out.perpetrator_age_group = first_known(age_group_of(facts.aggressor, reference_day),
                                          reported(aggressor, &PersonInvolved::age_group));
  out.perpetrator_relationship =
      first_known(std::nullopt, reported(aggressor, &PersonInvolved::relationship));
  out.children_present = "unknown";
  if (report && report->children_present)
    out.children_present = *report->children_present ? "yes" : "no";
  out.case_status = c.status;
  out.case_basis = c.basis;
  out.services = facts.services;
  return out;
}

const std::vector<Column<GbvimsIncident>>& gbvims_columns() {
  using Row = GbvimsIncident;
  static const std::vector<Column<Row>> kColumns = [] {
    std::vector<Column<Row>> columns = {
        {"incident_code", 22, [](const Row& r) -> Cell { return r.incident_code; }},
        {"reported_month", 10, [](const Row& r) -> Cell { return r.reported_month; }},
        {"incident_month", 10, [](const Row& r) -> Cell { return r.incident_month; }},
        {"region_kato", 12, [](const Row& r) -> Cell { return r.region_kato; }},
        {"region_name", 24, [](const Row& r) -> Cell { return r.region_name; }},
        {"gbv_type", 20, [](const Row& r) -> Cell { return r.gbv_type; }},
        {"incident_types", 32,
         [](const Row& r) -> Cell { return core::join_codes(r.incident_types); }},
        {"survivor_sex", 10, [](const Row& r) -> Cell { return r.survivor_sex; }},
        {"survivor_age_group", 10, [](const Row& r) -> Cell { return r.survivor_age_group; }},
        {"perpetrator_sex", 10, [](const Row& r) -> Cell { return r.perpetrator_sex; }},
        {"perpetrator_age_group", 10, [](const Row& r) -> Cell { return r.perpetrator_age_group; }},
        {"perpetrator_relationship", 16,
         [](const Row& r) -> Cell { return r.perpetrator_relationship; }},
        {"children_present", 10, [](const Row& r) -> Cell { return r.children_present; }},
        {"case_status", 20, [](const Row& r) -> Cell { return r.case_status; }},
        {"case_basis", 18, [](const Row& r) -> Cell { return r.case_basis; }},
    };
    for (std::string_view kind : service_kinds()) {
      std::string name(kind);
      columns.push_back({"service_" + name, 10, [name](const Row& r) -> Cell {
                           return std::string(r.services.count(name) > 0 ? "yes" : "no");
                         }});
    }
    return columns;
  }();
  return kColumns;
}

}  // namespace qorgau::cases
