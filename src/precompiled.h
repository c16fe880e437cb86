// Precompiled header: heavy third-party and standard headers shared by most
// translation units. Only stable, external headers belong here.
#pragma once

#include <utility>  // before Asio: libboost 1.74 with g++ 12 needs it.

#include <spdlog/spdlog.h>
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
