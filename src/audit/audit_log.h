// The audit log: who did what to which record, when, from where, and with
// what outcome. Append-only and hash-chained:
//   - entries are numbered 1, 2, 3, ... without gaps (seq);
//   - entry n stores hash(n) = HashChain.link(hash(n-1), canonical(n)), where
//     canonical(n) encodes every column of the entry unambiguously;
//   - audit_head holds the latest seq and hash, updated in the same
//     transaction as the entry.
// verify() walks the chain and reports the first entry whose hash, number or
// position does not fit. Because the chain is keyed (key file), someone who
// edits the database without the key cannot forge a consistent chain.
//
// Entries hold identifiers and action names, never personal data: an entry
// says "user 7 read person 42", not the person's name.
//
// append() joins the caller's transaction: the audited change and its entry
// commit together or not at all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "crypto/hash_chain.h"
#include "store/database.h"

namespace qorgau::audit {

struct AuditEvent {
  std::optional<std::int64_t> actor_user_id;  // nullopt: the public or the CLI
  std::optional<std::int64_t> actor_agency_id;
  std::string action;       // "session.login", "person.read", "user.create" ...
  std::string object_type;  // "user", "person", "agency", "audit" ...
  std::string object_id;    // an id, never a name or an IIN
  std::string source_ip;    // the client address, or "cli"
  std::string outcome;      // "success", "denied", "failure"
};

struct AuditEntry {
  std::int64_t seq;
  std::int64_t at_ms;
  AuditEvent event;
  core::Bytes hash;
};

struct VerifyResult {
  bool intact = true;
  std::int64_t entries = 0;
  std::optional<std::int64_t> first_broken_seq;
  std::string reason;  // empty when intact
};

class AuditLog {
 public:
  AuditLog(const crypto::HashChain& chain, const core::Clock& clock)
      : chain_(chain), clock_(clock) {}

  // Appends within the open transaction on `connection`; returns the seq.
  std::int64_t append(store::Connection& connection, const AuditEvent& event) const;
  // Appends `events` in order within the open transaction, reading and updating the head once
  // for all of them; returns the last seq (the head's, unchanged, for none).
  std::int64_t append_all(store::Connection& connection,
                          const std::vector<const AuditEvent*>& events) const;
  // Appends in a transaction of its own (for events that change nothing else).
  std::int64_t record(store::Connection& connection, const AuditEvent& event) const;

  // Entries with seq > after, oldest first, at most `limit`.
  std::vector<AuditEntry> list(store::Connection& connection, std::int64_t after,
                               std::int64_t limit) const;

  VerifyResult verify(store::Connection& connection) const;

  // The bytes hashed for an entry (exposed for tests).
  static std::string canonical(std::int64_t seq, std::int64_t at_ms, const AuditEvent& event);

 private:
  const crypto::HashChain& chain_;
  const core::Clock& clock_;
};

}  // namespace qorgau::audit
