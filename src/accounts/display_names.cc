#include "accounts/display_names.h"

namespace qorgau::accounts {

const std::string& DisplayNames::of(std::int64_t user_id) {
  auto [it, fresh] = known_.try_emplace(user_id);
  if (fresh) {
    auto user = users_.find(connection_, user_id);
    if (user) it->second = user->display_name;
  }
  return it->second;
}

std::optional<std::string> DisplayNames::of(const std::optional<std::int64_t>& user_id) {
  if (!user_id) return std::nullopt;
  return of(*user_id);
}

}  // namespace qorgau::accounts
