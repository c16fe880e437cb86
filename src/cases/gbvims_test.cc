#include "cases/gbvims.h"

#include <gtest/gtest.h>

#include "crypto/keyring.h"
#include "intake/report.h"

namespace qorgau::cases {
namespace {

using namespace std::chrono;

constexpr year_month_day kDay{year(2026), month(6), day(15)};

TEST(Gbvims, EveryIntakeTypeCountsAsACoreType) {
  for (std::string_view type : intake::incident_types()) {
    EXPECT_NE(gbvims_core_type(type), "") << type;
  }
  EXPECT_EQ(gbvims_core_type("bride_kidnapping"), "forced_marriage");
  EXPECT_EQ(gbvims_core_type("stalking"), "psychological_abuse");
  EXPECT_EQ(gbvims_core_type("online_harassment"), "psychological_abuse");
  EXPECT_EQ(gbvims_core_type("bullying_of_minor"), "psychological_abuse");
  EXPECT_EQ(gbvims_core_type("rape"), "rape");
  EXPECT_EQ(gbvims_core_type("theft"), "");
}

TEST(Gbvims, TheTypeIsTheFirstInDecisionOrder) {
  EXPECT_EQ(gbvims_type({"psychological_abuse", "rape", "physical_assault"}), "rape");
  EXPECT_EQ(gbvims_type({"stalking", "physical_assault"}), "physical_assault");
  EXPECT_EQ(gbvims_type({"bride_kidnapping", "denial_of_resources"}), "forced_marriage");
  EXPECT_EQ(gbvims_type({"online_harassment"}), "psychological_abuse");
  EXPECT_EQ(gbvims_type({}), "non_gbv");
}

TEST(Gbvims, AgeGroupsCountWholeYearsOnTheDay) {
  EXPECT_EQ(age_group_on("2014-06-16", kDay), "0_11");   // 11 until tomorrow
  EXPECT_EQ(age_group_on("2014-06-15", kDay), "12_17");  // 12 today
  EXPECT_EQ(age_group_on("2008-06-16", kDay), "12_17");
  EXPECT_EQ(age_group_on("2008-06-15", kDay), "18_25");
  EXPECT_EQ(age_group_on("2000-01-01", kDay), "26_40");
  EXPECT_EQ(age_group_on("1985-06-15", kDay), "41_60");
  EXPECT_EQ(age_group_on("1965-06-16", kDay), "41_60");
  EXPECT_EQ(age_group_on("1965-06-15", kDay), "61_plus");
  EXPECT_EQ(age_group_on("2026-06-16", kDay), "unknown");
  EXPECT_EQ(age_group_on("15.06.1990", kDay), "unknown");
}

class GbvimsIncidentTest : public ::testing::Test {
 protected:
  GbvimsIncidentTest() {
    facts_.found.id = 7;
    facts_.found.case_number = "C-000007";
    facts_.found.status = "under_investigation";
    facts_.found.basis = "without_complaint";
    facts_.found.incident_types = {"stalking", "physical_assault"};
    facts_.found.region_kato = "750000000";
    facts_.found.opened_at = 1'781'600'000'000;  // 2026-06-16T09:06:40Z
    facts_.survivor = {1, "Айгүл Сәрсенова", "910314450021", "1991-03-14", "female", 3};
    facts_.aggressor = {2, "Ерлан Сәрсенов", std::nullopt, std::nullopt, std::nullopt, 3};
    facts_.services = {"medical", "legal"};
  }

  GbvimsIncident incident() {
    return gbvims_incident(facts_, jurisdiction_, core::Language::kEn, protector_);
  }

  core::Jurisdiction jurisdiction_ = core::default_jurisdiction();
  crypto::Keyring keyring_ = crypto::Keyring::random();
  crypto::Protector protector_{keyring_};
  IncidentFacts facts_;
};

TEST_F(GbvimsIncidentTest, ACaseWithoutAReportUsesThePeoplesRecords) {
  GbvimsIncident row = incident();
  EXPECT_EQ(row.incident_code.rfind("GBV-", 0), 0u);
  EXPECT_EQ(row.incident_code.size(), 20u);
  EXPECT_EQ(row.incident_code.find("000007"), std::string::npos);
  EXPECT_EQ(row.reported_month, "2026-06");
  EXPECT_EQ(row.incident_month, "");
  EXPECT_EQ(row.region_name, "Almaty");
  EXPECT_EQ(row.gbv_type, "physical_assault");
  EXPECT_EQ(row.survivor_sex, "female");
  EXPECT_EQ(row.survivor_age_group, "26_40");  // 35 on the day of the report
  EXPECT_EQ(row.perpetrator_sex, "unknown");
  EXPECT_EQ(row.perpetrator_age_group, "unknown");
  EXPECT_EQ(row.perpetrator_relationship, "unknown");
  EXPECT_EQ(row.children_present, "unknown");
  EXPECT_EQ(row.case_basis, "without_complaint");

  Table table = tabulate(gbvims_columns(), std::vector<GbvimsIncident>{row});
  auto column = [&](const std::string& name) {
    for (size_t i = 0; i < table.header.size(); ++i) {
      if (table.header[i] == name) return cell_text(table.rows[0][i]);
    }
    return std::string("<absent>");
  };
  EXPECT_EQ(column("service_medical"), "yes");
  EXPECT_EQ(column("service_legal"), "yes");
  EXPECT_EQ(column("service_shelter"), "no");
  EXPECT_EQ(column("service_psychological"), "no");
  EXPECT_EQ(column("service_social"), "no");
  EXPECT_EQ(column("incident_types"), "stalking,physical_assault");
  for (const auto& cells : table.rows) {
    for (const auto& cell : cells) {
      std::string text = cell_text(cell);
      EXPECT_EQ(text.find("Сәрсен"), std::string::npos);
      EXPECT_EQ(text.find("910314"), std::string::npos);
      EXPECT_EQ(text.find("1991"), std::string::npos);
      EXPECT_EQ(text.find("C-000007"), std::string::npos);
    }
  }
}

TEST_F(GbvimsIncidentTest, TheReportFillsWhatTheRecordsDoNotKnowAndDatesTheIncident) {
  intake::Report report;
  report.received_at = 1'780'000'000'000;  // 2026-05-28T20:26:40Z
  report.input.incident_date = "2012-04-20";
  report.input.children_present = true;
  report.input.victim = intake::PersonInvolved{std::nullopt, std::nullopt, "male", "18_25", {}};
  report.input.aggressor =
      intake::PersonInvolved{std::nullopt, std::nullopt, "male", "41_60", "spouse"};
  facts_.report = report;
  GbvimsIncident row = incident();
  EXPECT_EQ(row.reported_month, "2026-05");
  EXPECT_EQ(row.incident_month, "2012-04");
  EXPECT_EQ(row.survivor_sex, "female") << "the record comes first";
  EXPECT_EQ(row.survivor_age_group, "18_25") << "21 on the day of the incident";
  EXPECT_EQ(row.perpetrator_sex, "male");
  EXPECT_EQ(row.perpetrator_age_group, "41_60");
  EXPECT_EQ(row.perpetrator_relationship, "spouse");
  EXPECT_EQ(row.children_present, "yes");
  // The code is stable for the case and differs between cases.
  std::string code = row.incident_code;
  EXPECT_EQ(incident().incident_code, code);
  facts_.found.id = 8;
  EXPECT_NE(incident().incident_code, code);
}

}  // namespace
}  // namespace qorgau::cases
