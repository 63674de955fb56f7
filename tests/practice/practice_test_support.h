// Shared by the practice tests: the 33 London boroughs' canonical names (in ONS code order, as
// the GLA boundary file lists them), a complete valid entry to break one field at a time, and
// finding problems by column.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/practice_records.h"
#include "transport/problems.h"

namespace sendplan::practice::testing {

inline const std::vector<std::string>& london_boroughs() {
  static const std::vector<std::string> names = {"City of London",
                                                 "Barking and Dagenham",
                                                 "Barnet",
                                                 "Bexley",
                                                 "Brent",
                                                 "Bromley",
                                                 "Camden",
                                                 "Croydon",
                                                 "Ealing",
                                                 "Enfield",
                                                 "Greenwich",
                                                 "Hackney",
                                                 "Hammersmith and Fulham",
                                                 "Haringey",
                                                 "Harrow",
                                                 "Havering",
                                                 "Hillingdon",
                                                 "Hounslow",
                                                 "Islington",
                                                 "Kensington and Chelsea",
                                                 "Kingston upon Thames",
                                                 "Lambeth",
                                                 "Lewisham",
                                                 "Merton",
                                                 "Newham",
                                                 "Redbridge",
                                                 "Richmond upon Thames",
                                                 "Southwark",
                                                 "Sutton",
                                                 "Tower Hamlets",
                                                 "Waltham Forest",
                                                 "Wandsworth",
                                                 "Westminster"};
  return names;
}

// A submitted-quality entry: every field valid.
inline store::PracticeEntry valid_entry() {
  store::PracticeEntry entry;
  entry.title = "Weekly triage of EHC needs assessments";
  entry.summary = "A weekly meeting looks at every open assessment by week number.";
  entry.lead_borough = "Hackney";
  entry.partner_boroughs = {"Camden", "Islington"};
  entry.categories = {"send-impact", "data-for-children"};
  entry.problem = "Plans were issued late.";
  entry.actions = "A weekly triage and an advice tracker.";
  entry.age_from = 0;
  entry.age_to = 25;
  entry.needs = {"ASD", "SEMH"};
  entry.settings = {"mainstream", "special"};
  entry.impact = {{"Plans issued within 20 weeks", "41%", "78%", "2022 to 2024", "SEN2"}};
  entry.impact_summary = "Timeliness nearly doubled.";
  entry.cost_and_resources = "Two locum psychologists.";
  entry.how_to_adopt = "Start with the triage.";
  entry.contact_name = "Example Lead Officer";
  entry.contact_role = "Head of SEND";
  entry.links = {"https://example.org/triage"};
  entry.indicators = {"timeliness-20-weeks", "ehc-plans"};
  entry.started_on = "2022-04-01";
  entry.state = "submitted";
  entry.evidence_strength = 3;
  return entry;
}

// The problems about `column`.
inline std::vector<transport::Problem> about(const std::vector<transport::Problem>& problems,
                                             const std::string& column) {
  std::vector<transport::Problem> found;
  for (const transport::Problem& problem : problems)
    if (problem.column == column) found.push_back(problem);
  return found;
}

inline std::string all_reasons(const std::vector<transport::Problem>& problems) {
  return transport::format_problems(problems);
}

}  // namespace sendplan::practice::testing
