#include "core/iin.h"

#include <array>
#include <stdexcept>

namespace qorgau::core {

namespace {

constexpr std::size_t kIinLength = 12;
constexpr std::size_t kBodyLength = 11;  // every digit but the check digit
constexpr std::array<int, kBodyLength> kFirstWeights = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
constexpr std::array<int, kBodyLength> kSecondWeights = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
constexpr int kNoCheckDigit = 10;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int digit_at(std::string_view digits, std::size_t index) {
  return digits[index] - '0';
}

int two_digits_at(std::string_view digits, std::size_t index) {
  return digit_at(digits, index) * 10 + digit_at(digits, index + 1);
}

int weighted_sum_mod_11(std::string_view body, const std::array<int, kBodyLength>& weights) {
  int sum = 0;
  for (std::size_t i = 0; i < kBodyLength; ++i) {
    sum += digit_at(body, i) * weights[i];
  }
  return sum % 11;
}

// The check digit of the first 11 digits, or nullopt in the "10 again" case.
std::optional<int> check_digit(std::string_view body) {
  int first = weighted_sum_mod_11(body, kFirstWeights);
  if (first != kNoCheckDigit) {
    return first;
  }
  int second = weighted_sum_mod_11(body, kSecondWeights);
  if (second != kNoCheckDigit) {
    return second;
  }
  return std::nullopt;
}

// 1800, 1900 or 2000 for century digits 1..6, nullopt otherwise.
std::optional<int> century_of(int century_digit) {
  if (century_digit < 1 || century_digit > 6) {
    return std::nullopt;
  }
  return 1800 + 100 * ((century_digit - 1) / 2);
}

Sex sex_of(int century_digit) {
  return century_digit % 2 == 1 ? Sex::kMale : Sex::kFemale;
}

int century_digit_for(int year, Sex sex) {
  int base = 1 + 2 * ((year - 1800) / 100);
  return sex == Sex::kMale ? base : base + 1;
}

IinCheck failure(IinProblem problem) {
  return IinCheck{std::nullopt, problem};
}

}  // namespace

IinCheck check_iin(std::string_view iin, std::chrono::year_month_day today) {
  if (iin.size() != kIinLength) {
    return failure(IinProblem::kWrongLength);
  }
  for (char c : iin) {
    if (!is_digit(c)) {
      return failure(IinProblem::kNotDigits);
    }
  }
  int century_digit = digit_at(iin, 6);
  std::optional<int> century = century_of(century_digit);
  if (!century) {
    return failure(IinProblem::kBadCenturyDigit);
  }
  std::chrono::year_month_day birth{
      std::chrono::year{*century + two_digits_at(iin, 0)},
      std::chrono::month{static_cast<unsigned>(two_digits_at(iin, 2))},
      std::chrono::day{static_cast<unsigned>(two_digits_at(iin, 4))}};
  if (!birth.ok()) {
    return failure(IinProblem::kBadDate);
  }
  if (birth > today) {
    return failure(IinProblem::kFutureDate);
  }
  std::optional<int> expected = check_digit(iin.substr(0, kBodyLength));
  if (!expected || *expected != digit_at(iin, kBodyLength)) {
    return failure(IinProblem::kBadChecksum);
  }
  return IinCheck{IinFacts{birth, sex_of(century_digit)}, std::nullopt};
}

std::string_view problem_code(IinProblem problem) {
  switch (problem) {
    case IinProblem::kWrongLength:
      return "iin_wrong_length";
    case IinProblem::kNotDigits:
      return "iin_not_digits";
    case IinProblem::kBadCenturyDigit:
      return "iin_bad_century_digit";
    case IinProblem::kBadDate:
      return "iin_bad_date";
    case IinProblem::kFutureDate:
      return "iin_future_date";
    case IinProblem::kBadChecksum:
      return "iin_bad_checksum";
  }
  return "iin_invalid";
}

std::optional<std::string> make_iin(std::chrono::year_month_day birth_date, Sex sex, int serial) {
  int year = static_cast<int>(birth_date.year());
  if (!birth_date.ok() || year < 1800 || year > 2099) {
    throw std::invalid_argument("make_iin: birth date must be a real date in 1800..2099");
  }
  if (serial < 0 || serial > 9999) {
    throw std::invalid_argument("make_iin: serial must be 0..9999");
  }
  auto two = [](unsigned value) {
    return std::string{static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)};
  };
  std::string body = two(static_cast<unsigned>(year % 100)) +
                     two(static_cast<unsigned>(birth_date.month())) +
                     two(static_cast<unsigned>(birth_date.day()));
  body.push_back(static_cast<char>('0' + century_digit_for(year, sex)));
  for (int divisor : {1000, 100, 10, 1}) {
    body.push_back(static_cast<char>('0' + serial / divisor % 10));
  }
  std::optional<int> check = check_digit(body);
  if (!check) {
    return std::nullopt;
  }
  return body + static_cast<char>('0' + *check);
}

}  // namespace qorgau::core
