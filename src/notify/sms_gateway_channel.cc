#include "notify/sms_gateway_channel.h"

#include <algorithm>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/verb.hpp>
#include <charconv>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "notify/timed_stream.h"

namespace qorgau::notify {

namespace http = boost::beast::http;

std::optional<HttpUrl> parse_http_url(std::string_view url) {
  constexpr std::string_view kScheme = "http://";
  if (!url.starts_with(kScheme) || url.size() > 2000) return std::nullopt;
  std::string_view rest = url.substr(kScheme.size());
  std::size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  HttpUrl out;
  out.target = slash == std::string_view::npos ? "/" : std::string(rest.substr(slash));
  auto colon = authority.rfind(':');
  std::string_view host = authority;
  if (colon != std::string_view::npos && authority.find(']') == std::string_view::npos) {
    host = authority.substr(0, colon);
    std::string_view port = authority.substr(colon + 1);
    unsigned value = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535) {
      return std::nullopt;
    }
    out.port = static_cast<std::uint16_t>(value);
  }
  bool host_ok = !host.empty() && std::all_of(host.begin(), host.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
  });
  bool target_ok = std::all_of(out.target.begin(), out.target.end(),
                               [](char c) { return c > 0x20 && c < 0x7f && c != '#'; });
  if (!host_ok || !target_ok) return std::nullopt;
  out.host = host;
  return out;
}

SmsGatewayChannel::SmsGatewayChannel(const std::string& url, std::chrono::milliseconds timeout)
    : timeout_(timeout) {
  if (url.empty()) return;
  url_ = parse_http_url(url);
  if (!url_) throw std::invalid_argument("sms_gateway_url must be http://host[:port][/path]");
}

void SmsGatewayChannel::send(store::Connection&, const Delivery& delivery) const {
  if (!url_) throw ChannelError("not_configured");
  if (delivery.address.empty()) throw ChannelError("bad_address");
  http::request<http::string_body> request(http::verb::post, url_->target, 11);
  request.set(http::field::host,
              url_->port == 80 ? url_->host : url_->host + ":" + std::to_string(url_->port));
  request.set(http::field::content_type, "application/json");
  request.set(http::field::connection, "close");
  request.body() = nlohmann::json{{"to", delivery.address}, {"text", delivery.text}}.dump();
  request.prepare_payload();
  TimedStream stream(timeout_);
  stream.connect(url_->host, url_->port);
  auto response = stream.exchange(request);
  stream.close();
  unsigned status = response.result_int();
  if (status >= 200 && status < 300) return;
  throw ChannelError(status >= 400 && status < 500 ? "refused" : "deferred");
}

}  // namespace qorgau::notify
