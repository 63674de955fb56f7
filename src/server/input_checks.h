// Checking an uploaded planner input before it is stored: the file read with the planner's own
// readers (every problem, by row and column), pupils checked to belong to the borough they are
// uploaded for, and the latest inputs of a borough read together for a plan.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "geo/postcode.h"
#include "server/borough_atlas.h"
#include "store/store.h"
#include "transport/planner.h"
#include "transport/problems.h"
#include "transport/readers.h"

namespace sendplan::server {

// "pupils", "schools", "fleet", "current".
bool is_input_kind(const std::string& kind);

// The data rows of a valid file of `kind` for `borough`, or every problem found.
Checked<int, transport::Problem> check_input(const std::string& kind, const std::string& text,
                                             const std::string& file_name,
                                             const std::string& borough, const BoroughAtlas& atlas,
                                             const transport::Policy& policy,
                                             const geo::PostcodeDirectory* postcodes);

// The latest inputs of a borough, read and cross-checked for planning.
struct BoroughInputs {
  transport::TransportInputs inputs;
  std::optional<std::vector<transport::CurrentRoute>> current;
  std::int64_t pupils_dataset = 0, schools_dataset = 0, fleet_dataset = 0, current_dataset = 0;
};
// `datasets`: pupils, schools, fleet and optionally current (missing kinds are not passed).
Checked<BoroughInputs, transport::Problem> read_borough_inputs(
    const store::Dataset& pupils, const store::Dataset& schools, const store::Dataset& fleet,
    const store::Dataset* current, const transport::Policy& policy,
    const geo::PostcodeDirectory* postcodes);

// [{"file","row","column","reason"}] (at most `limit` of them).
nlohmann::json problems_json(const std::vector<transport::Problem>& problems, size_t limit = 1000);
// A file name safe to show and store: the last path part, printable ASCII, at most 100 chars.
std::string clean_file_name(const std::string& name, const std::string& fallback);

}  // namespace sendplan::server
