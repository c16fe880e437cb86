// Who reaches a case in full: a user whose scope reaches the case's owner
// agency or its assigned agency (Principal::reaches). Shared by the case
// routes and the court bundle so both decide alike.
#pragma once

#include <cstdint>
#include <optional>

#include "accounts/principal.h"
#include "app/services.h"
#include "cases/cases.h"
#include "store/database.h"

namespace qorgau::cases {

// Whether the agency exists and the user's scope reaches it; false for nullopt.
bool reaches_agency(app::Services& services, store::Connection& connection,
                    const accounts::Principal& user, std::optional<std::int64_t> agency_id);

bool full_access(app::Services& services, store::Connection& connection,
                 const accounts::Principal& user, const Case& found);

// The case `case_id`, if it exists and the user reaches it in full; ApiError(kNotFound)
// otherwise, so a case outside the user's scope is indistinguishable from none.
Case full_case(app::Services& services, store::Connection& connection,
               const accounts::Principal& user, std::int64_t case_id);

}  // namespace qorgau::cases
