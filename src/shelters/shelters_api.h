// HTTP routes of the crisis-centre network (see /api/v1/shelters* in
// docs/api.md). Referrers (shelters.refer) see vacancies and hold beds;
// a centre's own staff (shelters.operate, agency scope) see its residents;
// nobody else does. Every change and every read of a resident is audited.
#pragma once

#include "app/services.h"
#include "http/router.h"

namespace qorgau::shelters {

// Centres, occupancy, holds and referrals.
void register_shelter_routes(http::Router& router, app::Services& services);
// Admissions, services during a stay, discharges, turn-aways and reports.
void register_admission_routes(http::Router& router, app::Services& services);

}  // namespace qorgau::shelters
