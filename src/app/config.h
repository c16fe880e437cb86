// Server configuration. Sources, later ones winning:
//   1. built-in defaults (below);
//   2. the TOML file: --config FILE, or QORGAU_CONFIG, or <data-dir>/qorgau.toml if present;
//   3. environment variables QORGAU_<KEY> (e.g. QORGAU_PORT=8081);
//   4. command-line flags (--port, --bind, --data-dir, --web-dir).
// Keys are the field names below. Unknown keys in the file are an error, so a
// typo never silently leaves a safety setting at its default.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace qorgau::app {

struct Config {
  std::string bind = "127.0.0.1";
  std::uint16_t port = 8080;
  std::filesystem::path data_dir = "var/data";
  std::filesystem::path web_dir;            // empty: look beside the executable
  std::filesystem::path jurisdiction_file;  // empty: the built-in kz jurisdiction
  int threads = 4;
  std::size_t max_body_bytes = 1 << 20;
  // The largest evidence file accepted (photo, video, audio, document). Uploads
  // are streamed to disk, so this bounds disk use, not memory.
  std::uint64_t evidence_max_bytes = 2ULL << 30;
  std::chrono::seconds read_timeout{30};
  std::chrono::minutes session_idle_timeout{30};
  int login_max_failures = 5;
  std::chrono::minutes login_lockout{15};
  int login_attempts_per_minute = 20;  // per client address
  // Public intake, per client address: reports submitted (every attempt counts), receipt
  // lookups or additions, and files attached to reports, each in a sliding hour.
  int intake_reports_per_hour = 20;
  int intake_receipt_lookups_per_hour = 30;
  int intake_attachments_per_hour = 60;
  // Secure cookies need HTTPS; browsers also accept them from http://localhost
  // and 127.0.0.1. Turn off only for plain-HTTP tests on other addresses.
  bool cookie_secure = true;
  std::string log_level = "info";
  // Where the public reaches this server ("https://qorgau.example.kz", perhaps with a path
  // prefix), for links that leave it, such as the help poster's QR code. Invariant once loaded:
  // empty, or http(s)://host[:port][/path] in printable ASCII with no query, fragment, spaces
  // or trailing slash. Empty: links use the request's Host header.
  std::string public_url;
  // Notifications to the protected person (src/notify/). E-mail through an SMTP relay
  // (smtp_host empty: e-mail is not configured; queued e-mails wait and are retried) and
  // SMS through an HTTP gateway (sms_gateway_url, http:// only; empty: not configured).
  std::string smtp_host;
  std::uint16_t smtp_port = 25;
  std::string smtp_from;
  std::string sms_gateway_url;
  // How long one step of talking to the mail server or the gateway may take.
  std::chrono::seconds notify_send_timeout{5};
  // Urgent notifications are re-sent this often until acknowledged, at most this many times.
  std::chrono::seconds notify_urgent_retry{15 * 60};
  int notify_urgent_max_sends = 8;
  // Her inbox read or acknowledged with code and secret, per client address in a sliding hour.
  int inbox_lookups_per_hour = 60;
  // How often the in-server scheduler looks for due jobs.
  std::chrono::seconds scheduler_tick{1};
};

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Values given on the command line (unset = not given).
struct ConfigOverrides {
  std::optional<std::filesystem::path> config_file;
  std::optional<std::string> bind;
  std::optional<std::uint16_t> port;
  std::optional<std::filesystem::path> data_dir;
  std::optional<std::filesystem::path> web_dir;
};

// Resolves the configuration from all sources. `environment` is the process
// environment as a map (injected for tests). Throws ConfigError naming the
// offending key and source.
Config load_config(const ConfigOverrides& flags,
                   const std::map<std::string, std::string>& environment);

// The process environment as a map.
std::map<std::string, std::string> process_environment();

}  // namespace qorgau::app
