#include "orders/orders_api.h"

#include <algorithm>
#include <exception>
#include <functional>

#include <spdlog/spdlog.h>

#include "accounts/display_names.h"
#include "cases/case_access.h"
#include "cases/case_query.h"
#include "cases/route_audit.h"
#include "core/calendar_day.h"
#include "core/error.h"
#include "core/iin.h"
#include "http/json_body.h"
#include "http/json_writer.h"
#include "http/nullable_json.h"
#include "http/query.h"
#include "orders/order_jobs.h"
#include "orders/verification_index.h"
#include "risk/level.h"

namespace qorgau::orders {

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

constexpr size_t kMaxEvidencePerViolation = 20;
constexpr std::int64_t kMaxListed = 500;
constexpr std::int64_t kMaxExpiringWithinDays = 366;

json conditions_json(const std::vector<Condition>& conditions) {
  json out = json::array();
  for (const Condition& c : conditions) {
    json item = json::object();
    item["code"] = c.code;
    if (c.metres) item["metres"] = *c.metres;
    if (c.places) item["places"] = *c.places;
    out.push_back(std::move(item));
  }
  return out;
}

// Staff are named as well as numbered (the reader reaches the case in full).
json violation_json(const Violation& v, accounts::DisplayNames& names) {
  return {{"id", v.id},
          {"order_id", v.order_id},
          {"occurred_at", v.occurred_at},
          {"place", v.place},
          {"description", v.description},
          {"evidence_ids", v.evidence_ids},
          {"recorded_at", v.recorded_at},
          {"recorded_by_user_id", http::nullable_json(v.recorded_by_user_id)},
          {"recorded_by_name", http::nullable_json(names.of(v.recorded_by_user_id))}};
}

json follow_up_json(const FollowUp& f) {
  return {
      {"id", f.id},         {"order_id", f.order_id},   {"violation_id", f.violation_id},
      {"kind", f.kind},     {"repeat", f.repeat},       {"arrest_requested", f.arrest_requested},
      {"status", f.status}, {"opened_at", f.opened_at}, {"basis", f.basis}};
}

json order_json(const Order& o, std::int64_t now, accounts::DisplayNames& names) {
  json violations = json::array();
  for (const auto& v : o.violations) violations.push_back(violation_json(v, names));
  json follow_ups = json::array();
  for (const auto& f : o.follow_ups) follow_ups.push_back(follow_up_json(f));
  json attendance = json::array();
  for (const auto& a : o.attendance) {
    attendance.push_back(
        {{"id", a.id},
         {"session_on", a.session_on},
         {"attended", a.attended},
         {"recorded_at", a.recorded_at},
         {"recorded_by_user_id", http::nullable_json(a.recorded_by_user_id)},
         {"recorded_by_name", http::nullable_json(names.of(a.recorded_by_user_id))}});
  }
  json court = nullptr;
  if (o.court) court = {{"name", o.court->name}, {"decision_number", o.court->decision_number}};
  return {{"id", o.id},
          {"number", o.number()},
          {"case_id", o.case_id},
          {"kind", kind_name(o.kind)},
          {"status", o.status(now)},
          {"in_force", o.in_force(now)},
          {"starts_on", core::format_day(o.term.starts_on)},
          {"ends_on", core::format_day(o.term.ends_on)},
          {"starts_at", o.term.starts_at},
          {"ends_at", o.term.ends_at},
          {"conditions", conditions_json(o.conditions)},
          {"protected_contact_route", o.protected_contact_route},
          {"court", court},
          {"issued_at", o.issued_at},
          {"issued_by_user_id", http::nullable_json(o.issued_by_user_id)},
          {"issued_by_name", http::nullable_json(names.of(o.issued_by_user_id))},
          {"served_at", http::nullable_json(o.served_at)},
          {"served_by_user_id", http::nullable_json(o.served_by_user_id)},
          {"served_by_name", http::nullable_json(names.of(o.served_by_user_id))},
          {"extended", o.extended},
          {"revoked_at", http::nullable_json(o.revoked_at)},
          {"revoke_reason", http::nullable_json(o.revoke_reason)},
          {"violations", violations},
          {"follow_ups", follow_ups},
          {"attendance", attendance}};
}

std::chrono::year_month_day required_day(const JsonBody& body, std::string_view field) {
  auto day = core::parse_day(body.required_string(field, 10));
  if (!day) throw ApiError(ErrorCode::kValidationFailed, std::string(field));
  return *day;
}

// A string member of a nested object: 1..max_bytes after trimming.
std::string nested_string(const json& object, const std::string& key, const std::string& field,
                          size_t max_bytes) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) throw ApiError(ErrorCode::kValidationFailed, field);
  std::string value = it->get<std::string>();
  auto first = value.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) throw ApiError(ErrorCode::kValidationFailed, field);
  value = value.substr(first, value.find_last_not_of(" \t\r\n") - first + 1);
  if (value.size() > max_bytes) throw ApiError(ErrorCode::kValidationFailed, field);
  return value;
}

void only_keys(const json& object, std::initializer_list<std::string_view> keys,
               const std::string& field) {
  if (!object.is_object()) throw ApiError(ErrorCode::kValidationFailed, field);
  for (const auto& [key, value] : object.items()) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      std::string name = field;
      name.append(".").append(key);
      throw ApiError(ErrorCode::kUnknownField, name);
    }
  }
}

// [{"code", "metres"?, "places"?}]: shapes only; the kind's rules are OrderStore's.
std::vector<Condition> read_conditions(const JsonBody& body) {
  const json& all = body.json();
  auto it = all.find("conditions");
  if (it == all.end() || !it->is_array()) {
    throw ApiError(ErrorCode::kValidationFailed, "conditions");
  }
  std::vector<Condition> out;
  for (const json& item : *it) {
    only_keys(item, {"code", "metres", "places"}, "conditions");
    Condition c{nested_string(item, "code", "conditions", 64), std::nullopt, std::nullopt};
    if (item.contains("metres")) {
      if (!item["metres"].is_number_integer()) {
        throw ApiError(ErrorCode::kValidationFailed, "conditions");
      }
      c.metres = item["metres"].get<std::int64_t>();
    }
    if (item.contains("places"))
      c.places = nested_string(item, "places", "conditions", kMaxTextBytes);
    out.push_back(std::move(c));
  }
  return out;
}

std::optional<Court> read_court(const JsonBody& body) {
  auto it = body.json().find("court");
  if (it == body.json().end() || it->is_null()) return std::nullopt;
  only_keys(*it, {"name", "decision_number"}, "court");
  return Court{nested_string(*it, "name", "court.name", 300),
               nested_string(*it, "decision_number", "court.decision_number", 300)};
}

std::vector<std::int64_t> read_evidence_ids(const JsonBody& body) {
  auto it = body.json().find("evidence_ids");
  if (it == body.json().end() || it->is_null()) return {};
  if (!it->is_array() || it->size() > kMaxEvidencePerViolation) {
    throw ApiError(ErrorCode::kValidationFailed, "evidence_ids");
  }
  std::vector<std::int64_t> ids;
  for (const json& id : *it) {
    if (!id.is_number_integer() || id.get<std::int64_t>() <= 0 ||
        std::find(ids.begin(), ids.end(), id.get<std::int64_t>()) != ids.end()) {
      throw ApiError(ErrorCode::kValidationFailed, "evidence_ids");
    }
    ids.push_back(id.get<std::int64_t>());
  }
  return ids;
}

// A change to an order whose case the user reaches: the change, its audit entry, one
// transaction.
template <typename Change>
HttpResponse change_order(app::Services& s, RequestContext& ctx, const std::string& action,
                          int status, Change change) {
  auto connection = s.pool().lease();
  store::Transaction tx(*connection);
  std::int64_t id = ctx.id_param("id");
  auto order = s.orders().find(*connection, id);
  if (!order) throw ApiError(ErrorCode::kNotFound);
  cases::full_case(s, *connection, ctx.user(), order->case_id);
  Order changed = change(*connection, id);
  s.audit().append(*connection, cases::staff_event(ctx, action, "order", std::to_string(id)));
  tx.commit();
  accounts::DisplayNames names(s.users(), *connection);
  return HttpResponse::json(status, order_json(changed, s.clock().now_ms(), names));
}

HttpResponse issue(app::Services& s, RequestContext& ctx) {
  JsonBody body(ctx.request, {"kind", "starts_on", "duration_days", "duration_months", "conditions",
                              "protected_contact_route", "court"});
  NewOrder input;
  auto kind = parse_kind(body.required_string("kind", 64));
  if (!kind) throw ApiError(ErrorCode::kValidationFailed, "kind");
  input.kind = *kind;
  input.starts_on = required_day(body, "starts_on");
  input.duration_days = body.optional_integer("duration_days");
  input.duration_months = body.optional_integer("duration_months");
  input.conditions = read_conditions(body);
  input.protected_contact_route = body.required_string("protected_contact_route", kMaxTextBytes);
  input.court = read_court(body);
  auto connection = s.pool().lease();
  store::Transaction tx(*connection);
  cases::Case found = cases::full_case(s, *connection, ctx.user(), ctx.id_param("id"));
  Order created = s.orders().create(*connection, found, input, ctx.user().user.id);
  s.audit().append(*connection,
                   cases::staff_event(ctx, "order.issue", "order", std::to_string(created.id)));
  tx.commit();
  accounts::DisplayNames names(s.users(), *connection);
  return HttpResponse::json(201, order_json(created, s.clock().now_ms(), names));
}

HttpResponse case_orders(app::Services& s, RequestContext& ctx) {
  auto connection = s.pool().lease();
  cases::Case found = cases::full_case(s, *connection, ctx.user(), ctx.id_param("id"));
  std::int64_t now = s.clock().now_ms();
  json out = json::array();
  accounts::DisplayNames names(s.users(), *connection);
  for (const Order& o : s.orders().for_case(*connection, found.id)) {
    out.push_back(order_json(o, now, names));
  }
  s.audit().record(*connection,
                   cases::staff_event(ctx, "order.list", "case", std::to_string(found.id)));
  return HttpResponse::json(200, {{"orders", out}});
}

// Holds a reply until its audit entry has been committed by the group committer, without
// keeping a thread waiting (HttpResponse::hold): the reply is never sent unaudited.
std::function<void(std::function<void(bool)>)> hold_until_audited(app::Services& s,
                                                                  audit::AuditEvent entry) {
  return [&s, entry = std::move(entry)](const std::function<void(bool)>& resume) {
    s.audit_queue().submit(entry, [action = entry.action, resume](const std::exception_ptr& error) {
      if (error) {
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& e) {
          spdlog::error("{}: audit entry not stored: {}", action, e.what());
        } catch (...) {
          spdlog::error("{}: audit entry not stored", action);
        }
      }
      resume(!error);
    });
  };
}

// Runs on the event loop (Router::add_nonblocking): validation, a lookup in memory (or one
// indexed read), decryption.
HttpResponse verify(app::Services& s, RequestContext& ctx) {
  JsonBody body(ctx.request, {"iin", "full_name", "birth_date"});
  auto iin = body.optional_string("iin", 32);
  auto full_name = body.optional_string("full_name", 300);
  auto birth_date = body.optional_string("birth_date", 10);
  const crypto::Protector& protector = s.protector();
  std::int64_t now = s.clock().now_ms();
  core::Bytes key;
  if (iin) {
    if (full_name || birth_date) throw ApiError(ErrorCode::kValidationFailed, "full_name");
    if (!core::check_iin(*iin, s.jurisdiction().zone->local_date(now)).ok()) {
      throw ApiError(ErrorCode::kInvalidIin, "iin");
    }
    key = respondent_iin_key(protector, *iin);
  } else {
    if (!full_name) throw ApiError(ErrorCode::kValidationFailed, birth_date ? "full_name" : "iin");
    if (!birth_date || !core::parse_day(*birth_date)) {
      throw ApiError(ErrorCode::kValidationFailed, "birth_date");
    }
    key = respondent_name_birth_key(protector, *full_name, *birth_date);
  }
  // From memory when the index is current for the orders epoch this request read (it always
  // is, for a route with a principal); otherwise from the database.
  std::vector<VerifiedOrder> found;
  auto key_kind = iin ? VerificationIndex::Key::kIin : VerificationIndex::Key::kNameBirth;
  auto sealed = ctx.epochs
                    ? s.order_verification_index().find(key_kind, key, ctx.epochs->orders, now)
                    : std::nullopt;
  if (sealed) {
    found = s.orders().open_in_force(*sealed);
  } else {
    auto connection = s.pool().lease();
    found = iin ? s.orders().in_force_by_iin(*connection, key)
                : s.orders().in_force_by_name_birth(*connection, key);
  }
  // Written with JsonWriter, keys in sorted order (the document nlohmann::json would give):
  // this answer is the hottest in the server.
  std::string shown;
  http::JsonWriter out;
  out.begin_object();
  out.key("checked_at").value(now);
  out.key("orders").begin_array();
  for (const VerifiedOrder& o : found) {
    shown += (shown.empty() ? "" : ",") + std::to_string(o.id);
    out.begin_object();
    out.key("conditions").begin_array();
    for (const Condition& c : o.conditions) {
      out.begin_object().key("code").value(c.code);
      if (c.metres) out.key("metres").value(*c.metres);
      if (c.places) out.key("places").value(*c.places);
      out.end_object();
    }
    out.end_array();
    out.key("ends_on").value(o.ends_on);
    out.key("id").value(o.id);
    out.key("kind").value(kind_name(o.kind));
    out.key("number").value(o.number());
    out.key("protected_contact_route").value(o.protected_contact_route);
    out.key("starts_on").value(o.starts_on);
    out.key("status").value(o.violated ? "violated" : "active");
    out.end_object();
  }
  out.end_array();
  out.key("under_active_order").value(!found.empty());
  out.end_object();
  HttpResponse response;
  response.body = out.take();
  response.hold = hold_until_audited(
      s, cases::staff_event(ctx, "orders.verify", "order", shown.empty() ? "none" : shown));
  return response;
}

HttpResponse record_violation(app::Services& s, RequestContext& ctx) {
  JsonBody body(ctx.request, {"occurred_at", "place", "description", "evidence_ids"});
  NewViolation input;
  input.occurred_at = body.required_integer("occurred_at");
  input.place = body.required_string("place", kMaxTextBytes);
  input.description = body.required_string("description", kMaxTextBytes);
  input.evidence_ids = read_evidence_ids(body);
  std::int64_t id = ctx.id_param("id");
  auto connection = s.pool().lease();
  store::Transaction tx(*connection);
  auto order = s.orders().find(*connection, id);
  if (!order) throw ApiError(ErrorCode::kNotFound);
  for (std::int64_t evidence_id : input.evidence_ids) {
    auto evidence = s.evidence().find(*connection, evidence_id);
    if (!evidence || evidence->attached_to_type != "case" ||
        evidence->attached_to_id != order->case_id) {
      throw ApiError(ErrorCode::kValidationFailed, "evidence_ids");
    }
  }
  ViolationResult result = s.orders().record_violation(*connection, id, input, ctx.user().user.id);
  // The breach raises the case's risk one step and makes a re-assessment due now.
  s.risk_assessments().escalate(*connection, order->case_id, "order_violation", ctx.user().user.id);
  after_violation(s, *connection, *order, input.occurred_at);
  auto risk = s.risk_assessments().current(*connection, order->case_id);
  if (!risk) throw std::runtime_error("orders: no risk level after an escalation");
  s.audit().append(*connection,
                   cases::staff_event(ctx, "order.violation", "order", std::to_string(id)));
  tx.commit();
  accounts::DisplayNames names(s.users(), *connection);
  return HttpResponse::json(201, {{"violation", violation_json(result.violation, names)},
                                  {"follow_up", follow_up_json(result.follow_up)},
                                  {"risk_level", risk::level_name(risk->level)}});
}

HttpResponse list_orders(app::Services& s, RequestContext& ctx) {
  std::int64_t now = s.clock().now_ms();
  cases::CaseQuery q;
  q.sql =
      "SELECT o.id, o.case_id, cases.case_number, o.kind, o.ends_on, o.ends_at, "
      "o.served_at IS NOT NULL, o.revoked_at IS NOT NULL, o.violated FROM orders o "
      "JOIN cases ON cases.id = o.case_id JOIN agencies owner ON owner.id = cases.owner_agency_id "
      "LEFT JOIN agencies assigned ON assigned.id = cases.assigned_agency_id WHERE 1 = 1";
  cases::restrict_to_scope(q, ctx.user());
  if (auto status = http::query_string(ctx.request, "status", 16)) {
    const auto& statuses = order_statuses();
    if (*status == "in_force") {
      std::string p = q.bind(now);
      q.sql += " AND o.revoked_at IS NULL AND o.served_at IS NOT NULL AND o.starts_at <= " + p +
               " AND o.ends_at > " + p;
    } else if (std::find(statuses.begin(), statuses.end(), *status) != statuses.end()) {
      q.sql += " AND " + status_predicate(*status, [&] { return q.bind(now); });
    } else {
      throw ApiError(ErrorCode::kValidationFailed, "status");
    }
  }
  if (auto days =
          http::query_integer(ctx.request, "expiring_within_days", 0, kMaxExpiringWithinDays)) {
    q.sql += " AND o.ends_at > " + q.bind(now) +
             " AND o.ends_at <= " + q.bind(now + *days * 24LL * 60 * 60 * 1000);
  }
  if (auto region = http::query_string(ctx.request, "region", 16)) {
    if (!s.jurisdiction().find_region(*region)) {
      throw ApiError(ErrorCode::kValidationFailed, "region");
    }
    q.sql += " AND cases.region_kato = " + q.bind(*region);
  }
  q.sql += " ORDER BY o.ends_at, o.id LIMIT " + std::to_string(kMaxListed);
  auto today = std::chrono::sys_days(s.jurisdiction().zone->local_date(now));
  auto connection = s.pool().lease();
  json out = json::array();
  for (const auto& row : connection->query(q.sql, q.params)) {
    auto ends_on = core::parse_day(row.text(4));
    out.push_back({{"id", row.integer(0)},
                   {"number", order_number(row.integer(0))},
                   {"case_id", row.integer(1)},
                   {"case_number", row.text(2)},
                   {"kind", row.text(3)},
                   {"status", derive_status(row.integer(6) != 0, row.integer(7) != 0,
                                            row.integer(8) != 0, row.integer(5), now)},
                   {"ends_on", row.text(4)},
                   {"ends_at", row.integer(5)},
                   {"days_left", ends_on ? (std::chrono::sys_days(*ends_on) - today).count() : 0}});
  }
  s.audit().record(*connection, cases::staff_event(ctx, "order.list", "order", "list"));
  return HttpResponse::json(200, {{"orders", out}});
}

}  // namespace

void register_order_routes(http::Router& router, app::Services& s) {
  router.add(Method::kPost, "/api/v1/cases/{id}/orders", Access::need(Permission::kOrdersWrite),
             [&s](RequestContext& ctx) { return issue(s, ctx); });
  router.add(Method::kGet, "/api/v1/cases/{id}/orders", Access::need(Permission::kCasesRead),
             [&s](RequestContext& ctx) { return case_orders(s, ctx); });
  router.add(Method::kGet, "/api/v1/orders", Access::need(Permission::kCasesRead),
             [&s](RequestContext& ctx) { return list_orders(s, ctx); });
  router.add_nonblocking(Method::kPost, "/api/v1/orders/verify",
                         Access::need(Permission::kOrdersVerify),
                         [&s](RequestContext& ctx) { return verify(s, ctx); });
  // Any officer who may verify records the violation they found (orders.write holders all
  // have orders.verify).
  router.add(Method::kPost, "/api/v1/orders/{id}/violations",
             Access::need(Permission::kOrdersVerify),
             [&s](RequestContext& ctx) { return record_violation(s, ctx); });
  router.add(Method::kPost, "/api/v1/orders/{id}/serve", Access::need(Permission::kOrdersWrite),
             [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"served_at"});
               auto served_at = body.optional_integer("served_at");
               return change_order(
                   s, ctx, "order.serve", 200, [&](store::Connection& c, std::int64_t id) {
                     Order served = s.orders().serve(c, id, served_at, ctx.user().user.id);
                     after_served(s, c, served);
                     return served;
                   });
             });
  router.add(Method::kPost, "/api/v1/orders/{id}/extend", Access::need(Permission::kOrdersWrite),
             [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"ends_on"});
               auto ends_on = required_day(body, "ends_on");
               return change_order(
                   s, ctx, "order.extend", 200, [&](store::Connection& c, std::int64_t id) {
                     Order extended = s.orders().extend(c, id, ends_on, ctx.user().user.id);
                     after_extended(s, c, extended);
                     return extended;
                   });
             });
  router.add(Method::kPost, "/api/v1/orders/{id}/revoke", Access::need(Permission::kOrdersWrite),
             [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"reason"});
               std::string reason = body.required_string("reason", 32);
               return change_order(
                   s, ctx, "order.revoke", 200, [&](store::Connection& c, std::int64_t id) {
                     Order revoked = s.orders().revoke(c, id, reason, ctx.user().user.id);
                     after_revoked(s, c, revoked);
                     return revoked;
                   });
             });
  router.add(Method::kPost, "/api/v1/orders/{id}/attendance",
             Access::need(Permission::kOrdersWrite), [&s](RequestContext& ctx) {
               JsonBody body(ctx.request, {"session_on", "attended"});
               auto session_on = required_day(body, "session_on");
               bool attended = body.required_bool("attended");
               return change_order(
                   s, ctx, "order.attendance", 201, [&](store::Connection& c, std::int64_t id) {
                     s.orders().record_attendance(c, id, session_on, attended, ctx.user().user.id);
                     return *s.orders().find(c, id);
                   });
             });
}

}  // namespace qorgau::orders
