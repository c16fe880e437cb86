// Referrals of a case to another agency (a crisis centre, a clinic, legal
// aid). A referral carries only what the survivor consented to share: a list
// of share codes; the receiving agency sees those fields and nothing else of
// the case.
//
// Invariants:
//  - share is a non-empty list of distinct codes from referral_shares();
//  - the receiving agency exists and is not the case's owner;
//  - status moves pending -> accepted | declined, once (kInvalidState otherwise);
//  - every change appends a timeline event in the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cases/timeline.h"
#include "core/clock.h"
#include "store/database.h"

namespace qorgau::cases {

// "survivor_name", "survivor_iin", "survivor_contact", "aggressor_name", "incident_types",
// "incident_summary".
const std::vector<std::string_view>& referral_shares();

struct Referral {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::int64_t from_agency_id = 0;
  std::int64_t to_agency_id = 0;
  std::vector<std::string> share;
  std::string status;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> decided_at;
};

class ReferralStore {
 public:
  ReferralStore(const Timeline& timeline, const core::Clock& clock)
      : timeline_(timeline), clock_(clock) {}

  Referral create(store::Connection& connection, std::int64_t case_id, std::int64_t from_agency_id,
                  std::int64_t to_agency_id, const std::vector<std::string>& share,
                  std::int64_t user_id) const;
  std::optional<Referral> find(store::Connection& connection, std::int64_t id) const;
  // pending -> accepted (accept) or declined.
  Referral decide(store::Connection& connection, std::int64_t id, bool accept,
                  std::int64_t user_id) const;
  std::vector<Referral> for_case(store::Connection& connection, std::int64_t case_id) const;
  // Referrals to this agency, newest first.
  std::vector<Referral> to_agency(store::Connection& connection, std::int64_t agency_id) const;

 private:
  const Timeline& timeline_;
  const core::Clock& clock_;
};

}  // namespace qorgau::cases
