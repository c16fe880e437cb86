// HTTP routes of notifications (docs/api.md "Notifications"):
//  - staff, per case (cases.read / cases.write and full access to the case):
//    the survivor's consent (PUT/GET/DELETE .../notification-consent), the
//    case's notifications and their acknowledgement by staff, and the
//    aggressor's release (which notifies her);
//  - public, for her: the inbox read and acknowledged with her inbox code and
//    secret in the body (never in the URL), throttled per client address.
// Every read and write of her consent or messages is audited; public ones
// without the client address (as public intake).
#pragma once

#include "app/services.h"
#include "http/router.h"

namespace qorgau::notify {

void register_notify_routes(http::Router& router, app::Services& services);

}  // namespace qorgau::notify
