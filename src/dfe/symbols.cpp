#include "dfe/symbols.h"

namespace sendplan::dfe {

const char* missing_meaning(std::string_view text) {
  struct Symbol {
    std::string_view text;
    const char* meaning;
  };
  static constexpr Symbol kSymbols[] = {
      {"x", "not available"},
      {"z", "not applicable"},
      {"c", "confidential (suppressed)"},
      {"low", "rounds to zero but is not zero"},
      {"-", "missing (LAIT) or nil (MoJ)"},
      {"..", "not applicable"},
      {"~", "suppressed (fewer than 5)"},
      {"u", "low reliability"},
      {":", "not available"},
      {"", "not published"},
      {"NA", "not published"},
      {"n/a", "not applicable"},
  };
  for (const Symbol& symbol : kSymbols) {
    if (symbol.text == text) return symbol.meaning;
  }
  return nullptr;
}

}  // namespace sendplan::dfe
