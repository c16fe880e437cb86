#include "shelters/shelters.h"

#include <algorithm>

#include "core/error.h"

namespace qorgau::shelters {

using core::ApiError;
using core::ErrorCode;

namespace {

constexpr std::string_view kAddressField = "shelters.address";

constexpr const char* kSelect =
    "SELECT s.id, s.agency_id, s.service_id, s.beds_women, s.beds_children, s.accessible_rooms, "
    "s.occupied_women, s.occupied_children, s.occupied_accessible, s.occupancy_updated_at, "
    "s.admission_rules, s.address_enc, "
    "COALESCE((SELECT SUM(h.women) FROM shelter_holds h WHERE h.shelter_id = s.id "
    "AND h.status = 'active' AND h.expires_at > $1), 0), "
    "COALESCE((SELECT SUM(h.children) FROM shelter_holds h WHERE h.shelter_id = s.id "
    "AND h.status = 'active' AND h.expires_at > $1), 0), "
    "COALESCE((SELECT SUM(h.accessible) FROM shelter_holds h WHERE h.shelter_id = s.id "
    "AND h.status = 'active' AND h.expires_at > $1), 0) "
    "FROM shelters s JOIN help_services hs ON hs.id = s.service_id";

// The directory entry of a crisis centre says what it offers: a shelter,
// places for children when it has any, accessible rooms when it has any.
void derive_public_entry(ShelterDetails& details) {
  details.service.kind = "crisis_centre";
  details.service.address.reset();
  details.service.needs = {"shelter"};
  if (details.capacity.children > 0) details.service.needs.emplace_back("children");
  if (details.capacity.accessible > 0) details.service.needs.emplace_back("disability_access");
}

}  // namespace

Counts Shelter::available() const {
  Counts free = capacity - occupied - held;
  return {std::max<std::int64_t>(free.women, 0), std::max<std::int64_t>(free.children, 0),
          std::max<std::int64_t>(free.accessible, 0)};
}

void ShelterStore::validate(const ShelterDetails& details) const {
  const Counts& c = details.capacity;
  if (c.women < 1 || c.women > 10000) throw ApiError(ErrorCode::kValidationFailed, "beds_women");
  if (c.children < 0 || c.children > 10000) {
    throw ApiError(ErrorCode::kValidationFailed, "beds_children");
  }
  if (c.accessible < 0 || c.accessible > c.women) {
    throw ApiError(ErrorCode::kValidationFailed, "accessible_rooms");
  }
}

Shelter ShelterStore::create(store::Connection& connection, std::int64_t agency_id,
                             ShelterDetails details) const {
  validate(details);
  derive_public_entry(details);
  std::int64_t now = clock_.now_ms();
  help::HelpService service = directory_.create(connection, details.service, now);
  store::Value address = nullptr;
  if (details.address) address = protector_.seal(*details.address, kAddressField);
  auto row = connection.query_one(
      "INSERT INTO shelters (service_id, agency_id, beds_women, beds_children, accessible_rooms, "
      "occupancy_updated_at, admission_rules, address_enc, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      {service.id, agency_id, details.capacity.women, details.capacity.children,
       details.capacity.accessible, now, details.admission_rules, address, now});
  std::int64_t id = row->integer(0);
  connection.execute(
      "INSERT INTO shelter_occupancy_log (shelter_id, at, occupied_women, occupied_children, "
      "occupied_accessible, over_capacity) VALUES ($1, $2, 0, 0, 0, 0)",
      {id, now});
  return *find(connection, id);
}

bool ShelterStore::update(store::Connection& connection, std::int64_t id,
                          ShelterDetails details) const {
  auto current = find(connection, id);
  if (!current) return false;
  validate(details);
  details.service.region_kato = current->service.region_kato;
  details.service.id = current->service.id;
  derive_public_entry(details);
  directory_.update(connection, details.service, clock_.now_ms());
  store::Value address = nullptr;
  if (details.address) address = protector_.seal(*details.address, kAddressField);
  connection.execute(
      "UPDATE shelters SET beds_women = $1, beds_children = $2, accessible_rooms = $3, "
      "admission_rules = $4, address_enc = $5 WHERE id = $6",
      {details.capacity.women, details.capacity.children, details.capacity.accessible,
       details.admission_rules, address, id});
  return true;
}

Shelter ShelterStore::read(store::Connection& connection, const store::Row& row) const {
  Shelter s;
  s.id = row.integer(0);
  s.agency_id = row.integer(1);
  s.service = *directory_.find(connection, row.integer(2));
  s.capacity = {row.integer(3), row.integer(4), row.integer(5)};
  s.occupied = {row.integer(6), row.integer(7), row.integer(8)};
  s.occupancy_updated_at = row.integer(9);
  s.admission_rules = row.text(10);
  if (auto sealed = row.optional_bytes(11)) s.address = protector_.open(*sealed, kAddressField);
  s.held = {row.integer(12), row.integer(13), row.integer(14)};
  return s;
}

std::optional<Shelter> ShelterStore::find(store::Connection& connection, std::int64_t id) const {
  auto row = connection.query_one(std::string(kSelect) + " WHERE s.id = $2", {clock_.now_ms(), id});
  if (!row) return std::nullopt;
  return read(connection, *row);
}

std::vector<Shelter> ShelterStore::list(store::Connection& connection,
                                        const std::optional<std::string>& region_kato) const {
  std::vector<store::Value> params = {clock_.now_ms()};
  std::string sql = kSelect;
  if (region_kato) {
    sql += " WHERE hs.region_kato = $2";
    params.emplace_back(*region_kato);
  }
  sql += " ORDER BY s.id";
  std::vector<Shelter> out;
  for (const auto& row : connection.query(sql, params)) out.push_back(read(connection, row));
  return out;
}

Shelter ShelterStore::change_occupancy(
    store::Connection& connection, std::int64_t id, const Counts& delta,
    const std::optional<std::string>& over_capacity_reason) const {
  auto shelter = find(connection, id);
  if (!shelter) throw ApiError(ErrorCode::kNotFound);
  Counts after = shelter->occupied + delta;
  if (after.women < 0) throw ApiError(ErrorCode::kValidationFailed, "women");
  if (after.children < 0) throw ApiError(ErrorCode::kValidationFailed, "children");
  if (after.accessible < 0) throw ApiError(ErrorCode::kValidationFailed, "accessible");
  bool over = !after.fits_in(shelter->capacity);
  bool going_over = over && (delta.women > 0 || delta.children > 0 || delta.accessible > 0);
  if (going_over && !over_capacity_reason) {
    throw ApiError(ErrorCode::kOverCapacityReasonRequired, "over_capacity_reason");
  }
  std::int64_t now = clock_.now_ms();
  connection.execute(
      "UPDATE shelters SET occupied_women = $1, occupied_children = $2, occupied_accessible = $3, "
      "occupancy_updated_at = $4 WHERE id = $5",
      {after.women, after.children, after.accessible, now, id});
  store::Value reason = nullptr;
  if (going_over) reason = protector_.seal(*over_capacity_reason, kOverCapacityReasonField);
  connection.execute(
      "INSERT INTO shelter_occupancy_log (shelter_id, at, occupied_women, occupied_children, "
      "occupied_accessible, over_capacity, reason_enc) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {id, now, after.women, after.children, after.accessible, std::int64_t{over ? 1 : 0}, reason});
  shelter->occupied = after;
  shelter->occupancy_updated_at = now;
  return *shelter;
}

void ShelterStore::record_turnaway(store::Connection& connection, std::int64_t shelter_id,
                                   const Counts& household, std::string_view reason) const {
  connection.execute(
      "INSERT INTO shelter_turnaways (shelter_id, women, children, reason, at) "
      "VALUES ($1, $2, $3, $4, $5)",
      {shelter_id, household.women, household.children, std::string(reason), clock_.now_ms()});
}

}  // namespace qorgau::shelters
