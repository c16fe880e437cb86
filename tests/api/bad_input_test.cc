// Bad input gets a clear error (status, code, message in the caller's
// language) and changes nothing: the number of stored people and the audit
// trail of writes stay exactly as they were.
#include <gtest/gtest.h>

#include <utility>  // before Asio: libboost 1.74 with g++ 12 needs it.

#include <boost/asio.hpp>
#include <chrono>

#include "store/sqlite/sqlite_database.h"
#include "test_server.h"

namespace qorgau::testing {
namespace {

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(client_.login("inspector", kDemoPassword).status, 200); }

  std::int64_t count(const std::string& sql) {
    store::SqliteDatabase database(server_.data_dir() / "qorgau.db");
    return database.connect()->query_one(sql)->integer(0);
  }

  // Sends `body` to POST /api/v1/people and checks the error and no change.
  void expect_refused(const std::string& body, int status, const std::string& code,
                      const std::string& content_type = "application/json") {
    std::int64_t people = count("SELECT COUNT(*) FROM people");
    std::int64_t creations = count("SELECT COUNT(*) FROM audit_log WHERE action = 'person.create'");
    Reply reply = client_.request("POST", "/api/v1/people", body, {{"Content-Type", content_type}});
    EXPECT_EQ(reply.status, status) << body.substr(0, 80) << " -> " << reply.body;
    EXPECT_EQ(reply.error_code(), code) << body.substr(0, 80);
    auto error = nlohmann::json::parse(reply.body, nullptr, false);
    ASSERT_FALSE(error.is_discarded());
    EXPECT_FALSE(error["error"]["message"].get<std::string>().empty());
    EXPECT_EQ(count("SELECT COUNT(*) FROM people"), people);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'person.create'"), creations);
  }

  TestServer server_;
  Client client_{server_.port()};
};

TEST_F(BadInput, MalformedJsonIsRefused) {
  expect_refused("{\"full_name\": \"A", 400, "invalid_json");
  expect_refused("[1, 2]", 400, "invalid_json");
  expect_refused("", 400, "invalid_json");
}

TEST_F(BadInput, WrongContentTypeIsRefused) {
  expect_refused("full_name=A", 415, "unsupported_media_type", "application/x-www-form-urlencoded");
}

TEST_F(BadInput, UnknownFieldsAndWrongTypesAreRefused) {
  expect_refused(R"({"full_name": "Анна Ким", "nickname": "x"})", 400, "unknown_field");
  expect_refused(R"({"full_name": 42})", 400, "wrong_type");
  expect_refused(R"({"full_name": "Анна Ким", "iin": 880101300123})", 400, "wrong_type");
  expect_refused(R"({"iin": "880101300123"})", 400, "missing_field");
  expect_refused(R"({"full_name": "   "})", 400, "missing_field");
}

TEST_F(BadInput, InvalidIinIsRefusedWithTheReason) {
  expect_refused(R"({"full_name": "Анна Ким", "iin": "12345"})", 400, "invalid_iin");
  expect_refused(R"({"full_name": "Анна Ким", "iin": "880101300120"})", 400, "invalid_iin");
  Reply reply =
      client_.post("/api/v1/people", {{"full_name", "Анна Ким"}, {"iin", "88010130012x"}});
  EXPECT_NE(reply.json()["error"]["message"].get<std::string>().find("iin_not_digits"),
            std::string::npos);
}

TEST_F(BadInput, OversizedBodiesAreRefusedBeforeAnythingIsRead) {
  std::string huge = R"({"full_name": ")" + std::string(2 << 20, 'a') + "\"}";
  std::int64_t people = count("SELECT COUNT(*) FROM people");
  Reply reply = client_.request("POST", "/api/v1/people", huge);
  EXPECT_EQ(reply.status, 413);
  EXPECT_EQ(reply.error_code(), "body_too_large");
  EXPECT_EQ(count("SELECT COUNT(*) FROM people"), people);
  // The server is still healthy afterwards.
  EXPECT_EQ(Client(server_.port()).get("/api/v1/health").status, 200);
}

TEST_F(BadInput, UnknownRoutesAndMethodsGetJsonErrors) {
  Reply missing = client_.get("/api/v1/nothing-here");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.error_code(), "not_found");
  Reply method = client_.request("PUT", "/api/v1/health", "{}");
  EXPECT_EQ(method.status, 405);
  EXPECT_EQ(method.error_code(), "method_not_allowed");
  EXPECT_EQ(client_.get("/api/v1/people/abc").status, 404);
  EXPECT_EQ(client_.get("/api/v1/people/999999").status, 404);
  // Percent-escapes are decoded; malformed ones are refused as not found.
  EXPECT_EQ(client_.get("/api/v1/%68ealth").status, 200);
  EXPECT_EQ(client_.get("/api/v1/people/%zz").error_code(), "not_found");
  EXPECT_EQ(client_.get("/api/v1/health%4").error_code(), "not_found");
}

TEST_F(BadInput, AValidPersonIsStoredAndAudited) {
  std::int64_t people = count("SELECT COUNT(*) FROM people");
  Reply ok = client_.post("/api/v1/people", {{"full_name", "Анна Ким"}, {"sex", "female"}});
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM people"), people + 1);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM audit_log WHERE action = 'person.create' AND object_id = '" +
            std::to_string(ok.json()["id"].get<std::int64_t>()) + "'"),
      1);
}

}  // namespace
}  // namespace qorgau::testing

namespace qorgau::testing {
namespace {

// A client that starts a request and never finishes it (slowloris) is cut off
// after the read timeout, and the server keeps serving everyone else.
TEST(Limits, IncompleteRequestsAreCutOffAfterTheReadTimeout) {
  TestServer::Options options;
  options.env["QORGAU_READ_TIMEOUT_SECONDS"] = "1";
  TestServer server(options);
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), server.port()});
  boost::asio::write(socket, boost::asio::buffer(std::string("GET /api/v1/health HTTP/1.1\r\nHo")));
  auto started = std::chrono::steady_clock::now();
  char byte = 0;
  boost::system::error_code ec;
  socket.read_some(boost::asio::buffer(&byte, 1), ec);  // blocks until the server closes
  auto waited = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(ec, boost::asio::error::eof);
  EXPECT_GE(waited, std::chrono::milliseconds(900));
  EXPECT_LT(waited, std::chrono::seconds(10));
  EXPECT_EQ(Client(server.port()).get("/api/v1/health").status, 200);
}

}  // namespace
}  // namespace qorgau::testing
