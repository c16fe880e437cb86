// Text messages through the installation's SMS gateway: an HTTP POST of
// {"to": "+7...", "text": "..."} (application/json) to sms_gateway_url.
// Plain http:// only (the gateway sits beside the server, on a private
// network or loopback); every step is bounded by the timeout. A 2xx answer is
// delivered; 4xx is ChannelError("refused"), anything else "deferred".
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "notify/channel.h"

namespace qorgau::notify {

struct HttpUrl {
  std::string host;
  std::uint16_t port = 80;
  std::string target;  // "/path?query", at least "/"
};

// "http://host[:port][/target]" split; nullopt for anything else (https, user info, no host).
std::optional<HttpUrl> parse_http_url(std::string_view url);

class SmsGatewayChannel : public Channel {
 public:
  // `url` empty: not configured. Throws std::invalid_argument for a URL parse_http_url refuses.
  SmsGatewayChannel(const std::string& url, std::chrono::milliseconds timeout);

  std::string_view code() const override { return "sms"; }
  bool configured() const override { return url_.has_value(); }
  void send(store::Connection& connection, const Delivery& delivery) const override;

 private:
  std::optional<HttpUrl> url_;
  std::chrono::milliseconds timeout_;
};

}  // namespace qorgau::notify
