#include "store/connection_pool.h"

namespace qorgau::store {

ConnectionPool::ConnectionPool(Database& database, size_t size) : database_(database) {
  for (size_t i = 0; i < size; ++i) idle_.push_back(database_.connect());
}

ConnectionPool::Lease ConnectionPool::lease() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty(); });
  auto connection = std::move(idle_.back());
  idle_.pop_back();
  return Lease(*this, std::move(connection));
}

ConnectionPool::Lease::~Lease() {
  if (!connection_) return;
  {
    std::lock_guard lock(pool_->mutex_);
    pool_->idle_.push_back(std::move(connection_));
  }
  pool_->available_.notify_one();
}

}  // namespace qorgau::store
