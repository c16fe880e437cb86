#include "accounts/password_policy.h"

#include <cctype>
#include <string>
#include <unordered_set>

#include "core/embedded.h"
#include "core/error.h"

namespace qorgau::accounts {

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++n;
  }
  return n;
}

const std::unordered_set<std::string>& common_passwords() {
  static const std::unordered_set<std::string> kList = [] {
    std::unordered_set<std::string> set;
    std::string_view text = embedded::resource("common-passwords.lst");
    while (!text.empty()) {
      size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line.rfind("#!comment:", 0) == 0) continue;
      set.insert(lower_ascii(line));
    }
    return set;
  }();
  return kList;
}

}  // namespace

bool is_common_password(std::string_view password) {
  std::string lowered = lower_ascii(password);
  if (common_passwords().count(lowered)) return true;
  // "Password2024!" is "password" with decoration: strip trailing digits and
  // punctuation, then leading ones, and look again.
  auto decoration = [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) ||
           std::ispunct(static_cast<unsigned char>(c));
  };
  while (!lowered.empty() && decoration(lowered.back())) lowered.pop_back();
  size_t start = 0;
  while (start < lowered.size() && decoration(lowered[start])) ++start;
  std::string core = lowered.substr(start);
  return core.size() >= 4 && common_passwords().count(core) > 0;
}

void check_password_policy(std::string_view password, std::string_view username) {
  using core::ApiError;
  using core::ErrorCode;
  size_t length = code_points(password);
  if (length < kMinPasswordLength) throw ApiError(ErrorCode::kPasswordTooShort, "password");
  if (length > kMaxPasswordLength) throw ApiError(ErrorCode::kPasswordTooLong, "password");
  if (username.size() >= 3 &&
      lower_ascii(password).find(lower_ascii(username)) != std::string::npos) {
    throw ApiError(ErrorCode::kPasswordContainsUsername, "password");
  }
  // One character repeated: compare whole code points, so "ққққ..." counts.
  size_t first = 1;
  while (first < password.size() && (static_cast<unsigned char>(password[first]) & 0xc0) == 0x80) {
    ++first;
  }
  bool all_same = password.size() % first == 0;
  for (size_t at = first; all_same && at < password.size(); at += first) {
    all_same = password.compare(at, first, password.substr(0, first)) == 0;
  }
  if (all_same || is_common_password(password)) {
    throw ApiError(ErrorCode::kPasswordTooCommon, "password");
  }
}

}  // namespace qorgau::accounts
