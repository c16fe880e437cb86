#include "orders/blind_key_table.h"

#include <algorithm>

namespace qorgau::orders {

namespace {

std::size_t prefix_of(const BlindKeyTable::Key& key) {
  return (static_cast<std::size_t>(key[0]) << 8) | key[1];
}

}  // namespace

std::optional<BlindKeyTable::Key> BlindKeyTable::key_of(std::span<const std::uint8_t> bytes) {
  Key key;
  if (bytes.size() != key.size()) return std::nullopt;
  std::copy(bytes.begin(), bytes.end(), key.begin());
  return key;
}

void BlindKeyTable::index(const std::function<bool(std::uint32_t, std::uint32_t)>& earlier) {
  std::sort(entries_.begin(), entries_.end(), [&earlier](const Entry& a, const Entry& b) {
    if (a.first != b.first) return a.first < b.first;
    return earlier(a.second, b.second);
  });
  starts_.assign(kPrefixes + 1, 0);
  // Count each prefix's entries, then sum the counts into where each prefix begins.
  for (const Entry& entry : entries_) ++starts_[prefix_of(entry.first) + 1];
  for (std::size_t p = 1; p <= kPrefixes; ++p) starts_[p] += starts_[p - 1];
}

std::span<const BlindKeyTable::Entry> BlindKeyTable::find(const Key& key) const {
  if (starts_.empty()) return {};
  std::size_t prefix = prefix_of(key);
  auto [first, last] = std::equal_range(
      entries_.begin() + starts_[prefix], entries_.begin() + starts_[prefix + 1], Entry{key, 0},
      [](const Entry& a, const Entry& b) { return a.first < b.first; });
  return {first, last};
}

}  // namespace qorgau::orders
