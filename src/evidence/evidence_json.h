// The JSON shapes of evidence in the HTTP API (docs/api.md "Evidence"), used
// by the evidence routes and by the case view, so a record reads the same
// wherever it appears.
#pragma once

#include <nlohmann/json.hpp>

#include "evidence/evidence.h"

namespace qorgau::evidence {

// What the uploader keeps as proof: {"id","kind","mime","size","sha256","uploaded_at"}.
nlohmann::json receipt_json(const Evidence& evidence);

// The receipt plus owner, attachment, original name, uploader and the last
// verification. A public report's file not yet taken in by a case has
// "agency_id": null and "uploaded_by": null (the public reporter).
nlohmann::json evidence_json(const Evidence& evidence);

}  // namespace qorgau::evidence
