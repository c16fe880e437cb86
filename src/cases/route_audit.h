// The audit entries the API's routes write for what a request did (audit/audit_log.h records
// them). A signed-in staff member's action names the user, the user's agency and the client's
// address; a public action (an anonymous report, her notification inbox) names neither a user
// nor an address, only "public", so the audit log cannot identify who used it. Both record the
// outcome "success": refusals are audited by the router (app/api.cc).
#pragma once

#include <cstdint>
#include <string>

#include "audit/audit_log.h"
#include "http/router.h"

namespace qorgau::cases {

// What the signed-in user of `ctx` did to the object `object_type` `object_id`.
audit::AuditEvent staff_event(const http::RequestContext& ctx, std::string action,
                              std::string object_type, std::string object_id);
audit::AuditEvent staff_event(const http::RequestContext& ctx, std::string action,
                              std::string object_type, std::int64_t object_id);

// staff_event() on the case `case_id`.
audit::AuditEvent case_event(const http::RequestContext& ctx, std::string action,
                             std::int64_t case_id);

// What an anonymous caller did to the object `object_type` `object_id`.
audit::AuditEvent public_event(std::string action, std::string object_type, std::int64_t object_id);

}  // namespace qorgau::cases
