#include "evidence/evidence.h"

#include <stdexcept>

namespace qorgau::evidence {

namespace {

constexpr const char* kFilenameField = "evidence.filename";
constexpr const char* kNoteField = "evidence_custody.note";
constexpr const char* kColumns =
    "SELECT id, agency_id, attached_to_type, attached_to_id, kind, mime, size, sha256, "
    "filename_enc, uploaded_by, uploaded_at, blob, last_verified_at, last_verified_intact "
    "FROM evidence ";

store::Value optional_value(const std::optional<std::int64_t>& v) {
  return v ? store::Value(*v) : store::Value(nullptr);
}

}  // namespace

std::string_view action_name(CustodyAction action) {
  switch (action) {
    case CustodyAction::kUpload:
      return "upload";
    case CustodyAction::kView:
      return "view";
    case CustodyAction::kDownload:
      return "download";
    case CustodyAction::kVerify:
      return "verify";
    case CustodyAction::kHandover:
      return "handover";
  }
  return "view";
}

bool valid_attachment_type(std::string_view type) {
  return type == "case" || type == "report";
}

Evidence EvidenceStore::read(const store::Row& row) const {
  Evidence e;
  e.id = row.integer(0);
  e.agency_id = row.optional_integer(1);
  e.attached_to_type = row.text(2);
  e.attached_to_id = row.integer(3);
  e.kind = row.text(4);
  e.mime = row.text(5);
  e.size = static_cast<std::uint64_t>(row.integer(6));
  e.sha256 = row.text(7);
  if (auto name = row.optional_bytes(8)) e.filename = protector_.open(*name, kFilenameField);
  e.uploaded_by = row.optional_integer(9);
  e.uploaded_at = row.integer(10);
  e.blob = row.text(11);
  e.last_verified_at = row.optional_integer(12);
  if (auto intact = row.optional_integer(13)) e.last_verified_intact = *intact != 0;
  return e;
}

Evidence EvidenceStore::create(store::Connection& connection, const NewEvidence& n,
                               const Actor& actor) const {
  std::int64_t now = clock_.now_ms();
  store::Value filename = n.filename.empty()
                              ? store::Value(nullptr)
                              : store::Value(protector_.seal(n.filename, kFilenameField));
  auto row = connection.query_one(
      "INSERT INTO evidence (agency_id, attached_to_type, attached_to_id, kind, mime, size, "
      "sha256, filename_enc, uploaded_by, uploaded_at, blob) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
      {optional_value(n.agency_id), n.attached_to_type, n.attached_to_id,
       std::string(kind_name(n.type.kind)), n.type.mime, static_cast<std::int64_t>(n.blob.size),
       n.blob.sha256, filename, optional_value(n.uploaded_by), now, n.blob.name});
  if (!row) throw std::runtime_error("evidence insert returned no id");
  std::int64_t id = row->integer(0);
  record(connection, id, CustodyAction::kUpload, actor);
  auto created = find(connection, id);
  if (!created) throw std::runtime_error("evidence row vanished");
  return *created;
}

std::optional<Evidence> EvidenceStore::find(store::Connection& connection, std::int64_t id) const {
  auto row = connection.query_one(std::string(kColumns) + "WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return read(*row);
}

void EvidenceStore::record(store::Connection& connection, std::int64_t evidence_id,
                           CustodyAction action, const Actor& actor, std::optional<bool> intact,
                           std::optional<std::int64_t> to_agency_id,
                           const std::optional<std::string>& note) const {
  if (action == CustodyAction::kVerify && !intact) {
    throw std::logic_error("a verification needs its result");
  }
  if (action == CustodyAction::kHandover && !to_agency_id) {
    throw std::logic_error("a hand-over needs the receiving agency");
  }
  std::string name(action_name(action));
  bool failed = action == CustodyAction::kVerify && !*intact;
  std::int64_t seq = audit_.append(
      connection, {actor.user_id, actor.agency_id, "evidence." + name, "evidence",
                   std::to_string(evidence_id), actor.source_ip, failed ? "failure" : "success"});
  std::int64_t now = clock_.now_ms();
  store::Value note_value =
      note && !note->empty() ? store::Value(protector_.seal(*note, kNoteField)) : nullptr;
  store::Value intact_value =
      intact ? store::Value(std::int64_t{*intact ? 1 : 0}) : store::Value(nullptr);
  connection.execute(
      "INSERT INTO evidence_custody (evidence_id, at, action, user_id, agency_id, to_agency_id, "
      "intact, note_enc, audit_seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      {evidence_id, now, name, optional_value(actor.user_id), optional_value(actor.agency_id),
       optional_value(to_agency_id), intact_value, note_value, seq});
  if (action == CustodyAction::kVerify) {
    connection.execute(
        "UPDATE evidence SET last_verified_at = $1, last_verified_intact = $2 WHERE id = $3",
        {now, std::int64_t{*intact ? 1 : 0}, evidence_id});
  }
  if (action == CustodyAction::kHandover) {
    connection.execute("UPDATE evidence SET agency_id = $1 WHERE id = $2",
                       {*to_agency_id, evidence_id});
  }
}

std::vector<Evidence> EvidenceStore::for_case(store::Connection& connection,
                                              std::int64_t case_id) const {
  auto rows =
      connection.query(std::string(kColumns) +
                           "WHERE (attached_to_type = 'case' AND attached_to_id = $1) OR "
                           "(attached_to_type = 'report' AND attached_to_id IN "
                           "(SELECT id FROM intake_reports WHERE case_id = $1)) ORDER BY id",
                       {case_id});
  std::vector<Evidence> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(read(row));
  return out;
}

std::vector<Evidence> EvidenceStore::for_report(store::Connection& connection,
                                                std::int64_t report_id) const {
  auto rows = connection.query(std::string(kColumns) +
                                   "WHERE attached_to_type = 'report' AND attached_to_id = $1 "
                                   "ORDER BY id",
                               {report_id});
  std::vector<Evidence> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(read(row));
  return out;
}

std::int64_t EvidenceStore::count_for_report(store::Connection& connection,
                                             std::int64_t report_id) const {
  return connection
      .query_one(
          "SELECT COUNT(*) FROM evidence WHERE attached_to_type = 'report' AND attached_to_id = $1",
          {report_id})
      ->integer(0);
}

std::size_t EvidenceStore::take_in_report_files(store::Connection& connection,
                                                std::int64_t report_id, std::int64_t agency_id,
                                                const Actor& actor) const {
  auto rows = connection.query(
      "SELECT id FROM evidence WHERE attached_to_type = 'report' AND attached_to_id = $1 AND "
      "agency_id IS NULL ORDER BY id",
      {report_id});
  for (const auto& row : rows) {
    record(connection, row.integer(0), CustodyAction::kHandover, actor, std::nullopt, agency_id);
  }
  return rows.size();
}

std::vector<CustodyEvent> EvidenceStore::custody(store::Connection& connection,
                                                 std::int64_t evidence_id) const {
  std::vector<CustodyEvent> out;
  auto rows = connection.query(
      "SELECT id, evidence_id, at, action, user_id, agency_id, to_agency_id, intact, note_enc, "
      "audit_seq FROM evidence_custody WHERE evidence_id = $1 ORDER BY id",
      {evidence_id});
  out.reserve(rows.size());
  for (const auto& row : rows) {
    CustodyEvent e;
    e.id = row.integer(0);
    e.evidence_id = row.integer(1);
    e.at = row.integer(2);
    e.action = row.text(3);
    e.user_id = row.optional_integer(4);
    e.agency_id = row.optional_integer(5);
    e.to_agency_id = row.optional_integer(6);
    if (auto intact = row.optional_integer(7)) e.intact = *intact != 0;
    if (auto note = row.optional_bytes(8)) e.note = protector_.open(*note, kNoteField);
    e.audit_seq = row.integer(9);
    out.push_back(std::move(e));
  }
  return out;
}

std::set<std::string> EvidenceStore::blob_names(store::Connection& connection) const {
  std::set<std::string> names;
  for (const auto& row : connection.query("SELECT blob FROM evidence")) names.insert(row.text(0));
  return names;
}

}  // namespace qorgau::evidence
