// Public intake without HTTP: the validation of every field and code list,
// urgency, receipts (well-formed, unique, wrong secrets refused) and the
// store against a real migrated SQLite database (encrypted at rest, status
// moves, the triage queue).
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <set>

#include "core/iin.h"
#include "core/jurisdiction.h"
#include "crypto/keyring.h"
#include "crypto/protector.h"
#include "intake/receipts.h"
#include "intake/report.h"
#include "intake/reports.h"
#include "testing/error_of.h"
#include "testing/migrated_store.h"

namespace qorgau::intake {
namespace {

using core::ErrorCode;
using nlohmann::json;
using qorgau::testing::error_of;

constexpr std::chrono::year_month_day kToday{std::chrono::year{2026}, std::chrono::month{11},
                                             std::chrono::day{21}};

std::string valid_iin(int year, unsigned month, unsigned day, core::Sex sex) {
  for (int serial = 1000;; ++serial) {
    if (auto iin = core::make_iin(
            std::chrono::year_month_day{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}},
            sex, serial)) {
      return *iin;
    }
  }
}

json minimal() {
  return {{"reporter", {{"type", "survivor"}}},
          {"incident", {{"types", {"psychological_abuse"}}, {"region", "750000000"}}},
          {"immediate_danger", false}};
}

json full() {
  return {{"reporter", {{"type", "witness"}, {"name", "Асель"}, {"organisation", "Mektep"}}},
          {"incident",
           {{"types", {"physical_assault", "stalking"}},
            {"date", "2026-11-20"},
            {"region", "710000000"},
            {"locality", "Астана"},
            {"place_type", "home"},
            {"description", "Narrative of the events"}}},
          {"victim",
           {{"full_name", "Victim Name"},
            {"iin", valid_iin(1991, 3, 14, core::Sex::kFemale)},
            {"sex", "female"},
            {"age_group", "26_40"}}},
          {"aggressor",
           {{"full_name", "Aggressor Name"},
            {"iin", valid_iin(1987, 11, 2, core::Sex::kMale)},
            {"sex", "male"},
            {"age_group", "26_40"},
            {"relationship", "spouse"}}},
          {"children_present", true},
          {"immediate_danger", false},
          {"contact",
           {{"ways", {"sms", "email"}},
            {"times", {"evening"}},
            {"phone", "+7 (700) 000-00-00"},
            {"email", "someone@example.kz"},
            {"language", "kk"},
            {"note", "after 19:00"}}},
          {"consent", {"contact_me", "share_with_police"}}};
}

// Whether `text` has the shape of `pattern`, where '#' stands for any symbol of kAlphabet.
bool shaped(const std::string& text, const std::string& pattern) {
  if (text.size() != pattern.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    bool ok = pattern[i] == '#' ? kAlphabet.find(text[i]) != std::string_view::npos
                                : text[i] == pattern[i];
    if (!ok) return false;
  }
  return true;
}

ReportInput parse(const json& body) {
  return parse_report(body, core::default_jurisdiction(), kToday);
}

// The error a body gets: its code and field.
std::pair<ErrorCode, std::string> refusal(const json& body) {
  try {
    parse(body);
  } catch (const core::ApiError& e) {
    return {e.code(), e.field()};
  }
  return {ErrorCode::kInternal, "accepted"};
}

TEST(ReportValidation, MinimalAndFullReportsAreAcceptedAndRoundTrip) {
  ReportInput small = parse(minimal());
  EXPECT_EQ(small.reporter_type, "survivor");
  EXPECT_FALSE(small.victim);
  EXPECT_FALSE(small.children_present);
  ReportInput big = parse(full());
  EXPECT_EQ(big.incident_types, (std::vector<std::string>{"physical_assault", "stalking"}));
  EXPECT_EQ(big.victim->full_name, "Victim Name");
  EXPECT_EQ(big.aggressor->relationship, "spouse");
  EXPECT_EQ(big.contact->ways, (std::vector<std::string>{"sms", "email"}));
  EXPECT_EQ(parse(report_input_json(big)), big);
  EXPECT_EQ(parse(report_input_json(small)), small);
}

TEST(ReportValidation, RequiredFieldsAreNamed) {
  for (const char* field : {"reporter", "incident", "immediate_danger"}) {
    json body = minimal();
    body.erase(field);
    EXPECT_EQ(refusal(body), std::pair(ErrorCode::kMissingField, std::string(field)));
  }
  json body = minimal();
  body["reporter"].erase("type");
  EXPECT_EQ(refusal(body), std::pair(ErrorCode::kMissingField, std::string("reporter.type")));
  body = minimal();
  body["incident"].erase("types");
  EXPECT_EQ(refusal(body), std::pair(ErrorCode::kMissingField, std::string("incident.types")));
  body["incident"]["types"] = json::array();
  EXPECT_EQ(refusal(body), std::pair(ErrorCode::kMissingField, std::string("incident.types")));
  body = minimal();
  body["incident"].erase("region");
  EXPECT_EQ(refusal(body), std::pair(ErrorCode::kMissingField, std::string("incident.region")));
}

TEST(ReportValidation, EveryCodeListRefusesUnknownCodes) {
  struct Case {
    json::json_pointer pointer;
    json value;
    std::string field;
  };
  const std::vector<Case> cases = {
      {json::json_pointer("/reporter/type"), "neighbour", "reporter.type"},
      {json::json_pointer("/incident/types"), {"theft"}, "incident.types"},
      {json::json_pointer("/incident/types"), {"rape", "rape"}, "incident.types"},
      {json::json_pointer("/incident/place_type"), "forest", "incident.place_type"},
      {json::json_pointer("/incident/region"), "123456789", "incident.region"},
      {json::json_pointer("/victim/sex"), "f", "victim.sex"},
      {json::json_pointer("/victim/age_group"), "adult", "victim.age_group"},
      {json::json_pointer("/aggressor/sex"), "other", "aggressor.sex"},
      {json::json_pointer("/aggressor/age_group"), "18_60", "aggressor.age_group"},
      {json::json_pointer("/aggressor/relationship"), "boss", "aggressor.relationship"},
      {json::json_pointer("/contact/ways"), {"pigeon"}, "contact.ways"},
      {json::json_pointer("/contact/ways"), {"sms", "do_not_contact"}, "contact.ways"},
      {json::json_pointer("/contact/times"), {"noon"}, "contact.times"},
      {json::json_pointer("/contact/language"), "de", "contact.language"},
      {json::json_pointer("/consent"), {"share_with_press"}, "consent"},
  };
  for (const auto& c : cases) {
    json body = full();
    body[c.pointer] = c.value;
    EXPECT_EQ(refusal(body), std::pair(ErrorCode::kValidationFailed, c.field)) << c.field;
  }
  // Every listed code is accepted where it belongs.
  for (auto code : reporter_types()) {
    json body = full();
    body["reporter"]["type"] = code;
    EXPECT_EQ(parse(body).reporter_type, code);
  }
  for (auto code : incident_types()) {
    json body = full();
    body["incident"]["types"] = {code};
    EXPECT_EQ(parse(body).incident_types.front(), code);
  }
  for (auto code : place_types()) {
    json body = full();
    body["incident"]["place_type"] = code;
    EXPECT_EQ(parse(body).place_type, code);
  }
  for (auto code : relationships()) {
    json body = full();
    body["aggressor"]["relationship"] = code;
    EXPECT_EQ(parse(body).aggressor->relationship, code);
  }
  for (auto code : age_groups()) {
    json body = full();
    body["victim"]["age_group"] = code;
    EXPECT_EQ(parse(body).victim->age_group, code);
  }
  json body = full();
  body["contact"]["ways"] = contact_ways();
  body["contact"]["ways"].erase(body["contact"]["ways"].end() - 1);  // all but do_not_contact
  body["contact"]["times"] = contact_times();
  body["consent"] = consent_choices();
  EXPECT_EQ(parse(body).consent.size(), consent_choices().size());
  body["contact"] = {{"ways", {"do_not_contact"}}};
  EXPECT_EQ(parse(body).contact->ways, (std::vector<std::string>{"do_not_contact"}));
  EXPECT_EQ(incident_types().size(), 10u) << "GBVIMS six plus four Kazakh additions";
}

TEST(ReportValidation, UnknownFieldsAndWrongTypesNameTheirPath) {
  json body = full();
  body["victim"]["eye_colour"] = "brown";
  EXPECT_EQ(refusal(body), std::pair(ErrorCode::kUnknownField, std::string("victim.eye_colour")));
  body = full();
  body["victim"]["relationship"] = "spouse";  // only the aggressor has one
  EXPECT_EQ(refusal(body), std::pair(ErrorCode::kUnknownField, std::string("victim.relationship")));
  body = full();
  body["extra"] = 1;
  EXPECT_EQ(refusal(body), std::pair(ErrorCode::kUnknownField, std::string("extra")));
  body = full();
  body["immediate_danger"] = "yes";
  EXPECT_EQ(refusal(body), std::pair(ErrorCode::kWrongType, std::string("immediate_danger")));
  body = full();
  body["children_present"] = 1;
  EXPECT_EQ(refusal(body), std::pair(ErrorCode::kWrongType, std::string("children_present")));
  body = full();
  body["incident"]["types"] = "rape";
  EXPECT_EQ(refusal(body), std::pair(ErrorCode::kWrongType, std::string("incident.types")));
  body = full();
  body["victim"] = "someone";
  EXPECT_EQ(refusal(body), std::pair(ErrorCode::kWrongType, std::string("victim")));
  body = full();
  body["aggressor"]["full_name"] = 7;
  EXPECT_EQ(refusal(body), std::pair(ErrorCode::kWrongType, std::string("aggressor.full_name")));
  EXPECT_EQ(refusal(json::array()).first, ErrorCode::kInvalidJson);
}

TEST(ReportValidation, IinsAreCheckedAndTheErrorNamesTheField) {
  std::string good = valid_iin(1991, 3, 14, core::Sex::kFemale);
  std::string bad = good;
  bad[11] = static_cast<char>('0' + (bad[11] - '0' + 1) % 10);
  json body = full();
  body["victim"]["iin"] = bad;
  EXPECT_EQ(refusal(body),
            std::pair(ErrorCode::kInvalidIin, std::string("victim.iin (iin_bad_checksum)")));
  body = full();
  body["aggressor"]["iin"] = "12345";
  EXPECT_EQ(refusal(body),
            std::pair(ErrorCode::kInvalidIin, std::string("aggressor.iin (iin_wrong_length)")));
  body = full();
  body["victim"]["iin"] = valid_iin(2026, 12, 1, core::Sex::kFemale);  // born after today
  EXPECT_EQ(refusal(body),
            std::pair(ErrorCode::kInvalidIin, std::string("victim.iin (iin_future_date)")));
  body = full();
  body["victim"]["iin"] = "";  // empty is absent
  EXPECT_FALSE(parse(body).victim->iin);
}

TEST(ReportValidation, DatesAreRealAndNotInTheFuture) {
  for (const char* date : {"2026-11-22", "2027-01-01", "2026-02-30", "2026-1-01", "+026-01-01",
                           "20261121", "1899-12-31", "2026-11-2x"}) {
    json body = full();
    body["incident"]["date"] = date;
    EXPECT_EQ(refusal(body), std::pair(ErrorCode::kValidationFailed, std::string("incident.date")))
        << date;
  }
  for (const char* date : {"2026-11-21", "2024-02-29", "1900-01-01"}) {
    json body = full();
    body["incident"]["date"] = date;
    EXPECT_EQ(parse(body).incident_date, date);
  }
}

TEST(ReportValidation, TextsAreBoundedAndContactsPlausible) {
  json body = full();
  body["incident"]["description"] = std::string(kMaxDescriptionBytes + 1, 'a');
  EXPECT_EQ(refusal(body),
            std::pair(ErrorCode::kValidationFailed, std::string("incident.description")));
  body = full();
  body["victim"]["full_name"] = std::string(301, 'a');
  EXPECT_EQ(refusal(body),
            std::pair(ErrorCode::kValidationFailed, std::string("victim.full_name")));
  for (const char* phone : {"12", "+7 700 abc", "7+700", "1234567890123456789012"}) {
    body = full();
    body["contact"]["phone"] = phone;
    EXPECT_EQ(refusal(body), std::pair(ErrorCode::kValidationFailed, std::string("contact.phone")))
        << phone;
  }
  body = full();
  body["contact"].erase("phone");
  EXPECT_EQ(refusal(body), std::pair(ErrorCode::kMissingField, std::string("contact.phone")));
  for (const char* email : {"no-at-sign", "a@b@c", "@example.kz", "a b@example.kz"}) {
    body = full();
    body["contact"]["email"] = email;
    EXPECT_EQ(refusal(body), std::pair(ErrorCode::kValidationFailed, std::string("contact.email")))
        << email;
  }
  body = full();
  body["contact"].erase("email");
  EXPECT_EQ(refusal(body), std::pair(ErrorCode::kMissingField, std::string("contact.email")));
}

TEST(LocalToday, UsesTheJurisdictionsTimeZone) {
  // 2026-11-21T19:30Z is already the 22nd in Almaty (UTC+5 since March 2024), still the 21st
  // in UTC; at 18:30Z Almaty is at 23:30 on the 21st (it would be past midnight at UTC+6).
  auto instant = std::chrono::sys_days{kToday} + std::chrono::hours(19) + std::chrono::minutes(30);
  const core::TimeZone& almaty = *core::default_jurisdiction().zone;
  EXPECT_EQ(local_today(instant, almaty),
            std::chrono::year_month_day(std::chrono::sys_days{kToday} + std::chrono::days(1)));
  EXPECT_EQ(local_today(instant - std::chrono::hours(1), almaty), kToday);
  EXPECT_EQ(local_today(instant, core::TimeZone::load("UTC")), kToday);
}

TEST(Urgency, FollowsDangerTypeAndChildren) {
  auto urgency = [](std::vector<std::string> types, std::optional<bool> children, bool danger) {
    ReportInput r;
    r.incident_types = std::move(types);
    r.children_present = children;
    r.immediate_danger = danger;
    return urgency_code(compute_urgency(r));
  };
  EXPECT_EQ(urgency({"online_harassment"}, false, true), "critical");
  EXPECT_EQ(urgency({"online_harassment"}, std::nullopt, false), "low");
  EXPECT_EQ(urgency({"online_harassment"}, true, false), "medium");
  for (const char* type :
       {"stalking", "psychological_abuse", "denial_of_resources", "bullying_of_minor"}) {
    EXPECT_EQ(urgency({type}, false, false), "medium") << type;
    EXPECT_EQ(urgency({type}, true, false), "high") << type;
  }
  for (const char* type :
       {"rape", "sexual_assault", "physical_assault", "bride_kidnapping", "forced_marriage"}) {
    EXPECT_EQ(urgency({type}, false, false), "high") << type;
    EXPECT_EQ(urgency({type}, true, false), "high") << "children raise at most to high";
  }
  EXPECT_EQ(urgency({"online_harassment", "rape"}, false, false), "high") << "the worst type";
  EXPECT_EQ(urgency({"online_harassment"}, std::nullopt, false), "low") << "unknown is not yes";
}

TEST(Receipts, CodesAreWellFormedAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) {
    std::string code = Receipts::new_code();
    EXPECT_TRUE(shaped(code, "QRG-#####-#####")) << code;
    EXPECT_TRUE(seen.insert(code).second) << "repeated " << code;
  }
  EXPECT_EQ(Receipts::normalize_code("qrg 7kx4m 9pa2q"), "QRG-7KX4M-9PA2Q");
  EXPECT_EQ(Receipts::normalize_code("7KX4M-9PA2Q"), "QRG-7KX4M-9PA2Q");
  EXPECT_FALSE(Receipts::normalize_code("QRG-7KX4M-9PA2O")) << "O is not in the alphabet";
  EXPECT_FALSE(Receipts::normalize_code("QRG-7KX4M-9PA2"));
  EXPECT_FALSE(Receipts::normalize_code(""));
}

TEST(Receipts, SecretsCarry128BitsAndOnlyTheRightOneMatches) {
  crypto::Keyring keyring = crypto::Keyring::random();
  Receipts receipts(keyring);
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string secret = Receipts::new_secret();
    EXPECT_TRUE(shaped(secret, "####-####-####-####-####-####-##")) << secret;
    EXPECT_TRUE(seen.insert(secret).second);
    auto bytes = Receipts::decode_secret(secret);
    ASSERT_TRUE(bytes);
    EXPECT_EQ(bytes->size(), 16u);
  }
  std::string code = Receipts::new_code();
  std::string secret = Receipts::new_secret();
  core::Bytes stored = receipts.hash(code, secret);
  EXPECT_EQ(stored.size(), 32u);
  EXPECT_TRUE(receipts.matches(code, secret, stored));
  std::string lower = secret;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_TRUE(receipts.matches(code, lower, stored)) << "typed in lower case";
  EXPECT_FALSE(receipts.matches(code, Receipts::new_secret(), stored));
  EXPECT_FALSE(receipts.matches(Receipts::new_code(), secret, stored)) << "bound to its code";
  EXPECT_FALSE(receipts.matches(code, "not a secret", stored));
  EXPECT_FALSE(receipts.matches(code, secret, core::Bytes(32, 0)));
  Receipts other(crypto::Keyring::random());
  EXPECT_FALSE(other.matches(code, secret, stored)) << "keyed with the receipt subkey";
  // The last symbol carries two padding bits that must be zero.
  std::string padded = secret;
  padded.back() = kAlphabet[1];
  EXPECT_FALSE(Receipts::decode_secret(padded));
}

class ReportStoreTest : public qorgau::testing::MigratedStore {
 protected:
  ReportStoreTest()
      : MigratedStore(1'795'000'000'000),
        receipts_(keyring_),
        reports_(protector_, receipts_, clock_) {
    conn().execute(
        "INSERT INTO agencies (name, kind, region_kato, created_at) VALUES ('a', 'police', "
        "'750000000', 0)");
    conn().execute(
        "INSERT INTO users (username_bidx, username_enc, display_name_enc, password_hash, role, "
        "agency_id, created_at, password_changed_at) VALUES ($1, $1, $1, 'x', 'operator_111', 1, "
        "0, 0)",
        {core::Bytes{1}});
  }

  Submitted submit(const json& body) { return reports_.submit(conn(), parse(body)); }
  std::string file_bytes() {
    std::string all;
    for (const char* name : {"qorgau.db", "qorgau.db-wal"}) {
      std::ifstream in(dir_.path() / name, std::ios::binary);
      all.append(std::istreambuf_iterator<char>(in), {});
    }
    return all;
  }

  Receipts receipts_;
  ReportStore reports_;
};

TEST_F(ReportStoreTest, StoresEverythingEncryptedAndReadsItBack) {
  json body = full();
  body["incident"]["description"] = "Unmistakable narrative 5f2c about the night";
  Submitted s = submit(body);
  EXPECT_EQ(urgency_code(s.urgency), "high");
  auto report = reports_.find(conn(), s.id);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->input, parse(body));
  EXPECT_EQ(report->status, "received");
  EXPECT_EQ(report->receipt_code, s.receipt_code);
  EXPECT_FALSE(report->case_id);
  std::string disk = file_bytes();
  for (const std::string& secret :
       {std::string("Unmistakable narrative 5f2c"), std::string("Victim Name"),
        std::string("Aggressor Name"), body["victim"]["iin"].get<std::string>(),
        body["aggressor"]["iin"].get<std::string>(), std::string("someone@example.kz"),
        std::string("(700) 000-00-00"), std::string("after 19:00"), std::string("Асель"),
        std::string("Mektep"), s.receipt_secret}) {
    EXPECT_EQ(disk.find(secret), std::string::npos) << "in clear on disk: " << secret;
  }
  EXPECT_EQ(reports_.find_by_iin(conn(), body["victim"]["iin"].get<std::string>()),
            std::vector<std::int64_t>{s.id});
  EXPECT_EQ(reports_.find_by_iin(conn(), body["aggressor"]["iin"].get<std::string>()),
            std::vector<std::int64_t>{s.id});
  EXPECT_TRUE(reports_.find_by_iin(conn(), valid_iin(1970, 1, 1, core::Sex::kMale)).empty());
}

TEST_F(ReportStoreTest, OnlyTheRightCodeAndSecretFindTheReport) {
  Submitted a = submit(minimal());
  Submitted b = submit(full());
  EXPECT_NE(a.receipt_code, b.receipt_code);
  EXPECT_EQ(reports_.find_by_receipt(conn(), a.receipt_code, a.receipt_secret), a.id);
  EXPECT_EQ(reports_.find_by_receipt(conn(), b.receipt_code, b.receipt_secret), b.id);
  EXPECT_FALSE(reports_.find_by_receipt(conn(), a.receipt_code, b.receipt_secret));
  EXPECT_FALSE(reports_.find_by_receipt(conn(), b.receipt_code, a.receipt_secret));
  EXPECT_FALSE(reports_.find_by_receipt(conn(), Receipts::new_code(), a.receipt_secret));
  EXPECT_FALSE(reports_.find_by_receipt(conn(), "garbage", a.receipt_secret));
  EXPECT_FALSE(reports_.find_by_receipt(conn(), a.receipt_code, ""));
  EXPECT_EQ(reports_.find_by_receipt(conn(), a.receipt_code.substr(4), a.receipt_secret), a.id)
      << "the QRG prefix may be left out";
}

TEST_F(ReportStoreTest, StatusMovesAndUpdatesStopWhenClosed) {
  Submitted s = submit(minimal());
  reports_.add_update(conn(), s.id, "More: he came back");
  EXPECT_TRUE(reports_.review(conn(), s.id, 1));
  EXPECT_FALSE(reports_.review(conn(), s.id, 1)) << "already in review";
  EXPECT_EQ(error_of([&] { reports_.close(conn(), s.id, 1, "lost_interest", {}); }),
            ErrorCode::kValidationFailed);
  reports_.close(conn(), s.id, 1, "insufficient_information", "Note for staff 9d1e");
  auto report = reports_.find(conn(), s.id);
  EXPECT_EQ(report->status, "closed");
  EXPECT_EQ(report->close_reason, "insufficient_information");
  EXPECT_EQ(report->close_note, "Note for staff 9d1e");
  ASSERT_EQ(report->updates.size(), 1u);
  EXPECT_EQ(report->updates[0].text, "More: he came back");
  EXPECT_EQ(error_of([&] { reports_.add_update(conn(), s.id, "again"); }),
            ErrorCode::kReportClosed);
  EXPECT_EQ(error_of([&] { reports_.review(conn(), s.id, 1); }), ErrorCode::kInvalidState);
  EXPECT_EQ(error_of([&] { reports_.close(conn(), s.id, 1, "duplicate", {}); }),
            ErrorCode::kInvalidState);
  EXPECT_EQ(error_of([&] { reports_.review(conn(), 999, 1); }), ErrorCode::kNotFound);
  std::string disk = file_bytes();
  EXPECT_EQ(disk.find("Note for staff 9d1e"), std::string::npos);
  EXPECT_EQ(disk.find("he came back"), std::string::npos);
}

TEST_F(ReportStoreTest, TriageFiltersAndOrdersByUrgencyThenAge) {
  json low = minimal();
  low["incident"]["types"] = {"online_harassment"};
  Submitted first = submit(low);
  clock_.advance(std::chrono::minutes(1));
  json danger = minimal();
  danger["immediate_danger"] = true;
  Submitted second = submit(danger);
  clock_.advance(std::chrono::minutes(1));
  json astana = full();
  Submitted third = submit(astana);  // high, Astana
  auto ids = [](const std::vector<ReportSummary>& list) {
    std::vector<std::int64_t> out;
    for (const auto& s : list) out.push_back(s.id);
    return out;
  };
  EXPECT_EQ(ids(reports_.triage(conn(), {})),
            (std::vector<std::int64_t>{second.id, third.id, first.id}));
  EXPECT_EQ(ids(reports_.triage(conn(), {"750000000", std::nullopt, {}})),
            (std::vector<std::int64_t>{second.id, first.id}));
  EXPECT_EQ(ids(reports_.triage(conn(), {std::nullopt, "low", {}})),
            (std::vector<std::int64_t>{first.id}));
  reports_.close(conn(), first.id, 1, "not_gbv", {});
  EXPECT_EQ(ids(reports_.triage(conn(), {std::nullopt, std::nullopt, {"received", "in_review"}})),
            (std::vector<std::int64_t>{second.id, third.id}));
  auto closed = reports_.triage(conn(), {std::nullopt, std::nullopt, {"closed"}});
  ASSERT_EQ(closed.size(), 1u);
  EXPECT_EQ(closed[0].incident_types, (std::vector<std::string>{"online_harassment"}));
  EXPECT_EQ(closed[0].reporter_type, "survivor");
}

TEST(StatusText, IsCompleteForEveryStatusAndReason) {
  for (auto status : report_statuses()) {
    EXPECT_TRUE(status_text(status, std::nullopt).complete()) << status;
  }
  std::set<std::string> texts;
  for (auto reason : close_reasons()) {
    auto text = status_text("closed", std::string(reason));
    EXPECT_TRUE(text.complete()) << reason;
    texts.insert(text.en);
  }
  EXPECT_EQ(texts.size(), close_reasons().size());
}

}  // namespace
}  // namespace qorgau::intake
