// The response head written by hand against the one Beast writes for the same response.
#include "http/response_head.h"

#include <gtest/gtest.h>

#include <boost/beast/http.hpp>
#include <sstream>

namespace qorgau::http {
namespace {

namespace bhttp = boost::beast::http;

// What Beast wrote before: the same fields, set the same way, then serialized.
std::string beast_head(const HttpResponse& r, unsigned version, bool keep_alive) {
  bhttp::response<bhttp::string_body> res{static_cast<bhttp::status>(r.status), version};
  res.set(bhttp::field::server, "qorgau");
  if (!r.content_type.empty()) res.set(bhttp::field::content_type, r.content_type);
  for (const auto& [name, value] : r.headers) res.insert(name, value);
  for (const auto& [name, value] : r.shared_headers) res.insert(name, value);
  res.body() = r.body;
  res.keep_alive(keep_alive);
  res.prepare_payload();
  std::ostringstream out;
  out << res.base();
  return out.str();
}

constexpr std::pair<std::string_view, std::string_view> kShared[] = {
    {"Referrer-Policy", "no-referrer"}, {"Cache-Control", "no-store"}};

HttpResponse json_reply() {
  HttpResponse r = HttpResponse::json(200, {{"under_active_order", false}});
  r.headers = {{"Content-Security-Policy", "default-src 'self'"},
               {"X-Content-Type-Options", "nosniff"},
               {"Set-Cookie", "a=1; HttpOnly"},
               {"Set-Cookie", "b=2"}};
  r.shared_headers = kShared;
  return r;
}

TEST(ResponseHead, IsWhatBeastWritesForTheSameResponse) {
  HttpResponse created = json_reply();
  created.status = 201;
  HttpResponse missing = HttpResponse::json(404, {{"error", {{"code", "not_found"}}}});
  missing.content_type = "application/problem+json";
  HttpResponse no_type = json_reply();
  no_type.content_type.clear();
  no_type.body = "plain";
  for (const HttpResponse& r : {json_reply(), created, missing, no_type}) {
    for (unsigned version : {11u, 10u}) {
      for (bool keep_alive : {true, false}) {
        EXPECT_EQ(response_head(r, version, keep_alive), beast_head(r, version, keep_alive))
            << r.status << " HTTP/" << version << " keep-alive " << keep_alive;
      }
    }
  }
}

// Here it differs from Beast 1.74, which wrote "Content-Length: 0" on a 204: RFC 9110 says a
// server must not send Content-Length in a 204.
TEST(ResponseHead, NoContentHasNoLengthAndNoBody) {
  HttpResponse none = HttpResponse::no_content();
  EXPECT_EQ(response_head(none, 11, true), "HTTP/1.1 204 No Content\r\nServer: qorgau\r\n\r\n");
  EXPECT_FALSE(status_allows_body(204));
  EXPECT_FALSE(status_allows_body(304));
  EXPECT_FALSE(status_allows_body(101));
  EXPECT_TRUE(status_allows_body(200));
  EXPECT_TRUE(status_allows_body(500));
}

TEST(ResponseHead, ALineBreakInAValueCannotAddAHeader) {
  HttpResponse r = json_reply();
  r.headers = {{"Content-Disposition", "attachment; filename=\"a\r\nSet-Cookie: x=1\""}};
  std::string head = response_head(r, 11, true);
  EXPECT_EQ(head.find("\r\nSet-Cookie"), std::string::npos);
  EXPECT_NE(head.find("filename=\"a  Set-Cookie: x=1\""), std::string::npos);
  EXPECT_EQ(head.substr(head.size() - 4), "\r\n\r\n");
  EXPECT_EQ(head.find("\r\n\r\n"), head.size() - 4) << "one header block, ended once";
}

}  // namespace
}  // namespace qorgau::http
