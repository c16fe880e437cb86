// HTTP routes of cases (see "Cases" in docs/api.md): open, list, search, the
// one-screen view, lifecycle, assignment, notes, tasks, services and
// referrals. A case is reached in full by users whose scope reaches its owner
// or assigned agency; an agency that accepted a referral of it sees only the
// fields the survivor consented to share. Outside that, every route answers
// 404. Every read and write is audited in the transaction of the change.
#pragma once

#include "app/services.h"
#include "http/router.h"

namespace qorgau::cases {

void register_case_routes(http::Router& router, app::Services& services);

}  // namespace qorgau::cases
