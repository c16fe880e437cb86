// A real `qorgau serve` process for API tests: a fresh temporary data
// directory (optionally with demo data), a free loopback port, and a small
// HTTP client with a cookie jar and CSRF handling, as a browser would have.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace qorgau::testing {

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-cased names; last value wins
  std::vector<std::string> set_cookies;
  std::string body;

  nlohmann::json json() const { return nlohmann::json::parse(body); }
  std::string error_code() const;
};

class TestServer {
 public:
  struct Options {
    bool demo_data = true;
    std::vector<std::string> extra_args;
    std::map<std::string, std::string> env;  // QORGAU_* settings
  };
  TestServer();
  explicit TestServer(Options options);
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  // Runs `qorgau <args> --data-dir DIR`, returns its exit code; stdin is `input`.
  int run_cli(const std::vector<std::string>& args, const std::string& input = "",
              std::string* output = nullptr) const;

  void start();
  // SIGTERM and wait; returns the exit status.
  int stop();
  // Waits for a server already told to stop (a second SIGTERM could arrive
  // after it stopped handling signals); returns the exit status.
  int wait_exit();
  void kill_hard();
  pid_t pid() const { return pid_; }
  std::uint16_t port() const { return port_; }
  const std::filesystem::path& data_dir() const { return data_dir_; }
  // Everything the server wrote to stdout and stderr so far.
  std::string server_log() const;

 private:
  Options options_;
  std::filesystem::path data_dir_;
  std::uint16_t port_ = 0;
  pid_t pid_ = -1;
};

// An HTTP/1.1 client for one server, with a cookie jar and the CSRF token
// the server handed out at login.
class Client {
 public:
  explicit Client(std::uint16_t port, std::string language = "en");

  Reply request(const std::string& method, const std::string& target, const std::string& body = "",
                std::map<std::string, std::string> headers = {});
  Reply get(const std::string& target) { return request("GET", target); }
  Reply post(const std::string& target, const nlohmann::json& body) {
    return request("POST", target, body.dump());
  }
  // Logs in and keeps the session cookie and CSRF token; returns the reply.
  Reply login(const std::string& username, const std::string& password);

  std::string csrf_token;
  std::map<std::string, std::string> cookies;

 private:
  std::uint16_t port_;
  std::string language_;
};

inline constexpr const char* kDemoPassword = "qorgau-demo-2026";

// The SHA-256 of `bytes`, lower-case hex (as the evidence receipts give it).
std::string sha256_hex(const std::string& bytes);

// Polls `done` every 200 ms for up to `limit`; whether it became true.
bool eventually(const std::function<bool()>& done,
                std::chrono::milliseconds limit = std::chrono::seconds(20));

// The entries of a directory (none if it does not exist).
std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir);

}  // namespace qorgau::testing
