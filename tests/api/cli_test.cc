// The administration verbs: users are added, listed, disabled and get new
// passwords from the command line; the password policy applies there too;
// a fresh data directory is initialised with a private key file.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "test_server.h"

namespace qorgau::testing {
namespace {

TEST(Cli, ManagesUsersUnderThePasswordPolicy) {
  TestServer server;
  std::string out;
  ASSERT_EQ(server.run_cli({"user", "add", "--username", "new.inspector", "--display-name",
                            "Новый инспектор", "--role", "police_inspector", "--agency-id", "3"},
                           "a-long-enough-passphrase\n", &out),
            0)
      << out;
  Client client(server.port());
  EXPECT_EQ(client.login("new.inspector", "a-long-enough-passphrase").status, 200);

  EXPECT_NE(server.run_cli({"user", "add", "--username", "weak.user", "--display-name", "Weak",
                            "--role", "judge", "--agency-id", "3"},
                           "password1234\n"),
            0);
  EXPECT_NE(server.run_cli({"user", "add", "--username", "bad.role", "--display-name", "X",
                            "--role", "emperor", "--agency-id", "3"},
                           "a-long-enough-passphrase\n"),
            0);

  ASSERT_EQ(server.run_cli({"user", "list"}, "", &out), 0);
  EXPECT_NE(out.find("new.inspector"), std::string::npos);
  EXPECT_EQ(out.find("weak.user"), std::string::npos) << "a refused user must not exist";

  ASSERT_EQ(server.run_cli({"user", "reset-password", "new.inspector"}, "another-passphrase-9\n"),
            0);
  EXPECT_EQ(client.get("/api/v1/session").status, 401) << "a reset ends existing sessions";
  EXPECT_EQ(client.login("new.inspector", "a-long-enough-passphrase").status, 401);
  EXPECT_EQ(client.login("new.inspector", "another-passphrase-9").status, 200);

  ASSERT_EQ(server.run_cli({"user", "disable", "new.inspector"}), 0);
  EXPECT_EQ(client.get("/api/v1/session").status, 401);
  EXPECT_EQ(client.login("new.inspector", "another-passphrase-9").status, 401);
  ASSERT_EQ(server.run_cli({"user", "list"}, "", &out), 0);
  EXPECT_NE(out.find("disabled"), std::string::npos);
}

TEST(Cli, FreshDataDirectoryIsPrivate) {
  TestServer server;
  struct stat st {};
  ASSERT_EQ(::stat((server.data_dir() / "qorgau.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(server.data_dir().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0077, 0u);
  std::string out;
  ASSERT_EQ(server.run_cli({"migrate"}, "", &out), 0);
  EXPECT_NE(out.find("schema version"), std::string::npos);
  // Demo data loads only once.
  ASSERT_EQ(server.run_cli({"demo-data"}, "", &out), 0);
  EXPECT_NE(out.find("already has data"), std::string::npos);
}

}  // namespace
}  // namespace qorgau::testing
