// The change epochs (migration 0016): counters that database triggers move forward in the
// same transaction as a change, by any process, so that what a server keeps in memory is
// used only while the rows it was built from are unchanged.
//
// Invariants:
//  - Every counter only grows; a rolled-back change moves nothing.
//  - read() is one statement, so all counters come from one committed state. A copy built
//    from rows read *after* reading an epoch is current for as long as that epoch is.
//  - A request takes one reading after it arrived (app::Api::authorize), as the writers
//    published it after their commits (store/published_epochs.h), and every in-memory copy
//    it consults is checked against that one reading.
#pragma once

#include <cstdint>

#include "store/database.h"

namespace qorgau::store {

struct ChangeEpochs {
  // Sessions (other than their last_seen refresh), users and agencies:
  // accounts::PrincipalCache.
  std::int64_t sign_in = 0;
  // Orders, each insert, update and delete: orders::VerificationIndex.
  std::int64_t orders = 0;

  static ChangeEpochs read(Connection& connection);
};

}  // namespace qorgau::store
