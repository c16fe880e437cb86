#include "app/demo_help_network.h"

namespace qorgau::app {

namespace {

using core::LocalizedText;

const LocalizedText kAlmaty{"Алматы", "Алматы", "Almaty"};
const LocalizedText kAstana{"Астана", "Астана", "Astana"};
const LocalizedText kAllDay{"Тәулік бойы", "Круглосуточно", "24 hours a day"};
const LocalizedText kWeekdays{"Дс–Жм, 09:00–18:00", "Пн–Пт, 09:00–18:00", "Mon–Fri, 09:00–18:00"};

help::HelpService service(std::string kind, LocalizedText name, std::string region,
                          LocalizedText locality, std::string phone, bool all_day,
                          std::vector<std::string> needs, LocalizedText description,
                          std::optional<LocalizedText> address = std::nullopt) {
  help::HelpService s;
  s.kind = std::move(kind);
  s.name = std::move(name);
  s.region_kato = std::move(region);
  s.locality = std::move(locality);
  s.phone = std::move(phone);
  s.hours_24_7 = all_day;
  s.hours = all_day ? kAllDay : kWeekdays;
  s.languages = {"kk", "ru"};
  s.needs = std::move(needs);
  s.description = std::move(description);
  s.address = std::move(address);
  return s;
}

std::vector<help::HelpService> directory_services() {
  return {
      service("family_support",
              {"«Отбасы» отбасын қолдау орталығы (demo)", "Центр поддержки семьи «Отбасы» (demo)",
               "Family support centre “Otbasy” (demo)"},
              "750000000", kAlmaty, "+7 700 000 00 11", false, {"children"},
              {"Отбасы мен балаларға кеңес, психологтың көмегі, құжаттарға көмек.",
               "Консультации для семей и детей, помощь психолога, помощь с документами.",
               "Advice for families and children, a psychologist, help with documents."},
              LocalizedText{"Абай даңғылы, 1 (demo)", "проспект Абая, 1 (demo)",
                            "1 Abai Avenue (demo)"}),
      service("legal_aid",
              {"Әйелдерге тегін заң көмегі (demo)", "Бесплатная юридическая помощь женщинам (demo)",
               "Free legal aid for women (demo)"},
              "750000000", kAlmaty, "+7 700 000 00 12", false, {},
              {"Арыз жазуға, сотқа және қорғау нұсқамасына көмектеседі.",
               "Помогает составить заявление, подготовиться к суду, получить защитное предписание.",
               "Helps with statements, court and protective orders."}),
      service("psychologist",
              {"Психологиялық көмек желісі (demo)", "Линия психологической помощи (demo)",
               "Psychological support line (demo)"},
              "750000000", kAlmaty, "+7 700 000 00 13", true, {},
              {"Психологпен жасырын сөйлесу, тәулік бойы.",
               "Анонимный разговор с психологом, круглосуточно.",
               "Talk to a psychologist anonymously, day and night."}),
      service(
          "police_unit",
          {"Әйелдерді зорлық-зомбылықтан қорғау бөлімі (demo)",
           "Отдел защиты женщин от насилия (demo)", "Police unit for women's protection (demo)"},
          "750000000", kAlmaty, "+7 700 000 00 14", true, {},
          {"Арызды қабылдайды, қорғау нұсқамасын береді.",
           "Принимает заявления, выносит защитные предписания.",
           "Takes reports and issues protective orders."}),
      service("medical",
              {"Қалалық жедел жәрдем ауруханасы (demo)", "Городская больница скорой помощи (demo)",
               "City emergency hospital (demo)"},
              "750000000", kAlmaty, "+7 700 000 00 15", true, {"disability_access"},
              {"Жарақаттарды тексеріп, құжаттайды.", "Осмотр и документирование травм.",
               "Examines and documents injuries."}),
      service("legal_aid",
              {"Астанадағы заң клиникасы (demo)", "Юридическая клиника в Астане (demo)",
               "Legal clinic in Astana (demo)"},
              "710000000", kAstana, "+7 700 000 00 21", false, {},
              {"Тегін заң кеңесі.", "Бесплатные юридические консультации.", "Free legal advice."}),
  };
}

struct DemoShelter {
  LocalizedText name;
  const char* region;
  LocalizedText locality;
  const char* phone;
  shelters::Counts capacity;
  shelters::Counts occupied;
  const char* rules;
  const char* address;
};

}  // namespace

void load_demo_help_network(Services& services, store::Connection& connection,
                            const DemoShelterAgencies& agencies) {
  std::int64_t now = services.clock().now_ms();
  auto audit = [&](const char* action, const char* type, std::int64_t id) {
    services.audit().append(connection, {std::nullopt, std::nullopt, action, type,
                                         std::to_string(id), "cli", "success"});
  };
  for (const auto& entry : directory_services()) {
    auto created = services.help_directory().create(connection, entry, now);
    audit("help_service.create", "help_service", created.id);
  }
  const DemoShelter shelters[] = {
      {{"«Мейірім» дағдарыс орталығы (demo)", "Кризисный центр «Мейірім» (demo)",
        "Crisis centre “Meiirim” (demo)"},
       "750000000",
       kAlmaty,
       "+7 700 000 00 31",
       {12, 16, 2},
       {7, 9, 0},
       "Women with children of any age; boys over 14 by arrangement. Up to 6 months.",
       "Demo street 31, Almaty"},
      {{"«Береке» дағдарыс орталығы (demo)", "Кризисный центр «Береке» (demo)",
        "Crisis centre “Bereke” (demo)"},
       "710000000",
       kAstana,
       "+7 700 000 00 41",
       {8, 10, 1},
       {8, 6, 1},
       "Women and their children. Up to 6 months.",
       "Demo street 41, Astana"},
  };
  const std::int64_t agency_ids[] = {agencies.almaty_shelter, agencies.astana_shelter};
  for (size_t i = 0; i < std::size(shelters); ++i) {
    const DemoShelter& d = shelters[i];
    shelters::ShelterDetails details;
    details.service = service("crisis_centre", d.name, d.region, d.locality, d.phone, true, {},
                              {"Баспана, психолог, заңгер, балаларға көмек.",
                               "Проживание, психолог, юрист, помощь детям.",
                               "Shelter, a psychologist, a lawyer, help for children."});
    details.capacity = d.capacity;
    details.admission_rules = d.rules;
    details.address = d.address;
    auto created = services.shelters().create(connection, agency_ids[i], details);
    audit("shelter.create", "shelter", created.id);
    services.shelters().change_occupancy(connection, created.id, d.occupied, std::nullopt);
    audit("shelter.occupancy", "shelter", created.id);
  }
}

}  // namespace qorgau::app
