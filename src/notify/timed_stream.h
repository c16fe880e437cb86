// A TCP connection with one deadline for the whole exchange (set when it is
// made), for the channels that talk to a mail server or an SMS gateway from a
// scheduler job. Each call runs the stream's io_context until the operation
// completes or the deadline cancels it, so callers are plain synchronous code. Failures are
// ChannelError: "unreachable" (resolve or connect failed), "timeout", "connection_lost".
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace qorgau::notify {

class TimedStream {
 public:
  // Every operation must finish within `timeout` from now.
  explicit TimedStream(std::chrono::milliseconds timeout);

  void connect(const std::string& host, std::uint16_t port);
  void write(std::string_view bytes);
  // One line without its CRLF (or LF); lines longer than 64 KiB are an error.
  std::string read_line();
  // Sends an HTTP request and reads the whole response.
  boost::beast::http::response<boost::beast::http::string_body> exchange(
      const boost::beast::http::request<boost::beast::http::string_body>& request);
  void close();

 private:
  void run();

  std::chrono::steady_clock::time_point deadline_;
  boost::asio::io_context io_;
  boost::beast::tcp_stream stream_;
  std::string pending_;  // bytes read past the last line
};

}  // namespace qorgau::notify
