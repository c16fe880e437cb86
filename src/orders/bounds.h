// The kinds of protective orders and court restrictions, and the legal bounds of their terms,
// read from the jurisdiction file (core/jurisdiction.h). Pure functions: no clock, no store.
//
// Invariants:
// - a term runs from the local start of `starts_on` to the local end of `ends_on` (both
//   inclusive days) in the jurisdiction's time zone: starts_at is the first UTC instant of
//   starts_on, ends_at the first instant of the day after ends_on (exclusive);
// - a term of N days has N days in force: ends_on = starts_on + N - 1;
// - a term of N months runs up to (not including) the same day of the month N months later,
//   or, when that month has no such day, up to the first day of the month after it; ends_on is
//   the day before. Bounds are inclusive: min <= N <= max of the kind's unit;
// - an extension keeps starts_on and moves ends_on later, never beyond the term of the kind's
//   maximum from starts_on;
// - a refused term is core::ApiError: kOrderKindUnavailable ("kind") for a kind the law does
//   not provide, kOrderOutOfBounds naming the field ("duration_days", "duration_months",
//   "ends_on"), kValidationFailed for the other unit's field or a start outside the window.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/jurisdiction.h"
#include "core/time_zone.h"

namespace qorgau::orders {

enum class OrderKind {
  kPoliceProtective,
  kEmergency,
  kCourtSpecialRequirements,
  kCourtCohabitationBan,
  kCourtPsychologicalCorrection,
};

// "police_protective", "emergency", "court_special_requirements", "court_cohabitation_ban",
// "court_psychological_correction".
std::string_view kind_name(OrderKind kind);
std::optional<OrderKind> parse_kind(std::string_view name);
const std::vector<OrderKind>& all_kinds();
// Court kinds carry the court's name and decision number.
bool is_court_kind(OrderKind kind);

enum class TermUnit { kDays, kMonths };

// What the jurisdiction allows for one kind.
struct KindRules {
  bool available = false;
  TermUnit unit = TermUnit::kDays;
  std::int64_t min = 0;  // in `unit`
  std::int64_t max = 0;
  std::vector<std::string> conditions;  // codes of core::order_condition_codes()
};

KindRules kind_rules(const core::Jurisdiction& jurisdiction, OrderKind kind);

struct Term {
  std::chrono::year_month_day starts_on;
  std::chrono::year_month_day ends_on;  // last day in force
  std::int64_t starts_at = 0;           // UTC ms, inclusive
  std::int64_t ends_at = 0;             // UTC ms, exclusive
};

// The last day in force of a term of `length` units from `starts_on`.
std::chrono::year_month_day term_end(std::chrono::year_month_day starts_on, TermUnit unit,
                                     std::int64_t length);

// The term of a new order. Exactly the kind's unit may be given; when neither duration is,
// the kind's maximum applies.
Term order_term(const core::Jurisdiction& jurisdiction, OrderKind kind,
                std::chrono::year_month_day starts_on, std::optional<std::int64_t> duration_days,
                std::optional<std::int64_t> duration_months);

// The term moved to end on `new_ends_on`: later than `current.ends_on` and within the maximum.
Term extended_term(const core::Jurisdiction& jurisdiction, OrderKind kind, const Term& current,
                   std::chrono::year_month_day new_ends_on);

// The UTC instants of a term of local days in `zone`.
Term local_term(const core::TimeZone& zone, std::chrono::year_month_day starts_on,
                std::chrono::year_month_day ends_on);

// An order may start at the earliest the day before `today` and at the latest 30 days after
// it (local days); kValidationFailed "starts_on" otherwise.
void check_start_window(std::chrono::year_month_day starts_on, std::chrono::year_month_day today);

}  // namespace qorgau::orders
