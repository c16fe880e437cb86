#include "cases/route_audit.h"

#include <gtest/gtest.h>

namespace qorgau::cases {
namespace {

class RouteAudit : public ::testing::Test {
 protected:
  RouteAudit() {
    request_.client_ip = "192.0.2.7";
    principal_.user.id = 12;
    principal_.agency.id = 3;
  }

  http::HttpRequest request_;
  accounts::Principal principal_;
  http::RequestContext ctx_{request_, core::Language::kEn, {}, &principal_, std::nullopt};
};

TEST_F(RouteAudit, StaffEventNamesTheUserTheirAgencyAndTheAddress) {
  audit::AuditEvent event = staff_event(ctx_, "order.read", "order", "41");
  EXPECT_EQ(event.actor_user_id, 12);
  EXPECT_EQ(event.actor_agency_id, 3);
  EXPECT_EQ(event.action, "order.read");
  EXPECT_EQ(event.object_type, "order");
  EXPECT_EQ(event.object_id, "41");
  EXPECT_EQ(event.source_ip, "192.0.2.7");
  EXPECT_EQ(event.outcome, "success");
  EXPECT_EQ(staff_event(ctx_, "order.read", "order", std::int64_t{41}).object_id, "41");
}

TEST_F(RouteAudit, CaseEventIsAStaffEventOnTheCase) {
  audit::AuditEvent event = case_event(ctx_, "case.read", 9);
  EXPECT_EQ(event.actor_user_id, 12);
  EXPECT_EQ(event.object_type, "case");
  EXPECT_EQ(event.object_id, "9");
  EXPECT_EQ(event.source_ip, "192.0.2.7");
}

TEST(RouteAuditPublic, PublicEventNamesNoOneAndNoAddress) {
  audit::AuditEvent event = public_event("intake.submit", "intake_report", 5);
  EXPECT_FALSE(event.actor_user_id);
  EXPECT_FALSE(event.actor_agency_id);
  EXPECT_EQ(event.action, "intake.submit");
  EXPECT_EQ(event.object_type, "intake_report");
  EXPECT_EQ(event.object_id, "5");
  EXPECT_EQ(event.source_ip, "public");
  EXPECT_EQ(event.outcome, "success");
}

}  // namespace
}  // namespace qorgau::cases
