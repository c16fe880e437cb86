#include "store/database.h"

namespace qorgau::store {

namespace {
template <typename T>
const T& get(const Value& value, const char* wanted) {
  if (const T* p = std::get_if<T>(&value)) return *p;
  throw StoreError(std::string("column is not ") + wanted);
}
}  // namespace

std::int64_t Row::integer(size_t i) const {
  return get<std::int64_t>(values_.at(i), "an integer");
}
double Row::real(size_t i) const {
  if (const auto* p = std::get_if<std::int64_t>(&values_.at(i))) return static_cast<double>(*p);
  return get<double>(values_.at(i), "a real");
}
const std::string& Row::text(size_t i) const {
  return get<std::string>(values_.at(i), "text");
}
const core::Bytes& Row::bytes(size_t i) const {
  return get<core::Bytes>(values_.at(i), "bytes");
}

std::optional<std::int64_t> Row::optional_integer(size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}
std::optional<std::string> Row::optional_text(size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}
std::optional<core::Bytes> Row::optional_bytes(size_t i) const {
  if (is_null(i)) return std::nullopt;
  return bytes(i);
}

std::optional<Row> Connection::query_one(std::string_view sql, const std::vector<Value>& params) {
  auto rows = query(sql, params);
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
  connection_.begin();
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      connection_.rollback();
    } catch (...) {
      // The connection is broken; the engine discards the open transaction.
    }
  }
}

void Transaction::commit() {
  connection_.commit();
  done_ = true;
}

}  // namespace qorgau::store
