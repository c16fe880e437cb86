// Group commit: many small write transactions share one durable commit.
//
// With SQLite in WAL mode and synchronous=FULL every COMMIT waits for an
// fsync, so one transaction per request caps writes at the disk's fsync
// rate. A GroupCommitter runs on its own thread with its own connection:
// callers hand it a unit of work and wait; it takes every unit that is
// waiting (up to `max_batch`), runs them one after another inside ONE
// transaction, each in its own SAVEPOINT, and commits once.
//
// Invariants:
//  - run() returns only after the transaction holding its work has
//    committed, i.e. is on stable storage: an acknowledgement sent after
//    run() is never lost;
//  - a unit that throws is rolled back alone (ROLLBACK TO its savepoint) and
//    its exception is rethrown to its caller; the others still commit;
//  - if the COMMIT itself fails, every caller of that batch gets the error
//    and nothing of the batch is stored;
//  - units run in arrival order, on the committer's thread: work must use
//    only the Connection it is given.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include "store/database.h"

namespace qorgau::store {

class GroupCommitter {
 public:
  GroupCommitter(Database& database, size_t max_batch = 256);
  ~GroupCommitter();  // finishes every unit already handed in, then stops
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  // Runs `work` in a shared transaction; returns after the commit. Rethrows
  // what `work` threw (its changes undone) or what the commit threw.
  void run(std::function<void(Connection&)> work);

  // Hands `work` in and returns at once. `done` is called on the committer's thread once the
  // batch holding the work has committed (with nullptr) or with what `work` or the commit
  // threw (the work's changes undone). `done` must be quick and must not throw: it belongs
  // to everyone in the batch (a server posts its connection's continuation from it).
  void submit(std::function<void(Connection&)> work, std::function<void(std::exception_ptr)> done);

  // Batches committed so far (for benchmarks and tests).
  std::size_t batches() const;

 private:
  struct Unit {
    std::function<void(Connection&)> work;
    std::function<void(std::exception_ptr)> done;
  };
  void loop();
  void commit_batch(std::deque<Unit>& batch);

  std::unique_ptr<Connection> connection_;
  size_t max_batch_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Unit> queue_;
  bool stopping_ = false;
  std::size_t batches_ = 0;
  std::thread thread_;
};

}  // namespace qorgau::store
