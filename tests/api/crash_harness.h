// What the crash tests share: clients submit to a real server in parallel
// while it is killed with SIGKILL, then the database is checked on disk. A
// test says what one submission is and what counts as acknowledged; the
// harness runs the clients, pulls the plug at the right moment and joins them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "test_server.h"

namespace qorgau::testing {

// Runs `clients` threads; thread t calls `submit(t, round)` for round 0, 1, ...
// until the server is killed. An exception from `submit` means the server is
// gone (or going) and is not a failure: what it did not acknowledge does not
// count. Kills the server (SIGKILL, while the clients are still sending) as
// soon as `acknowledged()` reaches `threshold`, or after 60 s, and returns
// once every client has stopped. `acknowledged` must be safe to call while
// the clients run.
void kill_while_submitting(TestServer& server, int clients,
                           const std::function<void(int client, std::uint64_t round)>& submit,
                           const std::function<std::size_t()>& acknowledged, std::size_t threshold);

// A survivor's report from Almaty with `description` as its narrative, a name
// and a contact phone: personal fields that must all come back decrypted.
nlohmann::json crash_report(const std::string& description);

// PRAGMA integrity_check of the database in `data_dir`, with the server down.
std::string integrity_check(const std::filesystem::path& data_dir);

}  // namespace qorgau::testing
