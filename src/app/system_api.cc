#include "app/system_api.h"

#include "http/json_body.h"

namespace qorgau::app {

using http::Access;
using http::HttpResponse;
using http::Method;
using nlohmann::json;

void register_system_routes(http::Router& router, Services& services) {
  router.add(Method::kGet, "/api/v1/health", Access::public_route(), [&services](auto&) {
    // Touch the database so "ok" means the storage answers too.
    auto connection = services.pool().lease();
    connection->query_one("SELECT 1");
    return HttpResponse::json(200, {{"status", "ok"},
                                    {"version", QORGAU_VERSION},
                                    {"storage", services.database().engine()},
                                    {"schema_version", services.schema_version()},
                                    {"jurisdiction", services.jurisdiction().code}});
  });

  router.add(Method::kGet, "/api/v1/reference/regions", Access::public_route(), [&services](auto&) {
    json regions = json::array();
    for (const auto& r : services.jurisdiction().regions) {
      regions.push_back({{"kato", r.kato},
                         {"iso_3166_2", r.iso_3166_2},
                         {"kind", r.kind},
                         {"name", http::localized_json(r.name)}});
    }
    return HttpResponse::json(200, {{"regions", regions}});
  });

  router.add(Method::kGet, "/api/v1/reference/emergency-numbers", Access::public_route(),
             [&services](auto&) {
               json numbers = json::array();
               for (const auto& n : services.jurisdiction().emergency_numbers) {
                 numbers.push_back({{"number", n.number},
                                    {"label", http::localized_json(n.label)},
                                    {"verified", n.verified}});
               }
               return HttpResponse::json(200, {{"numbers", numbers}});
             });
}

}  // namespace qorgau::app
