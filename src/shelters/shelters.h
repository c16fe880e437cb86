// Crisis centres with shelter beds: capacity, live occupancy and what is free
// right now. A centre's public face (name, region, phone, languages) is its
// row in the help directory (help/directory.h, kind crisis_centre); this
// store adds what only staff see: beds, occupancy, holds, admission rules and
// the street address (encrypted, shown only to the centre's own staff and the
// ministry's coordinator).
//
// Invariants:
//  - available = capacity - occupied - held, never below zero; `held` counts
//    only active holds that have not expired (a hold releases itself by time);
//  - occupancy never goes below zero; above capacity only with a reason,
//    which is logged with the change (shelter_occupancy_log);
//  - every change of occupancy writes one log row with the counts after it,
//    so occupancy over time can be reported;
//  - callers change occupancy inside a store::Transaction: the write lock
//    taken at begin() serialises checks and changes, so two workers can
//    never fill the last bed twice.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/jurisdiction.h"
#include "crypto/protector.h"
#include "help/directory.h"
#include "store/database.h"

namespace qorgau::shelters {

// Encryption context of the over-capacity reasons in the occupancy log.
inline constexpr std::string_view kOverCapacityReasonField = "shelter_occupancy_log.reason";

// Beds for women, beds or cots for children, accessible rooms.
struct Counts {
  std::int64_t women = 0;
  std::int64_t children = 0;
  std::int64_t accessible = 0;

  Counts operator+(const Counts& o) const {
    return {women + o.women, children + o.children, accessible + o.accessible};
  }
  Counts operator-(const Counts& o) const {
    return {women - o.women, children - o.children, accessible - o.accessible};
  }
  bool operator==(const Counts&) const = default;
  // Every count of this household fits within `room`.
  bool fits_in(const Counts& room) const {
    return women <= room.women && children <= room.children && accessible <= room.accessible;
  }
};

struct Shelter {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  help::HelpService service;  // the public directory entry
  Counts capacity;
  Counts occupied;
  Counts held;  // active, unexpired holds
  std::int64_t occupancy_updated_at = 0;
  std::string admission_rules;
  std::optional<std::string> address;

  // capacity - occupied - held, each at least zero.
  Counts available() const;
};

struct ShelterDetails {
  help::HelpService service;  // kind is forced to crisis_centre, needs derived
  Counts capacity;
  std::string admission_rules;
  std::optional<std::string> address;
};

class ShelterStore {
 public:
  ShelterStore(const help::HelpDirectory& directory, const crypto::Protector& protector,
               const core::Clock& clock)
      : directory_(directory), protector_(protector), clock_(clock) {}

  // Creates the directory entry and the shelter, with zero occupancy.
  // Throws ApiError(kValidationFailed) for negative capacity or no beds.
  Shelter create(store::Connection& connection, std::int64_t agency_id,
                 ShelterDetails details) const;
  // Replaces details and capacity (agency and region stay). False if unknown.
  bool update(store::Connection& connection, std::int64_t id, ShelterDetails details) const;
  std::optional<Shelter> find(store::Connection& connection, std::int64_t id) const;
  // All centres, or those of one region, ordered by id.
  std::vector<Shelter> list(store::Connection& connection,
                            const std::optional<std::string>& region_kato) const;

  // Moves occupancy by `delta`; below zero -> ApiError(kValidationFailed);
  // above capacity without `over_capacity_reason` ->
  // ApiError(kOverCapacityReasonRequired). Logs the change. Returns the shelter after it.
  Shelter change_occupancy(store::Connection& connection, std::int64_t id, const Counts& delta,
                           const std::optional<std::string>& over_capacity_reason) const;

  // A household this centre could not take in ("no_space", "needs_not_met", "other").
  void record_turnaway(store::Connection& connection, std::int64_t shelter_id,
                       const Counts& household, std::string_view reason) const;

 private:
  Shelter read(store::Connection& connection, const store::Row& row) const;
  void validate(const ShelterDetails& details) const;

  const help::HelpDirectory& directory_;
  const crypto::Protector& protector_;
  const core::Clock& clock_;
};

}  // namespace qorgau::shelters
