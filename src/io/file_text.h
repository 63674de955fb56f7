// Reading a whole text file into memory, with the error codes the CLI maps to exit codes:
// kNotFound when the file does not exist, kIo when it exists but cannot be read.
#pragma once

#include <string>

#include "core/result.h"

namespace sendplan::io::detail {

Result<std::string> read_text_file(const std::string& path);

}  // namespace sendplan::io::detail
