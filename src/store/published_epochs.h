// The change epochs (store/change_epochs.h) as published by the processes that write one
// database: a small file beside it, mapped into each process's memory, so that a server learns
// of every change with two atomic loads per request instead of a read of the database.
//
// Who publishes: every connection of the engine, right after a transaction that moved the
// epochs has committed (store/sqlite/sqlite_database.h), in whatever process it runs: the
// server, `qorgau user disable`, a test. The database stays the truth; the file only says
// which state of the truth a process may rely on.
//
// Invariants:
//  - publish() only raises each counter (atomic max), so publications in any order and from
//    any process leave the highest value each counter has been seen at;
//  - a published value is one the database held at a commit: it is never above the database's
//    own counter, except after the database itself was replaced by an older copy. A value
//    *below* the database's is safe (what is cached at it is re-read sooner); one above is
//    not (a change would move the database's counter without moving the published one).
//    So a server starting on a database calls reset() with the database's values, and reads
//    the database itself now and then (app::Api) to cover a process that died between its
//    commit and its publication;
//  - the file holds nothing personal: two counters. It is created 0600 with the database.
#pragma once

#include <cstdint>
#include <filesystem>

#include "store/change_epochs.h"

namespace qorgau::store {

class PublishedEpochs {
 public:
  // Maps `file`, creating it (zeroed) if missing; throws StoreError if it cannot.
  explicit PublishedEpochs(const std::filesystem::path& file);
  ~PublishedEpochs();
  PublishedEpochs(const PublishedEpochs&) = delete;
  PublishedEpochs& operator=(const PublishedEpochs&) = delete;

  // The counters as last published (each read atomically; together, not one snapshot: each is
  // compared only with what was built at that counter).
  ChangeEpochs read() const;

  // Raises each counter to at least `seen`, a reading of the database taken after a commit.
  void publish(const ChangeEpochs& seen);

  // Sets the counters to `truth`, the database's own values, even if lower: for a server
  // starting on a database that may have been restored from an older copy.
  void reset(const ChangeEpochs& truth);

  // The file's size: one page.
  static constexpr std::size_t kFileBytes = 4096;

 private:
  std::int64_t* counter(std::size_t index) const;

  void* mapping_ = nullptr;
};

}  // namespace qorgau::store
