// Demo cases with their protection: risk assessments and protective orders in Almaty, so that
// the due-reviews list, the expiring-orders list and the field verification show something on
// a first start, and one notification inbox a demo user can open. Everything goes through the
// modules' own functions (cases, risk, orders, notify), validated like any request, with the
// timeline events and audit entries a request would write; the actor is the Almaty inspector,
// through the CLI ("cli" as the source address).
//
// What it makes, relative to the day it is loaded (the jurisdiction's local days):
//  - a case assessed high (strangulation, threats to kill) with a served police protective
//    order in force for 30 days, and her consent to be told through the notification inbox
//    (so the inbox already holds "order_served");
//  - a case assessed low and then a new incident, so its re-assessment is due at once
//    (overdue), with a served order that ends within 3 days;
//  - a case assessed medium whose one-day order ran from yesterday and has expired.
// None uses the incident type "online_harassment" or the demo people of demo_data.h, which the
// end-to-end tests count and search for.
#pragma once

#include <cstdint>
#include <string>

#include "app/services.h"

namespace qorgau::app {

struct DemoProtectionActor {
  std::int64_t agency_id = 0;  // the Almaty police, owner of the cases
  std::int64_t user_id = 0;    // its inspector, who does everything
};

// The notification inbox of the first case: its code and secret are shown once, here.
struct DemoInbox {
  std::string case_number;
  std::string code;
  std::string secret;
};

// Inside the caller's transaction.
DemoInbox load_demo_protection(Services& services, store::Connection& connection,
                               const DemoProtectionActor& actor);

}  // namespace qorgau::app
