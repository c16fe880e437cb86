#include "cli/admin_commands.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "accounts/roles.h"
#include "core/error.h"

namespace qorgau::cli {

namespace {

const audit::AuditEvent cli_event(std::string action, std::string type, std::int64_t id) {
  return {std::nullopt,       std::nullopt, std::move(action), std::move(type),
          std::to_string(id), "cli",        "success"};
}

// Reads one line from standard input; on a terminal, asks twice without echo.
std::string read_password() {
  bool tty = ::isatty(STDIN_FILENO);
  auto read_line = [&](const char* prompt) {
    termios old{};
    if (tty) {
      std::cerr << prompt << std::flush;
      ::tcgetattr(STDIN_FILENO, &old);
      termios silent = old;
      silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
      ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
      std::cerr << std::endl;
    }
    return line;
  };
  std::string password = read_line("New password: ");
  if (tty && read_line("Repeat it: ") != password) {
    throw std::runtime_error("the two passwords differ");
  }
  return password;
}

accounts::User require_user(app::Services& s, store::Connection& c, const std::string& username) {
  auto user = s.users().find_by_username(c, username);
  if (!user) throw std::runtime_error("no such user");
  return *user;
}

}  // namespace

AdminCommands::AdminCommands(CLI::App& cli, const std::function<void(CLI::App*)>& add_common) {
  auto* user = cli.add_subcommand("user", "manage staff accounts");
  user->require_subcommand(1);
  user_add_ = user->add_subcommand("add", "create a user (password read from standard input)");
  user_add_->add_option("--username", username_)->required();
  user_add_->add_option("--display-name", display_name_)->required();
  user_add_->add_option("--role", role_)->required();
  user_add_->add_option("--agency-id", agency_id_)->required();
  user_list_ = user->add_subcommand("list", "list users");
  user_disable_ = user->add_subcommand("disable", "disable a user and end their sessions");
  user_disable_->add_option("username", username_)->required();
  user_reset_ = user->add_subcommand("reset-password", "set a new password (from standard input)");
  user_reset_->add_option("username", username_)->required();

  auto* agency = cli.add_subcommand("agency", "manage agencies");
  agency->require_subcommand(1);
  agency_add_ = agency->add_subcommand("add", "create an agency");
  agency_add_->add_option("--name", agency_name_)->required();
  agency_add_->add_option("--kind", agency_kind_)->required();
  agency_add_->add_option("--region", region_kato_, "KATO code of the region")->required();
  agency_list_ = agency->add_subcommand("list", "list agencies");

  auto* audit = cli.add_subcommand("audit", "the audit log");
  audit->require_subcommand(1);
  audit_verify_ = audit->add_subcommand("verify", "check the hash chain of the audit log");

  for (auto* command : {user_add_, user_list_, user_disable_, user_reset_, agency_add_,
                        agency_list_, audit_verify_}) {
    add_common(command);
  }
}

int AdminCommands::run(app::Services& s) {
  auto connection = s.pool().lease();
  std::int64_t now = s.clock().now_ms();
  if (user_add_->parsed()) {
    std::string password = read_password();
    store::Transaction tx(*connection);
    auto user =
        s.users().create(*connection, {username_, display_name_, password, role_, agency_id_}, now);
    s.audit().append(*connection, cli_event("user.create", "user", user.id));
    tx.commit();
    std::cout << "created user " << user.id << std::endl;
    return 0;
  }
  if (user_list_->parsed()) {
    for (const auto& u : s.users().list(*connection)) {
      std::cout << u.id << "\t" << u.username << "\t" << u.role << "\tagency " << u.agency_id
                << "\t" << u.status << std::endl;
    }
    s.audit().record(*connection,
                     {std::nullopt, std::nullopt, "user.list", "user", "*", "cli", "success"});
    return 0;
  }
  if (user_disable_->parsed()) {
    auto user = require_user(s, *connection, username_);
    store::Transaction tx(*connection);
    s.users().set_status(*connection, user.id, "disabled");
    s.sessions().destroy_all_for_user(*connection, user.id);
    s.audit().append(*connection, cli_event("user.disable", "user", user.id));
    tx.commit();
    std::cout << "disabled user " << user.id << std::endl;
    return 0;
  }
  if (user_reset_->parsed()) {
    auto user = require_user(s, *connection, username_);
    std::string password = read_password();
    store::Transaction tx(*connection);
    s.users().set_password(*connection, user, password, now);
    s.sessions().destroy_all_for_user(*connection, user.id);
    s.audit().append(*connection, cli_event("user.reset_password", "user", user.id));
    tx.commit();
    std::cout << "password changed for user " << user.id << std::endl;
    return 0;
  }
  if (agency_add_->parsed()) {
    if (!accounts::is_agency_kind(agency_kind_))
      throw core::ApiError(core::ErrorCode::kUnknownAgencyKind);
    const auto& regions = s.jurisdiction().regions;
    if (std::none_of(regions.begin(), regions.end(),
                     [&](const auto& r) { return r.kato == region_kato_; })) {
      throw core::ApiError(core::ErrorCode::kUnknownRegion);
    }
    store::Transaction tx(*connection);
    auto agency =
        s.agencies().create(*connection, {0, agency_name_, agency_kind_, region_kato_}, now);
    s.audit().append(*connection, cli_event("agency.create", "agency", agency.id));
    tx.commit();
    std::cout << "created agency " << agency.id << std::endl;
    return 0;
  }
  if (agency_list_->parsed()) {
    for (const auto& a : s.agencies().list(*connection)) {
      std::cout << a.id << "\t" << a.kind << "\t" << a.region_kato << "\t" << a.name << std::endl;
    }
    return 0;
  }
  if (audit_verify_->parsed()) {
    auto result = s.audit().verify(*connection);
    s.audit().record(*connection, {std::nullopt, std::nullopt, "audit.verify", "audit", "*", "cli",
                                   result.intact ? "success" : "failure"});
    if (result.intact) {
      std::cout << "audit log intact: " << result.entries << " entries" << std::endl;
      return 0;
    }
    std::cout << "audit log BROKEN at entry " << *result.first_broken_seq << ": " << result.reason
              << std::endl;
    return 2;
  }
  return 1;
}

}  // namespace qorgau::cli
