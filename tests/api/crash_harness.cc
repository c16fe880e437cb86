#include "crash_harness.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "store/sqlite/sqlite_database.h"

namespace qorgau::testing {

void kill_while_submitting(TestServer& server, int clients,
                           const std::function<void(int client, std::uint64_t round)>& submit,
                           const std::function<std::size_t()>& acknowledged,
                           std::size_t threshold) {
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  threads.reserve(static_cast<std::size_t>(clients));
  for (int t = 0; t < clients; ++t) {
    threads.emplace_back([&, t] {
      for (std::uint64_t round = 0; !stop.load(); ++round) {
        try {
          submit(t, round);
        } catch (const std::exception&) {
          std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
      }
    });
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline && acknowledged() < threshold) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  server.kill_hard();
  stop = true;
  for (auto& thread : threads) thread.join();
}

nlohmann::json crash_report(const std::string& description) {
  return {
      {"reporter", {{"type", "survivor"}}},
      {"incident",
       {{"types", {"physical_assault"}}, {"region", "750000000"}, {"description", description}}},
      {"victim", {{"full_name", "Crash Test Victim"}}},
      {"immediate_danger", false},
      {"contact", {{"ways", {"sms"}}, {"phone", "+7 700 000 11 22"}}}};
}

std::string integrity_check(const std::filesystem::path& data_dir) {
  store::SqliteDatabase database(data_dir / "qorgau.db");
  return database.connect()->query_one("PRAGMA integrity_check")->text(0);
}

}  // namespace qorgau::testing
