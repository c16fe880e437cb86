#include "orders/bounds.h"

#include <array>
#include <utility>

#include "core/error.h"

namespace qorgau::orders {

using core::ApiError;
using core::ErrorCode;

namespace {

using std::chrono::days;
using std::chrono::months;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr std::array<std::pair<OrderKind, std::string_view>, 5> kKindNames = {{
    {OrderKind::kPoliceProtective, "police_protective"},
    {OrderKind::kEmergency, "emergency"},
    {OrderKind::kCourtSpecialRequirements, "court_special_requirements"},
    {OrderKind::kCourtCohabitationBan, "court_cohabitation_ban"},
    {OrderKind::kCourtPsychologicalCorrection, "court_psychological_correction"},
}};

// How far ahead an order may be dated, and how far back (a late entry of yesterday's order).
constexpr days kLatestStartAhead{30};
constexpr days kEarliestStartBack{1};

KindRules day_rules(bool available, days min, days max, std::vector<std::string> conditions) {
  return {available, TermUnit::kDays, min.count(), max.count(), std::move(conditions)};
}

KindRules month_rules(bool available, months min, months max, std::vector<std::string> conditions) {
  return {available, TermUnit::kMonths, min.count(), max.count(), std::move(conditions)};
}

// The first day after a term of `length` units from `starts_on`.
sys_days term_end_exclusive(year_month_day starts_on, TermUnit unit, std::int64_t length) {
  if (unit == TermUnit::kDays) return sys_days(starts_on) + days(length);
  year_month_day same_day = starts_on + months(length);
  if (same_day.ok()) return sys_days(same_day);
  // 31 January + 1 month: February has no 31st, so the term runs through February.
  std::chrono::year_month next =
      std::chrono::year_month(same_day.year(), same_day.month()) + months(1);
  return sys_days(next / std::chrono::day{1});
}

std::string_view duration_field(TermUnit unit) {
  return unit == TermUnit::kDays ? "duration_days" : "duration_months";
}

}  // namespace

std::string_view kind_name(OrderKind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "police_protective";
}

std::optional<OrderKind> parse_kind(std::string_view name) {
  for (const auto& [kind, n] : kKindNames) {
    if (n == name) return kind;
  }
  return std::nullopt;
}

const std::vector<OrderKind>& all_kinds() {
  static const std::vector<OrderKind> kAll = [] {
    std::vector<OrderKind> out;
    out.reserve(kKindNames.size());
    for (const auto& entry : kKindNames) out.push_back(entry.first);
    return out;
  }();
  return kAll;
}

bool is_court_kind(OrderKind kind) {
  return kind != OrderKind::kPoliceProtective && kind != OrderKind::kEmergency;
}

KindRules kind_rules(const core::Jurisdiction& j, OrderKind kind) {
  switch (kind) {
    case OrderKind::kPoliceProtective:
      return day_rules(true, j.protective_order.min_days, j.protective_order.max_days,
                       j.protective_order.conditions);
    case OrderKind::kEmergency:
      return day_rules(j.emergency_order.enabled, j.emergency_order.min_days,
                       j.emergency_order.max_days, j.emergency_order.conditions);
    case OrderKind::kCourtSpecialRequirements:
      return month_rules(true, j.special_requirements.min_months, j.special_requirements.max_months,
                         j.special_requirements.conditions);
    case OrderKind::kCourtCohabitationBan:
      return month_rules(j.cohabitation_ban.available, j.cohabitation_ban.min_months,
                         j.cohabitation_ban.max_months, j.cohabitation_ban.conditions);
    case OrderKind::kCourtPsychologicalCorrection:
      return month_rules(
          j.psychological_correction.court_mandated, j.psychological_correction.min_months,
          j.psychological_correction.max_months, j.psychological_correction.conditions);
  }
  return {};
}

year_month_day term_end(year_month_day starts_on, TermUnit unit, std::int64_t length) {
  return year_month_day(term_end_exclusive(starts_on, unit, length) - days(1));
}

Term local_term(const core::TimeZone& zone, year_month_day starts_on, year_month_day ends_on) {
  return {starts_on, ends_on, zone.local_day_start_utc_ms(starts_on),
          zone.local_day_end_utc_ms(ends_on)};
}

Term order_term(const core::Jurisdiction& jurisdiction, OrderKind kind, year_month_day starts_on,
                std::optional<std::int64_t> duration_days,
                std::optional<std::int64_t> duration_months) {
  KindRules rules = kind_rules(jurisdiction, kind);
  if (!rules.available) throw ApiError(ErrorCode::kOrderKindUnavailable, "kind");
  bool in_days = rules.unit == TermUnit::kDays;
  const std::optional<std::int64_t>& given = in_days ? duration_days : duration_months;
  const std::optional<std::int64_t>& other = in_days ? duration_months : duration_days;
  if (other) {
    throw ApiError(ErrorCode::kValidationFailed,
                   std::string(duration_field(in_days ? TermUnit::kMonths : TermUnit::kDays)));
  }
  std::int64_t length = given.value_or(rules.max);
  if (length < rules.min || length > rules.max) {
    throw ApiError(ErrorCode::kOrderOutOfBounds, std::string(duration_field(rules.unit)));
  }
  return local_term(*jurisdiction.zone, starts_on, term_end(starts_on, rules.unit, length));
}

Term extended_term(const core::Jurisdiction& jurisdiction, OrderKind kind, const Term& current,
                   year_month_day new_ends_on) {
  KindRules rules = kind_rules(jurisdiction, kind);
  year_month_day latest = term_end(current.starts_on, rules.unit, rules.max);
  if (sys_days(new_ends_on) <= sys_days(current.ends_on) ||
      sys_days(new_ends_on) > sys_days(latest)) {
    throw ApiError(ErrorCode::kOrderOutOfBounds, "ends_on");
  }
  return local_term(*jurisdiction.zone, current.starts_on, new_ends_on);
}

void check_start_window(year_month_day starts_on, year_month_day today) {
  sys_days start(starts_on);
  if (start < sys_days(today) - kEarliestStartBack || start > sys_days(today) + kLatestStartAhead) {
    throw ApiError(ErrorCode::kValidationFailed, "starts_on");
  }
}

}  // namespace qorgau::orders
