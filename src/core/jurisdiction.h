// A jurisdiction: the legal parameters the system applies (order durations, who may reconcile,
// crisis-centre rules, risk-review intervals), its help lines and its administrative regions.
// Laws change and other countries use the system, so these are data: a TOML file per
// jurisdiction (reference/kz/jurisdiction.toml is the default) plus the regions CSV it names.
//
// Invariants of a loaded Jurisdiction (the loader throws JurisdictionError otherwise):
// - every key of the file was present with the right type; no unknown key was present;
// - code is two lowercase ASCII letters; time_zone names a zone of the system's zoneinfo, and
//   zone is that zone, loaded once (never null);
// - every LocalizedText is complete; every duration is positive;
// - every order kind's min <= max (protective_order, emergency_order: days;
//   special_requirements, cohabitation_ban, psychological_correction: months);
//   minor_harm_arrest.max_days <= repeat_max_days; risk_review.extreme <= high <= medium <= low;
// - risk_actions of each level are unique codes of risk_action_codes();
// - list entries of conditions/barred_for/grounds are unique snake_case codes; every order
//   condition is one of order_condition_codes();
// - emergency numbers: at least one, digits only, unique; legal reference ids unique, and a
//   verified reference has a citation;
// - regions satisfy the invariants of core/regions.h.
// A Jurisdiction is a plain value, immutable once loaded; share it by const reference. Scalar
// fields are value-initialised so that a hand-built one (in tests) has no indeterminate member.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/language.h"
#include "core/regions.h"
#include "core/time_zone.h"

namespace qorgau::core {

// The conditions an order may impose, one set for every kind: "no_contact", "no_approach",
// "no_visiting", "no_weapons", "no_alcohol_drugs". Each kind allows a subset (`conditions`).
const std::vector<std::string_view>& order_condition_codes();

// Police protective order (защитное предписание). `verified` is false while the terms and
// conditions are not checked against the law.
struct ProtectiveOrder {
  std::chrono::days min_days{};
  std::chrono::days max_days{};
  std::string legal_basis;
  std::vector<std::string> conditions;
  bool verified{};
};

// On-the-spot emergency police order; `enabled` is false where it is not law.
struct EmergencyOrder {
  bool enabled{};
  std::chrono::days min_days{};
  std::chrono::days max_days{};
  std::vector<std::string> conditions;
  bool verified{};
};

// Court special requirements (особые требования): a duration range and what they can ban.
struct SpecialRequirements {
  std::chrono::months min_months{};
  std::chrono::months max_months{};
  std::string legal_basis;
  std::vector<std::string> conditions;  // "no_contact", "no_approach", ...
  bool verified{};
};

enum class Liability { kAdministrative, kCriminal };

// Consequence of breaching a protective order or special requirements; a second or later
// breach in the same case is liable as `repeat_liability` says.
struct OrderBreach {
  Liability liability{};
  Liability repeat_liability{};
  std::string legal_basis;
  bool arrest_possible{};
  bool verified{};
};

// Court ban on the aggressor living in the shared home (always temporary).
struct CohabitationBan {
  bool available{};
  bool exceptional_cases_only{};
  std::chrono::months min_months{};
  std::chrono::months max_months{};
  std::vector<std::string> conditions;
  bool verified{};
};

// Court-mandated psychological correction programme (attendance is recorded).
struct PsychologicalCorrection {
  bool court_mandated{};
  std::chrono::months min_months{};
  std::chrono::months max_months{};
  std::vector<std::string> conditions;
  bool verified{};
};

struct Reconciliation {
  std::vector<std::string> barred_for;  // offence codes, e.g. "repeat_battery"

  bool barred(std::string_view offence) const;
};

struct CaseWithoutComplaint {
  bool allowed{};
  std::vector<std::string> grounds;  // "video", "witnesses", ...
};

struct CrisisCentre {
  std::chrono::months max_stay_months{};
  bool identity_required{};
  std::chrono::minutes hold_minutes{};        // a held bed is released after this long
  std::chrono::days max_stay_warning_days{};  // alert this long before the maximum stay ends
};

// Administrative arrest for minor harm; `in_force` is false once superseded.
struct MinorHarmArrest {
  bool in_force{};
  std::chrono::days max_days{};
  std::chrono::days repeat_max_days{};
};

// Longest time between two risk assessments of a case, per risk level, all in hours
// (the file gives low/medium/high in days and extreme in hours).
struct RiskReview {
  std::chrono::hours low{};
  std::chrono::hours medium{};
  std::chrono::hours high{};
  std::chrono::hours extreme{};
};

// The protective actions each risk level requires: codes of risk_action_codes(), unique within
// a level (their wording belongs to the user interface).
struct RiskActions {
  std::vector<std::string> low;
  std::vector<std::string> medium;
  std::vector<std::string> high;
  std::vector<std::string> extreme;
};

// "safety_plan", "patrol_visits", "shelter_offer", "multi_agency_meeting", "protective_order",
// "daily_contact".
const std::vector<std::string_view>& risk_action_codes();

struct EmergencyNumber {
  std::string number;  // digits only: "111"
  LocalizedText label;
  bool verified{};  // false: check before publishing as fact
};

// A legal detail kept for reference; nothing may rely on it while `verified` is false.
struct LegalReference {
  std::string id;
  std::string subject;
  std::string citation;  // empty when not yet established
  bool verified{};
};

struct Jurisdiction {
  std::string code;  // "kz"
  LocalizedText name;
  Language default_language{};
  std::string time_zone;                 // "Asia/Almaty"
  std::shared_ptr<const TimeZone> zone;  // its rules, for every UTC <-> local conversion
  ProtectiveOrder protective_order;
  EmergencyOrder emergency_order;
  SpecialRequirements special_requirements;
  OrderBreach order_breach;
  CohabitationBan cohabitation_ban;
  PsychologicalCorrection psychological_correction;
  Reconciliation reconciliation;
  CaseWithoutComplaint case_without_complaint;
  CrisisCentre crisis_centre;
  MinorHarmArrest minor_harm_arrest;
  RiskReview risk_review;
  RiskActions risk_actions;
  std::vector<EmergencyNumber> emergency_numbers;  // file order
  std::vector<LegalReference> legal_references;    // file order
  std::vector<Region> regions;
  std::string help_rights_toml;  // "know your rights" content (src/help/rights.h parses it)

  // The region with this KATO code, or nullptr.
  const Region* find_region(std::string_view kato) const;
};

// Thrown for an unreadable or invalid jurisdiction; the message names the offending key
// (dotted, e.g. "special_requirements.min_months" or "emergency_number[2].label.kk").
struct JurisdictionError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses a jurisdiction TOML. `read_relative` returns the contents of a file the TOML names
// relative to itself (the regions CSV); it may throw, which becomes a JurisdictionError.
Jurisdiction parse_jurisdiction(
    std::string_view toml_text,
    const std::function<std::string(std::string_view relative_path)>& read_relative);

// Reads `toml_path` and the files it names, relative to its directory, from disk.
Jurisdiction load_jurisdiction_file(const std::filesystem::path& toml_path);

// The embedded Kazakhstan jurisdiction, parsed on first use (thread-safe) and kept for the life
// of the process. Throws JurisdictionError if the embedded data is invalid (a build defect).
const Jurisdiction& default_jurisdiction();

}  // namespace qorgau::core
