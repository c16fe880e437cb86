#include "cases/cases_triage_api.h"

#include "cases/case_access.h"
#include "cases/cases_json.h"
#include "cases/route_audit.h"
#include "core/error.h"
#include "http/json_body.h"

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

// The report, if it exists and lies in the user's region (or the user is national).
intake::Report reachable_report(app::Services& s, store::Connection& c, const RequestContext& ctx) {
  auto report = s.intake_reports().find(c, ctx.id_param("id"));
  const accounts::Principal& user = ctx.user();
  if (!report || !intake::in_triage_scope(user, report->input.region_kato)) {
    throw ApiError(ErrorCode::kNotFound);
  }
  if (report->status != "received" && report->status != "in_review") {
    throw ApiError(ErrorCode::kInvalidState);
  }
  return *report;
}

// The files the public attached to the report pass to the agency that owns
// the case it went into: a custody hand-over each, by the accepting user, in
// the same transaction.
void take_in_files(app::Services& s, store::Connection& c, const RequestContext& ctx,
                   std::int64_t report_id, std::int64_t case_owner) {
  s.evidence().take_in_report_files(
      c, report_id, case_owner, {ctx.user().user.id, ctx.user().agency.id, ctx.request.client_ip});
}

bool person_in_scope(app::Services& s, store::Connection& c, const accounts::Principal& user,
                     const people::Person& person) {
  auto owner = s.agencies().find(c, person.agency_id);
  return owner && user.reaches(*owner);
}

struct Chosen {
  people::Person person;
  json possible_duplicates = json::array();
  bool created = false;
};

// The person the client named by id, or a new one from the report's details
// with the known people who may be the same listed beside it.
Chosen choose_person(app::Services& s, store::Connection& c, const RequestContext& ctx,
                     const std::optional<std::int64_t>& id,
                     const std::optional<intake::PersonInvolved>& involved,
                     const std::string& id_field) {
  const accounts::Principal& user = ctx.user();
  if (id) {
    auto person = s.people().find(c, *id);
    if (!person || !person_in_scope(s, c, user, *person)) {
      throw ApiError(ErrorCode::kValidationFailed, id_field);
    }
    return {*person};
  }
  if (!involved || !involved->full_name) throw ApiError(ErrorCode::kMissingField, id_field);
  std::vector<Candidate> reachable;
  for (auto& candidate : s.person_matcher().find(c, involved->iin, involved->full_name)) {
    if (person_in_scope(s, c, user, candidate.person)) reachable.push_back(std::move(candidate));
  }
  people::NewPerson fresh;
  fresh.full_name = *involved->full_name;
  fresh.iin = involved->iin;
  if (!fresh.iin && involved->sex && *involved->sex != "unknown") fresh.sex = involved->sex;
  people::Person person = s.people().create(c, fresh, user.agency.id);
  s.person_matcher().remember(c, person.id, person.full_name);
  return {person, candidates_json(reachable), true};
}

}  // namespace

void register_case_triage_routes(http::Router& router, app::Services& s) {
  router.add(
      Method::kPost, "/api/v1/intake/reports/{id}/accept", Access::need(Permission::kIntakeTriage),
      [&s](RequestContext& ctx) {
        JsonBody body(ctx.request, {"ground", "survivor_person_id", "aggressor_person_id"});
        auto ground = body.optional_string("ground", 64);
        auto survivor_id = body.optional_integer("survivor_person_id");
        auto aggressor_id = body.optional_integer("aggressor_person_id");
        auto connection = s.pool().lease();
        store::Transaction tx(*connection);
        intake::Report report = reachable_report(s, *connection, ctx);
        Chosen survivor = choose_person(s, *connection, ctx, survivor_id, report.input.victim,
                                        "survivor_person_id");
        Chosen aggressor = choose_person(s, *connection, ctx, aggressor_id, report.input.aggressor,
                                         "aggressor_person_id");
        NewCase input;
        input.survivor_person_id = survivor.person.id;
        input.aggressor_person_id = aggressor.person.id;
        // The survivor's own report is her complaint; anyone else's opens a case
        // without one, on a ground the law names.
        input.basis = report.input.reporter_type == "survivor" ? "complaint" : "without_complaint";
        input.ground = ground;
        input.incident_types = report.input.incident_types;
        input.region_kato = report.input.region_kato;
        input.owner_agency_id = ctx.user().agency.id;
        input.report_id = report.id;
        Case opened = s.cases().create(*connection, input, ctx.user().user.id);
        s.intake_reports().mark_accepted(*connection, report.id, opened.id, ctx.user().user.id);
        take_in_files(s, *connection, ctx, report.id, opened.owner_agency_id);
        for (const Chosen* chosen : {&survivor, &aggressor}) {
          if (chosen->created) {
            s.audit().append(*connection,
                             staff_event(ctx, "person.create", "person", chosen->person.id));
          }
        }
        s.audit().append(*connection,
                         staff_event(ctx, "intake_report.accept", "intake_report", report.id));
        s.audit().append(*connection, staff_event(ctx, "case.create", "case", opened.id));
        tx.commit();
        json out = case_json(opened);
        out["survivor"] = person_json(survivor.person);
        out["aggressor"] = person_json(aggressor.person);
        out["possible_duplicates"] = {{"survivor", survivor.possible_duplicates},
                                      {"aggressor", aggressor.possible_duplicates}};
        return HttpResponse::json(201, out);
      });

  router.add(
      Method::kPost, "/api/v1/intake/reports/{id}/merge", Access::need(Permission::kIntakeTriage),
      [&s](RequestContext& ctx) {
        JsonBody body(ctx.request, {"case_id"});
        std::int64_t case_id = body.required_integer("case_id");
        auto connection = s.pool().lease();
        store::Transaction tx(*connection);
        intake::Report report = reachable_report(s, *connection, ctx);
        auto target = s.cases().find(*connection, case_id);
        if (!target || !full_access(s, *connection, ctx.user(), *target)) {
          throw ApiError(ErrorCode::kValidationFailed, "case_id");
        }
        if (target->status == "closed") throw ApiError(ErrorCode::kInvalidState);
        s.intake_reports().mark_accepted(*connection, report.id, case_id, ctx.user().user.id);
        take_in_files(s, *connection, ctx, report.id, target->owner_agency_id);
        s.case_timeline().append_event(*connection, case_id, ctx.user().user.id, "report_merged",
                                       "report " + std::to_string(report.id));
        // A merged report is a new incident in the case: its risk must be assessed again.
        s.risk_assessments().require_reassessment(*connection, case_id, "new_incident",
                                                  ctx.user().user.id);
        s.audit().append(*connection,
                         staff_event(ctx, "intake_report.merge", "intake_report", report.id));
        s.audit().append(*connection, staff_event(ctx, "case.update", "case", case_id));
        tx.commit();
        return HttpResponse::json(
            200, {{"report_id", report.id}, {"status", "accepted"}, {"case_id", case_id}});
      });
}

}  // namespace qorgau::cases
