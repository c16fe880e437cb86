// The SMS gateway client against a fake gateway on 127.0.0.1: the exact
// request (POST, JSON {"to","text"}), answers that refuse, the URL rules.
#include "notify/sms_gateway_channel.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "notify/fake_peer_test_support.h"

namespace qorgau::notify {
namespace {

using testing::FakePeer;

class NoDatabase : public store::Connection {
 public:
  std::vector<store::Row> query(std::string_view, const std::vector<store::Value>&) override {
    throw std::logic_error("the SMS channel must not use the database");
  }
  std::int64_t execute(std::string_view, const std::vector<store::Value>&) override {
    throw std::logic_error("the SMS channel must not use the database");
  }
  void execute_script(std::string_view) override {}
  void begin() override {}
  void commit() override {}
  void rollback() override {}
};

// A gateway that reads one request (headers and a Content-Length body) and answers `status`.
FakePeer::Script gateway(std::string status_line) {
  return [status_line](FakePeer& peer, FakePeer::Socket& socket) {
    std::string head = peer.read_until(socket, "\r\n\r\n");
    std::size_t length = 0;
    for (std::string_view name : {"Content-Length: ", "content-length: "}) {
      if (auto at = head.find(name); at != std::string::npos) {
        length = std::stoul(head.substr(at + name.size()));
      }
    }
    peer.read_exactly(socket, length);
    FakePeer::write(socket, status_line + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
  };
}

std::string body_of(const std::string& request) {
  return request.substr(request.find("\r\n\r\n") + 4);
}

TEST(SmsGatewayChannel, PostsJsonWithTheNumberAndTheTextOnly) {
  FakePeer peer(gateway("HTTP/1.1 200 OK"));
  SmsGatewayChannel channel("http://127.0.0.1:" + std::to_string(peer.port()) + "/send?k=1",
                            std::chrono::seconds(5));
  NoDatabase connection;
  channel.send(connection, Delivery{3, "+77011234567", "Subject not sent", "Хабар.\nLine two"});
  const std::string& request = peer.received();
  EXPECT_TRUE(request.starts_with("POST /send?k=1 HTTP/1.1\r\n")) << request;
  EXPECT_NE(request.find("Host: 127.0.0.1:" + std::to_string(peer.port()) + "\r\n"),
            std::string::npos);
  EXPECT_NE(request.find("Content-Type: application/json\r\n"), std::string::npos);
  auto body = nlohmann::json::parse(body_of(request));
  EXPECT_EQ(body, (nlohmann::json{{"to", "+77011234567"}, {"text", "Хабар.\nLine two"}}));
}

TEST(SmsGatewayChannel, ClientErrorIsRefusedServerErrorIsDeferred) {
  for (auto [status, code] : {std::pair{"HTTP/1.1 400 Bad Request", "refused"},
                              std::pair{"HTTP/1.1 503 Service Unavailable", "deferred"}}) {
    FakePeer peer(gateway(status));
    SmsGatewayChannel channel("http://127.0.0.1:" + std::to_string(peer.port()) + "/",
                              std::chrono::seconds(5));
    NoDatabase connection;
    try {
      channel.send(connection, Delivery{3, "+77011234567", "", "t"});
      FAIL() << status;
    } catch (const ChannelError& e) {
      EXPECT_EQ(e.code(), code) << status;
    }
  }
}

TEST(SmsGatewayChannel, NothingListeningIsUnreachable) {
  std::uint16_t closed_port = 0;
  {
    FakePeer peer([](FakePeer&, FakePeer::Socket&) {});
    closed_port = peer.port();
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket poke(io);
    poke.connect({boost::asio::ip::make_address("127.0.0.1"), closed_port});
  }
  SmsGatewayChannel channel("http://127.0.0.1:" + std::to_string(closed_port) + "/",
                            std::chrono::seconds(2));
  NoDatabase connection;
  try {
    channel.send(connection, Delivery{3, "+77011234567", "", "t"});
    FAIL();
  } catch (const ChannelError& e) {
    EXPECT_EQ(e.code(), "unreachable");
  }
}

TEST(SmsGatewayChannel, UnconfiguredAndUrlRules) {
  SmsGatewayChannel unconfigured("", std::chrono::seconds(1));
  EXPECT_FALSE(unconfigured.configured());
  NoDatabase connection;
  try {
    unconfigured.send(connection, Delivery{3, "+77011234567", "", "t"});
    FAIL();
  } catch (const ChannelError& e) {
    EXPECT_EQ(e.code(), "not_configured");
  }
  EXPECT_THROW(SmsGatewayChannel("https://gateway.kz/send", std::chrono::seconds(1)),
               std::invalid_argument);
  auto url = parse_http_url("http://sms.local:8080/api/send");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->host, "sms.local");
  EXPECT_EQ(url->port, 8080);
  EXPECT_EQ(url->target, "/api/send");
  EXPECT_EQ(parse_http_url("http://gw")->target, "/");
  EXPECT_FALSE(parse_http_url("http://user@gw/"));
  EXPECT_FALSE(parse_http_url("http://gw:99999/"));
  EXPECT_FALSE(parse_http_url("http:///x"));
  EXPECT_FALSE(parse_http_url("ftp://gw/"));
}

}  // namespace
}  // namespace qorgau::notify
