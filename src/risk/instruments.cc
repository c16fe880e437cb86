#include "risk/instruments.h"

#include <algorithm>
#include <map>

#include "core/embedded.h"

namespace qorgau::risk {

InstrumentStore::InstrumentStore(const core::Clock& clock) : clock_(clock) {
  built_in_.push_back(parse_instrument(
      embedded::resource("reference/risk/" + std::string(kDefaultInstrument) + ".toml")));
}

std::int64_t InstrumentStore::highest_version(store::Connection& connection,
                                              std::string_view code) const {
  std::int64_t highest = 0;
  for (const Instrument& instrument : built_in_) {
    if (instrument.code == code) highest = std::max(highest, instrument.version);
  }
  auto row = connection.query_one("SELECT max(version) FROM risk_instruments WHERE code = $1",
                                  {std::string(code)});
  if (row && !row->is_null(0)) highest = std::max(highest, row->integer(0));
  return highest;
}

std::optional<Instrument> InstrumentStore::find(store::Connection& connection,
                                                std::string_view code, std::int64_t version) const {
  for (const Instrument& instrument : built_in_) {
    if (instrument.code == code && instrument.version == version) return instrument;
  }
  auto row =
      connection.query_one("SELECT source FROM risk_instruments WHERE code = $1 AND version = $2",
                           {std::string(code), version});
  if (!row) return std::nullopt;
  return parse_instrument(row->text(0));
}

std::optional<Instrument> InstrumentStore::current(store::Connection& connection,
                                                   std::string_view code) const {
  std::int64_t version = highest_version(connection, code);
  if (version == 0) return std::nullopt;
  return find(connection, code, version);
}

std::vector<Instrument> InstrumentStore::current(store::Connection& connection) const {
  std::map<std::string, std::int64_t> codes;
  for (const Instrument& instrument : built_in_) codes[instrument.code] = 0;
  for (const auto& row : connection.query("SELECT DISTINCT code FROM risk_instruments")) {
    codes[row.text(0)] = 0;
  }
  std::vector<Instrument> out;
  for (const auto& [code, unused] : codes) {
    if (auto instrument = current(connection, code)) out.push_back(std::move(*instrument));
  }
  return out;
}

std::pair<std::int64_t, Instrument> InstrumentStore::load(store::Connection& connection,
                                                          std::string_view toml,
                                                          std::int64_t user_id) const {
  Instrument instrument = parse_instrument(toml);
  std::int64_t highest = highest_version(connection, instrument.code);
  if (instrument.version <= highest) {
    throw InstrumentError("version: must be higher than " + std::to_string(highest) +
                          ", the latest version of " + instrument.code);
  }
  auto row = connection.query_one(
      "INSERT INTO risk_instruments (code, version, source, loaded_at, loaded_by_user_id) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {instrument.code, instrument.version, std::string(toml), clock_.now_ms(), user_id});
  return {row->integer(0), std::move(instrument)};
}

}  // namespace qorgau::risk
