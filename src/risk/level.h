// Risk levels of a case, ordered low < medium < high < extreme (VioGén's four levels). Their
// names are the stable codes of the API, the database and the instrument files.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace qorgau::risk {

enum class Level { kLow, kMedium, kHigh, kExtreme };

inline constexpr std::array<Level, 4> kAllLevels = {Level::kLow, Level::kMedium, Level::kHigh,
                                                    Level::kExtreme};

// "low", "medium", "high", "extreme".
std::string_view level_name(Level level);
// The level named `text`, or nullopt.
std::optional<Level> parse_level(std::string_view text);
// One step higher; extreme stays extreme.
Level one_step_up(Level level);

}  // namespace qorgau::risk
