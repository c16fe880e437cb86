#include "store/change_epochs.h"

#include <stdexcept>

namespace qorgau::store {

ChangeEpochs ChangeEpochs::read(Connection& connection) {
  auto row = connection.query_one("SELECT sign_in, orders FROM change_epochs WHERE id = 1");
  if (!row) throw std::runtime_error("store: the change epochs row is missing");
  return {row->integer(0), row->integer(1)};
}

}  // namespace qorgau::store
