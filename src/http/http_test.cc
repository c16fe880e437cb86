// Routing, strict JSON bodies, request helpers and static files: the HTTP
// pieces that run without a network.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/error.h"
#include "http/json_body.h"
#include "http/message.h"
#include "http/router.h"
#include "http/static_files.h"

#include "testing/error_of.h"
#include "testing/temp_dir.h"

namespace qorgau::http {
namespace {

namespace fs = std::filesystem;
using accounts::Permission;
using core::ApiError;
using core::ErrorCode;

using qorgau::testing::error_of;

// --- Router -----------------------------------------------------------------

Handler respond(int status) {
  return [status](RequestContext&) { return HttpResponse::json(status, {{"s", status}}); };
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router_.add(Method::kGet, "/api/v1/health", Access::public_route(), respond(200));
    router_.add(Method::kGet, "/api/v1/users", Access::need(Permission::kUsersRead), respond(201));
    router_.add(Method::kPost, "/api/v1/users", Access::need(Permission::kUsersManage),
                respond(202));
    router_.add(Method::kGet, "/api/v1/users/{id}", Access::need(Permission::kUsersRead),
                respond(203));
    router_.add(Method::kPost, "/api/v1/users/{id}/disable", Access::need(Permission::kUsersManage),
                respond(204));
    router_.add(Method::kGet, "/api/v1/agencies/{agency}/users/{id}", Access::any_user(),
                respond(205));
  }

  int status_of(const Router::Match& match) {
    HttpRequest request;
    RequestContext context{request, core::Language::kEn, match.params, nullptr, std::nullopt};
    return match.route->handler(context).status;
  }

  Router router_;
};

TEST_F(RouterTest, MatchesLiteralPaths) {
  auto m = router_.match(Method::kGet, "/api/v1/health");
  ASSERT_NE(m.route, nullptr);
  EXPECT_TRUE(m.path_known);
  EXPECT_TRUE(m.params.empty());
  EXPECT_EQ(m.route->pattern, "/api/v1/health");
  EXPECT_EQ(m.route->access.kind, Access::Kind::kPublic);
  EXPECT_EQ(status_of(m), 200);

  auto post = router_.match(Method::kPost, "/api/v1/users");
  ASSERT_NE(post.route, nullptr);
  EXPECT_EQ(post.route->method, Method::kPost);
  EXPECT_EQ(post.route->access.kind, Access::Kind::kPermission);
  EXPECT_EQ(post.route->access.permission, Permission::kUsersManage);
  EXPECT_EQ(status_of(post), 202);
  EXPECT_EQ(status_of(router_.match(Method::kGet, "/api/v1/users")), 201);
}

TEST_F(RouterTest, MatchesParameters) {
  auto m = router_.match(Method::kGet, "/api/v1/users/42");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/users/{id}");
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params.at("id"), "42");
  EXPECT_EQ(status_of(m), 203);

  auto disable = router_.match(Method::kPost, "/api/v1/users/7/disable");
  ASSERT_NE(disable.route, nullptr);
  EXPECT_EQ(disable.params.at("id"), "7");
  EXPECT_EQ(status_of(disable), 204);

  auto two = router_.match(Method::kGet, "/api/v1/agencies/3/users/9");
  ASSERT_NE(two.route, nullptr);
  EXPECT_EQ(two.params.at("agency"), "3");
  EXPECT_EQ(two.params.at("id"), "9");
  EXPECT_EQ(two.route->access.kind, Access::Kind::kSession);

  // A parameter matches one whole segment, whatever its text; id_param
  // decides whether it is a valid id.
  auto text = router_.match(Method::kGet, "/api/v1/users/abc");
  ASSERT_NE(text.route, nullptr);
  EXPECT_EQ(text.params.at("id"), "abc");
}

// Routes are looked up among those of the same shape only; the first added still wins, also
// when a route with a parameter in the module's place comes before a literal one.
TEST_F(RouterTest, TheFirstRouteAddedWinsAcrossLiteralAndParameterSegments) {
  Router router;
  router.add(Method::kGet, "/api/v1/orders/verify", Access::any_user(), respond(210));
  router.add(Method::kGet, "/api/v1/{module}/verify", Access::any_user(), respond(211));
  router.add(Method::kGet, "/api/v1/cases/verify", Access::any_user(), respond(212));
  router.add(Method::kPost, "/api/v1/{module}/{id}", Access::any_user(), respond(213));
  router.add(Method::kPost, "/api/v1/orders/{id}", Access::any_user(), respond(214));

  EXPECT_EQ(status_of(router.match(Method::kGet, "/api/v1/orders/verify")), 210);
  EXPECT_EQ(status_of(router.match(Method::kGet, "/api/v1/cases/verify")), 211)
      << "the parameter route was added before the literal one";
  auto other = router.match(Method::kGet, "/api/v1/people/verify");
  ASSERT_NE(other.route, nullptr);
  EXPECT_EQ(other.params.at("module"), "people");
  EXPECT_EQ(status_of(router.match(Method::kPost, "/api/v1/orders/5")), 213);
  auto wrong_method = router.match(Method::kDelete, "/api/v1/orders/5");
  EXPECT_EQ(wrong_method.route, nullptr);
  EXPECT_TRUE(wrong_method.path_known);
  EXPECT_EQ(router.match(Method::kGet, "/api/v1/orders").route, nullptr);
}

TEST_F(RouterTest, UnknownPathsAndWrongSegmentCounts) {
  for (const char* path : {"/api/v1/nothing", "/api/v1/users/1/2", "/api/v1/users/1/enable",
                           "/api/v2/users", "/", "", "/api/v1/healthz", "/api/v1"}) {
    auto m = router_.match(Method::kGet, path);
    EXPECT_EQ(m.route, nullptr) << path;
    EXPECT_FALSE(m.path_known) << path;
    EXPECT_TRUE(m.params.empty()) << path;
  }
}

TEST_F(RouterTest, KnownPathWithWrongMethodIsFlaggedFor405) {
  auto m = router_.match(Method::kDelete, "/api/v1/users/42");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_known);

  auto get_disable = router_.match(Method::kGet, "/api/v1/users/42/disable");
  EXPECT_EQ(get_disable.route, nullptr);
  EXPECT_TRUE(get_disable.path_known);

  auto put_users = router_.match(Method::kPut, "/api/v1/users");
  EXPECT_EQ(put_users.route, nullptr);
  EXPECT_TRUE(put_users.path_known);

  auto post_health = router_.match(Method::kPost, "/api/v1/health");
  EXPECT_EQ(post_health.route, nullptr);
  EXPECT_TRUE(post_health.path_known);
}

TEST_F(RouterTest, HeadIsServedByGetRoutes) {
  auto m = router_.match(Method::kHead, "/api/v1/users/5");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->method, Method::kGet);
  EXPECT_EQ(m.params.at("id"), "5");
  auto post_only = router_.match(Method::kHead, "/api/v1/users/5/disable");
  EXPECT_EQ(post_only.route, nullptr);
  EXPECT_TRUE(post_only.path_known);
}

TEST_F(RouterTest, DuplicateRegistrationThrows) {
  const size_t before = router_.routes().size();
  EXPECT_THROW(router_.add(Method::kGet, "/api/v1/users/{id}", Access::public_route(), respond(1)),
               std::logic_error);
  EXPECT_THROW(router_.add(Method::kPost, "/api/v1/users", Access::public_route(), respond(1)),
               std::logic_error);
  EXPECT_EQ(router_.routes().size(), before);
  // The same path with another method is a different route.
  EXPECT_NO_THROW(router_.add(Method::kDelete, "/api/v1/users/{id}",
                              Access::need(Permission::kUsersManage), respond(206)));
  EXPECT_EQ(router_.routes().size(), before + 1);
  auto m = router_.match(Method::kDelete, "/api/v1/users/8");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(status_of(m), 206);
}

TEST(AccessTest, FactoriesSetKindAndPermission) {
  EXPECT_EQ(Access::public_route().kind, Access::Kind::kPublic);
  EXPECT_EQ(Access::any_user().kind, Access::Kind::kSession);
  Access a = Access::need(Permission::kAuditVerify);
  EXPECT_EQ(a.kind, Access::Kind::kPermission);
  EXPECT_EQ(a.permission, Permission::kAuditVerify);
}

// --- RequestContext::id_param -------------------------------------------------

std::optional<ErrorCode> id_error(const std::string& value, std::int64_t* out = nullptr) {
  HttpRequest request;
  RequestContext context{request, core::Language::kEn, {{"id", value}}, nullptr, std::nullopt};
  return error_of([&] {
    std::int64_t id = context.id_param("id");
    if (out) *out = id;
  });
}

TEST(IdParam, AcceptsPositiveIntegers) {
  std::int64_t id = 0;
  EXPECT_EQ(id_error("1", &id), std::nullopt);
  EXPECT_EQ(id, 1);
  EXPECT_EQ(id_error("42", &id), std::nullopt);
  EXPECT_EQ(id, 42);
  EXPECT_EQ(id_error("007", &id), std::nullopt);
  EXPECT_EQ(id, 7);
  EXPECT_EQ(id_error("999999999999999999", &id), std::nullopt);  // 18 digits
  EXPECT_EQ(id, 999'999'999'999'999'999);
}

TEST(IdParam, RefusesAnythingElseAsNotFound) {
  for (const std::string value :
       {"abc", "0", "-1", "1234567890123456789", "9223372036854775807", "99999999999999999999", "",
        "+5", "1e3", " 5", "5 ", "4.0", "0x10", "000000000000000000"}) {
    EXPECT_EQ(id_error(value), ErrorCode::kNotFound) << '"' << value << '"';
  }
  // A parameter the route does not have.
  HttpRequest request;
  RequestContext context{request, core::Language::kEn, {{"id", "5"}}, nullptr, std::nullopt};
  EXPECT_EQ(error_of([&] { context.id_param("agency"); }), ErrorCode::kNotFound);
}

// --- JsonBody -----------------------------------------------------------------

HttpRequest json_request(std::string body, std::string content_type = "application/json") {
  HttpRequest r;
  r.method = Method::kPost;
  r.path = "/api/v1/users";
  r.headers["content-type"] = std::move(content_type);
  r.body = std::move(body);
  return r;
}

std::optional<ErrorCode> parse_error(const HttpRequest& request,
                                     std::initializer_list<std::string_view> allowed = {"name"}) {
  return error_of([&] { JsonBody body(request, allowed); });
}

TEST(JsonBodyTest, ReadsDeclaredFields) {
  auto request = json_request(
      R"({"name": "  Айгерім Нұрланова ", "agency_id": 12, "password": "  spaced secret  ",
          "note": null})",
      "application/json; charset=utf-8");
  JsonBody body(request, {"name", "agency_id", "password", "note", "region"});
  EXPECT_EQ(body.required_string("name"), "Айгерім Нұрланова") << "trimmed";
  EXPECT_EQ(body.required_integer("agency_id"), 12);
  EXPECT_EQ(body.required_secret("password"), "  spaced secret  ") << "secrets are not trimmed";
  EXPECT_EQ(body.optional_string("note"), std::nullopt) << "null counts as absent";
  EXPECT_EQ(body.optional_string("region"), std::nullopt);
  EXPECT_TRUE(body.json().is_object());
  EXPECT_EQ(body.json().size(), 4u);
}

TEST(JsonBodyTest, WrongContentTypeIsUnsupportedMediaType) {
  EXPECT_EQ(parse_error(json_request(R"({"name": "x"})", "text/plain")),
            ErrorCode::kUnsupportedMediaType);
  EXPECT_EQ(parse_error(json_request(R"({"name": "x"})", "")), ErrorCode::kUnsupportedMediaType);
  EXPECT_EQ(parse_error(json_request(R"({"name": "x"})", "application/x-www-form-urlencoded")),
            ErrorCode::kUnsupportedMediaType);
  EXPECT_EQ(parse_error(json_request(R"({"name": "x"})", "multipart/form-data; boundary=x")),
            ErrorCode::kUnsupportedMediaType);
  HttpRequest no_header;
  no_header.body = R"({"name": "x"})";
  EXPECT_EQ(parse_error(no_header), ErrorCode::kUnsupportedMediaType);
  try {
    JsonBody body(json_request("{}", "text/plain"), {});
    FAIL() << "expected ApiError";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.http_status(), 415);
  }
}

TEST(JsonBodyTest, MalformedOrNonObjectJsonIsInvalid) {
  for (const char* text : {"", "{", R"({"name": })", "{'name': 'x'}", R"({"name": "x"} extra)",
                           "[]", R"([{"name": "x"}])", "\"name\"", "42", "null", "true"}) {
    EXPECT_EQ(parse_error(json_request(text)), ErrorCode::kInvalidJson) << text;
  }
}

TEST(JsonBodyTest, UnknownFieldIsRefusedAndNamed) {
  auto request = json_request(R"({"name": "x", "role": "system_admin"})");
  try {
    JsonBody body(request, {"name"});
    FAIL() << "expected kUnknownField";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnknownField);
    EXPECT_EQ(e.field(), "role");
  }
  // A very long unknown key is cut before it is echoed back.
  std::string key(500, 'k');
  try {
    JsonBody body(json_request("{\"" + key + "\": 1}"), {"name"});
    FAIL() << "expected kUnknownField";
  } catch (const ApiError& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnknownField);
    EXPECT_LE(e.field().size(), 64u);
  }
  EXPECT_EQ(parse_error(json_request(R"({"Name": "x"})")), ErrorCode::kUnknownField)
      << "field names are case-sensitive";
  EXPECT_EQ(parse_error(json_request("{}"), {}), std::nullopt);
}

TEST(JsonBodyTest, WrongTypeIsRefused) {
  auto request =
      json_request(R"({"s": 5, "i": "5", "f": 5.5, "b": true, "o": {}, "a": ["x"], "p": 123})");
  JsonBody body(request, {"s", "i", "f", "b", "o", "a", "p"});
  EXPECT_EQ(error_of([&] { body.required_string("s"); }), ErrorCode::kWrongType);
  EXPECT_EQ(error_of([&] { body.optional_string("s"); }), ErrorCode::kWrongType);
  EXPECT_EQ(error_of([&] { body.required_string("o"); }), ErrorCode::kWrongType);
  EXPECT_EQ(error_of([&] { body.required_string("a"); }), ErrorCode::kWrongType);
  EXPECT_EQ(error_of([&] { body.required_integer("i"); }), ErrorCode::kWrongType);
  EXPECT_EQ(error_of([&] { body.required_integer("f"); }), ErrorCode::kWrongType);
  EXPECT_EQ(error_of([&] { body.required_integer("b"); }), ErrorCode::kWrongType);
  EXPECT_EQ(error_of([&] { body.required_secret("p"); }), ErrorCode::kWrongType);
  try {
    body.required_integer("i");
    FAIL();
  } catch (const ApiError& e) {
    EXPECT_EQ(e.field(), "i");
  }
}

TEST(JsonBodyTest, MissingFieldIsRefused) {
  auto request = json_request(R"({"blank": "  \t\n ", "empty": "", "nothing": null})");
  JsonBody body(request, {"blank", "empty", "nothing", "absent"});
  for (const char* field : {"blank", "empty", "nothing", "absent"}) {
    try {
      body.required_string(field);
      ADD_FAILURE() << field << " was accepted";
    } catch (const ApiError& e) {
      EXPECT_EQ(e.code(), ErrorCode::kMissingField) << field;
      EXPECT_EQ(e.field(), field);
    }
    EXPECT_EQ(body.optional_string(field), std::nullopt) << field;
  }
  EXPECT_EQ(error_of([&] { body.required_integer("absent"); }), ErrorCode::kMissingField);
  EXPECT_EQ(error_of([&] { body.required_integer("nothing"); }), ErrorCode::kMissingField);
  EXPECT_EQ(error_of([&] { body.required_secret("absent"); }), ErrorCode::kMissingField);
  EXPECT_EQ(error_of([&] { body.required_secret("empty"); }), ErrorCode::kMissingField);
  EXPECT_EQ(body.required_secret("blank"), "  \t\n ") << "a secret is taken as given";
}

TEST(JsonBodyTest, OversizeValueFailsValidation) {
  auto request = json_request(R"({"name": "abcdefghij", "long": "abcdefghijk",
                                  "padded": "   abcdefghij   ", "kk": "әәәәә", "pw": "0123456789x"})");
  JsonBody body(request, {"name", "long", "padded", "kk", "pw"});
  EXPECT_EQ(body.required_string("name", 10), "abcdefghij");
  EXPECT_EQ(error_of([&] { body.required_string("long", 10); }), ErrorCode::kValidationFailed);
  EXPECT_EQ(error_of([&] { body.optional_string("long", 10); }), ErrorCode::kValidationFailed);
  EXPECT_EQ(body.required_string("padded", 10), "abcdefghij") << "measured after trimming";
  EXPECT_EQ(error_of([&] { body.required_string("kk", 9); }), ErrorCode::kValidationFailed)
      << "the limit is in bytes: 5 Kazakh letters are 10 bytes";
  EXPECT_EQ(body.required_string("kk", 10), "әәәәә");
  EXPECT_EQ(error_of([&] { body.required_secret("pw", 10); }), ErrorCode::kValidationFailed);
  EXPECT_EQ(body.required_secret("pw", 11), "0123456789x");
  // The default limit is 1000 bytes.
  std::string big(1001, 'x');
  auto large = json_request(R"({"name": ")" + big + R"("})");
  JsonBody large_body(large, {"name"});
  EXPECT_EQ(error_of([&] { large_body.required_string("name"); }), ErrorCode::kValidationFailed);
}

TEST(JsonBodyTest, IntegerRange) {
  auto request = json_request(
      R"({"neg": -5, "big": 9223372036854775807, "small": -9223372036854775808, "zero": 0})");
  JsonBody body(request, {"neg", "big", "small", "zero"});
  EXPECT_EQ(body.required_integer("neg"), -5);
  EXPECT_EQ(body.required_integer("big"), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(body.required_integer("small"), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(body.required_integer("zero"), 0);
}

// --- HttpRequest / HttpResponse -----------------------------------------------

TEST(HttpRequestTest, HeaderLookup) {
  HttpRequest r;
  r.headers["x-csrf-token"] = "abc";
  EXPECT_EQ(r.header("x-csrf-token"), "abc");
  EXPECT_EQ(r.header("x-missing"), "");
}

TEST(HttpRequestTest, CookieParsing) {
  HttpRequest r;
  EXPECT_EQ(r.cookie("qorgau_session"), "") << "no Cookie header";
  r.headers["cookie"] =
      "theme=dark; xqorgau_session=wrong; qorgau_session=tok-123_ABC; lang=kk;empty=; b64=a=b==";
  EXPECT_EQ(r.cookie("qorgau_session"), "tok-123_ABC");
  EXPECT_EQ(r.cookie("theme"), "dark");
  EXPECT_EQ(r.cookie("lang"), "kk");
  EXPECT_EQ(r.cookie("empty"), "");
  EXPECT_EQ(r.cookie("b64"), "a=b==") << "values may contain '='";
  EXPECT_EQ(r.cookie("xqorgau_session"), "wrong");
  EXPECT_EQ(r.cookie("session"), "") << "no match on a suffix of another name";
  EXPECT_EQ(r.cookie("qorgau"), "") << "no match on a prefix of another name";
  EXPECT_EQ(r.cookie("missing"), "");
  EXPECT_EQ(r.cookie("tok-123_ABC"), "") << "values are not names";

  r.headers["cookie"] = "only=1";
  EXPECT_EQ(r.cookie("only"), "1");
  r.headers["cookie"] = "a=1;  b=2;   c=3";
  EXPECT_EQ(r.cookie("b"), "2");
  EXPECT_EQ(r.cookie("c"), "3");
  r.headers["cookie"] = "noequals; d=4";
  EXPECT_EQ(r.cookie("noequals"), "");
  EXPECT_EQ(r.cookie("d"), "4");
}

TEST(HttpResponseTest, JsonAndNoContent) {
  HttpResponse r = HttpResponse::json(201, {{"id", 5}, {"name", "Әлия"}});
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.content_type, "application/json");
  auto parsed = nlohmann::json::parse(r.body);
  EXPECT_EQ(parsed["id"], 5);
  EXPECT_EQ(parsed["name"], "Әлия");
  HttpResponse empty = HttpResponse::no_content();
  EXPECT_EQ(empty.status, 204);
  EXPECT_TRUE(empty.body.empty());
  EXPECT_TRUE(empty.content_type.empty());
}

TEST(HttpMethodTest, Names) {
  EXPECT_EQ(method_name(Method::kGet), "GET");
  EXPECT_EQ(method_name(Method::kHead), "HEAD");
  EXPECT_EQ(method_name(Method::kPost), "POST");
  EXPECT_EQ(method_name(Method::kPut), "PUT");
  EXPECT_EQ(method_name(Method::kPatch), "PATCH");
  EXPECT_EQ(method_name(Method::kDelete), "DELETE");
  EXPECT_EQ(method_name(Method::kOptions), "OPTIONS");
  EXPECT_EQ(method_name(Method::kOther), "OTHER");
}

// --- StaticFiles ----------------------------------------------------------------

using qorgau::testing::TempDir;

void write_file(const fs::path& file, const std::string& content) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << content;
}

std::string header_value(const HttpResponse& r, const std::string& name) {
  for (const auto& [key, value] : r.headers) {
    if (key == name) return value;
  }
  return "";
}

class StaticFilesTest : public ::testing::Test {
 protected:
  StaticFilesTest() : root_(dir_.path() / "web") {
    write_file(root_ / "index.html", "<!doctype html><title>Qorgau</title>");
    write_file(root_ / "app.js", "console.log('qorgau');");
    write_file(root_ / "favicon.svg", "<svg/>");
    write_file(root_ / "manifest.webmanifest", "{}");
    write_file(root_ / "robots.txt", "User-agent: *");
    write_file(root_ / "assets" / "index-3f2a.css", "body{}");
    write_file(root_ / "assets" / "font.woff2", std::string("wOF2\0\1", 6));
    write_file(dir_.path() / "secret.txt", "outside the web root");
  }

  HttpRequest get(const std::string& path, Method method = Method::kGet) {
    HttpRequest r;
    r.method = method;
    r.path = path;
    return r;
  }

  TempDir dir_;
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesFilesWithTheirContentType) {
  StaticFiles files(root_);
  ASSERT_TRUE(files.available());

  auto js = files.serve(get("/app.js"));
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(js->body, "console.log('qorgau');");
  EXPECT_EQ(header_value(*js, "Cache-Control"), "no-cache");

  auto css = files.serve(get("/assets/index-3f2a.css"));
  ASSERT_TRUE(css);
  EXPECT_EQ(css->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(css->body, "body{}");
  EXPECT_EQ(header_value(*css, "Cache-Control"), "public, max-age=31536000, immutable")
      << "hashed assets are cached for a year";

  auto font = files.serve(get("/assets/font.woff2"));
  ASSERT_TRUE(font);
  EXPECT_EQ(font->content_type, "font/woff2");
  EXPECT_EQ(font->body, std::string("wOF2\0\1", 6)) << "binary content is served whole";

  EXPECT_EQ(files.serve(get("/favicon.svg"))->content_type, "image/svg+xml");
  EXPECT_EQ(files.serve(get("/robots.txt"))->content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(files.serve(get("/manifest.webmanifest"))->content_type, "application/manifest+json");
  auto head = files.serve(get("/app.js", Method::kHead));
  ASSERT_TRUE(head);
  EXPECT_EQ(head->content_type, "text/javascript; charset=utf-8");

  auto index = files.serve(get("/index.html"));
  ASSERT_TRUE(index);
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(header_value(*index, "Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, ClientRoutesFallBackToIndexHtml) {
  StaticFiles files(root_);
  for (const char* path : {"/", "/staff/users", "/staff/users/12", "/help", "/kk/contacts"}) {
    auto r = files.serve(get(path));
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_EQ(r->content_type, "text/html; charset=utf-8") << path;
    EXPECT_EQ(r->body, "<!doctype html><title>Qorgau</title>") << path;
    EXPECT_EQ(header_value(*r, "Cache-Control"), "no-cache") << path;
  }
}

TEST_F(StaticFilesTest, MissingFilesAreNotFound) {
  StaticFiles files(root_);
  EXPECT_FALSE(files.serve(get("/missing.js")));
  EXPECT_FALSE(files.serve(get("/assets/missing-1234.css")));
  EXPECT_FALSE(files.serve(get("/staff/photo.png")));
}

TEST_F(StaticFilesTest, RefusesTraversalOutOfTheRoot) {
  StaticFiles files(root_);
  for (const char* path : {"/../secret.txt", "/../secret", "/assets/../../secret.txt", "/..",
                           "/staff/../../secret.txt", "/..%2fsecret.txt"}) {
    auto r = files.serve(get(path));
    EXPECT_FALSE(r) << path;
  }
  EXPECT_FALSE(files.serve(get(std::string("/app.js\0.html", 13))));
}

TEST_F(StaticFilesTest, DoesNotFollowSymlinksOutOfTheRoot) {
  fs::create_directories(dir_.path() / "elsewhere");
  write_file(dir_.path() / "elsewhere" / "private.txt", "private");
  fs::create_symlink(dir_.path() / "elsewhere" / "private.txt", root_ / "leak.txt");
  fs::create_directory_symlink(dir_.path() / "elsewhere", root_ / "linked");
  StaticFiles files(root_);
  EXPECT_FALSE(files.serve(get("/leak.txt")));
  EXPECT_FALSE(files.serve(get("/linked/private.txt")));
  // A sibling directory whose name merely starts with the root's is outside.
  fs::path sibling = fs::path(root_.string() + "-private");
  fs::create_directories(sibling);
  write_file(sibling / "secret.txt", "secret");
  fs::create_symlink(sibling / "secret.txt", root_ / "prefix-leak.txt");
  EXPECT_FALSE(files.serve(get("/prefix-leak.txt")));
  // A symlink inside the root to a file inside the root is fine.
  fs::create_symlink(root_ / "app.js", root_ / "alias.js");
  auto alias = files.serve(get("/alias.js"));
  ASSERT_TRUE(alias);
  EXPECT_EQ(alias->body, "console.log('qorgau');");
}

TEST_F(StaticFilesTest, OnlyGetAndHead) {
  StaticFiles files(root_);
  for (Method m :
       {Method::kPost, Method::kPut, Method::kDelete, Method::kPatch, Method::kOptions}) {
    EXPECT_FALSE(files.serve(get("/app.js", m))) << method_name(m);
    EXPECT_FALSE(files.serve(get("/staff/users", m))) << method_name(m);
  }
}

TEST_F(StaticFilesTest, UnavailableWithoutIndexHtml) {
  fs::remove(root_ / "index.html");
  StaticFiles files(root_);
  EXPECT_FALSE(files.available());
  EXPECT_FALSE(files.serve(get("/app.js")));
  EXPECT_FALSE(files.serve(get("/")));

  StaticFiles missing(dir_.path() / "no-such-dir");
  EXPECT_FALSE(missing.available());
  EXPECT_FALSE(missing.serve(get("/")));
}

TEST(ContentType, ByExtension) {
  EXPECT_EQ(content_type_for("a/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("x.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("x.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("x.json"), "application/json");
  EXPECT_EQ(content_type_for("x.png"), "image/png");
  EXPECT_EQ(content_type_for("x.ico"), "image/x-icon");
  EXPECT_EQ(content_type_for("x.bin"), "application/octet-stream");
  EXPECT_EQ(content_type_for("noextension"), "application/octet-stream");
}

}  // namespace
}  // namespace qorgau::http

namespace qorgau::http {
namespace {

TEST(JsonBodyTest, IntegersBeyondInt64AreRefusedNotWrapped) {
  HttpRequest request;
  request.headers["content-type"] = "application/json";
  request.body = R"({"big": 18446744073709551615, "edge": 9223372036854775808,
                     "max": 9223372036854775807, "min": -9223372036854775808})";
  JsonBody body(request, {"big", "edge", "max", "min"});
  EXPECT_THROW(body.required_integer("big"), core::ApiError);
  EXPECT_THROW(body.required_integer("edge"), core::ApiError);
  EXPECT_EQ(body.required_integer("max"), INT64_MAX);
  EXPECT_EQ(body.required_integer("min"), INT64_MIN);
}

}  // namespace
}  // namespace qorgau::http
