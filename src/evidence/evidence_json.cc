#include "evidence/evidence_json.h"

#include "http/nullable_json.h"

namespace qorgau::evidence {

using nlohmann::json;

json receipt_json(const Evidence& e) {
  return {{"id", e.id},     {"kind", e.kind},     {"mime", e.mime},
          {"size", e.size}, {"sha256", e.sha256}, {"uploaded_at", e.uploaded_at}};
}

json evidence_json(const Evidence& e) {
  json out = receipt_json(e);
  out["agency_id"] = http::nullable_json(e.agency_id);
  out["attached_to"] = {{"type", e.attached_to_type}, {"id", e.attached_to_id}};
  out["filename"] = e.filename.empty() ? json(nullptr) : json(e.filename);
  out["uploaded_by"] = http::nullable_json(e.uploaded_by);
  out["last_verified_at"] = http::nullable_json(e.last_verified_at);
  out["last_verified_intact"] = http::nullable_json(e.last_verified_intact);
  return out;
}

}  // namespace qorgau::evidence
