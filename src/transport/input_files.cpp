// Reading the three input files from disk, the cross-file checks, and reading all inputs at once.
#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <unordered_set>

#include "core/text.h"
#include "transport/readers.h"

namespace sendplan::transport {
namespace {

// The whole file, or a problem at row 0 naming the path.
std::optional<std::string> read_text(const std::string& path, std::vector<Problem>& problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems.push_back({path, 0, "", "cannot open the file (does it exist?)"});
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    problems.push_back({path, 0, "", "reading the file failed"});
    return std::nullopt;
  }
  return std::move(text).str();
}

template <typename T, typename Parse>
Checked<std::vector<T>, Problem> read_file(const std::string& path, Parse parse) {
  std::vector<Problem> problems;
  const std::optional<std::string> text = read_text(path, problems);
  if (!text) return problems;
  return parse(*text, path);
}

}  // namespace

const char* phase_name(Phase phase) {
  return phase == Phase::kPrimary ? "primary" : "secondary";
}

Checked<std::vector<Pupil>, Problem> read_pupils(const std::string& path, const Policy& policy,
                                                 const geo::PostcodeDirectory* postcodes) {
  return read_file<Pupil>(path, [&](std::string_view text, const std::string& name) {
    return parse_pupils(text, name, policy, postcodes);
  });
}

Checked<std::vector<School>, Problem> read_schools(const std::string& path, const Policy& policy,
                                                   const geo::PostcodeDirectory* postcodes) {
  return read_file<School>(path, [&](std::string_view text, const std::string& name) {
    return parse_schools(text, name, policy, postcodes);
  });
}

Checked<std::vector<VehicleType>, Problem> read_fleet(const std::string& path, const Policy& policy,
                                                      const geo::PostcodeDirectory* postcodes) {
  return read_file<VehicleType>(path, [&](std::string_view text, const std::string& name) {
    return parse_fleet(text, name, policy, postcodes);
  });
}

std::vector<Problem> validate_references(const std::vector<Pupil>& pupils,
                                         const std::vector<School>& schools,
                                         const std::string& pupils_file) {
  std::unordered_set<std::string> school_ids;
  for (const School& school : schools) school_ids.insert(school.id);
  std::vector<Problem> problems;
  for (const Pupil& pupil : pupils) {
    if (!school_ids.contains(pupil.school_id)) {
      problems.push_back({pupils_file, pupil.source_row, "school_id",
                          fmt::format("unknown school_id {} (not in the schools file)",
                                      quoted_excerpt(pupil.school_id))});
    }
  }
  return problems;
}

Checked<TransportInputs, Problem> read_transport_inputs(const InputPaths& paths,
                                                        const Policy& policy,
                                                        const geo::PostcodeDirectory* postcodes) {
  auto pupils = read_pupils(paths.pupils, policy, postcodes);
  auto schools = read_schools(paths.schools, policy, postcodes);
  auto fleet = read_fleet(paths.fleet, policy, postcodes);
  std::vector<Problem> problems;
  for (const std::vector<Problem>* found :
       {pupils.ok() ? nullptr : &pupils.problems(), schools.ok() ? nullptr : &schools.problems(),
        fleet.ok() ? nullptr : &fleet.problems()}) {
    if (found != nullptr) problems.insert(problems.end(), found->begin(), found->end());
  }
  if (pupils.ok() && schools.ok()) {
    std::vector<Problem> references =
        validate_references(pupils.value(), schools.value(), paths.pupils);
    problems.insert(problems.end(), references.begin(), references.end());
  }
  if (!problems.empty()) return problems;
  return TransportInputs{std::move(pupils).value(), std::move(schools).value(),
                         std::move(fleet).value()};
}

}  // namespace sendplan::transport
