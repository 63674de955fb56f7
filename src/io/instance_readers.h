// Readers for the standard benchmark formats. Each returns a validated Problem or an Error naming
// the file, the 1-based line and column, and the reason. Formats (see ../shared/benchmarks):
//  - cordeau: DARP "m n T Q L" then 2n+2 lines "id x y d q e l" (0 start depot, 1..n pickups,
//    n+1..2n drop-offs, 2n+1 end depot). Max ride time L per request, route duration T,
//    m vehicles of capacity Q.
//  - solomon: VRPTW text layout (name, VEHICLE NUMBER CAPACITY, CUSTOMER table); customers are
//    deliveries from the depot (node 0).
//  - lilim: PDPTW "K Q S" then "id x y demand e l s pickup delivery" lines (node 0 depot).
// All use Euclidean distance = travel time, unrounded; costs are distance only.
//  - vroom: VROOM's problem JSON with custom matrices (io/vroom_reader.h; docs/vroom.md).
//    read_instance gives only the model; `solve` uses read_vroom to write VROOM's solution JSON.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "model/problem.h"

namespace sendplan::io {

enum class InstanceFormat { kCordeau, kSolomon, kLiLim, kVroom };

// "cordeau" | "solomon" | "lilim" | "vroom" (case-insensitive); kInvalidArgument otherwise.
Result<InstanceFormat> parse_instance_format(std::string_view name);
const char* instance_format_name(InstanceFormat format);

// Parse text already in memory; `file` is only used in error messages.
Result<model::Problem> parse_cordeau(std::string_view text, const std::string& file);
Result<model::Problem> parse_solomon(std::string_view text, const std::string& file);
Result<model::Problem> parse_lilim(std::string_view text, const std::string& file);

// Read and parse a file (kNotFound / kIo when it cannot be read).
Result<model::Problem> read_instance(InstanceFormat format, const std::string& path);

// The instance name used in outputs: the file name without directory and extension.
std::string instance_name_from_path(const std::string& path);

}  // namespace sendplan::io
