// The demo help directory and crisis-centre network: fictional services in
// Almaty and Astana (names marked "demo", phone numbers of the unassigned
// +7 700 000 .. form), two shelters with some beds occupied, so that the
// help portal and the bed search show something on a first start.
#pragma once

#include <cstdint>

#include "app/services.h"

namespace qorgau::app {

struct DemoShelterAgencies {
  std::int64_t almaty_shelter = 0;  // runs the 12-bed "Meiirim" shelter
  std::int64_t astana_shelter = 0;  // runs the full 8-bed "Bereke" shelter
};

// Inside the caller's transaction; every record created is audited.
void load_demo_help_network(Services& services, store::Connection& connection,
                            const DemoShelterAgencies& agencies);

}  // namespace qorgau::app
