// Group commit against a real SQLite file: units handed in together share one
// commit, a failing unit is undone alone, and run() returns (submit() calls back) only
// after commit.
#include "store/group_commit.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "store/sqlite/sqlite_database.h"
#include "testing/temp_dir.h"

namespace qorgau::store {
namespace {

using namespace std::chrono_literals;

class GroupCommitTest : public ::testing::Test {
 protected:
  GroupCommitTest() : db_(dir_.path() / "qorgau.db"), reader_(db_.connect()) {
    reader_->execute_script("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
  }

  std::int64_t count() { return reader_->query_one("SELECT COUNT(*) FROM notes")->integer(0); }
  static void insert(Connection& c, const std::string& text) {
    c.execute("INSERT INTO notes (text) VALUES ($1)", {text});
  }

  qorgau::testing::TempDir dir_;
  SqliteDatabase db_;
  std::unique_ptr<Connection> reader_;
};

TEST_F(GroupCommitTest, ReturnsOnlyAfterTheWorkIsCommitted) {
  GroupCommitter committer(db_);
  committer.run([](Connection& c) { insert(c, "one"); });
  // Another connection sees it at once: the transaction has committed.
  EXPECT_EQ(count(), 1);
  EXPECT_EQ(committer.batches(), 1u);
}

TEST_F(GroupCommitTest, WaitingUnitsShareOneCommit) {
  GroupCommitter committer(db_);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  // The first unit holds the committer busy while the others queue up.
  std::thread first([&] {
    committer.run([&](Connection& c) {
      released.wait();
      insert(c, "first");
    });
  });
  std::this_thread::sleep_for(50ms);
  std::vector<std::thread> others;
  std::atomic<int> done{0};
  for (int i = 0; i < 20; ++i) {
    others.emplace_back([&, i] {
      committer.run([i](Connection& c) { insert(c, "unit " + std::to_string(i)); });
      done.fetch_add(1);
    });
  }
  std::this_thread::sleep_for(300ms);  // let all twenty queue behind the first
  EXPECT_EQ(done.load(), 0) << "nothing may be acknowledged before its commit";
  release.set_value();
  first.join();
  for (auto& t : others) t.join();
  EXPECT_EQ(count(), 21);
  EXPECT_LE(committer.batches(), 3u) << "twenty waiting units should share commits";
}

TEST_F(GroupCommitTest, AFailingUnitIsUndoneAloneAndItsCallerHearsWhy) {
  GroupCommitter committer(db_);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::thread first([&] {
    committer.run([&](Connection& c) {
      released.wait();
      insert(c, "kept before");
    });
  });
  std::this_thread::sleep_for(50ms);
  std::promise<std::string> failure;
  std::thread failing([&] {
    try {
      committer.run([](Connection& c) {
        insert(c, "undone");
        throw std::invalid_argument("bad unit");
      });
      failure.set_value("no exception");
    } catch (const std::invalid_argument& e) {
      failure.set_value(e.what());
    }
  });
  std::thread after([&] { committer.run([](Connection& c) { insert(c, "kept after"); }); });
  std::this_thread::sleep_for(200ms);
  release.set_value();
  first.join();
  failing.join();
  after.join();
  EXPECT_EQ(failure.get_future().get(), "bad unit");
  EXPECT_EQ(count(), 2);
  EXPECT_FALSE(reader_->query_one("SELECT id FROM notes WHERE text = 'undone'"));
}

TEST_F(GroupCommitTest, SubmitCallsBackAfterTheCommitAndWithEachUnitsOwnError) {
  std::promise<void> all_done;
  std::atomic<int> remaining{3};
  std::vector<std::int64_t> seen_committed;  // rows another connection saw from each callback
  std::string failure;
  auto finish = [&] {
    if (--remaining == 0) all_done.set_value();
  };
  GroupCommitter committer(db_);
  // Callbacks run one after another on the committer's thread, so they may share state.
  for (const char* text : {"one", "two"}) {
    committer.submit([text](Connection& c) { insert(c, text); },
                     [&](std::exception_ptr error) {
                       EXPECT_FALSE(error);
                       seen_committed.push_back(count());
                       finish();
                     });
  }
  committer.submit(
      [](Connection& c) {
        insert(c, "undone");
        throw std::runtime_error("bad unit");
      },
      [&](std::exception_ptr error) {
        try {
          std::rethrow_exception(error);
        } catch (const std::runtime_error& e) {
          failure = e.what();
        }
        finish();
      });
  all_done.get_future().get();
  // Each callback came after its own row was visible to another connection: committed.
  ASSERT_EQ(seen_committed.size(), 2u);
  EXPECT_GE(seen_committed[0], 1);
  EXPECT_EQ(seen_committed[1], 2);
  EXPECT_EQ(failure, "bad unit");
  EXPECT_EQ(count(), 2);
}

TEST_F(GroupCommitTest, StoppingFinishesWhatWasHandedIn) {
  std::vector<std::thread> writers;
  {
    GroupCommitter committer(db_);
    for (int i = 0; i < 8; ++i) {
      writers.emplace_back(
          [&committer, i] { committer.run([i](Connection& c) { insert(c, std::to_string(i)); }); });
    }
    for (auto& t : writers) t.join();
  }
  EXPECT_EQ(count(), 8);
}

}  // namespace
}  // namespace qorgau::store
