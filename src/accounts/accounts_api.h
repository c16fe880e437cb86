// HTTP routes of the accounts module: the session (login, who am I,
// logout), users, agencies and roles. See docs/api.md for the contract.
#pragma once

#include "app/services.h"
#include "http/router.h"

namespace qorgau::accounts {

void register_accounts_routes(http::Router& router, app::Services& services);

}  // namespace qorgau::accounts
