// Public system routes: health and the jurisdiction's reference data
// (regions, emergency numbers). No personal data; no session needed.
#pragma once

#include "app/services.h"
#include "http/router.h"

namespace qorgau::app {

void register_system_routes(http::Router& router, Services& services);

}  // namespace qorgau::app
