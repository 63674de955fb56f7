// route_sheets.html: printable route sheets for transport operators, one self-contained HTML
// file (inline CSS, no scripts, no external resources). Each route is one <section
// class="route">, printed on its own page: a header (route id, run, vehicle type, with or
// without a passenger assistant, depot departure and return times, miles) and a table of its
// stops in order: time, pick up / drop off, pupil id, place (the school's name; for a home,
// "home" and the postcode, or the coordinates when no postcode is known), and the child's travel
// needs as non-medical flags only: wheelchair space, passenger assistant, travels alone, must not
// travel with <ids>. Nothing else about a child is written (no names, ages or medical detail).
// Every text from the data is HTML-escaped.
#pragma once

#include <string>
#include <vector>

#include "transport/day_plan.h"
#include "transport/inputs.h"

namespace sendplan::report {

// Supplied by the caller so the output is repeatable (no clock is read here).
struct SheetHeading {
  std::string title;        // e.g. "Camden: planned routes"
  std::string generated;    // e.g. "2025-03-14"
  std::string travel = "";  // which model timed the plan (TravelSource::description()); optional
};

// `pupils` and `schools` are the planner inputs the plan was made from; a pupil id missing from
// `pupils` shows "travel needs not known" so the gap is seen, and a school id missing from
// `schools` shows the id.
std::string route_sheets_html(const transport::DayPlan& plan,
                              const std::vector<transport::Pupil>& pupils,
                              const std::vector<transport::School>& schools,
                              const SheetHeading& heading);

}  // namespace sendplan::report
