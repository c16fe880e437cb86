// JSON shapes of the cases module (see "Cases" in docs/api.md).
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "cases/cases.h"
#include "cases/matching.h"
#include "people/people.h"

namespace qorgau::cases {

nlohmann::json person_json(const people::Person& person);
// The case's codes, status and assignment (no people, no free text).
nlohmann::json case_json(const Case& c);
// Possible duplicates of a person: who, and by what they matched.
nlohmann::json candidates_json(const std::vector<Candidate>& candidates);

}  // namespace qorgau::cases
