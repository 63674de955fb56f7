// The symbols DfE, Ofsted, MoJ and LAIT publish in place of a number. A cell holding one is
// missing, with a meaning, and is never read as zero.
#pragma once

#include <string_view>

namespace sendplan::dfe {

// The meaning of a missing-value symbol ("x" → "not available"; the published symbols are those
// of stats::symbol_meaning), or nullptr when `text` is not one. Empty text, "NA" and "n/a" count
// as missing too ("not published", "not applicable").
const char* missing_meaning(std::string_view text);

inline bool is_missing(std::string_view text) {
  return missing_meaning(text) != nullptr;
}

}  // namespace sendplan::dfe
