#include "cases/route_audit.h"

#include <utility>

namespace qorgau::cases {

audit::AuditEvent staff_event(const http::RequestContext& ctx, std::string action,
                              std::string object_type, std::string object_id) {
  return {ctx.user().user.id,   ctx.user().agency.id,  std::move(action), std::move(object_type),
          std::move(object_id), ctx.request.client_ip, "success"};
}

audit::AuditEvent staff_event(const http::RequestContext& ctx, std::string action,
                              std::string object_type, std::int64_t object_id) {
  return staff_event(ctx, std::move(action), std::move(object_type), std::to_string(object_id));
}

audit::AuditEvent case_event(const http::RequestContext& ctx, std::string action,
                             std::int64_t case_id) {
  return staff_event(ctx, std::move(action), "case", case_id);
}

audit::AuditEvent public_event(std::string action, std::string object_type,
                               std::int64_t object_id) {
  return {std::nullopt,
          std::nullopt,
          std::move(action),
          std::move(object_type),
          std::to_string(object_id),
          "public",
          "success"};
}

}  // namespace qorgau::cases
