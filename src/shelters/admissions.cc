#include "shelters/admissions.h"

#include <algorithm>
#include <chrono>

#include "core/error.h"

namespace qorgau::shelters {

using core::ApiError;
using core::ErrorCode;

namespace {

constexpr std::string_view kReasonField = "shelter_admissions.over_capacity_reason";
constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

constexpr const char* kSelect =
    "SELECT id, shelter_id, person_id, referral_id, accessible, children, "
    "over_capacity_reason_enc, admitted_at, discharged_at, destination FROM shelter_admissions";

}  // namespace

const std::vector<std::string_view>& stay_service_kinds() {
  static const std::vector<std::string_view> kKinds = {"medical", "psychological", "legal",
                                                       "social",  "education",     "other"};
  return kKinds;
}

const std::vector<std::string_view>& discharge_destinations() {
  static const std::vector<std::string_view> kDestinations = {
      "own_home", "relatives", "independent_housing", "another_shelter", "returned_to_aggressor",
      "other",    "unknown"};
  return kDestinations;
}

const std::vector<std::string_view>& turnaway_reasons() {
  return decline_reasons();
}

std::int64_t add_calendar_months(std::int64_t unix_ms, int months) {
  using namespace std::chrono;
  sys_time<milliseconds> t{milliseconds{unix_ms}};
  sys_days day = floor<days>(t);
  milliseconds time_of_day = t - day;
  year_month_day date{day};
  year_month_day moved = date + std::chrono::months{months};
  if (!moved.ok()) moved = year_month_day_last{moved.year(), month_day_last{moved.month()}};
  return (sys_days{moved} + time_of_day).time_since_epoch().count();
}

Admission AdmissionStore::admit(store::Connection& connection, std::int64_t shelter_id,
                                const NewAdmission& request) const {
  auto shelter = shelters_.find(connection, shelter_id);
  if (!shelter) throw ApiError(ErrorCode::kNotFound);
  if (jurisdiction_.crisis_centre.identity_required && !request.woman.iin &&
      !request.woman.birth_date) {
    throw ApiError(ErrorCode::kMissingField, "iin");
  }
  if (request.children.size() > 30) throw ApiError(ErrorCode::kValidationFailed, "children");
  Counts household{1, static_cast<std::int64_t>(request.children.size()),
                   request.accessible ? 1 : 0};

  holds_.sweep_expired(connection);
  Counts room = shelter->available();
  std::optional<Referral> referral;
  std::optional<Hold> hold;
  if (request.referral_id) {
    referral = referrals_.find(connection, *request.referral_id);
    if (!referral || referral->shelter_id != shelter_id) {
      throw ApiError(ErrorCode::kNotFound, "referral_id");
    }
    hold = holds_.find(connection, referral->hold_id);
    if (hold && hold->status == "active") room = room + hold->household;
  }
  bool fits = household.fits_in(room);
  if (!fits && !request.over_capacity_reason) {
    throw ApiError(ErrorCode::kOverCapacityReasonRequired, "over_capacity_reason");
  }

  people::NewPerson woman = request.woman;
  woman.sex = woman.sex.value_or("female");
  people::Person admitted = people_.create(connection, woman, shelter->agency_id);
  store::Value reason = nullptr;
  if (!fits) reason = protector_.seal(*request.over_capacity_reason, kReasonField);
  store::Value referral_id = nullptr;
  if (referral) referral_id = referral->id;
  auto row = connection.query_one(
      "INSERT INTO shelter_admissions (shelter_id, person_id, referral_id, accessible, children, "
      "over_capacity_reason_enc, admitted_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
      {shelter_id, admitted.id, referral_id, household.accessible, household.children, reason,
       clock_.now_ms()});
  std::int64_t id = row->integer(0);
  for (const auto& child : request.children) {
    people::Person created = people_.create(connection, child, shelter->agency_id);
    connection.execute(
        "INSERT INTO shelter_admission_children (admission_id, person_id) VALUES ($1, $2)",
        {id, created.id});
  }
  if (referral) {
    if (hold && hold->status == "active") holds_.fill(connection, hold->id);
    referrals_.mark_admitted(connection, referral->id);
  }
  std::optional<std::string> occupancy_reason;
  if (!fits) occupancy_reason = request.over_capacity_reason;
  shelters_.change_occupancy(connection, shelter_id, household, occupancy_reason);
  return *find(connection, id);
}

Admission AdmissionStore::read(store::Connection& connection, const store::Row& row) const {
  Admission a;
  a.id = row.integer(0);
  a.shelter_id = row.integer(1);
  a.woman = *people_.find(connection, row.integer(2));
  a.referral_id = row.optional_integer(3);
  a.accessible = row.integer(4) != 0;
  if (auto sealed = row.optional_bytes(6)) {
    a.over_capacity_reason = protector_.open(*sealed, kReasonField);
  }
  a.admitted_at = row.integer(7);
  a.discharged_at = row.optional_integer(8);
  a.destination = row.optional_text(9);
  for (const auto& child :
       connection.query("SELECT person_id FROM shelter_admission_children WHERE admission_id = $1 "
                        "ORDER BY person_id",
                        {a.id})) {
    a.children.push_back(*people_.find(connection, child.integer(0)));
  }
  for (const auto& service : connection.query(
           "SELECT kind, at FROM shelter_services_delivered WHERE admission_id = $1 ORDER BY id",
           {a.id})) {
    a.services.push_back({service.text(0), service.integer(1)});
  }
  std::int64_t now = clock_.now_ms();
  int months = static_cast<int>(jurisdiction_.crisis_centre.max_stay_months.count());
  a.max_stay_ends_at = add_calendar_months(a.admitted_at, months);
  std::int64_t warning = std::chrono::duration_cast<std::chrono::milliseconds>(
                             jurisdiction_.crisis_centre.max_stay_warning_days)
                             .count();
  a.max_stay_alert = "ok";
  if (!a.discharged_at && now >= a.max_stay_ends_at) {
    a.max_stay_alert = "exceeded";
  } else if (!a.discharged_at && now >= a.max_stay_ends_at - warning) {
    a.max_stay_alert = "approaching";
  }
  a.days_stayed = (a.discharged_at.value_or(now) - a.admitted_at) / kDayMs;
  return a;
}

std::optional<Admission> AdmissionStore::find(store::Connection& connection,
                                              std::int64_t id) const {
  auto rows = connection.query(std::string(kSelect) + " WHERE id = $1", {id});
  if (rows.empty()) return std::nullopt;
  return read(connection, rows.front());
}

std::vector<Admission> AdmissionStore::list(store::Connection& connection, std::int64_t shelter_id,
                                            bool current_only) const {
  std::string sql = std::string(kSelect) + " WHERE shelter_id = $1";
  if (current_only) sql += " AND discharged_at IS NULL";
  sql += " ORDER BY admitted_at, id LIMIT 500";
  std::vector<Admission> out;
  for (const auto& row : connection.query(sql, {shelter_id})) {
    out.push_back(read(connection, row));
  }
  return out;
}

Admission AdmissionStore::add_service(store::Connection& connection, std::int64_t id,
                                      std::string_view kind, std::int64_t user_id) const {
  auto admission = find(connection, id);
  if (!admission) throw ApiError(ErrorCode::kNotFound);
  if (admission->discharged_at) throw ApiError(ErrorCode::kInvalidState);
  connection.execute(
      "INSERT INTO shelter_services_delivered (admission_id, kind, at, recorded_by_user_id) "
      "VALUES ($1, $2, $3, $4)",
      {id, std::string(kind), clock_.now_ms(), user_id});
  return *find(connection, id);
}

Admission AdmissionStore::discharge(store::Connection& connection, std::int64_t id,
                                    std::string_view destination) const {
  auto admission = find(connection, id);
  if (!admission) throw ApiError(ErrorCode::kNotFound);
  if (admission->discharged_at) throw ApiError(ErrorCode::kInvalidState);
  connection.execute(
      "UPDATE shelter_admissions SET discharged_at = $1, destination = $2 WHERE id = $3",
      {clock_.now_ms(), std::string(destination), id});
  // Staff may have corrected the count by hand meanwhile: never go below zero.
  auto shelter = shelters_.find(connection, admission->shelter_id);
  Counts household{1, static_cast<std::int64_t>(admission->children.size()),
                   admission->accessible ? 1 : 0};
  Counts freed{std::min(household.women, shelter->occupied.women),
               std::min(household.children, shelter->occupied.children),
               std::min(household.accessible, shelter->occupied.accessible)};
  shelters_.change_occupancy(connection, admission->shelter_id, Counts{} - freed, std::nullopt);
  return *find(connection, id);
}

}  // namespace qorgau::shelters
