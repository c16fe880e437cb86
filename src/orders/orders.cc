#include "orders/orders.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <set>

#include <nlohmann/json.hpp>

#include "core/calendar_day.h"
#include "core/error.h"
#include "orders/stored_conditions.h"
#include "people/people.h"

namespace qorgau::orders {

using core::ApiError;
using core::ErrorCode;
using nlohmann::json;

namespace {

constexpr const char* kConditionsField = "orders.conditions";
constexpr const char* kContactRouteField = "orders.contact_route";
constexpr const char* kCourtDecisionField = "orders.court_decision";
constexpr const char* kRespondentIinField = "orders.respondent_iin";
constexpr const char* kRespondentNameBirthField = "orders.respondent_name_birth";
constexpr const char* kPlaceField = "order_violations.place";
constexpr const char* kDescriptionField = "order_violations.description";
constexpr size_t kMaxCourtTextBytes = 300;
constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

constexpr const char* kColumns =
    "SELECT o.id, o.case_id, o.kind, o.starts_on, o.ends_on, o.starts_at, o.ends_at, "
    "o.conditions_enc, o.contact_route_enc, o.court_name, o.court_decision_enc, o.issued_at, "
    "o.issued_by_user_id, o.served_at, o.served_by_user_id, o.extended, o.revoked_at, "
    "o.revoke_reason, o.violated FROM orders o ";

bool valid_text(const std::string& text, size_t max_bytes) {
  return !text.empty() && text.size() <= max_bytes;
}

std::chrono::year_month_day stored_day(const std::string& text) {
  auto day = core::parse_day(text);
  if (!day) throw std::runtime_error("orders: stored day is not a date");
  return *day;
}

// The conditions against the kind's rules (see the invariants); kValidationFailed "conditions".
void check_conditions(const KindRules& rules, OrderKind kind,
                      const std::vector<Condition>& conditions) {
  auto refuse = [] { throw ApiError(ErrorCode::kValidationFailed, "conditions"); };
  if (conditions.empty() && kind != OrderKind::kCourtPsychologicalCorrection) refuse();
  std::set<std::string> seen;
  for (const Condition& c : conditions) {
    bool allowed = std::find(rules.conditions.begin(), rules.conditions.end(), c.code) !=
                   rules.conditions.end();
    if (!allowed || !seen.insert(c.code).second) refuse();
    bool approach = c.code == "no_approach";
    bool visiting = c.code == "no_visiting";
    if (approach != c.metres.has_value() || visiting != c.places.has_value()) refuse();
    if (approach && (*c.metres < 1 || *c.metres > kMaxApproachMetres)) refuse();
    if (visiting && !valid_text(*c.places, kMaxTextBytes)) refuse();
  }
}

void check_court(OrderKind kind, const std::optional<Court>& court) {
  if (is_court_kind(kind) != court.has_value()) {
    throw ApiError(ErrorCode::kValidationFailed, "court");
  }
  if (!court) return;
  if (!valid_text(court->name, kMaxCourtTextBytes)) {
    throw ApiError(ErrorCode::kValidationFailed, "court.name");
  }
  if (!valid_text(court->decision_number, kMaxCourtTextBytes)) {
    throw ApiError(ErrorCode::kValidationFailed, "court.decision_number");
  }
}

store::Value optional_value(const std::optional<std::int64_t>& v) {
  return v ? store::Value(*v) : store::Value(nullptr);
}

std::vector<std::int64_t> parse_ids(const std::string& text) {
  return json::parse(text).get<std::vector<std::int64_t>>();
}

}  // namespace

std::string order_number(std::int64_t id) {
  char text[32];
  std::snprintf(text, sizeof text, "O-%06lld", static_cast<long long>(id));
  return text;
}

std::string Order::number() const {
  return order_number(id);
}

std::string VerifiedOrder::number() const {
  return order_number(id);
}

std::string_view Order::status(std::int64_t now_ms) const {
  return derive_status(served_at.has_value(), revoked_at.has_value(), violated, term.ends_at,
                       now_ms);
}

bool Order::in_force(std::int64_t now_ms) const {
  return served_at && !revoked_at && term.starts_at <= now_ms && now_ms < term.ends_at;
}

const std::vector<std::string_view>& order_statuses() {
  static const std::vector<std::string_view> kStatuses = {"issued", "active", "violated", "expired",
                                                          "revoked"};
  return kStatuses;
}

std::string_view derive_status(bool served, bool revoked, bool violated, std::int64_t ends_at,
                               std::int64_t now_ms) {
  if (revoked) return "revoked";
  if (now_ms >= ends_at) return "expired";
  if (!served) return "issued";
  return violated ? "violated" : "active";
}

std::string status_predicate(std::string_view status,
                             const std::function<std::string()>& bind_now) {
  if (status == "revoked") return "o.revoked_at IS NOT NULL";
  std::string now = bind_now();
  if (status == "expired") return "o.revoked_at IS NULL AND o.ends_at <= " + now;
  std::string current = "o.revoked_at IS NULL AND o.ends_at > " + now;
  if (status == "issued") return current + " AND o.served_at IS NULL";
  if (status == "active") return current + " AND o.served_at IS NOT NULL AND o.violated = 0";
  if (status == "violated") return current + " AND o.served_at IS NOT NULL AND o.violated = 1";
  throw std::invalid_argument("unknown order status");
}

const std::vector<std::string_view>& revoke_reasons() {
  static const std::vector<std::string_view> kReasons = {"court_decision", "issued_in_error",
                                                         "other"};
  return kReasons;
}

core::Bytes respondent_iin_key(const crypto::Protector& protector, std::string_view iin) {
  return protector.index(iin, kRespondentIinField);
}

core::Bytes respondent_name_birth_key(const crypto::Protector& protector,
                                      std::string_view full_name, std::string_view birth_date) {
  // The unit separator cannot occur in a folded name, so name and date cannot run together.
  return protector.index(people::fold_name(full_name) + '\x1f' + std::string(birth_date),
                         kRespondentNameBirthField);
}

core::Bytes OrderStore::seal_conditions(const std::vector<Condition>& conditions) const {
  return protector_.seal(write_stored_conditions(conditions), kConditionsField);
}

std::vector<Condition> OrderStore::open_conditions(const core::Bytes& sealed) const {
  return read_stored_conditions(protector_.open(sealed, kConditionsField));
}

Order OrderStore::create(store::Connection& connection, const cases::Case& found,
                         const NewOrder& input, std::optional<std::int64_t> user_id) const {
  Term term = order_term(jurisdiction_, input.kind, input.starts_on, input.duration_days,
                         input.duration_months);
  std::int64_t now = clock_.now_ms();
  check_start_window(input.starts_on, jurisdiction_.zone->local_date(now));
  check_conditions(kind_rules(jurisdiction_, input.kind), input.kind, input.conditions);
  if (!valid_text(input.protected_contact_route, kMaxTextBytes)) {
    throw ApiError(ErrorCode::kValidationFailed, "protected_contact_route");
  }
  check_court(input.kind, input.court);
  if (found.status == "closed") throw ApiError(ErrorCode::kInvalidState);
  auto aggressor = people_.find(connection, found.aggressor_person_id);
  if (!aggressor) throw std::runtime_error("orders: the case's aggressor is missing");
  store::Value iin_key = nullptr;
  if (aggressor->iin) iin_key = respondent_iin_key(protector_, *aggressor->iin);
  store::Value name_birth_key = nullptr;
  if (aggressor->birth_date) {
    name_birth_key =
        respondent_name_birth_key(protector_, aggressor->full_name, *aggressor->birth_date);
  }
  store::Value court_name = nullptr;
  store::Value court_decision = nullptr;
  if (input.court) {
    court_name = input.court->name;
    court_decision = protector_.seal(input.court->decision_number, kCourtDecisionField);
  }
  auto row = connection.query_one(
      "INSERT INTO orders (case_id, kind, starts_on, ends_on, starts_at, ends_at, conditions_enc, "
      "contact_route_enc, court_name, court_decision_enc, respondent_iin_bidx, "
      "respondent_name_birth_bidx, issued_at, issued_by_user_id) VALUES ($1, $2, $3, $4, $5, $6, "
      "$7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
      {found.id, std::string(kind_name(input.kind)), core::format_day(term.starts_on),
       core::format_day(term.ends_on), term.starts_at, term.ends_at,
       seal_conditions(input.conditions),
       protector_.seal(input.protected_contact_route, kContactRouteField), court_name,
       court_decision, iin_key, name_birth_key, now, optional_value(user_id)});
  std::int64_t id = row->integer(0);
  timeline_.append_event(connection, found.id, user_id, "order_issued",
                         "order " + std::to_string(id) + " " + std::string(kind_name(input.kind)));
  return open_order(connection, id);
}

Order OrderStore::read(store::Connection& connection, const store::Row& row) const {
  Order o;
  o.id = row.integer(0);
  o.case_id = row.integer(1);
  o.kind = parse_kind(row.text(2)).value_or(OrderKind::kPoliceProtective);
  o.term = {stored_day(row.text(3)), stored_day(row.text(4)), row.integer(5), row.integer(6)};
  o.conditions = open_conditions(row.bytes(7));
  o.protected_contact_route = protector_.open(row.bytes(8), kContactRouteField);
  if (auto name = row.optional_text(9)) {
    o.court = Court{*name, protector_.open(row.bytes(10), kCourtDecisionField)};
  }
  o.issued_at = row.integer(11);
  o.issued_by_user_id = row.optional_integer(12);
  o.served_at = row.optional_integer(13);
  o.served_by_user_id = row.optional_integer(14);
  o.extended = row.integer(15) != 0;
  o.revoked_at = row.optional_integer(16);
  o.revoke_reason = row.optional_text(17);
  o.violated = row.integer(18) != 0;
  for (const auto& v : connection.query(
           "SELECT id, occurred_at, place_enc, description_enc, evidence_ids, recorded_at, "
           "recorded_by_user_id FROM order_violations WHERE order_id = $1 ORDER BY id",
           {o.id})) {
    o.violations.push_back({v.integer(0), o.id, v.integer(1),
                            protector_.open(v.bytes(2), kPlaceField),
                            protector_.open(v.bytes(3), kDescriptionField), parse_ids(v.text(4)),
                            v.integer(5), v.optional_integer(6)});
  }
  for (const auto& f : connection.query(
           "SELECT id, violation_id, kind, repeat_breach, arrest_requested, status, basis, "
           "opened_at FROM order_follow_ups WHERE order_id = $1 ORDER BY id",
           {o.id})) {
    o.follow_ups.push_back({f.integer(0), o.id, f.integer(1), f.text(2), f.integer(3) != 0,
                            f.integer(4) != 0, f.text(5), f.text(6), f.integer(7)});
  }
  for (const auto& a :
       connection.query("SELECT id, session_on, attended, recorded_at, recorded_by_user_id FROM "
                        "order_attendance WHERE order_id = $1 ORDER BY session_on",
                        {o.id})) {
    o.attendance.push_back(
        {a.integer(0), a.text(1), a.integer(2) != 0, a.integer(3), a.optional_integer(4)});
  }
  return o;
}

std::optional<Order> OrderStore::find(store::Connection& connection, std::int64_t id) const {
  auto row = connection.query_one(std::string(kColumns) + "WHERE o.id = $1", {id});
  if (!row) return std::nullopt;
  return read(connection, *row);
}

Order OrderStore::open_order(store::Connection& connection, std::int64_t id) const {
  auto found = find(connection, id);
  if (!found) throw ApiError(ErrorCode::kNotFound);
  return *found;
}

std::vector<Order> OrderStore::for_case(store::Connection& connection, std::int64_t case_id) const {
  std::vector<Order> out;
  for (const auto& row :
       connection.query(std::string(kColumns) + "WHERE o.case_id = $1 ORDER BY o.id", {case_id})) {
    out.push_back(read(connection, row));
  }
  return out;
}

Order OrderStore::serve(store::Connection& connection, std::int64_t id,
                        std::optional<std::int64_t> served_at, std::int64_t user_id) const {
  Order o = open_order(connection, id);
  std::int64_t now = clock_.now_ms();
  if (o.status(now) != "issued") throw ApiError(ErrorCode::kInvalidState);
  std::int64_t at = served_at.value_or(now);
  if (at > now || at < o.issued_at - kDayMs) {
    throw ApiError(ErrorCode::kValidationFailed, "served_at");
  }
  connection.execute("UPDATE orders SET served_at = $1, served_by_user_id = $2 WHERE id = $3",
                     {at, user_id, id});
  timeline_.append_event(connection, o.case_id, user_id, "order_served",
                         "order " + std::to_string(id));
  return open_order(connection, id);
}

Order OrderStore::extend(store::Connection& connection, std::int64_t id,
                         std::chrono::year_month_day new_ends_on, std::int64_t user_id) const {
  Order o = open_order(connection, id);
  std::string_view status = o.status(clock_.now_ms());
  if (status == "revoked" || status == "expired") throw ApiError(ErrorCode::kInvalidState);
  Term term = extended_term(jurisdiction_, o.kind, o.term, new_ends_on);
  connection.execute("UPDATE orders SET ends_on = $1, ends_at = $2, extended = 1 WHERE id = $3",
                     {core::format_day(term.ends_on), term.ends_at, id});
  timeline_.append_event(
      connection, o.case_id, user_id, "order_extended",
      "order " + std::to_string(id) + " ends_on " + core::format_day(term.ends_on));
  return open_order(connection, id);
}

Order OrderStore::revoke(store::Connection& connection, std::int64_t id, std::string_view reason,
                         std::int64_t user_id) const {
  if (std::find(revoke_reasons().begin(), revoke_reasons().end(), reason) ==
      revoke_reasons().end()) {
    throw ApiError(ErrorCode::kValidationFailed, "reason");
  }
  Order o = open_order(connection, id);
  std::int64_t now = clock_.now_ms();
  std::string_view status = o.status(now);
  if (status == "revoked" || status == "expired") throw ApiError(ErrorCode::kInvalidState);
  connection.execute(
      "UPDATE orders SET revoked_at = $1, revoked_by_user_id = $2, revoke_reason = $3 "
      "WHERE id = $4",
      {now, user_id, std::string(reason), id});
  timeline_.append_event(connection, o.case_id, user_id, "order_revoked",
                         "order " + std::to_string(id) + " " + std::string(reason));
  return open_order(connection, id);
}

Attendance OrderStore::record_attendance(store::Connection& connection, std::int64_t id,
                                         std::chrono::year_month_day session_on, bool attended,
                                         std::int64_t user_id) const {
  Order o = open_order(connection, id);
  if (o.kind != OrderKind::kCourtPsychologicalCorrection || o.revoked_at) {
    throw ApiError(ErrorCode::kInvalidState);
  }
  std::int64_t now = clock_.now_ms();
  std::chrono::sys_days day(session_on);
  std::chrono::sys_days today(jurisdiction_.zone->local_date(now));
  if (day < std::chrono::sys_days(o.term.starts_on) ||
      day > std::min(std::chrono::sys_days(o.term.ends_on), today)) {
    throw ApiError(ErrorCode::kValidationFailed, "session_on");
  }
  std::string session = core::format_day(session_on);
  if (connection.query_one(
          "SELECT id FROM order_attendance WHERE order_id = $1 AND session_on = $2",
          {id, session})) {
    throw ApiError(ErrorCode::kValidationFailed, "session_on");
  }
  auto row = connection.query_one(
      "INSERT INTO order_attendance (order_id, session_on, attended, recorded_at, "
      "recorded_by_user_id) VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {id, session, static_cast<std::int64_t>(attended), now, user_id});
  timeline_.append_event(
      connection, o.case_id, user_id, "order_attendance",
      "order " + std::to_string(id) + " " + session + " " + (attended ? "attended" : "missed"));
  return {row->integer(0), session, attended, now, user_id};
}

ViolationResult OrderStore::record_violation(store::Connection& connection, std::int64_t id,
                                             const NewViolation& input,
                                             std::int64_t user_id) const {
  Order o = open_order(connection, id);
  if (!o.served_at) throw ApiError(ErrorCode::kInvalidState);
  std::int64_t now = clock_.now_ms();
  std::int64_t end =
      std::min(o.term.ends_at, o.revoked_at.value_or(std::numeric_limits<std::int64_t>::max()));
  if (input.occurred_at < o.term.starts_at || input.occurred_at >= end || input.occurred_at > now) {
    throw ApiError(ErrorCode::kValidationFailed, "occurred_at");
  }
  if (!valid_text(input.place, kMaxTextBytes)) {
    throw ApiError(ErrorCode::kValidationFailed, "place");
  }
  if (!valid_text(input.description, kMaxTextBytes)) {
    throw ApiError(ErrorCode::kValidationFailed, "description");
  }
  bool repeat =
      connection.query_one("SELECT COUNT(*) FROM order_violations WHERE case_id = $1", {o.case_id})
          ->integer(0) > 0;
  const core::OrderBreach& breach = jurisdiction_.order_breach;
  core::Liability liability = repeat ? breach.repeat_liability : breach.liability;
  std::string kind =
      liability == core::Liability::kCriminal ? "criminal_case" : "administrative_case";
  bool arrest = repeat && liability == core::Liability::kAdministrative && breach.arrest_possible;
  std::string evidence = json(input.evidence_ids).dump();
  std::int64_t violation_id =
      connection
          .query_one(
              "INSERT INTO order_violations (order_id, case_id, occurred_at, place_enc, "
              "description_enc, evidence_ids, recorded_at, recorded_by_user_id) VALUES ($1, $2, "
              "$3, $4, $5, $6, $7, $8) RETURNING id",
              {id, o.case_id, input.occurred_at, protector_.seal(input.place, kPlaceField),
               protector_.seal(input.description, kDescriptionField), evidence, now, user_id})
          ->integer(0);
  connection.execute("UPDATE orders SET violated = 1 WHERE id = $1", {id});
  std::int64_t follow_up_id =
      connection
          .query_one(
              "INSERT INTO order_follow_ups (order_id, violation_id, kind, repeat_breach, "
              "arrest_requested, status, basis, opened_at, opened_by_user_id) VALUES ($1, $2, $3, "
              "$4, $5, 'opened', $6, $7, $8) RETURNING id",
              {id, violation_id, kind, static_cast<std::int64_t>(repeat),
               static_cast<std::int64_t>(arrest), breach.legal_basis, now, user_id})
          ->integer(0);
  timeline_.append_event(
      connection, o.case_id, user_id, "order_violated",
      "order " + std::to_string(id) + " violation " + std::to_string(violation_id));
  timeline_.append_event(
      connection, o.case_id, user_id, "follow_up_opened",
      "follow_up " + std::to_string(follow_up_id) + " " + kind + (repeat ? " repeat" : ""));
  return {
      {violation_id, id, input.occurred_at, input.place, input.description, input.evidence_ids, now,
       user_id},
      {follow_up_id, id, violation_id, kind, repeat, arrest, "opened", breach.legal_basis, now}};
}

namespace {

// The lookup of the orders in force against one respondent key, by `column`: built once per
// column, not per verification.
std::string in_force_select(std::string_view column) {
  return "SELECT " + std::string(kSealedVerifiedColumns) + " FROM orders WHERE " +
         std::string(column) +
         " = $1 AND ends_at > $2 AND starts_at <= $2 AND served_at IS NOT NULL AND revoked_at IS "
         "NULL";
}

}  // namespace

SealedVerifiedOrder read_sealed_verified(const store::Row& row) {
  return {row.integer(0),      parse_kind(row.text(1)).value_or(OrderKind::kPoliceProtective),
          row.text(2),         row.text(3),
          row.integer(4),      row.integer(5),
          row.integer(6) != 0, row.bytes(7),
          row.bytes(8)};
}

std::vector<VerifiedOrder> OrderStore::open_in_force(
    const std::vector<SealedVerifiedOrder>& sealed) const {
  std::vector<VerifiedOrder> out;
  out.reserve(sealed.size());
  for (const SealedVerifiedOrder& o : sealed) {
    out.push_back({o.id, o.kind, o.starts_on, o.ends_on, o.violated,
                   open_conditions(o.conditions_enc),
                   protector_.open(o.contact_route_enc, kContactRouteField)});
  }
  return out;
}

std::vector<VerifiedOrder> OrderStore::in_force(store::Connection& connection,
                                                const std::string& select,
                                                const core::Bytes& key) const {
  std::vector<SealedVerifiedOrder> sealed;
  for (const auto& row : connection.query(select, {key, clock_.now_ms()})) {
    sealed.push_back(read_sealed_verified(row));
  }
  // Oldest first. Sorted here, not in SQL: the index gives rows by (key, end), and a sort in
  // SQLite sets up a sorter for every lookup, most of which find nothing.
  std::sort(sealed.begin(), sealed.end(),
            [](const SealedVerifiedOrder& a, const SealedVerifiedOrder& b) { return a.id < b.id; });
  return open_in_force(sealed);
}

std::vector<VerifiedOrder> OrderStore::in_force_by_iin(store::Connection& connection,
                                                       const core::Bytes& key) const {
  static const std::string kSelect = in_force_select("respondent_iin_bidx");
  return in_force(connection, kSelect, key);
}

std::vector<VerifiedOrder> OrderStore::in_force_by_name_birth(store::Connection& connection,
                                                              const core::Bytes& key) const {
  static const std::string kSelect = in_force_select("respondent_name_birth_bidx");
  return in_force(connection, kSelect, key);
}

}  // namespace qorgau::orders
