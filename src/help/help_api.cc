#include "help/help_api.h"

#include "core/error.h"
#include "http/json_body.h"
#include "http/query.h"

namespace qorgau::help {

using core::ApiError;
using core::ErrorCode;
using http::Access;
using http::HttpResponse;
using http::JsonBody;
using http::localized_json;
using http::Method;
using http::RequestContext;
using nlohmann::json;

namespace {

json service_json(const HelpService& s) {
  return {{"id", s.id},
          {"kind", s.kind},
          {"name", localized_json(s.name)},
          {"region_kato", s.region_kato},
          {"locality", localized_json(s.locality)},
          {"phone", s.phone},
          {"hours_24_7", s.hours_24_7},
          {"hours", localized_json(s.hours)},
          {"languages", s.languages},
          {"needs", s.needs},
          {"description", localized_json(s.description)},
          {"address", s.address ? localized_json(*s.address) : json(nullptr)},
          {"active", s.active}};
}

HelpService service_from(const RequestContext& ctx) {
  JsonBody body(ctx.request, {"kind", "name", "region_kato", "locality", "phone", "hours_24_7",
                              "hours", "languages", "needs", "description", "address", "active"});
  HelpService s;
  s.kind = body.required_string("kind", 40);
  s.name = body.required_localized("name", 300);
  s.region_kato = body.required_string("region_kato", 16);
  s.locality = body.required_localized("locality", 200);
  s.phone = body.required_string("phone", 40);
  s.hours_24_7 = body.required_bool("hours_24_7");
  s.hours = body.required_localized("hours", 200);
  s.languages = body.string_list("languages", language_codes());
  s.needs = body.string_list("needs", service_needs());
  s.description = body.required_localized("description", 2000);
  s.address = body.optional_localized("address", 300);
  s.active = body.optional_bool("active").value_or(true);
  return s;
}

audit::AuditEvent service_event(const RequestContext& ctx, std::string action, std::int64_t id) {
  return {ctx.user().user.id, ctx.user().agency.id,  std::move(action), "help_service",
          std::to_string(id), ctx.request.client_ip, "success"};
}

}  // namespace

void register_help_routes(http::Router& router, app::Services& s) {
  router.add(Method::kGet, "/api/v1/help/services", Access::public_route(),
             [&s](RequestContext& ctx) {
               DirectoryFilter filter;
               filter.region_kato = http::query_string(ctx.request, "region", 16);
               if (filter.region_kato && !s.jurisdiction().find_region(*filter.region_kato)) {
                 throw ApiError(ErrorCode::kValidationFailed, "region");
               }
               filter.kind = http::query_string(ctx.request, "kind", 40);
               if (filter.kind && std::find(service_kinds().begin(), service_kinds().end(),
                                            *filter.kind) == service_kinds().end()) {
                 throw ApiError(ErrorCode::kValidationFailed, "kind");
               }
               filter.needs = http::query_list(ctx.request, "needs", need_filters());
               filter.language = http::query_string(ctx.request, "language", 2);
               if (filter.language && !core::parse_language(*filter.language)) {
                 throw ApiError(ErrorCode::kValidationFailed, "language");
               }
               auto connection = s.pool().lease();
               json out = json::array();
               for (const HelpService& service : s.help_directory().list(*connection, filter)) {
                 json entry = service_json(service);
                 entry.erase("active");
                 out.push_back(std::move(entry));
               }
               return HttpResponse::json(200, {{"services", out}});
             });

  router.add(Method::kPost, "/api/v1/help/services",
             Access::need(accounts::Permission::kHelpManage), [&s](RequestContext& ctx) {
               HelpService service = service_from(ctx);
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               HelpService created =
                   s.help_directory().create(*connection, service, s.clock().now_ms());
               s.audit().append(*connection, service_event(ctx, "help_service.create", created.id));
               tx.commit();
               return HttpResponse::json(201, service_json(created));
             });

  router.add(Method::kPut, "/api/v1/help/services/{id}",
             Access::need(accounts::Permission::kHelpManage), [&s](RequestContext& ctx) {
               std::int64_t id = ctx.id_param("id");
               HelpService service = service_from(ctx);
               service.id = id;
               auto connection = s.pool().lease();
               store::Transaction tx(*connection);
               if (!s.help_directory().update(*connection, service, s.clock().now_ms())) {
                 throw ApiError(ErrorCode::kNotFound);
               }
               s.audit().append(*connection, service_event(ctx, "help_service.update", id));
               tx.commit();
               return HttpResponse::json(200, service_json(service));
             });

  router.add(
      Method::kGet, "/api/v1/help/rights", Access::public_route(), [&s](RequestContext& ctx) {
        core::Language language = ctx.language;
        if (auto lang = http::query_string(ctx.request, "lang", 2)) {
          auto parsed = core::parse_language(*lang);
          if (!parsed) throw ApiError(ErrorCode::kValidationFailed, "lang");
          language = *parsed;
        }
        json topics = json::array();
        for (const RightsTopic& topic : s.help_rights()) {
          topics.push_back({{"id", topic.id},
                            {"title", topic.title.in(language)},
                            {"summary", topic.summary.in(language)},
                            {"paragraphs", topic.paragraphs(language)},
                            {"verified", topic.verified}});
        }
        return HttpResponse::json(200, {{"language", core::code(language)}, {"topics", topics}});
      });
}

}  // namespace qorgau::help
