#include "store/group_commit.h"

namespace qorgau::store {

GroupCommitter::GroupCommitter(Database& database, size_t max_batch)
    : connection_(database.connect()), max_batch_(max_batch == 0 ? 1 : max_batch) {
  thread_ = std::thread([this] { loop(); });
}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void GroupCommitter::run(std::function<void(Connection&)> work) {
  std::promise<void> committed;
  std::future<void> result = committed.get_future();
  submit(std::move(work), [&committed](const std::exception_ptr& error) {
    if (error) {
      committed.set_exception(error);
    } else {
      committed.set_value();
    }
  });
  result.get();
}

void GroupCommitter::submit(std::function<void(Connection&)> work,
                            std::function<void(std::exception_ptr)> done) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(Unit{std::move(work), std::move(done)});
    // The committer waits only on an empty queue (and re-checks it before waiting), so only
    // the first unit needs to wake it: one futex call per batch, not per unit.
    if (queue_.size() > 1) return;
  }
  wake_.notify_one();
}

std::size_t GroupCommitter::batches() const {
  std::lock_guard lock(mutex_);
  return batches_;
}

void GroupCommitter::loop() {
  for (;;) {
    std::deque<Unit> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to do
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    commit_batch(batch);
  }
}

void GroupCommitter::commit_batch(std::deque<Unit>& batch) {
  Connection& c = *connection_;
  std::vector<std::exception_ptr> failures(batch.size());
  try {
    c.begin();
    for (size_t i = 0; i < batch.size(); ++i) {
      c.execute("SAVEPOINT unit");
      try {
        batch[i].work(c);
        c.execute("RELEASE unit");
      } catch (...) {
        failures[i] = std::current_exception();
        c.execute("ROLLBACK TO unit");
        c.execute("RELEASE unit");
      }
    }
    c.commit();
  } catch (...) {
    std::exception_ptr error = std::current_exception();
    try {
      c.rollback();
    } catch (...) {
      // The transaction is gone either way; the callers hear the first error.
    }
    for (auto& unit : batch) unit.done(error);
    return;
  }
  {
    std::lock_guard lock(mutex_);
    ++batches_;
  }
  for (size_t i = 0; i < batch.size(); ++i) batch[i].done(failures[i]);
}

}  // namespace qorgau::store
