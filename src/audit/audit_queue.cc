#include "audit/audit_queue.h"

#include <utility>

namespace qorgau::audit {

void AuditQueue::take(State& state, Taken& taken) {
  std::lock_guard lock(state.mutex);
  taken.entries.swap(state.waiting);
  state.waiting.swap(state.spare);
  taken.ran = true;
  state.unit_queued = false;
}

AuditQueue::AuditQueue(const AuditLog& log, store::GroupCommitter& committer)
    : log_(log), committer_(committer) {}

void AuditQueue::submit(AuditEvent event, std::function<void(std::exception_ptr)> done) {
  {
    std::lock_guard lock(state_->mutex);
    state_->waiting.push_back(Waiting{std::move(event), std::move(done)});
    if (state_->unit_queued) return;  // the unit already queued will take it
    state_->unit_queued = true;
  }
  // What the unit takes when it runs, shared with its completion. If the batch fails before
  // the unit runs (its transaction could not begin), the completion takes them instead, so no
  // entry is left waiting for a unit that will not come.
  auto taken = std::make_shared<Taken>();
  committer_.submit(
      [state = state_, taken, &log = log_](store::Connection& connection) {
        take(*state, *taken);
        std::vector<const AuditEvent*> events;
        events.reserve(taken->entries.size());
        for (const Waiting& w : taken->entries) events.push_back(&w.event);
        log.append_all(connection, events);
      },
      [state = state_, taken](const std::exception_ptr& error) {
        if (!taken->ran) take(*state, *taken);
        for (Waiting& w : taken->entries) w.done(error);
        taken->entries.clear();
        std::lock_guard lock(state->mutex);
        if (state->spare.capacity() < taken->entries.capacity()) state->spare.swap(taken->entries);
      });
}

}  // namespace qorgau::audit
