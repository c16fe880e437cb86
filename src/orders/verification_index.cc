#include "orders/verification_index.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>

#include <spdlog/spdlog.h>

#include "store/change_epochs.h"

namespace qorgau::orders {

namespace {

constexpr int kLoadAttempts = 5;
constexpr auto kRetryAfterFailure = std::chrono::seconds(1);

// One page of served, unrevoked orders that end after $1, in (ends_at, id) order after the
// last row of the previous page ($2, $3): the orders_ending index walks only orders in force
// or yet to start, however many ended before.
std::string page_select(std::int64_t page_rows) {
  return "SELECT " + std::string(kSealedVerifiedColumns) +
         ", respondent_iin_bidx, respondent_name_birth_bidx FROM orders WHERE ends_at > $1 AND "
         "(ends_at, id) > ($2, $3) AND served_at IS NOT NULL AND revoked_at IS NULL ORDER BY "
         "ends_at, id LIMIT " +
         std::to_string(page_rows);
}

}  // namespace

VerificationIndex::VerificationIndex(store::Database& database, const core::Clock& clock,
                                     std::int64_t page_rows)
    : database_(database),
      clock_(clock),
      page_rows_(std::max<std::int64_t>(page_rows, 1)),
      page_select_(page_select(page_rows_)) {}

VerificationIndex::~VerificationIndex() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (loader_.joinable()) loader_.join();
}

std::shared_ptr<const VerificationIndex::Copy> VerificationIndex::current() const {
  std::lock_guard lock(mutex_);
  return copy_;
}

std::optional<std::int64_t> VerificationIndex::loaded_epoch() const {
  auto copy = current();
  if (!copy) return std::nullopt;
  return copy->epoch;
}

std::optional<std::vector<SealedVerifiedOrder>> VerificationIndex::find(Key key_kind,
                                                                        const core::Bytes& key,
                                                                        std::int64_t orders_epoch,
                                                                        std::int64_t now_ms) {
  std::shared_ptr<const Copy> copy;
  {
    std::lock_guard lock(mutex_);
    copy = copy_;
    if (!copy || copy->epoch != orders_epoch) {
      if (orders_epoch > wanted_epoch_) {
        wanted_epoch_ = orders_epoch;
        if (!loader_.joinable()) loader_ = std::thread([this] { run_loader(); });
        wake_.notify_one();
      }
      return std::nullopt;
    }
  }
  std::vector<SealedVerifiedOrder> found;
  auto wanted = BlindKeyTable::key_of(key);
  if (!wanted) return found;  // no stored key has that size
  const BlindKeyTable& keys = key_kind == Key::kIin ? copy->by_iin : copy->by_name_birth;
  for (const BlindKeyTable::Entry& entry : keys.find(*wanted)) {
    const SealedVerifiedOrder& order = copy->orders[entry.second];
    if (order.starts_at <= now_ms && now_ms < order.ends_at) found.push_back(order);
  }
  return found;
}

std::optional<VerificationIndex::Copy> VerificationIndex::read_copy(store::Connection& connection) {
  Copy copy;
  copy.epoch = store::ChangeEpochs::read(connection).orders;
  const std::int64_t now = clock_.now_ms();
  std::int64_t after_end = now;
  std::int64_t after_id = 0;
  auto add_key = [&copy](BlindKeyTable& keys, const store::Row& row, std::size_t column) {
    if (row.is_null(column)) return;
    auto stored = BlindKeyTable::key_of(row.bytes(column));
    if (!stored)
      throw std::runtime_error("orders: a stored respondent blind index is not 32 bytes");
    keys.add(*stored, static_cast<std::uint32_t>(copy.orders.size()));
  };
  while (true) {
    std::vector<store::Row> rows = connection.query(page_select_, {now, after_end, after_id});
    for (const store::Row& row : rows) {
      add_key(copy.by_iin, row, kSealedVerifiedColumnCount);
      add_key(copy.by_name_birth, row, kSealedVerifiedColumnCount + 1);
      copy.orders.push_back(read_sealed_verified(row));
      after_end = copy.orders.back().ends_at;
      after_id = copy.orders.back().id;
    }
    if (static_cast<std::int64_t>(rows.size()) < page_rows_) break;
  }
  if (store::ChangeEpochs::read(connection).orders != copy.epoch) return std::nullopt;
  // Within a key, by order id (oldest first), as find() answers.
  auto older = [&copy](std::uint32_t a, std::uint32_t b) {
    return copy.orders[a].id < copy.orders[b].id;
  };
  copy.by_iin.index(older);
  copy.by_name_birth.index(older);
  copy.orders.shrink_to_fit();
  return copy;
}

std::int64_t VerificationIndex::load(store::Connection& connection) {
  for (int attempt = 0; attempt < kLoadAttempts; ++attempt) {
    std::optional<Copy> copy = read_copy(connection);
    if (!copy) continue;
    auto loaded = std::make_shared<const Copy>(std::move(*copy));
    std::lock_guard lock(mutex_);
    if (!copy_ || copy_->epoch < loaded->epoch) copy_ = loaded;
    return loaded->epoch;
  }
  throw std::runtime_error("orders: orders kept changing through every load of the index");
}

void VerificationIndex::run_loader() {
  std::unique_ptr<store::Connection> connection;
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || !copy_ || copy_->epoch < wanted_epoch_; });
    if (stopping_) return;
    lock.unlock();
    bool failed = false;
    try {
      if (!connection) connection = database_.connect();
      auto started = std::chrono::steady_clock::now();
      std::int64_t epoch = load(*connection);
      spdlog::debug("orders: verification index loaded at epoch {} in {} ms", epoch,
                    std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count());
    } catch (const std::exception& e) {
      spdlog::error("orders: verification index not loaded: {}", e.what());
      failed = true;
    }
    lock.lock();
    // After a failure, verifications keep reading the database; try again a little later.
    if (failed) wake_.wait_for(lock, kRetryAfterFailure, [this] { return stopping_; });
  }
}

}  // namespace qorgau::orders
