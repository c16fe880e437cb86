// Holds: a bed kept for a household while a case worker refers her. A hold
// lasts the jurisdiction's crisis_centre.hold_minutes (90 in kz) and then
// releases itself: an active hold past its expires_at no longer counts
// against vacancy and reads as "expired" (and is swept to that status on the
// next write), so no timer is needed and none can be missed by a restart.
//
// Invariant: place() checks the vacancy and inserts the hold inside the
// caller's store::Transaction, whose write lock is taken at begin(); two
// concurrent holds on the last bed therefore cannot both succeed.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "shelters/shelters.h"
#include "store/database.h"

namespace qorgau::shelters {

struct Hold {
  std::int64_t id = 0;
  std::int64_t shelter_id = 0;
  Counts household;  // accessible is 0 or 1
  std::int64_t held_by_user_id = 0;
  std::int64_t held_by_agency_id = 0;
  std::string status;  // "active", "released", "filled", "expired"
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
};

class HoldStore {
 public:
  HoldStore(const ShelterStore& shelters, const core::Clock& clock, std::chrono::minutes lifetime)
      : shelters_(shelters), clock_(clock), lifetime_(lifetime) {}

  // Holds room for `household` (women >= 1) at shelter `shelter_id`.
  // ApiError(kNotFound) for an unknown shelter, kNoVacancy when it does not fit.
  Hold place(store::Connection& connection, std::int64_t shelter_id, const Counts& household,
             std::int64_t user_id, std::int64_t agency_id) const;
  // With its effective status (an active hold past expiry reads "expired").
  std::optional<Hold> find(store::Connection& connection, std::int64_t id) const;
  // Active -> released. ApiError(kInvalidState) when not active.
  Hold release(store::Connection& connection, std::int64_t id) const;
  // Active -> filled (the household arrived). ApiError(kHoldExpired) if expired.
  void fill(store::Connection& connection, std::int64_t id) const;
  // Marks every active hold past expiry as expired; returns how many.
  std::int64_t sweep_expired(store::Connection& connection) const;

 private:
  const ShelterStore& shelters_;
  const core::Clock& clock_;
  std::chrono::minutes lifetime_;
};

}  // namespace qorgau::shelters
