#include "audit/audit_log.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string>

namespace qorgau::audit {

namespace {

// Decimal digits of `value`, written without a heap string: canonical() runs for every entry.
std::string_view decimal(std::int64_t value, std::array<char, 24>& buffer) {
  auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  (void)error;  // 24 characters hold any 64-bit integer
  return {buffer.data(), static_cast<size_t>(end - buffer.data())};
}

void put(std::string& out, std::string_view field) {
  std::array<char, 24> digits;
  out += decimal(static_cast<std::int64_t>(field.size()), digits);
  out += ':';
  out += field;
  out += ';';
}

void put(std::string& out, const std::optional<std::int64_t>& value) {
  std::array<char, 24> digits;
  put(out, value ? decimal(*value, digits) : std::string_view("-"));
}

store::Value nullable(const std::optional<std::int64_t>& v) {
  if (v) return *v;
  return nullptr;
}

// Entries written by one INSERT: a statement's start and end (its statement journal, its halt)
// cost more than a row, and a group commit appends a batch of entries at once.
constexpr std::size_t kRowsPerInsert = 32;
constexpr std::size_t kColumns = 10;

// "INSERT INTO audit_log (...) VALUES ($1, ..., $10), ($11, ...)" for `rows` rows (1..32), built
// once each: the text is the prepared-statement cache's key.
const std::string& insert_sql(std::size_t rows) {
  static const std::array<std::string, kRowsPerInsert + 1> statements = [] {
    std::array<std::string, kRowsPerInsert + 1> built;
    for (std::size_t count = 1; count <= kRowsPerInsert; ++count) {
      std::string sql =
          "INSERT INTO audit_log (seq, at, actor_user_id, actor_agency_id, action, object_type, "
          "object_id, source_ip, outcome, hash) VALUES ";
      for (std::size_t row = 0; row < count; ++row) {
        sql += row == 0 ? "(" : ", (";
        for (std::size_t column = 1; column <= kColumns; ++column) {
          if (column > 1) sql += ", ";
          sql += "$" + std::to_string(row * kColumns + column);
        }
        sql += ")";
      }
      built[count] = std::move(sql);
    }
    return built;
  }();
  return statements[rows];
}

constexpr const char* kSelectColumns =
    "SELECT seq, at, actor_user_id, actor_agency_id, action, object_type, object_id, source_ip, "
    "outcome, hash FROM audit_log ";

AuditEntry read_entry(const store::Row& row) {
  AuditEntry e;
  e.seq = row.integer(0);
  e.at_ms = row.integer(1);
  e.event.actor_user_id = row.optional_integer(2);
  e.event.actor_agency_id = row.optional_integer(3);
  e.event.action = row.text(4);
  e.event.object_type = row.text(5);
  e.event.object_id = row.text(6);
  e.event.source_ip = row.text(7);
  e.event.outcome = row.text(8);
  e.hash = row.bytes(9);
  return e;
}

}  // namespace

std::string AuditLog::canonical(std::int64_t seq, std::int64_t at_ms, const AuditEvent& event) {
  std::string out;
  out.reserve(96 + event.action.size() + event.object_type.size() + event.object_id.size() +
              event.source_ip.size() + event.outcome.size());
  out = "audit-v1;";
  put(out, seq);
  put(out, at_ms);
  put(out, event.actor_user_id);
  put(out, event.actor_agency_id);
  put(out, event.action);
  put(out, event.object_type);
  put(out, event.object_id);
  put(out, event.source_ip);
  put(out, event.outcome);
  return out;
}

std::int64_t AuditLog::append(store::Connection& connection, const AuditEvent& event) const {
  return append_all(connection, {&event});
}

std::int64_t AuditLog::append_all(store::Connection& connection,
                                  const std::vector<const AuditEvent*>& events) const {
  auto head = connection.query_one("SELECT seq, hash FROM audit_head WHERE id = 1");
  std::int64_t seq = head ? head->integer(0) : 0;
  if (events.empty()) return seq;
  core::Bytes hash = head ? head->bytes(1) : crypto::HashChain::genesis();
  std::int64_t at = clock_.now_ms();
  std::vector<store::Value> params;
  for (std::size_t first = 0; first < events.size(); first += kRowsPerInsert) {
    std::size_t rows = std::min(kRowsPerInsert, events.size() - first);
    params.clear();
    params.reserve(rows * kColumns);
    for (std::size_t i = first; i < first + rows; ++i) {
      const AuditEvent& event = *events[i];
      ++seq;
      hash = chain_.link(hash, canonical(seq, at, event));
      params.insert(params.end(), {seq, at, nullable(event.actor_user_id),
                                   nullable(event.actor_agency_id), event.action, event.object_type,
                                   event.object_id, event.source_ip, event.outcome, hash});
    }
    connection.execute(insert_sql(rows), params);
  }
  if (head) {
    connection.execute("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1", {seq, hash});
  } else {
    connection.execute("INSERT INTO audit_head (id, seq, hash) VALUES (1, $1, $2)", {seq, hash});
  }
  return seq;
}

std::int64_t AuditLog::record(store::Connection& connection, const AuditEvent& event) const {
  store::Transaction tx(connection);
  std::int64_t seq = append(connection, event);
  tx.commit();
  return seq;
}

std::vector<AuditEntry> AuditLog::list(store::Connection& connection, std::int64_t after,
                                       std::int64_t limit) const {
  std::vector<AuditEntry> out;
  for (const auto& row : connection.query(
           std::string(kSelectColumns) + "WHERE seq > $1 ORDER BY seq LIMIT $2", {after, limit})) {
    out.push_back(read_entry(row));
  }
  return out;
}

VerifyResult AuditLog::verify(store::Connection& connection) const {
  VerifyResult result;
  core::Bytes previous = crypto::HashChain::genesis();
  std::int64_t expected_seq = 1;
  // Rows are read in storage order of seq; reordering shows up as a hash
  // mismatch because each hash covers its own seq and its predecessor.
  for (const auto& row : connection.query(std::string(kSelectColumns) + "ORDER BY seq")) {
    AuditEntry entry = read_entry(row);
    auto broken = [&](std::string reason) {
      result.intact = false;
      result.first_broken_seq = entry.seq;
      result.reason = std::move(reason);
      return result;
    };
    if (entry.seq != expected_seq) {
      result.first_broken_seq = expected_seq;
      result.intact = false;
      result.reason = "entry " + std::to_string(expected_seq) + " is missing";
      return result;
    }
    if (chain_.link(previous, canonical(entry.seq, entry.at_ms, entry.event)) != entry.hash) {
      return broken("entry " + std::to_string(entry.seq) +
                    " does not match its hash: it was edited, moved or forged");
    }
    previous = entry.hash;
    ++expected_seq;
    ++result.entries;
  }
  auto head = connection.query_one("SELECT seq, hash FROM audit_head WHERE id = 1");
  std::int64_t head_seq = head ? head->integer(0) : 0;
  if (head_seq != result.entries || (head && head->bytes(1) != previous)) {
    result.intact = false;
    result.first_broken_seq = result.entries + 1;
    result.reason = "the log ends at entry " + std::to_string(result.entries) +
                    " but its head records entry " + std::to_string(head_seq) +
                    ": entries were removed from the end";
  }
  return result;
}

}  // namespace qorgau::audit
