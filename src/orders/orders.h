// The registry of protective orders and court restrictions: issue, serve, extend, revoke,
// attendance of a correction programme, violations and the follow-ups they open, and the
// field verification of a person.
//
// Invariants:
//  - an order belongs to one case; its respondent is the case's aggressor, whose IIN and folded
//    full name with birth date are kept only as blind indexes (respondent_iin_key,
//    respondent_name_birth_key) so that verification is one indexed lookup;
//  - its term is within the kind's legal bounds (orders/bounds.h) when issued and when
//    extended; conditions are the kind's allowed ones, each at most once, `no_approach` with
//    metres (1..10000) and `no_visiting` with places (free text); at least one condition except
//    for a psychological correction programme; court kinds carry the court's name and decision
//    number, police kinds none;
//  - the status is derived at read time (derive_status), never stored: revoked, else expired
//    when now >= ends_at, else issued until served, else violated with a violation, else
//    active. An order is in force when served, not revoked and starts_at <= now < ends_at;
//  - serve, extend and revoke apply to an order that is neither revoked nor expired (and serve
//    to one not yet served); anything else is ApiError(kInvalidState);
//  - a violation is recorded against a served order, at an instant within its term (before
//    its revocation) and not in the future; in the same transaction the order becomes violated
//    and a follow-up opens: the jurisdiction's liability for a first breach in the case, its
//    repeat liability for a later one (repeat = true), with arrest requested when a repeat
//    breach stays administrative and the law allows arrest;
//  - free text (conditions' places, the protected person's contact route, the court decision
//    number, a violation's place and description) is encrypted with crypto::Protector;
//  - every change appends its timeline event (order_issued, order_served, order_extended,
//    order_revoked, order_violated, follow_up_opened) in the caller's transaction, after
//    validation: a refused call writes nothing. Audit is the caller's.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/cases.h"
#include "cases/timeline.h"
#include "core/clock.h"
#include "core/jurisdiction.h"
#include "crypto/protector.h"
#include "orders/bounds.h"
#include "people/people.h"
#include "store/database.h"

namespace qorgau::orders {

inline constexpr std::int64_t kMaxApproachMetres = 10000;
inline constexpr size_t kMaxTextBytes = 2000;

struct Condition {
  std::string code;
  std::optional<std::int64_t> metres;  // no_approach only
  std::optional<std::string> places;   // no_visiting only
};

struct Court {
  std::string name;
  std::string decision_number;
};

struct NewOrder {
  OrderKind kind = OrderKind::kPoliceProtective;
  std::chrono::year_month_day starts_on;
  std::optional<std::int64_t> duration_days;
  std::optional<std::int64_t> duration_months;
  std::vector<Condition> conditions;
  std::string protected_contact_route;
  std::optional<Court> court;
};

struct Violation {
  std::int64_t id = 0;
  std::int64_t order_id = 0;
  std::int64_t occurred_at = 0;
  std::string place;
  std::string description;
  std::vector<std::int64_t> evidence_ids;
  std::int64_t recorded_at = 0;
  std::optional<std::int64_t> recorded_by_user_id;
};

struct NewViolation {
  std::int64_t occurred_at = 0;
  std::string place;
  std::string description;
  std::vector<std::int64_t> evidence_ids;  // evidence of the order's case (checked by the caller)
};

struct FollowUp {
  std::int64_t id = 0;
  std::int64_t order_id = 0;
  std::int64_t violation_id = 0;
  std::string kind;  // "administrative_case" | "criminal_case"
  bool repeat = false;
  bool arrest_requested = false;
  std::string status;  // "opened"
  std::string basis;   // the legal basis of the liability
  std::int64_t opened_at = 0;
};

struct Attendance {
  std::int64_t id = 0;
  std::string session_on;  // YYYY-MM-DD
  bool attended = false;
  std::int64_t recorded_at = 0;
  std::optional<std::int64_t> recorded_by_user_id;
};

struct Order {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  OrderKind kind = OrderKind::kPoliceProtective;
  Term term;
  std::vector<Condition> conditions;
  std::string protected_contact_route;
  std::optional<Court> court;
  std::int64_t issued_at = 0;
  std::optional<std::int64_t> issued_by_user_id;
  std::optional<std::int64_t> served_at;
  std::optional<std::int64_t> served_by_user_id;
  bool extended = false;
  std::optional<std::int64_t> revoked_at;
  std::optional<std::string> revoke_reason;
  bool violated = false;
  std::vector<Violation> violations;
  std::vector<FollowUp> follow_ups;
  std::vector<Attendance> attendance;

  std::string number() const;  // "O-000042"
  std::string_view status(std::int64_t now_ms) const;
  bool in_force(std::int64_t now_ms) const;
};

// "O-000042": an order's number, from its id.
std::string order_number(std::int64_t id);

// "issued", "active", "violated", "expired", "revoked".
const std::vector<std::string_view>& order_statuses();
std::string_view derive_status(bool served, bool revoked, bool violated, std::int64_t ends_at,
                               std::int64_t now_ms);
// The same rule as SQL over the orders table (alias `o`). `bind_now` binds the current time
// and returns its placeholder; it is called only by the statuses that depend on time.
std::string status_predicate(std::string_view status, const std::function<std::string()>& bind_now);
// "court_decision", "issued_in_error", "other".
const std::vector<std::string_view>& revoke_reasons();

// Blind indexes of the respondent: over the IIN's digits, and over the folded full name
// (people::fold_name) joined to the birth date (YYYY-MM-DD).
core::Bytes respondent_iin_key(const crypto::Protector& protector, std::string_view iin);
core::Bytes respondent_name_birth_key(const crypto::Protector& protector,
                                      std::string_view full_name, std::string_view birth_date);

// What a field check shows of an order in force: nothing about the case.
struct VerifiedOrder {
  std::int64_t id = 0;
  OrderKind kind = OrderKind::kPoliceProtective;
  std::string starts_on;
  std::string ends_on;
  bool violated = false;
  std::vector<Condition> conditions;
  std::string protected_contact_route;

  std::string number() const;
};

// An order in force as stored, before decryption: what the SQL lookup and the in-memory
// orders::VerificationIndex both give, and OrderStore::open_in_force turns into VerifiedOrder.
struct SealedVerifiedOrder {
  std::int64_t id = 0;
  OrderKind kind = OrderKind::kPoliceProtective;
  std::string starts_on;
  std::string ends_on;
  std::int64_t starts_at = 0;  // in force while starts_at <= now < ends_at
  std::int64_t ends_at = 0;
  bool violated = false;
  core::Bytes conditions_enc;
  core::Bytes contact_route_enc;
};

// The columns of `orders` a SealedVerifiedOrder is read from, in read_sealed_verified's order.
inline constexpr std::string_view kSealedVerifiedColumns =
    "id, kind, starts_on, ends_on, starts_at, ends_at, violated, conditions_enc, "
    "contact_route_enc";
inline constexpr std::size_t kSealedVerifiedColumnCount = 9;
// Reads the kSealedVerifiedColumns at the start of `row`.
SealedVerifiedOrder read_sealed_verified(const store::Row& row);

struct ViolationResult {
  Violation violation;
  FollowUp follow_up;
};

class OrderStore {
 public:
  OrderStore(const crypto::Protector& protector, const people::PersonStore& people,
             const cases::Timeline& timeline, const core::Jurisdiction& jurisdiction,
             const core::Clock& clock)
      : protector_(protector),
        people_(people),
        timeline_(timeline),
        jurisdiction_(jurisdiction),
        clock_(clock) {}

  // Issues an order in `found` against its aggressor (see the invariants).
  Order create(store::Connection& connection, const cases::Case& found, const NewOrder& input,
               std::optional<std::int64_t> user_id) const;
  // The order with its violations, follow-ups and attendance.
  std::optional<Order> find(store::Connection& connection, std::int64_t id) const;
  // The case's orders, oldest first.
  std::vector<Order> for_case(store::Connection& connection, std::int64_t case_id) const;

  // `served_at` defaults to now; given, it is not in the future nor a day before issue.
  Order serve(store::Connection& connection, std::int64_t id, std::optional<std::int64_t> served_at,
              std::int64_t user_id) const;
  Order extend(store::Connection& connection, std::int64_t id,
               std::chrono::year_month_day new_ends_on, std::int64_t user_id) const;
  Order revoke(store::Connection& connection, std::int64_t id, std::string_view reason,
               std::int64_t user_id) const;
  // A session of a psychological correction programme, within the term and not after today;
  // one record a day.
  Attendance record_attendance(store::Connection& connection, std::int64_t id,
                               std::chrono::year_month_day session_on, bool attended,
                               std::int64_t user_id) const;
  ViolationResult record_violation(store::Connection& connection, std::int64_t id,
                                   const NewViolation& input, std::int64_t user_id) const;

  // Orders in force against the respondent with this key (respondent_*_key), oldest first,
  // read from the database (orders::VerificationIndex holds the same in memory).
  std::vector<VerifiedOrder> in_force_by_iin(store::Connection& connection,
                                             const core::Bytes& key) const;
  std::vector<VerifiedOrder> in_force_by_name_birth(store::Connection& connection,
                                                    const core::Bytes& key) const;
  // Decrypts what a field check shows, keeping the order of `sealed`.
  std::vector<VerifiedOrder> open_in_force(const std::vector<SealedVerifiedOrder>& sealed) const;

 private:
  Order read(store::Connection& connection, const store::Row& row) const;
  Order open_order(store::Connection& connection, std::int64_t id) const;
  // `select` is in_force_select() for the blind-index column looked up.
  std::vector<VerifiedOrder> in_force(store::Connection& connection, const std::string& select,
                                      const core::Bytes& key) const;
  core::Bytes seal_conditions(const std::vector<Condition>& conditions) const;
  std::vector<Condition> open_conditions(const core::Bytes& sealed) const;

  const crypto::Protector& protector_;
  const people::PersonStore& people_;
  const cases::Timeline& timeline_;
  const core::Jurisdiction& jurisdiction_;
  const core::Clock& clock_;
};

}  // namespace qorgau::orders
