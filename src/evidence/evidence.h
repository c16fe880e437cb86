// Evidence records and their chain of custody (tables `evidence` and
// `evidence_custody`, migrations/0006_evidence.sql). The file itself is a
// blob (evidence/blob_store.h); this store keeps what is known about it.
//
// Invariants:
//  - a row exists only for a blob that is already durable (the API writes
//    the blob first, then commits the row), and a row's blob is never
//    replaced: the SHA-256 recorded at upload is the receipt that later
//    verifications compare against;
//  - the original file name, which can contain a person's name, and
//    hand-over notes are stored encrypted (crypto::Protector);
//  - every custody event is written together with its audit entry, in the
//    caller's transaction, and names that entry (audit_seq): the two commit
//    together or not at all;
//  - the owning agency decides who reaches a record (Principal::reaches);
//    a hand-over moves ownership to the receiving agency;
//  - a file the public attached to a report (intake/attachments_api.cc) has
//    no owner and no uploading user (the public reporter); until a case takes
//    it in (take_in_report_files, when the report is accepted or merged) it
//    is reached through the report's region, like the triage queue. Only a
//    report's file may be unowned (a CHECK in migrations/0009).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "crypto/protector.h"
#include "evidence/blob_store.h"
#include "evidence/media_type.h"
#include "store/database.h"

namespace qorgau::evidence {

struct Evidence {
  std::int64_t id = 0;
  std::optional<std::int64_t> agency_id;  // nullopt: a public report's file not yet taken in
  std::string attached_to_type;           // "case", "report"
  std::int64_t attached_to_id = 0;
  std::string kind;  // kind_name()
  std::string mime;
  std::uint64_t size = 0;
  std::string sha256;                       // hex, computed on arrival
  std::string filename;                     // as the uploader's device named it; may be empty
  std::optional<std::int64_t> uploaded_by;  // nullopt: the public reporter
  std::int64_t uploaded_at = 0;
  std::string blob;
  std::optional<std::int64_t> last_verified_at;
  std::optional<bool> last_verified_intact;
};

struct NewEvidence {
  std::string attached_to_type;
  std::int64_t attached_to_id = 0;
  MediaType type;
  BlobInfo blob;
  std::string filename;
  std::optional<std::int64_t> agency_id;    // nullopt only for a public report's file
  std::optional<std::int64_t> uploaded_by;  // nullopt: the public reporter
};

enum class CustodyAction { kUpload, kView, kDownload, kVerify, kHandover };

std::string_view action_name(CustodyAction action);  // "upload", ...

// Who acted, from where. No user and no agency: the public reporter (upload)
// or the system acting on a report's acceptance (hand-over); their audit
// entries carry no address ("public").
struct Actor {
  std::optional<std::int64_t> user_id;
  std::optional<std::int64_t> agency_id;
  std::string source_ip;

  static Actor public_reporter() { return {std::nullopt, std::nullopt, "public"}; }
};

struct CustodyEvent {
  std::int64_t id = 0;
  std::int64_t evidence_id = 0;
  std::int64_t at = 0;
  std::string action;
  std::optional<std::int64_t> user_id;       // nullopt: see Actor
  std::optional<std::int64_t> agency_id;     // nullopt: see Actor
  std::optional<std::int64_t> to_agency_id;  // hand-over
  std::optional<bool> intact;                // verify
  std::optional<std::string> note;           // hand-over
  std::int64_t audit_seq = 0;
};

// The kinds of record evidence can be attached to.
bool valid_attachment_type(std::string_view type);

class EvidenceStore {
 public:
  EvidenceStore(const crypto::Protector& protector, const audit::AuditLog& audit,
                const core::Clock& clock)
      : protector_(protector), audit_(audit), clock_(clock) {}

  // Inserts the record and its upload custody event (with audit entry) in
  // the open transaction on `connection`.
  Evidence create(store::Connection& connection, const NewEvidence& evidence,
                  const Actor& actor) const;
  std::optional<Evidence> find(store::Connection& connection, std::int64_t id) const;

  // Appends a custody event and its audit entry in the open transaction.
  // For kVerify, `intact` is required and also saved as the last result; for
  // kHandover, `to_agency_id` is required and becomes the owner.
  void record(store::Connection& connection, std::int64_t evidence_id, CustodyAction action,
              const Actor& actor, std::optional<bool> intact = std::nullopt,
              std::optional<std::int64_t> to_agency_id = std::nullopt,
              const std::optional<std::string>& note = std::nullopt) const;

  // The evidence of a case: what is attached to the case itself and what is
  // attached to a public report accepted or merged into it
  // (intake_reports.case_id), oldest first. The caller checks the case's
  // access; every record returned belongs to the case whatever its owner.
  std::vector<Evidence> for_case(store::Connection& connection, std::int64_t case_id) const;

  // The files attached to public report `report_id`, oldest first.
  std::vector<Evidence> for_report(store::Connection& connection, std::int64_t report_id) const;
  // How many files are attached to public report `report_id`.
  std::int64_t count_for_report(store::Connection& connection, std::int64_t report_id) const;

  // Hands every unowned file of report `report_id` over to `agency_id` (a
  // custody hand-over each, by `actor`), in the open transaction: the report
  // was accepted or merged into a case that agency owns. Returns how many.
  std::size_t take_in_report_files(store::Connection& connection, std::int64_t report_id,
                                   std::int64_t agency_id, const Actor& actor) const;

  // Oldest first.
  std::vector<CustodyEvent> custody(store::Connection& connection, std::int64_t evidence_id) const;

  // Every blob name that has a row (for BlobStore::sweep).
  std::set<std::string> blob_names(store::Connection& connection) const;

 private:
  Evidence read(const store::Row& row) const;

  const crypto::Protector& protector_;
  const audit::AuditLog& audit_;
  const core::Clock& clock_;
};

}  // namespace qorgau::evidence
