#include "app/config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <string_view>

#include "notify/consents.h"
#include "notify/sms_gateway_channel.h"

extern char** environ;

namespace qorgau::app {

namespace {

// One setter per key, shared by the file and the environment, so both accept
// exactly the same keys with the same validation.
using Setter = std::function<void(Config&, const std::string& value)>;

long long parse_number(const std::string& key, const std::string& value, long long min,
                       long long max) {
  long long n = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || end != value.data() + value.size() || n < min || n > max) {
    throw ConfigError(key + " must be a whole number from " + std::to_string(min) + " to " +
                      std::to_string(max));
  }
  return n;
}

bool parse_bool(const std::string& key, const std::string& value) {
  if (value == "true" || value == "1") return true;
  if (value == "false" || value == "0") return false;
  throw ConfigError(key + " must be true or false");
}

// See Config::public_url. A trailing slash is dropped, so "<url>/help" never holds "//".
std::string parse_public_url(const std::string& value) {
  std::string url = value;
  while (!url.empty() && url.back() == '/') url.pop_back();
  if (url.empty()) return url;
  const char* kMessage =
      "public_url must be http(s)://host[:port][/path], at most 200 printable ASCII characters, "
      "without query or fragment";
  std::string_view rest = url;
  if (rest.starts_with("https://")) {
    rest.remove_prefix(8);
  } else if (rest.starts_with("http://")) {
    rest.remove_prefix(7);
  } else {
    throw ConfigError(kMessage);
  }
  std::string_view host = rest.substr(0, rest.find('/'));
  bool host_ok = !host.empty() && std::all_of(host.begin(), host.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return std::isalnum(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
  });
  bool rest_ok = std::all_of(rest.begin(), rest.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return c > 0x20 && c < 0x7f && c != '?' && c != '#' && c != '"' && c != '\\' && c != '<' &&
           c != '>';
  });
  if (!host_ok || !rest_ok || url.size() > 200) throw ConfigError(kMessage);
  return url;
}

// A host name or address: letters, digits, '.', '-', ':' (no spaces, no CR/LF).
std::string parse_smtp_host(const std::string& value) {
  bool ok = value.size() <= 253 && std::all_of(value.begin(), value.end(), [](char ch) {
              auto c = static_cast<unsigned char>(ch);
              return std::isalnum(c) || c == '.' || c == '-' || c == ':';
            });
  if (!ok) throw ConfigError("smtp_host must be a host name or address");
  return value;
}

// The sender address: notify's e-mail check, so it cannot break an SMTP command line.
std::string parse_smtp_from(const std::string& value) {
  if (value.empty()) return value;
  auto address = notify::normalize_email(value);
  if (!address) throw ConfigError("smtp_from must be an e-mail address");
  return *address;
}

const std::map<std::string, Setter>& setters() {
  static const std::map<std::string, Setter> kSetters = {
      {"bind", [](Config& c, const std::string& v) { c.bind = v; }},
      {"port",
       [](Config& c, const std::string& v) {
         c.port = static_cast<std::uint16_t>(parse_number("port", v, 0, 65535));
       }},
      {"data_dir", [](Config& c, const std::string& v) { c.data_dir = v; }},
      {"web_dir", [](Config& c, const std::string& v) { c.web_dir = v; }},
      {"jurisdiction_file", [](Config& c, const std::string& v) { c.jurisdiction_file = v; }},
      {"threads",
       [](Config& c, const std::string& v) {
         c.threads = static_cast<int>(parse_number("threads", v, 1, 256));
       }},
      {"max_body_bytes",
       [](Config& c, const std::string& v) {
         c.max_body_bytes =
             static_cast<std::size_t>(parse_number("max_body_bytes", v, 1024, 64LL << 20));
       }},
      {"evidence_max_bytes",
       [](Config& c, const std::string& v) {
         c.evidence_max_bytes =
             static_cast<std::uint64_t>(parse_number("evidence_max_bytes", v, 1, 64LL << 30));
       }},
      {"read_timeout_seconds",
       [](Config& c, const std::string& v) {
         c.read_timeout = std::chrono::seconds(parse_number("read_timeout_seconds", v, 1, 3600));
       }},
      {"session_idle_timeout_minutes",
       [](Config& c, const std::string& v) {
         c.session_idle_timeout =
             std::chrono::minutes(parse_number("session_idle_timeout_minutes", v, 1, 24LL * 60));
       }},
      {"login_max_failures",
       [](Config& c, const std::string& v) {
         c.login_max_failures = static_cast<int>(parse_number("login_max_failures", v, 1, 100));
       }},
      {"login_lockout_minutes",
       [](Config& c, const std::string& v) {
         c.login_lockout = std::chrono::minutes(parse_number("login_lockout_minutes", v, 1, 1440));
       }},
      {"login_attempts_per_minute",
       [](Config& c, const std::string& v) {
         c.login_attempts_per_minute =
             static_cast<int>(parse_number("login_attempts_per_minute", v, 1, 100000));
       }},
      {"intake_reports_per_hour",
       [](Config& c, const std::string& v) {
         c.intake_reports_per_hour =
             static_cast<int>(parse_number("intake_reports_per_hour", v, 1, 100000));
       }},
      {"intake_receipt_lookups_per_hour",
       [](Config& c, const std::string& v) {
         c.intake_receipt_lookups_per_hour =
             static_cast<int>(parse_number("intake_receipt_lookups_per_hour", v, 1, 100000));
       }},
      {"intake_attachments_per_hour",
       [](Config& c, const std::string& v) {
         c.intake_attachments_per_hour =
             static_cast<int>(parse_number("intake_attachments_per_hour", v, 1, 100000));
       }},
      {"cookie_secure",
       [](Config& c, const std::string& v) { c.cookie_secure = parse_bool("cookie_secure", v); }},
      {"log_level",
       [](Config& c, const std::string& v) {
         if (v != "debug" && v != "info" && v != "warn" && v != "error") {
           throw ConfigError("log_level must be debug, info, warn or error");
         }
         c.log_level = v;
       }},
      {"public_url", [](Config& c, const std::string& v) { c.public_url = parse_public_url(v); }},
      {"smtp_host", [](Config& c, const std::string& v) { c.smtp_host = parse_smtp_host(v); }},
      {"smtp_port",
       [](Config& c, const std::string& v) {
         c.smtp_port = static_cast<std::uint16_t>(parse_number("smtp_port", v, 1, 65535));
       }},
      {"smtp_from", [](Config& c, const std::string& v) { c.smtp_from = parse_smtp_from(v); }},
      {"sms_gateway_url",
       [](Config& c, const std::string& v) {
         if (!v.empty() && !notify::parse_http_url(v)) {
           throw ConfigError("sms_gateway_url must be http://host[:port][/path]");
         }
         c.sms_gateway_url = v;
       }},
      {"notify_send_timeout_seconds",
       [](Config& c, const std::string& v) {
         c.notify_send_timeout =
             std::chrono::seconds(parse_number("notify_send_timeout_seconds", v, 1, 60));
       }},
      {"notify_urgent_retry_seconds",
       [](Config& c, const std::string& v) {
         c.notify_urgent_retry =
             std::chrono::seconds(parse_number("notify_urgent_retry_seconds", v, 1, 24LL * 3600));
       }},
      {"notify_urgent_max_sends",
       [](Config& c, const std::string& v) {
         c.notify_urgent_max_sends =
             static_cast<int>(parse_number("notify_urgent_max_sends", v, 1, 1000));
       }},
      {"inbox_lookups_per_hour",
       [](Config& c, const std::string& v) {
         c.inbox_lookups_per_hour =
             static_cast<int>(parse_number("inbox_lookups_per_hour", v, 1, 100000));
       }},
      {"scheduler_tick_seconds",
       [](Config& c, const std::string& v) {
         c.scheduler_tick =
             std::chrono::seconds(parse_number("scheduler_tick_seconds", v, 1, 3600));
       }},
  };
  return kSetters;
}

std::string toml_value_text(const std::string& key, const toml::node& node) {
  if (auto s = node.value<std::string>()) return *s;
  if (auto b = node.value_exact<bool>()) return *b ? "true" : "false";
  if (auto i = node.value_exact<int64_t>()) return std::to_string(*i);
  throw ConfigError(key + " has an unsupported type");
}

void apply_file(Config& config, const std::filesystem::path& file) {
  toml::table table;
  try {
    table = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    throw ConfigError("cannot parse " + file.string() + ": " + std::string(e.description()));
  }
  for (const auto& [key, node] : table) {
    std::string name(key.str());
    auto it = setters().find(name);
    if (it == setters().end()) throw ConfigError(file.string() + ": unknown key " + name);
    try {
      it->second(config, toml_value_text(name, node));
    } catch (const ConfigError& e) {
      throw ConfigError(file.string() + ": " + e.what());
    }
  }
}

}  // namespace

std::map<std::string, std::string> process_environment() {
  std::map<std::string, std::string> out;
  for (char** e = environ; e && *e; ++e) {
    std::string entry(*e);
    auto eq = entry.find('=');
    if (eq != std::string::npos) out[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  return out;
}

Config load_config(const ConfigOverrides& flags,
                   const std::map<std::string, std::string>& environment) {
  Config config;
  auto env = [&](const std::string& key) -> std::optional<std::string> {
    auto it = environment.find("QORGAU_" + key);
    if (it == environment.end()) return std::nullopt;
    return it->second;
  };
  // The data directory decides where the default config file is.
  std::filesystem::path data_dir = config.data_dir;
  if (auto v = env("DATA_DIR")) data_dir = *v;
  if (flags.data_dir) data_dir = *flags.data_dir;

  std::optional<std::filesystem::path> file = flags.config_file;
  if (!file) {
    if (auto v = env("CONFIG")) file = *v;
  }
  if (file) {
    if (!std::filesystem::exists(*file))
      throw ConfigError("config file not found: " + file->string());
    apply_file(config, *file);
  } else if (std::filesystem::exists(data_dir / "qorgau.toml")) {
    apply_file(config, data_dir / "qorgau.toml");
  }
  for (const auto& [key, setter] : setters()) {
    std::string upper;
    for (char c : key)
      upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    if (auto v = env(upper)) {
      try {
        setter(config, *v);
      } catch (const ConfigError& e) {
        throw ConfigError("environment QORGAU_" + upper + ": " + e.what());
      }
    }
  }
  if (flags.bind) config.bind = *flags.bind;
  if (flags.port) config.port = *flags.port;
  if (flags.web_dir) config.web_dir = *flags.web_dir;
  if (flags.data_dir) config.data_dir = *flags.data_dir;
  return config;
}

}  // namespace qorgau::app
