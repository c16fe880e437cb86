// What an order sets in motion beyond itself: the jobs of its end, run by the
// in-server scheduler (scheduler/scheduler.h), and the notifications to the
// protected person (notify/notifier.h; sent only with her consent).
//
// Invariants:
//  - a served order that is not revoked has exactly one pending
//    "order_expired" job at its end (ends_at) and, when that is more than
//    kExpiringNotice away, one "order_expiring" job kExpiringNotice before it;
//    extending moves both, revoking cancels both;
//  - a job whose order has since changed (another end, revoked) does nothing,
//    so a stale job can never notify or record a wrong end;
//  - "order_expired" appends the timeline event "order_expired" once (the
//    scheduler's exactly-once), even if the server was down at that moment;
//  - everything joins the caller's transaction.
#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>

#include "app/services.h"
#include "orders/orders.h"
#include "scheduler/scheduler.h"
#include "store/database.h"

namespace qorgau::orders {

inline constexpr std::string_view kExpiringJob = "order_expiring";
inline constexpr std::string_view kExpiredJob = "order_expired";
// How long before an order ends the protected person is told it is ending.
inline constexpr std::chrono::days kExpiringNotice{3};

// After serving: schedules the end jobs and notifies "order_served".
void after_served(app::Services& services, store::Connection& connection, const Order& order);
// After extending: moves the end jobs to the new end.
void after_extended(app::Services& services, store::Connection& connection, const Order& order);
// After revoking: cancels the end jobs.
void after_revoked(app::Services& services, store::Connection& connection, const Order& order);
// After a violation: notifies "order_violated" (urgent: repeated until she acknowledges).
void after_violation(app::Services& services, store::Connection& connection, const Order& order,
                     std::int64_t occurred_at);

// Registers the handlers of kExpiringJob and kExpiredJob; in Services' constructor, before the
// scheduler starts.
void register_order_jobs(scheduler::Scheduler& scheduler, app::Services& services);

}  // namespace qorgau::orders
