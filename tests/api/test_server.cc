#include "test_server.h"

#include <utility>  // before Asio: libboost 1.74 with g++ 12 needs it.

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sodium.h>

#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "core/bytes.h"

extern char** environ;

namespace qorgau::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace fs = std::filesystem;

std::string Reply::error_code() const {
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.contains("error")) return "";
  return parsed["error"].value("code", "");
}

namespace {

std::uint16_t free_port() {
  asio::io_context io;
  asio::ip::tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), 0});
  return acceptor.local_endpoint().port();
}

fs::path make_temp_dir() {
  std::string pattern = (fs::temp_directory_path() / "qorgau-api-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return fs::path(pattern) / "data";
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

std::vector<std::string> environment_with(const std::map<std::string, std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string entry(*e);
    if (entry.rfind("QORGAU_", 0) == 0) continue;
    env.push_back(entry);
  }
  // Tests talk plain HTTP to 127.0.0.1 without a browser: no Secure cookies.
  env.push_back("QORGAU_COOKIE_SECURE=false");
  env.push_back("QORGAU_LOG_LEVEL=info");
  for (const auto& [k, v] : extra) env.push_back(k + "=" + v);
  return env;
}

}  // namespace

TestServer::TestServer() : TestServer(Options{}) {}

TestServer::TestServer(Options options) : options_(std::move(options)) {
  data_dir_ = make_temp_dir();
  if (options_.demo_data && run_cli({"demo-data"}) != 0) {
    throw std::runtime_error("qorgau demo-data failed");
  }
  start();
}

TestServer::~TestServer() {
  if (pid_ > 0) stop();
  std::error_code ec;
  fs::remove_all(data_dir_.parent_path(), ec);
}

int TestServer::run_cli(const std::vector<std::string>& args, const std::string& input,
                        std::string* output) const {
  std::vector<std::string> argv{QORGAU_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back("--data-dir");
  argv.push_back(data_dir_.string());
  std::vector<std::string> env = environment_with(options_.env);
  int in_pipe[2], out_pipe[2];
  if (::pipe(in_pipe) != 0 || ::pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_addclose(&actions, in_pipe[1]);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  pid_t pid = 0;
  auto argv_c = c_strings(argv);
  auto env_c = c_strings(env);
  int rc = ::posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, argv_c.data(), env_c.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  if (rc != 0) throw std::runtime_error("cannot start qorgau");
  if (!input.empty()) {
    [[maybe_unused]] auto n = ::write(in_pipe[1], input.data(), input.size());
  }
  ::close(in_pipe[1]);
  std::string captured;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(out_pipe[0], buffer, sizeof buffer)) > 0)
    captured.append(buffer, static_cast<size_t>(n));
  ::close(out_pipe[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (output) *output = captured;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void TestServer::start() {
  port_ = free_port();
  std::vector<std::string> argv{QORGAU_BINARY, "serve",     "--port",     std::to_string(port_),
                                "--bind",      "127.0.0.1", "--data-dir", data_dir_.string()};
  argv.insert(argv.end(), options_.extra_args.begin(), options_.extra_args.end());
  std::vector<std::string> env = environment_with(options_.env);
  auto argv_c = c_strings(argv);
  auto env_c = c_strings(env);
  std::string log = (data_dir_.parent_path() / "server.log").string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  int rc = ::posix_spawn(&pid_, argv[0].c_str(), &actions, nullptr, argv_c.data(), env_c.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start qorgau serve");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    try {
      Client probe(port_);
      if (probe.get("/api/v1/health").status == 200) return;
    } catch (const std::exception&) {
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("qorgau serve exited during start-up");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("qorgau serve did not become healthy");
}

std::string TestServer::server_log() const {
  std::ifstream in(data_dir_.parent_path() / "server.log");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int TestServer::stop() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  return wait_exit();
}

int TestServer::wait_exit() {
  if (pid_ <= 0) return -1;
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void TestServer::kill_hard() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

Client::Client(std::uint16_t port, std::string language)
    : port_(port), language_(std::move(language)) {}

Reply Client::request(const std::string& method, const std::string& target, const std::string& body,
                      std::map<std::string, std::string> headers) {
  asio::io_context io;
  beast::tcp_stream stream(io);
  stream.expires_after(std::chrono::seconds(30));
  stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
  bhttp::request<bhttp::string_body> req{bhttp::string_to_verb(method), target, 11};
  req.set(bhttp::field::host, "127.0.0.1:" + std::to_string(port_));
  req.set(bhttp::field::accept_language, language_);
  if (!body.empty()) req.set(bhttp::field::content_type, "application/json");
  if (!csrf_token.empty()) req.set("X-CSRF-Token", csrf_token);
  std::string cookie_header;
  for (const auto& [k, v] : cookies) {
    if (!cookie_header.empty()) cookie_header += "; ";
    cookie_header += k + "=" + v;
  }
  if (!cookie_header.empty()) req.set(bhttp::field::cookie, cookie_header);
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  bhttp::write(stream, req);
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 << 20);
  if (method == "HEAD") parser.skip(true);
  bhttp::read(stream, buffer, parser);
  auto& res = parser.get();
  Reply reply;
  reply.status = static_cast<int>(res.result_int());
  for (const auto& field : res) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "set-cookie") {
      std::string value(field.value());
      reply.set_cookies.push_back(value);
      auto eq = value.find('=');
      auto semi = value.find(';');
      std::string cookie_name = value.substr(0, eq);
      std::string cookie_value = value.substr(eq + 1, semi - eq - 1);
      if (cookie_value.empty()) {
        cookies.erase(cookie_name);
      } else {
        cookies[cookie_name] = cookie_value;
      }
    }
    reply.headers[name] = std::string(field.value());
  }
  reply.body = res.body();
  beast::error_code ec;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
  return reply;
}

Reply Client::login(const std::string& username, const std::string& password) {
  Reply reply = post("/api/v1/session", {{"username", username}, {"password", password}});
  if (reply.status == 200) csrf_token = reply.json().value("csrf_token", "");
  return reply;
}

std::string sha256_hex(const std::string& bytes) {
  core::Bytes digest(crypto_hash_sha256_BYTES);
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  return core::to_hex(digest);
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) out.push_back(entry.path());
  return out;
}

bool eventually(const std::function<bool()>& done, std::chrono::milliseconds limit) {
  auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return done();
}

}  // namespace qorgau::testing
