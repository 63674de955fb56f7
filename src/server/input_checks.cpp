#include "server/input_checks.h"

#include <fmt/format.h>

#include "report/routes_csv_reader.h"

namespace sendplan::server {

bool is_input_kind(const std::string& kind) {
  return kind == "pupils" || kind == "schools" || kind == "fleet" || kind == "current";
}

Checked<int, transport::Problem> check_input(const std::string& kind, const std::string& text,
                                             const std::string& file_name,
                                             const std::string& borough, const BoroughAtlas& atlas,
                                             const transport::Policy& policy,
                                             const geo::PostcodeDirectory* postcodes) {
  if (kind == "pupils") {
    auto pupils = transport::parse_pupils(text, file_name, policy, postcodes);
    if (!pupils) return pupils.problems();
    std::vector<transport::Problem> problems;
    for (const transport::Pupil& pupil : pupils.value()) {
      if (atlas.canonical(pupil.borough) != borough)
        problems.push_back({file_name, pupil.source_row, "borough",
                            fmt::format("'{}' is not {}: upload each borough's pupils to its own "
                                        "page",
                                        pupil.borough, borough)});
    }
    if (!problems.empty()) return problems;
    return static_cast<int>(pupils.value().size());
  }
  if (kind == "schools") {
    auto schools = transport::parse_schools(text, file_name, policy, postcodes);
    if (!schools) return schools.problems();
    return static_cast<int>(schools.value().size());
  }
  if (kind == "fleet") {
    auto fleet = transport::parse_fleet(text, file_name, policy, postcodes);
    if (!fleet) return fleet.problems();
    return static_cast<int>(fleet.value().size());
  }
  auto routes = report::parse_current_routes(text, file_name);
  if (!routes) return routes.problems();
  int stops = 0;
  for (const report::CurrentRoute& route : routes.value())
    stops += static_cast<int>(route.stops.size());
  return stops;
}

Checked<BoroughInputs, transport::Problem> read_borough_inputs(
    const store::Dataset& pupils, const store::Dataset& schools, const store::Dataset& fleet,
    const store::Dataset* current, const transport::Policy& policy,
    const geo::PostcodeDirectory* postcodes) {
  std::vector<transport::Problem> problems;
  auto take = [&](auto result) {
    if (!result)
      problems.insert(problems.end(), result.problems().begin(), result.problems().end());
    return result;
  };
  auto read_pupils =
      take(transport::parse_pupils(pupils.content, pupils.file_name, policy, postcodes));
  auto read_schools =
      take(transport::parse_schools(schools.content, schools.file_name, policy, postcodes));
  auto read_fleet = take(transport::parse_fleet(fleet.content, fleet.file_name, policy, postcodes));
  if (!problems.empty()) return problems;
  BoroughInputs out;
  out.inputs = {std::move(read_pupils).value(), std::move(read_schools).value(),
                std::move(read_fleet).value()};
  out.pupils_dataset = pupils.id;
  out.schools_dataset = schools.id;
  out.fleet_dataset = fleet.id;
  problems =
      transport::validate_references(out.inputs.pupils, out.inputs.schools, pupils.file_name);
  if (!problems.empty()) return problems;
  if (current != nullptr) {
    auto routes = report::parse_current_routes(current->content, current->file_name);
    if (!routes) return routes.problems();
    auto resolved = report::resolve_current_routes(routes.value(), out.inputs, current->file_name);
    if (!resolved) return resolved.problems();
    out.current = std::move(resolved).value();
    out.current_dataset = current->id;
  }
  return out;
}

nlohmann::json problems_json(const std::vector<transport::Problem>& problems, size_t limit) {
  nlohmann::json list = nlohmann::json::array();
  for (size_t i = 0; i < problems.size() && i < limit; ++i) {
    const transport::Problem& p = problems[i];
    list.push_back({{"file", p.file}, {"row", p.row}, {"column", p.column}, {"reason", p.reason}});
  }
  return list;
}

std::string clean_file_name(const std::string& name, const std::string& fallback) {
  const size_t slash = name.find_last_of("/\\");
  std::string out;
  for (char c : slash == std::string::npos ? name : name.substr(slash + 1)) {
    if (c >= 0x20 && c < 0x7f && c != '"') out += c;
    if (out.size() == 100) break;
  }
  return out.empty() ? fallback : out;
}

}  // namespace sendplan::server
