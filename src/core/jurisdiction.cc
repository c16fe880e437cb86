#include "core/jurisdiction.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include <toml++/toml.h>

#include "core/embedded.h"
#include "core/toml_section.h"

namespace qorgau::core {

namespace {

using Section = TomlSection;

[[noreturn]] void fail(const std::string& key, const std::string& problem,
                       const toml::node* node = nullptr) {
  std::string where = node ? " (line " + std::to_string(node->source().begin.line) + ")" : "";
  throw JurisdictionError("jurisdiction key '" + key + "': " + problem + where);
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::chrono::days days(Section& s, std::string_view name) {
  return std::chrono::days{s.positive(name)};
}

std::chrono::months months(Section& s, std::string_view name) {
  return std::chrono::months{s.positive(name)};
}

std::chrono::hours hours(Section& s, std::string_view name) {
  return std::chrono::hours{s.positive(name)};
}

void require_order(bool ordered, const std::string& key, const std::string& rule) {
  if (!ordered) {
    fail(key, "must satisfy " + rule);
  }
}

// Reads table `name` of `root` with `read`, then rejects the keys `read` did not ask for.
template <typename Read>
auto read_table(Section& root, std::string_view name, Read read) {
  Section s = root.table(name);
  auto value = read(s);
  s.done();
  return value;
}

// A kind's allowed conditions: unique codes, each one of order_condition_codes().
std::vector<std::string> order_conditions(Section& s) {
  std::vector<std::string> codes = s.codes("conditions");
  const auto& known = order_condition_codes();
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (std::find(known.begin(), known.end(), codes[i]) == known.end()) {
      fail(s.key("conditions") + "[" + std::to_string(i) + "]",
           "unknown condition '" + codes[i] + "'");
    }
  }
  return codes;
}

template <typename Duration>
void require_range(Section& s, Duration min, Duration max, const std::string& min_key,
                   const std::string& max_key) {
  require_order(min <= max, s.key(min_key), min_key + " <= " + max_key);
}

Liability liability(Section& s, std::string_view name) {
  std::string value = s.string(name);
  if (value != "administrative" && value != "criminal") {
    fail(s.key(name), "expected \"administrative\" or \"criminal\"");
  }
  return value == "criminal" ? Liability::kCriminal : Liability::kAdministrative;
}

ProtectiveOrder read_protective_order(Section& s) {
  ProtectiveOrder o{days(s, "min_days"), days(s, "max_days"), s.string("legal_basis"),
                    order_conditions(s), s.boolean("verified")};
  require_range(s, o.min_days, o.max_days, "min_days", "max_days");
  return o;
}

EmergencyOrder read_emergency_order(Section& s) {
  EmergencyOrder o{s.boolean("enabled"), days(s, "min_days"), days(s, "max_days"),
                   order_conditions(s), s.boolean("verified")};
  require_range(s, o.min_days, o.max_days, "min_days", "max_days");
  return o;
}

SpecialRequirements read_special_requirements(Section& s) {
  SpecialRequirements r{months(s, "min_months"), months(s, "max_months"), s.string("legal_basis"),
                        order_conditions(s), s.boolean("verified")};
  require_range(s, r.min_months, r.max_months, "min_months", "max_months");
  return r;
}

OrderBreach read_order_breach(Section& s) {
  return OrderBreach{liability(s, "liability"), liability(s, "repeat_liability"),
                     s.string("legal_basis"), s.boolean("arrest_possible"), s.boolean("verified")};
}

CohabitationBan read_cohabitation_ban(Section& s) {
  CohabitationBan b{s.boolean("available"),  s.boolean("exceptional_cases_only"),
                    months(s, "min_months"), months(s, "max_months"),
                    order_conditions(s),     s.boolean("verified")};
  require_range(s, b.min_months, b.max_months, "min_months", "max_months");
  return b;
}

PsychologicalCorrection read_psychological_correction(Section& s) {
  PsychologicalCorrection p{s.boolean("court_mandated"), months(s, "min_months"),
                            months(s, "max_months"), order_conditions(s), s.boolean("verified")};
  require_range(s, p.min_months, p.max_months, "min_months", "max_months");
  return p;
}

Reconciliation read_reconciliation(Section& s) {
  return Reconciliation{s.codes("barred_for")};
}

CaseWithoutComplaint read_case_without_complaint(Section& s) {
  CaseWithoutComplaint c{s.boolean("allowed"), s.codes("grounds")};
  if (c.allowed && c.grounds.empty()) {
    fail(s.key("grounds"), "must list at least one ground");
  }
  return c;
}

CrisisCentre read_crisis_centre(Section& s) {
  return CrisisCentre{months(s, "max_stay_months"), s.boolean("identity_required"),
                      std::chrono::minutes{s.positive("hold_minutes")},
                      days(s, "max_stay_warning_days")};
}

MinorHarmArrest read_minor_harm_arrest(Section& s) {
  MinorHarmArrest arrest{s.boolean("in_force"), days(s, "max_days"), days(s, "repeat_max_days")};
  require_order(arrest.max_days <= arrest.repeat_max_days, s.key("max_days"),
                "max_days <= repeat_max_days");
  return arrest;
}

RiskReview read_risk_review(Section& s) {
  RiskReview review{days(s, "low_days"), days(s, "medium_days"), days(s, "high_days"),
                    hours(s, "extreme_hours")};
  require_order(review.medium <= review.low, s.key("medium_days"), "medium_days <= low_days");
  require_order(review.high <= review.medium, s.key("high_days"), "high_days <= medium_days");
  require_order(review.extreme <= review.high, s.key("extreme_hours"),
                "extreme_hours <= high_days");
  return review;
}

RiskActions read_risk_actions(Section& s) {
  RiskActions actions;
  for (auto [name, list] :
       {std::pair{"low", &actions.low}, std::pair{"medium", &actions.medium},
        std::pair{"high", &actions.high}, std::pair{"extreme", &actions.extreme}}) {
    *list = s.codes(name);
    for (std::size_t i = 0; i < list->size(); ++i) {
      const auto& known = risk_action_codes();
      if (std::find(known.begin(), known.end(), (*list)[i]) == known.end()) {
        fail(s.key(name) + "[" + std::to_string(i) + "]", "unknown action '" + (*list)[i] + "'");
      }
    }
  }
  return actions;
}

std::vector<EmergencyNumber> read_emergency_numbers(Section& root) {
  std::vector<EmergencyNumber> numbers;
  for (Section& s : root.tables("emergency_number")) {
    EmergencyNumber number{s.string("number"), s.text("label"), s.boolean("verified")};
    if (!is_digits(number.number)) {
      fail(s.key("number"), "expected digits only");
    }
    for (const EmergencyNumber& earlier : numbers) {
      if (earlier.number == number.number) {
        fail(s.key("number"), "duplicate " + number.number);
      }
    }
    s.done();
    numbers.push_back(std::move(number));
  }
  if (numbers.empty()) {
    fail("emergency_number", "at least one is required");
  }
  return numbers;
}

std::vector<LegalReference> read_legal_references(Section& root) {
  std::vector<LegalReference> references;
  for (Section& s : root.tables("legal_reference")) {
    LegalReference ref{s.string("id"), s.string("subject"), s.string("citation", true),
                       s.boolean("verified")};
    if (!is_snake_case(ref.id)) {
      fail(s.key("id"), "expected a snake_case code");
    }
    for (const LegalReference& earlier : references) {
      if (earlier.id == ref.id) {
        fail(s.key("id"), "duplicate '" + ref.id + "'");
      }
    }
    if (ref.verified && ref.citation.empty()) {
      fail(s.key("citation"), "a verified one needs one");
    }
    s.done();
    references.push_back(std::move(ref));
  }
  return references;
}

void read_identity(Section& root, Jurisdiction& j) {
  j.code = root.string("code");
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  if (j.code.size() != 2 || !lower(j.code[0]) || !lower(j.code[1])) {
    fail("code", "expected two lowercase letters");
  }
  j.name = root.text("name");
  std::optional<Language> language = parse_language(root.string("default_language"));
  if (!language) {
    fail("default_language", "expected \"kk\", \"ru\" or \"en\"");
  }
  j.default_language = *language;
  j.time_zone = root.string("time_zone");
  try {
    j.zone = std::make_shared<const TimeZone>(TimeZone::load(j.time_zone));
  } catch (const TimeZoneError& e) {
    fail("time_zone", e.what());
  }
}

// The content of the file that `key` names relative to the jurisdiction file; the path must
// stay inside that file's directory.
std::string read_named_file(Section& root, std::string_view key,
                            const std::function<std::string(std::string_view)>& read_relative) {
  std::filesystem::path path(root.string(key));
  bool escapes =
      std::any_of(path.begin(), path.end(), [](const auto& part) { return part == ".."; });
  if (path.is_absolute() || escapes) {
    fail(std::string(key), "expected a path inside the file's directory");
  }
  try {
    return read_relative(path.generic_string());
  } catch (const std::exception& e) {
    fail(std::string(key), path.generic_string() + ": " + e.what());
  }
}

std::vector<Region> read_regions(
    Section& root, const std::function<std::string(std::string_view)>& read_relative) {
  std::string csv = read_named_file(root, "regions", read_relative);
  try {
    return parse_regions_csv(csv);
  } catch (const std::exception& e) {
    fail("regions", std::string("regions: ") + e.what());
  }
}

toml::table parse_toml(std::string_view text) {
  try {
    return toml::parse(text);
  } catch (const toml::parse_error& e) {
    throw JurisdictionError("jurisdiction TOML syntax error at line " +
                            std::to_string(e.source().begin.line) + ": " +
                            std::string(e.description()));
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw JurisdictionError("cannot open " + path.string());
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) {
    throw JurisdictionError("cannot read " + path.string());
  }
  return content.str();
}

Jurisdiction read_jurisdiction(
    const toml::table& document,
    const std::function<std::string(std::string_view relative_path)>& read_relative) {
  Section root(document, "");
  Jurisdiction j;
  read_identity(root, j);
  j.protective_order = read_table(root, "protective_order", read_protective_order);
  j.emergency_order = read_table(root, "emergency_order", read_emergency_order);
  j.special_requirements = read_table(root, "special_requirements", read_special_requirements);
  j.order_breach = read_table(root, "order_breach", read_order_breach);
  j.cohabitation_ban = read_table(root, "cohabitation_ban", read_cohabitation_ban);
  j.psychological_correction =
      read_table(root, "psychological_correction", read_psychological_correction);
  j.reconciliation = read_table(root, "reconciliation", read_reconciliation);
  j.case_without_complaint =
      read_table(root, "case_without_complaint", read_case_without_complaint);
  j.crisis_centre = read_table(root, "crisis_centre", read_crisis_centre);
  j.minor_harm_arrest = read_table(root, "minor_harm_arrest", read_minor_harm_arrest);
  j.risk_review = read_table(root, "risk_review", read_risk_review);
  j.risk_actions = read_table(root, "risk_actions", read_risk_actions);
  j.emergency_numbers = read_emergency_numbers(root);
  j.legal_references = read_legal_references(root);
  j.regions = read_regions(root, read_relative);
  j.help_rights_toml = read_named_file(root, "help_rights", read_relative);
  root.done();
  return j;
}

}  // namespace

const std::vector<std::string_view>& risk_action_codes() {
  static const std::vector<std::string_view> kCodes = {"safety_plan",      "patrol_visits",
                                                       "shelter_offer",    "multi_agency_meeting",
                                                       "protective_order", "daily_contact"};
  return kCodes;
}

const std::vector<std::string_view>& order_condition_codes() {
  static const std::vector<std::string_view> kCodes = {"no_contact", "no_approach", "no_visiting",
                                                       "no_weapons", "no_alcohol_drugs"};
  return kCodes;
}

bool Reconciliation::barred(std::string_view offence) const {
  return std::find(barred_for.begin(), barred_for.end(), offence) != barred_for.end();
}

const Region* Jurisdiction::find_region(std::string_view kato) const {
  for (const auto& region : regions) {
    if (region.kato == kato) return &region;
  }
  return nullptr;
}

Jurisdiction parse_jurisdiction(
    std::string_view toml_text,
    const std::function<std::string(std::string_view relative_path)>& read_relative) {
  toml::table document = parse_toml(toml_text);
  try {
    return read_jurisdiction(document, read_relative);
  } catch (const TomlKeyError& e) {
    throw JurisdictionError(std::string("jurisdiction ") + e.what());
  }
}

Jurisdiction load_jurisdiction_file(const std::filesystem::path& toml_path) {
  std::filesystem::path directory = toml_path.parent_path();
  return parse_jurisdiction(read_file(toml_path), [&](std::string_view relative) {
    return read_file(directory / std::filesystem::path(relative));
  });
}

const Jurisdiction& default_jurisdiction() {
  static const Jurisdiction kDefault = parse_jurisdiction(
      embedded::resource("reference/kz/jurisdiction.toml"), [](std::string_view relative) {
        return std::string(embedded::resource("reference/kz/" + std::string(relative)));
      });
  return kDefault;
}

}  // namespace qorgau::core
