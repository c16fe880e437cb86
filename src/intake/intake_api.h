// HTTP routes of public intake (see "Intake" in docs/api.md): the public
// report form and the reporter's receipt (no account; rate- and size-limited
// per address), and the triage queue of the 111 contact centre and the police
// (intake.triage, region scope). A report is acknowledged only after its
// transaction, audit entry included, has committed to disk. Files attached
// with the receipt: intake/attachments_api.h.
#pragma once

#include "app/services.h"
#include "http/router.h"

namespace qorgau::intake {

inline constexpr size_t kMaxReportBodyBytes = size_t{64} * 1024;

void register_intake_routes(http::Router& router, app::Services& services);

}  // namespace qorgau::intake
