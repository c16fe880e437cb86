// The administration verbs of the CLI: `user add|list|disable|reset-password`,
// `agency add|list` and `audit verify`. Each change is audited with the actor
// "cli" (the operator at the server's console), like changes made over HTTP.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "app/services.h"

namespace qorgau::cli {

class AdminCommands {
 public:
  // Registers the verbs on `cli`; `add_common` adds --config/--data-dir.
  AdminCommands(CLI::App& cli, const std::function<void(CLI::App*)>& add_common);

  // Runs whichever admin verb was parsed; returns the process exit code.
  int run(app::Services& services);

 private:
  CLI::App* user_add_ = nullptr;
  CLI::App* user_list_ = nullptr;
  CLI::App* user_disable_ = nullptr;
  CLI::App* user_reset_ = nullptr;
  CLI::App* agency_add_ = nullptr;
  CLI::App* agency_list_ = nullptr;
  CLI::App* audit_verify_ = nullptr;

  std::string username_;
  std::string display_name_;
  std::string role_;
  std::int64_t agency_id_ = 0;
  std::string agency_name_;
  std::string agency_kind_;
  std::string region_kato_;
};

}  // namespace qorgau::cli
