// A way to reach the protected person: e-mail (smtp_channel.h), an SMS gateway
// (sms_gateway_channel.h) or her in-app inbox (inbox_channel.h).
//
// Invariants:
//  - send() either delivers the whole message or throws ChannelError; it
//    never logs the address or the text;
//  - a channel that is not configured throws ChannelError("not_configured")
//    without touching the network, so the caller can retry it later;
//  - network channels are bounded by their timeout; the inbox writes one row
//    on the connection it is given (the caller's transaction).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "scheduler/scheduler.h"
#include "store/database.h"

namespace qorgau::notify {

// A short code for logs and the outbox ("not_configured", "unreachable",
// "refused", "timeout", "bad_reply"), never personal data.
// A JobFailure, so the scheduler records the code as the job's last error.
class ChannelError : public scheduler::JobFailure {
 public:
  explicit ChannelError(std::string code) : scheduler::JobFailure(code), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

struct Delivery {
  std::int64_t notification_id = 0;
  std::string address;  // e-mail or phone; empty for the inbox
  std::string subject;
  std::string text;
};

class Channel {
 public:
  virtual ~Channel() = default;
  // "email", "sms" or "inbox".
  virtual std::string_view code() const = 0;
  virtual bool configured() const = 0;
  // True when send() writes through `connection` (the inbox), so the caller runs it inside the
  // transaction that records the delivery; false when it reaches outside the database, so the
  // caller holds no transaction while it waits on the network.
  virtual bool stores_in_database() const { return false; }
  virtual void send(store::Connection& connection, const Delivery& delivery) const = 0;
};

}  // namespace qorgau::notify
