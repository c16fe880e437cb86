// Demo data for a first look at Qorgau: agencies in Astana and Almaty, one
// user per main role (all with the password kDemoPassword), and two fictional
// people whose names and IINs are stored encrypted like any real record; the
// help network, public reports, and cases with risk assessments, orders and a
// notification inbox (demo_help_network.h, demo_intake.h, demo_protection.h).
// Loading is idempotent: a database that already has agencies is left alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/demo_protection.h"
#include "app/services.h"
#include "core/iin.h"

namespace qorgau::app {

inline constexpr std::string_view kDemoPassword = "qorgau-demo-2026";

struct DemoLogin {
  std::string username;
  std::string role;
};

struct DemoPerson {
  std::string full_name;
  std::string iin;
};

// A valid IIN of someone born on that day: the first valid one from `serial` on.
std::string demo_iin(int year, unsigned month, unsigned day, core::Sex sex, int serial);

// The logins demo data creates (for printing and for tests).
const std::vector<DemoLogin>& demo_logins();
// The fictional people demo data creates (tests search the disk for them).
const std::vector<DemoPerson>& demo_people();

// The demo notification inbox (demo_protection.h), or nullopt if the database already had data
// and nothing was loaded.
std::optional<DemoInbox> load_demo_data(Services& services);

}  // namespace qorgau::app
