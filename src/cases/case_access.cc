#include "cases/case_access.h"

#include "core/error.h"

namespace qorgau::cases {

bool reaches_agency(app::Services& services, store::Connection& connection,
                    const accounts::Principal& user, std::optional<std::int64_t> agency_id) {
  if (!agency_id) return false;
  auto agency = services.agencies().find(connection, *agency_id);
  return agency && user.reaches(*agency);
}

bool full_access(app::Services& services, store::Connection& connection,
                 const accounts::Principal& user, const Case& found) {
  return reaches_agency(services, connection, user, found.owner_agency_id) ||
         reaches_agency(services, connection, user, found.assigned_agency_id);
}

Case full_case(app::Services& services, store::Connection& connection,
               const accounts::Principal& user, std::int64_t case_id) {
  auto found = services.cases().find(connection, case_id);
  if (!found || !full_access(services, connection, user, *found)) {
    throw core::ApiError(core::ErrorCode::kNotFound);
  }
  return *found;
}

}  // namespace qorgau::cases
