// Fills a fresh data directory for bench/verify: the demo agencies and users, PEOPLE people
// with valid IINs (every field encrypted and blind-indexed like any person), and ORDERS cases
// each with a served 30-day police protective order against its aggressor, all through the
// same stores the server uses (people::PersonStore, cases::CaseStore, orders::OrderStore), in
// large transactions. One person in PEOPLE/ORDERS is an aggressor under an order.
//
// Writes SAMPLE IINs to IIN_FILE, one per line, alternately of a person under an order and of
// one who is not, for the wrk script to pick from.
//
// Usage: qorgau_bench_seed_orders DATA_DIR PEOPLE ORDERS IIN_FILE SAMPLE
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "app/config.h"
#include "app/demo_data.h"
#include "app/services.h"
#include "core/iin.h"
#include "core/time_zone.h"

namespace {

using namespace std::chrono;
using namespace qorgau;

constexpr std::int64_t kBatch = 50'000;
constexpr const char* kRegion = "750000000";  // Almaty, where the demo police inspector works

// The index-th valid IIN of a sequence without repeats: each birth date of 1950..2004 with
// serials 1, 2, ... (an IIN encodes date, sex and serial, so distinct pairs never collide).
class IinSequence {
 public:
  std::string next() {
    for (;;) {
      year_month_day date(sys_days(1950y / 1 / 1) + days(day_));
      core::Sex sex = day_ % 2 == 0 ? core::Sex::kMale : core::Sex::kFemale;
      auto iin = core::make_iin(date, sex, serial_);
      if (++day_ == kDays) {
        day_ = 0;
        ++serial_;
      }
      if (iin) return *iin;
    }
  }

 private:
  static constexpr int kDays = 20'000;
  int day_ = 0;
  int serial_ = 1;
};

std::int64_t agency_of_region(store::Connection& c) {
  return c
      .query_one("SELECT id FROM agencies WHERE kind = 'police' AND region_kato = $1 ORDER BY id",
                 {std::string(kRegion)})
      ->integer(0);
}

// The police inspector of that agency, who issues and serves the orders.
std::int64_t inspector_of(store::Connection& c, std::int64_t agency) {
  return c
      .query_one(
          "SELECT id FROM users WHERE role = 'police_inspector' AND agency_id = $1 "
          "ORDER BY id",
          {agency})
      ->integer(0);
}

double seconds_since(steady_clock::time_point start) {
  return duration<double>(steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: %s DATA_DIR PEOPLE ORDERS IIN_FILE SAMPLE\n", argv[0]);
    return 2;
  }
  std::int64_t people = std::atoll(argv[2]);
  std::int64_t orders = std::atoll(argv[3]);
  std::int64_t sample = std::atoll(argv[5]);
  if (people <= 0 || orders <= 0 || orders * 2 > people || sample <= 0) {
    std::fprintf(stderr, "need 0 < 2 * ORDERS <= PEOPLE and SAMPLE > 0\n");
    return 2;
  }
  app::Config config;
  config.data_dir = argv[1];
  core::SystemClock clock;
  app::Services services(config, clock);
  if (!app::load_demo_data(services)) {
    std::fprintf(stderr, "the data directory is not fresh\n");
    return 1;
  }
  auto start = steady_clock::now();
  auto connection = services.pool().lease();
  std::int64_t agency = agency_of_region(*connection);
  std::int64_t inspector = inspector_of(*connection, agency);
  // Person i is an aggressor under an order when i % stride == 0, the survivor of that case
  // when i % stride == 1.
  std::int64_t stride = people / orders;
  IinSequence iins;
  std::vector<std::string> with_order;
  std::vector<std::string> without_order;
  std::vector<std::int64_t> aggressors;
  std::vector<std::int64_t> survivors;
  for (std::int64_t first = 0; first < people; first += kBatch) {
    store::Transaction tx(*connection);
    for (std::int64_t i = first; i < std::min(people, first + kBatch); ++i) {
      std::string iin = iins.next();
      std::string name = "Адам Бенчмарков " + std::to_string(i);
      std::int64_t id = services.people().create(*connection, {name, iin, {}, {}}, agency).id;
      bool aggressor = i % stride == 0 && static_cast<std::int64_t>(aggressors.size()) < orders;
      if (aggressor) aggressors.push_back(id);
      if (i % stride == 1 && survivors.size() < aggressors.size()) survivors.push_back(id);
      auto& pool = aggressor ? with_order : without_order;
      if (static_cast<std::int64_t>(pool.size()) < sample) pool.push_back(iin);
    }
    tx.commit();
  }
  std::fprintf(stderr, "seed: %lld people in %.1f s\n", static_cast<long long>(people),
               seconds_since(start));
  auto today = services.jurisdiction().zone->local_date(clock.now_ms());
  for (std::int64_t first = 0; first < orders; first += kBatch) {
    store::Transaction tx(*connection);
    for (std::int64_t k = first; k < std::min(orders, first + kBatch); ++k) {
      cases::NewCase input;
      input.survivor_person_id = survivors[static_cast<size_t>(k)];
      input.aggressor_person_id = aggressors[static_cast<size_t>(k)];
      input.basis = "complaint";
      input.incident_types = {"physical_assault"};
      input.region_kato = kRegion;
      input.owner_agency_id = agency;
      cases::Case opened = services.cases().create(*connection, input, inspector);
      orders::NewOrder order;
      order.kind = orders::OrderKind::kPoliceProtective;
      order.starts_on = today;
      order.duration_days = 30;
      order.conditions = {{"no_contact", std::nullopt, std::nullopt},
                          {"no_approach", 300, std::nullopt}};
      order.protected_contact_route = "Через кризисный центр, только днём";
      std::int64_t id = services.orders().create(*connection, opened, order, inspector).id;
      services.orders().serve(*connection, id, std::nullopt, inspector);
    }
    tx.commit();
  }
  std::fprintf(stderr, "seed: %lld cases with served orders, %.1f s in all\n",
               static_cast<long long>(orders), seconds_since(start));
  std::ofstream out(argv[4]);
  for (size_t i = 0; i < with_order.size() || i < without_order.size(); ++i) {
    if (i < with_order.size()) out << with_order[i] << '\n';
    if (i < without_order.size()) out << without_order[i] << '\n';
  }
  return out ? 0 : 1;
}
