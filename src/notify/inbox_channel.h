// The in-app inbox: delivering writes the message's words, encrypted
// ("notifications.text"), into its own outbox row, in the scheduler job's
// transaction, so an inbox delivery happens exactly once. She reads the rows
// with her inbox code and secret (notify_api.cc).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "crypto/protector.h"
#include "notify/channel.h"

namespace qorgau::notify {

struct InboxMessage {
  std::int64_t id = 0;
  std::string kind;
  bool urgent = false;
  std::string subject;
  std::string text;
  std::int64_t sent_at = 0;
  std::optional<std::int64_t> acknowledged_at;
};

class InboxChannel : public Channel {
 public:
  explicit InboxChannel(const crypto::Protector& protector) : protector_(protector) {}

  std::string_view code() const override { return "inbox"; }
  bool configured() const override { return true; }
  void send(store::Connection& connection, const Delivery& delivery) const override;
  bool stores_in_database() const override { return true; }

  // The delivered inbox messages of a case, newest first.
  std::vector<InboxMessage> messages(store::Connection& connection, std::int64_t case_id) const;

 private:
  const crypto::Protector& protector_;
};

}  // namespace qorgau::notify
