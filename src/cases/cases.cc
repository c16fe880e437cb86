#include "cases/cases.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "accounts/agencies.h"
#include "core/code_list.h"
#include "core/error.h"
#include "intake/report.h"

namespace qorgau::cases {

using core::ApiError;
using core::ErrorCode;

namespace {

constexpr const char* kColumns =
    "SELECT id, case_number, survivor_person_id, aggressor_person_id, status, basis, ground, "
    "incident_types, region_kato, owner_agency_id, assigned_agency_id, assigned_user_id, offence, "
    "repeat_offence, report_id, opened_at, opened_by_user_id, closed_at, close_reason FROM cases ";

template <typename List>
bool on_list(const List& list, std::string_view code) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

Case read(const store::Row& row) {
  Case c;
  c.id = row.integer(0);
  c.case_number = row.optional_text(1).value_or("");
  c.survivor_person_id = row.integer(2);
  c.aggressor_person_id = row.integer(3);
  c.status = row.text(4);
  c.basis = row.text(5);
  c.ground = row.optional_text(6);
  c.incident_types = core::split_codes(row.text(7));
  c.region_kato = row.text(8);
  c.owner_agency_id = row.integer(9);
  c.assigned_agency_id = row.optional_integer(10);
  c.assigned_user_id = row.optional_integer(11);
  c.offence = row.optional_text(12);
  c.repeat_offence = row.integer(13) != 0;
  c.report_id = row.optional_integer(14);
  c.opened_at = row.integer(15);
  c.opened_by_user_id = row.optional_integer(16);
  c.closed_at = row.optional_integer(17);
  c.close_reason = row.optional_text(18);
  return c;
}

bool person_exists(store::Connection& connection, std::int64_t id) {
  return connection.query_one("SELECT 1 FROM people WHERE id = $1", {id}).has_value();
}

std::string case_number(std::int64_t id) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "C-%06lld", static_cast<long long>(id));
  return buffer;
}

}  // namespace

const std::vector<std::string_view>& case_statuses() {
  static const std::vector<std::string_view> kStatuses = {"opened", "under_investigation",
                                                          "sent_to_court", "decided", "closed"};
  return kStatuses;
}

const std::vector<std::pair<std::string_view, std::string_view>>& allowed_transitions() {
  static const std::vector<std::pair<std::string_view, std::string_view>> kTable = {
      {"opened", "under_investigation"},
      {"under_investigation", "sent_to_court"},
      {"sent_to_court", "decided"},
      {"opened", "closed"},
      {"under_investigation", "closed"},
      {"sent_to_court", "closed"},
      {"decided", "closed"},
  };
  return kTable;
}

bool transition_allowed(std::string_view from, std::string_view to) {
  const auto& table = allowed_transitions();
  return std::any_of(table.begin(), table.end(),
                     [&](const auto& row) { return row.first == from && row.second == to; });
}

const std::vector<std::string_view>& opening_bases() {
  static const std::vector<std::string_view> kBases = {"complaint", "without_complaint"};
  return kBases;
}

const std::vector<std::string_view>& close_reasons() {
  static const std::vector<std::string_view> kReasons = {
      "decision_executed", "no_offence", "insufficient_evidence",
      "reconciliation",    "duplicate",  "transferred"};
  return kReasons;
}

const std::vector<std::string_view>& offence_codes() {
  static const std::vector<std::string_view> kOffences = {
      "battery", "minor_harm",      "moderate_harm", "grave_harm",
      "threat",  "sexual_violence", "stalking",      "other"};
  return kOffences;
}

bool reconciliation_barred(const core::Jurisdiction& jurisdiction, std::string_view offence,
                           bool repeat) {
  if (jurisdiction.reconciliation.barred(offence)) return true;
  return repeat && jurisdiction.reconciliation.barred("repeat_" + std::string(offence));
}

Case CaseStore::create(store::Connection& connection, const NewCase& input,
                       std::optional<std::int64_t> user_id) const {
  if (!person_exists(connection, input.survivor_person_id)) {
    throw ApiError(ErrorCode::kValidationFailed, "survivor_person_id");
  }
  if (!person_exists(connection, input.aggressor_person_id) ||
      input.aggressor_person_id == input.survivor_person_id) {
    throw ApiError(ErrorCode::kValidationFailed, "aggressor_person_id");
  }
  if (!on_list(opening_bases(), input.basis)) {
    throw ApiError(ErrorCode::kValidationFailed, "basis");
  }
  if (input.basis == "complaint") {
    if (input.ground) throw ApiError(ErrorCode::kValidationFailed, "ground");
  } else {
    const auto& without = jurisdiction_.case_without_complaint;
    if (!without.allowed) throw ApiError(ErrorCode::kValidationFailed, "basis");
    if (!input.ground) throw ApiError(ErrorCode::kMissingField, "ground");
    if (!on_list(without.grounds, *input.ground)) {
      throw ApiError(ErrorCode::kValidationFailed, "ground");
    }
  }
  std::set<std::string> seen;
  for (const auto& type : input.incident_types) {
    if (!on_list(intake::incident_types(), type) || !seen.insert(type).second) {
      throw ApiError(ErrorCode::kValidationFailed, "incident_types");
    }
  }
  if (input.incident_types.empty()) throw ApiError(ErrorCode::kMissingField, "incident_types");
  if (!jurisdiction_.find_region(input.region_kato)) {
    throw ApiError(ErrorCode::kUnknownRegion, "region_kato");
  }
  if (!accounts::AgencyStore().find(connection, input.owner_agency_id)) {
    throw ApiError(ErrorCode::kUnknownAgency, "owner_agency_id");
  }
  if (input.offence && !on_list(offence_codes(), *input.offence)) {
    throw ApiError(ErrorCode::kValidationFailed, "offence");
  }
  store::Value ground = nullptr;
  if (input.ground) ground = *input.ground;
  store::Value offence = nullptr;
  if (input.offence) offence = *input.offence;
  store::Value report = nullptr;
  if (input.report_id) report = *input.report_id;
  store::Value user = nullptr;
  if (user_id) user = *user_id;
  auto row = connection.query_one(
      "INSERT INTO cases (survivor_person_id, aggressor_person_id, status, basis, ground, "
      "incident_types, region_kato, owner_agency_id, offence, repeat_offence, report_id, "
      "opened_at, opened_by_user_id) VALUES ($1, $2, 'opened', $3, $4, $5, $6, $7, $8, $9, $10, "
      "$11, $12) RETURNING id",
      {input.survivor_person_id, input.aggressor_person_id, input.basis, ground,
       core::join_codes(input.incident_types), input.region_kato, input.owner_agency_id, offence,
       std::int64_t{input.repeat_offence ? 1 : 0}, report, clock_.now_ms(), user});
  std::int64_t id = row->integer(0);
  connection.execute("UPDATE cases SET case_number = $1 WHERE id = $2", {case_number(id), id});
  std::string detail = input.basis;
  if (input.ground) detail += " " + *input.ground;
  if (input.report_id) detail += " report " + std::to_string(*input.report_id);
  timeline_.append_event(connection, id, user_id, "opened", detail);
  return *find(connection, id);
}

std::optional<Case> CaseStore::find(store::Connection& connection, std::int64_t id) const {
  auto row = connection.query_one(std::string(kColumns) + "WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return read(*row);
}

Case CaseStore::open_case(store::Connection& connection, std::int64_t id) const {
  auto found = find(connection, id);
  if (!found) throw ApiError(ErrorCode::kNotFound);
  if (found->status == "closed") throw ApiError(ErrorCode::kInvalidState);
  return *found;
}

Case CaseStore::transition(store::Connection& connection, std::int64_t id, std::string_view to,
                           const std::optional<std::string>& reason, std::int64_t user_id) const {
  if (!on_list(case_statuses(), to)) throw ApiError(ErrorCode::kValidationFailed, "to");
  Case current = open_case(connection, id);
  if (to == "closed") {
    if (!reason) throw ApiError(ErrorCode::kMissingField, "reason");
    if (!on_list(close_reasons(), *reason)) throw ApiError(ErrorCode::kValidationFailed, "reason");
  } else if (reason) {
    throw ApiError(ErrorCode::kUnknownField, "reason");
  }
  if (!transition_allowed(current.status, to)) throw ApiError(ErrorCode::kInvalidState);
  if (to == "closed" && *reason == "reconciliation" && current.offence &&
      reconciliation_barred(jurisdiction_, *current.offence, current.repeat_offence)) {
    throw ApiError(ErrorCode::kReconciliationBarred);
  }
  std::string target(to);
  if (to == "closed") {
    connection.execute(
        "UPDATE cases SET status = 'closed', closed_at = $1, close_reason = $2 WHERE id = $3",
        {clock_.now_ms(), *reason, id});
    timeline_.append_event(connection, id, user_id, "closed", current.status + " " + *reason);
  } else {
    connection.execute("UPDATE cases SET status = $1 WHERE id = $2", {target, id});
    timeline_.append_event(connection, id, user_id, "status_changed",
                           current.status + " " + target);
  }
  return *find(connection, id);
}

Case CaseStore::assign(store::Connection& connection, std::int64_t id, std::int64_t agency_id,
                       std::optional<std::int64_t> assigned_user_id, std::int64_t user_id) const {
  open_case(connection, id);
  if (!accounts::AgencyStore().find(connection, agency_id)) {
    throw ApiError(ErrorCode::kUnknownAgency, "agency_id");
  }
  store::Value assignee = nullptr;
  std::string detail = "agency " + std::to_string(agency_id);
  if (assigned_user_id) {
    auto row = connection.query_one(
        "SELECT agency_id FROM users WHERE id = $1 AND status = 'active'", {*assigned_user_id});
    if (!row || row->integer(0) != agency_id) {
      throw ApiError(ErrorCode::kValidationFailed, "user_id");
    }
    assignee = *assigned_user_id;
    detail += " user " + std::to_string(*assigned_user_id);
  }
  connection.execute(
      "UPDATE cases SET assigned_agency_id = $1, assigned_user_id = $2 WHERE id = $3",
      {agency_id, assignee, id});
  timeline_.append_event(connection, id, user_id, "assigned", detail);
  return *find(connection, id);
}

Case CaseStore::record_offence(store::Connection& connection, std::int64_t id,
                               const std::string& offence, bool repeat,
                               std::int64_t user_id) const {
  open_case(connection, id);
  if (!on_list(offence_codes(), offence)) throw ApiError(ErrorCode::kValidationFailed, "offence");
  connection.execute("UPDATE cases SET offence = $1, repeat_offence = $2 WHERE id = $3",
                     {offence, std::int64_t{repeat ? 1 : 0}, id});
  timeline_.append_event(connection, id, user_id, "offence_recorded",
                         offence + (repeat ? " repeat" : ""));
  return *find(connection, id);
}

std::vector<Case> CaseStore::for_person(store::Connection& connection,
                                        std::int64_t person_id) const {
  std::vector<Case> out;
  for (const auto& row :
       connection.query(std::string(kColumns) +
                            "WHERE survivor_person_id = $1 OR aggressor_person_id = $1 ORDER BY id",
                        {person_id})) {
    out.push_back(read(row));
  }
  return out;
}

}  // namespace qorgau::cases
