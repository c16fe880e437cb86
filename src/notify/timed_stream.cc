#include "notify/timed_stream.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include "notify/channel.h"

namespace qorgau::notify {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

constexpr std::size_t kMaxLine = std::size_t{64} * 1024;

std::string error_code_of(const beast::error_code& ec, std::string_view otherwise) {
  if (ec == beast::error::timeout) return "timeout";
  return std::string(otherwise);
}

}  // namespace

TimedStream::TimedStream(std::chrono::milliseconds timeout)
    : deadline_(std::chrono::steady_clock::now() + timeout), stream_(io_) {}

void TimedStream::run() {
  io_.restart();
  io_.run();
}

void TimedStream::connect(const std::string& host, std::uint16_t port) {
  tcp::resolver resolver(io_);
  beast::error_code ec;
  auto endpoints = resolver.resolve(host, std::to_string(port), ec);
  if (ec) throw ChannelError("unreachable");
  stream_.expires_at(deadline_);
  stream_.async_connect(endpoints,
                        [&ec](const beast::error_code& e, const tcp::endpoint&) { ec = e; });
  run();
  if (ec) throw ChannelError(error_code_of(ec, "unreachable"));
}

void TimedStream::write(std::string_view bytes) {
  beast::error_code ec;
  stream_.expires_at(deadline_);
  asio::async_write(stream_, asio::buffer(bytes.data(), bytes.size()),
                    [&ec](const beast::error_code& e, std::size_t) { ec = e; });
  run();
  if (ec) throw ChannelError(error_code_of(ec, "connection_lost"));
}

std::string TimedStream::read_line() {
  for (;;) {
    if (auto end = pending_.find('\n'); end != std::string::npos) {
      std::string line = pending_.substr(0, end);
      pending_.erase(0, end + 1);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return line;
    }
    if (pending_.size() > kMaxLine) throw ChannelError("bad_reply");
    char chunk[4096];
    beast::error_code ec;
    std::size_t got = 0;
    stream_.expires_at(deadline_);
    stream_.async_read_some(asio::buffer(chunk), [&](const beast::error_code& e, std::size_t n) {
      ec = e;
      got = n;
    });
    run();
    if (ec) throw ChannelError(error_code_of(ec, "connection_lost"));
    pending_.append(chunk, got);
  }
}

beast::http::response<beast::http::string_body> TimedStream::exchange(
    const beast::http::request<beast::http::string_body>& request) {
  beast::error_code ec;
  stream_.expires_at(deadline_);
  beast::http::async_write(stream_, request,
                           [&ec](const beast::error_code& e, std::size_t) { ec = e; });
  run();
  if (ec) throw ChannelError(error_code_of(ec, "connection_lost"));
  beast::flat_buffer buffer;
  beast::http::response_parser<beast::http::string_body> parser;
  parser.body_limit(kMaxLine);
  stream_.expires_at(deadline_);
  beast::http::async_read(stream_, buffer, parser,
                          [&ec](const beast::error_code& e, std::size_t) { ec = e; });
  run();
  if (ec) throw ChannelError(error_code_of(ec, "bad_reply"));
  return parser.release();
}

void TimedStream::close() {
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream_.socket().close(ignored);
}

}  // namespace qorgau::notify
