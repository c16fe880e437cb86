// Files compiled into the `qorgau` binary by cmake/Embed.cmake: reference data,
// the default jurisdiction, SQL migrations and the common-password list. They
// make one executable self-sufficient: no data files need to be installed
// beside it. Contents are immutable for the life of the process.
#pragma once

#include <map>
#include <string_view>
#include <vector>

namespace qorgau::embedded {

struct EmbeddedFile {
  std::string_view name;
  std::string_view content;
};

// All named resources (e.g. "reference/kz/regions.csv"). Generated.
const std::map<std::string_view, std::string_view>& resources();

// The content of one resource. Throws std::out_of_range if `name` is unknown:
// a missing resource is a build defect, never a runtime condition.
std::string_view resource(std::string_view name);

// SQL migrations (migrations/NNNN_name.sql), sorted by file name. Generated.
const std::vector<EmbeddedFile>& migration_files();

}  // namespace qorgau::embedded
