// The persistent list of scheduled jobs (table scheduled_jobs): something of
// `kind` to do about `subject_id` (an order, a case) at `due_at`.
//
// Invariants:
//  - a job is identified by (kind, subject_id, due_at): scheduling it again is
//    a no-op, so callers may schedule from any code path without checking;
//  - every method joins the caller's transaction: a job scheduled together
//    with the change that needs it commits or rolls back with it;
//  - states move pending -> done | cancelled | failed, never back; only
//    pending jobs are ever returned by due();
//  - kinds are snake_case codes; nothing personal is stored (ids and codes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace qorgau::scheduler {

struct Job {
  std::int64_t id = 0;
  std::string kind;
  std::int64_t subject_id = 0;
  std::int64_t due_at = 0;  // UTC ms: when it was meant to happen
  int attempts = 0;         // failed attempts so far
};

class JobQueue {
 public:
  // Schedules a job; `now` is when it was scheduled. No-op if already scheduled.
  void schedule(store::Connection& connection, std::string_view kind, std::int64_t subject_id,
                std::int64_t due_at, std::int64_t now) const;
  // Cancels the pending jobs of this kind for this subject (e.g. an order revoked before its
  // expiry); returns how many.
  std::int64_t cancel(store::Connection& connection, std::string_view kind, std::int64_t subject_id,
                      std::int64_t now) const;
  // Pending jobs whose next attempt is due at `now`, oldest due first, at most `limit`.
  std::vector<Job> due(store::Connection& connection, std::int64_t now, int limit) const;
  // Whether the job is still pending (read inside the transaction that will run it).
  bool pending(store::Connection& connection, std::int64_t job_id) const;
  void mark_done(store::Connection& connection, std::int64_t job_id, std::int64_t now) const;
  // Records a failed attempt: the job is tried again at `retry_at`, or, with no
  // retry_at, is given up as failed. `error` is a short code, never personal data.
  void mark_failed_attempt(store::Connection& connection, std::int64_t job_id,
                           std::string_view error, std::optional<std::int64_t> retry_at,
                           std::int64_t now) const;
  // Pending jobs of this kind for this subject, soonest first (for tests and views).
  std::vector<Job> pending_for(store::Connection& connection, std::string_view kind,
                               std::int64_t subject_id) const;
};

}  // namespace qorgau::scheduler
