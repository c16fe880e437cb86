// The server in-process, over real sockets: handlers planned as nonblocking run on the
// event loop, and a held response is sent only when its hold resumes, without keeping a
// worker thread waiting meanwhile.
#include "http/server.h"

#include <gtest/gtest.h>

#include <utility>  // before Asio: libboost 1.74 with g++ 12 needs it.

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace qorgau::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using namespace std::chrono_literals;

struct Reply {
  int status = 0;
  std::string body;
};

// One blocking request on a fresh connection.
Reply fetch(std::uint16_t port, const std::string& target) {
  asio::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  beast::http::request<beast::http::empty_body> request{beast::http::verb::get, target, 11};
  request.set(beast::http::field::host, "127.0.0.1");
  beast::http::write(stream, request);
  beast::flat_buffer buffer;
  beast::http::response<beast::http::string_body> response;
  beast::http::read(stream, buffer, response);
  return {static_cast<int>(response.result_int()), response.body()};
}

class ServerTest : public ::testing::Test {
 protected:
  ServerTest() {
    ServerOptions options;
    options.port = 0;
    options.threads = 1;  // one worker: a handler blocking it would stall every other request
    options.io_threads = 1;
    server_ = std::make_unique<Server>(
        options, [this](const HttpRequest& r) { return handle(r); },
        [](core::ErrorCode code, const HttpRequest&) {
          return HttpResponse::json(code == core::ErrorCode::kInternal ? 500 : 400,
                                    {{"error", "refused"}});
        },
        [](const HttpRequest& r) {
          BodyPlan plan;
          plan.nonblocking = r.path == "/quick";
          return plan;
        });
    port_ = server_->listen();
    runner_ = std::thread([this] {
      loop_thread_.set_value(std::this_thread::get_id());
      server_->run();
    });
    loop_id_ = loop_thread_.get_future().get();
  }

  ~ServerTest() override {
    server_->stop();
    runner_.join();
  }

  HttpResponse handle(const HttpRequest& request) {
    HttpResponse response = HttpResponse::json(200, {{"path", request.path}});
    {
      std::lock_guard lock(mutex_);
      handler_threads_[request.path] = std::this_thread::get_id();
    }
    if (request.path == "/held" || request.path == "/held-fails") {
      bool ok = request.path == "/held";
      response.hold = [this, ok](std::function<void(bool)> resume) {
        // Resumed later from a thread of its own, as the group committer does.
        holders_.emplace_back([this, ok, resume = std::move(resume)] {
          release_.get_future().wait();
          resume(ok);
        });
      };
    }
    return response;
  }

  std::thread::id handler_thread(const std::string& path) {
    std::lock_guard lock(mutex_);
    return handler_threads_.at(path);
  }

  std::unique_ptr<Server> server_;
  std::uint16_t port_ = 0;
  std::thread runner_;
  std::promise<std::thread::id> loop_thread_;
  std::thread::id loop_id_;
  std::mutex mutex_;
  std::map<std::string, std::thread::id> handler_threads_;
  std::promise<void> release_;
  std::vector<std::jthread> holders_;  // joined before the server stops (declared after it)
};

TEST_F(ServerTest, NonblockingHandlersRunOnTheEventLoopOthersOnAWorker) {
  EXPECT_EQ(fetch(port_, "/quick").status, 200);
  EXPECT_EQ(fetch(port_, "/slow").status, 200);
  // io_threads = 1: the only event loop runs on the thread that called run().
  EXPECT_EQ(handler_thread("/quick"), loop_id_);
  EXPECT_NE(handler_thread("/slow"), loop_id_);
}

TEST_F(ServerTest, AHeldResponseWaitsForItsHoldWithoutBlockingTheWorker) {
  auto held = std::async(std::launch::async, [this] { return fetch(port_, "/held"); });
  // The handler has returned (its hold is in place) but the reply is not sent.
  EXPECT_EQ(held.wait_for(300ms), std::future_status::timeout);
  // The single worker is free: another request is answered meanwhile.
  Reply other = fetch(port_, "/other");
  EXPECT_EQ(other.status, 200);
  EXPECT_EQ(held.wait_for(0ms), std::future_status::timeout);
  release_.set_value();
  Reply reply = held.get();
  EXPECT_EQ(reply.status, 200);
  EXPECT_NE(reply.body.find("/held"), std::string::npos);
}

TEST_F(ServerTest, AShutdownStillSendsAHeldReplyOnceItsHoldResumes) {
  auto held = std::async(std::launch::async, [this] { return fetch(port_, "/held"); });
  std::this_thread::sleep_for(200ms);  // the request is in, its reply held
  server_->stop();
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(held.wait_for(0ms), std::future_status::timeout);
  release_.set_value();
  EXPECT_EQ(held.get().status, 200);
}

TEST_F(ServerTest, AHoldThatFailsTurnsTheReplyIntoAnInternalError) {
  release_.set_value();
  Reply reply = fetch(port_, "/held-fails");
  EXPECT_EQ(reply.status, 500);
  EXPECT_EQ(reply.body.find("/held-fails"), std::string::npos);
}

}  // namespace
}  // namespace qorgau::http
