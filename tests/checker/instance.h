// The checker's own model of a benchmark instance (cordeau DARP, solomon VRPTW, lilim PDPTW):
// nodes indexed by their file id, which ids are depots, the requests and the fleet limits.
// Deliberately independent of src/ so the feasibility check cannot inherit a solver bug.
#pragma once

#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace sendplan::check {

// A file that cannot be read or parsed (instance or solution); the message names the file.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class Format { kCordeau, kSolomon, kLiLim };

// "cordeau" | "solomon" | "lilim"; nullopt otherwise.
std::optional<Format> format_from_name(std::string_view name);
std::string_view format_name(Format format);

inline constexpr double kNoLimit = std::numeric_limits<double>::infinity();

struct Node {
  int id = 0;
  double x = 0;
  double y = 0;
  double service = 0;  // service duration
  double demand = 0;   // load change when served (cordeau q, lilim demand, solomon demand)
  double ready = 0;    // earliest start of service
  double due = 0;      // latest start of service (depot: latest departure / return)
};

// One thing to serve: a pickup-delivery pair (cordeau, lilim) or a single customer (solomon).
struct Request {
  std::string name;   // the pickup (or customer) node id as text
  int pickup = -1;    // node id of the pickup / the customer
  int delivery = -1;  // node id of the delivery; -1 for a single-stop request
};

struct Instance {
  Format format = Format::kCordeau;
  std::string file;
  std::vector<Node> nodes;  // nodes[id].id == id
  int start_depot = 0;
  int end_depot = 0;  // cordeau: 2n+1; otherwise the same as start_depot
  int fleet_size = 0;
  double capacity = 0;
  double max_ride_time = kNoLimit;       // cordeau L
  double max_route_duration = kNoLimit;  // cordeau T
  std::vector<Request> requests;
  std::vector<int> request_of_node;  // index into requests; -1 for depots

  // Euclidean distance between two node ids (= travel time = cost), unrounded.
  double travel(int from, int to) const;
  bool is_depot(int id) const { return id == start_depot || id == end_depot; }
  // A valid stop in a route: an existing node that is not a depot.
  bool is_stop(int id) const;
  // Pickup and delivery must share a route (false for solomon).
  bool paired() const { return format != Format::kSolomon; }
};

// Parse text already in memory; `file` is used in error messages. Throws InputError
// ("file:line: reason").
Instance parse_cordeau(std::string_view text, const std::string& file);
Instance parse_solomon(std::string_view text, const std::string& file);
Instance parse_lilim(std::string_view text, const std::string& file);
Instance parse_instance(Format format, std::string_view text, const std::string& file);
// Reads the file; InputError naming it when it cannot be read or parsed.
Instance read_instance(Format format, const std::string& path);

// Whole file as text; InputError naming it when it cannot be opened.
std::string read_text_file(const std::string& path);

}  // namespace sendplan::check
