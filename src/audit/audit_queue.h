// Audit entries that must be on disk before an answer goes out, for requests that change
// nothing else (the field verification of orders): handed to the group committer without a
// transaction or a thread of the caller's own.
//
// Entries handed in while the committer is busy wait together and are appended in one of its
// units (AuditLog::append_all): the chain's head is read and written once for all of them,
// and one savepoint covers them, instead of one each.
//
// Invariants:
//  - each entry's `done` is called exactly once, on the committer's thread: with nullptr
//    after the commit that holds the entry, or with the error that kept it out (every entry
//    appended in the same unit shares that fate);
//  - entries are appended in the order they were handed in;
//  - safe to call from any thread; may be destroyed while units are still queued (they hold
//    the queue's state, not the queue), but the AuditLog must outlive the committer.
#pragma once

#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "audit/audit_log.h"
#include "store/group_commit.h"

namespace qorgau::audit {

class AuditQueue {
 public:
  AuditQueue(const AuditLog& log, store::GroupCommitter& committer);

  void submit(AuditEvent event, std::function<void(std::exception_ptr)> done);

 private:
  struct Waiting {
    AuditEvent event;
    std::function<void(std::exception_ptr)> done;
  };
  struct State {
    std::mutex mutex;
    std::vector<Waiting> waiting;
    // An empty vector with room, handed back by a finished unit: `waiting` and `spare` take
    // turns, so a steady stream of entries queues without growing a vector each batch.
    std::vector<Waiting> spare;
    bool unit_queued = false;  // a committer unit will take `waiting` when it runs
  };
  struct Taken {
    bool ran = false;  // taken from State::waiting (by the unit, or by its completion)
    std::vector<Waiting> entries;
  };
  // Moves what waits into `taken` and lets the next entry queue a new unit.
  static void take(State& state, Taken& taken);

  const AuditLog& log_;
  store::GroupCommitter& committer_;
  std::shared_ptr<State> state_ = std::make_shared<State>();
};

}  // namespace qorgau::audit
