#include "help/directory.h"

#include <algorithm>

#include "core/code_list.h"
#include "core/error.h"

namespace qorgau::help {

using core::ApiError;
using core::ErrorCode;

namespace {

bool contains(const std::vector<std::string_view>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

constexpr const char* kColumns =
    "id, kind, name_kk, name_ru, name_en, region_kato, locality_kk, locality_ru, locality_en, "
    "phone, hours_24_7, hours_kk, hours_ru, hours_en, languages, needs, description_kk, "
    "description_ru, description_en, address_kk, address_ru, address_en, active";

core::LocalizedText text_at(const store::Row& row, size_t first) {
  return {row.text(first), row.text(first + 1), row.text(first + 2)};
}

HelpService read(const store::Row& row) {
  HelpService s;
  s.id = row.integer(0);
  s.kind = row.text(1);
  s.name = text_at(row, 2);
  s.region_kato = row.text(5);
  s.locality = text_at(row, 6);
  s.phone = row.text(9);
  s.hours_24_7 = row.integer(10) != 0;
  s.hours = text_at(row, 11);
  s.languages = core::split_codes(row.text(14));
  s.needs = core::split_codes(row.text(15));
  s.description = text_at(row, 16);
  if (!row.is_null(19)) s.address = text_at(row, 19);
  s.active = row.integer(22) != 0;
  return s;
}

std::vector<store::Value> values(const HelpService& s) {
  auto address = [&](core::Language l) -> store::Value {
    if (!s.address) return nullptr;
    return s.address->in(l);
  };
  return {s.kind,
          s.name.kk,
          s.name.ru,
          s.name.en,
          s.region_kato,
          s.locality.kk,
          s.locality.ru,
          s.locality.en,
          s.phone,
          std::int64_t{s.hours_24_7 ? 1 : 0},
          s.hours.kk,
          s.hours.ru,
          s.hours.en,
          core::join_codes(s.languages),
          core::join_codes(s.needs),
          s.description.kk,
          s.description.ru,
          s.description.en,
          address(core::Language::kKk),
          address(core::Language::kRu),
          address(core::Language::kEn),
          std::int64_t{s.active ? 1 : 0}};
}

bool matches(const HelpService& s, const DirectoryFilter& filter) {
  for (const auto& need : filter.needs) {
    bool ok = need == "24_7" ? s.hours_24_7
                             : std::find(s.needs.begin(), s.needs.end(), need) != s.needs.end();
    if (!ok) return false;
  }
  if (filter.language &&
      std::find(s.languages.begin(), s.languages.end(), *filter.language) == s.languages.end()) {
    return false;
  }
  return true;
}

}  // namespace

bool plausible_phone(std::string_view phone) {
  int digits = 0;
  for (size_t i = 0; i < phone.size(); ++i) {
    char c = phone[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || (c == '+' && i == 0))) {
      return false;
    }
  }
  return digits >= 3 && digits <= 15;
}

const std::vector<std::string_view>& service_kinds() {
  static const std::vector<std::string_view> kKinds = {
      "crisis_centre", "family_support", "legal_aid", "psychologist", "medical", "police_unit"};
  return kKinds;
}

const std::vector<std::string_view>& service_needs() {
  static const std::vector<std::string_view> kNeeds = {"shelter", "children", "disability_access"};
  return kNeeds;
}

const std::vector<std::string_view>& need_filters() {
  static const std::vector<std::string_view> kFilters = {"shelter", "children", "disability_access",
                                                         "24_7"};
  return kFilters;
}

const std::vector<std::string_view>& language_codes() {
  static const std::vector<std::string_view> kCodes = {"kk", "ru", "en"};
  return kCodes;
}

void HelpDirectory::validate(const HelpService& s) const {
  if (!contains(service_kinds(), s.kind)) throw ApiError(ErrorCode::kValidationFailed, "kind");
  if (!jurisdiction_.find_region(s.region_kato)) {
    throw ApiError(ErrorCode::kUnknownRegion, "region_kato");
  }
  if (!plausible_phone(s.phone)) throw ApiError(ErrorCode::kValidationFailed, "phone");
  if (s.languages.empty()) throw ApiError(ErrorCode::kMissingField, "languages");
  for (const auto& l : s.languages) {
    if (!contains(language_codes(), l)) throw ApiError(ErrorCode::kValidationFailed, "languages");
  }
  for (const auto& n : s.needs) {
    if (!contains(service_needs(), n)) throw ApiError(ErrorCode::kValidationFailed, "needs");
  }
  if (s.kind == "crisis_centre" && s.address) {
    throw ApiError(ErrorCode::kValidationFailed, "address");
  }
  for (const auto* text : {&s.name, &s.locality, &s.hours, &s.description}) {
    if (!text->complete()) throw ApiError(ErrorCode::kMissingField, "name");
  }
}

HelpService HelpDirectory::create(store::Connection& connection, const HelpService& service,
                                  std::int64_t now_ms) const {
  validate(service);
  std::vector<store::Value> params = values(service);
  params.emplace_back(now_ms);
  params.emplace_back(now_ms);
  auto row = connection.query_one(
      "INSERT INTO help_services (kind, name_kk, name_ru, name_en, region_kato, locality_kk, "
      "locality_ru, locality_en, phone, hours_24_7, hours_kk, hours_ru, hours_en, languages, "
      "needs, description_kk, description_ru, description_en, address_kk, address_ru, "
      "address_en, active, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
      "$10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24) RETURNING id",
      params);
  HelpService created = service;
  created.id = row->integer(0);
  return created;
}

bool HelpDirectory::update(store::Connection& connection, const HelpService& service,
                           std::int64_t now_ms) const {
  validate(service);
  std::vector<store::Value> params = values(service);
  params.emplace_back(now_ms);
  params.emplace_back(service.id);
  return connection.execute(
             "UPDATE help_services SET kind = $1, name_kk = $2, name_ru = $3, name_en = $4, "
             "region_kato = $5, locality_kk = $6, locality_ru = $7, locality_en = $8, phone = $9, "
             "hours_24_7 = $10, hours_kk = $11, hours_ru = $12, hours_en = $13, languages = $14, "
             "needs = $15, description_kk = $16, description_ru = $17, description_en = $18, "
             "address_kk = $19, address_ru = $20, address_en = $21, active = $22, "
             "updated_at = $23 WHERE id = $24",
             params) == 1;
}

std::optional<HelpService> HelpDirectory::find(store::Connection& connection,
                                               std::int64_t id) const {
  auto row = connection.query_one(
      std::string("SELECT ") + kColumns + " FROM help_services WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return read(*row);
}

std::vector<HelpService> HelpDirectory::list(store::Connection& connection,
                                             const DirectoryFilter& filter) const {
  std::string sql = std::string("SELECT ") + kColumns + " FROM help_services WHERE active = 1";
  std::vector<store::Value> params;
  if (filter.region_kato) {
    params.emplace_back(*filter.region_kato);
    sql += " AND region_kato = $" + std::to_string(params.size());
  }
  if (filter.kind) {
    params.emplace_back(*filter.kind);
    sql += " AND kind = $" + std::to_string(params.size());
  }
  sql += " ORDER BY hours_24_7 DESC, kind, id";
  std::vector<HelpService> out;
  for (const auto& row : connection.query(sql, params)) {
    HelpService s = read(row);
    if (matches(s, filter)) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace qorgau::help
