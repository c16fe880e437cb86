#include "accounts/principal_cache.h"

#include <utility>

namespace qorgau::accounts {

namespace {

std::string_view key_of(const core::Bytes& token_hash) {
  return {reinterpret_cast<const char*>(token_hash.data()), token_hash.size()};
}

}  // namespace

PrincipalCache::PrincipalCache(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

std::shared_ptr<const Principal> PrincipalCache::find(const core::Bytes& token_hash,
                                                      std::int64_t epoch,
                                                      std::int64_t now_ms) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key_of(token_hash));
  if (it == entries_.end() || it->second.epoch != epoch || now_ms >= it->second.recheck_at_ms) {
    return nullptr;
  }
  return it->second.principal;
}

void PrincipalCache::remember(const core::Bytes& token_hash, std::int64_t epoch,
                              std::int64_t recheck_at_ms,
                              std::shared_ptr<const Principal> principal) {
  std::string key(key_of(token_hash));
  std::lock_guard lock(mutex_);
  if (entries_.size() >= capacity_ && !entries_.contains(key)) entries_.clear();
  entries_.insert_or_assign(std::move(key), Entry{epoch, recheck_at_ms, std::move(principal)});
}

std::size_t PrincipalCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace qorgau::accounts
