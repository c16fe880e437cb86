#include "evidence/evidence_json.h"

namespace qorgau::evidence {

using nlohmann::json;

json receipt_json(const Evidence& e) {
  return {{"id", e.id},     {"kind", e.kind},     {"mime", e.mime},
          {"size", e.size}, {"sha256", e.sha256}, {"uploaded_at", e.uploaded_at}};
}

namespace {

json optional_id(const std::optional<std::int64_t>& id) {
  return id ? json(*id) : json(nullptr);
}

}  // namespace

json evidence_json(const Evidence& e) {
  json out = receipt_json(e);
  out["agency_id"] = optional_id(e.agency_id);
  out["attached_to"] = {{"type", e.attached_to_type}, {"id", e.attached_to_id}};
  out["filename"] = e.filename.empty() ? json(nullptr) : json(e.filename);
  out["uploaded_by"] = optional_id(e.uploaded_by);
  out["last_verified_at"] = e.last_verified_at ? json(*e.last_verified_at) : json(nullptr);
  out["last_verified_intact"] =
      e.last_verified_intact ? json(*e.last_verified_intact) : json(nullptr);
  return out;
}

}  // namespace qorgau::evidence
