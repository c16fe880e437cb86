// E-mail through a mail server (RFC 5321), as a minimal synchronous SMTP
// client: EHLO, MAIL FROM, RCPT TO, DATA, QUIT over one connection, every
// step bounded by the timeout (notify/timed_stream.h). No TLS and no AUTH:
// the server is the installation's own relay (docs/operations.md).
//
// The message (smtp_message()) is UTF-8: the subject as an RFC 2047
// encoded word, the text as 8bit when the server offers 8BITMIME and every
// line fits in 998 octets, else as base64. Lines end in CRLF and a line
// starting with "." is dot-stuffed. A reply 4xx is ChannelError("deferred"),
// 5xx "refused"; the address is never logged.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "core/clock.h"
#include "notify/channel.h"

namespace qorgau::notify {

struct SmtpSettings {
  std::string host;  // empty: not configured
  std::uint16_t port = 25;
  std::string from;  // the envelope and header sender
  std::chrono::milliseconds timeout{5000};
};

// The DATA section for `delivery` (headers, blank line, body), CRLF line ends,
// dot-stuffed, without the final "." line. `date` is RFC 5322 ("Sun, 22 Nov 2026 04:45:43 +0000").
std::string smtp_message(const std::string& from, const Delivery& delivery, const std::string& date,
                         bool eight_bit);

// An RFC 5322 date for a UTC instant in ms.
std::string rfc5322_date(std::int64_t at_ms);

class SmtpChannel : public Channel {
 public:
  SmtpChannel(SmtpSettings settings, const core::Clock& clock)
      : settings_(std::move(settings)), clock_(clock) {}

  std::string_view code() const override { return "email"; }
  bool configured() const override { return !settings_.host.empty() && !settings_.from.empty(); }
  void send(store::Connection& connection, const Delivery& delivery) const override;

 private:
  SmtpSettings settings_;
  const core::Clock& clock_;
};

}  // namespace qorgau::notify
