#include "core/embedded.h"

#include <stdexcept>
#include <string>

namespace qorgau::embedded {

std::string_view resource(std::string_view name) {
  const auto& all = resources();
  auto it = all.find(name);
  if (it == all.end()) throw std::out_of_range("no embedded resource: " + std::string(name));
  return it->second;
}

}  // namespace qorgau::embedded
