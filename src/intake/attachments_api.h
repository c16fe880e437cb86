// Files a reporter attaches to her public report (see "Intake" in
// docs/api.md): POST /api/v1/intake/attachments, the file as the streamed
// body, the receipt in the X-Receipt-Code and X-Receipt-Secret headers (never
// in the URL, which proxies and logs keep).
//
// Invariants:
//  - a file is acknowledged (201) only once its encrypted blob is durable and
//    its evidence row, custody event and audit entry have committed; a
//    refused, failed or interrupted upload leaves no row and no blob
//    (evidence/upload.h), and a crash in between leaves a blob without a row,
//    which the start-up sweep deletes;
//  - the receipt is checked twice, with the same cost and answer as the
//    receipt routes: before any of the body is read (Route::before_body, with
//    the per-address throttle, the report's state and the per-report cap),
//    and again in the transaction that stores the row, so a report closed
//    while the file travelled takes nothing;
//  - the file is evidence attached to ("report", id) with no owning agency and
//    no uploading user (the public reporter); if the report is already in a
//    case, the same transaction hands it to the case's owner agency (a custody
//    hand-over by the system);
//  - the reporter sees her files as kind, size, SHA-256 and time, never their
//    names (someone may be reading over her shoulder).
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

#include "app/services.h"
#include "http/router.h"

namespace qorgau::intake {

inline constexpr std::int64_t kMaxAttachmentsPerReport = 20;

// The report's files as its reporter sees them, oldest first:
// [{"kind","size","sha256","received_at"}].
nlohmann::json receipt_attachments_json(app::Services& services, store::Connection& connection,
                                        std::int64_t report_id);

void register_intake_attachment_routes(http::Router& router, app::Services& services);

}  // namespace qorgau::intake
