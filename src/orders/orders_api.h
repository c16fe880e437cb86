// HTTP routes of protective orders (see "Orders" in docs/api.md): issue and list a case's
// orders, serve, extend, revoke, attendance, violations, the list of orders across the cases a
// user reaches, and field verification.
//
// A case's orders and the order routes that change an order are reached like the case itself
// (cases::full_access; 404 otherwise). Verification and recording a violation need no access to
// the case: an officer in the field sees only whether the person is under an order in force,
// its conditions and the protected person's chosen contact route, and nothing else about the
// case. Every read and write is audited; a verification's entry (action "orders.verify", the
// ids of the orders shown, never the IIN or the name) is committed before the answer, through
// the group committer. A violation also escalates the case's risk (risk::AssessmentStore::
// escalate, in the same transaction).
#pragma once

#include "app/services.h"
#include "http/router.h"

namespace qorgau::orders {

void register_order_routes(http::Router& router, app::Services& services);

}  // namespace qorgau::orders
