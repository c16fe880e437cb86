#include "cases/cases_api.h"

#include <set>

#include "accounts/display_names.h"
#include "cases/case_access.h"
#include "cases/case_query.h"
#include "cases/cases_json.h"
#include "cases/route_audit.h"
#include "core/error.h"
#include "core/iin.h"
#include "evidence/evidence_json.h"
#include "http/json_body.h"
#include "http/nullable_json.h"
#include "http/query.h"
#include "intake/report.h"

namespace qorgau::cases {

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

constexpr std::int64_t kMaxPerPage = 100;

// What accepted referrals to agencies the user reaches let them see.
std::set<std::string> referral_shares_for(app::Services& s, store::Connection& c,
                                          const accounts::Principal& user, std::int64_t case_id) {
  std::set<std::string> out;
  for (const auto& r : s.case_referrals().for_case(c, case_id)) {
    if (r.status == "accepted" && reaches_agency(s, c, user, r.to_agency_id)) {
      out.insert(r.share.begin(), r.share.end());
    }
  }
  return out;
}

// Only the consented fields of a case, for a receiving agency.
json shared_view(app::Services& s, store::Connection& c, const Case& found,
                 const std::set<std::string>& shares) {
  json out = {{"id", found.id},
              {"case_number", found.case_number},
              {"status", found.status},
              {"access", "referral"},
              {"shared", json::object()}};
  auto survivor = s.people().find(c, found.survivor_person_id);
  auto aggressor = s.people().find(c, found.aggressor_person_id);
  std::optional<intake::Report> report;
  if (found.report_id) report = s.intake_reports().find(c, *found.report_id);
  json& shared = out["shared"];
  for (const auto& share : shares) {
    if (share == "survivor_name") shared[share] = survivor->full_name;
    if (share == "survivor_iin") shared[share] = http::nullable_json(survivor->iin);
    if (share == "aggressor_name") shared[share] = aggressor->full_name;
    if (share == "incident_types") shared[share] = found.incident_types;
    if (share == "incident_summary") {
      shared[share] = report ? http::nullable_json(report->input.description) : json(nullptr);
    }
    if (share == "survivor_contact") {
      shared[share] = nullptr;
      if (report && report->input.contact) {
        const auto& contact = *report->input.contact;
        shared[share] = {{"phone", http::nullable_json(contact.phone)},
                         {"email", http::nullable_json(contact.email)},
                         {"ways", contact.ways},
                         {"times", contact.times},
                         {"language", http::nullable_json(contact.language)}};
      }
    }
  }
  return out;
}

json referral_json(const Referral& r) {
  return {
      {"id", r.id},
      {"case_id", r.case_id},
      {"from_agency_id", r.from_agency_id},
      {"to_agency_id", r.to_agency_id},
      {"share", r.share},
      {"status", r.status},
      {"created_at", core::format_iso8601_utc(r.created_at)},
      {"decided_at", r.decided_at ? json(core::format_iso8601_utc(*r.decided_at)) : json(nullptr)}};
}

json full_view(app::Services& s, store::Connection& c, const Case& found) {
  json out = case_json(found);
  out["access"] = "full";
  out["survivor"] = person_json(*s.people().find(c, found.survivor_person_id));
  out["aggressor"] = person_json(*s.people().find(c, found.aggressor_person_id));
  // Who acted, by name: the reader reaches the case in full, so sees its staff's names.
  accounts::DisplayNames names(s.users(), c);
  out["assigned_user_name"] = http::nullable_json(names.of(found.assigned_user_id));
  json timeline = json::array();
  for (const auto& e : s.case_timeline().events(c, found.id)) {
    timeline.push_back({{"at", core::format_iso8601_utc(e.at_ms)},
                        {"user_id", http::nullable_json(e.user_id)},
                        {"user_name", http::nullable_json(names.of(e.user_id))},
                        {"kind", e.kind},
                        {"detail", e.detail}});
  }
  out["timeline"] = timeline;
  json notes = json::array();
  for (const auto& n : s.case_timeline().notes(c, found.id)) {
    notes.push_back(
        {{"id", n.id},
         {"text", n.text},
         {"author_user_id", http::nullable_json(n.author_user_id)},
         {"author_name", n.author_user_id ? json(names.of(*n.author_user_id)) : json(nullptr)},
         {"created_at", core::format_iso8601_utc(n.created_at)}});
  }
  out["notes"] = notes;
  json tasks = json::array();
  for (const auto& t : s.case_timeline().tasks(c, found.id)) {
    tasks.push_back({{"id", t.id}, {"title", t.title}, {"due_date", t.due_date}, {"done", t.done}});
  }
  out["tasks"] = tasks;
  json services = json::array();
  for (const auto& v : s.case_timeline().services(c, found.id)) {
    services.push_back({{"id", v.id},
                        {"kind", v.kind},
                        {"date", v.delivered_on},
                        {"provider_agency_id", v.provider_agency_id}});
  }
  out["services"] = services;
  json referrals = json::array();
  for (const auto& r : s.case_referrals().for_case(c, found.id)) {
    referrals.push_back(referral_json(r));
  }
  out["referrals"] = referrals;
  json evidence = json::array();
  for (const auto& e : s.evidence().for_case(c, found.id)) {
    evidence.push_back(evidence::evidence_json(e));
  }
  out["evidence"] = evidence;
  return out;
}

std::chrono::year_month_day today(app::Services& s) {
  return intake::local_today(s.clock().now(), *s.jurisdiction().zone);
}

// A person the user reaches, named by `field`; ApiError(kValidationFailed, field) otherwise.
std::int64_t reachable_person(app::Services& s, store::Connection& c, const RequestContext& ctx,
                              std::int64_t id, const std::string& field) {
  auto person = s.people().find(c, id);
  if (!person || !reaches_agency(s, c, ctx.user(), person->agency_id)) {
    throw ApiError(ErrorCode::kValidationFailed, field);
  }
  return id;
}

// A write to a case: the case reached in full, the change, its audit entry, one transaction.
template <typename Change>
HttpResponse write(app::Services& s, RequestContext& ctx, const std::string& action, int status,
                   Change change) {
  auto connection = s.pool().lease();
  store::Transaction tx(*connection);
  Case found = full_case(s, *connection, ctx.user(), ctx.id_param("id"));
  json out = change(*connection, found);
  s.audit().append(*connection, case_event(ctx, action, found.id));
  tx.commit();
  return HttpResponse::json(status, out);
}

HttpResponse list_cases(app::Services& s, RequestContext& ctx) {
  CaseQuery q = case_query(s, ctx);
  std::int64_t page = http::query_integer(ctx.request, "page", 1, 1'000'000).value_or(1);
  std::int64_t per_page = http::query_integer(ctx.request, "per_page", 1, kMaxPerPage).value_or(20);
  auto connection = s.pool().lease();
  std::int64_t total =
      connection->query_one("SELECT COUNT(*) FROM (" + q.sql + ") AS matched", q.params)
          ->integer(0);
  json out = json::array();
  for (const auto& found : run_query(s, *connection, q, per_page, (page - 1) * per_page)) {
    out.push_back(case_json(found));
  }
  s.audit().record(*connection, staff_event(ctx, "case.list", "case", "list"));
  return HttpResponse::json(
      200, {{"cases", out}, {"page", page}, {"per_page", per_page}, {"total", total}});
}

}  // namespace

void register_case_routes(http::Router& router, app::Services& s) {
  router.add(
      Method::kPost, "/api/v1/cases", Access::need(Permission::kCasesWrite),
      [&s](RequestContext& ctx) {
        JsonBody body(ctx.request, {"survivor_person_id", "aggressor_person_id", "basis", "ground",
                                    "incident_types", "region_kato", "offence", "repeat_offence"});
        NewCase input;
        std::int64_t survivor = body.required_integer("survivor_person_id");
        std::int64_t aggressor = body.required_integer("aggressor_person_id");
        input.basis = body.required_string("basis", 32);
        input.ground = body.optional_string("ground", 64);
        input.incident_types = body.string_list("incident_types", intake::incident_types());
        input.region_kato =
            body.optional_string("region_kato", 16).value_or(ctx.user().agency.region_kato);
        input.offence = body.optional_string("offence", 32);
        input.repeat_offence = body.optional_bool("repeat_offence").value_or(false);
        input.owner_agency_id = ctx.user().agency.id;
        auto connection = s.pool().lease();
        store::Transaction tx(*connection);
        input.survivor_person_id =
            reachable_person(s, *connection, ctx, survivor, "survivor_person_id");
        input.aggressor_person_id =
            reachable_person(s, *connection, ctx, aggressor, "aggressor_person_id");
        Case opened = s.cases().create(*connection, input, ctx.user().user.id);
        // People in cases can be found again by any spelling of their names.
        for (std::int64_t id : {input.survivor_person_id, input.aggressor_person_id}) {
          s.person_matcher().remember(*connection, id, s.people().find(*connection, id)->full_name);
        }
        s.audit().append(*connection, case_event(ctx, "case.create", opened.id));
        tx.commit();
        return HttpResponse::json(201, case_json(opened));
      });

  router.add(Method::kGet, "/api/v1/cases", Access::need(Permission::kCasesRead),
             [&s](RequestContext& ctx) { return list_cases(s, ctx); });

  router.add(
      Method::kPost, "/api/v1/cases/search", Access::need(Permission::kCasesRead),
      [&s](RequestContext& ctx) {
        JsonBody body(ctx.request, {"iin", "full_name"});
        auto iin = body.optional_string("iin", 12);
        auto name = body.optional_string("full_name", 300);
        if (!iin && !name) throw ApiError(ErrorCode::kMissingField, "iin");
        if (iin) {
          core::IinCheck check = core::check_iin(*iin, today(s));
          if (!check.ok()) {
            throw ApiError(ErrorCode::kInvalidIin, std::string(core::problem_code(*check.problem)));
          }
        }
        auto connection = s.pool().lease();
        store::Transaction tx(*connection);
        std::set<std::int64_t> seen;
        json out = json::array();
        for (const auto& candidate : s.person_matcher().find(*connection, iin, name)) {
          for (const auto& found : s.cases().for_person(*connection, candidate.person.id)) {
            if (!seen.insert(found.id).second) continue;
            if (!full_access(s, *connection, ctx.user(), found)) continue;
            out.push_back(case_json(found));
          }
        }
        s.audit().append(*connection,
                         staff_event(ctx, "case.search", "case", iin ? "by_iin" : "by_name"));
        tx.commit();
        return HttpResponse::json(200, {{"cases", out}});
      });

  router.add(Method::kGet, "/api/v1/cases/{id}", Access::need(Permission::kCasesRead),
             [&s](RequestContext& ctx) {
               auto connection = s.pool().lease();
               auto found = s.cases().find(*connection, ctx.id_param("id"));
               if (!found) throw ApiError(ErrorCode::kNotFound);
               json out;
               if (full_access(s, *connection, ctx.user(), *found)) {
                 out = full_view(s, *connection, *found);
               } else {
                 auto shares = referral_shares_for(s, *connection, ctx.user(), found->id);
                 if (shares.empty()) throw ApiError(ErrorCode::kNotFound);
                 out = shared_view(s, *connection, *found, shares);
               }
               s.audit().record(*connection, case_event(ctx, "case.read", found->id));
               return HttpResponse::json(200, out);
             });

  router.add(Method::kPost, "/api/v1/cases/{id}/transition", Access::need(Permission::kCasesWrite),
             [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"to", "reason"});
               std::string to = body.required_string("to", 32);
               auto reason = body.optional_string("reason", 32);
               return write(s, ctx, "case.transition", 200, [&](store::Connection& c, Case& f) {
                 return case_json(s.cases().transition(c, f.id, to, reason, ctx.user().user.id));
               });
             });

  router.add(
      Method::kPost, "/api/v1/cases/{id}/offence", Access::need(Permission::kCasesWrite),
      [&s](RequestContext& ctx) {
        JsonBody body(ctx.request, {"offence", "repeat"});
        std::string offence = body.required_string("offence", 32);
        bool repeat = body.required_bool("repeat");
        return write(s, ctx, "case.offence", 200, [&](store::Connection& c, Case& f) {
          return case_json(s.cases().record_offence(c, f.id, offence, repeat, ctx.user().user.id));
        });
      });

  router.add(Method::kPost, "/api/v1/cases/{id}/assign", Access::need(Permission::kCasesWrite),
             [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"agency_id", "user_id"});
               std::int64_t agency = body.required_integer("agency_id");
               auto user = body.optional_integer("user_id");
               return write(s, ctx, "case.assign", 200, [&](store::Connection& c, Case& f) {
                 return case_json(s.cases().assign(c, f.id, agency, user, ctx.user().user.id));
               });
             });

  router.add(Method::kPost, "/api/v1/cases/{id}/notes", Access::need(Permission::kCasesWrite),
             [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"text"});
               std::string text = body.required_string("text", kMaxNoteBytes);
               return write(s, ctx, "case.note", 201, [&](store::Connection& c, Case& f) {
                 if (f.status == "closed") throw ApiError(ErrorCode::kInvalidState);
                 Note note = s.case_timeline().add_note(c, f.id, ctx.user().user.id, text);
                 return json{{"id", note.id}, {"text", note.text}};
               });
             });

  router.add(Method::kPost, "/api/v1/cases/{id}/tasks", Access::need(Permission::kCasesWrite),
             [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"title", "due_date"});
               std::string title = body.required_string("title", kMaxTaskTitleBytes);
               std::string due = body.required_string("due_date", 10);
               return write(s, ctx, "case.task", 201, [&](store::Connection& c, Case& f) {
                 if (f.status == "closed") throw ApiError(ErrorCode::kInvalidState);
                 Task task = s.case_timeline().add_task(c, f.id, ctx.user().user.id, title, due);
                 return json{{"id", task.id},
                             {"title", task.title},
                             {"due_date", task.due_date},
                             {"done", task.done}};
               });
             });

  router.add(Method::kPost, "/api/v1/cases/{id}/tasks/{task_id}/done",
             Access::need(Permission::kCasesWrite), [&s](RequestContext& ctx) {
               std::int64_t task_id = ctx.id_param("task_id");
               return write(s, ctx, "case.task_done", 200, [&](store::Connection& c, Case& f) {
                 Task task = s.case_timeline().complete_task(c, f.id, task_id, ctx.user().user.id);
                 return json{{"id", task.id}, {"done", task.done}};
               });
             });

  router.add(Method::kPost, "/api/v1/cases/{id}/services", Access::need(Permission::kCasesWrite),
             [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"kind", "date", "provider_agency_id"});
               std::string kind = body.required_string("kind", 32);
               std::string date = body.required_string("date", 10);
               std::int64_t provider = body.required_integer("provider_agency_id");
               return write(s, ctx, "case.service", 201, [&](store::Connection& c, Case& f) {
                 Service v = s.case_timeline().add_service(c, f.id, ctx.user().user.id, kind, date,
                                                           provider, today(s));
                 return json{{"id", v.id},
                             {"kind", v.kind},
                             {"date", v.delivered_on},
                             {"provider_agency_id", v.provider_agency_id}};
               });
             });

  router.add(Method::kPost, "/api/v1/cases/{id}/referrals", Access::need(Permission::kCasesWrite),
             [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"to_agency_id", "share"});
               std::int64_t to = body.required_integer("to_agency_id");
               if (!body.json().contains("share"))
                 throw ApiError(ErrorCode::kMissingField, "share");
               std::vector<std::string> share = body.string_list("share", referral_shares());
               return write(s, ctx, "case.referral", 201, [&](store::Connection& c, Case& f) {
                 if (f.status == "closed") throw ApiError(ErrorCode::kInvalidState);
                 return referral_json(s.case_referrals().create(c, f.id, ctx.user().agency.id, to,
                                                                share, ctx.user().user.id));
               });
             });

  router.add(
      Method::kGet, "/api/v1/case-referrals", Access::need(Permission::kCasesRead),
      [&s](RequestContext& ctx) {
        auto connection = s.pool().lease();
        json out = json::array();
        for (const auto& r : s.case_referrals().to_agency(*connection, ctx.user().agency.id)) {
          out.push_back(referral_json(r));
        }
        s.audit().record(*connection, staff_event(ctx, "case_referral.list", "case_referral",
                                                  std::to_string(ctx.user().agency.id)));
        return HttpResponse::json(200, {{"referrals", out}});
      });

  for (const bool accept : {true, false}) {
    router.add(
        Method::kPost,
        std::string("/api/v1/case-referrals/{id}/") + (accept ? "accept" : "decline"),
        Access::need(Permission::kCasesWrite), [&s, accept](RequestContext& ctx) {
          auto connection = s.pool().lease();
          store::Transaction tx(*connection);
          auto referral = s.case_referrals().find(*connection, ctx.id_param("id"));
          if (!referral || !reaches_agency(s, *connection, ctx.user(), referral->to_agency_id)) {
            throw ApiError(ErrorCode::kNotFound);
          }
          Referral decided =
              s.case_referrals().decide(*connection, referral->id, accept, ctx.user().user.id);
          s.audit().append(
              *connection,
              staff_event(ctx, accept ? "case_referral.accept" : "case_referral.decline",
                          "case_referral", std::to_string(decided.id)));
          tx.commit();
          return HttpResponse::json(200, referral_json(decided));
        });
  }
}

}  // namespace qorgau::cases
