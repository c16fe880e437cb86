// Demo public reports: three fictional reports (two in Almaty, one in Astana)
// so that the triage queue shows something on a first start. Their receipt
// secrets are not kept: nobody can open them as a reporter.
#pragma once

#include "app/services.h"

namespace qorgau::app {

// Inside the caller's transaction; every report created is audited. The first
// report (id 1 on a fresh database) is in Almaty.
void load_demo_intake(Services& services, store::Connection& connection);

}  // namespace qorgau::app
