// The borough profile as one self-contained HTML file for a committee paper: inline CSS, every
// chart as inline SVG (no scripts, no network), each followed by its numbers as a table, its
// source and period. Prints on A4.
#pragma once

#include <string>
#include <vector>

#include "stats/figure.h"

namespace sendplan::stats {

// One headline number, e.g. {"EHC plans, January 2025", "3,512", "+142% since January 2015",
// "DfE SEN2 2025"}.
struct KeyFact {
  std::string label;
  std::string value;
  std::string comparison;  // may be ""
  std::string source;
};

struct ProfileReport {
  std::string title;         // "SEND profile: Hackney"
  std::string area_name;     // "Hackney"
  std::string generated_at;  // "2026-12-03"
  std::vector<KeyFact> facts;
  std::vector<Figure> figures;
  std::vector<std::string> notes;  // method notes (forecast, suppression), one paragraph each
  std::string attribution;  // "Contains public sector information licensed under the OGL v3.0"
};

std::string render_profile_html(const ProfileReport& report);

}  // namespace sendplan::stats
