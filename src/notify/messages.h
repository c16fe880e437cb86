// What a notification says: a subject and a text per kind, detail level and
// language. The words are written here, never taken from the case.
//
// Invariants (messages_test.cc checks every kind x detail x language):
//  - "minimal": neutral words only; no name, no case or order number, no
//    place, no date, nothing from `facts`;
//  - "dates": the same words plus the dates among `facts` whose key is in
//    date_fact_keys() and whose value is a real YYYY-MM-DD day; any other
//    fact is ignored, so a caller cannot slip a name or a place into a text.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/language.h"

namespace qorgau::notify {

// "order_served", "order_expiring", "order_violated", "aggressor_released".
const std::vector<std::string_view>& notification_kinds();
// Urgent kinds are re-sent until she acknowledges them.
bool is_urgent(std::string_view kind);
// "minimal", "dates".
const std::vector<std::string_view>& detail_levels();
// The facts a "dates" text may show: "served_on", "ends_on", "occurred_on", "released_on".
const std::vector<std::string_view>& date_fact_keys();

struct MessageText {
  std::string subject;
  std::string body;
};

// The message of `kind` (one of notification_kinds()) at `detail`, in `language`.
MessageText compose(std::string_view kind, std::string_view detail, core::Language language,
                    const std::map<std::string, std::string>& facts);

}  // namespace qorgau::notify
