// Who is making a request: an authenticated, active user with a role and an
// agency. Built only by the HTTP layer from a valid session; handlers receive
// it and ask it what the user may do.
#pragma once

#include <cstdint>
#include <string>

#include "accounts/agencies.h"
#include "accounts/roles.h"
#include "accounts/users.h"

namespace qorgau::accounts {

struct Principal {
  User user;
  Agency agency;
  const Role* role = nullptr;  // never null for a built Principal
  std::int64_t session_id = 0;
  std::string csrf_token;

  bool can(Permission p) const { return role->allows(p); }
  // Whether records owned by `owner` fall within this user's scope.
  bool reaches(const Agency& owner) const {
    switch (role->scope) {
      case Scope::kNational:
        return true;
      case Scope::kRegion:
        return owner.region_kato == agency.region_kato;
      case Scope::kAgency:
        return owner.id == agency.id;
    }
    return false;
  }
};

}  // namespace qorgau::accounts
