// Group commit against a real SQLite file: units handed in together share one
// commit, a failing unit is undone alone, and run() returns only after commit.
#include "store/group_commit.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
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
