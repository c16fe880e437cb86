#include "risk/level.h"

namespace qorgau::risk {

std::string_view level_name(Level level) {
  switch (level) {
    case Level::kLow:
      return "low";
    case Level::kMedium:
      return "medium";
    case Level::kHigh:
      return "high";
    case Level::kExtreme:
      return "extreme";
  }
  return "extreme";
}

std::optional<Level> parse_level(std::string_view text) {
  for (Level level : kAllLevels) {
    if (level_name(level) == text) return level;
  }
  return std::nullopt;
}

Level one_step_up(Level level) {
  return level == Level::kExtreme ? Level::kExtreme
                                  : static_cast<Level>(static_cast<int>(level) + 1);
}

}  // namespace qorgau::risk
