#include "shelters/referrals.h"

#include "core/code_list.h"
#include "core/error.h"

namespace qorgau::shelters {

using core::ApiError;
using core::ErrorCode;

namespace {

constexpr std::string_view kPhoneField = "shelter_referrals.callback_phone";

constexpr const char* kSelect =
    "SELECT id, shelter_id, hold_id, women, children, accessible, urgency, needs, "
    "callback_phone_enc, referring_user_id, referring_agency_id, status, decline_reason, "
    "created_at, decided_at FROM shelter_referrals";

bool open_status(const std::string& status) {
  return status == "sent" || status == "accepted";
}

}  // namespace

const std::vector<std::string_view>& referral_needs() {
  static const std::vector<std::string_view> kNeeds = {
      "disability_access", "language_kk", "language_ru", "language_en",
      "medical",           "infant",      "pregnancy",   "boys_over_10"};
  return kNeeds;
}

const std::vector<std::string_view>& referral_urgencies() {
  static const std::vector<std::string_view> kUrgencies = {"now", "today", "planned"};
  return kUrgencies;
}

const std::vector<std::string_view>& decline_reasons() {
  static const std::vector<std::string_view> kReasons = {"no_space", "needs_not_met", "other"};
  return kReasons;
}

Referral ReferralStore::create(store::Connection& connection, const NewReferral& referral,
                               std::int64_t user_id, std::int64_t agency_id) const {
  auto hold = holds_.find(connection, referral.hold_id);
  if (!hold || hold->held_by_agency_id != agency_id) throw ApiError(ErrorCode::kNotFound);
  if (hold->status == "expired") throw ApiError(ErrorCode::kHoldExpired);
  if (hold->status != "active" || find_by_hold(connection, hold->id)) {
    throw ApiError(ErrorCode::kInvalidState);
  }
  std::string needs = core::join_codes(referral.needs);
  auto row = connection.query_one(
      "INSERT INTO shelter_referrals (shelter_id, hold_id, women, children, accessible, urgency, "
      "needs, callback_phone_enc, referring_user_id, referring_agency_id, status, created_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'sent', $11) RETURNING id",
      {hold->shelter_id, hold->id, hold->household.women, hold->household.children,
       hold->household.accessible, referral.urgency, needs,
       protector_.seal(referral.callback_phone, kPhoneField), user_id, agency_id, clock_.now_ms()});
  return *find(connection, row->integer(0));
}

std::optional<Referral> ReferralStore::find(store::Connection& connection, std::int64_t id) const {
  auto rows = connection.query(std::string(kSelect) + " WHERE id = $1", {id});
  if (rows.empty()) return std::nullopt;
  const store::Row& row = rows.front();
  Referral r;
  r.id = row.integer(0);
  r.shelter_id = row.integer(1);
  r.hold_id = row.integer(2);
  r.household = {row.integer(3), row.integer(4), row.integer(5)};
  r.urgency = row.text(6);
  if (auto needs = row.optional_text(7)) r.needs = core::split_codes(*needs);
  if (auto phone = row.optional_bytes(8)) r.callback_phone = protector_.open(*phone, kPhoneField);
  r.referring_user_id = row.integer(9);
  r.referring_agency_id = row.integer(10);
  r.status = row.text(11);
  r.decline_reason = row.optional_text(12);
  r.created_at = row.integer(13);
  r.decided_at = row.optional_integer(14);
  return r;
}

std::optional<Referral> ReferralStore::find_by_hold(store::Connection& connection,
                                                    std::int64_t hold_id) const {
  auto row = connection.query_one("SELECT id FROM shelter_referrals WHERE hold_id = $1", {hold_id});
  if (!row) return std::nullopt;
  return find(connection, row->integer(0));
}

std::vector<Referral> ReferralStore::list(store::Connection& connection,
                                          const std::vector<std::int64_t>& shelter_ids,
                                          std::int64_t referring_agency_id) const {
  std::string sql = "SELECT id FROM shelter_referrals WHERE referring_agency_id = $1";
  std::vector<store::Value> params = {referring_agency_id};
  for (std::int64_t id : shelter_ids) {
    params.emplace_back(id);
    sql += " OR shelter_id = $" + std::to_string(params.size());
  }
  sql += " ORDER BY id DESC LIMIT 200";
  std::vector<Referral> out;
  for (const auto& row : connection.query(sql, params)) {
    out.push_back(*find(connection, row.integer(0)));
  }
  return out;
}

Referral ReferralStore::accept(store::Connection& connection, std::int64_t id) const {
  auto referral = find(connection, id);
  if (!referral) throw ApiError(ErrorCode::kNotFound);
  if (referral->status != "sent") throw ApiError(ErrorCode::kInvalidState);
  connection.execute(
      "UPDATE shelter_referrals SET status = 'accepted', decided_at = $1 WHERE id = $2",
      {clock_.now_ms(), id});
  return *find(connection, id);
}

Referral ReferralStore::decline(store::Connection& connection, std::int64_t id,
                                std::string_view reason) const {
  auto referral = find(connection, id);
  if (!referral) throw ApiError(ErrorCode::kNotFound);
  if (!open_status(referral->status)) throw ApiError(ErrorCode::kInvalidState);
  if (auto hold = holds_.find(connection, referral->hold_id); hold && hold->status == "active") {
    holds_.release(connection, hold->id);
  }
  if (reason == "no_space") {
    shelters_.record_turnaway(connection, referral->shelter_id, referral->household, reason);
  }
  finish(connection, id, "declined", reason);
  return *find(connection, id);
}

void ReferralStore::cancel(store::Connection& connection, std::int64_t id) const {
  auto referral = find(connection, id);
  if (!referral || !open_status(referral->status)) return;
  finish(connection, id, "cancelled", std::nullopt);
}

void ReferralStore::mark_admitted(store::Connection& connection, std::int64_t id) const {
  auto referral = find(connection, id);
  if (!referral) throw ApiError(ErrorCode::kNotFound, "referral_id");
  if (!open_status(referral->status)) throw ApiError(ErrorCode::kInvalidState, "referral_id");
  finish(connection, id, "admitted", std::nullopt);
}

void ReferralStore::finish(store::Connection& connection, std::int64_t id, std::string_view status,
                           const std::optional<std::string_view>& reason) const {
  std::int64_t now = clock_.now_ms();
  store::Value reason_value = nullptr;
  if (reason) reason_value = std::string(*reason);
  connection.execute(
      "UPDATE shelter_referrals SET status = $1, decline_reason = $2, "
      "decided_at = COALESCE(decided_at, $3), needs = NULL, callback_phone_enc = NULL, "
      "purged_at = $3 WHERE id = $4",
      {std::string(status), reason_value, now, id});
}

}  // namespace qorgau::shelters
