// Notifications to the protected person: queued in an outbox (one row per
// consented channel), delivered by the scheduler job "notification_delivery"
// (subject = the row's id), re-sent for urgent kinds until acknowledged.
//
// Guarantees:
//  - nothing is queued or sent without her consent for that kind and channel
//    (notify/consents.h); a consent withdrawn or narrowed before delivery
//    stops it (the row becomes "withdrawn");
//  - notify() joins the caller's transaction: the rows and their jobs commit
//    with the change that caused them, or not at all;
//  - the words come only from notify/messages.h at her chosen detail level;
//  - delivery is at least once: the job sends, then records the send in the
//    job's transaction. A crash between the two re-sends once more after the
//    restart; the inbox, written in that same transaction, is exactly once;
//  - a channel that fails (not configured, unreachable, refused) is retried
//    by the scheduler (1 min, 2 min, 4 min ...); on the scheduler's last
//    attempt the row is marked "failed". Logs carry ids and error codes only;
//  - urgent kinds (order_violated, aggressor_released) are re-sent every
//    `urgent_retry` until acknowledged (by her in the inbox, or by staff when
//    she confirms by phone), at most `urgent_max_sends` times; acknowledging
//    one row acknowledges every row of the same notify() call.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "crypto/protector.h"
#include "notify/channel.h"
#include "notify/consents.h"
#include "scheduler/job_queue.h"
#include "store/database.h"

namespace qorgau::notify {

inline constexpr std::string_view kDeliveryJob = "notification_delivery";

struct NotifierSettings {
  std::chrono::seconds urgent_retry{15 * 60};
  int urgent_max_sends = 8;
  int max_attempts = 10;  // the scheduler's (SchedulerOptions::max_attempts)
};

// A row as staff see it: no address, no text.
struct NotificationView {
  std::int64_t id = 0;
  std::string kind;
  std::string channel;
  std::string status;  // queued, sent, acknowledged, failed, withdrawn
  bool urgent = false;
  int sends = 0;
  int attempts = 0;  // sends + failed attempts
  std::optional<std::string> last_error;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_sent_at;
  std::optional<std::int64_t> acknowledged_at;
  std::optional<std::string> acknowledged_by;  // "inbox" or "staff"
};

class Notifier {
 public:
  // `channels` are the delivery adapters by code ("email", "sms", "inbox"); they must outlive this.
  Notifier(const ConsentStore& consents, const crypto::Protector& protector,
           const core::Clock& clock, std::map<std::string, const Channel*, std::less<>> channels,
           NotifierSettings settings);

  // Queues a notification to the case's survivor for each channel she consented to for this
  // kind (none: nothing queued, returns 0). Joins the caller's transaction; delivery is a
  // scheduler job. `facts` are the only details the text may carry, and only if her consent's
  // detail level allows them (e.g. {"ends_on": "2026-12-21"}). Throws std::invalid_argument
  // for a kind not in notification_kinds().
  int notify(store::Connection& connection, std::int64_t case_id, std::string_view kind,
             const std::map<std::string, std::string>& facts) const;

  // The scheduler's handler for kDeliveryJob, registered with
  // Scheduler::on_outside_transaction: it opens its own short transactions, so no lock is held
  // while an e-mail or SMS waits on the network. E-mail and SMS are delivered at least once
  // (a crash after sending and before recording sends again); the inbox exactly once.
  void deliver(store::Connection& connection, const scheduler::Job& job) const;

  // Marks the notification `id` of the case (and its event's other rows) acknowledged;
  // `by` is "inbox" or "staff". ApiError(kNotFound) if it is not the case's (or, from the
  // inbox, not a delivered inbox message), kInvalidState if withdrawn. Idempotent.
  NotificationView acknowledge(store::Connection& connection, std::int64_t case_id, std::int64_t id,
                               std::string_view by) const;

  // Stops everything still to be sent for the case (rows "withdrawn", jobs cancelled) and
  // erases the delivered inbox texts; called when she withdraws her consent.
  void withdraw(store::Connection& connection, std::int64_t case_id) const;

  std::vector<NotificationView> for_case(store::Connection& connection, std::int64_t case_id) const;

 private:
  std::optional<NotificationView> view(store::Connection& connection, std::int64_t case_id,
                                       std::int64_t id) const;
  void finish_failed(store::Connection& connection, std::int64_t id, const std::string& error,
                     std::int64_t now) const;
  // Records one send (unless acknowledged or withdrawn meanwhile) and, for an urgent kind not
  // yet sent its maximum, schedules the next.
  void record_sent(store::Connection& connection, std::int64_t id, bool urgent, int sends,
                   const std::string& channel_code, std::int64_t now) const;

  const ConsentStore& consents_;
  const crypto::Protector& protector_;
  const core::Clock& clock_;
  std::map<std::string, const Channel*, std::less<>> channels_;
  NotifierSettings settings_;
  scheduler::JobQueue queue_;
};

}  // namespace qorgau::notify
