// The store of public reports and the triage queue.
//
// Invariants:
//  - every free text and personal field (reporter's name and organisation,
//    locality, description, names and IINs of the people involved, phone,
//    e-mail, contact note, the reporter's updates, the staff's close note) is
//    encrypted with crypto::Protector under "intake_reports.<field>"; IINs also
//    carry blind indexes ("intake_reports.victim_iin", "...aggressor_iin");
//  - codes (types, region, place, relationship, consent, urgency, status) are
//    in the clear: the queue is filtered and counted without decrypting;
//  - status moves received -> in_review -> (accepted | closed), and received
//    -> closed; accepted is set by the cases module, which also sets case_id;
//  - writes join the caller's transaction: the caller commits (with its audit
//    entry) before acknowledging anything.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/principal.h"
#include "core/clock.h"
#include "core/language.h"
#include "crypto/protector.h"
#include "intake/receipts.h"
#include "intake/report.h"
#include "store/database.h"

namespace qorgau::intake {

// "received", "in_review", "accepted", "closed".
const std::vector<std::string_view>& report_statuses();
// "not_gbv", "duplicate", "insufficient_information", "outside_jurisdiction", "withdrawn".
const std::vector<std::string_view>& close_reasons();

// What the reporter is told about the status: neutral, the same for everyone
// with the receipt, never the staff's note.
core::LocalizedText status_text(std::string_view status,
                                const std::optional<std::string>& close_reason);

// Reports have no owning agency: a region-scoped user reaches the reports of
// the region of their agency, a national one all of them. The triage queue's
// rule, also for the files attached to a report that no case has taken in.
bool in_triage_scope(const accounts::Principal& user, std::string_view region_kato);

// What can be known of a report without decrypting anything.
struct ReportState {
  std::string status;
  std::string region_kato;
  std::optional<std::int64_t> case_id;
};

struct ReportUpdate {
  std::int64_t at_ms = 0;
  std::string text;
};

struct Report {
  std::int64_t id = 0;
  std::string receipt_code;
  std::string status;
  std::string urgency;
  ReportInput input;
  std::optional<std::int64_t> case_id;
  std::int64_t received_at = 0;
  std::optional<std::int64_t> reviewed_at;
  std::optional<std::int64_t> closed_at;
  std::optional<std::string> close_reason;
  std::optional<std::string> close_note;
  std::vector<ReportUpdate> updates;
};

// A queue entry: codes only, nothing to decrypt.
struct ReportSummary {
  std::int64_t id = 0;
  std::int64_t received_at = 0;
  std::string status;
  std::string urgency;
  std::string region_kato;
  std::vector<std::string> incident_types;
  std::optional<std::string> place_type;
  bool immediate_danger = false;
  std::optional<bool> children_present;
  std::string reporter_type;
  std::int64_t updates = 0;
  std::optional<std::int64_t> case_id;
};

struct TriageFilter {
  std::optional<std::string> region_kato;
  std::optional<std::string> urgency;
  std::vector<std::string> statuses;  // empty: all
};

struct Submitted {
  std::int64_t id = 0;
  std::string receipt_code;
  std::string receipt_secret;  // shown once, never stored
  Urgency urgency = Urgency::kLow;
};

class ReportStore {
 public:
  ReportStore(const crypto::Protector& protector, const Receipts& receipts,
              const core::Clock& clock)
      : protector_(protector), receipts_(receipts), clock_(clock) {}

  // Stores a validated report with a new receipt, inside the caller's transaction.
  Submitted submit(store::Connection& connection, const ReportInput& report) const;
  std::optional<Report> find(store::Connection& connection, std::int64_t id) const;
  // The id of the report whose receipt this is; nullopt for an unknown or malformed
  // code or a wrong secret, after the same work (one lookup, one keyed hash).
  std::optional<std::int64_t> find_by_receipt(store::Connection& connection, std::string_view code,
                                              std::string_view secret) const;
  std::optional<ReportState> state(store::Connection& connection, std::int64_t id) const;
  // Appends the reporter's text; ApiError(kReportClosed) once the report is closed.
  void add_update(store::Connection& connection, std::int64_t id, const std::string& text) const;
  // Open queue, most urgent first, then oldest first.
  std::vector<ReportSummary> triage(store::Connection& connection,
                                    const TriageFilter& filter) const;
  // received -> in_review (in_review stays); ApiError(kInvalidState) otherwise. Returns
  // whether the status changed.
  bool review(store::Connection& connection, std::int64_t id, std::int64_t user_id) const;
  // received | in_review -> closed; ApiError(kInvalidState) otherwise.
  void close(store::Connection& connection, std::int64_t id, std::int64_t user_id,
             const std::string& reason, const std::optional<std::string>& note) const;
  // received | in_review -> accepted into (or merged with) case `case_id`, set by the cases
  // module in its transaction; ApiError(kNotFound) or kInvalidState otherwise.
  void mark_accepted(store::Connection& connection, std::int64_t id, std::int64_t case_id,
                     std::int64_t user_id) const;
  // Reports naming this IIN as victim or aggressor (for matching), oldest first.
  std::vector<std::int64_t> find_by_iin(store::Connection& connection, std::string_view iin) const;

 private:
  const crypto::Protector& protector_;
  const Receipts& receipts_;
  const core::Clock& clock_;
};

}  // namespace qorgau::intake
