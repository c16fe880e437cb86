// Demo data for a first look at Qorgau: agencies in Astana and Almaty, one
// user per main role (all with the password kDemoPassword), and two fictional
// people whose names and IINs are stored encrypted like any real record.
// Loading is idempotent: a database that already has agencies is left alone.
#pragma once

#include <string>
#include <vector>

#include "app/services.h"

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

// The logins demo data creates (for printing and for tests).
const std::vector<DemoLogin>& demo_logins();
// The fictional people demo data creates (tests search the disk for them).
const std::vector<DemoPerson>& demo_people();

// Returns false if the database already had data and nothing was loaded.
bool load_demo_data(Services& services);

}  // namespace qorgau::app
