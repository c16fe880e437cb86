#include "store/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <cstdlib>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <spdlog/spdlog.h>

#include "store/change_epochs.h"

namespace qorgau::store {

namespace {

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what) {
  std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if ((rc & 0xff) == SQLITE_CONSTRAINT) throw ConstraintError(message);
  throw StoreError(message);
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// Process-wide settings, applied once before SQLite initializes. Debian's SQLite keeps
// allocation statistics by default, behind one global mutex taken on every allocation (its
// build has no lookaside, so every small one): the event loops, workers and the group
// committer then queue on that mutex. Nothing here reads the statistics.
void configure_sqlite_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Refused (SQLITE_MISUSE) only if something in the process initialized SQLite already;
    // it then keeps its defaults, which are correct, only slower.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_initialize();
  });
}

class SqliteConnection : public Connection {
 public:
  SqliteConnection(const std::filesystem::path& file, PublishedEpochs& published)
      : published_(published) {
    configure_sqlite_once();
    int rc =
        sqlite3_open_v2(file.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_close(db_);
      db_ = nullptr;
      fail(nullptr, rc, "cannot open database");
    }
    sqlite3_busy_timeout(db_, 10000);
    exec_plain("PRAGMA journal_mode=WAL");
    exec_plain("PRAGMA synchronous=FULL");
    exec_plain("PRAGMA foreign_keys=ON");
    exec_plain("PRAGMA secure_delete=ON");
    sqlite3_update_hook(db_, &SqliteConnection::on_row_change, this);
    sqlite3_rollback_hook(db_, &SqliteConnection::on_rollback, this);
  }

  ~SqliteConnection() override {
    for (auto& [sql, prepared] : cache_) sqlite3_finalize(prepared.stmt);
    sqlite3_close_v2(db_);
  }

  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params) override {
    AfterStatement after(*this);
    BoundStatement bound(prepare(sql, params));
    std::vector<Row> rows;
    int rc;
    while ((rc = sqlite3_step(bound.stmt)) == SQLITE_ROW) rows.emplace_back(read_row(bound.stmt));
    if (rc != SQLITE_DONE) fail(db_, rc, "query failed");
    return rows;
  }

  std::int64_t execute(std::string_view sql, const std::vector<Value>& params) override {
    AfterStatement after(*this);
    BoundStatement bound(prepare(sql, params));
    int rc;
    while ((rc = sqlite3_step(bound.stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) fail(db_, rc, "statement failed");
    return sqlite3_changes64(db_);
  }

  void execute_script(std::string_view sql) override {
    AfterStatement after(*this);
    exec_plain(expand_sqlite_macros(sql));
  }

  // Through the statement cache: a group commit begins and commits often, and sqlite3_exec
  // would parse the statement each time.
  void begin() override { execute("BEGIN IMMEDIATE", {}); }
  void commit() override { execute("COMMIT", {}); }
  void rollback() override {
    if (!sqlite3_get_autocommit(db_)) execute("ROLLBACK", {});
  }

 private:
  // The update hook: SQLite calls it for every row a statement (or a trigger it fires) inserts,
  // updates or deletes in a rowid table.
  static void on_row_change(void* self, int, const char*, const char* table, sqlite3_int64) {
    if (std::string_view(table) == "change_epochs") {
      static_cast<SqliteConnection*>(self)->epochs_changed_ = true;
    }
  }
  static void on_rollback(void* self) {
    static_cast<SqliteConnection*>(self)->epochs_changed_ = false;
  }

  // Once a statement is over, however it ended: if it left no transaction open and the
  // epochs changed since the last publication, the change committed; publish a reading.
  struct AfterStatement {
    explicit AfterStatement(SqliteConnection& c) : connection(c) {}
    AfterStatement(const AfterStatement&) = delete;
    AfterStatement& operator=(const AfterStatement&) = delete;
    ~AfterStatement() { connection.publish_if_committed(); }
    SqliteConnection& connection;
  };
  void publish_if_committed() noexcept {
    if (!epochs_changed_ || !sqlite3_get_autocommit(db_)) return;
    epochs_changed_ = false;
    try {
      published_.publish(ChangeEpochs::read(*this));
    } catch (const std::exception& e) {
      // The commit stands; servers catch up at their next reading of the database (app::Api).
      spdlog::error("store: cannot publish the change epochs after a commit: {}", e.what());
    }
  }

  void exec_plain(const std::string& sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
      std::string message = error ? error : sqlite3_errstr(rc);
      sqlite3_free(error);
      if ((rc & 0xff) == SQLITE_CONSTRAINT) throw ConstraintError(message);
      throw StoreError("sqlite: " + message);
    }
  }

  // A prepared statement and where each of its parameters $1, $2, ... is bound (SQLite
  // numbers named parameters in order of first appearance, which need not be 1, 2, ...).
  struct Prepared {
    sqlite3_stmt* stmt = nullptr;
    std::vector<int> slots;  // slots[i]: the index of $i+1, 0 when the statement lacks it
  };

  // A cached statement in use with its parameters bound. On leaving scope, however that
  // happens, it is reset and its bindings cleared: parameters are bound without a copy
  // (SQLITE_STATIC), so the statement must not keep pointers into them once the call that
  // owns them returns.
  struct BoundStatement {
    explicit BoundStatement(sqlite3_stmt* s) : stmt(s) {}
    BoundStatement(const BoundStatement&) = delete;
    BoundStatement& operator=(const BoundStatement&) = delete;
    ~BoundStatement() {
      sqlite3_reset(stmt);
      sqlite3_clear_bindings(stmt);
    }
    sqlite3_stmt* stmt;
  };

  // Prepared statements are cached per connection for the life of the
  // connection; module SQL is a fixed set of strings. The parameters are bound by reference:
  // use the statement through a BoundStatement while `params` lives.
  sqlite3_stmt* prepare(std::string_view sql, const std::vector<Value>& params) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      Prepared prepared;
      int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                  SQLITE_PREPARE_PERSISTENT, &prepared.stmt, nullptr);
      if (rc != SQLITE_OK) fail(db_, rc, "cannot prepare statement");
      int count = sqlite3_bind_parameter_count(prepared.stmt);
      for (int index = 1; index <= count; ++index) {
        const char* name = sqlite3_bind_parameter_name(prepared.stmt, index);
        int number = name && name[0] == '$' ? std::atoi(name + 1) : 0;
        if (number <= 0) continue;  // not one of ours ($1, $2, ...): never bound
        if (prepared.slots.size() < static_cast<size_t>(number)) prepared.slots.resize(number);
        prepared.slots[number - 1] = index;
      }
      it = cache_.emplace(std::string(sql), std::move(prepared)).first;
    }
    const Prepared& prepared = it->second;
    try {
      for (size_t i = 0; i < params.size(); ++i) {
        int slot = i < prepared.slots.size() ? prepared.slots[i] : 0;
        if (slot == 0) throw StoreError("statement has no parameter $" + std::to_string(i + 1));
        bind(prepared.stmt, slot, params[i]);
      }
    } catch (...) {
      sqlite3_clear_bindings(prepared.stmt);
      throw;
    }
    return prepared.stmt;
  }

  void bind(sqlite3_stmt* stmt, int index, const Value& value) {
    int rc = std::visit(
        [&](const auto& v) -> int {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            return sqlite3_bind_null(stmt, index);
          } else if constexpr (std::is_same_v<T, std::int64_t>) {
            return sqlite3_bind_int64(stmt, index, v);
          } else if constexpr (std::is_same_v<T, double>) {
            return sqlite3_bind_double(stmt, index, v);
          } else if constexpr (std::is_same_v<T, std::string>) {
            return sqlite3_bind_text64(stmt, index, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8);
          } else {
            // An empty vector's data() may be null, which SQLite would store as NULL.
            if (v.empty()) return sqlite3_bind_zeroblob(stmt, index, 0);
            return sqlite3_bind_blob64(stmt, index, v.data(), v.size(), SQLITE_STATIC);
          }
        },
        value);
    if (rc != SQLITE_OK) fail(db_, rc, "cannot bind parameter");
  }

  static Row read_row(sqlite3_stmt* stmt) {
    int n = sqlite3_column_count(stmt);
    std::vector<Value> values;
    values.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
      switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_INTEGER:
          values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, i)));
          break;
        case SQLITE_FLOAT:
          values.emplace_back(sqlite3_column_double(stmt, i));
          break;
        case SQLITE_TEXT:
          values.emplace_back(
              std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, i)),
                          static_cast<size_t>(sqlite3_column_bytes(stmt, i))));
          break;
        case SQLITE_BLOB: {
          auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt, i));
          values.emplace_back(core::Bytes(p, p + sqlite3_column_bytes(stmt, i)));
          break;
        }
        default:
          values.emplace_back(nullptr);
      }
    }
    return Row(std::move(values));
  }

  sqlite3* db_ = nullptr;
  PublishedEpochs& published_;
  bool epochs_changed_ = false;  // by a transaction not yet committed or rolled back
  // Looked up by string_view, so finding a cached statement allocates nothing.
  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
  };
  std::unordered_map<std::string, Prepared, SqlHash, std::equal_to<>> cache_;
};

}  // namespace

std::string expand_sqlite_macros(std::string_view sql) {
  std::string out(sql);
  replace_all(out, "{{id_pk}}", "INTEGER PRIMARY KEY");
  replace_all(out, "{{bytes}}", "BLOB");
  return out;
}

SqliteDatabase::SqliteDatabase(std::filesystem::path file)
    : file_(std::move(file)),
      published_(std::make_unique<PublishedEpochs>(file_.string() + "-epochs")) {}

std::unique_ptr<Connection> SqliteDatabase::connect() {
  return std::make_unique<SqliteConnection>(file_, *published_);
}

}  // namespace qorgau::store
