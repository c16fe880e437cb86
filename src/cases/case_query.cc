#include "cases/case_query.h"

#include <algorithm>
#include <cctype>

#include "cases/timeline.h"
#include "core/calendar_day.h"
#include "core/error.h"
#include "http/query.h"
#include "intake/report.h"

namespace qorgau::cases {

using core::ApiError;
using core::ErrorCode;

namespace {

std::int64_t day_start_ms(std::chrono::year_month_day day) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::sys_days(day).time_since_epoch())
      .count();
}

}  // namespace

void restrict_to_scope(CaseQuery& q, const accounts::Principal& user) {
  switch (user.role->scope) {
    case accounts::Scope::kNational:
      break;
    case accounts::Scope::kRegion: {
      std::string p = q.bind(user.agency.region_kato);
      q.sql += " AND (owner.region_kato = " + p + " OR assigned.region_kato = " + p + ")";
      break;
    }
    case accounts::Scope::kAgency: {
      std::string p = q.bind(user.agency.id);
      q.sql += " AND (cases.owner_agency_id = " + p + " OR cases.assigned_agency_id = " + p + ")";
      break;
    }
  }
}

CaseQuery case_query(app::Services& s, const http::RequestContext& ctx) {
  const auto& request = ctx.request;
  const accounts::Principal& user = ctx.user();
  CaseQuery q;
  q.sql =
      "SELECT cases.id FROM cases JOIN agencies owner ON owner.id = cases.owner_agency_id "
      "LEFT JOIN agencies assigned ON assigned.id = cases.assigned_agency_id WHERE 1 = 1";
  restrict_to_scope(q, user);
  if (auto region = http::query_string(request, "region", 16)) {
    if (!s.jurisdiction().find_region(*region)) {
      throw ApiError(ErrorCode::kValidationFailed, "region");
    }
    q.sql += " AND cases.region_kato = " + q.bind(*region);
  }
  if (auto type = http::query_string(request, "type", 64)) {
    const auto& types = intake::incident_types();
    if (std::find(types.begin(), types.end(), *type) == types.end()) {
      throw ApiError(ErrorCode::kValidationFailed, "type");
    }
    q.sql += " AND (',' || cases.incident_types || ',') LIKE " + q.bind("%," + *type + ",%");
  }
  if (auto status = http::query_string(request, "status", 32)) {
    if (std::find(case_statuses().begin(), case_statuses().end(), *status) ==
        case_statuses().end()) {
      throw ApiError(ErrorCode::kValidationFailed, "status");
    }
    q.sql += " AND cases.status = " + q.bind(*status);
  }
  if (auto assigned = http::query_string(request, "assigned", 16)) {
    if (*assigned == "me") {
      q.sql += " AND cases.assigned_user_id = " + q.bind(user.user.id);
    } else if (*assigned == "agency") {
      q.sql += " AND cases.assigned_agency_id = " + q.bind(user.agency.id);
    } else {
      throw ApiError(ErrorCode::kValidationFailed, "assigned");
    }
  }
  for (const char* bound : {"from", "to"}) {
    if (auto text = http::query_string(request, bound, 16)) {
      auto day = core::parse_day(*text);
      if (!day) throw ApiError(ErrorCode::kValidationFailed, bound);
      if (std::string_view(bound) == "from") {
        q.sql += " AND cases.opened_at >= " + q.bind(day_start_ms(*day));
      } else {
        q.sql += " AND cases.opened_at < " +
                 q.bind(day_start_ms(std::chrono::sys_days(*day) + std::chrono::days(1)));
      }
    }
  }
  if (auto text = http::query_string(request, "q", 32)) {
    std::string number;
    for (char ch : *text) {
      if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-') {
        throw ApiError(ErrorCode::kValidationFailed, "q");
      }
      number.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
    }
    q.sql += " AND cases.case_number LIKE " + q.bind(number + "%");
  }
  std::string sort = http::query_string(request, "sort", 16).value_or("-opened_at");
  if (sort != "opened_at" && sort != "-opened_at") {
    throw ApiError(ErrorCode::kValidationFailed, "sort");
  }
  q.direction = sort == "opened_at" ? "ASC" : "DESC";
  return q;
}

std::vector<Case> run_query(app::Services& s, store::Connection& c, CaseQuery q, std::int64_t limit,
                            std::int64_t offset) {
  q.sql += " ORDER BY cases.opened_at " + q.direction + ", cases.id " + q.direction;
  q.sql += " LIMIT " + q.bind(limit);
  q.sql += " OFFSET " + q.bind(offset);
  std::vector<Case> out;
  for (const auto& row : c.query(q.sql, q.params))
    out.push_back(*s.cases().find(c, row.integer(0)));
  return out;
}

}  // namespace qorgau::cases
