// The scheduler against a real migrated SQLite database and a clock the tests
// move: exactly once, nothing missed across a restart, retries, cancellation.
#include "scheduler/scheduler.h"

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <vector>

#include "core/error.h"
#include "testing/migrated_store.h"

namespace qorgau::scheduler {
namespace {

using namespace std::chrono_literals;

constexpr std::int64_t kStartMs = 1'795'000'000'000;  // 2026-11-18T11:06:40Z
constexpr std::int64_t kHourMs = 3'600'000;

class SchedulerTest : public qorgau::testing::MigratedStore {
 protected:
  SchedulerTest() : MigratedStore(kStartMs) {}

  // A scheduler as a server process would build it: handlers registered, then run.
  std::unique_ptr<Scheduler> make_scheduler() {
    auto scheduler = std::make_unique<Scheduler>(db_, clock_);
    scheduler->on("expire", [this](store::Connection& connection, const Job& job) {
      // The handler's own change, which must commit with the job's "done".
      connection.execute("INSERT INTO effects (subject_id, due_at) VALUES ($1, $2)",
                         {job.subject_id, job.due_at});
      if (fail_next_) {
        fail_next_ = false;
        throw core::ApiError(core::ErrorCode::kInvalidState);
      }
    });
    return scheduler;
  }

  void schedule(std::string_view kind, std::int64_t subject, std::int64_t due_at) {
    store::Transaction tx(*connection_);
    JobQueue().schedule(*connection_, kind, subject, due_at, clock_.now_ms());
    tx.commit();
  }

  std::int64_t effects() {
    return connection_->query_one("SELECT COUNT(*) FROM effects")->integer(0);
  }
  std::string state_of(std::int64_t subject) {
    return connection_
        ->query_one("SELECT state FROM scheduled_jobs WHERE subject_id = $1", {subject})
        ->text(0);
  }

  void SetUp() override {
    connection_->execute(
        "CREATE TABLE effects (subject_id BIGINT NOT NULL, due_at BIGINT NOT NULL)");
  }

  bool fail_next_ = false;
};

TEST_F(SchedulerTest, RunsAJobOnceWhenItFallsDueAndNeverAgain) {
  auto scheduler = make_scheduler();
  schedule("expire", 7, kStartMs + kHourMs);
  schedule("expire", 7, kStartMs + kHourMs);  // the same job: stored once
  EXPECT_EQ(connection_->query_one("SELECT COUNT(*) FROM scheduled_jobs")->integer(0), 1);

  EXPECT_EQ(scheduler->run_due(), 0u);  // not yet due
  EXPECT_EQ(effects(), 0);
  clock_.advance(1h);
  EXPECT_EQ(scheduler->run_due(), 1u);
  EXPECT_EQ(effects(), 1);
  EXPECT_EQ(state_of(7), "done");
  clock_.advance(1h);
  EXPECT_EQ(scheduler->run_due(), 0u);
  EXPECT_EQ(effects(), 1);
}

TEST_F(SchedulerTest, JobsDueWhileStoppedRunAfterRestartWithTheirOwnDueTime) {
  schedule("expire", 1, kStartMs + kHourMs);
  schedule("expire", 2, kStartMs + 2 * kHourMs);
  schedule("expire", 3, kStartMs + 48 * kHourMs);
  {
    auto before_stop = make_scheduler();
    EXPECT_EQ(before_stop->run_due(), 0u);
  }  // the server stops; time passes
  clock_.advance(5h);
  auto after_restart = make_scheduler();
  EXPECT_EQ(after_restart->run_due(), 2u);
  auto rows = connection_->query("SELECT subject_id, due_at FROM effects ORDER BY subject_id");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].integer(1), kStartMs + kHourMs);  // dated when it was due, not when run
  EXPECT_EQ(rows[1].integer(1), kStartMs + 2 * kHourMs);
  EXPECT_EQ(state_of(3), "pending");
}

TEST_F(SchedulerTest, AFailingHandlerIsRolledBackAndRetriedLater) {
  auto scheduler = make_scheduler();
  schedule("expire", 9, kStartMs);
  fail_next_ = true;
  EXPECT_EQ(scheduler->run_due(), 0u);
  EXPECT_EQ(effects(), 0);  // the failed attempt's change was undone
  auto job = connection_->query_one(
      "SELECT state, attempts, last_error, next_attempt_at FROM scheduled_jobs");
  EXPECT_EQ(job->text(0), "pending");
  EXPECT_EQ(job->integer(1), 1);
  EXPECT_EQ(job->text(2), "invalid_state");
  EXPECT_EQ(job->integer(3), kStartMs + 60'000);

  EXPECT_EQ(scheduler->run_due(), 0u);  // not before the retry time
  clock_.advance(1min);
  EXPECT_EQ(scheduler->run_due(), 1u);
  EXPECT_EQ(effects(), 1);
  EXPECT_EQ(state_of(9), "done");
}

TEST_F(SchedulerTest, RetryDelaysGrowAndAreCapped) {
  EXPECT_EQ(Scheduler::retry_delay(1), 1min);
  EXPECT_EQ(Scheduler::retry_delay(2), 2min);
  EXPECT_EQ(Scheduler::retry_delay(3), 4min);
  EXPECT_EQ(Scheduler::retry_delay(7), 60min);
  EXPECT_EQ(Scheduler::retry_delay(30), 60min);
}

TEST_F(SchedulerTest, AJobOfAnUnknownKindIsGivenUpAfterMaxAttempts) {
  Scheduler scheduler(db_, clock_, {.tick = 1000ms, .max_attempts = 2, .batch = 100});
  schedule("from_a_newer_version", 4, kStartMs);
  EXPECT_EQ(scheduler.run_due(), 0u);
  EXPECT_EQ(state_of(4), "pending");
  clock_.advance(1min);
  EXPECT_EQ(scheduler.run_due(), 0u);
  EXPECT_EQ(state_of(4), "failed");
  EXPECT_EQ(connection_->query_one("SELECT last_error FROM scheduled_jobs")->text(0), "no_handler");
}

TEST_F(SchedulerTest, CancelledJobsNeverRun) {
  auto scheduler = make_scheduler();
  schedule("expire", 5, kStartMs + kHourMs);
  schedule("expire", 6, kStartMs + kHourMs);
  {
    store::Transaction tx(*connection_);
    EXPECT_EQ(JobQueue().cancel(*connection_, "expire", 5, clock_.now_ms()), 1);
    tx.commit();
  }
  clock_.advance(2h);
  EXPECT_EQ(scheduler->run_due(), 1u);
  EXPECT_EQ(state_of(5), "cancelled");
  EXPECT_EQ(state_of(6), "done");
  EXPECT_TRUE(JobQueue().pending_for(*connection_, "expire", 5).empty());
}

TEST_F(SchedulerTest, TheThreadRunsDueJobsAndStops) {
  Scheduler scheduler(db_, clock_, {.tick = 10ms, .max_attempts = 10, .batch = 100});
  scheduler.on("expire", [](store::Connection& connection, const Job& job) {
    connection.execute("INSERT INTO effects (subject_id, due_at) VALUES ($1, $2)",
                       {job.subject_id, job.due_at});
  });
  schedule("expire", 11, kStartMs);
  scheduler.start();
  for (int i = 0; i < 500 && effects() == 0; ++i) std::this_thread::sleep_for(10ms);
  scheduler.stop();
  EXPECT_EQ(effects(), 1);
  EXPECT_EQ(state_of(11), "done");
}

TEST_F(SchedulerTest, AHandlerOutsideATransactionHoldsNoLockAndIsMarkedDoneAfter) {
  Scheduler scheduler(db_, clock_);
  auto other = db_.connect();
  scheduler.on_outside_transaction("send", [&](store::Connection& connection, const Job& job) {
    // No write lock is held: another connection can commit while the handler works.
    store::Transaction elsewhere(*other);
    other->execute("INSERT INTO effects (subject_id, due_at) VALUES (100, 0)");
    elsewhere.commit();
    // The handler opens its own short transaction for what it records.
    store::Transaction tx(connection);
    connection.execute("INSERT INTO effects (subject_id, due_at) VALUES ($1, $2)",
                       {job.subject_id, job.due_at});
    tx.commit();
  });
  schedule("send", 21, kStartMs);
  EXPECT_EQ(scheduler.run_due(), 1u);
  EXPECT_EQ(effects(), 2);
  EXPECT_EQ(state_of(21), "done");
  EXPECT_EQ(scheduler.run_due(), 0u);
}

TEST_F(SchedulerTest, RegisteringAKindTwiceIsAProgrammingError) {
  auto scheduler = make_scheduler();
  EXPECT_THROW(scheduler->on("expire", [](store::Connection&, const Job&) {}), std::logic_error);
  EXPECT_THROW(scheduler->on_outside_transaction("expire", [](store::Connection&, const Job&) {}),
               std::logic_error);
}

}  // namespace
}  // namespace qorgau::scheduler
