// A public report of violence (the intake form), as submitted: who reports,
// what happened, when and where, the people involved, immediate danger, safe
// ways to make contact and the reporter's consent. Everything but the
// reporter's type, the incident types, the region and immediate danger is
// optional, because a frightened person may know or say little.
//
// parse_report() is the one gate: it accepts a JSON object only if every
// field is known, has its type and bounds, every code is on its list, the
// date is a real day not after today, the region is the jurisdiction's and
// every IIN passes core::check_iin. Otherwise it throws core::ApiError naming
// the field by its path ("victim.iin", "incident.types"), never its value.
//
// Urgency (compute_urgency) orders the triage queue:
//   critical  immediate danger;
//   high      rape, sexual assault, physical assault, bride kidnapping, forced marriage;
//   medium    stalking, psychological abuse, denial of resources, bullying of a minor;
//   low       online harassment only;
// children present raise high/medium/low by one level, at most to high.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/jurisdiction.h"
#include "core/time_zone.h"

namespace qorgau::intake {

// The code lists, in the order forms show them.
const std::vector<std::string_view>& reporter_types();
const std::vector<std::string_view>& incident_types();
const std::vector<std::string_view>& place_types();
const std::vector<std::string_view>& sexes();
const std::vector<std::string_view>& age_groups();
const std::vector<std::string_view>& relationships();  // the aggressor to the victim
const std::vector<std::string_view>& contact_ways();
const std::vector<std::string_view>& contact_times();
const std::vector<std::string_view>& contact_languages();
const std::vector<std::string_view>& consent_choices();

struct PersonInvolved {
  std::optional<std::string> full_name;
  std::optional<std::string> iin;
  std::optional<std::string> sex;
  std::optional<std::string> age_group;
  std::optional<std::string> relationship;  // the aggressor only

  bool operator==(const PersonInvolved&) const = default;
};

struct Contact {
  std::vector<std::string> ways;
  std::vector<std::string> times;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::optional<std::string> language;
  std::optional<std::string> note;

  bool operator==(const Contact&) const = default;
};

struct ReportInput {
  std::string reporter_type;
  std::optional<std::string> reporter_name;
  std::optional<std::string> reporter_organisation;
  std::vector<std::string> incident_types;
  std::optional<std::string> incident_date;  // YYYY-MM-DD
  std::string region_kato;
  std::optional<std::string> locality;
  std::optional<std::string> place_type;
  std::optional<std::string> description;
  std::optional<PersonInvolved> victim;
  std::optional<PersonInvolved> aggressor;
  std::optional<bool> children_present;  // nullopt: not known
  bool immediate_danger = false;
  std::optional<Contact> contact;
  std::vector<std::string> consent;

  bool operator==(const ReportInput&) const = default;
};

inline constexpr size_t kMaxDescriptionBytes = 20000;

// Validates a report body (see the file comment). `today` is the current date
// in the jurisdiction's time zone (see local_today()).
ReportInput parse_report(const nlohmann::json& body, const core::Jurisdiction& jurisdiction,
                         std::chrono::year_month_day today);

// The report as JSON, in the shape parse_report() reads (absent optionals as null).
nlohmann::json report_input_json(const ReportInput& report);

// The calendar date at `now` in the jurisdiction's time zone.
std::chrono::year_month_day local_today(std::chrono::system_clock::time_point now,
                                        const core::TimeZone& zone);

enum class Urgency { kLow, kMedium, kHigh, kCritical };

Urgency compute_urgency(const ReportInput& report);
std::string_view urgency_code(Urgency urgency);        // "critical", "high", "medium", "low"
const std::vector<std::string_view>& urgency_codes();  // most urgent first

}  // namespace qorgau::intake
