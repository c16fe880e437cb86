#include "notify/consents.h"

#include <algorithm>
#include <cctype>

#include "core/error.h"
#include "notify/messages.h"

namespace qorgau::notify {

using core::ApiError;
using core::ErrorCode;
using nlohmann::json;

namespace {

constexpr std::string_view kChannelsField = "notification_consents.channels";
constexpr std::size_t kMaxEmailBytes = 254;

const core::Bytes& dummy_hash() {
  static const core::Bytes kDummy(32, 0);
  return kDummy;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool email_local_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("!#$%&'*+/=?^_`{|}~.-").find(c) != std::string_view::npos;
}

ChannelAddress parse_channel(const json& item, const std::string& where) {
  if (!item.is_object()) throw ApiError(ErrorCode::kWrongType, where);
  for (const auto& entry : item.items()) {
    if (entry.key() != "channel" && entry.key() != "address") {
      std::string field = where;
      field += ".";
      field += entry.key();
      throw ApiError(ErrorCode::kUnknownField, field);
    }
  }
  auto channel = item.find("channel");
  if (channel == item.end()) throw ApiError(ErrorCode::kMissingField, where + ".channel");
  if (!channel->is_string()) throw ApiError(ErrorCode::kWrongType, where + ".channel");
  ChannelAddress out{channel->get<std::string>(), ""};
  const auto& codes = channel_codes();
  if (std::find(codes.begin(), codes.end(), out.channel) == codes.end()) {
    throw ApiError(ErrorCode::kValidationFailed, where + ".channel");
  }
  auto address = item.find("address");
  const std::string address_field = where + ".address";
  if (out.channel == "inbox") {
    if (address != item.end()) throw ApiError(ErrorCode::kValidationFailed, address_field);
    return out;
  }
  if (address == item.end()) throw ApiError(ErrorCode::kMissingField, address_field);
  if (!address->is_string()) throw ApiError(ErrorCode::kWrongType, address_field);
  const std::string typed = address->get<std::string>();
  auto normalized = out.channel == "email" ? normalize_email(typed) : normalize_phone(typed);
  if (!normalized) throw ApiError(ErrorCode::kValidationFailed, address_field);
  out.address = *normalized;
  return out;
}

}  // namespace

const std::vector<std::string_view>& channel_codes() {
  static const std::vector<std::string_view> kCodes = {"email", "sms", "inbox"};
  return kCodes;
}

const ChannelAddress* Consent::channel(std::string_view code) const {
  for (const auto& c : choice.channels) {
    if (c.channel == code) return &c;
  }
  return nullptr;
}

bool Consent::covers(std::string_view kind) const {
  return std::find(choice.kinds.begin(), choice.kinds.end(), kind) != choice.kinds.end();
}

std::optional<std::string> normalize_email(std::string_view typed) {
  std::string text(typed);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.erase(0, 1);
  auto at = text.find('@');
  if (text.size() > kMaxEmailBytes || at == std::string::npos || at == 0 || at > 64 ||
      text.find('@', at + 1) != std::string::npos) {
    return std::nullopt;
  }
  std::string local = text.substr(0, at);
  std::string domain = text.substr(at + 1);
  if (!std::all_of(local.begin(), local.end(), email_local_char) || local.front() == '.' ||
      local.back() == '.' || local.find("..") != std::string::npos) {
    return std::nullopt;
  }
  // Domain: dot-separated labels of letters, digits and inner hyphens; at least two labels.
  std::size_t labels = 0;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = domain.find('.', start);
    std::string label = domain.substr(start, end == std::string::npos ? end : end - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-' ||
        !std::all_of(label.begin(), label.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
        })) {
      return std::nullopt;
    }
    ++labels;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  if (labels < 2) return std::nullopt;
  std::transform(domain.begin(), domain.end(), domain.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  return local + "@" + domain;
}

std::optional<std::string> normalize_phone(std::string_view typed) {
  std::string digits;
  bool plus = false;
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '(' || c == ')') continue;
    if (c == '+' && digits.empty() && !plus) {
      plus = true;
    } else if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else {
      return std::nullopt;
    }
  }
  if (!plus || digits.size() < 10 || digits.size() > 15 || digits.front() == '0') {
    return std::nullopt;
  }
  return "+" + digits;
}

ConsentInput parse_consent(const http::JsonBody& body, core::Language default_language) {
  ConsentInput input;
  const json& root = body.json();
  auto channels = root.find("channels");
  if (channels == root.end()) throw ApiError(ErrorCode::kMissingField, "channels");
  if (!channels->is_array()) throw ApiError(ErrorCode::kWrongType, "channels");
  if (channels->empty() || channels->size() > channel_codes().size()) {
    throw ApiError(ErrorCode::kValidationFailed, "channels");
  }
  for (std::size_t i = 0; i < channels->size(); ++i) {
    std::string where = "channels[" + std::to_string(i) + "]";
    ChannelAddress parsed = parse_channel((*channels)[i], where);
    for (const auto& earlier : input.channels) {
      if (earlier.channel == parsed.channel) {
        throw ApiError(ErrorCode::kValidationFailed, where + ".channel");
      }
    }
    input.channels.push_back(std::move(parsed));
  }
  if (!root.contains("kinds")) throw ApiError(ErrorCode::kMissingField, "kinds");
  input.kinds = body.string_list("kinds", notification_kinds());
  if (input.kinds.empty()) throw ApiError(ErrorCode::kValidationFailed, "kinds");
  input.detail = body.required_string("detail", 16);
  const auto& levels = detail_levels();
  if (std::find(levels.begin(), levels.end(), input.detail) == levels.end()) {
    throw ApiError(ErrorCode::kValidationFailed, "detail");
  }
  input.language = default_language;
  if (auto language = body.optional_string("language", 8)) {
    auto parsed = core::parse_language(*language);
    if (!parsed) throw ApiError(ErrorCode::kValidationFailed, "language");
    input.language = *parsed;
  }
  return input;
}

SavedConsent ConsentStore::save(store::Connection& connection, std::int64_t case_id,
                                const ConsentInput& input,
                                std::optional<std::int64_t> user_id) const {
  SavedConsent saved;
  saved.consent.case_id = case_id;
  saved.consent.choice = input;
  saved.consent.recorded_at = clock_.now_ms();
  saved.consent.recorded_by_user_id = user_id;
  bool wants_inbox = saved.consent.channel("inbox") != nullptr;
  auto previous = connection.query_one(
      "SELECT inbox_code, inbox_secret_hash FROM notification_consents WHERE case_id = $1",
      {case_id});
  std::optional<std::string> code;
  std::optional<core::Bytes> hash;
  if (wants_inbox && previous && !previous->is_null(0)) {
    code = previous->text(0);
    hash = previous->bytes(1);
  } else if (wants_inbox) {
    code = intake::Receipts::new_code();
    std::string secret = intake::Receipts::new_secret();
    hash = receipts_.hash(*code, secret);
    saved.inbox_secret = std::move(secret);
  }
  saved.consent.inbox_code = code;
  json channels = json::array();
  std::vector<std::string> codes;
  for (const auto& c : input.channels) {
    channels.push_back({{"channel", c.channel}, {"address", c.address}});
    codes.push_back(c.channel);
  }
  std::vector<store::Value> params = {case_id,
                                      protector_.seal(channels.dump(), kChannelsField),
                                      join(codes),
                                      join(input.kinds),
                                      input.detail,
                                      std::string(core::code(input.language)),
                                      nullptr,
                                      nullptr,
                                      saved.consent.recorded_at,
                                      nullptr};
  if (code) params[6] = *code;
  if (hash) params[7] = *hash;
  if (user_id) params[9] = *user_id;
  connection.execute("DELETE FROM notification_consents WHERE case_id = $1", {case_id});
  connection.execute(
      "INSERT INTO notification_consents (case_id, channels, channel_codes, kinds, detail, "
      "language, inbox_code, inbox_secret_hash, recorded_at, recorded_by_user_id) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
      params);
  return saved;
}

std::optional<Consent> ConsentStore::find(store::Connection& connection,
                                          std::int64_t case_id) const {
  auto row = connection.query_one(
      "SELECT channels, kinds, detail, language, inbox_code, recorded_at, recorded_by_user_id "
      "FROM notification_consents WHERE case_id = $1",
      {case_id});
  if (!row) return std::nullopt;
  Consent consent;
  consent.case_id = case_id;
  for (const auto& c : json::parse(protector_.open(row->bytes(0), kChannelsField))) {
    consent.choice.channels.push_back(
        {c.at("channel").get<std::string>(), c.at("address").get<std::string>()});
  }
  consent.choice.kinds = split(row->text(1));
  consent.choice.detail = row->text(2);
  consent.choice.language = core::parse_language(row->text(3)).value_or(core::Language::kKk);
  consent.inbox_code = row->optional_text(4);
  consent.recorded_at = row->integer(5);
  consent.recorded_by_user_id = row->optional_integer(6);
  return consent;
}

bool ConsentStore::withdraw(store::Connection& connection, std::int64_t case_id) const {
  return connection.execute("DELETE FROM notification_consents WHERE case_id = $1", {case_id}) > 0;
}

std::optional<std::int64_t> ConsentStore::case_of_inbox(store::Connection& connection,
                                                        std::string_view code,
                                                        std::string_view secret) const {
  auto canonical = intake::Receipts::normalize_code(code);
  // A malformed code is looked up too (it matches nothing), so it costs the same.
  std::string key = canonical.value_or(std::string(code.substr(0, 64)));
  auto row = connection.query_one(
      "SELECT case_id, inbox_secret_hash FROM notification_consents WHERE inbox_code = $1", {key});
  const core::Bytes& stored = row ? row->bytes(1) : dummy_hash();
  bool ok = receipts_.matches(key, secret, stored);
  if (!row || !ok) return std::nullopt;
  return row->integer(0);
}

}  // namespace qorgau::notify
