// A lookup table from blind keys (crypto/blind_index.h: 32-byte BLAKE2b outputs) to positions
// in a vector the caller holds: the verification index's way from a respondent's key to their
// orders (orders/verification_index.h).
//
// The entries are sorted by key, and a directory says where the entries of each 16-bit key
// prefix begin. Blind keys are uniform, so a lookup reads one directory slot and about one
// entry, not the ~17 entries a binary search over 100,000 would read from all over the table
// (each a cache miss at that size). Keys of any distribution are found all the same, only
// more slowly.
//
// Invariants:
//  - find() returns every entry added with that key, none other, in the order index() put
//    them in (by key, then by `earlier` on their positions);
//  - entries added after index() are not found until index() runs again.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace qorgau::orders {

class BlindKeyTable {
 public:
  using Key = std::array<std::uint8_t, 32>;
  using Entry = std::pair<Key, std::uint32_t>;  // a key and a position in the caller's vector

  // `bytes` as a key, or nullopt when it is not 32 bytes long.
  static std::optional<Key> key_of(std::span<const std::uint8_t> bytes);

  void add(const Key& key, std::uint32_t position) { entries_.emplace_back(key, position); }
  // Sorts the entries by key, and entries of one key by `earlier` on their positions; builds
  // the directory.
  void index(const std::function<bool(std::uint32_t, std::uint32_t)>& earlier);
  std::span<const Entry> find(const Key& key) const;
  std::size_t size() const { return entries_.size(); }

 private:
  static constexpr std::size_t kPrefixes = std::size_t{1} << 16;
  std::vector<Entry> entries_;
  // kPrefixes + 1 slots once indexed: prefix p's entries are [starts_[p], starts_[p + 1]).
  std::vector<std::uint32_t> starts_;
};

}  // namespace qorgau::orders
