#include "app/demo_data.h"

#include <chrono>

#include "app/demo_help_network.h"
#include "app/demo_intake.h"
#include "core/iin.h"

namespace qorgau::app {

namespace {

struct DemoAgency {
  const char* name;
  const char* kind;
  const char* region_kato;
};

// Fictional agencies. Index in this table + 1 is the agency id on a fresh database.
const DemoAgency kAgencies[] = {
    {"Qorgau system administration", "ministry", "710000000"},
    {"Contact centre 111", "contact_centre_111", "710000000"},
    {"Almaty city police, women's protection unit", "police", "750000000"},
    {"Crisis centre \"Shanyrak\" (demo)", "crisis_centre", "750000000"},
    {"Almaty city prosecutor's office", "prosecutor", "750000000"},
    {"Crisis centre \"Meiirim\" (demo)", "crisis_centre", "750000000"},
    {"Crisis centre \"Bereke\" (demo)", "crisis_centre", "710000000"},
    {"Astana city police, women's protection unit", "police", "710000000"},
};

struct DemoUser {
  const char* username;
  const char* display_name;
  const char* role;
  int agency_index;
};

const DemoUser kUsers[] = {
    {"admin", "Әсел Админ (demo)", "system_admin", 0},
    {"auditor", "Дана Аудитор (demo)", "auditor", 0},
    {"operator", "Жанар Операторова (demo)", "operator_111", 1},
    {"inspector", "Гүлнар Инспекторова (demo)", "police_inspector", 2},
    {"caseworker", "Мадина Кейсова (demo)", "case_worker", 3},
    {"prosecutor", "Ерлан Прокуроров (demo)", "prosecutor", 4},
    {"analyst", "Нұрлан Аналитиков (demo)", "analyst", 0},
    {"shelter", "Салтанат Баспанова (demo)", "shelter_staff", 5},
    {"ministry", "Гүлжан Министрова (demo)", "ministry_coordinator", 0},
    {"officer", "Асқар Тәртіпов (demo)", "police_inspector", 7},
    {"bereke", "Айнұр Берекеева (demo)", "case_worker", 6},
};

}  // namespace

std::string demo_iin(int year, unsigned month, unsigned day, core::Sex sex, int serial) {
  using namespace std::chrono;
  for (int s = serial;; ++s) {
    auto iin = core::make_iin(
        year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}},
        sex, s);
    if (iin) return *iin;
  }
}

const std::vector<DemoLogin>& demo_logins() {
  static const std::vector<DemoLogin> kLogins = [] {
    std::vector<DemoLogin> out;
    for (const auto& u : kUsers) out.push_back({u.username, u.role});
    return out;
  }();
  return kLogins;
}

const std::vector<DemoPerson>& demo_people() {
  static const std::vector<DemoPerson> kPeople = {
      {"Айгүл Сәрсенқызы Жолдасбекова", demo_iin(1991, 3, 14, core::Sex::kFemale, 4821)},
      {"Серік Қайратұлы Бекмағамбетов", demo_iin(1987, 11, 2, core::Sex::kMale, 3307)},
  };
  return kPeople;
}

std::optional<DemoInbox> load_demo_data(Services& services) {
  auto connection = services.pool().lease();
  if (connection->query_one("SELECT id FROM agencies LIMIT 1")) return std::nullopt;
  std::int64_t now = services.clock().now_ms();
  store::Transaction tx(*connection);
  std::vector<std::int64_t> agency_ids;
  for (const auto& a : kAgencies) {
    auto created = services.agencies().create(*connection, {0, a.name, a.kind, a.region_kato}, now);
    agency_ids.push_back(created.id);
    services.audit().append(*connection, {std::nullopt, std::nullopt, "agency.create", "agency",
                                          std::to_string(created.id), "cli", "success"});
  }
  std::int64_t almaty_inspector = 0;
  for (const auto& u : kUsers) {
    auto created = services.users().create(*connection,
                                           {u.username, u.display_name, std::string(kDemoPassword),
                                            u.role, agency_ids[u.agency_index]},
                                           now);
    services.audit().append(*connection, {std::nullopt, std::nullopt, "user.create", "user",
                                          std::to_string(created.id), "cli", "success"});
    if (std::string_view(u.username) == "inspector") almaty_inspector = created.id;
  }
  for (const auto& p : demo_people()) {
    auto created =
        services.people().create(*connection, {p.full_name, p.iin, {}, {}}, agency_ids[2]);
    services.audit().append(*connection, {std::nullopt, std::nullopt, "person.create", "person",
                                          std::to_string(created.id), "cli", "success"});
  }
  load_demo_help_network(services, *connection, {agency_ids[5], agency_ids[6]});
  load_demo_intake(services, *connection);
  DemoInbox inbox = load_demo_protection(services, *connection, {agency_ids[2], almaty_inspector});
  tx.commit();
  return inbox;
}

}  // namespace qorgau::app
