// What happened in a case: the timeline of events, notes, tasks with due
// dates and the services delivered to the survivor.
//
// Invariants:
//  - every change to a case (by CaseStore or by this store) appends one event
//    to case_events through append_event(), on the same connection and so in
//    the caller's transaction: the change and its event commit together or
//    not at all;
//  - events hold codes and ids only ("kind", "detail"), never personal data;
//  - note texts and task titles are encrypted with crypto::Protector under
//    "case_notes.text" and "case_tasks.title";
//  - a task's due date and a service's date are real calendar days
//    (YYYY-MM-DD); a service is not dated after today and its kind is one of
//    service_kinds(); its provider is an existing agency;
//  - writes join the caller's transaction and validate before writing, so a
//    refused request changes nothing.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "crypto/protector.h"
#include "store/database.h"

namespace qorgau::cases {

// "medical", "psychological", "legal", "shelter", "social".
const std::vector<std::string_view>& service_kinds();

inline constexpr size_t kMaxNoteBytes = 10000;
inline constexpr size_t kMaxTaskTitleBytes = 500;

struct Event {
  std::int64_t id = 0;
  std::int64_t at_ms = 0;
  std::optional<std::int64_t> user_id;
  std::string kind;    // "opened", "status_changed", "assigned", "note_added", ...
  std::string detail;  // codes and ids only
};

struct Note {
  std::int64_t id = 0;
  std::string text;
  std::optional<std::int64_t> author_user_id;
  std::int64_t created_at = 0;
};

struct Task {
  std::int64_t id = 0;
  std::string title;
  std::string due_date;  // YYYY-MM-DD
  bool done = false;
  std::optional<std::int64_t> done_at;
  std::int64_t created_at = 0;
};

struct Service {
  std::int64_t id = 0;
  std::string kind;
  std::string delivered_on;  // YYYY-MM-DD
  std::int64_t provider_agency_id = 0;
  std::int64_t recorded_at = 0;
};

class Timeline {
 public:
  Timeline(const crypto::Protector& protector, const core::Clock& clock)
      : protector_(protector), clock_(clock) {}

  // Appends an event to the case's timeline within the caller's transaction.
  void append_event(store::Connection& connection, std::int64_t case_id,
                    std::optional<std::int64_t> user_id, std::string_view kind,
                    std::string_view detail) const;
  std::vector<Event> events(store::Connection& connection, std::int64_t case_id) const;

  // ApiError(kValidationFailed, "text") for an empty or too long text.
  Note add_note(store::Connection& connection, std::int64_t case_id, std::int64_t user_id,
                const std::string& text) const;
  std::vector<Note> notes(store::Connection& connection, std::int64_t case_id) const;

  // ApiError(kValidationFailed, "title" | "due_date").
  Task add_task(store::Connection& connection, std::int64_t case_id, std::int64_t user_id,
                const std::string& title, const std::string& due_date) const;
  // ApiError(kNotFound) if the task is not this case's; kInvalidState if already done.
  Task complete_task(store::Connection& connection, std::int64_t case_id, std::int64_t task_id,
                     std::int64_t user_id) const;
  std::vector<Task> tasks(store::Connection& connection, std::int64_t case_id) const;

  // ApiError(kValidationFailed, "kind" | "date"), kUnknownAgency for the provider.
  // `today` is the current date in the jurisdiction's time zone.
  Service add_service(store::Connection& connection, std::int64_t case_id, std::int64_t user_id,
                      const std::string& kind, const std::string& date,
                      std::int64_t provider_agency_id, std::chrono::year_month_day today) const;
  std::vector<Service> services(store::Connection& connection, std::int64_t case_id) const;

 private:
  const crypto::Protector& protector_;
  const core::Clock& clock_;
};

}  // namespace qorgau::cases
