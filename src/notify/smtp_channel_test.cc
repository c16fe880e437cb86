// The SMTP client against a fake mail server on 127.0.0.1: the exact command
// lines, the DATA section (CRLF, dot-stuffing, MIME headers, UTF-8), replies
// that refuse, and a server that never answers.
#include "notify/smtp_channel.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <chrono>
#include <memory>

#include "core/clock.h"
#include "notify/fake_peer_test_support.h"

namespace qorgau::notify {
namespace {

using testing::FakePeer;

constexpr std::int64_t kNowMs = 1'795'000'000'000;  // 2026-11-18T11:06:40Z

// A mail server that accepts one message; `eight_bit` decides whether it offers 8BITMIME.
FakePeer::Script accepting_server(bool eight_bit, std::string rcpt_reply = "250 OK\r\n") {
  return [eight_bit, rcpt_reply](FakePeer& peer, FakePeer::Socket& socket) {
    FakePeer::write(socket, "220 mail.test ESMTP\r\n");
    peer.read_line(socket);  // EHLO
    FakePeer::write(socket, std::string("250-mail.test\r\n") +
                                (eight_bit ? "250-8BITMIME\r\n" : "") + "250 SIZE 1000000\r\n");
    peer.read_line(socket);  // MAIL FROM
    FakePeer::write(socket, "250 OK\r\n");
    peer.read_line(socket);  // RCPT TO
    FakePeer::write(socket, rcpt_reply);
    if (!rcpt_reply.starts_with("250")) {
      peer.read_line(socket);  // QUIT is not expected; the client hangs up
      return;
    }
    peer.read_line(socket);  // DATA
    FakePeer::write(socket, "354 go ahead\r\n");
    peer.read_until(socket, "\r\n.\r\n");
    FakePeer::write(socket, "250 queued\r\n");
    peer.read_line(socket);  // QUIT
    FakePeer::write(socket, "221 bye\r\n");
  };
}

SmtpChannel channel_for(std::uint16_t port, const core::Clock& clock,
                        std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
  return SmtpChannel(SmtpSettings{"127.0.0.1", port, "noreply@qorgau.test", timeout}, clock);
}

std::string decode_base64(const std::string& text) {
  std::string out(text.size(), '\0');
  std::size_t length = 0;
  EXPECT_EQ(
      sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), "\r\n", &length, nullptr, sodium_base64_VARIANT_ORIGINAL),
      0);
  out.resize(length);
  return out;
}

class FakeConnection : public store::Connection {
 public:
  std::vector<store::Row> query(std::string_view, const std::vector<store::Value>&) override {
    throw std::logic_error("the SMTP channel must not use the database");
  }
  std::int64_t execute(std::string_view, const std::vector<store::Value>&) override {
    throw std::logic_error("the SMTP channel must not use the database");
  }
  void execute_script(std::string_view) override {}
  void begin() override {}
  void commit() override {}
  void rollback() override {}
};

TEST(SmtpChannel, SpeaksTheProtocolLineByLineWithDotStuffingAndUtf8) {
  core::ManualClock clock{core::TimePoint(std::chrono::milliseconds(kNowMs))};
  FakePeer server(accepting_server(true));
  SmtpChannel channel = channel_for(server.port(), clock);
  FakeConnection connection;
  channel.send(connection, Delivery{7, "her@example.kz", "Сізге хабарлама",
                                    "Бірінші жол.\n.hidden line\n..two dots\nlast"});
  const std::string expected =
      "EHLO qorgau.test\r\n"
      "MAIL FROM:<noreply@qorgau.test> BODY=8BITMIME\r\n"
      "RCPT TO:<her@example.kz>\r\n"
      "DATA\r\n"
      "From: <noreply@qorgau.test>\r\n"
      "To: <her@example.kz>\r\n"
      "Subject: =?UTF-8?B?0KHRltC30LPQtSDRhdCw0LHQsNGA0LvQsNC80LA=?=\r\n"
      "Date: Wed, 18 Nov 2026 11:06:40 +0000\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: text/plain; charset=UTF-8\r\n"
      "Content-Transfer-Encoding: 8bit\r\n"
      "\r\n"
      "Бірінші жол.\r\n"
      "..hidden line\r\n"
      "...two dots\r\n"
      "last\r\n"
      ".\r\n"
      "QUIT\r\n";
  EXPECT_EQ(server.received(), expected);
}

TEST(SmtpChannel, Base64BodyWhenTheServerHasNo8BitMime) {
  core::ManualClock clock{core::TimePoint(std::chrono::milliseconds(kNowMs))};
  FakePeer server(accepting_server(false));
  SmtpChannel channel = channel_for(server.port(), clock);
  FakeConnection connection;
  channel.send(connection,
               Delivery{7, "her@example.kz", "A message for you", "Line one\nLine two"});
  const std::string& received = server.received();
  EXPECT_NE(received.find("MAIL FROM:<noreply@qorgau.test>\r\n"), std::string::npos);
  EXPECT_EQ(received.find("BODY=8BITMIME"), std::string::npos);
  auto start = received.find("Content-Transfer-Encoding: base64\r\n\r\n");
  ASSERT_NE(start, std::string::npos);
  start += std::string("Content-Transfer-Encoding: base64\r\n\r\n").size();
  auto end = received.find("\r\n.\r\n", start);
  EXPECT_EQ(decode_base64(received.substr(start, end - start)), "Line one\r\nLine two");
}

TEST(SmtpChannel, RefusedRecipientIsAChannelErrorAndNothingIsSent) {
  core::ManualClock clock{core::TimePoint(std::chrono::milliseconds(kNowMs))};
  FakePeer server(accepting_server(true, "550 no such user\r\n"));
  SmtpChannel channel = channel_for(server.port(), clock);
  FakeConnection connection;
  try {
    channel.send(connection, Delivery{7, "her@example.kz", "s", "t"});
    FAIL() << "a 550 must throw";
  } catch (const ChannelError& e) {
    EXPECT_EQ(e.code(), "refused");
  }
  EXPECT_EQ(server.received().find("DATA"), std::string::npos);
}

TEST(SmtpChannel, TemporaryFailureIsDeferred) {
  core::ManualClock clock{core::TimePoint(std::chrono::milliseconds(kNowMs))};
  FakePeer server(accepting_server(true, "451 try later\r\n"));
  SmtpChannel channel = channel_for(server.port(), clock);
  FakeConnection connection;
  try {
    channel.send(connection, Delivery{7, "her@example.kz", "s", "t"});
    FAIL() << "a 451 must throw";
  } catch (const ChannelError& e) {
    EXPECT_EQ(e.code(), "deferred");
  }
}

TEST(SmtpChannel, ASilentServerTimesOut) {
  core::ManualClock clock{core::TimePoint(std::chrono::milliseconds(kNowMs))};
  FakePeer server([](FakePeer& peer, FakePeer::Socket& socket) {
    peer.read_line(socket);  // waits for a line the client never sends (no greeting)
  });
  SmtpChannel channel = channel_for(server.port(), clock, std::chrono::milliseconds(300));
  FakeConnection connection;
  auto started = std::chrono::steady_clock::now();
  try {
    channel.send(connection, Delivery{7, "her@example.kz", "s", "t"});
    FAIL() << "no greeting must time out";
  } catch (const ChannelError& e) {
    EXPECT_EQ(e.code(), "timeout");
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
}

TEST(SmtpChannel, UnconfiguredReportsItWithoutTouchingTheNetwork) {
  core::ManualClock clock{core::TimePoint(std::chrono::milliseconds(kNowMs))};
  SmtpChannel channel(SmtpSettings{}, clock);
  EXPECT_FALSE(channel.configured());
  FakeConnection connection;
  try {
    channel.send(connection, Delivery{7, "her@example.kz", "s", "t"});
    FAIL();
  } catch (const ChannelError& e) {
    EXPECT_EQ(e.code(), "not_configured");
  }
}

TEST(SmtpChannel, AnAddressWithALineBreakIsRefused) {
  core::ManualClock clock{core::TimePoint(std::chrono::milliseconds(kNowMs))};
  SmtpChannel channel(SmtpSettings{"127.0.0.1", 1, "noreply@qorgau.test"}, clock);
  FakeConnection connection;
  EXPECT_THROW(channel.send(connection, Delivery{7, "a@b.kz>\r\nRCPT TO:<x@y.kz", "s", "t"}),
               ChannelError);
}

}  // namespace
}  // namespace qorgau::notify
