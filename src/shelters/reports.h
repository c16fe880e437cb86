// Statistics of the crisis-centre network for the ministry: occupancy over
// time, turn-aways for lack of space, admissions, average length of stay and
// admissions over capacity, per centre and per region. Counts only: no
// resident is named. Days are calendar days in the jurisdiction's time zone;
// a day's occupancy is the count at its end (the last change before midnight).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/jurisdiction.h"
#include "crypto/protector.h"
#include "shelters/shelters.h"
#include "store/database.h"

namespace qorgau::shelters {

struct DayOccupancy {
  std::string day;  // YYYY-MM-DD
  Counts occupied;
};

struct OverCapacityEvent {
  std::int64_t shelter_id = 0;
  std::int64_t at = 0;
  std::string reason;
};

struct CentreReport {
  std::int64_t shelter_id = 0;
  core::LocalizedText name;
  std::string region_kato;
  Counts capacity;
  std::vector<DayOccupancy> days;
  double occupancy_rate = 0;  // mean over days of occupied women / beds for women
  std::int64_t admissions = 0;
  std::optional<double> average_stay_days;  // of stays that ended in the period
  std::int64_t turnaways = 0;
  std::int64_t over_capacity_admissions = 0;
};

struct RegionReport {
  std::string region_kato;
  Counts capacity;
  double occupancy_rate = 0;
  std::int64_t admissions = 0;
  std::optional<double> average_stay_days;
  std::int64_t turnaways = 0;
  std::int64_t over_capacity_admissions = 0;
};

struct NetworkReport {
  std::string from;  // YYYY-MM-DD, inclusive
  std::string to;
  std::vector<CentreReport> centres;
  std::vector<RegionReport> regions;
  std::vector<OverCapacityEvent> over_capacity_events;
};

// The report for [from, to] (at most 366 days; ApiError(kValidationFailed) otherwise).
NetworkReport build_report(store::Connection& connection, const ShelterStore& shelters,
                           const crypto::Protector& protector,
                           const core::Jurisdiction& jurisdiction, const std::string& from,
                           const std::string& to, const std::optional<std::string>& region_kato);

}  // namespace qorgau::shelters
