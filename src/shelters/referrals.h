// Opaque referrals (after the "Finding A Bed Tonight" DV practice): the
// referring worker sends a crisis centre only the household's size, its
// needs (codes, no free text), the urgency and her own call-back number. No
// name, no address of the woman ever travels in a referral; the centre
// learns who she is only when she arrives (admissions.h).
//
// Lifecycle: sent -> accepted -> admitted, or sent/accepted -> declined or
// cancelled (the referrer released the hold). When a referral ends, its
// needs and call-back number are purged; only counts, status and times stay.
// A decline for lack of space is counted as a turn-away.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "crypto/protector.h"
#include "shelters/holds.h"
#include "store/database.h"

namespace qorgau::shelters {

// "disability_access", "language_kk", "language_ru", "language_en", "medical",
// "infant", "pregnancy", "boys_over_10".
const std::vector<std::string_view>& referral_needs();
// "now", "today", "planned".
const std::vector<std::string_view>& referral_urgencies();
// "no_space", "needs_not_met", "other".
const std::vector<std::string_view>& decline_reasons();

struct Referral {
  std::int64_t id = 0;
  std::int64_t shelter_id = 0;
  std::int64_t hold_id = 0;
  Counts household;
  std::string urgency;
  std::vector<std::string> needs;             // empty once purged
  std::optional<std::string> callback_phone;  // nullopt once purged
  std::int64_t referring_user_id = 0;
  std::int64_t referring_agency_id = 0;
  std::string status;  // "sent", "accepted", "declined", "admitted", "cancelled"
  std::optional<std::string> decline_reason;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> decided_at;
};

struct NewReferral {
  std::int64_t hold_id = 0;
  std::string urgency;
  std::vector<std::string> needs;
  std::string callback_phone;
};

class ReferralStore {
 public:
  ReferralStore(const ShelterStore& shelters, const HoldStore& holds,
                const crypto::Protector& protector, const core::Clock& clock)
      : shelters_(shelters), holds_(holds), protector_(protector), clock_(clock) {}

  // The hold must be active and held by `agency_id`; one referral per hold.
  Referral create(store::Connection& connection, const NewReferral& referral, std::int64_t user_id,
                  std::int64_t agency_id) const;
  std::optional<Referral> find(store::Connection& connection, std::int64_t id) const;
  std::optional<Referral> find_by_hold(store::Connection& connection, std::int64_t hold_id) const;
  // Referrals to the given shelters or from the given agency, newest first.
  std::vector<Referral> list(store::Connection& connection,
                             const std::vector<std::int64_t>& shelter_ids,
                             std::int64_t referring_agency_id) const;

  // sent -> accepted.
  Referral accept(store::Connection& connection, std::int64_t id) const;
  // sent/accepted -> declined: releases the hold, records a turn-away for
  // "no_space", purges the details.
  Referral decline(store::Connection& connection, std::int64_t id, std::string_view reason) const;
  // sent/accepted -> cancelled (the referrer released the hold); purges.
  void cancel(store::Connection& connection, std::int64_t id) const;
  // sent/accepted -> admitted; purges.
  void mark_admitted(store::Connection& connection, std::int64_t id) const;

 private:
  void finish(store::Connection& connection, std::int64_t id, std::string_view status,
              const std::optional<std::string_view>& reason) const;

  const ShelterStore& shelters_;
  const HoldStore& holds_;
  const crypto::Protector& protector_;
  const core::Clock& clock_;
};

}  // namespace qorgau::shelters
