// Recently authorized principals, so that a request from a session that has not changed is
// authorized without reading its session, user and agency again and decrypting them.
//
// Invariants:
//  - An entry is used only while the sign-in epoch (store::ChangeEpochs::sign_in, migrations
//    0014 and 0016) still equals the value read *before* the entry's rows were read. Triggers move
//    the epoch with every change to a session (other than its last_seen refresh), a user or an
//    agency, by any process, in the change's own transaction: a logout, a disabled account or a
//    changed agency is in force from the commit that makes it.
//  - An entry is used only until its session's recheck time (ResolvedSession::recheck_at_ms),
//    so idle expiry and the last_seen refresh stay with SessionStore::resolve.
//  - Entries are found by the session token's keyed hash; the token is never kept.
//  - At most `capacity` entries; when full, it is emptied and fills again from use.
//  - Safe to use from every event loop and worker at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "accounts/principal.h"
#include "core/bytes.h"

namespace qorgau::accounts {

class PrincipalCache {
 public:
  explicit PrincipalCache(std::size_t capacity = 4096);

  // The principal remembered for `token_hash`, if it was remembered at `epoch` (the sign-in
  // epoch, read before looking up) and `now_ms` is before its recheck time; otherwise null.
  std::shared_ptr<const Principal> find(const core::Bytes& token_hash, std::int64_t epoch,
                                        std::int64_t now_ms) const;
  // Remembers `principal`, resolved from rows read after the epoch `epoch` was read.
  void remember(const core::Bytes& token_hash, std::int64_t epoch, std::int64_t recheck_at_ms,
                std::shared_ptr<const Principal> principal);

  std::size_t size() const;

 private:
  struct Entry {
    std::int64_t epoch = 0;
    std::int64_t recheck_at_ms = 0;
    std::shared_ptr<const Principal> principal;
  };

  // Looked up by a view of the hash's bytes, so a lookup copies nothing.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const {
      return std::hash<std::string_view>{}(key);
    }
  };

  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry, KeyHash, std::equal_to<>> entries_;
};

}  // namespace qorgau::accounts
