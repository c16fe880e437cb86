// Graceful shutdown: on SIGTERM the server stops accepting connections,
// finishes the requests it is handling (each gets its full response), and
// exits with status 0. Data directories survive restarts.
#include <gtest/gtest.h>

#include <utility>  // before Asio: libboost 1.74 with g++ 12 needs it.

#include <signal.h>

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <thread>

#include "test_server.h"

namespace qorgau::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;

TEST(Shutdown, InFlightRequestsCompleteAndTheServerExitsCleanly) {
  TestServer server;
  asio::io_context io;
  constexpr int kRequests = 3;  // fewer than the server's worker threads
  std::vector<std::unique_ptr<beast::tcp_stream>> streams;
  std::string body = nlohmann::json{{"username", "admin"}, {"password", kDemoPassword}}.dump();
  for (int i = 0; i < kRequests; ++i) {
    auto stream = std::make_unique<beast::tcp_stream>(io);
    stream->connect({asio::ip::make_address("127.0.0.1"), server.port()});
    // A first request proves the server has accepted this connection.
    bhttp::request<bhttp::string_body> health{bhttp::verb::get, "/api/v1/health", 11};
    health.set(bhttp::field::host, "127.0.0.1");
    bhttp::write(*stream, health);
    beast::flat_buffer buffer;
    bhttp::response<bhttp::string_body> res;
    bhttp::read(*stream, buffer, res);
    ASSERT_EQ(res.result_int(), 200u);
    streams.push_back(std::move(stream));
  }
  // Logins take tens of milliseconds (Argon2id): send them, then SIGTERM.
  for (auto& stream : streams) {
    bhttp::request<bhttp::string_body> login{bhttp::verb::post, "/api/v1/session", 11};
    login.set(bhttp::field::host, "127.0.0.1");
    login.set(bhttp::field::content_type, "application/json");
    login.body() = body;
    login.prepare_payload();
    bhttp::write(*stream, login);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(15));
  ::kill(server.pid(), SIGTERM);
  for (auto& stream : streams) {
    beast::flat_buffer buffer;
    bhttp::response<bhttp::string_body> res;
    beast::error_code ec;
    bhttp::read(*stream, buffer, res, ec);
    ASSERT_FALSE(ec) << ec.message();
    EXPECT_EQ(res.result_int(), 200u) << res.body();
    EXPECT_FALSE(res.keep_alive()) << "a draining server closes connections after responding";
    EXPECT_NE(res.body().find("csrf_token"), std::string::npos);
  }
  EXPECT_EQ(server.wait_exit(), 0) << "the SIGTERM above stops it";
  // New connections are refused once it has stopped.
  beast::tcp_stream late(io);
  beast::error_code ec;
  late.connect({asio::ip::make_address("127.0.0.1"), server.port()}, ec);
  EXPECT_TRUE(ec);
}

TEST(Shutdown, DataSurvivesARestart) {
  TestServer server;
  Client admin(server.port());
  ASSERT_EQ(admin.login("admin", kDemoPassword).status, 200);
  Reply created =
      admin.post("/api/v1/agencies",
                 {{"name", "Survives restart"}, {"kind", "ngo"}, {"region_kato", "790000000"}});
  ASSERT_EQ(created.status, 201);
  ASSERT_EQ(server.stop(), 0);
  server.start();
  Client again(server.port());
  ASSERT_EQ(again.login("admin", kDemoPassword).status, 200);
  auto agencies = again.get("/api/v1/agencies").json()["agencies"];
  EXPECT_EQ(agencies.back()["name"], "Survives restart");
}

TEST(Shutdown, AcknowledgedWritesSurviveSigkill) {
  TestServer server;
  Client admin(server.port());
  ASSERT_EQ(admin.login("admin", kDemoPassword).status, 200);
  for (int i = 0; i < 20; ++i) {
    Reply r = admin.post(
        "/api/v1/agencies",
        {{"name", "Durable " + std::to_string(i)}, {"kind", "ngo"}, {"region_kato", "790000000"}});
    ASSERT_EQ(r.status, 201);
  }
  server.kill_hard();  // no chance to flush or checkpoint anything
  server.start();
  Client again(server.port());
  ASSERT_EQ(again.login("admin", kDemoPassword).status, 200);
  int durable = 0;
  Reply listed = again.get("/api/v1/agencies");
  const nlohmann::json agencies = listed.json()["agencies"];
  for (const auto& a : agencies) {
    if (a["name"].get<std::string>().rfind("Durable ", 0) == 0) ++durable;
  }
  EXPECT_EQ(durable, 20) << listed.body;
  std::string out;
  server.stop();
  EXPECT_EQ(server.run_cli({"audit", "verify"}, "", &out), 0) << out;
}

}  // namespace
}  // namespace qorgau::testing
