#include "orders/order_jobs.h"

#include <string>

#include "core/calendar_day.h"
#include "orders/bounds.h"

namespace qorgau::orders {

namespace {

std::int64_t expiring_at(const Order& order) {
  return order.term.ends_at - std::chrono::milliseconds(kExpiringNotice).count();
}

void cancel_end_jobs(app::Services& services, store::Connection& connection,
                     std::int64_t order_id) {
  const auto& queue = services.scheduler().queue();
  std::int64_t now = services.clock().now_ms();
  queue.cancel(connection, kExpiringJob, order_id, now);
  queue.cancel(connection, kExpiredJob, order_id, now);
}

void schedule_end_jobs(app::Services& services, store::Connection& connection, const Order& order) {
  cancel_end_jobs(services, connection, order.id);
  if (!order.served_at || order.revoked_at) return;
  const auto& queue = services.scheduler().queue();
  std::int64_t now = services.clock().now_ms();
  if (expiring_at(order) > now) {
    queue.schedule(connection, kExpiringJob, order.id, expiring_at(order), now);
  }
  queue.schedule(connection, kExpiredJob, order.id, order.term.ends_at, now);
}

}  // namespace

void after_served(app::Services& services, store::Connection& connection, const Order& order) {
  schedule_end_jobs(services, connection, order);
  std::string served_on =
      core::format_day(services.jurisdiction().zone->local_date(*order.served_at));
  services.notifier().notify(
      connection, order.case_id, "order_served",
      {{"served_on", served_on}, {"ends_on", core::format_day(order.term.ends_on)}});
}

void after_extended(app::Services& services, store::Connection& connection, const Order& order) {
  schedule_end_jobs(services, connection, order);
}

void after_revoked(app::Services& services, store::Connection& connection, const Order& order) {
  cancel_end_jobs(services, connection, order.id);
}

void after_violation(app::Services& services, store::Connection& connection, const Order& order,
                     std::int64_t occurred_at) {
  std::string occurred_on = core::format_day(services.jurisdiction().zone->local_date(occurred_at));
  services.notifier().notify(connection, order.case_id, "order_violated",
                             {{"occurred_on", occurred_on}});
}

void register_order_jobs(scheduler::Scheduler& scheduler, app::Services& services) {
  scheduler.on(std::string(kExpiringJob),
               [&services](store::Connection& connection, const scheduler::Job& job) {
                 auto order = services.orders().find(connection, job.subject_id);
                 if (!order || order->revoked_at || expiring_at(*order) != job.due_at) return;
                 if (services.clock().now_ms() >= order->term.ends_at) return;  // ended meanwhile
                 services.notifier().notify(connection, order->case_id, "order_expiring",
                                            {{"ends_on", core::format_day(order->term.ends_on)}});
               });
  scheduler.on(std::string(kExpiredJob), [&services](store::Connection& connection,
                                                     const scheduler::Job& job) {
    auto order = services.orders().find(connection, job.subject_id);
    if (!order || order->revoked_at || order->term.ends_at != job.due_at) return;
    services.case_timeline().append_event(connection, order->case_id, std::nullopt, "order_expired",
                                          "order " + std::to_string(order->id));
  });
}

}  // namespace qorgau::orders
