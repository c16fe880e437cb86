#include "intake/reports.h"

#include <algorithm>

#include "core/code_list.h"
#include "core/error.h"

namespace qorgau::intake {

using core::ApiError;
using core::ErrorCode;

namespace {

// Encryption contexts and blind-index domains: "intake_reports.<field>".
constexpr const char* kReporterName = "intake_reports.reporter_name";
constexpr const char* kReporterOrganisation = "intake_reports.reporter_organisation";
constexpr const char* kLocality = "intake_reports.locality";
constexpr const char* kDescription = "intake_reports.description";
constexpr const char* kVictimName = "intake_reports.victim_name";
constexpr const char* kVictimIin = "intake_reports.victim_iin";
constexpr const char* kAggressorName = "intake_reports.aggressor_name";
constexpr const char* kAggressorIin = "intake_reports.aggressor_iin";
constexpr const char* kContactPhone = "intake_reports.contact_phone";
constexpr const char* kContactEmail = "intake_reports.contact_email";
constexpr const char* kContactNote = "intake_reports.contact_note";
constexpr const char* kCloseNote = "intake_reports.close_note";
constexpr const char* kUpdateText = "intake_reports.update_text";

constexpr const char* kColumns =
    "SELECT id, receipt_code, status, urgency, reporter_type, reporter_name_enc, "
    "reporter_organisation_enc, incident_types, incident_date, region_kato, locality_enc, "
    "place_type, description_enc, victim_present, victim_name_enc, victim_iin_enc, victim_sex, "
    "victim_age_group, aggressor_present, aggressor_name_enc, aggressor_iin_enc, aggressor_sex, "
    "aggressor_age_group, aggressor_relationship, children_present, immediate_danger, "
    "contact_present, contact_ways, contact_times, contact_phone_enc, contact_email_enc, "
    "contact_language, contact_note_enc, consent, case_id, received_at, reviewed_at, closed_at, "
    "close_reason, close_note_enc FROM intake_reports ";

store::Value text_or_null(const std::optional<std::string>& value) {
  if (!value) return nullptr;
  return *value;
}

store::Value flag_or_null(const std::optional<bool>& value) {
  if (!value) return nullptr;
  return std::int64_t{*value ? 1 : 0};
}

class Fields {
 public:
  explicit Fields(const crypto::Protector& protector) : protector_(protector) {}

  store::Value seal(const std::optional<std::string>& value, const char* field) const {
    if (!value) return nullptr;
    return protector_.seal(*value, field);
  }
  std::optional<std::string> open(const store::Row& row, size_t column, const char* field) const {
    auto bytes = row.optional_bytes(column);
    if (!bytes) return std::nullopt;
    return protector_.open(*bytes, field);
  }

 private:
  const crypto::Protector& protector_;
};

// A dummy stored hash, checked when a code is unknown so that the answer costs the same.
const core::Bytes& dummy_hash() {
  static const core::Bytes kDummy(32, 0);
  return kDummy;
}

}  // namespace

bool in_triage_scope(const accounts::Principal& user, std::string_view region_kato) {
  if (user.role->scope == accounts::Scope::kNational) return true;
  return user.agency.region_kato == region_kato;
}

const std::vector<std::string_view>& report_statuses() {
  static const std::vector<std::string_view> kCodes = {"received", "in_review", "accepted",
                                                       "closed"};
  return kCodes;
}

const std::vector<std::string_view>& close_reasons() {
  static const std::vector<std::string_view> kCodes = {
      "not_gbv", "duplicate", "insufficient_information", "outside_jurisdiction", "withdrawn"};
  return kCodes;
}

core::LocalizedText status_text(std::string_view status,
                                const std::optional<std::string>& close_reason) {
  if (status == "received") {
    return {"Хабарламаңыз қабылданды және қаралуын күтуде.",
            "Ваше сообщение получено и ожидает рассмотрения.",
            "Your report has been received and is waiting to be reviewed."};
  }
  if (status == "in_review") {
    return {"Хабарламаңызды мамандар қарап жатыр.", "Ваше сообщение рассматривают специалисты.",
            "Specialists are reviewing your report."};
  }
  if (status == "accepted") {
    return {"Хабарламаңыз қабылданып, мамандар онымен жұмыс істеп жатыр.",
            "Ваше сообщение принято, специалисты работают по нему.",
            "Your report has been accepted and specialists are working on it."};
  }
  std::string reason = close_reason.value_or("");
  if (reason == "duplicate") {
    return {"Хабарламаңыз қаралып, сол оқиға туралы басқа хабарламамен біріктірілді.",
            "Ваше сообщение рассмотрено и объединено с другим сообщением о том же случае.",
            "Your report was reviewed and joined with another report about the same events."};
  }
  if (reason == "insufficient_information") {
    return {
        "Хабарламаңыз қаралып, жабылды: әрекет ету үшін мәлімет жеткіліксіз. Толығырақ "
        "мәліметпен жаңа хабарлама жібере аласыз.",
        "Ваше сообщение рассмотрено и закрыто: в нём недостаточно сведений, чтобы "
        "действовать. Вы можете отправить новое сообщение с подробностями.",
        "Your report was reviewed and closed: there was not enough information to act on. "
        "You may send a new report with more details."};
  }
  if (reason == "outside_jurisdiction") {
    return {"Хабарламаңыз қаралып, жабылды: ол осы қызмет аумағынан тыс жерге қатысты.",
            "Ваше сообщение рассмотрено и закрыто: оно касается места за пределами территории "
            "этой службы.",
            "Your report was reviewed and closed: it concerns a place outside the area this "
            "service covers."};
  }
  if (reason == "withdrawn") {
    return {"Хабарлама кері қайтарылғандықтан жабылды.",
            "Сообщение закрыто, так как оно было отозвано.",
            "The report was closed because it was withdrawn."};
  }
  return {"Хабарламаңыз қаралып, жабылды: ол бұл қызметтің жұмысына жатпайды.",
          "Ваше сообщение рассмотрено и закрыто: оно не относится к работе этой службы.",
          "Your report was reviewed and closed: it is outside what this service handles."};
}

Submitted ReportStore::submit(store::Connection& connection, const ReportInput& r) const {
  Fields f(protector_);
  Submitted out;
  // 2^50 codes make a collision unlikely; the write transaction makes the check exact.
  do {
    out.receipt_code = Receipts::new_code();
  } while (connection.query_one("SELECT id FROM intake_reports WHERE receipt_code = $1",
                                {out.receipt_code}));
  out.receipt_secret = Receipts::new_secret();
  out.urgency = compute_urgency(r);
  const PersonInvolved none;
  const PersonInvolved& victim = r.victim ? *r.victim : none;
  const PersonInvolved& aggressor = r.aggressor ? *r.aggressor : none;
  const Contact no_contact;
  const Contact& contact = r.contact ? *r.contact : no_contact;
  auto iin_index = [this](const std::optional<std::string>& iin, const char* field) {
    return iin ? store::Value(protector_.index(*iin, field)) : store::Value(nullptr);
  };
  auto row = connection.query_one(
      "INSERT INTO intake_reports (receipt_code, receipt_secret_hash, status, urgency, "
      "reporter_type, reporter_name_enc, reporter_organisation_enc, incident_types, "
      "incident_date, region_kato, locality_enc, place_type, description_enc, victim_present, "
      "victim_name_enc, victim_iin_enc, victim_iin_bidx, victim_sex, victim_age_group, "
      "aggressor_present, aggressor_name_enc, aggressor_iin_enc, aggressor_iin_bidx, "
      "aggressor_sex, aggressor_age_group, aggressor_relationship, children_present, "
      "immediate_danger, contact_present, contact_ways, contact_times, contact_phone_enc, "
      "contact_email_enc, contact_language, contact_note_enc, consent, received_at) VALUES ($1, "
      "$2, 'received', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
      "$19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36) "
      "RETURNING id",
      {out.receipt_code,
       receipts_.hash(out.receipt_code, out.receipt_secret),
       std::string(urgency_code(out.urgency)),
       r.reporter_type,
       f.seal(r.reporter_name, kReporterName),
       f.seal(r.reporter_organisation, kReporterOrganisation),
       core::join_codes(r.incident_types),
       text_or_null(r.incident_date),
       r.region_kato,
       f.seal(r.locality, kLocality),
       text_or_null(r.place_type),
       f.seal(r.description, kDescription),
       std::int64_t{r.victim ? 1 : 0},
       f.seal(victim.full_name, kVictimName),
       f.seal(victim.iin, kVictimIin),
       iin_index(victim.iin, kVictimIin),
       text_or_null(victim.sex),
       text_or_null(victim.age_group),
       std::int64_t{r.aggressor ? 1 : 0},
       f.seal(aggressor.full_name, kAggressorName),
       f.seal(aggressor.iin, kAggressorIin),
       iin_index(aggressor.iin, kAggressorIin),
       text_or_null(aggressor.sex),
       text_or_null(aggressor.age_group),
       text_or_null(aggressor.relationship),
       flag_or_null(r.children_present),
       std::int64_t{r.immediate_danger ? 1 : 0},
       std::int64_t{r.contact ? 1 : 0},
       core::join_codes(contact.ways),
       core::join_codes(contact.times),
       f.seal(contact.phone, kContactPhone),
       f.seal(contact.email, kContactEmail),
       text_or_null(contact.language),
       f.seal(contact.note, kContactNote),
       core::join_codes(r.consent),
       clock_.now_ms()});
  out.id = row->integer(0);
  return out;
}

std::optional<Report> ReportStore::find(store::Connection& connection, std::int64_t id) const {
  auto found = connection.query_one(std::string(kColumns) + "WHERE id = $1", {id});
  if (!found) return std::nullopt;
  const store::Row& row = *found;
  Fields f(protector_);
  Report out;
  out.id = row.integer(0);
  out.receipt_code = row.text(1);
  out.status = row.text(2);
  out.urgency = row.text(3);
  ReportInput& r = out.input;
  r.reporter_type = row.text(4);
  r.reporter_name = f.open(row, 5, kReporterName);
  r.reporter_organisation = f.open(row, 6, kReporterOrganisation);
  r.incident_types = core::split_codes(row.text(7));
  r.incident_date = row.optional_text(8);
  r.region_kato = row.text(9);
  r.locality = f.open(row, 10, kLocality);
  r.place_type = row.optional_text(11);
  r.description = f.open(row, 12, kDescription);
  if (row.integer(13) != 0) {
    r.victim = PersonInvolved{f.open(row, 14, kVictimName), f.open(row, 15, kVictimIin),
                              row.optional_text(16), row.optional_text(17), std::nullopt};
  }
  if (row.integer(18) != 0) {
    r.aggressor =
        PersonInvolved{f.open(row, 19, kAggressorName), f.open(row, 20, kAggressorIin),
                       row.optional_text(21), row.optional_text(22), row.optional_text(23)};
  }
  if (auto children = row.optional_integer(24)) r.children_present = *children != 0;
  r.immediate_danger = row.integer(25) != 0;
  if (row.integer(26) != 0) {
    r.contact = Contact{core::split_codes(row.text(27)), core::split_codes(row.text(28)),
                        f.open(row, 29, kContactPhone),  f.open(row, 30, kContactEmail),
                        row.optional_text(31),           f.open(row, 32, kContactNote)};
  }
  r.consent = core::split_codes(row.text(33));
  out.case_id = row.optional_integer(34);
  out.received_at = row.integer(35);
  out.reviewed_at = row.optional_integer(36);
  out.closed_at = row.optional_integer(37);
  out.close_reason = row.optional_text(38);
  out.close_note = f.open(row, 39, kCloseNote);
  for (const auto& u : connection.query(
           "SELECT added_at, text_enc FROM intake_report_updates WHERE report_id = $1 ORDER BY id",
           {id})) {
    out.updates.push_back({u.integer(0), protector_.open(u.bytes(1), kUpdateText)});
  }
  return out;
}

std::optional<std::int64_t> ReportStore::find_by_receipt(store::Connection& connection,
                                                         std::string_view code,
                                                         std::string_view secret) const {
  auto canonical = Receipts::normalize_code(code);
  // A malformed code is looked up too (it matches nothing), so it costs the same.
  std::string key = canonical.value_or(std::string(code.substr(0, 64)));
  auto row = connection.query_one(
      "SELECT id, receipt_secret_hash FROM intake_reports WHERE receipt_code = $1", {key});
  const core::Bytes& stored = row ? row->bytes(1) : dummy_hash();
  bool ok = receipts_.matches(key, secret, stored);
  if (!row || !ok) return std::nullopt;
  return row->integer(0);
}

std::optional<ReportState> ReportStore::state(store::Connection& connection,
                                              std::int64_t id) const {
  auto row = connection.query_one(
      "SELECT status, region_kato, case_id FROM intake_reports WHERE id = $1", {id});
  if (!row) return std::nullopt;
  return ReportState{row->text(0), row->text(1), row->optional_integer(2)};
}

void ReportStore::add_update(store::Connection& connection, std::int64_t id,
                             const std::string& text) const {
  auto row = connection.query_one("SELECT status FROM intake_reports WHERE id = $1", {id});
  if (!row) throw ApiError(ErrorCode::kNotFound);
  if (row->text(0) == "closed") throw ApiError(ErrorCode::kReportClosed);
  connection.execute(
      "INSERT INTO intake_report_updates (report_id, text_enc, added_at) VALUES ($1, $2, $3)",
      {id, protector_.seal(text, kUpdateText), clock_.now_ms()});
}

std::vector<ReportSummary> ReportStore::triage(store::Connection& connection,
                                               const TriageFilter& filter) const {
  std::string sql =
      "SELECT r.id, r.received_at, r.status, r.urgency, r.region_kato, r.incident_types, "
      "r.place_type, r.immediate_danger, r.children_present, r.reporter_type, "
      "(SELECT COUNT(*) FROM intake_report_updates u WHERE u.report_id = r.id), r.case_id "
      "FROM intake_reports r WHERE 1 = 1";
  std::vector<store::Value> params;
  auto bind = [&params](std::string value) {
    params.emplace_back(std::move(value));
    return "$" + std::to_string(params.size());
  };
  if (filter.region_kato) sql += " AND r.region_kato = " + bind(*filter.region_kato);
  if (filter.urgency) sql += " AND r.urgency = " + bind(*filter.urgency);
  if (!filter.statuses.empty()) {
    sql += " AND r.status IN (";
    for (size_t i = 0; i < filter.statuses.size(); ++i) {
      if (i > 0) sql += ", ";
      sql += bind(filter.statuses[i]);
    }
    sql += ")";
  }
  sql +=
      " ORDER BY CASE r.urgency WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 "
      "ELSE 3 END, r.received_at, r.id LIMIT 500";
  std::vector<ReportSummary> out;
  for (const auto& row : connection.query(sql, params)) {
    ReportSummary s;
    s.id = row.integer(0);
    s.received_at = row.integer(1);
    s.status = row.text(2);
    s.urgency = row.text(3);
    s.region_kato = row.text(4);
    s.incident_types = core::split_codes(row.text(5));
    s.place_type = row.optional_text(6);
    s.immediate_danger = row.integer(7) != 0;
    if (auto children = row.optional_integer(8)) s.children_present = *children != 0;
    s.reporter_type = row.text(9);
    s.updates = row.integer(10);
    s.case_id = row.optional_integer(11);
    out.push_back(std::move(s));
  }
  return out;
}

bool ReportStore::review(store::Connection& connection, std::int64_t id,
                         std::int64_t user_id) const {
  auto row = connection.query_one("SELECT status FROM intake_reports WHERE id = $1", {id});
  if (!row) throw ApiError(ErrorCode::kNotFound);
  const std::string& status = row->text(0);
  if (status == "in_review") return false;
  if (status != "received") throw ApiError(ErrorCode::kInvalidState);
  connection.execute(
      "UPDATE intake_reports SET status = 'in_review', reviewed_at = $1, reviewed_by_user_id = $2 "
      "WHERE id = $3",
      {clock_.now_ms(), user_id, id});
  return true;
}

void ReportStore::mark_accepted(store::Connection& connection, std::int64_t id,
                                std::int64_t case_id, std::int64_t user_id) const {
  auto row = connection.query_one("SELECT status FROM intake_reports WHERE id = $1", {id});
  if (!row) throw ApiError(ErrorCode::kNotFound);
  const std::string& status = row->text(0);
  if (status != "received" && status != "in_review") throw ApiError(ErrorCode::kInvalidState);
  connection.execute(
      "UPDATE intake_reports SET status = 'accepted', case_id = $1, "
      "reviewed_at = COALESCE(reviewed_at, $2), "
      "reviewed_by_user_id = COALESCE(reviewed_by_user_id, $3) WHERE id = $4",
      {case_id, clock_.now_ms(), user_id, id});
}

void ReportStore::close(store::Connection& connection, std::int64_t id, std::int64_t user_id,
                        const std::string& reason, const std::optional<std::string>& note) const {
  if (std::find(close_reasons().begin(), close_reasons().end(), reason) == close_reasons().end()) {
    throw ApiError(ErrorCode::kValidationFailed, "reason");
  }
  auto row = connection.query_one("SELECT status FROM intake_reports WHERE id = $1", {id});
  if (!row) throw ApiError(ErrorCode::kNotFound);
  const std::string& status = row->text(0);
  if (status != "received" && status != "in_review") throw ApiError(ErrorCode::kInvalidState);
  Fields f(protector_);
  connection.execute(
      "UPDATE intake_reports SET status = 'closed', closed_at = $1, closed_by_user_id = $2, "
      "close_reason = $3, close_note_enc = $4 WHERE id = $5",
      {clock_.now_ms(), user_id, reason, f.seal(note, kCloseNote), id});
}

std::vector<std::int64_t> ReportStore::find_by_iin(store::Connection& connection,
                                                   std::string_view iin) const {
  std::vector<std::int64_t> out;
  for (const auto& row : connection.query(
           "SELECT id FROM intake_reports WHERE victim_iin_bidx = $1 OR aggressor_iin_bidx = $2 "
           "ORDER BY id",
           {protector_.index(iin, kVictimIin), protector_.index(iin, kAggressorIin)})) {
    out.push_back(row.integer(0));
  }
  return out;
}

}  // namespace qorgau::intake
