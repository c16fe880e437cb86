#include "app/demo_intake.h"

#include "intake/report.h"

namespace qorgau::app {

namespace {

// Fictional reports, validated like any submitted through the form.
const char* const kReports[] = {
    R"json({"reporter": {"type": "witness"},
        "incident": {"types": ["physical_assault"], "date": "2026-11-14", "region": "750000000",
                     "locality": "Алматы, Алмалы ауданы (demo)", "place_type": "home",
                     "description": "Көршілер пәтерден айқай мен соққы дыбыстарын естіді (demo)."},
        "victim": {"sex": "female", "age_group": "26_40"},
        "aggressor": {"sex": "male", "age_group": "26_40", "relationship": "spouse"},
        "children_present": true, "immediate_danger": false,
        "consent": ["share_with_police"]})json",
    R"json({"reporter": {"type": "survivor"},
        "incident": {"types": ["psychological_abuse", "stalking"], "region": "710000000",
                     "locality": "Астана (demo)", "place_type": "street",
                     "description": "Бывший муж каждый день ждёт меня у работы и пишет угрозы (demo)."},
        "aggressor": {"sex": "male", "relationship": "former_spouse"},
        "children_present": false, "immediate_danger": false,
        "contact": {"ways": ["sms"], "times": ["evening"], "phone": "+7 700 000 00 99",
                    "language": "ru"},
        "consent": ["contact_me", "share_with_police"]})json",
    R"json({"reporter": {"type": "institution", "organisation": "School No. 0 (demo)"},
        "incident": {"types": ["bullying_of_minor"], "date": "2026-11-10", "region": "750000000",
                     "place_type": "school",
                     "description": "A pupil is repeatedly threatened by older pupils (demo)."},
        "victim": {"sex": "male", "age_group": "12_17"},
        "immediate_danger": false,
        "consent": ["share_with_social_services"]})json",
};

}  // namespace

void load_demo_intake(Services& services, store::Connection& connection) {
  auto today = intake::local_today(services.clock().now(), *services.jurisdiction().zone);
  for (const char* text : kReports) {
    intake::ReportInput report =
        intake::parse_report(nlohmann::json::parse(text), services.jurisdiction(), today);
    intake::Submitted stored = services.intake_reports().submit(connection, report);
    services.audit().append(connection,
                            {std::nullopt, std::nullopt, "intake_report.create", "intake_report",
                             std::to_string(stored.id), "cli", "success"});
  }
}

}  // namespace qorgau::app
