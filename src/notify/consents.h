// The protected person's consent to be notified, recorded by staff for a
// case: which channels (with her addresses), which kinds, how much detail,
// and in which language. Without a consent row nothing is ever sent.
//
// Invariants:
//  - one row per case; saving replaces it; withdrawing deletes it, and her
//    addresses and inbox credentials with it;
//  - addresses are validated (e-mail; phone in international form "+" and
//    10-15 digits) and stored only encrypted ("notification_consents.channels");
//  - the inbox is reached with a code and a secret (intake/receipts.h: the
//    same format and keyed hash); the secret is returned once, when the inbox
//    is first given, and only its hash is kept. Keeping the inbox in a new
//    consent keeps its code and secret;
//  - writes join the caller's transaction; audit is the caller's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/language.h"
#include "crypto/protector.h"
#include "http/json_body.h"
#include "intake/receipts.h"
#include "store/database.h"

namespace qorgau::notify {

// "email", "sms", "inbox".
const std::vector<std::string_view>& channel_codes();

struct ChannelAddress {
  std::string channel;
  std::string address;  // empty for the inbox
};

struct ConsentInput {
  std::vector<ChannelAddress> channels;
  std::vector<std::string> kinds;
  std::string detail;
  core::Language language = core::Language::kKk;
};

struct Consent {
  std::int64_t case_id = 0;
  ConsentInput choice;
  std::optional<std::string> inbox_code;
  std::int64_t recorded_at = 0;
  std::optional<std::int64_t> recorded_by_user_id;

  const ChannelAddress* channel(std::string_view code) const;
  bool covers(std::string_view kind) const;
};

struct SavedConsent {
  Consent consent;
  std::optional<std::string> inbox_secret;  // only when the inbox was given now
};

// Reads and validates the consent body {"channels","kinds","detail","language"?};
// ApiError naming the field ("channels[1].address", "kinds", ...) otherwise.
ConsentInput parse_consent(const http::JsonBody& body, core::Language default_language);

// A normalised address, or nullopt if it is not one.
std::optional<std::string> normalize_email(std::string_view typed);
std::optional<std::string> normalize_phone(std::string_view typed);

class ConsentStore {
 public:
  ConsentStore(const crypto::Protector& protector, const intake::Receipts& receipts,
               const core::Clock& clock)
      : protector_(protector), receipts_(receipts), clock_(clock) {}

  SavedConsent save(store::Connection& connection, std::int64_t case_id, const ConsentInput& input,
                    std::optional<std::int64_t> user_id) const;
  std::optional<Consent> find(store::Connection& connection, std::int64_t case_id) const;
  // Deletes the consent; false if there was none.
  bool withdraw(store::Connection& connection, std::int64_t case_id) const;
  // The case whose inbox has this code and secret; the same work and the
  // same nullopt for an unknown code, a wrong secret or a malformed one.
  std::optional<std::int64_t> case_of_inbox(store::Connection& connection, std::string_view code,
                                            std::string_view secret) const;

 private:
  const crypto::Protector& protector_;
  const intake::Receipts& receipts_;
  const core::Clock& clock_;
};

}  // namespace qorgau::notify
