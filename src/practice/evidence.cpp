// The evidence scale a reviewer rates a practice entry on.
#include "practice/evidence.h"

namespace sendplan::practice {

const std::vector<EvidenceLevel>& evidence_scale() {
  static const std::vector<EvidenceLevel> scale = {
      {1, "Described", "What was done, without figures."},
      {2, "Outputs counted",
       "The activity counted: sessions run, staff trained, families reached."},
      {3, "Before/after measured", "An outcome measured before and after the practice."},
      {4, "Compared",
       "The change compared with other boroughs, statistical neighbours or a comparison group "
       "over the same period."},
      {5, "Controlled or evaluated", "An independent evaluation or a controlled comparison."},
  };
  return scale;
}

std::string evidence_name(int level) {
  if (level == 0) return "Not rated yet";
  for (const EvidenceLevel& step : evidence_scale())
    if (step.level == level) return step.name;
  return "";
}

}  // namespace sendplan::practice
