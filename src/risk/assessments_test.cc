// Assessments, escalations and review scheduling against a real migrated SQLite database with a
// clock the test moves: raise-never-lower, answers and reasons encrypted, the review due at the
// assessment plus the interval of the level chosen (not the computed one), re-assessments
// forced by incidents and escalations, and due/overdue derived from stored instants, so that a
// store opened afresh on the same file (a restart) sees the same schedule.
#include "risk/assessments.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "accounts/agencies.h"
#include "cases/cases.h"
#include "core/error.h"
#include "crypto/keyring.h"
#include "people/people.h"
#include "risk/incidents.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_database.h"
#include "testing/temp_dir.h"

namespace qorgau::risk {
namespace {

using namespace std::chrono;

constexpr std::int64_t kStartMs = 1'795'000'000'000;  // 2026-11-18T11:06:40Z
constexpr year_month_day kToday{year(2026), month(11), day(18)};

// Everything a process builds over one database file; a new one is a restart.
struct Process {
  Process(const std::filesystem::path& file, const crypto::Protector& protector,
          const core::Clock& clock)
      : db(file),
        connection(db.connect()),
        instruments(clock),
        timeline(protector, clock),
        assessments(instruments, timeline, protector, core::default_jurisdiction(), clock),
        incidents(assessments, timeline, clock) {}
  store::SqliteDatabase db;
  std::unique_ptr<store::Connection> connection;
  InstrumentStore instruments;
  cases::Timeline timeline;
  AssessmentStore assessments;
  IncidentStore incidents;
};

class AssessmentStores : public ::testing::Test {
 protected:
  AssessmentStores()
      : clock_(core::TimePoint(milliseconds(kStartMs))),
        keyring_(crypto::Keyring::random()),
        protector_(keyring_),
        process_(std::make_unique<Process>(file(), protector_, clock_)) {
    store::migrate(conn());
    std::int64_t police =
        accounts::AgencyStore().create(conn(), {0, "Police", "police", "750000000"}, kStartMs).id;
    conn().execute(
        "INSERT INTO users (username_bidx, username_enc, display_name_enc, password_hash, role, "
        "agency_id, created_at, password_changed_at) VALUES ($1, $1, $1, 'x', 'case_worker', $2, "
        "$3, $3)",
        {core::Bytes{1}, police, kStartMs});
    user_ = conn().query_one("SELECT max(id) FROM users")->integer(0);
    people::PersonStore people(protector_, clock_);
    cases::NewCase c;
    c.survivor_person_id = people.create(conn(), {"Айгүл Сәрсенова", {}, {}, {}}, police).id;
    c.aggressor_person_id = people.create(conn(), {"Ерлан Сәрсенов", {}, {}, {}}, police).id;
    c.basis = "complaint";
    c.incident_types = {"physical_assault"};
    c.region_kato = "750000000";
    c.owner_agency_id = police;
    case_id_ = cases::CaseStore(process_->timeline, core::default_jurisdiction(), clock_)
                   .create(conn(), c, user_)
                   .id;
  }

  std::filesystem::path file() const { return dir_.path() / "qorgau.db"; }
  store::Connection& conn() { return *process_->connection; }
  const AssessmentStore& store() { return process_->assessments; }
  void restart() {
    process_.reset();
    process_ = std::make_unique<Process>(file(), protector_, clock_);
  }

  // Every item "no", except the ones given.
  Answers answers(std::initializer_list<std::pair<const std::string, std::string>> yes = {}) {
    Answers out;
    Instrument instrument = *process_->instruments.current(conn(), kDefaultInstrument);
    for (const Item& item : instrument.items) {
      out[item.id] = item.answer == AnswerKind::kChoice ? item.options.front().id : "no";
    }
    for (const auto& [id, answer] : yes) out[id] = answer;
    return out;
  }
  Assessment assess(Answers given, std::optional<Level> raise_to = std::nullopt,
                    std::optional<std::string> reason = std::nullopt) {
    return store().record(conn(), case_id_,
                          {std::string(kDefaultInstrument), std::move(given), raise_to, reason},
                          user_);
  }
  core::ErrorCode refusal(Answers given, std::optional<Level> raise_to,
                          std::optional<std::string> reason, std::string* field) {
    try {
      assess(std::move(given), raise_to, std::move(reason));
    } catch (const core::ApiError& e) {
      *field = e.field();
      return e.code();
    }
    ADD_FAILURE() << "accepted";
    return core::ErrorCode::kInternal;
  }
  std::vector<DueReview> due(hours within = hours(168)) {
    return store().due(conn(), {"SELECT id FROM cases", {}}, std::nullopt, within);
  }
  std::int64_t count(const std::string& table) {
    return conn().query_one("SELECT count(*) FROM " + table)->integer(0);
  }

  qorgau::testing::TempDir dir_;
  core::ManualClock clock_;
  crypto::Keyring keyring_;
  crypto::Protector protector_;
  std::unique_ptr<Process> process_;
  std::int64_t user_ = 0;
  std::int64_t case_id_ = 0;
};

TEST_F(AssessmentStores, RecordsTheComputedLevelAndEveryAnswerEncrypted) {
  Assessment a = assess(answers({{"strangulation", "yes"}}));
  EXPECT_EQ(a.computed_level, Level::kHigh);  // the floor of strangulation
  EXPECT_EQ(a.level, Level::kHigh);
  EXPECT_FALSE(a.raised);
  EXPECT_EQ(a.instrument_code, "qorgau-risk-1");
  EXPECT_EQ(a.instrument_version, 1);
  EXPECT_EQ(a.assessed_at, kStartMs);
  EXPECT_EQ(a.answers.at("strangulation"), "yes");
  EXPECT_EQ(a.answers.size(), answers().size());
  auto row = conn().query_one("SELECT answers_enc FROM risk_entries WHERE id = $1", {a.id});
  std::string stored(row->bytes(0).begin(), row->bytes(0).end());
  EXPECT_EQ(stored.find("strangulation"), std::string::npos);
  auto events = process_->timeline.events(conn(), case_id_);
  EXPECT_EQ(events.back().kind, "risk_assessed");
}

TEST_F(AssessmentStores, RaisesWithAReasonButNeverLowers) {
  Answers high = answers({{"strangulation", "yes"}});
  std::string field;
  EXPECT_EQ(refusal(high, Level::kMedium, "calmer now", &field),
            core::ErrorCode::kRiskLevelLowered);
  EXPECT_EQ(field, "raise_to");
  EXPECT_EQ(refusal(high, Level::kExtreme, std::nullopt, &field),
            core::ErrorCode::kValidationFailed);
  EXPECT_EQ(field, "raise_reason");
  EXPECT_EQ(refusal(high, Level::kExtreme, "  \n", &field), core::ErrorCode::kValidationFailed);
  EXPECT_EQ(field, "raise_reason");
  EXPECT_EQ(refusal(high, std::nullopt, "a reason for nothing", &field),
            core::ErrorCode::kValidationFailed);
  EXPECT_EQ(field, "raise_to");
  EXPECT_EQ(count("risk_entries"), 0);

  Assessment a = assess(high, Level::kExtreme, "He bought a gun last week.");
  EXPECT_EQ(a.computed_level, Level::kHigh);
  EXPECT_EQ(a.level, Level::kExtreme);
  EXPECT_TRUE(a.raised);
  EXPECT_EQ(a.raise_reason, "He bought a gun last week.");
  auto row = conn().query_one("SELECT raise_reason_enc FROM risk_entries WHERE id = $1", {a.id});
  std::string stored(row->bytes(0).begin(), row->bytes(0).end());
  EXPECT_EQ(stored.find("gun"), std::string::npos);
}

TEST_F(AssessmentStores, ReviewIsDueAfterTheIntervalOfTheChosenLevel) {
  // Computed low (interval 60 days) but raised to extreme: due after 72 hours, not 60 days.
  Assessment a = assess(answers(), Level::kExtreme, "She says he is about to be released.");
  EXPECT_EQ(a.computed_level, Level::kLow);
  EXPECT_EQ(a.next_review_due_at, kStartMs + duration_cast<milliseconds>(hours(72)).count());
  auto current = store().current(conn(), case_id_);
  ASSERT_TRUE(current);
  EXPECT_EQ(current->next_review_due_at, a.next_review_due_at);
  EXPECT_FALSE(current->overdue);
  EXPECT_EQ(current->source, "assessment");
  EXPECT_EQ(store().required_actions(Level::kExtreme),
            core::default_jurisdiction().risk_actions.extreme);
}

TEST_F(AssessmentStores, DueAndOverdueSurviveARestartAndFollowTheClock) {
  Assessment a = assess(answers({{"strangulation", "yes"}}));  // high: 7 days
  std::int64_t due_at = kStartMs + duration_cast<milliseconds>(days(7)).count();
  EXPECT_EQ(a.next_review_due_at, due_at);
  EXPECT_TRUE(due().size() == 1 && !due()[0].overdue);  // within the default week
  EXPECT_TRUE(due(hours(24)).empty());                  // not within a day

  restart();
  clock_.advance(days(6));
  auto within_day = due(hours(24));
  ASSERT_EQ(within_day.size(), 1u);
  EXPECT_EQ(within_day[0].due_at, due_at);
  EXPECT_FALSE(within_day[0].overdue);
  EXPECT_EQ(within_day[0].reason, "scheduled");

  restart();
  clock_.advance(days(1) + milliseconds(1));
  auto overdue = due(hours(0));
  ASSERT_EQ(overdue.size(), 1u);
  EXPECT_TRUE(overdue[0].overdue);
  EXPECT_EQ(overdue[0].due_at, due_at);
  EXPECT_TRUE(store().current(conn(), case_id_)->overdue);

  // A new assessment starts the schedule again.
  assess(answers());  // low: 60 days
  EXPECT_TRUE(due().empty());
  EXPECT_FALSE(store().current(conn(), case_id_)->overdue);
}

TEST_F(AssessmentStores, AnIncidentMakesAReassessmentDueNowUntilTheNextAssessment) {
  assess(answers());  // low: due in 60 days
  clock_.advance(hours(5));
  process_->incidents.record(conn(), case_id_, "2026-11-18", {"physical_assault"}, user_, kToday);
  restart();
  auto current = store().current(conn(), case_id_);
  EXPECT_EQ(current->reassessment_reason, "new_incident");
  EXPECT_EQ(current->next_review_due_at, kStartMs + duration_cast<milliseconds>(hours(5)).count());
  EXPECT_TRUE(current->overdue);
  auto reviews = due(hours(0));
  ASSERT_EQ(reviews.size(), 1u);
  EXPECT_EQ(reviews[0].reason, "new_incident");
  EXPECT_TRUE(reviews[0].overdue);
  assess(answers());
  EXPECT_FALSE(store().current(conn(), case_id_)->reassessment_reason);
  EXPECT_TRUE(due().empty());
}

TEST_F(AssessmentStores, IncidentsInTheFutureOrWithoutTypesAreRefused) {
  auto field = [&](const std::string& on, std::vector<std::string> types) {
    try {
      process_->incidents.record(conn(), case_id_, on, types, user_, kToday);
    } catch (const core::ApiError& e) {
      return e.field();
    }
    return std::string("accepted");
  };
  EXPECT_EQ(field("2026-11-19", {"physical_assault"}), "occurred_on");
  EXPECT_EQ(field("2026-02-30", {"physical_assault"}), "occurred_on");
  EXPECT_EQ(field("2026-11-17", {}), "types");
  EXPECT_EQ(count("case_incidents"), 0);
  EXPECT_EQ(count("risk_reassessments"), 0);
}

TEST_F(AssessmentStores, EscalationRaisesOneStepAndStopsAtExtreme) {
  assess(answers());  // low
  store().escalate(conn(), case_id_, "order_violation", user_);
  auto current = store().current(conn(), case_id_);
  EXPECT_EQ(current->level, Level::kMedium);
  EXPECT_EQ(current->source, "escalation");
  EXPECT_EQ(current->reassessment_reason, "order_violation");
  EXPECT_TRUE(current->overdue);
  store().escalate(conn(), case_id_, "order_violation", std::nullopt);
  store().escalate(conn(), case_id_, "order_violation", std::nullopt);
  store().escalate(conn(), case_id_, "order_violation", std::nullopt);
  EXPECT_EQ(store().current(conn(), case_id_)->level, Level::kExtreme);
  auto history = store().history(conn(), case_id_);
  ASSERT_EQ(history.size(), 5u);
  EXPECT_EQ(history[0].kind, "assessment");
  EXPECT_EQ(history[1].reason_code, "order_violation");
  EXPECT_EQ(history[4].level, Level::kExtreme);
  // since_at is when the case first reached extreme, not the latest entry.
  EXPECT_EQ(store().current(conn(), case_id_)->since_at, history[3].at);
  EXPECT_EQ(process_->timeline.events(conn(), case_id_).back().kind, "risk_escalated");
  EXPECT_THROW(store().escalate(conn(), case_id_, "bad mood", user_), std::invalid_argument);
}

TEST_F(AssessmentStores, ACaseNeverAssessedIsDueAtItsOpening) {
  auto reviews = due(hours(0));
  ASSERT_EQ(reviews.size(), 1u);
  EXPECT_EQ(reviews[0].reason, "never_assessed");
  EXPECT_EQ(reviews[0].due_at, kStartMs);
  EXPECT_FALSE(reviews[0].level);
  EXPECT_FALSE(store().current(conn(), case_id_));
  // Escalating a case never assessed starts from low.
  store().escalate(conn(), case_id_, "order_violation", user_);
  EXPECT_EQ(store().current(conn(), case_id_)->level, Level::kMedium);
}

TEST_F(AssessmentStores, ClosedCasesAreNotInTheQueue) {
  conn().execute("UPDATE cases SET status = 'closed' WHERE id = $1", {case_id_});
  EXPECT_TRUE(due(hours(0)).empty());
}

}  // namespace
}  // namespace qorgau::risk
