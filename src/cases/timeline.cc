#include "cases/timeline.h"

#include <algorithm>

#include "accounts/agencies.h"
#include "core/calendar_day.h"
#include "core/error.h"

namespace qorgau::cases {

using core::ApiError;
using core::ErrorCode;

namespace {

constexpr const char* kNoteField = "case_notes.text";
constexpr const char* kTaskTitleField = "case_tasks.title";

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

Task read_task(const store::Row& row, const crypto::Protector& protector) {
  Task t;
  t.id = row.integer(0);
  t.title = protector.open(row.bytes(1), kTaskTitleField);
  t.due_date = row.text(2);
  t.done = row.integer(3) != 0;
  t.done_at = row.optional_integer(4);
  t.created_at = row.integer(5);
  return t;
}

constexpr const char* kTaskColumns =
    "SELECT id, title_enc, due_date, done, done_at, created_at FROM case_tasks ";

}  // namespace

const std::vector<std::string_view>& service_kinds() {
  static const std::vector<std::string_view> kKinds = {"medical", "psychological", "legal",
                                                       "shelter", "social"};
  return kKinds;
}

void Timeline::append_event(store::Connection& connection, std::int64_t case_id,
                            std::optional<std::int64_t> user_id, std::string_view kind,
                            std::string_view detail) const {
  store::Value user = nullptr;
  if (user_id) user = *user_id;
  connection.execute(
      "INSERT INTO case_events (case_id, at, user_id, kind, detail) VALUES ($1, $2, $3, $4, $5)",
      {case_id, clock_.now_ms(), user, std::string(kind), std::string(detail)});
}

std::vector<Event> Timeline::events(store::Connection& connection, std::int64_t case_id) const {
  std::vector<Event> out;
  for (const auto& row : connection.query(
           "SELECT id, at, user_id, kind, detail FROM case_events WHERE case_id = $1 ORDER BY id",
           {case_id})) {
    out.push_back(
        {row.integer(0), row.integer(1), row.optional_integer(2), row.text(3), row.text(4)});
  }
  return out;
}

Note Timeline::add_note(store::Connection& connection, std::int64_t case_id, std::int64_t user_id,
                        const std::string& text) const {
  if (blank(text) || text.size() > kMaxNoteBytes) {
    throw ApiError(ErrorCode::kValidationFailed, "text");
  }
  std::int64_t now = clock_.now_ms();
  auto row = connection.query_one(
      "INSERT INTO case_notes (case_id, text_enc, author_user_id, created_at) "
      "VALUES ($1, $2, $3, $4) RETURNING id",
      {case_id, protector_.seal(text, kNoteField), user_id, now});
  std::int64_t id = row->integer(0);
  append_event(connection, case_id, user_id, "note_added", "note " + std::to_string(id));
  return {id, text, user_id, now};
}

std::vector<Note> Timeline::notes(store::Connection& connection, std::int64_t case_id) const {
  std::vector<Note> out;
  for (const auto& row : connection.query(
           "SELECT id, text_enc, author_user_id, created_at FROM case_notes WHERE case_id = $1 "
           "ORDER BY id",
           {case_id})) {
    out.push_back({row.integer(0), protector_.open(row.bytes(1), kNoteField),
                   row.optional_integer(2), row.integer(3)});
  }
  return out;
}

Task Timeline::add_task(store::Connection& connection, std::int64_t case_id, std::int64_t user_id,
                        const std::string& title, const std::string& due_date) const {
  if (blank(title) || title.size() > kMaxTaskTitleBytes) {
    throw ApiError(ErrorCode::kValidationFailed, "title");
  }
  if (!core::parse_day(due_date)) throw ApiError(ErrorCode::kValidationFailed, "due_date");
  auto row = connection.query_one(
      "INSERT INTO case_tasks (case_id, title_enc, due_date, created_by_user_id, created_at) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {case_id, protector_.seal(title, kTaskTitleField), due_date, user_id, clock_.now_ms()});
  std::int64_t id = row->integer(0);
  append_event(connection, case_id, user_id, "task_added",
               "task " + std::to_string(id) + " due " + due_date);
  return read_task(*connection.query_one(std::string(kTaskColumns) + "WHERE id = $1", {id}),
                   protector_);
}

Task Timeline::complete_task(store::Connection& connection, std::int64_t case_id,
                             std::int64_t task_id, std::int64_t user_id) const {
  auto row = connection.query_one(std::string(kTaskColumns) + "WHERE id = $1 AND case_id = $2",
                                  {task_id, case_id});
  if (!row) throw ApiError(ErrorCode::kNotFound);
  if (row->integer(3) != 0) throw ApiError(ErrorCode::kInvalidState);
  connection.execute(
      "UPDATE case_tasks SET done = 1, done_at = $1, done_by_user_id = $2 WHERE id = $3",
      {clock_.now_ms(), user_id, task_id});
  append_event(connection, case_id, user_id, "task_done", "task " + std::to_string(task_id));
  return read_task(*connection.query_one(std::string(kTaskColumns) + "WHERE id = $1", {task_id}),
                   protector_);
}

std::vector<Task> Timeline::tasks(store::Connection& connection, std::int64_t case_id) const {
  std::vector<Task> out;
  for (const auto& row : connection.query(
           std::string(kTaskColumns) + "WHERE case_id = $1 ORDER BY due_date, id", {case_id})) {
    out.push_back(read_task(row, protector_));
  }
  return out;
}

Service Timeline::add_service(store::Connection& connection, std::int64_t case_id,
                              std::int64_t user_id, const std::string& kind,
                              const std::string& date, std::int64_t provider_agency_id,
                              std::chrono::year_month_day today) const {
  if (std::find(service_kinds().begin(), service_kinds().end(), kind) == service_kinds().end()) {
    throw ApiError(ErrorCode::kValidationFailed, "kind");
  }
  auto day = core::parse_day(date);
  if (!day || std::chrono::sys_days(*day) > std::chrono::sys_days(today)) {
    throw ApiError(ErrorCode::kValidationFailed, "date");
  }
  if (!accounts::AgencyStore().find(connection, provider_agency_id)) {
    throw ApiError(ErrorCode::kUnknownAgency, "provider_agency_id");
  }
  std::int64_t now = clock_.now_ms();
  auto row = connection.query_one(
      "INSERT INTO case_services (case_id, kind, delivered_on, provider_agency_id, "
      "recorded_by_user_id, recorded_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      {case_id, kind, date, provider_agency_id, user_id, now});
  std::int64_t id = row->integer(0);
  append_event(connection, case_id, user_id, "service_delivered",
               kind + " by agency " + std::to_string(provider_agency_id));
  return {id, kind, date, provider_agency_id, now};
}

std::vector<Service> Timeline::services(store::Connection& connection, std::int64_t case_id) const {
  std::vector<Service> out;
  for (const auto& row : connection.query(
           "SELECT id, kind, delivered_on, provider_agency_id, recorded_at FROM case_services "
           "WHERE case_id = $1 ORDER BY delivered_on, id",
           {case_id})) {
    out.push_back({row.integer(0), row.text(1), row.text(2), row.integer(3), row.integer(4)});
  }
  return out;
}

}  // namespace qorgau::cases
