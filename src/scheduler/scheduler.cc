#include "scheduler/scheduler.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>

#include "core/error.h"

namespace qorgau::scheduler {

Scheduler::Scheduler(store::Database& database, const core::Clock& clock, SchedulerOptions options)
    : database_(database), clock_(clock), options_(options), connection_(database_.connect()) {}

Scheduler::~Scheduler() {
  stop();
}

void Scheduler::on(const std::string& kind, Handler handler) {
  if (!handlers_.emplace(kind, std::move(handler)).second) {
    throw std::logic_error("scheduler: a handler for '" + kind + "' is already registered");
  }
}

std::chrono::milliseconds Scheduler::retry_delay(int attempts) {
  constexpr std::chrono::milliseconds kFirst = std::chrono::minutes(1);
  constexpr std::chrono::milliseconds kLongest = std::chrono::hours(1);
  std::chrono::milliseconds delay = kFirst;
  for (int i = 1; i < attempts && delay < kLongest; ++i) delay *= 2;
  return std::min(delay, kLongest);
}

bool Scheduler::run_one(const Job& job, std::int64_t now) {
  store::Connection& connection = *connection_;
  std::string error;
  try {
    auto handler = handlers_.find(job.kind);
    if (handler == handlers_.end()) {
      error = "no_handler";
    } else {
      store::Transaction tx(connection);
      if (!queue_.pending(connection, job.id)) return false;  // finished meanwhile
      handler->second(connection, job);
      queue_.mark_done(connection, job.id, now);
      tx.commit();
      return true;
    }
  } catch (const core::ApiError& failure) {
    error = std::string(core::error_info(failure.code()).code);
  } catch (const std::exception& failure) {
    error = "exception";
    spdlog::error("scheduled job failed: id={} kind={} error={}", job.id, job.kind, failure.what());
  }
  int attempts = job.attempts + 1;
  std::optional<std::int64_t> retry_at;
  if (attempts < options_.max_attempts) retry_at = now + retry_delay(attempts).count();
  store::Transaction tx(connection);
  queue_.mark_failed_attempt(connection, job.id, error, retry_at, now);
  tx.commit();
  if (!retry_at) {
    spdlog::error("scheduled job given up: id={} kind={} attempts={} error={}", job.id, job.kind,
                  attempts, error);
  } else {
    spdlog::warn("scheduled job will be retried: id={} kind={} attempt={} error={}", job.id,
                 job.kind, attempts, error);
  }
  return false;
}

std::size_t Scheduler::run_due() {
  std::size_t completed = 0;
  const std::int64_t now = clock_.now_ms();
  for (;;) {
    auto jobs = queue_.due(*connection_, now, options_.batch);
    std::size_t before = completed;
    for (const auto& job : jobs) {
      if (run_one(job, now)) ++completed;
    }
    // Jobs that failed were moved later, so re-reading makes progress; stop
    // when a whole batch completed nothing or there was less than a batch.
    if (static_cast<int>(jobs.size()) < options_.batch || completed == before) break;
  }
  return completed;
}

void Scheduler::start() {
  std::lock_guard guard(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      try {
        run_due();
      } catch (const std::exception& failure) {  // the database itself failed: try next tick
        spdlog::error("scheduler: {}", failure.what());
      }
      lock.lock();
      wake_.wait_for(lock, options_.tick, [this] { return stopping_; });
    }
  });
}

void Scheduler::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace qorgau::scheduler
