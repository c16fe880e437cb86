#include "scheduler/job_queue.h"

namespace qorgau::scheduler {

namespace {

constexpr const char* kJobColumns = "id, kind, subject_id, due_at, attempts";

Job read_job(const store::Row& row) {
  return {row.integer(0), row.text(1), row.integer(2), row.integer(3),
          static_cast<int>(row.integer(4))};
}

std::vector<Job> read_jobs(const std::vector<store::Row>& rows) {
  std::vector<Job> jobs;
  jobs.reserve(rows.size());
  for (const auto& row : rows) jobs.push_back(read_job(row));
  return jobs;
}

}  // namespace

void JobQueue::schedule(store::Connection& connection, std::string_view kind,
                        std::int64_t subject_id, std::int64_t due_at, std::int64_t now) const {
  connection.execute(
      "INSERT INTO scheduled_jobs (kind, subject_id, due_at, state, next_attempt_at, created_at) "
      "VALUES ($1, $2, $3, 'pending', $3, $4) ON CONFLICT (kind, subject_id, due_at) DO NOTHING",
      {std::string(kind), subject_id, due_at, now});
}

std::int64_t JobQueue::cancel(store::Connection& connection, std::string_view kind,
                              std::int64_t subject_id, std::int64_t now) const {
  return connection.execute(
      "UPDATE scheduled_jobs SET state = 'cancelled', finished_at = $3 "
      "WHERE kind = $1 AND subject_id = $2 AND state = 'pending'",
      {std::string(kind), subject_id, now});
}

std::vector<Job> JobQueue::due(store::Connection& connection, std::int64_t now, int limit) const {
  return read_jobs(
      connection.query(std::string("SELECT ") + kJobColumns +
                           " FROM scheduled_jobs WHERE state = 'pending' AND next_attempt_at <= $1 "
                           "ORDER BY next_attempt_at, id LIMIT $2",
                       {now, static_cast<std::int64_t>(limit)}));
}

bool JobQueue::pending(store::Connection& connection, std::int64_t job_id) const {
  return connection
      .query_one("SELECT 1 FROM scheduled_jobs WHERE id = $1 AND state = 'pending'", {job_id})
      .has_value();
}

void JobQueue::mark_done(store::Connection& connection, std::int64_t job_id,
                         std::int64_t now) const {
  connection.execute(
      "UPDATE scheduled_jobs SET state = 'done', finished_at = $2 WHERE id = $1 AND state = "
      "'pending'",
      {job_id, now});
}

void JobQueue::mark_failed_attempt(store::Connection& connection, std::int64_t job_id,
                                   std::string_view error, std::optional<std::int64_t> retry_at,
                                   std::int64_t now) const {
  if (retry_at) {
    connection.execute(
        "UPDATE scheduled_jobs SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 "
        "WHERE id = $1 AND state = 'pending'",
        {job_id, std::string(error), *retry_at});
  } else {
    connection.execute(
        "UPDATE scheduled_jobs SET attempts = attempts + 1, last_error = $2, state = 'failed', "
        "finished_at = $3 WHERE id = $1 AND state = 'pending'",
        {job_id, std::string(error), now});
  }
}

std::vector<Job> JobQueue::pending_for(store::Connection& connection, std::string_view kind,
                                       std::int64_t subject_id) const {
  return read_jobs(connection.query(
      std::string("SELECT ") + kJobColumns +
          " FROM scheduled_jobs WHERE kind = $1 AND subject_id = $2 AND state = 'pending' "
          "ORDER BY due_at, id",
      {std::string(kind), subject_id}));
}

}  // namespace qorgau::scheduler
