#include "intake/report.h"

#include <algorithm>
#include <cctype>
#include <memory>

#include "core/calendar_day.h"
#include "core/error.h"
#include "core/iin.h"
#include "core/time_zone.h"
#include "http/nullable_json.h"

namespace qorgau::intake {

using core::ApiError;
using core::ErrorCode;
using nlohmann::json;

const std::vector<std::string_view>& reporter_types() {
  static const std::vector<std::string_view> kCodes = {"survivor", "witness", "institution",
                                                       "mobile_team", "monitoring"};
  return kCodes;
}

const std::vector<std::string_view>& incident_types() {
  // The six GBVIMS types in their decision order, then the Kazakh additions.
  static const std::vector<std::string_view> kCodes = {"rape",
                                                       "sexual_assault",
                                                       "physical_assault",
                                                       "forced_marriage",
                                                       "denial_of_resources",
                                                       "psychological_abuse",
                                                       "stalking",
                                                       "online_harassment",
                                                       "bride_kidnapping",
                                                       "bullying_of_minor"};
  return kCodes;
}

const std::vector<std::string_view>& place_types() {
  static const std::vector<std::string_view> kCodes = {
      "home",      "other_residence", "street",          "public_transport",
      "workplace", "school",          "health_facility", "online",
      "other"};
  return kCodes;
}

const std::vector<std::string_view>& sexes() {
  static const std::vector<std::string_view> kCodes = {"female", "male", "unknown"};
  return kCodes;
}

const std::vector<std::string_view>& age_groups() {
  static const std::vector<std::string_view> kCodes = {"0_11",  "12_17",   "18_25",  "26_40",
                                                       "41_60", "61_plus", "unknown"};
  return kCodes;
}

const std::vector<std::string_view>& relationships() {
  static const std::vector<std::string_view> kCodes = {
      "spouse",    "former_spouse", "partner",      "former_partner", "parent",    "step_parent",
      "child",     "sibling",       "in_law",       "other_relative", "caregiver", "teacher",
      "classmate", "colleague",     "acquaintance", "stranger",       "unknown"};
  return kCodes;
}

const std::vector<std::string_view>& contact_ways() {
  static const std::vector<std::string_view> kCodes = {
      "phone_call", "sms", "whatsapp", "telegram", "email", "in_person", "do_not_contact"};
  return kCodes;
}

const std::vector<std::string_view>& contact_times() {
  static const std::vector<std::string_view> kCodes = {"morning", "afternoon", "evening", "night",
                                                       "any_time"};
  return kCodes;
}

const std::vector<std::string_view>& contact_languages() {
  static const std::vector<std::string_view> kCodes = {"kk", "ru", "en"};
  return kCodes;
}

const std::vector<std::string_view>& consent_choices() {
  static const std::vector<std::string_view> kCodes = {
      "contact_me",        "share_with_police",        "share_with_social_services",
      "share_with_health", "share_with_crisis_centre", "anonymous_statistics"};
  return kCodes;
}

const std::vector<std::string_view>& urgency_codes() {
  static const std::vector<std::string_view> kCodes = {"critical", "high", "medium", "low"};
  return kCodes;
}

std::string_view urgency_code(Urgency urgency) {
  switch (urgency) {
    case Urgency::kCritical:
      return "critical";
    case Urgency::kHigh:
      return "high";
    case Urgency::kMedium:
      return "medium";
    case Urgency::kLow:
      return "low";
  }
  return "low";
}

namespace {

bool listed(const std::vector<std::string_view>& codes, std::string_view value) {
  return std::find(codes.begin(), codes.end(), value) != codes.end();
}

std::string trim(const std::string& s) {
  auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  auto end = s.find_last_not_of(" \t\r\n");
  return s.substr(begin, end - begin + 1);
}

// Strict reading of one JSON object of the body, with field names reported by
// their path from the top ("victim.iin"). Mirrors http::JsonBody for nesting.
class Reader {
 public:
  Reader(const json& object, std::string prefix, std::initializer_list<std::string_view> allowed)
      : object_(object), prefix_(std::move(prefix)) {
    for (const auto& [key, value] : object_.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
        throw ApiError(ErrorCode::kUnknownField, path(key.substr(0, 64)));
      }
    }
  }

  std::string path(std::string_view field) const { return prefix_ + std::string(field); }

  const json* find(std::string_view field) const {
    auto it = object_.find(std::string(field));
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
  }

  // Text trimmed of surrounding whitespace; empty counts as absent.
  std::optional<std::string> text(std::string_view field, size_t max_bytes) const {
    const json* value = find(field);
    if (!value) return std::nullopt;
    if (!value->is_string()) throw ApiError(ErrorCode::kWrongType, path(field));
    std::string out = trim(value->get<std::string>());
    if (out.empty()) return std::nullopt;
    if (out.size() > max_bytes) throw ApiError(ErrorCode::kValidationFailed, path(field));
    return out;
  }

  std::optional<std::string> code(std::string_view field,
                                  const std::vector<std::string_view>& codes) const {
    const json* value = find(field);
    if (!value) return std::nullopt;
    if (!value->is_string()) throw ApiError(ErrorCode::kWrongType, path(field));
    const auto& out = value->get_ref<const std::string&>();
    if (!listed(codes, out)) throw ApiError(ErrorCode::kValidationFailed, path(field));
    return out;
  }

  std::string required_code(std::string_view field,
                            const std::vector<std::string_view>& codes) const {
    auto out = code(field, codes);
    if (!out) throw ApiError(ErrorCode::kMissingField, path(field));
    return *out;
  }

  std::vector<std::string> codes(std::string_view field,
                                 const std::vector<std::string_view>& allowed,
                                 size_t max_items) const {
    std::vector<std::string> out;
    const json* value = find(field);
    if (!value) return out;
    if (!value->is_array()) throw ApiError(ErrorCode::kWrongType, path(field));
    if (value->size() > max_items) throw ApiError(ErrorCode::kValidationFailed, path(field));
    for (const auto& item : *value) {
      if (!item.is_string()) throw ApiError(ErrorCode::kWrongType, path(field));
      const auto& text = item.get_ref<const std::string&>();
      if (!listed(allowed, text) || std::find(out.begin(), out.end(), text) != out.end()) {
        throw ApiError(ErrorCode::kValidationFailed, path(field));
      }
      out.push_back(text);
    }
    return out;
  }

  std::optional<bool> boolean(std::string_view field) const {
    const json* value = find(field);
    if (!value) return std::nullopt;
    if (!value->is_boolean()) throw ApiError(ErrorCode::kWrongType, path(field));
    return value->get<bool>();
  }

  // A nested object, or nullptr when absent or null.
  const json* object(std::string_view field) const {
    const json* value = find(field);
    if (value && !value->is_object()) throw ApiError(ErrorCode::kWrongType, path(field));
    return value;
  }

 private:
  const json& object_;
  std::string prefix_;
};

// The IIN, if given, must pass every rule; the error names the field and the problem.
std::optional<std::string> read_iin(const Reader& reader, std::chrono::year_month_day today) {
  auto iin = reader.text("iin", 32);
  if (!iin) return std::nullopt;
  core::IinCheck check = core::check_iin(*iin, today);
  if (!check.ok()) {
    throw ApiError(
        ErrorCode::kInvalidIin,
        reader.path("iin") + " (" + std::string(core::problem_code(*check.problem)) + ")");
  }
  return iin;
}

std::optional<PersonInvolved> read_person(const Reader& parent, std::string_view field,
                                          bool aggressor, std::chrono::year_month_day today) {
  const json* object = parent.object(field);
  if (!object) return std::nullopt;
  std::string prefix = parent.path(field) + ".";
  std::initializer_list<std::string_view> victim_fields = {"full_name", "iin", "sex", "age_group"};
  std::initializer_list<std::string_view> aggressor_fields = {"full_name", "iin", "sex",
                                                              "age_group", "relationship"};
  Reader r(*object, prefix, aggressor ? aggressor_fields : victim_fields);
  PersonInvolved person;
  person.full_name = r.text("full_name", 300);
  person.iin = read_iin(r, today);
  person.sex = r.code("sex", sexes());
  person.age_group = r.code("age_group", age_groups());
  if (aggressor) person.relationship = r.code("relationship", relationships());
  return person;
}

bool plausible_phone(const std::string& phone) {
  int digits = 0;
  for (size_t i = 0; i < phone.size(); ++i) {
    char c = phone[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (c == '+') {
      if (i != 0) return false;
    } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 5 && digits <= 20;
}

bool plausible_email(const std::string& email) {
  auto at = email.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= email.size()) return false;
  if (email.find('@', at + 1) != std::string::npos) return false;
  return std::none_of(email.begin(), email.end(), [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) < 0x20;
  });
}

std::optional<Contact> read_contact(const Reader& parent) {
  const json* object = parent.object("contact");
  if (!object) return std::nullopt;
  Reader r(*object, "contact.", {"ways", "times", "phone", "email", "language", "note"});
  Contact contact;
  contact.ways = r.codes("ways", contact_ways(), contact_ways().size());
  contact.times = r.codes("times", contact_times(), contact_times().size());
  contact.phone = r.text("phone", 40);
  contact.email = r.text("email", 254);
  contact.language = r.code("language", contact_languages());
  contact.note = r.text("note", 1000);
  auto chosen = [&contact](std::string_view way) {
    return std::find(contact.ways.begin(), contact.ways.end(), way) != contact.ways.end();
  };
  if (chosen("do_not_contact") && contact.ways.size() > 1) {
    throw ApiError(ErrorCode::kValidationFailed, "contact.ways");
  }
  if (contact.phone && !plausible_phone(*contact.phone)) {
    throw ApiError(ErrorCode::kValidationFailed, "contact.phone");
  }
  if (!contact.phone &&
      (chosen("phone_call") || chosen("sms") || chosen("whatsapp") || chosen("telegram"))) {
    throw ApiError(ErrorCode::kMissingField, "contact.phone");
  }
  if (contact.email && !plausible_email(*contact.email)) {
    throw ApiError(ErrorCode::kValidationFailed, "contact.email");
  }
  if (!contact.email && chosen("email")) throw ApiError(ErrorCode::kMissingField, "contact.email");
  return contact;
}

json person_json(const std::optional<PersonInvolved>& person, bool aggressor) {
  if (!person) return nullptr;
  json out = {{"full_name", http::nullable_json(person->full_name)},
              {"iin", http::nullable_json(person->iin)},
              {"sex", http::nullable_json(person->sex)},
              {"age_group", http::nullable_json(person->age_group)}};
  if (aggressor) out["relationship"] = http::nullable_json(person->relationship);
  return out;
}

int severity(std::string_view type) {
  static const std::vector<std::string_view> kHigh = {"rape", "sexual_assault", "physical_assault",
                                                      "bride_kidnapping", "forced_marriage"};
  if (listed(kHigh, type)) return static_cast<int>(Urgency::kHigh);
  if (type == "online_harassment") return static_cast<int>(Urgency::kLow);
  return static_cast<int>(Urgency::kMedium);
}

}  // namespace

ReportInput parse_report(const json& body, const core::Jurisdiction& jurisdiction,
                         std::chrono::year_month_day today) {
  if (!body.is_object()) throw ApiError(ErrorCode::kInvalidJson);
  Reader top(body, "",
             {"reporter", "incident", "victim", "aggressor", "children_present", "immediate_danger",
              "contact", "consent"});
  ReportInput report;

  const json* reporter = top.object("reporter");
  if (!reporter) throw ApiError(ErrorCode::kMissingField, "reporter");
  Reader rep(*reporter, "reporter.", {"type", "name", "organisation"});
  report.reporter_type = rep.required_code("type", reporter_types());
  report.reporter_name = rep.text("name", 300);
  report.reporter_organisation = rep.text("organisation", 300);

  const json* incident = top.object("incident");
  if (!incident) throw ApiError(ErrorCode::kMissingField, "incident");
  Reader inc(*incident, "incident.",
             {"types", "date", "region", "locality", "place_type", "description"});
  if (!inc.find("types")) throw ApiError(ErrorCode::kMissingField, "incident.types");
  report.incident_types = inc.codes("types", incident_types(), incident_types().size());
  if (report.incident_types.empty()) {
    throw ApiError(ErrorCode::kMissingField, "incident.types");
  }
  if (auto date = inc.text("date", 10)) {
    auto parsed = core::parse_day(*date);
    if (!parsed || parsed->year() < std::chrono::year{1900} ||
        std::chrono::sys_days{*parsed} > std::chrono::sys_days{today}) {
      throw ApiError(ErrorCode::kValidationFailed, "incident.date");
    }
    report.incident_date = date;
  }
  auto region = inc.text("region", 16);
  if (!region) throw ApiError(ErrorCode::kMissingField, "incident.region");
  if (!jurisdiction.find_region(*region)) {
    throw ApiError(ErrorCode::kValidationFailed, "incident.region");
  }
  report.region_kato = *region;
  report.locality = inc.text("locality", 300);
  report.place_type = inc.code("place_type", place_types());
  report.description = inc.text("description", kMaxDescriptionBytes);

  report.victim = read_person(top, "victim", false, today);
  report.aggressor = read_person(top, "aggressor", true, today);
  report.children_present = top.boolean("children_present");
  auto danger = top.boolean("immediate_danger");
  if (!danger) throw ApiError(ErrorCode::kMissingField, "immediate_danger");
  report.immediate_danger = *danger;
  report.contact = read_contact(top);
  report.consent = top.codes("consent", consent_choices(), consent_choices().size());
  return report;
}

json report_input_json(const ReportInput& r) {
  json contact = nullptr;
  if (r.contact) {
    contact = {{"ways", r.contact->ways},
               {"times", r.contact->times},
               {"phone", http::nullable_json(r.contact->phone)},
               {"email", http::nullable_json(r.contact->email)},
               {"language", http::nullable_json(r.contact->language)},
               {"note", http::nullable_json(r.contact->note)}};
  }
  return {{"reporter",
           {{"type", r.reporter_type},
            {"name", http::nullable_json(r.reporter_name)},
            {"organisation", http::nullable_json(r.reporter_organisation)}}},
          {"incident",
           {{"types", r.incident_types},
            {"date", http::nullable_json(r.incident_date)},
            {"region", r.region_kato},
            {"locality", http::nullable_json(r.locality)},
            {"place_type", http::nullable_json(r.place_type)},
            {"description", http::nullable_json(r.description)}}},
          {"victim", person_json(r.victim, false)},
          {"aggressor", person_json(r.aggressor, true)},
          {"children_present", http::nullable_json(r.children_present)},
          {"immediate_danger", r.immediate_danger},
          {"contact", contact},
          {"consent", r.consent}};
}

std::chrono::year_month_day local_today(std::chrono::system_clock::time_point now,
                                        const core::TimeZone& zone) {
  return zone.local_date(
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count());
}

Urgency compute_urgency(const ReportInput& report) {
  if (report.immediate_danger) return Urgency::kCritical;
  int level = static_cast<int>(Urgency::kLow);
  for (const auto& type : report.incident_types) level = std::max(level, severity(type));
  if (report.children_present.value_or(false)) {
    level = std::min(level + 1, static_cast<int>(Urgency::kHigh));
  }
  return static_cast<Urgency>(level);
}

}  // namespace qorgau::intake
