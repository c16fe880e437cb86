#include "store/published_epochs.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "store/database.h"
#include "testing/temp_dir.h"

namespace qorgau::store {
namespace {

namespace fs = std::filesystem;

class PublishedEpochsTest : public ::testing::Test {
 protected:
  fs::path file() const { return dir_.path() / "qorgau.db-epochs"; }
  qorgau::testing::TempDir dir_;
};

TEST_F(PublishedEpochsTest, ANewFileStartsAtZeroAndIsPrivate) {
  PublishedEpochs published(file());
  EXPECT_EQ(published.read().sign_in, 0);
  EXPECT_EQ(published.read().orders, 0);
  EXPECT_EQ(fs::file_size(file()), PublishedEpochs::kFileBytes);
  struct stat status {};
  ASSERT_EQ(::stat(file().c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600u);
}

TEST_F(PublishedEpochsTest, PublishOnlyRaisesEachCounter) {
  PublishedEpochs published(file());
  published.publish({5, 2});
  published.publish({3, 7});  // an older sign-in reading, a newer orders one
  EXPECT_EQ(published.read().sign_in, 5);
  EXPECT_EQ(published.read().orders, 7);
}

TEST_F(PublishedEpochsTest, ResetSetsTheDatabasesValuesEvenIfLower) {
  PublishedEpochs published(file());
  published.publish({9, 9});
  published.reset({4, 1});  // a database restored from an older copy
  EXPECT_EQ(published.read().sign_in, 4);
  EXPECT_EQ(published.read().orders, 1);
  published.publish({4, 2});
  EXPECT_EQ(published.read().orders, 2);
}

TEST_F(PublishedEpochsTest, EveryMappingOfTheFileSeesEveryPublication) {
  PublishedEpochs first(file());
  first.publish({1, 1});
  PublishedEpochs second(file());
  EXPECT_EQ(second.read().orders, 1) << "kept in the file";
  second.publish({1, 6});
  EXPECT_EQ(first.read().orders, 6);
}

TEST_F(PublishedEpochsTest, AnotherProcessPublishesIntoTheSameCounters) {
  PublishedEpochs published(file());
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    PublishedEpochs own(file());
    own.publish({3, 8});
    ::_exit(0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(published.read().sign_in, 3);
  EXPECT_EQ(published.read().orders, 8);
}

TEST_F(PublishedEpochsTest, ConcurrentPublicationsLeaveTheHighest) {
  PublishedEpochs published(file());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&published, t] {
      for (std::int64_t value = t; value <= 20000; value += 4) published.publish({value, value});
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(published.read().sign_in, 20000);
  EXPECT_EQ(published.read().orders, 20000);
}

TEST_F(PublishedEpochsTest, AShortFileIsExtendedAndAnUnopenableOneRefused) {
  std::ofstream(file()) << "x";
  PublishedEpochs published(file());
  EXPECT_EQ(fs::file_size(file()), PublishedEpochs::kFileBytes);
  EXPECT_THROW(PublishedEpochs(dir_.path() / "missing" / "qorgau.db-epochs"), StoreError);
}

}  // namespace
}  // namespace qorgau::store
