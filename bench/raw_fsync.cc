// The machine's limit for durable writes: single-row SQLite commits, each its
// own transaction, in WAL mode with synchronous=FULL (one fsync per commit),
// the way a naive server would store one report. bench/intake prints Qorgau's
// durable intake rate as a ratio to this number, measured in the same run on
// the same filesystem.
//
// Usage: qorgau_bench_fsync DIR SECONDS  -> prints "<commits per second>"
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "store/sqlite/sqlite_database.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s DIR SECONDS\n", argv[0]);
    return 2;
  }
  std::filesystem::path dir = argv[1];
  double seconds = std::strtod(argv[2], nullptr);
  std::filesystem::create_directories(dir);
  qorgau::store::SqliteDatabase database(dir / "raw.db");
  auto connection = database.connect();
  connection->execute_script("CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
  const std::string body(1024, 'x');  // about one encrypted report row
  using clock = std::chrono::steady_clock;
  auto start = clock::now();
  auto until = start + std::chrono::duration<double>(seconds);
  long commits = 0;
  while (clock::now() < until) {
    connection->begin();
    connection->execute("INSERT INTO rows (body) VALUES ($1)", {body});
    connection->commit();
    ++commits;
  }
  double elapsed = std::chrono::duration<double>(clock::now() - start).count();
  std::printf("%.0f\n", static_cast<double>(commits) / elapsed);
  return 0;
}
