// The OpenAPI description (src/server/openapi.json) and the routes the API registers
// (src/server/api.cpp) name the same endpoints: every documented method and path is routed, and
// every route is documented. Paths are compared by instantiating each documented path's
// parameters ("{id}" -> "1") and matching it against each route's regular expression.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace sendplan::testing {
namespace {

std::string read_source(const std::string& path) {
  std::ifstream in(std::string(SENDPLAN_SOURCE_DIR) + "/" + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct Route {
  std::string method;  // "GET", "POST", ...
  std::string pattern;
};

// The C++ string literal's value: R"(...)" as it is, "..." with its escapes undone.
std::string literal_value(const std::string& literal) {
  if (literal.rfind("R\"(", 0) == 0) return literal.substr(3, literal.size() - 5);
  std::string value;
  for (std::size_t i = 1; i + 1 < literal.size(); ++i) {
    if (literal[i] == '\\' && i + 2 < literal.size()) ++i;
    value += literal[i];
  }
  return value;
}

// server.Get("/api/x", ...), server.Post(R"(/api/x/(\d+))", ...) and
// server.Put(fmt::format("{}/inputs/([^/]+)", kBorough), ...) in api.cpp.
std::vector<Route> registered_routes() {
  const std::string source = read_source("src/server/api.cpp");
  std::smatch borough;
  EXPECT_TRUE(std::regex_search(source, borough, std::regex(R"re(kBorough = (R"\(.*?\)"))re")));
  const std::string borough_pattern = borough.empty() ? "" : literal_value(borough[1]);
  std::vector<Route> routes;
  const std::regex call(
      R"re(server\.(Get|Post|Put|Patch|Delete)\(\s*(fmt::format\(\s*)?(R"\(.*?\)"|"(?:[^"\\]|\\.)*"))re");
  for (auto it = std::sregex_iterator(source.begin(), source.end(), call);
       it != std::sregex_iterator(); ++it) {
    std::string method = (*it)[1];
    for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string pattern = literal_value((*it)[3]);
    if ((*it)[2].matched) pattern.replace(pattern.find("{}"), 2, borough_pattern);
    routes.push_back({method, pattern});
  }
  return routes;
}

struct Documented {
  std::string method;
  std::string path;     // as documented, "/api/plans/{id}"
  std::string example;  // parameters instantiated, "/api/plans/1"
};

std::vector<Documented> documented_paths() {
  const nlohmann::json openapi = nlohmann::json::parse(read_source("src/server/openapi.json"));
  std::vector<Documented> out;
  const std::regex parameter(R"(\{[A-Za-z_]+\})");
  for (const auto& [path, methods] : openapi.at("paths").items()) {
    const std::string example = std::regex_replace(path, parameter, "1");
    for (const auto& [method, operation] : methods.items()) {
      (void)operation;
      if (method == "parameters") continue;
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out.push_back({upper, path, example});
    }
  }
  return out;
}

// Whether route `r` answers the documented method and path `d`.
bool serves(const Route& r, const Documented& d) {
  return r.method == d.method && std::regex_match(d.example, std::regex(r.pattern));
}

TEST(OpenApiRoutes, EveryDocumentedEndpointIsRoutedAndEveryRouteDocumented) {
  const std::vector<Route> routes = registered_routes();
  const std::vector<Documented> documented = documented_paths();
  ASSERT_GT(routes.size(), 50u) << "api.cpp's routes were not found";
  ASSERT_GT(documented.size(), 50u);
  for (const Documented& d : documented)
    EXPECT_TRUE(
        std::any_of(routes.begin(), routes.end(), [&](const Route& r) { return serves(r, d); }))
        << d.method << " " << d.path << " is documented but not routed";
  for (const Route& r : routes)
    EXPECT_TRUE(std::any_of(documented.begin(), documented.end(),
                            [&](const Documented& d) { return serves(r, d); }))
        << r.method << " " << r.pattern << " is routed but not in openapi.json";
}

}  // namespace
}  // namespace sendplan::testing
