#include "help/poster_api.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/error.h"
#include "core/printable_text.h"
#include "help/poster.h"

namespace qorgau::help {

using core::ApiError;
using core::ErrorCode;
using core::LocalizedText;
using http::Access;
using http::HttpResponse;
using http::Method;
using http::RequestContext;

namespace {

constexpr std::size_t kMaxInstitutionCharacters = 120;

// The poster's own texts (kk, ru, en). The heading addresses everyone (Russian "Вы не одни", not
// the feminine "одна"): the poster hangs in schools and clinics too.
const LocalizedText kHeading{"Сіз жалғыз емессіз", "Вы не одни", "You are not alone"};
const LocalizedText kLead{"Үйдегі зорлық-зомбылық — сіздің кінәңіз емес. Көмек жақын.",
                          "Насилие дома — не ваша вина. Помощь рядом.",
                          "Violence at home is not your fault. Help is near."};
const LocalizedText kNumbersTitle{"Көмек керек болса, қоңырау шалыңыз",
                                  "Если нужна помощь, звоните", "If you need help, call"};
const LocalizedText kQrCaption{"Жақын маңдағы көмекті табу үшін кодты сканерлеңіз",
                               "Отсканируйте код, чтобы найти помощь рядом",
                               "Scan the code to find help near you"};
const LocalizedText kFreeCalls{"111 және 150 нөмірлеріне қоңырау шалу тегін.",
                               "Звонки на 111 и 150 бесплатные.", "Calls to 111 and 150 are free."};

const std::string* query(const RequestContext& ctx, const std::string& name) {
  auto it = ctx.request.query.find(name);
  return it == ctx.request.query.end() ? nullptr : &it->second;
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// "example.org", "127.0.0.1:8080", "[::1]:8080": nothing that could change the URL's meaning.
bool plain_host(std::string_view host) {
  if (host.empty() || host.size() > 255) return false;
  return std::all_of(host.begin(), host.end(), [](char ch) {
    auto c = static_cast<unsigned char>(ch);
    return std::isalnum(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
  });
}

std::string base_url(const app::Services& services, const http::HttpRequest& request) {
  if (!services.config().public_url.empty()) return services.config().public_url;
  const std::string& host = request.header("host");
  if (!plain_host(host)) throw ApiError(ErrorCode::kValidationFailed, "host");
  return "http://" + host;
}

bool has_number(const core::Jurisdiction& jurisdiction, std::string_view number) {
  return std::any_of(jurisdiction.emergency_numbers.begin(), jurisdiction.emergency_numbers.end(),
                     [&](const core::EmergencyNumber& n) { return n.number == number; });
}

HttpResponse poster(const app::Services& services, const RequestContext& ctx) {
  const core::Jurisdiction& jurisdiction = services.jurisdiction();
  const std::string* region_code = query(ctx, "region");
  auto region = std::find_if(
      jurisdiction.regions.begin(), jurisdiction.regions.end(),
      [&](const core::Region& r) { return region_code != nullptr && r.kato == *region_code; });
  if (region == jurisdiction.regions.end()) throw ApiError(ErrorCode::kValidationFailed, "region");

  const std::string* lang = query(ctx, "lang");
  std::optional<core::Language> language = lang ? core::parse_language(*lang) : std::nullopt;
  if (!language) throw ApiError(ErrorCode::kValidationFailed, "lang");
  const core::Language l = *language;

  std::string institution;
  if (const std::string* given = query(ctx, "institution")) {
    std::string_view trimmed = trim_spaces(*given);
    auto characters = core::count_printable(trimmed);
    if (!characters || *characters > kMaxInstitutionCharacters) {
      throw ApiError(ErrorCode::kValidationFailed, "institution");
    }
    institution = std::string(trimmed);
  }

  PosterContent content;
  content.language = std::string(core::code(l));
  content.heading = kHeading.in(l);
  content.lead = kLead.in(l);
  content.region = region->name.in(l);
  content.institution = std::move(institution);
  content.numbers_title = kNumbersTitle.in(l);
  for (const auto& n : jurisdiction.emergency_numbers) {
    content.numbers.push_back({n.number, n.label.in(l)});
  }
  content.qr_caption = kQrCaption.in(l);
  content.url = base_url(services, ctx.request) + "/help?region=" + region->kato;
  // The line names 111 and 150, so it is printed only where those numbers are the help lines.
  if (has_number(jurisdiction, "111") && has_number(jurisdiction, "150")) {
    content.footer = kFreeCalls.in(l);
  }

  HttpResponse response;
  response.content_type = "application/pdf";
  response.body = render_poster(content);
  response.headers.emplace_back(
      "Content-Disposition",
      "attachment; filename=\"qorgau-poster-" + region->kato + "-" + content.language + ".pdf\"");
  return response;
}

}  // namespace

void register_poster_routes(http::Router& router, app::Services& services) {
  router.add(Method::kGet, "/api/v1/help/poster.pdf", Access::public_route(),
             [&services](RequestContext& ctx) { return poster(services, ctx); });
}

}  // namespace qorgau::help
