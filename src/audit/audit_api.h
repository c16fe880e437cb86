// HTTP routes of the audit log: reading entries and verifying the chain.
#pragma once

#include "app/services.h"
#include "http/router.h"

namespace qorgau::audit {

void register_audit_routes(http::Router& router, app::Services& services);

}  // namespace qorgau::audit
