// Triage of public reports into cases (see "Cases" in docs/api.md): the 111
// contact centre and the police (intake.triage, the report's region) accept a
// report into a new case, whose survivor and aggressor become people, or merge
// it into an existing case they reach. People who may already be known are
// returned as possible duplicates, never merged; the client reuses one by
// passing its id. Everything happens in one transaction with its audit
// entries: a refused request changes nothing.
#pragma once

#include "app/services.h"
#include "http/router.h"

namespace qorgau::cases {

void register_case_triage_routes(http::Router& router, app::Services& services);

}  // namespace qorgau::cases
