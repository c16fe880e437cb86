#include "cases/case_access.h"

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

}  // namespace qorgau::cases
