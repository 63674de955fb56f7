// Reading a whole file into memory (through io/csv_source.h), gunzipping it on the way when it is
// gzip-compressed (decided by its content, not its name; plain files pass through). kNotFound
// when the file does not exist, kIo when it cannot be read or the compressed data is corrupt.
#pragma once

#include <string>

#include "core/result.h"

namespace sendplan::geo::detail {

Result<std::string> read_possibly_gzipped_file(const std::string& path);

}  // namespace sendplan::geo::detail
