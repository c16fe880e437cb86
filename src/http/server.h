// The HTTP/1.1 server: Boost.Beast over Asio with C++20 coroutines.
//
// Guarantees:
//  - request headers are limited to 16 KiB and bodies to `max_body_bytes`
//    (413 body_too_large, connection closed); a route may instead have its
//    body streamed to a file in `upload_dir` with a limit of its own (see
//    BodyPlan): memory use then does not grow with the body, and the file is
//    deleted after the response unless the handler moved it (also when the
//    client goes away or the body is too large); a request must arrive within
//    `read_timeout` (a streamed body: each read must make progress within it,
//    and a streamed response each write), and an idle keep-alive connection is closed after
//    `idle_timeout`;
//  - graceful shutdown on SIGINT/SIGTERM or stop(): the listener closes at
//    once, idle connections are closed, requests already being handled run
//    to completion and get their response (handlers commit or roll back
//    whole transactions, so nothing is half-written), then run() returns;
//  - handlers run on a pool of `threads` threads and may block (database);
//    reading and writing the network is done by `io_threads` event loops,
//    which run only the handlers planned as nonblocking (BodyPlan);
//  - a response with a `hold` is sent only once the hold resumes it, and no
//    thread waits for it meanwhile.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/error.h"
#include "http/message.h"

namespace qorgau::http {

struct ServerOptions {
  std::string bind = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port (see Server::port())
  int threads = 4;            // run handlers, which may block
  // Event loops for network I/O; 0 means default_event_loops().
  int io_threads = 0;
  std::size_t max_body_bytes = 1 << 20;
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds shutdown_grace{30};
  // Streamed request bodies are written here (created if missing).
  std::filesystem::path upload_dir;
};

// What to do with a request's body, decided from its method, path and
// headers before any of the body is read.
struct BodyPlan {
  // Set: stream the body to a file, refusing more than this many bytes.
  std::optional<std::uint64_t> stream_limit;
  // Set: answer this at once without reading the body, then close (for a
  // streamed route the caller may not use: no gigabytes from strangers).
  std::optional<HttpResponse> refuse;
  // Run the handler on the connection's event loop, not on a worker (Route::nonblocking):
  // only for handlers that never wait.
  bool nonblocking = false;
};

// The event loops a server runs by default: one per CPU core but one, and at least one. The
// core left over runs what the loops hand off: the group committer's thread (every audited
// answer waits for it) and the handler workers. On two cores, two loops sharing them with the
// committer cost 15% more CPU per field verification than one (context switches, and state
// bouncing between the loops' caches) for 4 to 10% fewer verifications a second.
int default_event_loops();

class Server {
 public:
  using RequestHandler = std::function<HttpResponse(const HttpRequest&)>;
  // Builds the response for errors found before the handler runs (oversized
  // body, malformed target); gets the request's headers when known.
  using ErrorResponder = std::function<HttpResponse(core::ErrorCode, const HttpRequest&)>;

  // Decides how each request's body is received; without one every body is
  // read into memory under `max_body_bytes`.
  using BodyPlanner = std::function<BodyPlan(const HttpRequest&)>;

  Server(ServerOptions options, RequestHandler handler, ErrorResponder on_error,
         BodyPlanner planner = nullptr);
  ~Server();

  // Binds and listens; returns the bound port. Throws on failure.
  std::uint16_t listen();
  // Serves until a signal or stop(), then drains and returns.
  void run();
  // Begins a graceful shutdown; safe from any thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace qorgau::http
