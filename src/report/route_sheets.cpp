// route_sheets.html: one printed page per route for the operator and driver.
#include "report/route_sheets.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>
#include <unordered_map>

#include "report/text_format.h"

namespace sendplan::report {
namespace {

using detail::clock_time;
using detail::html_escape;

constexpr const char* kStyle = R"(
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; color: #000; margin: 1.5em; }
h1 { font-size: 18pt; margin: 0 0 0.2em 0; }
h2 { font-size: 16pt; margin: 0 0 0.4em 0; }
p.plan, p.notice { font-size: 9pt; margin: 0 0 0.6em 0; }
section.route { margin: 0 0 2.5em 0; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.15em 1em;
           margin: 0 0 0.8em 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
table.stops { border-collapse: collapse; width: 100%; }
table.stops th, table.stops td { border: 1px solid #444; padding: 0.3em 0.5em; text-align: left;
                                 vertical-align: top; }
table.stops th { background: #eee; }
table.stops tr { break-inside: avoid; page-break-inside: avoid; }
@media print {
  body { margin: 0; }
  header.contents { display: none; }
  section.route { margin: 0; break-after: page; page-break-after: always; }
  section.route:last-of-type { break-after: auto; page-break-after: auto; }
}
)";

using PupilIndex = std::unordered_map<std::string, const transport::Pupil*>;
// (pupil id, run) -> what the child gets on that run.
using RunIndex = std::map<std::pair<std::string, int>, const transport::PupilRun*>;
using SchoolIndex = std::unordered_map<std::string, const transport::School*>;

std::string run_text(transport::Run run) {
  return run == transport::Run::kMorning ? "AM (home to school)" : "PM (school to home)";
}

// The flags a driver and assistant need; never anything medical.
std::string travel_needs(const std::string& pupil_id, const PupilIndex& pupils) {
  const auto found = pupils.find(pupil_id);
  if (found == pupils.end()) return "travel needs not known: check with the borough";
  const transport::Pupil& pupil = *found->second;
  std::vector<std::string> needs;
  if (pupil.wheelchair) needs.emplace_back("wheelchair space");
  if (pupil.needs_passenger_assistant) needs.emplace_back("passenger assistant");
  if (pupil.must_travel_alone) needs.emplace_back("travels alone");
  if (!pupil.not_with.empty())
    needs.push_back(fmt::format("must not travel with {}", fmt::join(pupil.not_with, ", ")));
  return needs.empty() ? "none" : fmt::format("{}", fmt::join(needs, "; "));
}

std::string place_text(const transport::RouteStop& stop, const PupilIndex& pupils,
                       const SchoolIndex& schools) {
  if (stop.place != "home") {
    const auto school = schools.find(stop.place);
    return school == schools.end() ? stop.place : school->second->name;
  }
  const auto pupil = pupils.find(stop.pupil_id);
  if (pupil != pupils.end() && !pupil->second->home_postcode.empty())
    return "home, " + pupil->second->home_postcode;
  return fmt::format("home ({:.5f}, {:.5f})", stop.location.latitude, stop.location.longitude);
}

// On a drop-off row: how long the child has been on board, against their limit, flagged when
// over guidance (never silently).
std::string journey_text(const transport::RouteStop& stop, transport::Run run,
                         const RunIndex& runs) {
  if (stop.pickup) return "";
  const auto found = runs.find({stop.pupil_id, static_cast<int>(run)});
  if (found == runs.end()) return "";
  const transport::PupilRun& child = *found->second;
  std::string text = fmt::format("{:.0f} min (limit {})", child.ride_minutes, child.limit_minutes);
  if (!child.note.empty()) text += "; " + child.note;
  if (!child.compliant && !child.reason.empty()) text += "; " + child.reason;
  return text;
}

std::string route_section(const transport::TransportRoute& route, const PupilIndex& pupils,
                          const SchoolIndex& schools, const RunIndex& runs,
                          const SheetHeading& heading) {
  std::string html = fmt::format(
      "<section class=\"route\">\n"
      "<p class=\"plan\">{} &middot; generated {}</p>\n"
      "<h2>Route {}</h2>\n"
      "<dl class=\"facts\">\n"
      "<dt>Run</dt><dd>{}</dd>\n"
      "<dt>Vehicle type</dt><dd>{}</dd>\n"
      "<dt>Passenger assistant</dt><dd>{}</dd>\n"
      "<dt>Leaves depot</dt><dd>{}</dd>\n"
      "<dt>Back at depot</dt><dd>{}</dd>\n"
      "<dt>Miles</dt><dd>{:.1f}</dd>\n"
      "{}"
      "</dl>\n"
      "<table class=\"stops\">\n"
      "<thead><tr><th>Time</th><th>Stop</th><th>Pupil</th><th>Place</th>"
      "<th>Travel needs</th><th>Journey</th></tr></thead>\n"
      "<tbody>\n",
      html_escape(heading.title), html_escape(heading.generated), html_escape(route.route_id),
      run_text(route.run), html_escape(route.vehicle_type),
      route.with_assistant ? "with passenger assistant" : "without passenger assistant",
      clock_time(route.depart), clock_time(route.return_time), route.miles,
      heading.travel.empty()
          ? std::string()
          : fmt::format("<dt>Travel times</dt><dd>{}</dd>\n", html_escape(heading.travel)));
  for (const transport::RouteStop& stop : route.stops) {
    html +=
        fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                    clock_time(stop.time), stop.pickup ? "collect" : "drop off",
                    html_escape(stop.pupil_id), html_escape(place_text(stop, pupils, schools)),
                    html_escape(travel_needs(stop.pupil_id, pupils)),
                    html_escape(journey_text(stop, route.run, runs)));
  }
  html +=
      "</tbody>\n</table>\n"
      "<p class=\"notice\">Contains personal data: keep it secure and destroy it when the route "
      "changes.</p>\n"
      "</section>\n";
  return html;
}

}  // namespace

std::string route_sheets_html(const transport::DayPlan& plan,
                              const std::vector<transport::Pupil>& pupils,
                              const std::vector<transport::School>& schools,
                              const SheetHeading& heading) {
  PupilIndex pupil_index;
  for (const transport::Pupil& pupil : pupils) pupil_index.emplace(pupil.id, &pupil);
  SchoolIndex school_index;
  for (const transport::School& school : schools) school_index.emplace(school.id, &school);
  RunIndex runs;
  for (const transport::PupilRun& child : plan.pupil_runs)
    runs.emplace(std::make_pair(child.pupil_id, static_cast<int>(child.run)), &child);
  const transport::DaySummary& s = plan.summary;

  const std::string title = html_escape(heading.title);
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>Route sheets: {}</title>\n<style>{}</style>\n</head>\n<body>\n"
      "<header class=\"contents\">\n<h1>Route sheets: {}</h1>\n"
      "<p class=\"plan\">Generated {}. {} route{}; each prints on its own page.</p>\n"
      "<p class=\"plan\">Journey times: {} child-runs within their limit, {} over guidance but "
      "unavoidable (the direct journey is longer than the limit; longest excess {:.0f} min), "
      "{} over guidance and avoidable; {} not planned.{}</p>\n"
      "</header>\n",
      title, kStyle, title, html_escape(heading.generated), plan.routes.size(),
      plan.routes.size() == 1 ? "" : "s", s.within_guidance, s.over_guidance_unavoidable,
      s.max_unavoidable_excess_minutes, s.over_guidance_avoidable, s.unserved,
      heading.travel.empty() ? "" : " Travel times: " + html_escape(heading.travel) + ".");
  if (plan.routes.empty()) html += "<p>No routes in this plan.</p>\n";
  for (const transport::TransportRoute& route : plan.routes)
    html += route_section(route, pupil_index, school_index, runs, heading);
  return html + "</body>\n</html>\n";
}

}  // namespace sendplan::report
