// Staff users' display names for a response that names the people who acted (a case's
// timeline, an evidence item's chain of custody). Display names are personal data sealed at
// rest (UserStore opens them); the caller has already checked that the reader may see the
// record, and the names go only into that reader's response, never into a log.
//
// Invariants: each user is looked up at most once per DisplayNames; a user id that names no
// user (none is ever deleted, so only a damaged store has one) reads as "".
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "accounts/users.h"
#include "store/database.h"

namespace qorgau::accounts {

class DisplayNames {
 public:
  DisplayNames(const UserStore& users, store::Connection& connection)
      : users_(users), connection_(connection) {}

  const std::string& of(std::int64_t user_id);
  // The name of the user who acted, or nullopt when no user did (the system, the public).
  std::optional<std::string> of(const std::optional<std::int64_t>& user_id);

 private:
  const UserStore& users_;
  store::Connection& connection_;
  std::map<std::int64_t, std::string> known_;
};

}  // namespace qorgau::accounts
