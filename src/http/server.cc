#include "http/server.h"

// g++ 12 misreads Asio's coroutine frame allocator (operator new/delete of
// awaitable_frame_base) as mismatched; the pair is Asio's own and matched.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

#include <utility>  // before Asio: libboost 1.74 with g++ 12 needs it.

#include <array>
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>

#include "core/bytes.h"
#include "http/response_head.h"

namespace qorgau::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

// Connections run on one event loop each, so their coroutines, sockets and timers name the loop's
// executor type itself rather than Asio's type-erased any_io_executor, whose construction,
// copies and indirect calls on every operation were a few percent of a small request.
using LoopExecutor = asio::io_context::executor_type;
template <class T>
using LoopTask = asio::awaitable<T, LoopExecutor>;
using LoopSocket = asio::basic_stream_socket<tcp, LoopExecutor>;
using Stream = beast::basic_stream<tcp, LoopExecutor>;
constexpr asio::use_awaitable_t<LoopExecutor> kOnLoop;

namespace {

Method to_method(bhttp::verb verb) {
  switch (verb) {
    case bhttp::verb::get:
      return Method::kGet;
    case bhttp::verb::head:
      return Method::kHead;
    case bhttp::verb::post:
      return Method::kPost;
    case bhttp::verb::put:
      return Method::kPut;
    case bhttp::verb::patch:
      return Method::kPatch;
    case bhttp::verb::delete_:
      return Method::kDelete;
    case bhttp::verb::options:
      return Method::kOptions;
    default:
      return Method::kOther;
  }
}

// Percent-decodes; false on a malformed escape.
bool percent_decode(std::string_view in, std::string& out, bool plus_is_space) {
  out.clear();
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      auto byte = i + 2 < in.size() ? core::from_hex(in.substr(i + 1, 2)) : std::nullopt;
      if (!byte) return false;
      out.push_back(static_cast<char>(byte->front()));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return true;
}

// Splits the request target into path and query; false if malformed.
bool parse_target(std::string_view target, HttpRequest& request) {
  if (target.empty() || target.front() != '/') return false;
  size_t q = target.find('?');
  if (!percent_decode(target.substr(0, q), request.path, false)) return false;
  if (request.path.find('\0') != std::string::npos) return false;
  if (q == std::string_view::npos) return true;
  std::string_view query = target.substr(q + 1);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string key, value;
    if (!percent_decode(pair.substr(0, eq), key, true)) return false;
    if (eq != std::string_view::npos && !percent_decode(pair.substr(eq + 1), value, true)) {
      return false;
    }
    request.query[key] = value;
  }
  return true;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

struct Server::Impl {
  // Shared between a connection's coroutine and shutdown. `stream` is valid
  // while `open`; both fields are guarded by `mutex`. The coroutine and any
  // cancel posted by shutdown run on the connection's strand, so a posted
  // cancel that finds `open` true runs before the stream is destroyed.
  struct Connection {
    Stream* stream = nullptr;
    bool busy = false;  // a request's header has arrived and it is not answered yet
    bool open = true;
  };

  using WorkGuard = asio::executor_work_guard<asio::io_context::executor_type>;

  // Network I/O runs on event loops, one thread each (Asio's "io_context per thread"): a
  // connection lives on one loop for its whole life and never wakes another thread for its
  // reads and writes. Loop 0 also holds the listener, the signals and the shutdown control.
  // `guards` keep idle loops running until shutdown. Handlers may block (database, files), so
  // they run on `workers`, never on a loop: a slow request cannot stall the connections that
  // share its loop.
  std::vector<std::unique_ptr<asio::io_context>> loops;
  asio::thread_pool workers;
  std::vector<WorkGuard> guards;
  std::atomic<std::size_t> next_loop{0};
  ServerOptions options;
  RequestHandler handler;
  ErrorResponder on_error;
  BodyPlanner planner;
  asio::io_context& io = *loops.front();
  tcp::acceptor acceptor{io};
  asio::signal_set signals{io, SIGINT, SIGTERM};
  asio::strand<asio::io_context::executor_type> control{io.get_executor()};
  asio::steady_timer grace_timer{control};
  std::atomic<bool> stopping{false};
  std::mutex mutex;
  std::set<std::shared_ptr<Connection>> connections;
  std::mutex holds_mutex;
  std::condition_variable holds_done;
  int holds_pending = 0;  // guarded by holds_mutex

  static std::vector<std::unique_ptr<asio::io_context>> make_loops(int io_threads) {
    int count = io_threads > 0 ? io_threads : default_event_loops();
    std::vector<std::unique_ptr<asio::io_context>> made;
    for (int i = 0; i < std::max(1, count); ++i) {
      made.push_back(std::make_unique<asio::io_context>(1));  // one thread runs each
    }
    return made;
  }

  Impl(ServerOptions o, RequestHandler h, ErrorResponder e, BodyPlanner p)
      : loops(make_loops(o.io_threads)),
        workers(static_cast<std::size_t>(std::max(1, o.threads))),
        options(std::move(o)),
        handler(std::move(h)),
        on_error(std::move(e)),
        planner(std::move(p)) {}

  // Writes a response whose body is in memory: its head (response_head) and body as two
  // buffers in one write; the body is left out for HEAD and for statuses without one.
  static LoopTask<void> write_response(Stream& stream, const HttpResponse& r, unsigned version,
                                       bool keep_alive, bool head, beast::error_code& ec) {
    std::string head_text = response_head(r, version, keep_alive);
    std::array<asio::const_buffer, 2> buffers{asio::buffer(head_text), asio::const_buffer()};
    if (!head && status_allows_body(r.status)) buffers[1] = asio::buffer(r.body);
    co_await asio::async_write(stream, buffers, asio::redirect_error(kOnLoop, ec));
  }

  // After refusing a request early (413), the client may still be sending
  // its body. Closing at once would reset the connection and the client
  // might never read the error, so stop sending and discard what arrives,
  // for a bounded time and amount, before closing (as nginx's lingering close).
  static LoopTask<void> linger(Stream& stream) {
    beast::error_code ec;
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.expires_after(std::chrono::seconds(5));
    std::array<char, 16384> discard{};
    std::size_t drained = 0;
    while (!ec && drained < (64u << 20)) {
      drained +=
          co_await stream.async_read_some(asio::buffer(discard), asio::redirect_error(kOnLoop, ec));
    }
  }

  // A fresh name in the upload directory for a streamed body.
  std::filesystem::path upload_path() {
    static std::atomic<std::uint64_t> counter{0};
    std::random_device random;
    std::uint64_t bits = (static_cast<std::uint64_t>(random()) << 32) ^ random();
    return options.upload_dir / ("upload-" + std::to_string(bits) + "-" +
                                 std::to_string(counter.fetch_add(1)) + ".part");
  }

  // Writes a streamed response: the header, then each piece from the
  // source as it comes. Returns false if the connection must be closed.
  LoopTask<bool> write_stream(Stream& stream, HttpResponse& r, unsigned version, bool keep_alive,
                              bool head) {
    bhttp::response<bhttp::buffer_body> res{static_cast<bhttp::status>(r.status), version};
    res.set(bhttp::field::server, "qorgau");
    if (!r.content_type.empty()) res.set(bhttp::field::content_type, r.content_type);
    for (const auto& [name, value] : r.headers) res.insert(name, value);
    for (const auto& [name, value] : r.shared_headers) res.insert(name, value);
    res.keep_alive(keep_alive);
    res.content_length(r.stream->length);
    res.body().data = nullptr;
    res.body().more = true;
    bhttp::response_serializer<bhttp::buffer_body> serializer{res};
    beast::error_code ec;
    stream.expires_after(options.read_timeout);
    co_await bhttp::async_write_header(stream, serializer, asio::redirect_error(kOnLoop, ec));
    if (ec) co_return false;
    if (head) co_return true;
    std::string chunk;
    std::uint64_t sent = 0;
    for (;;) {
      bool more = false;
      try {
        chunk.clear();
        more = r.stream->next(chunk);
      } catch (const std::exception& error) {
        spdlog::error("streamed response failed after {} bytes: {}", sent, error.what());
        co_return false;
      }
      sent += chunk.size();
      if (sent > r.stream->length || (!more && sent != r.stream->length)) {
        spdlog::error("streamed response length mismatch: {} of {}", sent, r.stream->length);
        co_return false;
      }
      res.body().data = chunk.empty() ? nullptr : chunk.data();
      res.body().size = chunk.size();
      res.body().more = more;
      stream.expires_after(options.read_timeout);
      co_await bhttp::async_write(stream, serializer, asio::redirect_error(kOnLoop, ec));
      if (ec == bhttp::error::need_buffer) ec = {};
      if (ec) co_return false;
      if (!more) co_return true;
    }
  }

  LoopTask<void> serve_connection(LoopSocket socket) {
    Stream stream(std::move(socket));
    auto state = std::make_shared<Connection>();
    state->stream = &stream;
    {
      std::lock_guard lock(mutex);
      connections.insert(state);
    }
    std::string client_ip;
    beast::error_code ec;
    auto endpoint = stream.socket().remote_endpoint(ec);
    if (!ec) client_ip = endpoint.address().to_string();
    beast::flat_buffer buffer;
    bool first = true;
    while (!stopping) {
      // The header first; the body's limit and destination depend on the route.
      bhttp::request_parser<bhttp::empty_body> head_parser;
      head_parser.header_limit(16 * 1024);
      // No limit yet (boost::none would refuse every body in Beast 1.74).
      head_parser.body_limit(std::numeric_limits<std::uint64_t>::max());
      stream.expires_after(first ? options.read_timeout : options.idle_timeout);
      first = false;
      co_await bhttp::async_read_header(stream, buffer, head_parser,
                                        asio::redirect_error(kOnLoop, ec));
      if (!ec) {
        // A request whose header has arrived is in flight: a shutdown lets it
        // finish (its body is still bounded by the read timeout).
        std::lock_guard lock(mutex);
        state->busy = true;
      }
      HttpRequest request;
      request.client_ip = client_ip;
      const auto& header = head_parser.get();
      for (const auto& field : header) {
        request.headers[lower(field.name_string())] = std::string(field.value());
      }
      unsigned version = header.version() ? header.version() : 11;
      bool wants_keep_alive = header.keep_alive();
      bool too_large = ec == bhttp::error::header_limit;
      std::optional<HttpResponse> refused;
      bool target_ok = false;
      std::optional<std::uint64_t> stream_limit;
      bool nonblocking = false;
      if (!ec) {
        request.method = to_method(header.method());
        target_ok = parse_target(header.target(), request);
        if (target_ok && planner) {
          BodyPlan plan = planner(request);
          stream_limit = plan.stream_limit;
          refused = std::move(plan.refuse);
          nonblocking = plan.nonblocking;
        }
        std::uint64_t limit = stream_limit ? *stream_limit : options.max_body_bytes;
        auto length = head_parser.content_length();
        if (length && *length > limit) too_large = true;
        if (!too_large && !refused) {
          stream.expires_after(options.read_timeout);
          if (stream_limit) {
            std::filesystem::path path = upload_path();
            bhttp::request_parser<bhttp::file_body> file_parser{std::move(head_parser)};
            file_parser.body_limit(limit);
            file_parser.get().body().open(path.c_str(), beast::file_mode::write_new, ec);
            if (ec) {
              spdlog::error("cannot create an upload file in {}: {}", options.upload_dir.string(),
                            ec.message());
              refused = on_error(core::ErrorCode::kInternal, request);
              ec = {};
            } else {
              // A large body takes as long as the network needs: the
              // timeout is for each read making progress, not for the whole.
              while (!ec && !file_parser.is_done()) {
                stream.expires_after(options.read_timeout);
                co_await bhttp::async_read_some(stream, buffer, file_parser,
                                                asio::redirect_error(kOnLoop, ec));
              }
              file_parser.get().body().close();
              request.body_file = path;
            }
          } else {
            bhttp::request_parser<bhttp::string_body> string_parser{std::move(head_parser)};
            string_parser.body_limit(limit);
            co_await bhttp::async_read(stream, buffer, string_parser,
                                       asio::redirect_error(kOnLoop, ec));
            request.body = std::move(string_parser.get().body());
          }
          if (ec == bhttp::error::body_limit) too_large = true;
        }
      }
      {
        std::lock_guard lock(mutex);
        state->busy = true;
      }
      if (too_large || refused) {
        remove_body_file(request);
        HttpResponse response =
            refused ? std::move(*refused) : on_error(core::ErrorCode::kBodyTooLarge, request);
        co_await write_response(stream, response, version, false, false, ec);
        co_await linger(stream);
        break;
      }
      if (ec) {  // closed, timed out or cancelled by shutdown
        remove_body_file(request);
        break;
      }
      HttpResponse response;
      if (!target_ok) {
        response = on_error(core::ErrorCode::kNotFound, request);
      } else if (nonblocking) {
        response = handler(request);
      } else {
        response = co_await asio::co_spawn(
            workers.get_executor(),
            [this, &request]() -> asio::awaitable<HttpResponse, asio::thread_pool::executor_type> {
              co_return handler(request);
            },
            kOnLoop);
      }
      if (response.hold && !co_await released(response.hold)) {
        response = on_error(core::ErrorCode::kInternal, request);
      }
      remove_body_file(request);
      bool keep_alive = wants_keep_alive && !stopping;
      bool head = request.method == Method::kHead;
      if (response.stream) {
        if (!co_await write_stream(stream, response, version, keep_alive, head)) break;
      } else {
        stream.expires_after(options.read_timeout);
        co_await write_response(stream, response, version, keep_alive, head, ec);
      }
      {
        std::lock_guard lock(mutex);
        state->busy = false;
      }
      if (ec || !keep_alive) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    std::lock_guard lock(mutex);
    state->open = false;
    connections.erase(state);
    if (stopping && connections.empty()) {
      asio::post(control, [this] { grace_timer.cancel(); });
    }
  }

  // Suspends the connection's coroutine until `hold` resumes it (from whatever thread), then
  // continues on the connection's own loop; returns what the hold reported. Each hold not yet
  // resumed is counted, so run() does not return (and the loops are not destroyed) while a
  // resume could still post to them.
  LoopTask<bool> released(const std::function<void(std::function<void(bool)>)>& hold) {
    auto executor = co_await asio::this_coro::executor;
    {
      std::lock_guard lock(holds_mutex);
      ++holds_pending;
    }
    co_return co_await asio::async_initiate<decltype(kOnLoop), void(bool)>(
        [this, &hold, executor](auto completion) {
          // std::function needs a copyable callable; the completion is move-only.
          auto shared = std::make_shared<decltype(completion)>(std::move(completion));
          // Counts as the loop's outstanding work until posted: during a graceful shutdown the
          // loop must not run out of work and return while a reply is held.
          auto loop = asio::prefer(executor, asio::execution::outstanding_work.tracked);
          hold([this, shared, loop](bool ok) {
            asio::post(loop, [shared, ok] { std::move (*shared)(ok); });
            std::lock_guard lock(holds_mutex);
            if (--holds_pending == 0) holds_done.notify_all();
          });
        },
        kOnLoop);
  }

  // Waits until every hold has resumed (see released()).
  void wait_for_holds() {
    std::unique_lock lock(holds_mutex);
    holds_done.wait(lock, [this] { return holds_pending == 0; });
  }

  // Deletes a streamed body's file, unless the handler moved it away.
  static void remove_body_file(const HttpRequest& request) {
    if (!request.body_file) return;
    std::error_code ignored;
    std::filesystem::remove(*request.body_file, ignored);
  }

  asio::awaitable<void> accept_loop() {
    while (!stopping) {
      beast::error_code ec;
      asio::io_context& loop = *loops[next_loop.fetch_add(1) % loops.size()];
      LoopSocket socket =
          co_await acceptor.async_accept(loop, asio::redirect_error(asio::use_awaitable, ec));
      if (ec) {
        if (stopping) break;
        continue;
      }
      auto executor = socket.get_executor();
      asio::co_spawn(executor, serve_connection(std::move(socket)), asio::detached);
    }
  }

  void begin_shutdown() {
    if (stopping.exchange(true)) return;
    spdlog::info("shutdown requested: closing listener, finishing in-flight requests");
    beast::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    // Each loop now returns once its connections have finished.
    for (auto& guard : guards) guard.reset();
    std::lock_guard lock(mutex);
    if (!connections.empty()) {
      // Requests still running get `shutdown_grace` to finish; then the
      // process stops regardless (their transactions roll back).
      grace_timer.expires_after(options.shutdown_grace);
      grace_timer.async_wait([this](const beast::error_code& wait_ec) {
        if (!wait_ec) {
          spdlog::warn("shutdown grace period over: stopping with requests in flight");
          for (auto& loop : loops) loop->stop();
        }
      });
    }
    for (const auto& connection : connections) {
      if (connection->busy) continue;
      asio::post(connection->stream->get_executor(), [this, connection] {
        std::lock_guard relock(mutex);
        if (!connection->open || connection->busy) return;
        beast::error_code ignored;
        connection->stream->socket().cancel(ignored);
      });
    }
  }
};

int default_event_loops() {
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()) - 1);
}

Server::Server(ServerOptions options, RequestHandler handler, ErrorResponder on_error,
               BodyPlanner planner)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), std::move(on_error),
                                   std::move(planner))) {
  if (!impl_->options.upload_dir.empty()) {
    std::filesystem::create_directories(impl_->options.upload_dir);
    std::filesystem::permissions(impl_->options.upload_dir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace);
  }
}

Server::~Server() = default;

std::uint16_t Server::listen() {
  auto address = asio::ip::make_address(impl_->options.bind);
  tcp::endpoint endpoint(address, impl_->options.port);
  impl_->acceptor.open(endpoint.protocol());
  impl_->acceptor.set_option(asio::socket_base::reuse_address(true));
  impl_->acceptor.bind(endpoint);
  impl_->acceptor.listen(asio::socket_base::max_listen_connections);
  return impl_->acceptor.local_endpoint().port();
}

void Server::run() {
  Impl& s = *impl_;
  s.signals.async_wait(asio::bind_executor(s.control, [&s](const beast::error_code& ec, int) {
    if (!ec) s.begin_shutdown();
  }));
  asio::co_spawn(s.acceptor.get_executor(), s.accept_loop(), asio::detached);
  for (auto& loop : s.loops) s.guards.push_back(asio::make_work_guard(*loop));
  std::vector<std::thread> pool;
  for (std::size_t i = 1; i < s.loops.size(); ++i) {
    pool.emplace_back([&s, i] { s.loops[i]->run(); });
  }
  s.io.run();
  for (auto& t : pool) t.join();
  s.workers.join();
  // After a forced stop (grace over) a held reply may still be waiting for its hold, whose
  // resume posts to a loop: the loops must outlive it. Holds always resume (a group commit
  // finishes every unit handed in), so this wait ends.
  s.wait_for_holds();
  spdlog::info("server stopped");
}

void Server::stop() {
  asio::post(impl_->control, [this] { impl_->begin_shutdown(); });
}

}  // namespace qorgau::http
