// The public help directory: services a survivor can contact (crisis
// centres, family support centres, legal aid, psychologists, medical and
// police units for women's protection), by region and by what she needs.
//
// Invariants:
//  - a service's texts exist in every language (LocalizedText complete);
//  - a crisis centre never has a public address (also a CHECK in the
//    database): where a shelter is must not be findable from the public site;
//  - kinds, needs and languages are codes from the lists below, so the
//    client translates them and filters never match free text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/jurisdiction.h"
#include "core/language.h"
#include "store/database.h"

namespace qorgau::help {

// "crisis_centre", "family_support", "legal_aid", "psychologist", "medical", "police_unit".
const std::vector<std::string_view>& service_kinds();
// "shelter", "children", "disability_access".
const std::vector<std::string_view>& service_needs();
// The filter "24_7" (open day and night) plus service_needs().
const std::vector<std::string_view>& need_filters();
// "kk", "ru", "en".
const std::vector<std::string_view>& language_codes();

// Digits with an optional leading '+' and spaces, dashes or brackets between,
// 3 to 15 digits: "+7 (727) 300-00-00", "111".
bool plausible_phone(std::string_view phone);

struct HelpService {
  std::int64_t id = 0;
  std::string kind;
  core::LocalizedText name;
  std::string region_kato;
  core::LocalizedText locality;
  std::string phone;
  bool hours_24_7 = false;
  core::LocalizedText hours;
  std::vector<std::string> languages;
  std::vector<std::string> needs;
  core::LocalizedText description;
  std::optional<core::LocalizedText> address;  // never for crisis centres
  bool active = true;
};

struct DirectoryFilter {
  std::optional<std::string> region_kato;
  std::optional<std::string> kind;
  std::vector<std::string> needs;  // all must hold; "24_7" means hours_24_7
  std::optional<std::string> language;
};

class HelpDirectory {
 public:
  explicit HelpDirectory(const core::Jurisdiction& jurisdiction) : jurisdiction_(jurisdiction) {}

  // Throws core::ApiError(kValidationFailed, field) for an unknown kind,
  // region, need or language, a phone that is not a phone number, or an
  // address on a crisis centre.
  void validate(const HelpService& service) const;
  HelpService create(store::Connection& connection, const HelpService& service,
                     std::int64_t now_ms) const;
  // Replaces every field but id; false when there is no such service.
  bool update(store::Connection& connection, const HelpService& service, std::int64_t now_ms) const;
  std::optional<HelpService> find(store::Connection& connection, std::int64_t id) const;
  // Active services matching `filter`: open 24/7 first, then by kind, then id.
  std::vector<HelpService> list(store::Connection& connection, const DirectoryFilter& filter) const;

 private:
  const core::Jurisdiction& jurisdiction_;
};

}  // namespace qorgau::help
