#include "app/demo_protection.h"

#include <chrono>
#include <map>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "app/demo_data.h"
#include "cases/cases.h"
#include "core/calendar_day.h"
#include "notify/consents.h"
#include "notify/messages.h"
#include "orders/order_jobs.h"
#include "orders/orders.h"
#include "risk/assessments.h"
#include "risk/incidents.h"
#include "risk/instruments.h"

namespace qorgau::app {

namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr const char* kAlmaty = "750000000";

struct DemoCouple {
  const char* survivor;
  const char* aggressor;
  int aggressor_born;  // year; the IIN is built from it (born 17 April)
  int aggressor_serial;
};

// Fictional people, not the demo people tests search for.
constexpr DemoCouple kCouples[] = {
    {"Әйгерім Нұрланқызы Тоқтарова (demo)", "Бауыржан Серікұлы Тоқтаров (demo)", 1985, 5101},
    {"Жансая Ермекқызы Әлиева (demo)", "Дәурен Маратұлы Әлиев (demo)", 1990, 5203},
    {"Ләззат Болатқызы Қасенова (demo)", "Нұржан Талғатұлы Қасенов (demo)", 1982, 5307},
};

class DemoWriter {
 public:
  DemoWriter(Services& services, store::Connection& connection, const DemoProtectionActor& actor)
      : services_(services),
        connection_(connection),
        actor_(actor),
        today_(services.jurisdiction().zone->local_date(services.clock().now_ms())) {}

  year_month_day today() const { return today_; }

  cases::Case open_case(const DemoCouple& couple, std::vector<std::string> incident_types) {
    std::int64_t survivor = person(couple.survivor, std::nullopt);
    std::int64_t aggressor =
        person(couple.aggressor,
               demo_iin(couple.aggressor_born, 4, 17, core::Sex::kMale, couple.aggressor_serial));
    cases::NewCase input;
    input.survivor_person_id = survivor;
    input.aggressor_person_id = aggressor;
    input.basis = "complaint";
    input.incident_types = std::move(incident_types);
    input.region_kato = kAlmaty;
    input.owner_agency_id = actor_.agency_id;
    cases::Case opened = services_.cases().create(connection_, input, actor_.user_id);
    audit("case.create", "case", opened.id);
    opened = services_.cases().assign(connection_, opened.id, actor_.agency_id, actor_.user_id,
                                      actor_.user_id);
    audit("case.assign", "case", opened.id);
    return opened;
  }

  // Every item answered "no" (or its first option, the harmless one) but those in `answers`.
  void assess(const cases::Case& found, const std::map<std::string, std::string>& answers) {
    auto instrument = services_.risk_instruments().current(connection_, risk::kDefaultInstrument);
    if (!instrument) throw std::runtime_error("demo data: the built-in risk instrument is missing");
    risk::NewAssessment input;
    input.instrument = std::string(risk::kDefaultInstrument);
    for (const risk::Item& item : instrument->items) {
      auto given = answers.find(item.id);
      if (given != answers.end()) {
        input.answers.emplace(item.id, given->second);
      } else if (item.answer == risk::AnswerKind::kChoice) {
        input.answers.emplace(item.id, item.options.front().id);
      } else {
        input.answers.emplace(item.id, "no");
      }
    }
    services_.risk_assessments().record(connection_, found.id, input, actor_.user_id);
    audit("risk.assess", "case", found.id);
  }

  void record_incident(const cases::Case& found) {
    services_.risk_incidents().record(connection_, found.id, core::format_day(today_),
                                      {"physical_assault"}, actor_.user_id, today_);
    audit("case.incident", "case", found.id);
  }

  // A police protective order from `starts_on` for `duration_days`, served now when `serve`.
  void issue_order(const cases::Case& found, year_month_day starts_on, std::int64_t duration_days,
                   bool serve) {
    orders::NewOrder input;
    input.kind = orders::OrderKind::kPoliceProtective;
    input.starts_on = starts_on;
    input.duration_days = duration_days;
    input.conditions = {{"no_contact", std::nullopt, std::nullopt},
                        {"no_approach", 200, std::nullopt}};
    input.protected_contact_route = "Through the crisis centre \"Shanyrak\" only (demo)";
    orders::Order order = services_.orders().create(connection_, found, input, actor_.user_id);
    audit("order.issue", "order", order.id);
    if (!serve) return;
    order = services_.orders().serve(connection_, order.id, std::nullopt, actor_.user_id);
    orders::after_served(services_, connection_, order);
    audit("order.serve", "order", order.id);
  }

  // Her consent to every kind of notification, with dates, in Kazakh, through the inbox only.
  DemoInbox give_inbox(const cases::Case& found) {
    notify::ConsentInput input;
    input.channels = {{"inbox", ""}};
    for (std::string_view kind : notify::notification_kinds()) input.kinds.emplace_back(kind);
    input.detail = "dates";
    input.language = core::Language::kKk;
    notify::SavedConsent saved =
        services_.notify_consents().save(connection_, found.id, input, actor_.user_id);
    services_.case_timeline().append_event(connection_, found.id, actor_.user_id,
                                           "notification_consent_recorded", "");
    audit("notification_consent.write", "case", found.id);
    if (!saved.consent.inbox_code || !saved.inbox_secret) {
      throw std::runtime_error("demo data: the new inbox has no code or secret");
    }
    return {found.case_number, *saved.consent.inbox_code, *saved.inbox_secret};
  }

 private:
  std::int64_t person(const char* full_name, const std::optional<std::string>& iin) {
    auto created =
        services_.people().create(connection_, {full_name, iin, {}, {}}, actor_.agency_id);
    audit("person.create", "person", created.id);
    return created.id;
  }

  void audit(std::string action, std::string object_type, std::int64_t id) {
    services_.audit().append(
        connection_, {actor_.user_id, actor_.agency_id, std::move(action), std::move(object_type),
                      std::to_string(id), "cli", "success"});
  }

  Services& services_;
  store::Connection& connection_;
  const DemoProtectionActor& actor_;
  year_month_day today_;
};

}  // namespace

DemoInbox load_demo_protection(Services& services, store::Connection& connection,
                               const DemoProtectionActor& actor) {
  DemoWriter demo(services, connection, actor);
  const year_month_day today = demo.today();

  // High risk, an order in force for 30 days, and her inbox (given before the order is served,
  // so that she is told of it).
  cases::Case high = demo.open_case(kCouples[0], {"physical_assault", "psychological_abuse"});
  demo.assess(high, {{"strangulation", "yes"}, {"threat_to_kill", "yes"}});
  DemoInbox inbox = demo.give_inbox(high);
  demo.issue_order(high, today, 30, true);

  // Assessed low, then a new incident: the re-assessment is overdue. Its order ends in 3 days.
  cases::Case overdue = demo.open_case(kCouples[1], {"physical_assault"});
  demo.assess(overdue, {});
  demo.record_incident(overdue);
  demo.issue_order(overdue, today, 3, true);

  // Assessed medium; a one-day order that ran yesterday and has expired.
  cases::Case expired = demo.open_case(kCouples[2], {"psychological_abuse", "stalking"});
  demo.assess(expired, {{"stalking", "yes"}, {"escalation", "yes"}});
  demo.issue_order(expired, year_month_day{sys_days{today} - days{1}}, 1, false);
  return inbox;
}

}  // namespace qorgau::app
