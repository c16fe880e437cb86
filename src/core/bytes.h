// Raw byte strings (ciphertexts, hashes, keys) and their hex form. Kept
// distinct from std::string so that binary data and text never mix by
// accident: the store maps Bytes to BLOB/bytea and std::string to TEXT.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace qorgau::core {

using Bytes = std::vector<std::uint8_t>;

std::string to_hex(const Bytes& bytes);
// nullopt unless `hex` is an even-length string of [0-9a-fA-F].
std::optional<Bytes> from_hex(std::string_view hex);

inline Bytes to_bytes(std::string_view text) {
  return Bytes(text.begin(), text.end());
}
inline std::string to_string(const Bytes& bytes) {
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace qorgau::core
