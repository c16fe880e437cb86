// The storage interface every module uses. SQLite is the embedded engine
// (store/sqlite/); a PostgreSQL engine can follow behind the same interface,
// so module code must stay within portable SQL:
//  - parameters are written $1, $2, ... (both engines accept them);
//  - new ids come back through INSERT ... RETURNING id;
//  - time is BIGINT milliseconds since the Unix epoch (UTC);
//  - DDL lives only in migrations/, where two macros are expanded per engine:
//    {{id_pk}} (an auto-assigned 64-bit primary key) and {{bytes}} (binary).
//
// Durability contract: when Transaction::commit() returns, the data is on
// stable storage (SQLite: WAL with synchronous=FULL). A Transaction that is
// destroyed without commit() rolls back, so an exception between begin and
// commit never leaves half a change behind.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/bytes.h"

namespace qorgau::store {

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string, core::Bytes>;

struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A unique or foreign-key constraint refused the change.
struct ConstraintError : StoreError {
  using StoreError::StoreError;
};

// One result row. Columns are read by position, in SELECT order.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}

  size_t size() const { return values_.size(); }
  bool is_null(size_t i) const { return std::holds_alternative<std::nullptr_t>(values_.at(i)); }
  std::int64_t integer(size_t i) const;
  double real(size_t i) const;
  const std::string& text(size_t i) const;
  const core::Bytes& bytes(size_t i) const;
  std::optional<std::int64_t> optional_integer(size_t i) const;
  std::optional<std::string> optional_text(size_t i) const;
  std::optional<core::Bytes> optional_bytes(size_t i) const;

 private:
  std::vector<Value> values_;
};

class Connection {
 public:
  virtual ~Connection() = default;

  // Runs one statement with positional parameters; returns its rows (empty
  // for statements that return none).
  virtual std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs one statement; returns the number of rows it changed.
  virtual std::int64_t execute(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Runs a migration script (several statements, macros expanded, no parameters).
  virtual void execute_script(std::string_view sql) = 0;

  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;

  // The first row of query(), or nullopt.
  std::optional<Row> query_one(std::string_view sql, const std::vector<Value>& params = {});
};

// A write transaction. Engines take the write lock at begin(), so a
// transaction that reads then writes cannot deadlock with another one.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();
  Connection& connection() { return connection_; }

 private:
  Connection& connection_;
  bool done_ = false;
};

class PublishedEpochs;

class Database {
 public:
  virtual ~Database() = default;
  // "sqlite" or "postgresql".
  virtual std::string_view engine() const = 0;
  // A new connection; each is used by one thread at a time.
  virtual std::unique_ptr<Connection> connect() = 0;
  // The change epochs as published by every process writing this database
  // (store/published_epochs.h). The engine's connections publish after each commit that
  // moved them; a server reads them here instead of reading the database per request.
  virtual PublishedEpochs& published_epochs() = 0;
};

}  // namespace qorgau::store
