// HTTP routes for person records. Every read and write is audited (person id
// only). Lookups by IIN or name go in a POST body, never in the URL.
#pragma once

#include "app/services.h"
#include "http/router.h"

namespace qorgau::people {

void register_people_routes(http::Router& router, app::Services& services);

}  // namespace qorgau::people
