#include "crypto/protector.h"

#include <cctype>

namespace qorgau::crypto {

std::string normalize_identifier(std::string_view value) {
  std::string out;
  bool pending_space = false;
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    if (std::isspace(u)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(static_cast<char>(u < 128 ? std::tolower(u) : u));
  }
  return out;
}

}  // namespace qorgau::crypto
