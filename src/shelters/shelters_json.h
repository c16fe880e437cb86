// The JSON shapes of the crisis-centre API, shared by its route files, and
// the access rule both apply: who may operate a centre.
#pragma once

#include <nlohmann/json.hpp>

#include "app/services.h"
#include "http/router.h"
#include "shelters/admissions.h"
#include "shelters/holds.h"
#include "shelters/referrals.h"
#include "shelters/shelters.h"

namespace qorgau::shelters {

nlohmann::json counts_json(const Counts& counts);
// The address is included only when `with_address`.
nlohmann::json shelter_json(const Shelter& shelter, bool own, bool with_address);
nlohmann::json hold_json(const Hold& hold);
nlohmann::json referral_json(const Referral& referral, const Shelter& shelter,
                             const std::string& referring_agency_name, bool incoming);
nlohmann::json admission_json(const Admission& admission);

// The centre, if it exists and the user may operate it (shelters.operate and
// the centre's agency within the user's scope); ApiError(kNotFound) otherwise,
// so a centre's residents cannot even be probed for.
Shelter operable_shelter(app::Services& services, store::Connection& connection,
                         const http::RequestContext& ctx, std::int64_t shelter_id);
// Whether the user runs this centre (its agency is within the user's scope
// and the user has shelters.operate).
bool operates(app::Services& services, store::Connection& connection,
              const http::RequestContext& ctx, const Shelter& shelter);

audit::AuditEvent shelter_event(const http::RequestContext& ctx, std::string action,
                                std::string object_type, std::int64_t id);

}  // namespace qorgau::shelters
