// The evidence strength a reviewer gives a practice entry, on a documented 5-step scale in the
// spirit of the education evidence libraries' security ratings (docs/guide/practice.md):
//   1 "Described"              what was done, no figures;
//   2 "Outputs counted"        activity counted (sessions run, staff trained, families reached);
//   3 "Before/after measured"  an outcome measured before and after;
//   4 "Compared"               the change compared with other boroughs, statistical
//                              neighbours or a comparison group over the same period;
//   5 "Controlled or evaluated" an independent evaluation or a controlled comparison.
// 0 = not rated yet.
#pragma once

#include <string>
#include <vector>

namespace sendplan::practice {

struct EvidenceLevel {
  int level = 0;  // 1..5
  std::string name;
  std::string description;
};

// The 5 levels, weakest first.
const std::vector<EvidenceLevel>& evidence_scale();
// "Not rated yet" for 0; nullptr-safe: "" for a level outside 0..5.
std::string evidence_name(int level);

}  // namespace sendplan::practice
