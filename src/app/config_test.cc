#include "app/config.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "testing/temp_dir.h"

namespace qorgau::app {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Env = std::map<std::string, std::string>;

using qorgau::testing::TempDir;

class ConfigTest : public ::testing::Test {
 protected:
  ConfigTest() { flags_.data_dir = dir_.path(); }

  void write_file(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
    ASSERT_TRUE(out.good());
  }
  void write_config(const std::string& text) { write_file(dir_.path() / "qorgau.toml", text); }

  // The ConfigError message, or "" if the configuration loaded.
  std::string error(const ConfigOverrides& flags, const Env& env = {}) {
    try {
      load_config(flags, env);
      return "";
    } catch (const ConfigError& e) {
      return e.what();
    }
  }
  std::string file_error(const std::string& toml) {
    write_config(toml);
    return error(flags_);
  }

  TempDir dir_;
  ConfigOverrides flags_;
};

TEST_F(ConfigTest, DefaultsWithoutFileEnvironmentOrFlags) {
  Config c = load_config(flags_, {});
  const Config defaults;
  EXPECT_EQ(c.bind, "127.0.0.1");
  EXPECT_EQ(c.port, 8080);
  EXPECT_EQ(c.data_dir, dir_.path());
  EXPECT_EQ(defaults.data_dir, fs::path("var/data"));
  EXPECT_TRUE(c.web_dir.empty());
  EXPECT_TRUE(c.jurisdiction_file.empty());
  EXPECT_EQ(c.threads, 4);
  EXPECT_EQ(c.max_body_bytes, 1u << 20);
  EXPECT_EQ(c.evidence_max_bytes, 2ULL << 30) << "2 GiB";
  EXPECT_EQ(c.read_timeout, 30s);
  EXPECT_EQ(c.session_idle_timeout, 30min);
  EXPECT_EQ(c.login_max_failures, 5);
  EXPECT_EQ(c.login_lockout, 15min);
  EXPECT_EQ(c.login_attempts_per_minute, 20);
  EXPECT_TRUE(c.cookie_secure) << "secure cookies by default";
  EXPECT_EQ(c.log_level, "info");
  EXPECT_EQ(c.public_url, "") << "links use the Host header unless configured";
  EXPECT_EQ(c.intake_reports_per_hour, 20);
  EXPECT_EQ(c.intake_receipt_lookups_per_hour, 30);
  EXPECT_EQ(c.intake_attachments_per_hour, 60);
}

TEST_F(ConfigTest, IntakeLimitsFromTheFileAndTheEnvironment) {
  write_config("intake_reports_per_hour = 5\nintake_receipt_lookups_per_hour = 7\n");
  Config c = load_config(flags_, {});
  EXPECT_EQ(c.intake_reports_per_hour, 5);
  EXPECT_EQ(c.intake_receipt_lookups_per_hour, 7);
  c = load_config(flags_, Env{{"QORGAU_INTAKE_REPORTS_PER_HOUR", "3"}});
  EXPECT_EQ(c.intake_reports_per_hour, 3);
  EXPECT_NE(error(flags_, Env{{"QORGAU_INTAKE_REPORTS_PER_HOUR", "0"}})
                .find("QORGAU_INTAKE_REPORTS_PER_HOUR"),
            std::string::npos);
  EXPECT_NE(file_error("intake_receipt_lookups_per_hour = -1\n").find("intake_receipt_lookups"),
            std::string::npos);
  write_config("intake_attachments_per_hour = 9\n");
  EXPECT_EQ(load_config(flags_, {}).intake_attachments_per_hour, 9);
  c = load_config(flags_, Env{{"QORGAU_INTAKE_ATTACHMENTS_PER_HOUR", "500"}});
  EXPECT_EQ(c.intake_attachments_per_hour, 500);
  EXPECT_NE(file_error("intake_attachments_per_hour = 0\n").find("intake_attachments_per_hour"),
            std::string::npos);
}

TEST_F(ConfigTest, ReadsTheFileInTheDataDirectory) {
  write_config(R"(
# Qorgau test configuration
bind = "0.0.0.0"
port = 9001
web_dir = "/srv/qorgau/web"
jurisdiction_file = "/etc/qorgau/kz.toml"
threads = 8
max_body_bytes = 2048
evidence_max_bytes = 5000000000
read_timeout_seconds = 5
session_idle_timeout_minutes = 10
login_max_failures = 7
login_lockout_minutes = 60
login_attempts_per_minute = 3
cookie_secure = false
log_level = "debug"
)");
  Config c = load_config(flags_, {});
  EXPECT_EQ(c.bind, "0.0.0.0");
  EXPECT_EQ(c.port, 9001);
  EXPECT_EQ(c.web_dir, fs::path("/srv/qorgau/web"));
  EXPECT_EQ(c.jurisdiction_file, fs::path("/etc/qorgau/kz.toml"));
  EXPECT_EQ(c.threads, 8);
  EXPECT_EQ(c.max_body_bytes, 2048u);
  EXPECT_EQ(c.evidence_max_bytes, 5000000000u) << "above 4 GiB: no 32-bit truncation";
  EXPECT_EQ(c.read_timeout, 5s);
  EXPECT_EQ(c.session_idle_timeout, 10min);
  EXPECT_EQ(c.login_max_failures, 7);
  EXPECT_EQ(c.login_lockout, 60min);
  EXPECT_EQ(c.login_attempts_per_minute, 3);
  EXPECT_FALSE(c.cookie_secure);
  EXPECT_EQ(c.log_level, "debug");
  EXPECT_EQ(c.data_dir, dir_.path());
}

TEST_F(ConfigTest, DataDirectoryFromTheEnvironmentLocatesTheFile) {
  write_config("port = 9002\n");
  Config c = load_config(ConfigOverrides{}, Env{{"QORGAU_DATA_DIR", dir_.path().string()}});
  EXPECT_EQ(c.port, 9002);
  EXPECT_EQ(c.data_dir, dir_.path());
}

TEST_F(ConfigTest, EnvironmentOverridesTheFile) {
  write_config("port = 9001\nlog_level = \"warn\"\nthreads = 2\n");
  Config c = load_config(flags_, Env{{"QORGAU_PORT", "9100"},
                                     {"QORGAU_LOG_LEVEL", "error"},
                                     {"QORGAU_COOKIE_SECURE", "0"},
                                     {"QORGAU_SESSION_IDLE_TIMEOUT_MINUTES", "45"},
                                     {"UNRELATED", "ignored"},
                                     {"QORGAU_UNKNOWN_THING", "ignored"}});
  EXPECT_EQ(c.port, 9100);
  EXPECT_EQ(c.log_level, "error");
  EXPECT_EQ(c.threads, 2) << "keys the environment does not set keep the file's value";
  EXPECT_FALSE(c.cookie_secure);
  EXPECT_EQ(c.session_idle_timeout, 45min);
}

TEST_F(ConfigTest, FlagsOverrideTheEnvironmentAndTheFile) {
  write_config("port = 9001\nbind = \"10.0.0.1\"\nweb_dir = \"/from/file\"\n");
  ConfigOverrides flags = flags_;
  flags.port = 9200;
  flags.bind = "192.168.1.10";
  flags.web_dir = "/from/flag";
  Config c = load_config(
      flags,
      Env{{"QORGAU_PORT", "9100"}, {"QORGAU_BIND", "10.0.0.2"}, {"QORGAU_WEB_DIR", "/from/env"}});
  EXPECT_EQ(c.port, 9200);
  EXPECT_EQ(c.bind, "192.168.1.10");
  EXPECT_EQ(c.web_dir, fs::path("/from/flag"));
}

TEST_F(ConfigTest, DataDirectoryFlagWinsOverEnvironment) {
  TempDir other;
  write_file(other.path() / "qorgau.toml", "port = 9333\n");
  write_config("port = 9444\n");
  Config c = load_config(flags_, Env{{"QORGAU_DATA_DIR", other.path().string()}});
  EXPECT_EQ(c.data_dir, dir_.path());
  EXPECT_EQ(c.port, 9444) << "the file is read from the flag's data directory";
}

TEST_F(ConfigTest, ExplicitConfigFileIsUsedInsteadOfTheDataDirectoryFile) {
  write_config("port = 9001\n");
  TempDir elsewhere;
  fs::path file = elsewhere.path() / "custom.toml";
  write_file(file, "port = 9555\n");
  ConfigOverrides flags = flags_;
  flags.config_file = file;
  EXPECT_EQ(load_config(flags, {}).port, 9555);
  // Through the environment too.
  EXPECT_EQ(load_config(flags_, Env{{"QORGAU_CONFIG", file.string()}}).port, 9555);
}

TEST_F(ConfigTest, MissingConfigFileIsAnError) {
  ConfigOverrides flags = flags_;
  flags.config_file = dir_.path() / "does-not-exist.toml";
  std::string message = error(flags);
  EXPECT_NE(message, "");
  EXPECT_NE(message.find("does-not-exist.toml"), std::string::npos) << message;
  EXPECT_NE(error(flags_, Env{{"QORGAU_CONFIG", (dir_.path() / "nope.toml").string()}}), "");
}

TEST_F(ConfigTest, UnknownKeyInTheFileIsAnError) {
  std::string message = file_error("port = 9001\ncookie_secur = false\n");
  EXPECT_NE(message.find("cookie_secur"), std::string::npos) << message;
  EXPECT_NE(message.find("unknown"), std::string::npos) << message;
  // A table is not a key this configuration knows either.
  EXPECT_NE(file_error("[server]\nport = 9001\n").find("server"), std::string::npos);
}

TEST_F(ConfigTest, BadValuesInTheFileNameTheKey) {
  struct Case {
    const char* toml;
    const char* key;
  };
  const Case cases[] = {
      {"port = 70000\n", "port"},
      {"port = -1\n", "port"},
      {"port = \"eighty\"\n", "port"},
      {"port = 80.5\n", "port"},
      {"cookie_secure = \"maybe\"\n", "cookie_secure"},
      {"log_level = \"loud\"\n", "log_level"},
      {"threads = 0\n", "threads"},
      {"threads = 1000\n", "threads"},
      {"max_body_bytes = 10\n", "max_body_bytes"},
      {"evidence_max_bytes = 0\n", "evidence_max_bytes"},
      {"evidence_max_bytes = 100000000000\n", "evidence_max_bytes"},
      {"session_idle_timeout_minutes = 0\n", "session_idle_timeout_minutes"},
      {"login_max_failures = 0\n", "login_max_failures"},
      {"read_timeout_seconds = 99999\n", "read_timeout_seconds"},
      {"login_lockout_minutes = [1, 2]\n", "login_lockout_minutes"},
  };
  for (const Case& c : cases) {
    std::string message = file_error(c.toml);
    EXPECT_NE(message, "") << c.toml << " was accepted";
    EXPECT_NE(message.find(c.key), std::string::npos) << c.toml << " -> " << message;
  }
}

TEST_F(ConfigTest, MalformedTomlIsAnError) {
  EXPECT_NE(file_error("port = \n"), "");
  EXPECT_NE(file_error("port = 9001\nport = 9002\n"), "");
  EXPECT_NE(file_error("this is not toml"), "");
}

TEST_F(ConfigTest, BadEnvironmentValuesNameTheVariable) {
  struct Case {
    const char* name;
    const char* value;
  };
  const Case cases[] = {
      {"QORGAU_PORT", "70000"},
      {"QORGAU_PORT", "80x"},
      {"QORGAU_PORT", ""},
      {"QORGAU_PORT", "-5"},
      {"QORGAU_COOKIE_SECURE", "maybe"},
      {"QORGAU_LOG_LEVEL", "loud"},
      {"QORGAU_THREADS", "0"},
  };
  for (const Case& c : cases) {
    std::string message = error(flags_, Env{{c.name, c.value}});
    EXPECT_NE(message.find(c.name), std::string::npos)
        << c.name << "=" << c.value << " -> " << message;
  }
}

TEST_F(ConfigTest, BooleanSpellings) {
  EXPECT_TRUE(load_config(flags_, Env{{"QORGAU_COOKIE_SECURE", "true"}}).cookie_secure);
  EXPECT_TRUE(load_config(flags_, Env{{"QORGAU_COOKIE_SECURE", "1"}}).cookie_secure);
  EXPECT_FALSE(load_config(flags_, Env{{"QORGAU_COOKIE_SECURE", "false"}}).cookie_secure);
  EXPECT_FALSE(load_config(flags_, Env{{"QORGAU_COOKIE_SECURE", "0"}}).cookie_secure);
  EXPECT_NE(error(flags_, Env{{"QORGAU_COOKIE_SECURE", "yes"}}), "");
  EXPECT_NE(error(flags_, Env{{"QORGAU_COOKIE_SECURE", "TRUE"}}), "");
}

TEST_F(ConfigTest, PublicUrlIsAnHttpOriginWithAnOptionalPath) {
  write_config("public_url = \"https://qorgau.example.kz/\"\n");
  EXPECT_EQ(load_config(flags_, {}).public_url, "https://qorgau.example.kz")
      << "a trailing slash is dropped so that <url>/help has no double slash";
  EXPECT_EQ(
      load_config(flags_, Env{{"QORGAU_PUBLIC_URL", "http://10.0.0.5:8080/qorgau"}}).public_url,
      "http://10.0.0.5:8080/qorgau");
  EXPECT_EQ(load_config(flags_, Env{{"QORGAU_PUBLIC_URL", ""}}).public_url, "")
      << "empty unsets it";
  const char* bad[] = {
      "qorgau.example.kz",                // no scheme
      "ftp://qorgau.example.kz",          // not HTTP
      "https://",                         // no host
      "https:///help",                    // no host
      "https://qorgau example.kz",        // space
      "https://qorgau.example.kz/?a=1",   // query
      "https://qorgau.example.kz/#top",   // fragment
      "https://user@qorgau.example.kz",   // credentials
      "https://qorgau.example.kz/\"x\"",  // quote
      "https://қорғау.kz",                // not punycode
  };
  for (const char* url : bad) {
    std::string message = error(flags_, Env{{"QORGAU_PUBLIC_URL", url}});
    EXPECT_NE(message.find("QORGAU_PUBLIC_URL"), std::string::npos) << url << " -> " << message;
  }
  EXPECT_NE(error(flags_, Env{{"QORGAU_PUBLIC_URL", "https://a.kz/" + std::string(200, 'p')}}), "");
  EXPECT_NE(file_error("public_url = \"example.kz\"\n").find("public_url"), std::string::npos);
}

TEST_F(ConfigTest, NotificationChannelsAndTimings) {
  Config defaults = load_config(flags_, {});
  EXPECT_TRUE(defaults.smtp_host.empty()) << "e-mail is not configured by default";
  EXPECT_TRUE(defaults.sms_gateway_url.empty());
  EXPECT_EQ(defaults.notify_urgent_retry, std::chrono::minutes(15));
  EXPECT_EQ(defaults.scheduler_tick, std::chrono::seconds(1));
  write_config(
      "smtp_host = \"127.0.0.1\"\nsmtp_port = 2525\nsmtp_from = \"noreply@Qorgau.KZ\"\n"
      "sms_gateway_url = \"http://10.0.0.7:8088/send\"\nnotify_urgent_max_sends = 4\n");
  Config c = load_config(flags_, Env{{"QORGAU_NOTIFY_URGENT_RETRY_SECONDS", "1"}});
  EXPECT_EQ(c.smtp_host, "127.0.0.1");
  EXPECT_EQ(c.smtp_port, 2525);
  EXPECT_EQ(c.smtp_from, "noreply@qorgau.kz");
  EXPECT_EQ(c.sms_gateway_url, "http://10.0.0.7:8088/send");
  EXPECT_EQ(c.notify_urgent_max_sends, 4);
  EXPECT_EQ(c.notify_urgent_retry, std::chrono::seconds(1));
  EXPECT_NE(file_error("sms_gateway_url = \"https://gw.kz/send\"\n").find("sms_gateway_url"),
            std::string::npos)
      << "http:// only";
  EXPECT_NE(file_error("smtp_from = \"noreply\"\n").find("smtp_from"), std::string::npos);
  EXPECT_NE(file_error("smtp_host = \"relay\\r\\nDATA\"\n").find("smtp_host"), std::string::npos);
  EXPECT_NE(file_error("notify_send_timeout_seconds = 61\n").find("notify_send_timeout_seconds"),
            std::string::npos)
      << "a message waits at most a minute on a relay";
}

TEST(ProcessEnvironment, ReflectsTheProcessEnvironment) {
  ASSERT_EQ(::setenv("QORGAU_CONFIG_TEST_MARKER", "a=b c", 1), 0);
  auto env = process_environment();
  ::unsetenv("QORGAU_CONFIG_TEST_MARKER");
  ASSERT_TRUE(env.count("QORGAU_CONFIG_TEST_MARKER"));
  EXPECT_EQ(env["QORGAU_CONFIG_TEST_MARKER"], "a=b c") << "split at the first '=' only";
}

}  // namespace
}  // namespace qorgau::app
