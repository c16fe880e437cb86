#include "shelters/reports.h"

#include <chrono>
#include <map>

#include "core/calendar_day.h"
#include "core/error.h"
#include "core/time_zone.h"

namespace qorgau::shelters {

using core::ApiError;
using core::ErrorCode;

namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

std::string format_day(std::int64_t day) {
  return core::format_day(
      std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{day}}});
}

// Days since 1970-01-01 of a YYYY-MM-DD text, or nullopt if it is not a real calendar day.
std::optional<std::int64_t> day_number(const std::string& text) {
  auto day = core::parse_day(text);
  if (!day) return std::nullopt;
  return std::chrono::sys_days{*day}.time_since_epoch().count();
}

// The UTC instant at which local day `day` (days since epoch) ends in `zone`.
std::int64_t local_day_end(std::int64_t day, const core::TimeZone& zone) {
  return zone.local_day_end_utc_ms(std::chrono::sys_days{std::chrono::days{day}});
}

struct Totals {
  double occupied_women_days = 0;
  double bed_days = 0;
  double stay_days = 0;
  std::int64_t stays = 0;
};

std::optional<double> mean(double sum, std::int64_t count) {
  if (count == 0) return std::nullopt;
  return sum / static_cast<double>(count);
}

}  // namespace

NetworkReport build_report(store::Connection& connection, const ShelterStore& shelters,
                           const crypto::Protector& protector,
                           const core::Jurisdiction& jurisdiction, const std::string& from,
                           const std::string& to, const std::optional<std::string>& region_kato) {
  auto first = day_number(from);
  if (!first) throw ApiError(ErrorCode::kValidationFailed, "from");
  auto last = day_number(to);
  if (!last || *last < *first || *last - *first > 365) {
    throw ApiError(ErrorCode::kValidationFailed, "to");
  }
  const core::TimeZone& zone = *jurisdiction.zone;
  std::int64_t period_start = local_day_end(*first - 1, zone);
  std::int64_t period_end = local_day_end(*last, zone);

  NetworkReport report{from, to, {}, {}, {}};
  std::map<std::string, std::pair<RegionReport, Totals>> regions;
  for (const Shelter& shelter : shelters.list(connection, region_kato)) {
    CentreReport centre;
    centre.shelter_id = shelter.id;
    centre.name = shelter.service.name;
    centre.region_kato = shelter.service.region_kato;
    centre.capacity = shelter.capacity;
    Totals totals;
    for (std::int64_t day = *first; day <= *last; ++day) {
      auto row = connection.query_one(
          "SELECT occupied_women, occupied_children, occupied_accessible FROM "
          "shelter_occupancy_log WHERE shelter_id = $1 AND at < $2 ORDER BY at DESC, id DESC "
          "LIMIT 1",
          {shelter.id, local_day_end(day, zone)});
      Counts occupied;
      if (row) occupied = {row->integer(0), row->integer(1), row->integer(2)};
      centre.days.push_back({format_day(day), occupied});
      totals.occupied_women_days += static_cast<double>(occupied.women);
      totals.bed_days += static_cast<double>(shelter.capacity.women);
    }
    centre.occupancy_rate = totals.bed_days > 0 ? totals.occupied_women_days / totals.bed_days : 0;
    std::vector<store::Value> range = {shelter.id, period_start, period_end};
    auto admitted = connection.query_one(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN over_capacity_reason_enc IS NULL THEN 0 ELSE 1 "
        "END), 0) FROM shelter_admissions WHERE shelter_id = $1 AND admitted_at >= $2 AND "
        "admitted_at < $3",
        range);
    centre.admissions = admitted->integer(0);
    centre.over_capacity_admissions = admitted->integer(1);
    auto stays = connection.query_one(
        "SELECT COUNT(*), COALESCE(SUM(discharged_at - admitted_at), 0) FROM shelter_admissions "
        "WHERE shelter_id = $1 AND discharged_at >= $2 AND discharged_at < $3",
        range);
    totals.stays = stays->integer(0);
    totals.stay_days = static_cast<double>(stays->integer(1)) / static_cast<double>(kDayMs);
    centre.average_stay_days = mean(totals.stay_days, totals.stays);
    centre.turnaways = connection
                           .query_one(
                               "SELECT COUNT(*) FROM shelter_turnaways WHERE shelter_id = $1 AND "
                               "at >= $2 AND at < $3",
                               range)
                           ->integer(0);
    for (const auto& event : connection.query(
             "SELECT at, reason_enc FROM shelter_occupancy_log WHERE shelter_id = $1 AND at >= $2 "
             "AND at < $3 AND reason_enc IS NOT NULL ORDER BY at",
             range)) {
      report.over_capacity_events.push_back(
          {shelter.id, event.integer(0), protector.open(event.bytes(1), kOverCapacityReasonField)});
    }

    auto& [region, region_totals] = regions[centre.region_kato];
    region.region_kato = centre.region_kato;
    region.capacity = region.capacity + centre.capacity;
    region.admissions += centre.admissions;
    region.turnaways += centre.turnaways;
    region.over_capacity_admissions += centre.over_capacity_admissions;
    region_totals.occupied_women_days += totals.occupied_women_days;
    region_totals.bed_days += totals.bed_days;
    region_totals.stay_days += totals.stay_days;
    region_totals.stays += totals.stays;
    report.centres.push_back(std::move(centre));
  }
  for (auto& [kato, entry] : regions) {
    auto& [region, totals] = entry;
    region.occupancy_rate = totals.bed_days > 0 ? totals.occupied_women_days / totals.bed_days : 0;
    region.average_stay_days = mean(totals.stay_days, totals.stays);
    report.regions.push_back(region);
  }
  return report;
}

}  // namespace qorgau::shelters
