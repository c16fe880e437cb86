// HTTP routes of risk (see "Risk" in docs/api.md): the instruments (read by case workers,
// loaded by the system administrator), a case's assessments, current level and history,
// incidents that force a re-assessment, and the due-reviews queue. Case routes follow the case
// rules (cases.read to read, cases.write to write, cases::full_access for the case; 404
// outside it). Every read and write of a case's risk is audited; writes in their transaction.
#pragma once

#include "app/services.h"
#include "http/router.h"

namespace qorgau::risk {

void register_risk_routes(http::Router& router, app::Services& services);

}  // namespace qorgau::risk
