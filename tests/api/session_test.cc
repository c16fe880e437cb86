// Logging in and out over HTTP: the cookie's attributes, CSRF protection,
// Origin checks, lockout and throttling, and that errors come back in the
// caller's language.
#include <gtest/gtest.h>

#include "test_server.h"

namespace qorgau::testing {
namespace {

TEST(Session, LoginSetsAHardenedCookieAndLogoutEndsTheSession) {
  TestServer server;
  Client client(server.port());
  Reply login = client.login("admin", kDemoPassword);
  ASSERT_EQ(login.status, 200) << login.body;
  ASSERT_EQ(login.set_cookies.size(), 1u);
  const std::string& cookie = login.set_cookies[0];
  EXPECT_EQ(cookie.rfind("qorgau_session=", 0), 0u);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(cookie.find("Path=/"), std::string::npos);
  EXPECT_EQ(login.json()["user"]["role"], "system_admin");
  EXPECT_FALSE(client.csrf_token.empty());

  Reply me = client.get("/api/v1/session");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json()["user"]["username"], "admin");
  EXPECT_EQ(me.json()["csrf_token"], client.csrf_token);

  EXPECT_EQ(client.request("DELETE", "/api/v1/session").status, 204);
  Reply after = client.get("/api/v1/session");
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.error_code(), "not_authenticated");
}

TEST(Session, SecureCookieFlagIsOnByDefault) {
  TestServer::Options options;
  options.env["QORGAU_COOKIE_SECURE"] = "true";
  TestServer server(options);
  Client client(server.port());
  Reply login = client.login("admin", kDemoPassword);
  ASSERT_EQ(login.status, 200);
  EXPECT_NE(login.set_cookies.at(0).find("; Secure"), std::string::npos);
}

TEST(Session, StateChangesNeedTheCsrfTokenAndASameOrigin) {
  TestServer server;
  Client client(server.port());
  ASSERT_EQ(client.login("admin", kDemoPassword).status, 200);
  nlohmann::json agency = {{"name", "Test agency"}, {"kind", "ngo"}, {"region_kato", "750000000"}};

  std::string token = client.csrf_token;
  client.csrf_token.clear();
  Reply no_token = client.post("/api/v1/agencies", agency);
  EXPECT_EQ(no_token.status, 403);
  EXPECT_EQ(no_token.error_code(), "csrf_failed");
  client.csrf_token = "wrong" + token.substr(5);
  EXPECT_EQ(client.post("/api/v1/agencies", agency).error_code(), "csrf_failed");
  client.csrf_token = token;

  Reply cross_site = client.request("POST", "/api/v1/agencies", agency.dump(),
                                    {{"Origin", "https://evil.example"}});
  EXPECT_EQ(cross_site.status, 403);
  EXPECT_EQ(cross_site.error_code(), "csrf_failed");

  auto before = client.get("/api/v1/agencies").json()["agencies"].size();
  Reply ok = client.request("POST", "/api/v1/agencies", agency.dump(),
                            {{"Origin", "http://127.0.0.1:" + std::to_string(server.port())}});
  EXPECT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(client.get("/api/v1/agencies").json()["agencies"].size(), before + 1);
}

TEST(Session, WrongPasswordsLockTheAccountAndAnswerInTheCallersLanguage) {
  TestServer server;
  Client russian(server.port(), "ru");
  Reply wrong = russian.login("inspector", "not-the-password-1");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.error_code(), "invalid_credentials");
  EXPECT_EQ(wrong.json()["error"]["message"], "Неверное имя пользователя или пароль.");
  Client kazakh(server.port(), "kk");
  EXPECT_EQ(kazakh.login("nobody-here", "not-the-password-1").json()["error"]["message"],
            "Пайдаланушы аты немесе құпиясөз қате.");

  for (int i = 0; i < 3; ++i) russian.login("inspector", "not-the-password-1");
  Reply fifth = russian.login("inspector", "not-the-password-1");
  EXPECT_EQ(fifth.status, 423);
  EXPECT_EQ(fifth.error_code(), "account_locked");
  // Locked: even the right password is refused for now.
  Reply right = russian.login("inspector", kDemoPassword);
  EXPECT_EQ(right.status, 423);
  // Other accounts are unaffected.
  EXPECT_EQ(russian.login("operator", kDemoPassword).status, 200);
}

TEST(Session, TooManyAttemptsFromOneAddressAreThrottled) {
  TestServer::Options options;
  options.env["QORGAU_LOGIN_ATTEMPTS_PER_MINUTE"] = "3";
  TestServer server(options);
  Client client(server.port());
  for (int i = 0; i < 3; ++i) EXPECT_EQ(client.login("ghost", "whatever-password").status, 401);
  Reply throttled = client.login("admin", kDemoPassword);
  EXPECT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.error_code(), "too_many_requests");
}

TEST(Session, DisablingAUserEndsTheirSessions) {
  TestServer server;
  Client operator_client(server.port());
  ASSERT_EQ(operator_client.login("operator", kDemoPassword).status, 200);
  Client admin(server.port());
  ASSERT_EQ(admin.login("admin", kDemoPassword).status, 200);
  std::int64_t operator_id = operator_client.get("/api/v1/session").json()["user"]["id"];
  Reply disabled = admin.post("/api/v1/users/" + std::to_string(operator_id) + "/disable",
                              nlohmann::json::object());
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_EQ(disabled.json()["status"], "disabled");
  EXPECT_EQ(operator_client.get("/api/v1/session").status, 401);
  EXPECT_EQ(operator_client.login("operator", kDemoPassword).status, 401);
}

// The server remembers a principal between requests (accounts::PrincipalCache); a change made
// by another process must still end it at once.
TEST(Session, AUserDisabledFromTheCommandLineIsRefusedAtOnce) {
  TestServer server;
  Client inspector(server.port());
  ASSERT_EQ(inspector.login("inspector", kDemoPassword).status, 200);
  ASSERT_EQ(inspector.get("/api/v1/session").status, 200);
  ASSERT_EQ(inspector.get("/api/v1/session").status, 200) << "answered from the remembered one";
  ASSERT_EQ(server.run_cli({"user", "disable", "inspector"}), 0);
  Reply after = inspector.get("/api/v1/session");
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.error_code(), "not_authenticated");
}

}  // namespace
}  // namespace qorgau::testing
