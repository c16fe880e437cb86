// The orders in force, held in memory by their respondent's blind indexes, so that a field
// verification is answered without a database read (the hottest request in the server:
// bench/verify). The database stays the source of truth; this is a copy that knows when it
// is current.
//
// Invariants:
//  - A copy answers only for the orders epoch it was loaded at (store::ChangeEpochs::orders,
//    moved by triggers on every insert, update and delete of an order, by any process, in the
//    change's transaction). find() is given the epoch its request read after arriving; for
//    any other epoch it answers nothing (nullopt) and the caller reads the database
//    (OrderStore::in_force_by_*), so an order issued, served, extended, violated or revoked is
//    in every answer from the commit that makes it.
//  - A copy holds what the database holds: blind indexes and sealed (encrypted) conditions
//    and contact routes. Nothing is decrypted here.
//  - Served and not revoked are decided when loading; "in force" (starts_at <= now <
//    ends_at) when answering, so an order that starts or ends later needs no reload.
//  - A load reads the epoch, then the orders page by page, then the epoch again, and keeps
//    the pages only if the two readings agree (no order changed in between); otherwise it
//    reads again. A copy replaces an older one only.
//  - Loads run on one background thread with its own connection, started by the first
//    find() that needs one; find() never waits for a load and is safe from every thread.
#pragma once

#include <array>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/bytes.h"
#include "core/clock.h"
#include "orders/blind_key_table.h"
#include "orders/orders.h"
#include "store/database.h"

namespace qorgau::orders {

class VerificationIndex {
 public:
  enum class Key { kIin, kNameBirth };  // respondent_iin_key, respondent_name_birth_key

  // `page_rows`: orders read per statement when loading.
  VerificationIndex(store::Database& database, const core::Clock& clock,
                    std::int64_t page_rows = 2000);
  ~VerificationIndex();  // stops the loader, waiting for a load under way
  VerificationIndex(const VerificationIndex&) = delete;
  VerificationIndex& operator=(const VerificationIndex&) = delete;

  // The orders in force at `now_ms` against the respondent whose blind index of kind `key_kind`
  // is `key`, oldest first, if the copy was loaded at `orders_epoch`. Otherwise nullopt, and a
  // load at least that recent is asked of the loader.
  std::optional<std::vector<SealedVerifiedOrder>> find(Key key_kind, const core::Bytes& key,
                                                       std::int64_t orders_epoch,
                                                       std::int64_t now_ms);

  // Loads a copy on `connection` now (the loader's step; tests call it directly) and returns
  // the epoch it was loaded at. Throws StoreError, or std::runtime_error when orders kept
  // changing through every attempt or a stored blind index is malformed.
  std::int64_t load(store::Connection& connection);
  // The epoch of the copy in use, if one was loaded.
  std::optional<std::int64_t> loaded_epoch() const;

 private:
  struct Copy {
    std::int64_t epoch = 0;
    std::vector<SealedVerifiedOrder> orders;
    BlindKeyTable by_iin;  // to positions in `orders`; within a key, oldest order first
    BlindKeyTable by_name_birth;
  };

  std::shared_ptr<const Copy> current() const;
  // Reads every served, unrevoked order that has not ended, page by page; nullopt when the
  // orders epoch moved meanwhile.
  std::optional<Copy> read_copy(store::Connection& connection);
  void run_loader();

  store::Database& database_;
  const core::Clock& clock_;
  const std::int64_t page_rows_;
  const std::string page_select_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::shared_ptr<const Copy> copy_;
  std::int64_t wanted_epoch_ = -1;  // the newest epoch a find() asked for
  bool stopping_ = false;
  std::thread loader_;  // started by the first find() that needs a load
};

}  // namespace qorgau::orders
