// Agencies: the organisations whose staff use Qorgau (police, the 111
// contact centre, crisis centres, courts, ...). Every user belongs to one;
// an agency sits in one region, which scopes what its staff can see.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace qorgau::accounts {

// "police", "contact_centre_111", "crisis_centre", "court", "prosecutor",
// "health", "education", "social_services", "ngo", "ministry".
const std::vector<std::string_view>& agency_kinds();
bool is_agency_kind(std::string_view kind);

struct Agency {
  std::int64_t id = 0;
  std::string name;
  std::string kind;
  std::string region_kato;
};

class AgencyStore {
 public:
  // Inserts an agency; the caller has validated kind and region.
  Agency create(store::Connection& connection, const Agency& agency, std::int64_t now_ms) const;
  std::optional<Agency> find(store::Connection& connection, std::int64_t id) const;
  std::vector<Agency> list(store::Connection& connection) const;
};

}  // namespace qorgau::accounts
