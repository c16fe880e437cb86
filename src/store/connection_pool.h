// A fixed set of connections shared by request handlers. lease() blocks until
// a connection is free; the Lease returns it when it goes out of scope.
// A connection is used by one thread at a time (the engines' rule).
#pragma once

#include <condition_variable>
#include <mutex>

#include "store/database.h"

namespace qorgau::store {

class ConnectionPool {
 public:
  ConnectionPool(Database& database, size_t size);

  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<Connection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  Lease lease();
  Database& database() { return database_; }

 private:
  Database& database_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace qorgau::store
