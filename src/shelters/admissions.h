// Admission, stay and discharge of a household at a crisis centre. The
// woman's identity is recorded as the state standard requires (full name and
// IIN or birth date when the jurisdiction's crisis_centre.identity_required),
// in people/ (encrypted, owned by the centre's agency); so are her children.
//
// Invariants:
//  - admitting takes beds: from the household's own hold when it came by
//    referral (the hold is filled, the referral marked admitted and purged),
//    otherwise from free places; a household that does not fit needs an
//    over-capacity reason (ApiError kOverCapacityReasonRequired), which is
//    stored encrypted and reported to the ministry;
//  - occupancy moves with every admission and discharge (ShelterStore);
//  - the maximum stay is the jurisdiction's crisis_centre.max_stay_months,
//    counted in calendar months from admission; an alert is raised
//    crisis_centre.max_stay_warning_days before it ends.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/jurisdiction.h"
#include "people/people.h"
#include "shelters/referrals.h"
#include "shelters/shelters.h"

namespace qorgau::shelters {

// "medical", "psychological", "legal", "social", "education", "other".
const std::vector<std::string_view>& stay_service_kinds();
// "own_home", "relatives", "independent_housing", "another_shelter",
// "returned_to_aggressor", "other", "unknown".
const std::vector<std::string_view>& discharge_destinations();
// "no_space", "needs_not_met", "other" (as decline_reasons()).
const std::vector<std::string_view>& turnaway_reasons();

struct ServiceDelivered {
  std::string kind;
  std::int64_t at = 0;
};

struct Admission {
  std::int64_t id = 0;
  std::int64_t shelter_id = 0;
  std::optional<std::int64_t> referral_id;
  people::Person woman;
  std::vector<people::Person> children;
  bool accessible = false;
  std::int64_t admitted_at = 0;
  std::optional<std::string> over_capacity_reason;
  std::vector<ServiceDelivered> services;
  std::optional<std::int64_t> discharged_at;
  std::optional<std::string> destination;
  std::int64_t max_stay_ends_at = 0;
  std::string max_stay_alert;  // "ok", "approaching", "exceeded" (current stays only)
  std::int64_t days_stayed = 0;
};

struct NewAdmission {
  std::optional<std::int64_t> referral_id;
  people::NewPerson woman;
  std::vector<people::NewPerson> children;
  bool accessible = false;
  std::optional<std::string> over_capacity_reason;
};

// admitted_at plus `months` calendar months (UTC date arithmetic; the 31st
// becomes the month's last day).
std::int64_t add_calendar_months(std::int64_t unix_ms, int months);

class AdmissionStore {
 public:
  AdmissionStore(const ShelterStore& shelters, const HoldStore& holds,
                 const ReferralStore& referrals, const people::PersonStore& people,
                 const crypto::Protector& protector, const core::Clock& clock,
                 const core::Jurisdiction& jurisdiction)
      : shelters_(shelters),
        holds_(holds),
        referrals_(referrals),
        people_(people),
        protector_(protector),
        clock_(clock),
        jurisdiction_(jurisdiction) {}

  Admission admit(store::Connection& connection, std::int64_t shelter_id,
                  const NewAdmission& admission) const;
  std::optional<Admission> find(store::Connection& connection, std::int64_t id) const;
  // Current residents (or everyone ever admitted), longest stay first.
  std::vector<Admission> list(store::Connection& connection, std::int64_t shelter_id,
                              bool current_only) const;
  Admission add_service(store::Connection& connection, std::int64_t id, std::string_view kind,
                        std::int64_t user_id) const;
  // Frees the household's places. ApiError(kInvalidState) if already discharged.
  Admission discharge(store::Connection& connection, std::int64_t id,
                      std::string_view destination) const;

 private:
  Admission read(store::Connection& connection, const store::Row& row) const;

  const ShelterStore& shelters_;
  const HoldStore& holds_;
  const ReferralStore& referrals_;
  const people::PersonStore& people_;
  const crypto::Protector& protector_;
  const core::Clock& clock_;
  const core::Jurisdiction& jurisdiction_;
};

}  // namespace qorgau::shelters
