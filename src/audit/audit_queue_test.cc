// The audit queue against a real migrated SQLite file and a real group committer: entries
// waiting together go into one unit, in order, on an intact chain, and a failure reaches every
// entry of its unit and no other.
#include "audit/audit_queue.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "crypto/keyring.h"
#include "testing/migrated_store.h"

namespace qorgau::audit {
namespace {

using namespace std::chrono_literals;

class AuditQueueTest : public qorgau::testing::MigratedStore {
 protected:
  AuditQueueTest() : MigratedStore(1'795'000'000'000), chain_(keyring_), log_(chain_, clock_) {}

  static AuditEvent verification(std::string object_id) {
    return AuditEvent{7, 3, "orders.verify", "order", std::move(object_id), "10.0.0.1", "success"};
  }

  // Hands `ids` in while the committer is held busy by another unit, so they wait together;
  // returns what each entry's completion reported.
  std::vector<std::exception_ptr> submit_together(const std::vector<std::string>& ids) {
    std::promise<void> release;
    std::shared_future<void> released = release.get_future().share();
    std::promise<void> holding;
    std::thread busy([&] {
      committer_.run([&](store::Connection&) {
        holding.set_value();
        released.wait();
      });
    });
    holding.get_future().wait();
    std::vector<std::promise<std::exception_ptr>> done(ids.size());
    for (size_t i = 0; i < ids.size(); ++i) {
      queue_.submit(verification(ids[i]),
                    [&done, i](const std::exception_ptr& error) { done[i].set_value(error); });
    }
    release.set_value();
    busy.join();
    std::vector<std::exception_ptr> out;
    for (auto& d : done) out.push_back(d.get_future().get());
    return out;
  }

  std::vector<std::string> logged_ids() {
    std::vector<std::string> out;
    for (const auto& row : connection_->query("SELECT object_id FROM audit_log ORDER BY seq")) {
      out.push_back(row.text(0));
    }
    return out;
  }

  crypto::HashChain chain_;
  AuditLog log_;
  store::GroupCommitter committer_{db_};
  AuditQueue queue_{log_, committer_};
};

TEST_F(AuditQueueTest, EntriesWaitingTogetherShareOneUnitInOrderOnAnIntactChain) {
  std::size_t before = committer_.batches();
  for (const std::exception_ptr& error : submit_together({"1", "2", "3", "4", "5"})) {
    EXPECT_EQ(error, nullptr);
  }
  EXPECT_EQ(committer_.batches() - before, 2u) << "the busy unit's batch, then one for all five";
  EXPECT_EQ(logged_ids(), (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  EXPECT_TRUE(log_.verify(*connection_).intact);

  std::promise<std::exception_ptr> alone;
  queue_.submit(verification("6"),
                [&alone](const std::exception_ptr& error) { alone.set_value(error); });
  EXPECT_EQ(alone.get_future().get(), nullptr) << "an idle committer takes a lone entry";
  EXPECT_EQ(logged_ids().back(), "6");
  EXPECT_TRUE(log_.verify(*connection_).intact);
}

TEST_F(AuditQueueTest, AFailedAppendReachesEveryEntryOfItsUnitAndNoOther) {
  connection_->execute_script(
      "CREATE TRIGGER refuse_marked BEFORE INSERT ON audit_log WHEN NEW.object_id = 'refuse' "
      "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;");
  std::vector<std::exception_ptr> errors = submit_together({"a", "refuse", "b"});
  ASSERT_EQ(errors.size(), 3u);
  for (const std::exception_ptr& error : errors) EXPECT_NE(error, nullptr);
  EXPECT_TRUE(logged_ids().empty()) << "the unit's entries were undone together";

  std::promise<std::exception_ptr> after;
  queue_.submit(verification("c"),
                [&after](const std::exception_ptr& error) { after.set_value(error); });
  EXPECT_EQ(after.get_future().get(), nullptr) << "the next entry queues a unit of its own";
  EXPECT_EQ(logged_ids(), std::vector<std::string>{"c"});
  EXPECT_TRUE(log_.verify(*connection_).intact);
}

}  // namespace
}  // namespace qorgau::audit
