#include "notify/notifier.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/error.h"
#include "notify/messages.h"

namespace qorgau::notify {

using core::ApiError;
using core::ErrorCode;
using nlohmann::json;

namespace {

constexpr std::string_view kFactsField = "notifications.facts";

// SELECT list of NotificationView, with the failed attempts its jobs recorded.
constexpr const char* kViewSelect =
    "SELECT n.id, n.kind, n.channel, n.status, n.urgent, n.sends, "
    "n.sends + COALESCE((SELECT SUM(j.attempts) FROM scheduled_jobs j "
    "  WHERE j.kind = 'notification_delivery' AND j.subject_id = n.id), 0), "
    "(SELECT j.last_error FROM scheduled_jobs j WHERE j.kind = 'notification_delivery' "
    "  AND j.subject_id = n.id AND j.last_error IS NOT NULL ORDER BY j.id DESC LIMIT 1), "
    "n.created_at, n.last_sent_at, n.acknowledged_at, n.acknowledged_by, n.last_error "
    "FROM notifications n ";

NotificationView read_view(const store::Row& row) {
  NotificationView v;
  v.id = row.integer(0);
  v.kind = row.text(1);
  v.channel = row.text(2);
  v.status = row.text(3);
  v.urgent = row.integer(4) != 0;
  v.sends = static_cast<int>(row.integer(5));
  v.attempts = static_cast<int>(row.integer(6));
  v.last_error = row.optional_text(12) ? row.optional_text(12) : row.optional_text(7);
  v.created_at = row.integer(8);
  v.last_sent_at = row.optional_integer(9);
  v.acknowledged_at = row.optional_integer(10);
  v.acknowledged_by = row.optional_text(11);
  return v;
}

}  // namespace

Notifier::Notifier(const ConsentStore& consents, const crypto::Protector& protector,
                   const core::Clock& clock,
                   std::map<std::string, const Channel*, std::less<>> channels,
                   NotifierSettings settings)
    : consents_(consents),
      protector_(protector),
      clock_(clock),
      channels_(std::move(channels)),
      settings_(settings) {}

int Notifier::notify(store::Connection& connection, std::int64_t case_id, std::string_view kind,
                     const std::map<std::string, std::string>& facts) const {
  const auto& kinds = notification_kinds();
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
    throw std::invalid_argument("notify: unknown notification kind");
  }
  auto consent = consents_.find(connection, case_id);
  if (!consent || !consent->covers(kind)) return 0;
  // Only the facts a text could ever show are kept (encrypted), so nothing else is stored.
  json kept = json::object();
  for (std::string_view key : date_fact_keys()) {
    if (auto fact = facts.find(std::string(key)); fact != facts.end()) {
      kept[std::string(key)] = fact->second;
    }
  }
  core::Bytes sealed_facts = protector_.seal(kept.dump(), kFactsField);
  const std::int64_t now = clock_.now_ms();
  std::optional<std::int64_t> event_id;
  int queued = 0;
  for (const auto& channel : consent->choice.channels) {
    std::vector<store::Value> params = {nullptr,
                                        case_id,
                                        std::string(kind),
                                        channel.channel,
                                        std::int64_t{is_urgent(kind) ? 1 : 0},
                                        sealed_facts,
                                        now};
    if (event_id) params[0] = *event_id;
    auto row = connection.query_one(
        "INSERT INTO notifications (event_id, case_id, kind, channel, urgent, facts, status, "
        "created_at) VALUES ($1, $2, $3, $4, $5, $6, 'queued', $7) RETURNING id",
        params);
    std::int64_t id = row->integer(0);
    if (!event_id) {
      event_id = id;
      connection.execute("UPDATE notifications SET event_id = id WHERE id = $1", {id});
    }
    queue_.schedule(connection, kDeliveryJob, id, now, now);
    ++queued;
  }
  return queued;
}

void Notifier::finish_failed(store::Connection& connection, std::int64_t id,
                             const std::string& error, std::int64_t now) const {
  connection.execute(
      "UPDATE notifications SET status = CASE WHEN sends > 0 THEN status ELSE 'failed' END, "
      "last_error = $2, finished_at = $3 WHERE id = $1",
      {id, error, now});
}

void Notifier::deliver(store::Connection& connection, const scheduler::Job& job) const {
  // Runs outside any transaction (Scheduler::on_outside_transaction): reads first, then the
  // send, which for e-mail and SMS waits on the network with no lock held, then one short
  // transaction records the outcome.
  const std::int64_t now = clock_.now_ms();
  auto row = connection.query_one(
      "SELECT case_id, kind, channel, urgent, facts, status, sends, finished_at "
      "FROM notifications WHERE id = $1",
      {job.subject_id});
  if (!row) return;
  const std::int64_t case_id = row->integer(0);
  const std::string kind = row->text(1);
  const std::string channel_code = row->text(2);
  const bool urgent = row->integer(3) != 0;
  const std::string status = row->text(5);
  const int sends = static_cast<int>(row->integer(6));
  bool still_to_send = status == "queued" || (status == "sent" && urgent && row->is_null(7));
  if (!still_to_send) return;
  auto consent = consents_.find(connection, case_id);
  const ChannelAddress* address = consent ? consent->channel(channel_code) : nullptr;
  if (!address || !consent->covers(kind)) {
    store::Transaction tx(connection);
    connection.execute(
        "UPDATE notifications SET status = 'withdrawn', finished_at = $2 WHERE id = $1 "
        "AND status IN ('queued', 'sent')",
        {job.subject_id, now});
    tx.commit();
    return;
  }
  const json stored_facts = json::parse(protector_.open(row->bytes(4), kFactsField));
  std::map<std::string, std::string> facts;
  for (const auto& [key, value] : stored_facts.items()) facts[key] = value.get<std::string>();
  MessageText words = compose(kind, consent->choice.detail, consent->choice.language, facts);
  auto channel = channels_.find(channel_code);
  const Delivery delivery{job.subject_id, address->address, words.subject, words.body};
  try {
    if (channel == channels_.end()) throw ChannelError("not_configured");
    if (channel->second->stores_in_database()) {
      store::Transaction tx(connection);  // the inbox row and the record of sending, together
      channel->second->send(connection, delivery);
      record_sent(connection, job.subject_id, urgent, sends, channel_code, now);
      tx.commit();
      return;
    }
    channel->second->send(connection, delivery);
  } catch (const ChannelError& failure) {
    spdlog::warn("notification {} ({}) not delivered: {}", job.subject_id, channel_code,
                 failure.code());
    if (job.attempts + 1 >= settings_.max_attempts) {
      store::Transaction tx(connection);
      finish_failed(connection, job.subject_id, failure.code(), now);
      tx.commit();
      spdlog::error("notification {} ({}) given up: {}", job.subject_id, channel_code,
                    failure.code());
      return;
    }
    throw;  // the scheduler retries later
  }
  store::Transaction tx(connection);
  record_sent(connection, job.subject_id, urgent, sends, channel_code, now);
  tx.commit();
}

void Notifier::record_sent(store::Connection& connection, std::int64_t id, bool urgent, int sends,
                           const std::string& channel_code, std::int64_t now) const {
  const bool again = urgent && sends + 1 < settings_.urgent_max_sends;
  std::vector<store::Value> params = {id, now, nullptr};
  if (!again) params[2] = now;
  // Acknowledged or withdrawn meanwhile: that stands, and nothing is sent again.
  std::int64_t changed = connection.execute(
      "UPDATE notifications SET status = 'sent', sends = sends + 1, last_sent_at = $2, "
      "last_error = NULL, finished_at = $3 WHERE id = $1 AND status IN ('queued', 'sent')",
      params);
  if (changed == 0) return;
  if (again) {
    queue_.schedule(connection, kDeliveryJob, id,
                    now + std::chrono::milliseconds(settings_.urgent_retry).count(), now);
  } else if (urgent) {
    spdlog::warn("notification {} ({}) sent {} times without acknowledgement", id, channel_code,
                 sends + 1);
  }
}

std::optional<NotificationView> Notifier::view(store::Connection& connection, std::int64_t case_id,
                                               std::int64_t id) const {
  auto row = connection.query_one(std::string(kViewSelect) + "WHERE n.id = $1 AND n.case_id = $2",
                                  {id, case_id});
  if (!row) return std::nullopt;
  return read_view(*row);
}

NotificationView Notifier::acknowledge(store::Connection& connection, std::int64_t case_id,
                                       std::int64_t id, std::string_view by) const {
  auto row = connection.query_one(
      "SELECT event_id, status, channel, text IS NOT NULL FROM notifications "
      "WHERE id = $1 AND case_id = $2",
      {id, case_id});
  if (!row) throw ApiError(ErrorCode::kNotFound);
  if (by == "inbox" && (row->text(2) != "inbox" || row->integer(3) == 0)) {
    throw ApiError(ErrorCode::kNotFound);
  }
  const std::string status = row->text(1);
  if (status == "withdrawn") throw ApiError(ErrorCode::kInvalidState);
  if (status != "acknowledged") {
    const std::int64_t now = clock_.now_ms();
    const std::int64_t event_id = row->integer(0);
    for (const auto& member : connection.query(
             "SELECT id FROM notifications WHERE event_id = $1 AND status IN ('queued', 'sent', "
             "'failed')",
             {event_id})) {
      queue_.cancel(connection, kDeliveryJob, member.integer(0), now);
    }
    connection.execute(
        "UPDATE notifications SET status = 'acknowledged', acknowledged_at = $2, "
        "acknowledged_by = $3, finished_at = COALESCE(finished_at, $2) "
        "WHERE event_id = $1 AND status IN ('queued', 'sent', 'failed')",
        {event_id, now, std::string(by)});
  }
  return *view(connection, case_id, id);
}

void Notifier::withdraw(store::Connection& connection, std::int64_t case_id) const {
  const std::int64_t now = clock_.now_ms();
  for (const auto& row :
       connection.query("SELECT id FROM notifications WHERE case_id = $1 AND finished_at IS NULL "
                        "AND status IN ('queued', 'sent')",
                        {case_id})) {
    queue_.cancel(connection, kDeliveryJob, row.integer(0), now);
  }
  connection.execute(
      "UPDATE notifications SET status = 'withdrawn', finished_at = $2 "
      "WHERE case_id = $1 AND finished_at IS NULL AND status IN ('queued', 'sent')",
      {case_id, now});
  connection.execute("UPDATE notifications SET text = NULL WHERE case_id = $1", {case_id});
}

std::vector<NotificationView> Notifier::for_case(store::Connection& connection,
                                                 std::int64_t case_id) const {
  std::vector<NotificationView> out;
  for (const auto& row : connection.query(
           std::string(kViewSelect) + "WHERE n.case_id = $1 ORDER BY n.id DESC", {case_id})) {
    out.push_back(read_view(row));
  }
  return out;
}

}  // namespace qorgau::notify
