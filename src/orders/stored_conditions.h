// The stored form of an order's conditions, inside their encryption (orders.conditions_enc):
// a JSON array of {"code", "metres"?, "places"?} objects, keys in that order. Reading it is
// on the field verification's path (every order a verification shows), so it is read
// without building a JSON tree.
//
// Invariants:
//  - read_stored_conditions(write_stored_conditions(c)) == c for every list of conditions;
//  - the writer's bytes are what nlohmann::json's dump() of the same array gave, so orders
//    stored before this reader existed read the same;
//  - anything else (not an array of objects, a missing or non-text code, metres that are not
//    a whole number, places that are not text, nested values) is refused with
//    std::runtime_error: stored data that does not read is never shown as no conditions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "orders/orders.h"

namespace qorgau::orders {

std::string write_stored_conditions(const std::vector<Condition>& conditions);
std::vector<Condition> read_stored_conditions(std::string_view stored);

}  // namespace qorgau::orders
