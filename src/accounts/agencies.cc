#include "accounts/agencies.h"

#include <algorithm>

namespace qorgau::accounts {

const std::vector<std::string_view>& agency_kinds() {
  static const std::vector<std::string_view> kKinds = {
      "police", "contact_centre_111", "crisis_centre",   "court", "prosecutor",
      "health", "education",          "social_services", "ngo",   "ministry"};
  return kKinds;
}

bool is_agency_kind(std::string_view kind) {
  const auto& kinds = agency_kinds();
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

namespace {
Agency read(const store::Row& row) {
  return Agency{row.integer(0), row.text(1), row.text(2), row.text(3)};
}
}  // namespace

Agency AgencyStore::create(store::Connection& connection, const Agency& agency,
                           std::int64_t now_ms) const {
  auto row = connection.query_one(
      "INSERT INTO agencies (name, kind, region_kato, created_at) VALUES ($1, $2, $3, $4) "
      "RETURNING id",
      {agency.name, agency.kind, agency.region_kato, now_ms});
  Agency created = agency;
  created.id = row->integer(0);
  return created;
}

std::optional<Agency> AgencyStore::find(store::Connection& connection, std::int64_t id) const {
  auto row =
      connection.query_one("SELECT id, name, kind, region_kato FROM agencies WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return read(*row);
}

std::vector<Agency> AgencyStore::list(store::Connection& connection) const {
  std::vector<Agency> out;
  for (const auto& row :
       connection.query("SELECT id, name, kind, region_kato FROM agencies ORDER BY id")) {
    out.push_back(read(row));
  }
  return out;
}

}  // namespace qorgau::accounts
