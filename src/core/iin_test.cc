#include "core/iin.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace qorgau::core {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

constexpr year_month_day kToday{year{2024}, month{6}, day{1}};

year_month_day ymd(int y, unsigned m, unsigned d) {
  return year_month_day{year{y}, month{m}, day{d}};
}

// An independent reference for the check digit, written from DOMAIN.md and not from iin.cc:
// returns -1 in the "10 again" case.
int reference_check_digit(const std::string& eleven) {
  const int first_weights[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  const int second_weights[] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
  int a = 0;
  int b = 0;
  for (int i = 0; i < 11; ++i) {
    a += (eleven.at(i) - '0') * first_weights[i];
    b += (eleven.at(i) - '0') * second_weights[i];
  }
  if (a % 11 != 10) {
    return a % 11;
  }
  if (b % 11 != 10) {
    return b % 11;
  }
  return -1;
}

// Appends the reference check digit; the test fails if none exists.
std::string with_check(const std::string& eleven) {
  int check = reference_check_digit(eleven);
  EXPECT_GE(check, 0) << eleven;
  return eleven + std::to_string(check);
}

// Some valid IIN for `date` and `sex`: the first serial that has a check digit.
std::string any_iin(year_month_day date, Sex sex) {
  for (int serial = 0; serial < 10000; ++serial) {
    if (auto iin = make_iin(date, sex, serial)) {
      return *iin;
    }
  }
  ADD_FAILURE() << "no serial has a check digit";
  return {};
}

std::optional<IinProblem> problem_of(std::string_view iin) {
  return check_iin(iin, kToday).problem;
}

// Worked example, first-weights branch: 29 Feb 2000, female (digit 6), serial 0001.
//   digits 0 0 0 2 2 9 6 0 0 0 1, weights 1..11
//   0 + 0 + 0 + 8 + 10 + 54 + 42 + 0 + 0 + 0 + 11 = 125; 125 mod 11 = 4 -> "000229600014".
TEST(IinTest, WorkedExampleFirstWeights) {
  IinCheck check = check_iin("000229600014", kToday);
  ASSERT_TRUE(check.ok());
  EXPECT_FALSE(check.problem.has_value());
  EXPECT_EQ(check.facts->birth_date, ymd(2000, 2, 29));
  EXPECT_EQ(check.facts->sex, Sex::kFemale);
  EXPECT_EQ(problem_of("000229600015"), IinProblem::kBadChecksum);
}

// Worked example, second-weights branch: 14 Mar 1985, male (digit 3), serial 0042.
//   digits 8 5 0 3 1 4 3 0 0 4 2
//   weights 1..11: 8 + 10 + 0 + 12 + 5 + 24 + 21 + 0 + 0 + 40 + 22 = 142; 142 mod 11 = 10
//   weights 3,4,5,6,7,8,9,10,11,1,2: 24 + 20 + 0 + 18 + 7 + 32 + 27 + 0 + 0 + 4 + 4 = 136;
//   136 mod 11 = 4 -> "850314300424".
TEST(IinTest, WorkedExampleSecondWeights) {
  IinCheck check = check_iin("850314300424", kToday);
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check.facts->birth_date, ymd(1985, 3, 14));
  EXPECT_EQ(check.facts->sex, Sex::kMale);
  for (char wrong : std::string("012356789")) {
    EXPECT_EQ(problem_of(std::string("85031430042") + wrong), IinProblem::kBadChecksum) << wrong;
  }
}

// Worked example, "10 again": serial 0045 instead of 0042 adds 3*11 = 33 to the first sum
// (175 mod 11 = 10) and 3*2 = 6 to the second (142 mod 11 = 10): no check digit is valid.
TEST(IinTest, TenAgainHasNoValidCheckDigit) {
  for (char last = '0'; last <= '9'; ++last) {
    EXPECT_EQ(problem_of(std::string("85031430045") + last), IinProblem::kBadChecksum) << last;
  }
  EXPECT_EQ(make_iin(ymd(1985, 3, 14), Sex::kMale, 45), std::nullopt);
}

TEST(IinTest, TenAgainFoundBySearchIsRejectedEverywhere) {
  int found = 0;
  for (int serial = 0; serial < 10000 && found < 5; ++serial) {
    std::string serial_digits = std::to_string(10000 + serial).substr(1);
    std::string body = "9107254" + serial_digits;  // 25 Jul 1991, female
    if (reference_check_digit(body) != -1) {
      continue;
    }
    ++found;
    EXPECT_EQ(make_iin(ymd(1991, 7, 25), Sex::kFemale, serial), std::nullopt) << body;
    for (char last = '0'; last <= '9'; ++last) {
      EXPECT_EQ(problem_of(body + last), IinProblem::kBadChecksum) << body << last;
    }
  }
  EXPECT_EQ(found, 5);
}

TEST(IinTest, EveryCenturyDigit) {
  struct Case {
    char digit;
    int year;
    Sex sex;
  };
  const std::vector<Case> cases = {{'1', 1875, Sex::kMale}, {'2', 1875, Sex::kFemale},
                                   {'3', 1975, Sex::kMale}, {'4', 1975, Sex::kFemale},
                                   {'5', 2015, Sex::kMale}, {'6', 2015, Sex::kFemale}};
  for (const Case& c : cases) {
    std::string yy = std::to_string(c.year % 100);
    std::string iin = with_check(yy + "0704" + c.digit + "0003");
    IinCheck check = check_iin(iin, kToday);
    ASSERT_TRUE(check.ok()) << iin;
    EXPECT_EQ(check.facts->birth_date, ymd(c.year, 7, 4)) << iin;
    EXPECT_EQ(check.facts->sex, c.sex) << iin;
  }
}

TEST(IinTest, BadCenturyDigits) {
  for (char digit : std::string("0789")) {
    std::string eleven = std::string("900101") + digit + "0001";
    EXPECT_EQ(problem_of(eleven + "0"), IinProblem::kBadCenturyDigit) << digit;
  }
}

TEST(IinTest, LeapYears) {
  EXPECT_TRUE(check_iin(with_check("00022950001"), kToday).ok());          // 2000 is a leap year
  EXPECT_TRUE(check_iin(with_check("96022940001"), kToday).ok());          // 1996 too
  EXPECT_EQ(problem_of(with_check("00022930001")), IinProblem::kBadDate);  // 1900 is not
  EXPECT_EQ(problem_of(with_check("00022940001")), IinProblem::kBadDate);
  EXPECT_EQ(problem_of(with_check("00022910001")), IinProblem::kBadDate);  // nor 1800
  EXPECT_EQ(problem_of(with_check("23022950001")), IinProblem::kBadDate);  // nor 2023
}

TEST(IinTest, BadDates) {
  for (const char* date : {"901301", "900001", "900100", "900132", "900431", "909999"}) {
    EXPECT_EQ(problem_of(std::string(date) + "300010"), IinProblem::kBadDate) << date;
  }
}

TEST(IinTest, FutureDates) {
  EXPECT_TRUE(check_iin(any_iin(ymd(2024, 6, 1), Sex::kMale), kToday).ok());  // born today
  EXPECT_EQ(problem_of(any_iin(ymd(2024, 6, 2), Sex::kMale)), IinProblem::kFutureDate);
  EXPECT_EQ(problem_of(any_iin(ymd(2099, 1, 1), Sex::kFemale)), IinProblem::kFutureDate);
  // The same digits are fine once `today` has moved on.
  EXPECT_TRUE(check_iin(any_iin(ymd(2024, 6, 2), Sex::kMale), ymd(2024, 6, 2)).ok());
}

TEST(IinTest, WrongLength) {
  EXPECT_EQ(problem_of(""), IinProblem::kWrongLength);
  EXPECT_EQ(problem_of("85031430042"), IinProblem::kWrongLength);    // 11 digits
  EXPECT_EQ(problem_of("8503143004241"), IinProblem::kWrongLength);  // 13 digits
  EXPECT_EQ(problem_of(" 850314300424"), IinProblem::kWrongLength);  // not trimmed
  EXPECT_EQ(problem_of("850314300424\n"), IinProblem::kWrongLength);
}

TEST(IinTest, NotDigits) {
  EXPECT_EQ(problem_of(" 85031430042"), IinProblem::kNotDigits);
  EXPECT_EQ(problem_of("8503143004 4"), IinProblem::kNotDigits);
  EXPECT_EQ(problem_of("85031430042\t"), IinProblem::kNotDigits);
  EXPECT_EQ(problem_of("85031430042a"), IinProblem::kNotDigits);
  EXPECT_EQ(problem_of("85-314300424"), IinProblem::kNotDigits);
  EXPECT_EQ(problem_of("+85031430042"), IinProblem::kNotDigits);
  EXPECT_EQ(problem_of(std::string("8503143\0"
                                   "0424",
                                   12)),
            IinProblem::kNotDigits);
  // Two bytes of UTF-8 (Arabic-Indic digit one) in place of one ASCII digit.
  EXPECT_EQ(problem_of("\xD9\xA1"
                       "0314300424"),
            IinProblem::kNotDigits);
}

TEST(IinTest, ProblemsAreReportedInOrder) {
  // Bad century digit, bad date and bad checksum at once: the century digit is named.
  EXPECT_EQ(problem_of("991399900000"), IinProblem::kBadCenturyDigit);
  // Bad date and bad checksum: the date is named.
  EXPECT_EQ(problem_of("990230300000"), IinProblem::kBadDate);
}

TEST(IinTest, ProblemCodes) {
  EXPECT_EQ(problem_code(IinProblem::kWrongLength), "iin_wrong_length");
  EXPECT_EQ(problem_code(IinProblem::kNotDigits), "iin_not_digits");
  EXPECT_EQ(problem_code(IinProblem::kBadCenturyDigit), "iin_bad_century_digit");
  EXPECT_EQ(problem_code(IinProblem::kBadDate), "iin_bad_date");
  EXPECT_EQ(problem_code(IinProblem::kFutureDate), "iin_future_date");
  EXPECT_EQ(problem_code(IinProblem::kBadChecksum), "iin_bad_checksum");
}

TEST(IinTest, MakeIinMatchesWorkedExamples) {
  EXPECT_EQ(make_iin(ymd(2000, 2, 29), Sex::kFemale, 1), "000229600014");
  EXPECT_EQ(make_iin(ymd(1985, 3, 14), Sex::kMale, 42), "850314300424");
}

// Every 7th day from 1 Jan 1800 to 31 Dec 2023, both sexes, a spread of serials.
TEST(IinTest, MakeIinRoundTripsOverManyDates) {
  using std::chrono::sys_days;
  const sys_days first{ymd(1800, 1, 1)};
  const sys_days last{ymd(2023, 12, 31)};
  int checked = 0;
  int without_check_digit = 0;
  for (sys_days d = first; d <= last; d += std::chrono::days{7}) {
    year_month_day date{d};
    int serial = (checked * 37) % 10000;
    Sex sex = checked % 2 == 0 ? Sex::kMale : Sex::kFemale;
    ++checked;
    std::optional<std::string> iin = make_iin(date, sex, serial);
    if (!iin) {
      ++without_check_digit;
      continue;
    }
    ASSERT_EQ(iin->size(), 12u);
    EXPECT_EQ(reference_check_digit(iin->substr(0, 11)), iin->back() - '0') << *iin;
    IinCheck check = check_iin(*iin, kToday);
    ASSERT_TRUE(check.ok()) << *iin;
    EXPECT_EQ(check.facts->birth_date, date) << *iin;
    EXPECT_EQ(check.facts->sex, sex) << *iin;
  }
  EXPECT_GT(checked, 11000);
  EXPECT_GT(without_check_digit, 0);  // the "10 again" case does occur
  EXPECT_LT(without_check_digit, checked / 5);
}

TEST(IinTest, MakeIinRejectsBadArguments) {
  EXPECT_THROW(make_iin(ymd(1799, 12, 31), Sex::kMale, 1), std::invalid_argument);
  EXPECT_THROW(make_iin(ymd(2100, 1, 1), Sex::kMale, 1), std::invalid_argument);
  EXPECT_THROW(make_iin(ymd(1900, 2, 29), Sex::kMale, 1), std::invalid_argument);
  EXPECT_THROW(make_iin(ymd(1990, 1, 1), Sex::kMale, -1), std::invalid_argument);
  EXPECT_THROW(make_iin(ymd(1990, 1, 1), Sex::kMale, 10000), std::invalid_argument);
  EXPECT_NO_THROW(make_iin(ymd(1990, 1, 1), Sex::kMale, 9999));
  EXPECT_NO_THROW(make_iin(ymd(1800, 1, 1), Sex::kFemale, 0));
  EXPECT_NO_THROW(make_iin(ymd(2099, 12, 31), Sex::kMale, 0));
}

}  // namespace
}  // namespace qorgau::core
