// The risk instruments the server offers: the one compiled in (reference/risk/*.toml) and those
// an administrator loaded (table risk_instruments, the TOML text as uploaded).
//
// Invariants:
//  - (code, version) is unique across both; a loaded file of an existing code must have a
//    higher version than every version of that code (InstrumentError "version" otherwise), so
//    an assessment's (code, version) always names exactly one file, forever;
//  - every stored file parses (it was parsed before it was stored);
//  - the current version of a code is its highest.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "risk/instrument.h"
#include "store/database.h"

namespace qorgau::risk {

// The instrument compiled into the binary: "qorgau-risk-1".
inline constexpr std::string_view kDefaultInstrument = "qorgau-risk-1";

class InstrumentStore {
 public:
  // Parses the compiled-in instruments; throws InstrumentError if one is invalid (a build defect).
  explicit InstrumentStore(const core::Clock& clock);

  // The current version of every code, ordered by code.
  std::vector<Instrument> current(store::Connection& connection) const;
  // The current version of `code`, or nullopt.
  std::optional<Instrument> current(store::Connection& connection, std::string_view code) const;
  // Exactly that version, or nullopt.
  std::optional<Instrument> find(store::Connection& connection, std::string_view code,
                                 std::int64_t version) const;
  // Parses, checks the version and stores the file within the caller's transaction; returns
  // the stored row id and the instrument. Throws InstrumentError.
  std::pair<std::int64_t, Instrument> load(store::Connection& connection, std::string_view toml,
                                           std::int64_t user_id) const;

 private:
  // The highest version of `code` among compiled-in and stored files, or 0.
  std::int64_t highest_version(store::Connection& connection, std::string_view code) const;

  const core::Clock& clock_;
  std::vector<Instrument> built_in_;
};

}  // namespace qorgau::risk
