#include "app/services.h"

#include <algorithm>

#include <sys/stat.h>

#include <spdlog/spdlog.h>

#include "crypto/key_file.h"
#include "http/server.h"
#include "orders/order_jobs.h"
#include "store/migrations.h"
#include "store/sqlite/sqlite_database.h"

namespace qorgau::app {

namespace fs = std::filesystem;

namespace {

void prepare_data_dir(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) throw std::runtime_error("cannot create data directory " + dir.string());
    ::chmod(dir.c_str(), 0700);
    spdlog::info("initialised a new data directory");
  }
  if (!fs::is_directory(dir, ec)) {
    throw std::runtime_error("data directory is not a directory: " + dir.string());
  }
}

}  // namespace

Services::Services(Config config, const core::Clock& clock)
    : config_(std::move(config)), clock_(clock) {
  jurisdiction_ = std::make_unique<core::Jurisdiction>(
      config_.jurisdiction_file.empty() ? core::default_jurisdiction()
                                        : core::load_jurisdiction_file(config_.jurisdiction_file));
  prepare_data_dir(config_.data_dir);
  bool created = false;
  keyring_ = std::make_unique<crypto::Keyring>(
      crypto::load_or_create_key_file(config_.data_dir / "qorgau.key", &created));
  if (created) spdlog::warn("created a new key file: back it up separately from the database");
  database_ = std::make_unique<store::SqliteDatabase>(config_.data_dir / "qorgau.db");
  {
    auto connection = database_->connect();
    int applied = store::migrate(*connection);
    schema_version_ = store::schema_version(*connection);
    if (applied > 0)
      spdlog::info("applied {} migration(s); schema version {}", applied, schema_version_);
  }
  ::chmod((config_.data_dir / "qorgau.db").c_str(), 0600);
  // One connection for each handler thread, each event loop (nonblocking routes run there and
  // must never wait for a lease behind slow handlers) and the scheduler, plus one.
  auto loops = static_cast<size_t>(http::default_event_loops());
  pool_ = std::make_unique<store::ConnectionPool>(*database_,
                                                  static_cast<size_t>(config_.threads) + loops + 2);
  committer_ = std::make_unique<store::GroupCommitter>(*database_);
  protector_ = std::make_unique<crypto::Protector>(*keyring_);
  chain_ = std::make_unique<crypto::HashChain>(*keyring_);
  audit_ = std::make_unique<audit::AuditLog>(*chain_, clock_);
  audit_queue_ = std::make_unique<audit::AuditQueue>(*audit_, *committer_);
  users_ = std::make_unique<accounts::UserStore>(*protector_);
  sessions_ =
      std::make_unique<accounts::SessionStore>(*keyring_, clock_, config_.session_idle_timeout);
  throttle_ = std::make_unique<accounts::LoginThrottle>(clock_, config_.login_attempts_per_minute,
                                                        std::chrono::seconds(60));
  login_ = std::make_unique<accounts::LoginService>(
      *users_, *sessions_, *audit_, *throttle_, clock_,
      accounts::LoginPolicy{config_.login_max_failures, config_.login_lockout});
  people_ = std::make_unique<people::PersonStore>(*protector_, clock_);
  help_directory_ = std::make_unique<help::HelpDirectory>(*jurisdiction_);
  help_rights_ = help::parse_rights(jurisdiction_->help_rights_toml);
  shelters_ = std::make_unique<shelters::ShelterStore>(*help_directory_, *protector_, clock_);
  shelter_holds_ = std::make_unique<shelters::HoldStore>(*shelters_, clock_,
                                                         jurisdiction_->crisis_centre.hold_minutes);
  shelter_referrals_ =
      std::make_unique<shelters::ReferralStore>(*shelters_, *shelter_holds_, *protector_, clock_);
  shelter_admissions_ =
      std::make_unique<shelters::AdmissionStore>(*shelters_, *shelter_holds_, *shelter_referrals_,
                                                 *people_, *protector_, clock_, *jurisdiction_);
  intake_receipts_ = std::make_unique<intake::Receipts>(*keyring_);
  intake_reports_ = std::make_unique<intake::ReportStore>(*protector_, *intake_receipts_, clock_);
  case_timeline_ = std::make_unique<cases::Timeline>(*protector_, clock_);
  cases_ = std::make_unique<cases::CaseStore>(*case_timeline_, *jurisdiction_, clock_);
  person_matcher_ = std::make_unique<cases::Matcher>(*protector_, *people_);
  case_referrals_ = std::make_unique<cases::ReferralStore>(*case_timeline_, clock_);
  orders_ = std::make_unique<orders::OrderStore>(*protector_, *people_, *case_timeline_,
                                                 *jurisdiction_, clock_);
  order_verification_index_ = std::make_unique<orders::VerificationIndex>(*database_, clock_);
  risk_instruments_ = std::make_unique<risk::InstrumentStore>(clock_);
  risk_assessments_ = std::make_unique<risk::AssessmentStore>(*risk_instruments_, *case_timeline_,
                                                              *protector_, *jurisdiction_, clock_);
  risk_incidents_ =
      std::make_unique<risk::IncidentStore>(*risk_assessments_, *case_timeline_, clock_);
  intake_report_throttle_ = std::make_unique<accounts::LoginThrottle>(
      clock_, config_.intake_reports_per_hour, std::chrono::hours(1));
  intake_receipt_throttle_ = std::make_unique<accounts::LoginThrottle>(
      clock_, config_.intake_receipt_lookups_per_hour, std::chrono::hours(1));
  intake_attachment_throttle_ = std::make_unique<accounts::LoginThrottle>(
      clock_, config_.intake_attachments_per_hour, std::chrono::hours(1));
  evidence_blobs_ = std::make_unique<evidence::BlobStore>(config_.data_dir / "evidence", *keyring_);
  evidence_ = std::make_unique<evidence::EvidenceStore>(*protector_, *audit_, clock_);
  notify_consents_ = std::make_unique<notify::ConsentStore>(*protector_, *intake_receipts_, clock_);
  const std::chrono::milliseconds send_timeout = config_.notify_send_timeout;
  notify_email_ = std::make_unique<notify::SmtpChannel>(
      notify::SmtpSettings{config_.smtp_host, config_.smtp_port, config_.smtp_from, send_timeout},
      clock_);
  notify_sms_ = std::make_unique<notify::SmsGatewayChannel>(config_.sms_gateway_url, send_timeout);
  notify_inbox_ = std::make_unique<notify::InboxChannel>(*protector_);
  scheduler::SchedulerOptions scheduler_options;
  scheduler_options.tick = config_.scheduler_tick;
  notifier_ = std::make_unique<notify::Notifier>(
      *notify_consents_, *protector_, clock_,
      std::map<std::string, const notify::Channel*, std::less<>>{{"email", notify_email_.get()},
                                                                 {"sms", notify_sms_.get()},
                                                                 {"inbox", notify_inbox_.get()}},
      notify::NotifierSettings{config_.notify_urgent_retry, config_.notify_urgent_max_sends,
                               scheduler_options.max_attempts});
  notify_inbox_throttle_ = std::make_unique<accounts::LoginThrottle>(
      clock_, config_.inbox_lookups_per_hour, std::chrono::hours(1));
  scheduler_ = std::make_unique<scheduler::Scheduler>(*database_, clock_, scheduler_options);
  scheduler_->on_outside_transaction(
      std::string(notify::kDeliveryJob),
      [this](store::Connection& connection, const scheduler::Job& job) {
        notifier_->deliver(connection, job);
      });
  orders::register_order_jobs(*scheduler_, *this);
}

std::size_t Services::sweep_unacknowledged_files() {
  std::size_t removed = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(upload_dir(), ec)) {
    std::error_code ignored;
    if (fs::remove_all(entry.path(), ignored) > 0) ++removed;
  }
  auto connection = pool_->lease();
  removed += evidence_blobs_->sweep(evidence_->blob_names(*connection));
  if (removed > 0) spdlog::warn("start-up sweep deleted {} unacknowledged file(s)", removed);
  return removed;
}

}  // namespace qorgau::app
