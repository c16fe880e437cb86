#include "shelters/holds.h"

#include "core/error.h"

namespace qorgau::shelters {

using core::ApiError;
using core::ErrorCode;

namespace {

Hold read(const store::Row& row, std::int64_t now) {
  Hold h;
  h.id = row.integer(0);
  h.shelter_id = row.integer(1);
  h.household = {row.integer(2), row.integer(3), row.integer(4)};
  h.held_by_user_id = row.integer(5);
  h.held_by_agency_id = row.integer(6);
  h.status = row.text(7);
  h.created_at = row.integer(8);
  h.expires_at = row.integer(9);
  if (h.status == "active" && h.expires_at <= now) h.status = "expired";
  return h;
}

}  // namespace

Hold HoldStore::place(store::Connection& connection, std::int64_t shelter_id,
                      const Counts& household, std::int64_t user_id, std::int64_t agency_id) const {
  sweep_expired(connection);
  auto shelter = shelters_.find(connection, shelter_id);
  if (!shelter) throw ApiError(ErrorCode::kNotFound);
  if (!household.fits_in(shelter->available())) throw ApiError(ErrorCode::kNoVacancy);
  std::int64_t now = clock_.now_ms();
  std::int64_t expires =
      now + std::chrono::duration_cast<std::chrono::milliseconds>(lifetime_).count();
  auto row = connection.query_one(
      "INSERT INTO shelter_holds (shelter_id, women, children, accessible, held_by_user_id, "
      "held_by_agency_id, status, created_at, expires_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, 'active', $7, $8) RETURNING id",
      {shelter_id, household.women, household.children, household.accessible, user_id, agency_id,
       now, expires});
  return *find(connection, row->integer(0));
}

std::optional<Hold> HoldStore::find(store::Connection& connection, std::int64_t id) const {
  auto row = connection.query_one(
      "SELECT id, shelter_id, women, children, accessible, held_by_user_id, held_by_agency_id, "
      "status, created_at, expires_at FROM shelter_holds WHERE id = $1",
      {id});
  if (!row) return std::nullopt;
  return read(*row, clock_.now_ms());
}

Hold HoldStore::release(store::Connection& connection, std::int64_t id) const {
  auto hold = find(connection, id);
  if (!hold) throw ApiError(ErrorCode::kNotFound);
  if (hold->status != "active") throw ApiError(ErrorCode::kInvalidState);
  connection.execute(
      "UPDATE shelter_holds SET status = 'released', closed_at = $1 WHERE id = $2 AND status = "
      "'active'",
      {clock_.now_ms(), id});
  hold->status = "released";
  return *hold;
}

void HoldStore::fill(store::Connection& connection, std::int64_t id) const {
  auto hold = find(connection, id);
  if (!hold) throw ApiError(ErrorCode::kNotFound);
  if (hold->status == "expired") throw ApiError(ErrorCode::kHoldExpired);
  if (hold->status != "active") throw ApiError(ErrorCode::kInvalidState);
  connection.execute("UPDATE shelter_holds SET status = 'filled', closed_at = $1 WHERE id = $2",
                     {clock_.now_ms(), id});
}

std::int64_t HoldStore::sweep_expired(store::Connection& connection) const {
  std::int64_t now = clock_.now_ms();
  return connection.execute(
      "UPDATE shelter_holds SET status = 'expired', closed_at = expires_at "
      "WHERE status = 'active' AND expires_at <= $1",
      {now});
}

}  // namespace qorgau::shelters
