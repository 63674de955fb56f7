// Small text helpers every reader needs: trimming ASCII white space and ASCII lower case.
#pragma once

#include <string>
#include <string_view>

namespace sendplan {

// `text` without leading and trailing white space (space, tab, CR, LF, VT, FF).
std::string_view trim(std::string_view text);
// `text` with A–Z turned to a–z (other bytes, including UTF-8, unchanged).
std::string to_lower(std::string_view text);

}  // namespace sendplan
