// HTTP routes of the court bundle (docs/api.md "Court bundle"):
//   GET /api/v1/cases/{id}/bundle.pdf?lang=kk|ru|en  the bundle document
//   GET /api/v1/cases/{id}/bundle.zip?lang=kk|ru|en  the document, SHA256SUMS and every original
// Reached like the full case view (cases/case_access.h) by a user who may
// also read evidence; 404 outside that scope. Each request is audited
// ("case.bundle"); the archive also writes a custody "download" event for
// every original it carries, all committed before the first byte is sent.
#pragma once

#include "app/services.h"
#include "http/router.h"

namespace qorgau::cases {

void register_case_bundle_routes(http::Router& router, app::Services& services);

}  // namespace qorgau::cases
