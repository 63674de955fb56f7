// Time periods as DfE files write them, normalised to one label and the year they end in (the
// year that orders them and that charts use):
//   academic year "202425" or "2024/25" → "2024/25", 2025 (a January census: January 2025)
//   calendar year "2024"                → "2024", 2024
//   financial year "2023-24", "2023-24 (OT)" → "2023-24", "2023-24 (outturn)", 2024
//   ISO date "2024-11-18"               → "2024-11-18", 2024
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace sendplan::dfe {

struct Period {
  std::string label;
  int year = 0;
};

// kParse (without a location: the caller adds it) when `text` is none of the forms above.
Result<Period> parse_period(std::string_view text);

}  // namespace sendplan::dfe
