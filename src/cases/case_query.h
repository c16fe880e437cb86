// The case list's filters and scope, shared by the list and every export:
// which cases a user may list (their role's scope: national, the cases whose
// owner or assigned agency lies in their region, or their agency's) narrowed
// by the query parameters region, type, status, assigned=me|agency,
// from/to (UTC days of opened_at, inclusive), q (a case-number prefix) and
// sort=opened_at|-opened_at. An unknown value is
// ApiError(kValidationFailed) naming the parameter.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.h"
#include "cases/cases.h"
#include "http/router.h"
#include "store/database.h"

namespace qorgau::cases {

// SQL selecting the ids of the matching cases, with its parameters.
struct CaseQuery {
  std::string sql;
  std::vector<store::Value> params;
  std::string direction;  // "ASC" | "DESC"

  std::string bind(store::Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  }
};

// Narrows `q` to the cases the user's scope reaches. The query must join `cases`, its owner
// agency as `owner` and its assigned agency (LEFT JOIN) as `assigned`.
void restrict_to_scope(CaseQuery& q, const accounts::Principal& user);

// Reads the filters of the request (validating them) and the user's scope.
CaseQuery case_query(app::Services& s, const http::RequestContext& ctx);

// The matching cases in order, at most `limit` from `offset`.
std::vector<Case> run_query(app::Services& s, store::Connection& c, CaseQuery q, std::int64_t limit,
                            std::int64_t offset);

}  // namespace qorgau::cases
