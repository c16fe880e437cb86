// HTTP routes for evidence files: upload (body streamed to disk, type checked
// by content, SHA-256 receipt), metadata, download (decrypted as it is sent),
// verification, hand-over to another agency and the chain of custody. Every
// one of these is a custody event and an audit entry; records are reached
// through the owning agency's scope, as for people (404 outside it), and a
// public report's file that no case has taken in through the report's triage
// scope. A staff upload names a case the caller reaches in full or a report in
// the caller's triage scope (400 otherwise, before anything is stored).
#pragma once

#include "app/services.h"
#include "http/router.h"

namespace qorgau::evidence {

void register_evidence_routes(http::Router& router, app::Services& services);

}  // namespace qorgau::evidence
