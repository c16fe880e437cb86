#include "cases/referrals.h"

#include <algorithm>

#include "accounts/agencies.h"
#include "core/code_list.h"
#include "core/error.h"

namespace qorgau::cases {

using core::ApiError;
using core::ErrorCode;

namespace {

constexpr const char* kColumns =
    "SELECT id, case_id, from_agency_id, to_agency_id, share, status, created_at, decided_at "
    "FROM case_referrals ";

Referral read(const store::Row& row) {
  return {row.integer(0),
          row.integer(1),
          row.integer(2),
          row.integer(3),
          core::split_codes(row.text(4)),
          row.text(5),
          row.integer(6),
          row.optional_integer(7)};
}

}  // namespace

const std::vector<std::string_view>& referral_shares() {
  static const std::vector<std::string_view> kShares = {"survivor_name",    "survivor_iin",
                                                        "survivor_contact", "aggressor_name",
                                                        "incident_types",   "incident_summary"};
  return kShares;
}

Referral ReferralStore::create(store::Connection& connection, std::int64_t case_id,
                               std::int64_t from_agency_id, std::int64_t to_agency_id,
                               const std::vector<std::string>& share, std::int64_t user_id) const {
  if (share.empty()) throw ApiError(ErrorCode::kMissingField, "share");
  for (size_t i = 0; i < share.size(); ++i) {
    if (std::find(referral_shares().begin(), referral_shares().end(), share[i]) ==
            referral_shares().end() ||
        std::find(share.begin(), share.begin() + static_cast<std::ptrdiff_t>(i), share[i]) !=
            share.begin() + static_cast<std::ptrdiff_t>(i)) {
      throw ApiError(ErrorCode::kValidationFailed, "share");
    }
  }
  if (to_agency_id == from_agency_id) throw ApiError(ErrorCode::kValidationFailed, "to_agency_id");
  if (!accounts::AgencyStore().find(connection, to_agency_id)) {
    throw ApiError(ErrorCode::kUnknownAgency, "to_agency_id");
  }
  auto row = connection.query_one(
      "INSERT INTO case_referrals (case_id, from_agency_id, to_agency_id, share, status, "
      "created_by_user_id, created_at) VALUES ($1, $2, $3, $4, 'pending', $5, $6) RETURNING id",
      {case_id, from_agency_id, to_agency_id, core::join_codes(share), user_id, clock_.now_ms()});
  std::int64_t id = row->integer(0);
  timeline_.append_event(connection, case_id, user_id, "referral_sent",
                         "referral " + std::to_string(id) + " to agency " +
                             std::to_string(to_agency_id) + " sharing " + core::join_codes(share));
  return *find(connection, id);
}

std::optional<Referral> ReferralStore::find(store::Connection& connection, std::int64_t id) const {
  auto row = connection.query_one(std::string(kColumns) + "WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return read(*row);
}

Referral ReferralStore::decide(store::Connection& connection, std::int64_t id, bool accept,
                               std::int64_t user_id) const {
  auto referral = find(connection, id);
  if (!referral) throw ApiError(ErrorCode::kNotFound);
  if (referral->status != "pending") throw ApiError(ErrorCode::kInvalidState);
  std::string status = accept ? "accepted" : "declined";
  connection.execute(
      "UPDATE case_referrals SET status = $1, decided_by_user_id = $2, decided_at = $3 "
      "WHERE id = $4",
      {status, user_id, clock_.now_ms(), id});
  timeline_.append_event(connection, referral->case_id, user_id, "referral_" + status,
                         "referral " + std::to_string(id));
  return *find(connection, id);
}

std::vector<Referral> ReferralStore::for_case(store::Connection& connection,
                                              std::int64_t case_id) const {
  std::vector<Referral> out;
  for (const auto& row :
       connection.query(std::string(kColumns) + "WHERE case_id = $1 ORDER BY id", {case_id})) {
    out.push_back(read(row));
  }
  return out;
}

std::vector<Referral> ReferralStore::to_agency(store::Connection& connection,
                                               std::int64_t agency_id) const {
  std::vector<Referral> out;
  for (const auto& row : connection.query(
           std::string(kColumns) + "WHERE to_agency_id = $1 ORDER BY id DESC LIMIT 500",
           {agency_id})) {
    out.push_back(read(row));
  }
  return out;
}

}  // namespace qorgau::cases
