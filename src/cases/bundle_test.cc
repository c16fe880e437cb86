// The court bundle's pure parts: every code a case can hold has a word in
// each language, and the archive's file names are safe to unpack anywhere
// while keeping what the uploader called the file.
#include <gtest/gtest.h>

#include "cases/bundle.h"
#include "cases/bundle_labels.h"
#include "core/jurisdiction.h"
#include "evidence/evidence.h"
#include "intake/report.h"

namespace qorgau::cases {
namespace {

using core::Language;

void expect_labelled(CodeList list, const std::vector<std::string_view>& codes) {
  for (auto code : codes) {
    EXPECT_TRUE(has_label(list, code)) << code;
    for (Language l : core::kAllLanguages) {
      EXPECT_NE(code_label(list, code, l), code) << code << " in " << core::code(l);
    }
  }
}

TEST(BundleLabels, EveryCodeOfEveryListHasAWordInEachLanguage) {
  expect_labelled(CodeList::kStatus, case_statuses());
  expect_labelled(CodeList::kBasis, opening_bases());
  expect_labelled(CodeList::kCloseReason, close_reasons());
  expect_labelled(CodeList::kOffence, offence_codes());
  expect_labelled(CodeList::kIncidentType, intake::incident_types());
  std::vector<std::string_view> grounds;
  for (const auto& g : core::default_jurisdiction().case_without_complaint.grounds) {
    grounds.push_back(g);
  }
  expect_labelled(CodeList::kGround, grounds);
  expect_labelled(CodeList::kEvidenceKind, {"photo", "video", "audio", "document"});
  std::vector<std::string_view> actions;
  for (auto a : {evidence::CustodyAction::kUpload, evidence::CustodyAction::kView,
                 evidence::CustodyAction::kDownload, evidence::CustodyAction::kVerify,
                 evidence::CustodyAction::kHandover}) {
    actions.push_back(evidence::action_name(a));
  }
  expect_labelled(CodeList::kCustodyAction, actions);
  expect_labelled(CodeList::kEventKind,
                  {"opened", "status_changed", "closed", "assigned", "offence_recorded",
                   "referral_sent", "referral_accepted", "referral_declined", "note_added",
                   "task_added", "task_done", "service_delivered", "report_merged"});
}

TEST(BundleLabels, AnUnknownCodeIsShownAsItself) {
  EXPECT_EQ(code_label(CodeList::kStatus, "archived", Language::kKk), "archived");
}

TEST(BundleLabels, EveryFixedTextExistsInEachLanguage) {
  for (int t = 0; t <= static_cast<int>(BundleText::kPage); ++t) {
    for (Language l : core::kAllLanguages) {
      EXPECT_FALSE(bundle_text(static_cast<BundleText>(t), l).empty()) << t;
    }
  }
  EXPECT_EQ(bundle_text(BundleText::kTitle, Language::kKk), "Сотқа арналған іс материалдары");
}

evidence::Evidence item(std::int64_t id, std::string filename, std::string mime = "video/mp4") {
  evidence::Evidence e;
  e.id = id;
  e.filename = std::move(filename);
  e.mime = std::move(mime);
  return e;
}

TEST(BundleArchive, NamesKeepTheOriginalButNothingUnsafe) {
  EXPECT_EQ(archive_name(item(7, "VID_20260301_2210.mp4")), "evidence/7-VID_20260301_2210.mp4");
  EXPECT_EQ(archive_name(item(7, "Сәрсенова: фото?.jpg")), "evidence/7-Сәрсенова_ фото_.jpg");
  EXPECT_EQ(archive_name(item(7, "a/b\\c*\"<>|`$;")), "evidence/7-a_b_c________");
  EXPECT_EQ(archive_name(item(7, "..hidden ")), "evidence/7-hidden");
  EXPECT_EQ(archive_name(item(9, "")), "evidence/9-evidence-9.mp4");
  EXPECT_EQ(archive_name(item(9, "...", "application/pdf")), "evidence/9-evidence-9.pdf");
}

TEST(BundleArchive, ALongNameIsCutAtACharacterBoundary) {
  std::string name;
  for (int i = 0; i < 100; ++i) name += "ә";  // two bytes each
  name = "x" + name;                          // so that 120 falls inside a character
  std::string out = archive_name(item(1, name));
  std::string kept = out.substr(std::string("evidence/1-").size());
  EXPECT_EQ(kept.size(), 119u);
  EXPECT_EQ(kept, "x" + name.substr(1, 118));
}

TEST(BundleArchive, SumsAreInTheFormatOfSha256sum) {
  EXPECT_EQ(sha256sums({{"ab", "bundle.pdf"}, {"cd", "evidence/1-a b.pdf"}}),
            "ab  bundle.pdf\ncd  evidence/1-a b.pdf\n");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace qorgau::cases
