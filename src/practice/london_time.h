// Europe/London time, as people in London read and type it, to and from UTC instants
// ("2027-03-31T22:59:00Z"): GMT in winter, BST (UTC+1) from 01:00 UTC on the last Sunday of
// March to 01:00 UTC on the last Sunday of October.
#pragma once

#include <string>

#include "core/result.h"

namespace sendplan::practice {

// "2027-03-31T23:59" (or with ":SS") in London time → "2027-03-31T22:59:00Z".
// kInvalidArgument naming the value for anything else (years 1000 to 9999). A time that falls in
// the hour the clocks skip is read as BST; one in the hour that repeats, as the first (BST).
Result<std::string> london_to_utc(const std::string& local);
// "2027-03-31T22:59:00Z" → "31 March 2027, 23:59 (London time)"; the input unchanged when it is
// not such an instant.
std::string utc_to_london_words(const std::string& utc);
// "2027-03-31T22:59:00Z" → "2027-03-31T23:59" (for a form's datetime-local field; ":SS" added
// when the seconds are not zero); "" when `utc` is not such an instant.
std::string utc_to_london_local(const std::string& utc);

}  // namespace sendplan::practice
