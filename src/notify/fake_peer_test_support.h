// A one-connection TCP peer on 127.0.0.1 for the channel tests: it accepts a
// single client on a thread and plays a scripted part (a fake SMTP server, a
// fake SMS gateway), recording every byte it received. Header-only: used by
// *_test.cc files alone.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <thread>

namespace qorgau::notify::testing {

class FakePeer {
 public:
  using Socket = boost::asio::ip::tcp::socket;
  // `script` runs on the peer's thread with the accepted socket.
  using Script = std::function<void(FakePeer& peer, Socket& socket)>;

  explicit FakePeer(Script script)
      : acceptor_(io_, {boost::asio::ip::make_address("127.0.0.1"), 0}),
        port_(acceptor_.local_endpoint().port()) {
    thread_ = std::thread([this, script = std::move(script)] {
      Socket socket(io_);
      boost::system::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec) return;
      try {
        script(*this, socket);
      } catch (const std::exception&) {
        // The client hung up early; the test's assertions on `received` decide.
      }
    });
  }
  ~FakePeer() { join(); }
  FakePeer(const FakePeer&) = delete;
  FakePeer& operator=(const FakePeer&) = delete;

  std::uint16_t port() const { return port_; }
  // Everything received; waits for the script to end.
  const std::string& received() {
    join();
    return received_;
  }

  // One line, up to and including LF (recorded in received()).
  std::string read_line(Socket& socket) {
    std::size_t n = boost::asio::read_until(socket, buffer_, '\n');
    std::string line(boost::asio::buffers_begin(buffer_.data()),
                     boost::asio::buffers_begin(buffer_.data()) + static_cast<std::ptrdiff_t>(n));
    buffer_.consume(n);
    received_ += line;
    return line;
  }
  // Everything up to and including `terminator`.
  std::string read_until(Socket& socket, const std::string& terminator) {
    std::size_t n = boost::asio::read_until(socket, buffer_, terminator);
    std::string text(boost::asio::buffers_begin(buffer_.data()),
                     boost::asio::buffers_begin(buffer_.data()) + static_cast<std::ptrdiff_t>(n));
    buffer_.consume(n);
    received_ += text;
    return text;
  }
  // Exactly `n` bytes (recorded in received()).
  std::string read_exactly(Socket& socket, std::size_t n) {
    while (buffer_.size() < n) {
      buffer_.commit(socket.read_some(buffer_.prepare(n - buffer_.size())));
    }
    std::string text(boost::asio::buffers_begin(buffer_.data()),
                     boost::asio::buffers_begin(buffer_.data()) + static_cast<std::ptrdiff_t>(n));
    buffer_.consume(n);
    received_ += text;
    return text;
  }
  static void write(Socket& socket, const std::string& text) {
    boost::asio::write(socket, boost::asio::buffer(text));
  }

 private:
  void join() {
    if (thread_.joinable()) thread_.join();
  }

  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::uint16_t port_ = 0;
  boost::asio::streambuf buffer_;
  std::string received_;
  std::thread thread_;
};

}  // namespace qorgau::notify::testing
