// The Kazakh IIN (individual identification number, ЖСН / ИИН): 12 ASCII digits.
//
//   digits 1-6   birth date YYMMDD
//   digit 7      century and sex: 1/2 = 1800s, 3/4 = 1900s, 5/6 = 2000s; odd male, even female
//   digits 8-11  serial
//   digit 12     check digit: sum(d_i * i, i = 1..11) mod 11; if that is 10, the sum with weights
//                3,4,5,6,7,8,9,10,11,1,2 mod 11; if that is 10 again, no valid IIN exists.
//
// Invariants: check_iin() yields facts only for an IIN that passes every rule above and whose
// birth date is a real calendar date not after `today`; otherwise it yields exactly one problem,
// the first found in the order of IinProblem. Input is taken as is: callers strip whitespace
// before checking (a space is reported as kNotDigits).
//
// An IIN is personal data of the highest sensitivity: never log it, never put it in a URL or an
// error message. Nothing here does either.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace qorgau::core {

enum class IinProblem {
  kWrongLength,
  kNotDigits,
  kBadCenturyDigit,
  kBadDate,
  kFutureDate,
  kBadChecksum
};

enum class Sex { kMale, kFemale };

struct IinFacts {
  std::chrono::year_month_day birth_date;
  Sex sex;
};

// Exactly one of `facts` and `problem` is set.
struct IinCheck {
  std::optional<IinFacts> facts;
  std::optional<IinProblem> problem;

  bool ok() const { return facts.has_value(); }
};

// Validates `iin`. `today` bounds the birth date: a birth date after today is kFutureDate.
IinCheck check_iin(std::string_view iin, std::chrono::year_month_day today);

// Stable machine code of a problem: "iin_wrong_length", "iin_not_digits",
// "iin_bad_century_digit", "iin_bad_date", "iin_future_date", "iin_bad_checksum".
std::string_view problem_code(IinProblem problem);

// Builds the IIN of `birth_date` and `sex` with the 4-digit `serial` (0..9999), computing the
// check digit. Returns nullopt when no check digit exists for that combination (the "10 again"
// case): callers pick another serial. Throws std::invalid_argument when the date is not a real
// date in 1800..2099 or the serial is out of range. Used by demo data and tests.
std::optional<std::string> make_iin(std::chrono::year_month_day birth_date, Sex sex, int serial);

}  // namespace qorgau::core
