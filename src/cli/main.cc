// `qorgau`: the server and its administration verbs.
//
//   qorgau serve        [--port N] [--bind ADDR] [--data-dir DIR] [--web-dir DIR] [--config FILE]
//   qorgau migrate      apply pending schema migrations
//   qorgau demo-data    load the demo agencies, users and people (once)
//   qorgau user add|list|disable|reset-password
//   qorgau agency add|list
//   qorgau audit verify
//   qorgau routes       the API route table with each route's access (JSON)
//   qorgau version
//
// Every verb opens the data directory the same way (app::Services), so a
// fresh directory is initialised by whichever verb runs first. Passwords are
// read from standard input (without echo on a terminal), never from flags,
// which would leave them in shell history and the process list.
#include <termios.h>
#include <unistd.h>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>
#include <iostream>

#include "app/api.h"
#include "app/demo_data.h"
#include "app/services.h"
#include "cli/admin_commands.h"
#include "http/server.h"

namespace {

using qorgau::app::Config;
using qorgau::app::ConfigOverrides;

std::filesystem::path default_web_dir(const char* argv0) {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) exe = std::filesystem::absolute(argv0);
  for (const auto& candidate :
       {exe.parent_path() / "../../web/dist", exe.parent_path() / "../share/qorgau/web"}) {
    if (std::filesystem::exists(candidate / "index.html", ec)) {
      return std::filesystem::weakly_canonical(candidate, ec);
    }
  }
  return {};
}

void setup_logging(const std::string& level) {
  auto logger = spdlog::stderr_color_mt("qorgau");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z level=%l %v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(level));
}

int serve(const Config& config, const char* argv0) {
  qorgau::core::SystemClock clock;
  qorgau::app::Services services(config, clock);
  std::filesystem::path web_dir = config.web_dir.empty() ? default_web_dir(argv0) : config.web_dir;
  qorgau::app::Api api(services, web_dir);
  if (!api.serves_web_app()) {
    spdlog::warn("no built web app found (web/dist); serving the API only");
  }
  qorgau::http::ServerOptions options;
  options.bind = config.bind;
  options.port = config.port;
  options.threads = config.threads;
  options.max_body_bytes = config.max_body_bytes;
  options.read_timeout = config.read_timeout;
  options.upload_dir = services.upload_dir();
  services.sweep_unacknowledged_files();
  // Jobs that fell due while the server was down run now, before the first request.
  services.scheduler().start();
  qorgau::http::Server server(
      options, [&api](const qorgau::http::HttpRequest& r) { return api.handle(r); },
      [&api](qorgau::core::ErrorCode code, const qorgau::http::HttpRequest& r) {
        return api.error_response(code, r);
      },
      [&api](const qorgau::http::HttpRequest& r) { return api.plan_body(r); });
  std::uint16_t port = server.listen();
  spdlog::info("listening on http://{}:{} storage={} schema={}", config.bind, port,
               services.database().engine(), services.schema_version());
  std::cout << "Qorgau is running at http://" << config.bind << ":" << port << "/ (Ctrl+C to stop)"
            << std::endl;
  server.run();
  services.scheduler().stop();  // after the job in hand commits or rolls back
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Qorgau: protection against violence against women and children"};
  cli.require_subcommand(1);
  ConfigOverrides flags;
  std::string config_file, bind, data_dir, web_dir;
  int port = -1;
  auto add_common = [&](CLI::App* command) {
    command->add_option("--config", config_file, "configuration file (TOML)");
    command->add_option("--data-dir", data_dir, "data directory (database, key file)");
  };

  auto* serve_cmd = cli.add_subcommand("serve", "run the HTTP server");
  add_common(serve_cmd);
  serve_cmd->add_option("--port", port, "TCP port (0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  serve_cmd->add_option("--bind", bind, "address to listen on");
  serve_cmd->add_option("--web-dir", web_dir, "directory of the built web app");

  auto* migrate_cmd = cli.add_subcommand("migrate", "apply pending schema migrations");
  add_common(migrate_cmd);
  auto* demo_cmd = cli.add_subcommand("demo-data", "load demo agencies, users and people");
  add_common(demo_cmd);
  auto* version_cmd = cli.add_subcommand("version", "print the version");
  auto* routes_cmd = cli.add_subcommand("routes", "print the API routes and the access each needs");
  add_common(routes_cmd);

  qorgau::cli::AdminCommands admin(cli, add_common);

  CLI11_PARSE(cli, argc, argv);

  if (version_cmd->parsed()) {
    std::cout << "qorgau " << QORGAU_VERSION << std::endl;
    return 0;
  }
  if (!config_file.empty()) flags.config_file = config_file;
  if (!data_dir.empty()) flags.data_dir = data_dir;
  if (!bind.empty()) flags.bind = bind;
  if (!web_dir.empty()) flags.web_dir = web_dir;
  if (port >= 0) flags.port = static_cast<std::uint16_t>(port);

  try {
    Config config = qorgau::app::load_config(flags, qorgau::app::process_environment());
    setup_logging(config.log_level);
    if (serve_cmd->parsed()) return serve(config, argv[0]);
    qorgau::core::SystemClock clock;
    qorgau::app::Services services(config, clock);
    if (routes_cmd->parsed()) {
      qorgau::app::Api api(services, {});
      std::cout << qorgau::app::describe_routes(api.router()).dump(2) << std::endl;
      return 0;
    }
    if (migrate_cmd->parsed()) {
      std::cout << "schema version " << services.schema_version() << std::endl;
      return 0;
    }
    if (demo_cmd->parsed()) {
      if (auto inbox = qorgau::app::load_demo_data(services)) {
        std::cout << "Demo data loaded." << std::endl;
        std::cout << "Notification inbox of case " << inbox->case_number << " (fictional): code "
                  << inbox->code << ", secret " << inbox->secret << std::endl;
      } else {
        std::cout << "The database already has data; demo data not loaded again." << std::endl;
      }
      std::cout << "Demo logins (password for each: " << qorgau::app::kDemoPassword
                << ", unless changed):" << std::endl;
      for (const auto& login : qorgau::app::demo_logins()) {
        std::cout << "  " << login.username << "  (" << login.role << ")" << std::endl;
      }
      return 0;
    }
    return admin.run(services);
  } catch (const qorgau::core::ApiError& e) {
    std::cerr << "error: " << e.message(qorgau::core::Language::kEn) << std::endl;
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << std::endl;
    return 1;
  }
}
