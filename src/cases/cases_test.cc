// The case store and its timeline against a real migrated SQLite database:
// the transition table, the law's rules (opening without a complaint,
// reconciliation barred for a repeat offence), assignment, notes, tasks and
// services, and that every change writes its timeline event in the same
// transaction (a refused or rolled-back change leaves neither).
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>

#include "accounts/agencies.h"
#include "cases/cases.h"
#include "cases/referrals.h"
#include "cases/timeline.h"
#include "core/clock.h"
#include "core/jurisdiction.h"
#include "crypto/keyring.h"
#include "crypto/protector.h"
#include "people/people.h"
#include "testing/error_of.h"
#include "testing/migrated_store.h"

namespace qorgau::cases {
namespace {

using core::ErrorCode;
using qorgau::testing::error_of;
using namespace std::chrono;

constexpr std::int64_t kStartMs = 1'795'000'000'000;  // 2026-11-18T11:06:40Z
constexpr year_month_day kToday{year(2026), month(11), day(18)};

class CaseStores : public qorgau::testing::MigratedStore {
 protected:
  CaseStores()
      : MigratedStore(kStartMs),
        jurisdiction_(core::default_jurisdiction()),
        people_(protector_, clock_),
        timeline_(protector_, clock_),
        cases_(timeline_, jurisdiction_, clock_) {
    police_ = agency("Police");
    centre_ = agency("Crisis centre");
    user_ = user(police_, 1);
    worker_ = user(centre_, 2);
    survivor_ = people_.create(conn(), {"Айгүл Сәрсенова", {}, {}, {}}, police_).id;
    aggressor_ = people_.create(conn(), {"Ерлан Сәрсенов", {}, {}, {}}, police_).id;
  }

  std::int64_t agency(const std::string& agency_name) {
    return accounts::AgencyStore()
        .create(conn(), {0, agency_name, "police", "750000000"}, kStartMs)
        .id;
  }
  std::int64_t user(std::int64_t agency_id, std::uint8_t tag) {
    conn().execute(
        "INSERT INTO users (username_bidx, username_enc, display_name_enc, password_hash, role, "
        "agency_id, created_at, password_changed_at) VALUES ($1, $1, $1, 'x', 'case_worker', $2, "
        "$3, $3)",
        {core::Bytes{tag}, agency_id, kStartMs});
    return conn().query_one("SELECT max(id) FROM users")->integer(0);
  }
  std::int64_t count(const std::string& table) {
    return conn().query_one("SELECT count(*) FROM " + table)->integer(0);
  }
  NewCase complaint() {
    NewCase c;
    c.survivor_person_id = survivor_;
    c.aggressor_person_id = aggressor_;
    c.basis = "complaint";
    c.incident_types = {"physical_assault"};
    c.region_kato = "750000000";
    c.owner_agency_id = police_;
    return c;
  }
  Case open(const NewCase& c) { return cases_.create(conn(), c, user_); }
  std::vector<std::string> kinds(std::int64_t case_id) {
    std::vector<std::string> out;
    for (const auto& e : timeline_.events(conn(), case_id)) out.push_back(e.kind);
    return out;
  }

  const core::Jurisdiction& jurisdiction_;
  people::PersonStore people_;
  Timeline timeline_;
  CaseStore cases_;
  std::int64_t police_ = 0;
  std::int64_t centre_ = 0;
  std::int64_t user_ = 0;
  std::int64_t worker_ = 0;
  std::int64_t survivor_ = 0;
  std::int64_t aggressor_ = 0;
};

TEST(CaseTransitions, TableAllowsOnlyTheLifecycleAndClosingFromOpenStates) {
  EXPECT_TRUE(transition_allowed("opened", "under_investigation"));
  EXPECT_TRUE(transition_allowed("under_investigation", "sent_to_court"));
  EXPECT_TRUE(transition_allowed("sent_to_court", "decided"));
  EXPECT_TRUE(transition_allowed("decided", "closed"));
  for (auto from : {"opened", "under_investigation", "sent_to_court", "decided"}) {
    EXPECT_TRUE(transition_allowed(from, "closed")) << from;
  }
  EXPECT_FALSE(transition_allowed("opened", "decided"));
  EXPECT_FALSE(transition_allowed("opened", "sent_to_court"));
  EXPECT_FALSE(transition_allowed("decided", "opened"));
  EXPECT_FALSE(transition_allowed("under_investigation", "opened"));
  for (auto to : case_statuses()) EXPECT_FALSE(transition_allowed("closed", to)) << to;
  for (const auto& [from, to] : allowed_transitions()) EXPECT_NE(from, to);
}

TEST(CaseReconciliation, BarredForRepeatBatteryAndRepeatMinorHarmOnly) {
  const auto& kz = core::default_jurisdiction();
  EXPECT_TRUE(reconciliation_barred(kz, "battery", true));
  EXPECT_TRUE(reconciliation_barred(kz, "minor_harm", true));
  EXPECT_FALSE(reconciliation_barred(kz, "battery", false));
  EXPECT_FALSE(reconciliation_barred(kz, "minor_harm", false));
  EXPECT_FALSE(reconciliation_barred(kz, "threat", true));
}

TEST_F(CaseStores, OpensOnAComplaintWithANumberAndAnOpenedEvent) {
  Case c = open(complaint());
  EXPECT_EQ(c.status, "opened");
  EXPECT_EQ(c.case_number,
            "C-" + std::string(6 - std::to_string(c.id).size(), '0') + std::to_string(c.id));
  EXPECT_EQ(c.survivor_person_id, survivor_);
  EXPECT_EQ(c.aggressor_person_id, aggressor_);
  EXPECT_EQ(c.opened_by_user_id, user_);
  EXPECT_FALSE(c.ground);
  EXPECT_EQ(kinds(c.id), std::vector<std::string>{"opened"});
}

TEST_F(CaseStores, OpensWithoutAComplaintOnlyOnAGroundTheLawNames) {
  NewCase c = complaint();
  c.basis = "without_complaint";
  EXPECT_EQ(error_of([&] { open(c); }), ErrorCode::kMissingField);
  c.ground = "rumour";
  EXPECT_EQ(error_of([&] { open(c); }), ErrorCode::kValidationFailed);
  c.ground = "witnesses";
  Case opened = open(c);
  EXPECT_EQ(opened.basis, "without_complaint");
  EXPECT_EQ(opened.ground, "witnesses");

  core::Jurisdiction no_such_law = jurisdiction_;
  no_such_law.case_without_complaint.allowed = false;
  CaseStore strict(timeline_, no_such_law, clock_);
  EXPECT_EQ(error_of([&] { strict.create(conn(), c, user_); }), ErrorCode::kValidationFailed);
}

TEST_F(CaseStores, RefusedOpeningWritesNothing) {
  std::int64_t cases_before = count("cases");
  std::int64_t events_before = count("case_events");
  auto refused = [&](auto change, ErrorCode expected) {
    NewCase c = complaint();
    change(c);
    EXPECT_EQ(error_of([&] { open(c); }), expected);
  };
  refused([](NewCase& c) { c.survivor_person_id = 999; }, ErrorCode::kValidationFailed);
  refused([&](NewCase& c) { c.aggressor_person_id = survivor_; }, ErrorCode::kValidationFailed);
  refused([](NewCase& c) { c.basis = "rumour"; }, ErrorCode::kValidationFailed);
  refused([](NewCase& c) { c.ground = "witnesses"; }, ErrorCode::kValidationFailed);
  refused([](NewCase& c) { c.incident_types = {}; }, ErrorCode::kMissingField);
  refused([](NewCase& c) { c.incident_types = {"shouting"}; }, ErrorCode::kValidationFailed);
  refused([](NewCase& c) { c.incident_types = {"rape", "rape"}; }, ErrorCode::kValidationFailed);
  refused([](NewCase& c) { c.region_kato = "000000000"; }, ErrorCode::kUnknownRegion);
  refused([](NewCase& c) { c.owner_agency_id = 999; }, ErrorCode::kUnknownAgency);
  refused([](NewCase& c) { c.offence = "theft"; }, ErrorCode::kValidationFailed);
  EXPECT_EQ(count("cases"), cases_before);
  EXPECT_EQ(count("case_events"), events_before);
}

TEST_F(CaseStores, APersonCanBeInManyCases) {
  std::int64_t second = people_.create(conn(), {"Бауыржан Әлиев", {}, {}, {}}, police_).id;
  Case first = open(complaint());
  NewCase other = complaint();
  other.aggressor_person_id = second;
  Case next = open(other);
  auto hers = cases_.for_person(conn(), survivor_);
  ASSERT_EQ(hers.size(), 2u);
  EXPECT_EQ(hers[0].id, first.id);
  EXPECT_EQ(hers[1].id, next.id);
  EXPECT_EQ(cases_.for_person(conn(), second).size(), 1u);
}

TEST_F(CaseStores, FollowsTheLifecycleAndRefusesSkippingAStep) {
  Case c = open(complaint());
  std::int64_t events = count("case_events");
  EXPECT_EQ(error_of([&] { cases_.transition(conn(), c.id, "decided", {}, user_); }),
            ErrorCode::kInvalidState);
  EXPECT_EQ(error_of([&] { cases_.transition(conn(), c.id, "archived", {}, user_); }),
            ErrorCode::kValidationFailed);
  EXPECT_EQ(error_of([&] { cases_.transition(conn(), c.id, "closed", {}, user_); }),
            ErrorCode::kMissingField);
  EXPECT_EQ(error_of([&] { cases_.transition(conn(), c.id, "closed", "bored", user_); }),
            ErrorCode::kValidationFailed);
  EXPECT_EQ(
      error_of([&] { cases_.transition(conn(), c.id, "under_investigation", "duplicate", user_); }),
      ErrorCode::kUnknownField);
  EXPECT_EQ(error_of([&] { cases_.transition(conn(), 999, "closed", "duplicate", user_); }),
            ErrorCode::kNotFound);
  EXPECT_EQ(cases_.find(conn(), c.id)->status, "opened");
  EXPECT_EQ(count("case_events"), events);

  cases_.transition(conn(), c.id, "under_investigation", {}, user_);
  cases_.transition(conn(), c.id, "sent_to_court", {}, user_);
  cases_.transition(conn(), c.id, "decided", {}, user_);
  clock_.advance(minutes(5));
  Case closed = cases_.transition(conn(), c.id, "closed", "decision_executed", user_);
  EXPECT_EQ(closed.status, "closed");
  EXPECT_EQ(closed.close_reason, "decision_executed");
  EXPECT_EQ(closed.closed_at, kStartMs + 5 * 60 * 1000);
  EXPECT_EQ(kinds(c.id), (std::vector<std::string>{"opened", "status_changed", "status_changed",
                                                   "status_changed", "closed"}));
  EXPECT_EQ(timeline_.events(conn(), c.id)[1].detail, "opened under_investigation");

  EXPECT_EQ(error_of([&] { cases_.transition(conn(), c.id, "opened", {}, user_); }),
            ErrorCode::kInvalidState);
  EXPECT_EQ(error_of([&] { cases_.assign(conn(), c.id, centre_, {}, user_); }),
            ErrorCode::kInvalidState);
}

TEST_F(CaseStores, ReconciliationIsRefusedForARepeatBatteryAndChangesNothing) {
  NewCase input = complaint();
  input.offence = "battery";
  input.repeat_offence = true;
  Case c = open(input);
  std::int64_t events = count("case_events");
  EXPECT_EQ(error_of([&] { cases_.transition(conn(), c.id, "closed", "reconciliation", user_); }),
            ErrorCode::kReconciliationBarred);
  EXPECT_EQ(cases_.find(conn(), c.id)->status, "opened");
  EXPECT_EQ(count("case_events"), events);
  // Another reason closes it.
  EXPECT_EQ(cases_.transition(conn(), c.id, "closed", "insufficient_evidence", user_).status,
            "closed");
}

TEST_F(CaseStores, ReconciliationFollowsTheOffenceRecordedLater) {
  Case first = open(complaint());
  cases_.record_offence(conn(), first.id, "minor_harm", false, user_);
  EXPECT_EQ(cases_.transition(conn(), first.id, "closed", "reconciliation", user_).close_reason,
            "reconciliation");

  Case repeat = open(complaint());
  Case recorded = cases_.record_offence(conn(), repeat.id, "minor_harm", true, user_);
  EXPECT_EQ(recorded.offence, "minor_harm");
  EXPECT_TRUE(recorded.repeat_offence);
  EXPECT_EQ(kinds(repeat.id).back(), "offence_recorded");
  EXPECT_EQ(
      error_of([&] { cases_.transition(conn(), repeat.id, "closed", "reconciliation", user_); }),
      ErrorCode::kReconciliationBarred);
  EXPECT_EQ(error_of([&] { cases_.record_offence(conn(), repeat.id, "theft", true, user_); }),
            ErrorCode::kValidationFailed);
}

TEST_F(CaseStores, TimelineEventIsWrittenInTheSameTransactionAsTheChange) {
  Case c = open(complaint());
  std::int64_t events = count("case_events");
  {
    store::Transaction tx(conn());
    cases_.transition(conn(), c.id, "under_investigation", {}, user_);
    timeline_.add_note(conn(), c.id, user_, "Seen by the district inspector");
    EXPECT_EQ(count("case_events"), events + 2);
  }  // rolled back
  EXPECT_EQ(cases_.find(conn(), c.id)->status, "opened");
  EXPECT_EQ(count("case_events"), events);
  EXPECT_EQ(count("case_notes"), 0);
  {
    store::Transaction tx(conn());
    cases_.transition(conn(), c.id, "under_investigation", {}, user_);
    tx.commit();
  }
  EXPECT_EQ(count("case_events"), events + 1);
}

TEST_F(CaseStores, AssignsToAnAgencyAndOneOfItsUsers) {
  Case c = open(complaint());
  EXPECT_EQ(error_of([&] { cases_.assign(conn(), c.id, 999, {}, user_); }),
            ErrorCode::kUnknownAgency);
  EXPECT_EQ(error_of([&] { cases_.assign(conn(), c.id, centre_, user_, user_); }),
            ErrorCode::kValidationFailed);
  Case assigned = cases_.assign(conn(), c.id, centre_, worker_, user_);
  EXPECT_EQ(assigned.assigned_agency_id, centre_);
  EXPECT_EQ(assigned.assigned_user_id, worker_);
  EXPECT_EQ(timeline_.events(conn(), c.id).back().detail,
            "agency " + std::to_string(centre_) + " user " + std::to_string(worker_));
  EXPECT_FALSE(cases_.assign(conn(), c.id, police_, {}, user_).assigned_user_id);
}

TEST_F(CaseStores, NotesAreEncryptedAndInTheTimeline) {
  Case c = open(complaint());
  EXPECT_EQ(error_of([&] { timeline_.add_note(conn(), c.id, user_, "  \n"); }),
            ErrorCode::kValidationFailed);
  EXPECT_EQ(error_of([&] {
              timeline_.add_note(conn(), c.id, user_, std::string(kMaxNoteBytes + 1, 'a'));
            }),
            ErrorCode::kValidationFailed);
  timeline_.add_note(conn(), c.id, user_, "Neighbour Zhanar heard the shouting");
  auto notes = timeline_.notes(conn(), c.id);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].text, "Neighbour Zhanar heard the shouting");
  EXPECT_EQ(notes[0].author_user_id, user_);
  EXPECT_EQ(kinds(c.id).back(), "note_added");
  std::ifstream in(dir_.path() / "qorgau.db", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  std::ifstream wal(dir_.path() / "qorgau.db-wal", std::ios::binary);
  bytes.append(std::istreambuf_iterator<char>(wal), {});
  EXPECT_EQ(bytes.find("Zhanar"), std::string::npos);
}

TEST_F(CaseStores, TasksHaveDueDatesAndAreDoneOnce) {
  Case c = open(complaint());
  EXPECT_EQ(error_of([&] { timeline_.add_task(conn(), c.id, user_, "", "2026-11-20"); }),
            ErrorCode::kValidationFailed);
  for (auto bad : {"2026-02-30", "20-11-2026", "2026-1-05", "tomorrow", "2026-11-2x"}) {
    EXPECT_EQ(error_of([&] { timeline_.add_task(conn(), c.id, user_, "Call her", bad); }),
              ErrorCode::kValidationFailed)
        << bad;
  }
  Task later = timeline_.add_task(conn(), c.id, user_, "Risk review", "2026-12-01");
  Task soon = timeline_.add_task(conn(), c.id, user_, "Call her back", "2026-11-19");
  auto tasks = timeline_.tasks(conn(), c.id);
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0].id, soon.id);  // by due date
  EXPECT_EQ(tasks[0].title, "Call her back");
  EXPECT_FALSE(tasks[0].done);
  Task done = timeline_.complete_task(conn(), c.id, later.id, user_);
  EXPECT_TRUE(done.done);
  EXPECT_EQ(done.done_at, kStartMs);
  EXPECT_EQ(error_of([&] { timeline_.complete_task(conn(), c.id, later.id, user_); }),
            ErrorCode::kInvalidState);
  Case other = open(complaint());
  EXPECT_EQ(error_of([&] { timeline_.complete_task(conn(), other.id, soon.id, user_); }),
            ErrorCode::kNotFound);
  EXPECT_EQ(kinds(c.id),
            (std::vector<std::string>{"opened", "task_added", "task_added", "task_done"}));
}

TEST_F(CaseStores, ServicesHaveAKindADateAndAProvider) {
  Case c = open(complaint());
  EXPECT_EQ(error_of([&] {
              timeline_.add_service(conn(), c.id, user_, "massage", "2026-11-18", centre_, kToday);
            }),
            ErrorCode::kValidationFailed);
  EXPECT_EQ(error_of([&] {
              timeline_.add_service(conn(), c.id, user_, "medical", "2026-11-19", centre_, kToday);
            }),
            ErrorCode::kValidationFailed);
  EXPECT_EQ(error_of([&] {
              timeline_.add_service(conn(), c.id, user_, "medical", "2026-11-18", 999, kToday);
            }),
            ErrorCode::kUnknownAgency);
  EXPECT_EQ(count("case_services"), 0);
  for (auto kind : service_kinds()) {
    timeline_.add_service(conn(), c.id, user_, std::string(kind), "2026-11-18", centre_, kToday);
  }
  auto services = timeline_.services(conn(), c.id);
  ASSERT_EQ(services.size(), 5u);
  EXPECT_EQ(services[0].provider_agency_id, centre_);
  EXPECT_EQ(kinds(c.id).back(), "service_delivered");
}

TEST_F(CaseStores, ReferralsCarryOnlyConsentedCodesAndAreDecidedOnce) {
  ReferralStore referrals(timeline_, clock_);
  Case c = open(complaint());
  auto refused = [&](std::vector<std::string> share, std::int64_t to) {
    return error_of([&] { referrals.create(conn(), c.id, police_, to, share, user_); });
  };
  EXPECT_EQ(refused({}, centre_), ErrorCode::kMissingField);
  EXPECT_EQ(refused({"everything"}, centre_), ErrorCode::kValidationFailed);
  EXPECT_EQ(refused({"survivor_name", "survivor_name"}, centre_), ErrorCode::kValidationFailed);
  EXPECT_EQ(refused({"survivor_name"}, police_), ErrorCode::kValidationFailed);
  EXPECT_EQ(refused({"survivor_name"}, 999), ErrorCode::kUnknownAgency);
  EXPECT_EQ(count("case_referrals"), 0);
  EXPECT_EQ(kinds(c.id), std::vector<std::string>{"opened"});

  Referral sent = referrals.create(conn(), c.id, police_, centre_,
                                   {"survivor_name", "survivor_contact"}, user_);
  EXPECT_EQ(sent.status, "pending");
  EXPECT_EQ(sent.share, (std::vector<std::string>{"survivor_name", "survivor_contact"}));
  EXPECT_EQ(referrals.to_agency(conn(), centre_).size(), 1u);
  EXPECT_TRUE(referrals.to_agency(conn(), police_).empty());
  Referral accepted = referrals.decide(conn(), sent.id, true, worker_);
  EXPECT_EQ(accepted.status, "accepted");
  EXPECT_EQ(accepted.decided_at, kStartMs);
  EXPECT_EQ(error_of([&] { referrals.decide(conn(), sent.id, false, worker_); }),
            ErrorCode::kInvalidState);
  EXPECT_EQ(error_of([&] { referrals.decide(conn(), 999, true, worker_); }), ErrorCode::kNotFound);
  EXPECT_EQ(kinds(c.id),
            (std::vector<std::string>{"opened", "referral_sent", "referral_accepted"}));
}

}  // namespace
}  // namespace qorgau::cases
