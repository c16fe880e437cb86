// The last bed cannot be held twice or filled twice: many clients race for
// it over real HTTP connections at once, and exactly one wins.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "test_server.h"

namespace qorgau::testing {
namespace {

using nlohmann::json;

constexpr int kRacers = 12;

// A client with the same session as `logged_in` (one login, many connections:
// the login throttle is per address).
Client same_session(const Client& logged_in, std::uint16_t port) {
  Client copy(port);
  copy.cookies = logged_in.cookies;
  copy.csrf_token = logged_in.csrf_token;
  return copy;
}

// Runs `attempt` from kRacers threads released together; returns the statuses.
std::vector<int> race(const Client& session, std::uint16_t port,
                      const std::function<Reply(Client&)>& attempt) {
  std::vector<int> statuses(kRacers, 0);
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kRacers; ++i) {
    threads.emplace_back([&, i] {
      Client client = same_session(session, port);
      ready.fetch_add(1);
      while (ready.load() < kRacers) std::this_thread::yield();
      statuses[i] = attempt(client).status;
    });
  }
  for (auto& t : threads) t.join();
  return statuses;
}

class LastBed : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(ministry_.login("ministry", kDemoPassword).status, 200);
    ASSERT_EQ(caseworker_.login("caseworker", kDemoPassword).status, 200);
    ASSERT_EQ(shelter_.login("shelter", kDemoPassword).status, 200);
    // A one-bed centre run by the demo shelter's agency (6: "Meiirim").
    Reply created = ministry_.post("/api/v1/shelters", {{"agency_id", 6},
                                                        {"name_kk", "Бір төсек"},
                                                        {"name_ru", "Одна кровать"},
                                                        {"name_en", "One bed"},
                                                        {"region_kato", "750000000"},
                                                        {"locality", "Almaty"},
                                                        {"phone", "+7 700 000 00 77"},
                                                        {"languages", {"kk", "ru"}},
                                                        {"beds_women", 1},
                                                        {"beds_children", 0},
                                                        {"accessible_rooms", 0}});
    ASSERT_EQ(created.status, 201) << created.body;
    shelter_id_ = created.json()["id"];
  }

  json centre() {
    return caseworker_.get("/api/v1/shelters/" + std::to_string(shelter_id_)).json();
  }

  TestServer server_;
  Client ministry_{server_.port()};
  Client caseworker_{server_.port()};
  Client shelter_{server_.port()};
  std::int64_t shelter_id_ = 0;
};

TEST_F(LastBed, CannotBeHeldTwice) {
  std::string path = "/api/v1/shelters/" + std::to_string(shelter_id_) + "/holds";
  auto statuses = race(caseworker_, server_.port(), [&](Client& c) {
    return c.post(path, {{"women", 1}, {"children", 0}});
  });
  int won = 0;
  for (int status : statuses) {
    if (status == 201) {
      ++won;
    } else {
      EXPECT_EQ(status, 409);
    }
  }
  EXPECT_EQ(won, 1);
  json after = centre();
  EXPECT_EQ(after["held"]["women"], 1);
  EXPECT_EQ(after["available"]["women"], 0);
}

TEST_F(LastBed, CannotBeFilledTwice) {
  std::string path = "/api/v1/shelters/" + std::to_string(shelter_id_) + "/admissions";
  std::atomic<int> next{0};
  auto statuses = race(shelter_, server_.port(), [&](Client& c) {
    int n = next.fetch_add(1);
    return c.post(path,
                  {{"full_name", "Racer " + std::to_string(n)}, {"birth_date", "1990-01-01"}});
  });
  int won = 0;
  for (int status : statuses) {
    if (status == 201) {
      ++won;
    } else {
      EXPECT_EQ(status, 409);
    }
  }
  EXPECT_EQ(won, 1);
  EXPECT_EQ(centre()["occupied"]["women"], 1);
}

TEST_F(LastBed, AHoldAndAWalkInCannotBothTakeIt) {
  std::string holds = "/api/v1/shelters/" + std::to_string(shelter_id_) + "/holds";
  std::string admissions = "/api/v1/shelters/" + std::to_string(shelter_id_) + "/admissions";
  std::atomic<int> next{0};
  std::vector<int> statuses(2, 0);
  std::thread a([&] {
    Client c = same_session(caseworker_, server_.port());
    statuses[0] = c.post(holds, {{"women", 1}}).status;
  });
  std::thread b([&] {
    Client c = same_session(shelter_, server_.port());
    statuses[1] =
        c.post(admissions, {{"full_name", "Walk-in"}, {"birth_date", "1991-02-03"}}).status;
  });
  a.join();
  b.join();
  EXPECT_EQ((statuses[0] == 201) + (statuses[1] == 201), 1) << statuses[0] << " " << statuses[1];
  json after = centre();
  EXPECT_EQ(after["held"]["women"].get<int>() + after["occupied"]["women"].get<int>(), 1);
}

}  // namespace
}  // namespace qorgau::testing
