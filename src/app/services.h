// Everything a request handler or CLI verb needs, built once per process from
// an opened data directory: configuration, jurisdiction, the database pool,
// the keys (behind Protector, HashChain, SessionStore) and the module stores.
// Handlers take `Services&`; nothing here is a global.
#pragma once

#include <memory>

#include "accounts/agencies.h"
#include "accounts/login.h"
#include "accounts/login_throttle.h"
#include "accounts/sessions.h"
#include "accounts/users.h"
#include "app/config.h"
#include "audit/audit_log.h"
#include "audit/audit_queue.h"
#include "cases/cases.h"
#include "cases/matching.h"
#include "cases/referrals.h"
#include "cases/timeline.h"
#include "core/clock.h"
#include "core/jurisdiction.h"
#include "crypto/hash_chain.h"
#include "crypto/keyring.h"
#include "crypto/protector.h"
#include "evidence/blob_store.h"
#include "evidence/evidence.h"
#include "help/directory.h"
#include "help/rights.h"
#include "intake/receipts.h"
#include "intake/reports.h"
#include "notify/consents.h"
#include "notify/inbox_channel.h"
#include "notify/notifier.h"
#include "notify/sms_gateway_channel.h"
#include "notify/smtp_channel.h"
#include "orders/orders.h"
#include "orders/verification_index.h"
#include "people/people.h"
#include "risk/assessments.h"
#include "risk/incidents.h"
#include "risk/instruments.h"
#include "scheduler/scheduler.h"
#include "shelters/admissions.h"
#include "shelters/holds.h"
#include "shelters/referrals.h"
#include "shelters/shelters.h"
#include "store/connection_pool.h"
#include "store/database.h"
#include "store/group_commit.h"

namespace qorgau::app {

class Services {
 public:
  // Opens (and on first use initialises) the data directory: creates it with
  // mode 0700, creates or loads the key file, opens the database and applies
  // migrations. Throws with a clear message on any failure.
  Services(Config config, const core::Clock& clock);

  const Config& config() const { return config_; }
  const core::Jurisdiction& jurisdiction() const { return *jurisdiction_; }
  const core::Clock& clock() const { return clock_; }
  store::Database& database() { return *database_; }
  store::ConnectionPool& pool() { return *pool_; }
  // Shared durable commits for high-rate writes (public intake): see store/group_commit.h.
  store::GroupCommitter& committer() { return *committer_; }
  const crypto::Protector& protector() const { return *protector_; }
  const audit::AuditLog& audit() const { return *audit_; }
  // Audit entries of requests that change nothing else, durable before the answer: see
  // audit/audit_queue.h.
  audit::AuditQueue& audit_queue() { return *audit_queue_; }
  const accounts::AgencyStore& agencies() const { return agencies_; }
  const accounts::UserStore& users() const { return *users_; }
  const accounts::SessionStore& sessions() const { return *sessions_; }
  const accounts::LoginService& login() const { return *login_; }
  const people::PersonStore& people() const { return *people_; }
  const help::HelpDirectory& help_directory() const { return *help_directory_; }
  const std::vector<help::RightsTopic>& help_rights() const { return help_rights_; }
  const shelters::ShelterStore& shelters() const { return *shelters_; }
  const shelters::HoldStore& shelter_holds() const { return *shelter_holds_; }
  const shelters::ReferralStore& shelter_referrals() const { return *shelter_referrals_; }
  const shelters::AdmissionStore& shelter_admissions() const { return *shelter_admissions_; }
  const intake::ReportStore& intake_reports() const { return *intake_reports_; }
  const cases::Timeline& case_timeline() const { return *case_timeline_; }
  const cases::CaseStore& cases() const { return *cases_; }
  const cases::Matcher& person_matcher() const { return *person_matcher_; }
  const cases::ReferralStore& case_referrals() const { return *case_referrals_; }
  const orders::OrderStore& orders() const { return *orders_; }
  // The orders in force, in memory, for field verification (see orders/verification_index.h).
  orders::VerificationIndex& order_verification_index() { return *order_verification_index_; }
  // Per-address limits of public intake (config intake_reports_per_hour,
  // intake_receipt_lookups_per_hour and intake_attachments_per_hour); in
  // memory, like the login throttle.
  accounts::LoginThrottle& intake_report_throttle() { return *intake_report_throttle_; }
  accounts::LoginThrottle& intake_receipt_throttle() { return *intake_receipt_throttle_; }
  accounts::LoginThrottle& intake_attachment_throttle() { return *intake_attachment_throttle_; }
  const risk::InstrumentStore& risk_instruments() const { return *risk_instruments_; }
  const risk::AssessmentStore& risk_assessments() const { return *risk_assessments_; }
  const risk::IncidentStore& risk_incidents() const { return *risk_incidents_; }
  // Notifications to the protected person: her consent, the outbox and delivery
  // (src/notify/), her inbox, and the per-address limit of inbox lookups
  // (config inbox_lookups_per_hour).
  const notify::ConsentStore& notify_consents() const { return *notify_consents_; }
  const notify::Notifier& notifier() const { return *notifier_; }
  const notify::InboxChannel& notify_inbox() const { return *notify_inbox_; }
  accounts::LoginThrottle& notify_inbox_throttle() { return *notify_inbox_throttle_; }
  // The in-server scheduler with every module's job handlers registered; `qorgau serve`
  // starts it after the start-up sweep and stops it when the server has stopped.
  scheduler::Scheduler& scheduler() { return *scheduler_; }
  const evidence::BlobStore& evidence_blobs() const { return *evidence_blobs_; }
  const evidence::EvidenceStore& evidence() const { return *evidence_; }
  // Where streamed request bodies wait for their handler: <data-dir>/tmp.
  std::filesystem::path upload_dir() const { return config_.data_dir / "tmp"; }
  int schema_version() const { return schema_version_; }

  // Start-up sweep, before serving (never while a server runs on the same
  // data directory): deletes request bodies left in upload_dir() and blobs
  // that are unfinished or have no evidence row (a crash between writing a
  // blob and committing its row). Returns how many files it deleted.
  std::size_t sweep_unacknowledged_files();

 private:
  Config config_;
  const core::Clock& clock_;
  std::unique_ptr<core::Jurisdiction> jurisdiction_;
  std::unique_ptr<crypto::Keyring> keyring_;
  std::unique_ptr<store::Database> database_;
  std::unique_ptr<store::ConnectionPool> pool_;
  std::unique_ptr<crypto::Protector> protector_;
  std::unique_ptr<crypto::HashChain> chain_;
  std::unique_ptr<audit::AuditLog> audit_;
  accounts::AgencyStore agencies_;
  std::unique_ptr<accounts::UserStore> users_;
  std::unique_ptr<accounts::SessionStore> sessions_;
  std::unique_ptr<accounts::LoginThrottle> throttle_;
  std::unique_ptr<accounts::LoginService> login_;
  std::unique_ptr<people::PersonStore> people_;
  std::unique_ptr<help::HelpDirectory> help_directory_;
  std::vector<help::RightsTopic> help_rights_;
  std::unique_ptr<shelters::ShelterStore> shelters_;
  std::unique_ptr<shelters::HoldStore> shelter_holds_;
  std::unique_ptr<shelters::ReferralStore> shelter_referrals_;
  std::unique_ptr<shelters::AdmissionStore> shelter_admissions_;
  std::unique_ptr<intake::Receipts> intake_receipts_;
  std::unique_ptr<intake::ReportStore> intake_reports_;
  std::unique_ptr<cases::Timeline> case_timeline_;
  std::unique_ptr<cases::CaseStore> cases_;
  std::unique_ptr<cases::Matcher> person_matcher_;
  std::unique_ptr<cases::ReferralStore> case_referrals_;
  std::unique_ptr<orders::OrderStore> orders_;
  std::unique_ptr<orders::VerificationIndex> order_verification_index_;
  std::unique_ptr<accounts::LoginThrottle> intake_report_throttle_;
  std::unique_ptr<accounts::LoginThrottle> intake_receipt_throttle_;
  std::unique_ptr<accounts::LoginThrottle> intake_attachment_throttle_;
  std::unique_ptr<risk::InstrumentStore> risk_instruments_;
  std::unique_ptr<risk::AssessmentStore> risk_assessments_;
  std::unique_ptr<risk::IncidentStore> risk_incidents_;
  std::unique_ptr<evidence::BlobStore> evidence_blobs_;
  std::unique_ptr<evidence::EvidenceStore> evidence_;
  std::unique_ptr<notify::ConsentStore> notify_consents_;
  std::unique_ptr<notify::SmtpChannel> notify_email_;
  std::unique_ptr<notify::SmsGatewayChannel> notify_sms_;
  std::unique_ptr<notify::InboxChannel> notify_inbox_;
  std::unique_ptr<notify::Notifier> notifier_;
  std::unique_ptr<accounts::LoginThrottle> notify_inbox_throttle_;
  // After the stores its handlers use: destroyed (and so stopped) before them.
  std::unique_ptr<scheduler::Scheduler> scheduler_;
  // Last: destroyed first, finishing queued writes while the database is still open.
  std::unique_ptr<store::GroupCommitter> committer_;
  // Holds no unit's state: may go before the committer finishes them.
  std::unique_ptr<audit::AuditQueue> audit_queue_;
  int schema_version_ = 0;
};

}  // namespace qorgau::app
