#include "risk/risk_api.h"

#include "accounts/display_names.h"
#include "cases/case_access.h"
#include "cases/case_query.h"
#include "cases/route_audit.h"
#include "core/error.h"
#include "http/json_body.h"
#include "http/nullable_json.h"
#include "http/query.h"
#include "intake/report.h"

namespace qorgau::risk {

using accounts::Permission;
using core::ApiError;
using core::ErrorCode;
using http::Access;
using http::HttpResponse;
using http::JsonBody;
using http::Method;
using http::RequestContext;
using nlohmann::json;

namespace {

constexpr std::int64_t kDefaultWithinHours = 168;
constexpr std::int64_t kMaxWithinHours = std::int64_t{24} * 366;

json instrument_summary(const Instrument& instrument) {
  return {{"code", instrument.code},
          {"version", instrument.version},
          {"name", http::localized_json(instrument.name)},
          {"items", instrument.items.size()}};
}

json instrument_json(const Instrument& instrument) {
  json items = json::array();
  for (const Item& item : instrument.items) {
    json out = {{"id", item.id},
                {"text", http::localized_json(item.text)},
                {"answer", answer_kind_name(item.answer)}};
    if (item.answer == AnswerKind::kChoice) {
      json options = json::array();
      for (const Option& option : item.options) {
        options.push_back({{"id", option.id}, {"text", http::localized_json(option.text)}});
      }
      out["options"] = options;
    }
    items.push_back(out);
  }
  const Thresholds& t = instrument.thresholds;
  return {{"code", instrument.code},
          {"version", instrument.version},
          {"name", http::localized_json(instrument.name)},
          {"items", items},
          {"levels", {{"low", 0}, {"medium", t.medium}, {"high", t.high}, {"extreme", t.extreme}}}};
}

json assessment_json(app::Services& s, const Assessment& a, bool with_answers) {
  json out = {{"id", a.id},
              {"case_id", a.case_id},
              {"instrument", {{"code", a.instrument_code}, {"version", a.instrument_version}}},
              {"score", a.score},
              {"computed_level", level_name(a.computed_level)},
              {"level", level_name(a.level)},
              {"raised", a.raised},
              {"assessed_at", a.assessed_at},
              {"assessed_by_user_id", http::nullable_json(a.assessed_by_user_id)},
              {"next_review_due_at", a.next_review_due_at},
              {"required_actions", s.risk_assessments().required_actions(a.level)}};
  if (a.raise_reason) out["raise_reason"] = *a.raise_reason;
  if (with_answers) out["answers"] = json(a.answers);
  return out;
}

// Who assessed or escalated, by name as well as number (the reader reaches the case in full).
json history_json(const std::vector<HistoryEntry>& entries, accounts::DisplayNames& names) {
  json out = json::array();
  for (const HistoryEntry& e : entries) {
    json entry = {{"id", e.id},
                  {"kind", e.kind},
                  {"level", level_name(e.level)},
                  {"at", e.at},
                  {"user_id", http::nullable_json(e.user_id)},
                  {"user_name", http::nullable_json(names.of(e.user_id))}};
    if (e.kind == "assessment") {
      entry["computed_level"] = level_name(*e.computed_level);
      entry["score"] = *e.score;
      entry["raised"] = e.raised;
    } else {
      entry["reason_code"] = http::nullable_json(e.reason_code);
    }
    out.push_back(entry);
  }
  return out;
}

json current_json(app::Services& s, const std::optional<CurrentRisk>& current) {
  if (!current) return nullptr;
  return {{"level", level_name(current->level)},
          {"since_at", current->since_at},
          {"source", current->source},
          {"next_review_due_at", current->next_review_due_at},
          {"overdue", current->overdue},
          {"reassessment_required", current->reassessment_reason.has_value()},
          {"reassessment_reason", http::nullable_json(current->reassessment_reason)},
          {"required_actions", s.risk_assessments().required_actions(current->level)}};
}

// The "answers" object of an assessment: item id -> answer code, strings only.
Answers read_answers(const JsonBody& body) {
  auto answers = body.json().find("answers");
  if (answers == body.json().end() || answers->is_null()) {
    throw ApiError(ErrorCode::kMissingField, "answers");
  }
  if (!answers->is_object()) throw ApiError(ErrorCode::kWrongType, "answers");
  Answers out;
  for (const auto& [id, answer] : answers->items()) {
    if (!answer.is_string() || answer.get<std::string>().size() > 64) {
      throw ApiError(ErrorCode::kValidationFailed, "answers." + id.substr(0, 64));
    }
    out.emplace(id, answer.get<std::string>());
  }
  return out;
}

NewAssessment read_assessment(const RequestContext& ctx) {
  JsonBody body(ctx.request, {"instrument", "answers", "raise_to", "raise_reason"});
  NewAssessment input;
  input.instrument = body.required_string("instrument", 64);
  input.answers = read_answers(body);
  if (auto raise_to = body.optional_string("raise_to", 16)) {
    input.raise_to = parse_level(*raise_to);
    if (!input.raise_to) throw ApiError(ErrorCode::kValidationFailed, "raise_to");
  }
  input.raise_reason = body.optional_string("raise_reason", kMaxRaiseReasonBytes);
  return input;
}

HttpResponse load_instrument(app::Services& s, RequestContext& ctx) {
  std::string type = ctx.request.header("content-type");
  if (type.rfind("text/plain", 0) != 0 && type.rfind("application/toml", 0) != 0) {
    throw ApiError(ErrorCode::kUnsupportedMediaType);
  }
  auto connection = s.pool().lease();
  store::Transaction tx(*connection);
  std::pair<std::int64_t, Instrument> loaded;
  try {
    loaded = s.risk_instruments().load(*connection, ctx.request.body, ctx.user().user.id);
  } catch (const InstrumentError& e) {
    throw ApiError(ErrorCode::kInvalidInstrument, e.problem.substr(0, 300));
  }
  s.audit().append(*connection, cases::staff_event(ctx, "risk_instrument.create", "risk_instrument",
                                                   std::to_string(loaded.first)));
  tx.commit();
  return HttpResponse::json(201,
                            {{"code", loaded.second.code}, {"version", loaded.second.version}});
}

HttpResponse due_reviews(app::Services& s, RequestContext& ctx) {
  cases::CaseQuery scope = cases::case_query(s, ctx);
  auto agency_id = http::query_integer(ctx.request, "agency_id", 1, INT64_MAX);
  std::int64_t within = http::query_integer(ctx.request, "within_hours", 0, kMaxWithinHours)
                            .value_or(kDefaultWithinHours);
  auto connection = s.pool().lease();
  json out = json::array();
  for (const DueReview& r : s.risk_assessments().due(*connection, {scope.sql, scope.params},
                                                     agency_id, std::chrono::hours(within))) {
    out.push_back({{"case_id", r.case_id},
                   {"case_number", r.case_number},
                   {"region_kato", r.region_kato},
                   {"owner_agency_id", r.owner_agency_id},
                   {"level", r.level ? json(level_name(*r.level)) : json(nullptr)},
                   {"due_at", r.due_at},
                   {"overdue", r.overdue},
                   {"reason", r.reason}});
  }
  s.audit().record(*connection, cases::staff_event(ctx, "risk.reviews_due", "case", "list"));
  return HttpResponse::json(200, {{"reviews", out}});
}

}  // namespace

void register_risk_routes(http::Router& router, app::Services& s) {
  router.add(Method::kGet, "/api/v1/risk/instruments", Access::need(Permission::kCasesRead),
             [&s](RequestContext&) {
               auto connection = s.pool().lease();
               json out = json::array();
               for (const Instrument& i : s.risk_instruments().current(*connection)) {
                 out.push_back(instrument_summary(i));
               }
               return HttpResponse::json(200, {{"instruments", out}});
             });

  router.add(Method::kGet, "/api/v1/risk/instruments/{code}", Access::need(Permission::kCasesRead),
             [&s](RequestContext& ctx) {
               auto connection = s.pool().lease();
               auto found = s.risk_instruments().current(*connection, ctx.params.at("code"));
               if (!found) throw ApiError(ErrorCode::kNotFound);
               return HttpResponse::json(200, instrument_json(*found));
             });

  router.add(Method::kPost, "/api/v1/risk/instruments",
             Access::need(Permission::kRiskInstrumentsManage),
             [&s](RequestContext& ctx) { return load_instrument(s, ctx); });

  router.add(Method::kGet, "/api/v1/risk/reviews/due", Access::need(Permission::kCasesRead),
             [&s](RequestContext& ctx) { return due_reviews(s, ctx); });

  router.add(Method::kPost, "/api/v1/cases/{id}/risk/assessments",
             Access::need(Permission::kCasesWrite), [&s](RequestContext& ctx) {
               NewAssessment input = read_assessment(ctx);
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               cases::Case found = cases::full_case(s, *connection, ctx.user(), ctx.id_param("id"));
               if (found.status == "closed") throw ApiError(ErrorCode::kInvalidState);
               Assessment recorded =
                   s.risk_assessments().record(*connection, found.id, input, ctx.user().user.id);
               s.audit().append(*connection, cases::case_event(ctx, "risk.assess", found.id));
               tx.commit();
               return HttpResponse::json(201, assessment_json(s, recorded, false));
             });

  router.add(
      Method::kPost, "/api/v1/cases/{id}/risk/assessments/preview",
      Access::need(Permission::kCasesWrite), [&s](RequestContext& ctx) {
        JsonBody body(ctx.request, {"instrument", "answers"});
        std::string instrument = body.required_string("instrument", 64);
        Answers answers = read_answers(body);
        auto connection = s.pool().lease();
        cases::Case found = cases::full_case(s, *connection, ctx.user(), ctx.id_param("id"));
        if (found.status == "closed") throw ApiError(ErrorCode::kInvalidState);
        Preview preview = s.risk_assessments().preview(*connection, instrument, answers);
        return HttpResponse::json(
            200,
            {{"instrument",
              {{"code", preview.instrument_code}, {"version", preview.instrument_version}}},
             {"score", preview.score},
             {"computed_level", level_name(preview.computed_level)},
             {"required_actions", s.risk_assessments().required_actions(preview.computed_level)}});
      });

  router.add(
      Method::kGet, "/api/v1/cases/{id}/risk", Access::need(Permission::kCasesRead),
      [&s](RequestContext& ctx) {
        auto connection = s.pool().lease();
        cases::Case found = cases::full_case(s, *connection, ctx.user(), ctx.id_param("id"));
        accounts::DisplayNames names(s.users(), *connection);
        json out = {
            {"current", current_json(s, s.risk_assessments().current(*connection, found.id))},
            {"history", history_json(s.risk_assessments().history(*connection, found.id), names)}};
        s.audit().record(*connection, cases::case_event(ctx, "risk.read", found.id));
        return HttpResponse::json(200, out);
      });

  router.add(
      Method::kGet, "/api/v1/cases/{id}/risk/assessments/{aid}",
      Access::need(Permission::kCasesRead), [&s](RequestContext& ctx) {
        auto connection = s.pool().lease();
        cases::Case found = cases::full_case(s, *connection, ctx.user(), ctx.id_param("id"));
        auto assessment = s.risk_assessments().find(*connection, found.id, ctx.id_param("aid"));
        if (!assessment) throw ApiError(ErrorCode::kNotFound);
        s.audit().record(*connection, cases::case_event(ctx, "risk.assessment_read", found.id));
        return HttpResponse::json(200, assessment_json(s, *assessment, true));
      });

  router.add(Method::kPost, "/api/v1/cases/{id}/incidents", Access::need(Permission::kCasesWrite),
             [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"occurred_on", "types"});
               std::string occurred_on = body.required_string("occurred_on", 10);
               if (!body.json().contains("types"))
                 throw ApiError(ErrorCode::kMissingField, "types");
               std::vector<std::string> types = body.string_list("types", intake::incident_types());
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               cases::Case found = cases::full_case(s, *connection, ctx.user(), ctx.id_param("id"));
               if (found.status == "closed") throw ApiError(ErrorCode::kInvalidState);
               Incident incident = s.risk_incidents().record(
                   *connection, found.id, occurred_on, types, ctx.user().user.id,
                   intake::local_today(s.clock().now(), *s.jurisdiction().zone));
               s.audit().append(*connection, cases::case_event(ctx, "case.incident", found.id));
               tx.commit();
               return HttpResponse::json(201, {{"case_id", incident.case_id},
                                               {"occurred_on", incident.occurred_on},
                                               {"types", incident.types}});
             });
}

}  // namespace qorgau::risk
