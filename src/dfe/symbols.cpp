#include "dfe/symbols.h"

#include "stats/figure.h"

namespace sendplan::dfe {

const char* missing_meaning(std::string_view text) {
  if (const char* meaning = stats::symbol_meaning(text)) return meaning;
  // Blank cells and R's NA (files exported from R) are not published values either.
  if (text.empty() || text == "NA") return "not published";
  if (text == "n/a") return "not applicable";
  return nullptr;
}

}  // namespace sendplan::dfe
