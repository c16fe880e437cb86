// The scheduler inside the server: runs the jobs of scheduler/job_queue.h
// when they fall due (an order's expiry, a review falling due, a reminder).
//
// Guarantees:
//  - exactly once: a job's handler runs inside a transaction that also marks
//    the job done, on the scheduler's own connection; if the process stops
//    before the commit, nothing of it is kept and it runs again after the
//    restart; once committed it is never run again;
//  - nothing is missed: jobs that fell due while the server was down run at
//    start, oldest first, with their original due time in Job::due_at (so
//    a handler can date what it records by when it was meant to happen);
//  - a handler that throws has its changes rolled back and is retried with a
//    growing delay (1 min, 2 min, 4 min ... at most 1 h); after
//    `max_attempts` the job is marked failed and logged. A job of a kind with
//    no handler is treated as failing (a newer version may have scheduled it);
//  - handlers must use only the Connection they are given (and so be undone
//    with it); anything sent outside the database belongs in an outbox row
//    written by the handler and delivered by its own job.
// run_due() is what the thread calls every `tick`; tests call it directly with
// a manual clock instead of starting the thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/clock.h"
#include "scheduler/job_queue.h"
#include "store/database.h"

namespace qorgau::scheduler {

struct SchedulerOptions {
  std::chrono::milliseconds tick{1000};
  int max_attempts = 10;
  int batch = 100;  // jobs read per query
};

class Scheduler {
 public:
  using Handler = std::function<void(store::Connection&, const Job&)>;

  Scheduler(store::Database& database, const core::Clock& clock, SchedulerOptions options = {});
  ~Scheduler();  // stops the thread if running
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Registers the handler of a kind; before start(). Throws std::logic_error
  // for a kind registered twice.
  void on(const std::string& kind, Handler handler);
  const JobQueue& queue() const { return queue_; }

  // Runs every job due now (the clock's), each in its own transaction.
  // Returns how many completed. Not to be called while the thread runs.
  std::size_t run_due();

  // Starts the thread that calls run_due() every tick; stop() ends it after
  // the job in hand (its transaction commits or rolls back whole).
  void start();
  void stop();

  // The delay before retrying a job that has failed `attempts` times.
  static std::chrono::milliseconds retry_delay(int attempts);

 private:
  bool run_one(const Job& job, std::int64_t now);

  store::Database& database_;
  const core::Clock& clock_;
  SchedulerOptions options_;
  JobQueue queue_;
  std::unique_ptr<store::Connection> connection_;
  std::map<std::string, Handler, std::less<>> handlers_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace qorgau::scheduler
