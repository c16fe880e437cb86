#include "people/people.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <chrono>

#include "core/calendar_day.h"
#include "core/error.h"
#include "core/iin.h"

namespace qorgau::people {

using core::ApiError;
using core::ErrorCode;

namespace {

constexpr const char* kNameField = "people.full_name";
constexpr const char* kIinField = "people.iin";
constexpr const char* kBirthDateField = "people.birth_date";
constexpr const char* kColumns =
    "SELECT id, full_name_enc, iin_enc, birth_date_enc, sex, agency_id FROM people ";

std::string collapse_whitespace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::chrono::year_month_day today(const core::Clock& clock) {
  return std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(clock.now()));
}

}  // namespace

std::string fold_name(std::string_view name) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  text.foldCase();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status)) text = nfc->normalize(text, status);
  std::string out;
  text.toUTF8String(out);
  return collapse_whitespace(out);
}

Person PersonStore::read(const store::Row& row) const {
  Person p;
  p.id = row.integer(0);
  p.full_name = protector_.open(row.bytes(1), kNameField);
  if (auto iin = row.optional_bytes(2)) p.iin = protector_.open(*iin, kIinField);
  if (auto date = row.optional_bytes(3)) p.birth_date = protector_.open(*date, kBirthDateField);
  p.sex = row.optional_text(4);
  p.agency_id = row.integer(5);
  return p;
}

std::vector<Person> PersonStore::read_all(const std::vector<store::Row>& rows) const {
  std::vector<Person> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(read(row));
  return out;
}

Person PersonStore::create(store::Connection& connection, const NewPerson& person,
                           std::int64_t agency_id) const {
  std::string folded = fold_name(person.full_name);
  if (folded.empty() || person.full_name.size() > 300) {
    throw ApiError(ErrorCode::kValidationFailed, "full_name");
  }
  if (person.sex && *person.sex != "female" && *person.sex != "male") {
    throw ApiError(ErrorCode::kValidationFailed, "sex");
  }
  std::optional<std::string> birth_date = person.birth_date;
  std::optional<std::string> sex = person.sex;
  store::Value iin_enc = nullptr;
  store::Value iin_bidx = nullptr;
  if (person.iin) {
    core::IinCheck check = core::check_iin(*person.iin, today(clock_));
    if (!check.ok()) {
      throw ApiError(ErrorCode::kInvalidIin, std::string(core::problem_code(*check.problem)));
    }
    std::string derived_date = core::format_day(check.facts->birth_date);
    std::string derived_sex = check.facts->sex == core::Sex::kFemale ? "female" : "male";
    if (birth_date && *birth_date != derived_date) {
      throw ApiError(ErrorCode::kValidationFailed, "birth_date");
    }
    if (sex && *sex != derived_sex) throw ApiError(ErrorCode::kValidationFailed, "sex");
    birth_date = derived_date;
    sex = derived_sex;
    iin_enc = protector_.seal(*person.iin, kIinField);
    iin_bidx = protector_.index(*person.iin, kIinField);
  }
  store::Value date_enc = nullptr;
  if (birth_date) date_enc = protector_.seal(*birth_date, kBirthDateField);
  store::Value sex_value = nullptr;
  if (sex) sex_value = *sex;
  auto row = connection.query_one(
      "INSERT INTO people (full_name_enc, full_name_bidx, iin_enc, iin_bidx, birth_date_enc, sex, "
      "agency_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
      {protector_.seal(person.full_name, kNameField), protector_.index(folded, kNameField), iin_enc,
       iin_bidx, date_enc, sex_value, agency_id, clock_.now_ms()});
  return *find(connection, row->integer(0));
}

std::optional<Person> PersonStore::find(store::Connection& connection, std::int64_t id) const {
  auto row = connection.query_one(std::string(kColumns) + "WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return read(*row);
}

std::vector<Person> PersonStore::find_by_iin(store::Connection& connection,
                                             std::string_view iin) const {
  return read_all(connection.query(std::string(kColumns) + "WHERE iin_bidx = $1 ORDER BY id",
                                   {protector_.index(iin, kIinField)}));
}

std::vector<Person> PersonStore::find_by_name(store::Connection& connection,
                                              std::string_view name) const {
  return read_all(connection.query(std::string(kColumns) + "WHERE full_name_bidx = $1 ORDER BY id",
                                   {protector_.index(fold_name(name), kNameField)}));
}

}  // namespace qorgau::people
