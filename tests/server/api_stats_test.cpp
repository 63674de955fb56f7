// The SEND data dashboard's API on both store backends, with real published files imported:
// who may read it, the indicator values behind the map and the ranking, a borough's profile
// (JSON, figure CSV, HTML report), inspection shares, and clear errors for bad requests.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "dfe/importer.h"
#include "server/test_server.h"

namespace sendplan::testing {
namespace {

std::string shared_file(const std::string& relative) {
  std::ifstream in(std::string(SENDPLAN_SHARED_DIR) + "/data/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The published cell of `measure` for `area_code` in the first row of `file` matching `period`
// and (when the file has the column) breakdown "All EHC plans": read with a plain CSV split, not
// the importer.
std::string published(const std::string& file, const std::string& area_code,
                      const std::string& period, const std::string& measure) {
  std::istringstream lines(shared_file(file));
  std::string line;
  std::getline(lines, line);
  auto split = [](const std::string& text) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (char c : text) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.push_back(cell);
        cell.clear();
      } else if (c != '\r') {
        cell += c;
      }
    }
    cells.push_back(cell);
    return cells;
  };
  const std::vector<std::string> header = split(line);
  auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  while (std::getline(lines, line)) {
    const std::vector<std::string> cells = split(line);
    const std::string& level = cells[column("geographic_level")];
    const std::string code = level == "National"   ? cells[column("country_code")]
                             : level == "Regional" ? cells[column("region_code")]
                                                   : cells[column("new_la_code")];
    if (code == area_code && cells[column("time_period")] == period) {
      return cells[column(measure)];
    }
  }
  return "";
}

class StatsApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  // One database per backend, imported and given its accounts by the first test; the others
  // start their server on it (the tests only read).
  void SetUp() override {
    static std::map<std::string, std::string> prepared;
    auto it = prepared.find(GetParam());
    if (it != prepared.end()) {
      server_ = std::make_unique<TestServer>(it->second, true);
    } else {
      server_ = std::make_unique<TestServer>(GetParam());
      std::vector<dfe::FileToImport> files;
      for (const char* name :
           {"sen2_ehcp/ehcp2025_caseload_totals_all_la.csv",
            "sen2_ehcp/ehcp2022_caseload_by_establishment_type_special_2010_2022.csv",
            "sen2_ehcp/ehcp2025_sen_needs_all_plans_totals_all_la.csv",
            "sen2_ehcp/ehcp2025_timeliness_20_week_totals_all_la.csv",
            "lait/statistical_neighbours_may_2025.csv",
            "ofsted_area_send/ofsted_area_send_inspections_2023_framework.csv"}) {
        files.push_back({name, shared_file(name)});
        ASSERT_FALSE(files.back().content.empty()) << name;
      }
      Result<dfe::ImportReport> imported = dfe::import_files(server_->store(), files, "test");
      ASSERT_TRUE(imported.ok()) << imported.error().to_string();
      server_->add_user("analyst", "analyst");
      server_->add_user("officer", "officer", "Hackney");
      prepared[GetParam()] = server_->url();
    }
    analyst_ = std::make_unique<Agent>(server_->port());
    ASSERT_TRUE(analyst_->sign_in("analyst"));
  }

  nlohmann::json get_json(const std::string& path, int status = 200) {
    auto result = analyst_->get(path);
    EXPECT_TRUE(result);
    if (!result) return {};
    EXPECT_EQ(result->status, status) << path << ": " << result->body;
    return nlohmann::json::parse(result->body, nullptr, false);
  }

  std::unique_ptr<TestServer> server_;
  std::unique_ptr<Agent> analyst_;
};

TEST_P(StatsApiTest, EveryStatsEndpointNeedsASignedInUserOfAnyRole) {
  Agent anonymous(server_->port());
  for (const char* path :
       {"/api/stats/indicators", "/api/stats/areas", "/api/stats/indicators/ehc-plans",
        "/api/stats/profile/E09000012", "/api/stats/inspections", "/api/stats/releases"}) {
    auto result = anonymous.get(path);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 401) << path;
  }
  Agent officer(server_->port());
  ASSERT_TRUE(officer.sign_in("officer"));
  // Public statistics: an officer may read another borough's profile.
  auto profile = officer.get("/api/stats/profile/E09000030");
  ASSERT_TRUE(profile);
  EXPECT_EQ(profile->status, 200);
}

TEST_P(StatsApiTest, IndicatorValuesMatchThePublishedFileAndAreRanked) {
  const nlohmann::json body = get_json("/api/stats/indicators/ehc-plans");
  EXPECT_EQ(body["period"], "2024/25");
  ASSERT_EQ(body["values"].size(), 33u);  // the London boroughs
  double sum = 0;
  for (const nlohmann::json& row : body["values"]) {
    EXPECT_EQ(row["area_code"].get<std::string>().substr(0, 3), "E09");
    if (row["area_code"] == "E09000012") {
      EXPECT_EQ(row["value"].get<double>(),
                std::stod(published("sen2_ehcp/ehcp2025_caseload_totals_all_la.csv", "E09000012",
                                    "202425", "ehcplans")));
    }
    sum += row["value"].get<double>();
  }
  // The boroughs add up to DfE's London figure, which the response carries too.
  const double london = std::stod(published("sen2_ehcp/ehcp2025_caseload_totals_all_la.csv",
                                            "E12000007", "202425", "ehcplans"));
  EXPECT_EQ(sum, london);
  EXPECT_EQ(body["london"]["value"].get<double>(), london);
  EXPECT_EQ(body["england"]["value"].get<double>(), 638745);
  // Ranks: 1 is the largest (no polarity), and they follow the values.
  std::map<int, double> by_rank;
  for (const nlohmann::json& row : body["values"]) {
    by_rank[row["rank"].get<int>()] = row["value"].get<double>();
  }
  EXPECT_EQ(by_rank.begin()->first, 1);
  for (auto it = std::next(by_rank.begin()); it != by_rank.end(); ++it) {
    EXPECT_LE(it->second, std::prev(it)->second);
  }
  const nlohmann::json england = get_json("/api/stats/indicators/ehc-plans?scope=england");
  EXPECT_GT(england["values"].size(), 140u);
  get_json("/api/stats/indicators/ehc-plans?scope=mars", 400);
  get_json("/api/stats/indicators/no-such-indicator", 404);
}

TEST_P(StatsApiTest, APeriodCanBeChosenAndMissingValuesKeepTheirSymbol) {
  const nlohmann::json body = get_json("/api/stats/indicators/timeliness-20-weeks?period=2019");
  EXPECT_EQ(body["period"], "2019");
  for (const nlohmann::json& row : body["values"]) {
    const std::string text = published("sen2_ehcp/ehcp2025_timeliness_20_week_totals_all_la.csv",
                                       row["area_code"], "2019", "pc_plans_issued_within_20_weeks");
    if (row["value"].is_null()) {
      EXPECT_EQ(row["symbol"], text);
      EXPECT_TRUE(row["rank"].is_null());
    } else {
      EXPECT_DOUBLE_EQ(row["value"].get<double>(), std::stod(text)) << row.dump();
    }
  }
}

TEST_P(StatsApiTest, AProfileHasFactsFiguresNeighboursAndAForecast) {
  const nlohmann::json profile = get_json("/api/stats/profile/Hackney");
  EXPECT_EQ(profile["area"]["code"], "E09000012");
  EXPECT_EQ(profile["neighbours"].size(), 10u);
  ASSERT_FALSE(profile["facts"].empty());
  EXPECT_EQ(profile["facts"][0]["value"], "3,681");  // January 2025, as published
  std::map<std::string, nlohmann::json> figures;
  for (const nlohmann::json& figure : profile["figures"]) {
    figures[figure["id"]] = figure;
    EXPECT_FALSE(figure["source"].get<std::string>().empty()) << figure["id"];
    EXPECT_FALSE(figure["period"].get<std::string>().empty()) << figure["id"];
  }
  for (const char* id : {"plans-over-time", "plans-growth", "forecast-by-need", "needs-mix",
                         "placement-mix", "timeliness-20-weeks"}) {
    EXPECT_EQ(figures.count(id), 1u) << id;
  }
  // The forecast's band holds its point forecast, and the by-need split adds up to it.
  ASSERT_TRUE(profile["forecast"].is_object());
  for (const nlohmann::json& year : profile["forecast"]["years"]) {
    EXPECT_LE(year["low"].get<double>(), year["plans"].get<double>());
    EXPECT_GE(year["high"].get<double>(), year["plans"].get<double>());
  }
  double first_year_by_need = 0;
  for (const nlohmann::json& series : figures["forecast-by-need"]["series"]) {
    first_year_by_need += series["points"][0]["value"].get<double>();
  }
  EXPECT_NEAR(first_year_by_need, profile["forecast"]["years"][0]["plans"].get<double>(), 13);
  EXPECT_GT(profile["backtest"]["horizons"][0]["cases"].get<int>(), 100);
}

TEST_P(StatsApiTest, TheCostPerPlanIsTheUsersWhenSet) {
  const nlohmann::json profile = get_json("/api/stats/profile/E09000012?cost_per_plan=20000");
  EXPECT_EQ(profile["forecast"]["cost_per_plan"], 20000);
  EXPECT_EQ(profile["forecast"]["cost_basis"], "set by the user");
  const nlohmann::json& year = profile["forecast"]["years"][0];
  EXPECT_DOUBLE_EQ(year["cost"].get<double>(), 20000 * year["plans"].get<double>());
  for (const char* bad : {"-1", "abc", "1e400", "20000x"}) {
    get_json(std::string("/api/stats/profile/E09000012?cost_per_plan=") + bad, 400);
  }
  get_json("/api/stats/profile/Atlantis", 404);
}

TEST_P(StatsApiTest, FiguresDownloadAsCsvAndTheReportAsOneHtmlFile) {
  auto csv = analyst_->get("/api/stats/profile/E09000012/figures/needs-mix.csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_EQ(csv->body.rfind("figure,series,period,year,value,symbol,unit,source\n", 0), 0u);
  EXPECT_NE(csv->body.find("Autistic spectrum disorder"), std::string::npos);
  auto missing = analyst_->get("/api/stats/profile/E09000012/figures/no-such-figure.csv");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  auto report = analyst_->get("/api/stats/profile/E09000012/report.html");
  ASSERT_TRUE(report);
  EXPECT_EQ(report->status, 200);
  EXPECT_NE(report->body.find("SEND profile: Hackney"), std::string::npos);
  EXPECT_EQ(report->body.find("<script"), std::string::npos);
  EXPECT_NE(report->body.find("<svg"), std::string::npos);
}

TEST_P(StatsApiTest, InspectionSharesCountTheLatestOutcomeOfEachArea) {
  const nlohmann::json body = get_json("/api/stats/inspections");
  int london[4] = {0, 0, 0, 0};
  int england = 0;
  for (const nlohmann::json& area : body["areas"]) {
    if (area["outcome"].is_null()) continue;
    ++england;
    if (area["london"].get<bool>()) ++london[area["outcome"].get<int>()];
  }
  EXPECT_EQ(body["england"]["inspected"], england);
  EXPECT_EQ(body["london"]["inspected"], london[1] + london[2] + london[3]);
  EXPECT_EQ(body["london"]["outcomes"][0]["areas"], london[1]);
  EXPECT_DOUBLE_EQ(body["london"]["outcomes"][0]["percent"].get<double>(),
                   100.0 * london[1] / (london[1] + london[2] + london[3]));
}

TEST_P(StatsApiTest, ReleasesListWhatWasImported) {
  const nlohmann::json body = get_json("/api/stats/releases");
  ASSERT_EQ(body["releases"].size(), 6u);
  for (const nlohmann::json& release : body["releases"]) {
    EXPECT_FALSE(release["publisher"].get<std::string>().empty());
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, StatsApiTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& backend) { return backend.param; });

}  // namespace
}  // namespace sendplan::testing
