#include "notify/inbox_channel.h"

#include <nlohmann/json.hpp>

namespace qorgau::notify {

namespace {
constexpr std::string_view kTextField = "notifications.text";
}

void InboxChannel::send(store::Connection& connection, const Delivery& delivery) const {
  nlohmann::json words = {{"subject", delivery.subject}, {"text", delivery.text}};
  connection.execute("UPDATE notifications SET text = $2 WHERE id = $1 AND channel = 'inbox'",
                     {delivery.notification_id, protector_.seal(words.dump(), kTextField)});
}

std::vector<InboxMessage> InboxChannel::messages(store::Connection& connection,
                                                 std::int64_t case_id) const {
  std::vector<InboxMessage> out;
  for (const auto& row : connection.query(
           "SELECT id, kind, urgent, text, last_sent_at, acknowledged_at FROM notifications "
           "WHERE case_id = $1 AND channel = 'inbox' AND text IS NOT NULL ORDER BY id DESC",
           {case_id})) {
    auto words = nlohmann::json::parse(protector_.open(row.bytes(3), kTextField));
    out.push_back({row.integer(0), row.text(1), row.integer(2) != 0,
                   words.at("subject").get<std::string>(), words.at("text").get<std::string>(),
                   row.optional_integer(4).value_or(0), row.optional_integer(5)});
  }
  return out;
}

}  // namespace qorgau::notify
