// People named in records: survivors, aggressors, witnesses, children. The
// most sensitive data in the system. Every identifying field is encrypted
// (crypto::Protector); the IIN and the folded full name carry blind indexes
// so a person can be found again without storing either in the clear.
// Each person record is owned by the agency that created it; access is
// scoped through accounts::Principal::reaches().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "crypto/protector.h"
#include "store/database.h"

namespace qorgau::people {

struct Person {
  std::int64_t id = 0;
  std::string full_name;
  std::optional<std::string> iin;
  std::optional<std::string> birth_date;  // YYYY-MM-DD
  std::optional<std::string> sex;         // "female" | "male"
  std::int64_t agency_id = 0;
};

struct NewPerson {
  std::string full_name;
  std::optional<std::string> iin;
  std::optional<std::string> birth_date;
  std::optional<std::string> sex;
};

// Case-folds (Unicode, via ICU), NFC-normalises and collapses whitespace:
// "  АЙГҮЛ  Сәрсенова " -> "айгүл сәрсенова". The blind index of names.
std::string fold_name(std::string_view name);

class PersonStore {
 public:
  PersonStore(const crypto::Protector& protector, const core::Clock& clock)
      : protector_(protector), clock_(clock) {}

  // Validates (name present, IIN valid with check_iin and consistent with a
  // given birth date and sex) and inserts. Throws core::ApiError.
  Person create(store::Connection& connection, const NewPerson& person,
                std::int64_t agency_id) const;
  std::optional<Person> find(store::Connection& connection, std::int64_t id) const;
  std::vector<Person> find_by_iin(store::Connection& connection, std::string_view iin) const;
  std::vector<Person> find_by_name(store::Connection& connection, std::string_view name) const;

 private:
  Person read(const store::Row& row) const;
  std::vector<Person> read_all(const std::vector<store::Row>& rows) const;

  const crypto::Protector& protector_;
  const core::Clock& clock_;
};

}  // namespace qorgau::people
