// End-to-end: `sendplan plan` and `sendplan pool` on generated boroughs and on deliberately broken
// inputs, through the real program: the five output files agree with each other, the borough's
// own routes fed back as --current cost the same and break no rule, every input problem is listed
// at once with nothing written, and pooled shares add up to the pooled cost.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "e2e_support.h"

namespace sendplan::e2e {
namespace {

using nlohmann::json;

std::string boundaries() {
  return shared_dir() + "/data/boundaries/london_boroughs_gla.geojson";
}

// Generates a synthetic borough into dir/name; returns the directory.
std::string generate(const ScratchDir& dir, const std::string& borough, int pupils, int seed,
                     const std::string& name) {
  const RunResult r =
      run(sendplan_bin() + " generate --borough " + quote(borough) + " --pupils " +
              std::to_string(pupils) + " --seed " + std::to_string(seed) + " --out " +
              quote(dir.file(name)) + " --boundaries " + quote(boundaries()),
          dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return dir.file(name);
}

std::string inputs_of(const std::string& borough_dir) {
  return " --pupils " + quote(borough_dir + "/pupils.csv") + " --schools " +
         quote(borough_dir + "/schools.csv") + " --fleet " + quote(borough_dir + "/fleet.csv");
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(Plan, WritesFiveFilesThatAgree) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  const std::string borough = generate(dir, "Islington", 50, 4, "islington");
  const std::string out = dir.file("plan");
  const RunResult r = run(sendplan_bin() + " plan" + inputs_of(borough) +
                              " --time-limit 0 --iterations 200 --out " + quote(out),
                          dir.path());
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  EXPECT_NE(r.out.find("a day"), std::string::npos) << r.out;
  for (const char* name :
       {"routes.csv", "pupils.csv", "summary.json", "routes.geojson", "route_sheets.html"})
    EXPECT_TRUE(std::filesystem::exists(out + "/" + name)) << name;

  const json summary = json::parse(read_file(out + "/summary.json"));
  const std::vector<std::string> pupils = lines(read_file(out + "/pupils.csv"));
  ASSERT_EQ(pupils.size(), 1u + 2 * 50);  // header, AM and PM per child
  int unserved = 0;
  for (size_t i = 1; i < pupils.size(); ++i)
    if (pupils[i].find(",AM,,") != std::string::npos ||
        pupils[i].find(",PM,,") != std::string::npos)
      ++unserved;
  EXPECT_EQ(summary["summary"]["unserved"].get<int>(), unserved);
  EXPECT_EQ(r.exit_code, unserved == 0 ? 0 : 1);

  // routes.csv: one pickup and one drop-off per served child-run.
  const std::vector<std::string> stops = lines(read_file(out + "/routes.csv"));
  EXPECT_EQ(stops.front(), "run,route_id,vehicle_type,seq,pupil_id,action,place,lat,lon,time");
  EXPECT_EQ(stops.size(), 1u + 2 * (2 * 50 - unserved));
  const json geo = json::parse(read_file(out + "/routes.geojson"));
  EXPECT_EQ(geo["type"], "FeatureCollection");
  const int routes =
      summary["summary"]["routes"]["AM"].get<int>() + summary["summary"]["routes"]["PM"].get<int>();
  int lines_drawn = 0;
  for (const json& feature : geo["features"])
    if (feature["geometry"]["type"] == "LineString") ++lines_drawn;
  EXPECT_EQ(lines_drawn, routes);
  const std::string sheets = read_file(out + "/route_sheets.html");
  EXPECT_NE(sheets.find("Islington"), std::string::npos);
}

// Issue 12: children whose direct journey is longer than their limit are planned, flagged and
// counted, and the command exits 0 (a plan that leaves them at home is not a plan).
TEST(Plan, ChildrenFurtherThanTheirLimitArePlannedAndTheExitCodeIsZero) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  const std::string borough = generate(dir, "Havering", 30, 5, "havering");
  // The first six children's own limit is 3 minutes: nobody's direct journey is that short.
  std::string pupils = read_file(borough + "/pupils.csv");
  const std::vector<std::string> rows = lines(pupils);
  std::vector<std::string> header;
  {
    std::istringstream cells(rows[0]);
    for (std::string cell; std::getline(cells, cell, ',');) header.push_back(cell);
  }
  const size_t column = static_cast<size_t>(
      std::find(header.begin(), header.end(), "max_ride_minutes") - header.begin());
  ASSERT_LT(column, header.size());
  std::string changed = rows[0] + "\n";
  for (size_t i = 1; i < rows.size(); ++i) {
    std::vector<std::string> cells;
    std::istringstream in(rows[i]);
    for (std::string cell; std::getline(in, cell, ',');) cells.push_back(cell);
    cells.resize(header.size());
    if (i <= 6) cells[column] = "3";
    for (size_t c = 0; c < cells.size(); ++c) changed += (c ? "," : "") + cells[c];
    changed += "\n";
  }
  write_file(borough + "/pupils.csv", changed);
  const std::string out = dir.file("plan");
  const RunResult r = run(sendplan_bin() + " plan" + inputs_of(borough) +
                              " --time-limit 0 --iterations 200 --out " + quote(out),
                          dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const json summary = json::parse(read_file(out + "/summary.json"));
  const json& groups = summary["summary"]["journey_time"];
  EXPECT_EQ(summary["summary"]["unserved"], 0);
  EXPECT_EQ(groups["over_guidance_avoidable"], 0);
  EXPECT_EQ(groups["within_guidance"].get<int>() + groups["over_guidance_unavoidable"].get<int>(),
            60);
  // The six, both runs, and any child of the generated borough whose school is that far.
  ASSERT_EQ(summary["over_guidance_unavoidable"].size(),
            groups["over_guidance_unavoidable"].get<size_t>());
  int three_minute = 0;
  for (const json& child : summary["over_guidance_unavoidable"]) {
    three_minute += child["limit_minutes"] == 3 ? 1 : 0;
    EXPECT_GT(child["direct_minutes"].get<double>(), child["limit_minutes"].get<double>());
    EXPECT_LE(child["ride_minutes"].get<double>(), child["allowed_minutes"].get<double>());
  }
  EXPECT_EQ(three_minute, 12);
  EXPECT_NE(read_file(out + "/pupils.csv").find(",unavoidable,"), std::string::npos);
  EXPECT_NE(
      read_file(out + "/route_sheets.html").find("over guidance: unavoidable (direct journey"),
      std::string::npos);
  EXPECT_NE(r.err.find("over guidance but unavoidably so"), std::string::npos) << r.err;
}

TEST(Plan, OwnRoutesFedBackAsCurrentCostTheSame) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  const std::string borough = generate(dir, "Camden", 40, 8, "camden");
  const RunResult first =
      run(sendplan_bin() + " plan" + inputs_of(borough) +
              " --time-limit 0 --iterations 200 --out " + quote(dir.file("first")),
          dir.path());
  ASSERT_TRUE(first.exit_code == 0 || first.exit_code == 1) << first.err;
  const RunResult second = run(
      sendplan_bin() + " plan" + inputs_of(borough) + " --time-limit 0 --iterations 200 --out " +
          quote(dir.file("second")) + " --current " + quote(dir.file("first") + "/routes.csv"),
      dir.path());
  ASSERT_TRUE(second.exit_code == 0 || second.exit_code == 1) << second.err;
  const json planned = json::parse(read_file(dir.file("first") + "/summary.json"))["summary"];
  const json summary = json::parse(read_file(dir.file("second") + "/summary.json"));
  ASSERT_TRUE(summary.contains("current")) << summary.dump(2);
  const json& current = summary["current"]["summary"];
  // Re-timed by the same model, the plan's own routes keep every rule and need the same fleet.
  EXPECT_EQ(current["over_limit"], 0);
  EXPECT_EQ(current["unserved"], planned["unserved"]);
  EXPECT_EQ(current["vehicles"], planned["vehicles"]);
  EXPECT_NEAR(current["miles"].get<double>(), planned["miles"].get<double>(), 0.05);
  EXPECT_TRUE(summary.contains("comparison"));
  EXPECT_NE(second.out.find("Saving against current routes"), std::string::npos) << second.out;
}

// The rows of routes.csv text that belong to one route of one run, in order.
std::vector<std::string> route_rows(const std::string& routes_csv, const std::string& run,
                                    const std::string& route_id) {
  std::vector<std::string> out;
  for (const std::string& line : lines(routes_csv))
    if (line.rfind(run + "," + route_id + ",", 0) == 0) out.push_back(line);
  return out;
}

// The first route id of `run` in routes.csv text.
std::string first_route(const std::string& routes_csv, const std::string& run) {
  for (const std::string& line : lines(routes_csv)) {
    if (line.rfind(run + ",", 0) != 0) continue;
    const size_t from = line.find(',') + 1;
    return line.substr(from, line.find(',', from) - from);
  }
  return "";
}

// Issue 12: routes an officer locks come back row for row; the rest is planned around them.
TEST(Plan, LockedRoutesComeBackRowForRow) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  const std::string borough = generate(dir, "Camden", 40, 8, "camden");
  const std::string zones = " --boundaries " + quote(boundaries());
  const RunResult first =
      run(sendplan_bin() + " plan" + inputs_of(borough) + zones +
              " --time-limit 0 --iterations 200 --out " + quote(dir.file("first")),
          dir.path());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string routes = read_file(dir.file("first") + "/routes.csv");
  const std::string am = first_route(routes, "AM"), pm = first_route(routes, "PM");
  ASSERT_FALSE(am.empty() || pm.empty()) << routes;
  std::string locked = lines(routes)[0] + "\n";
  for (const auto& [run_name, id] : {std::pair{"AM", am}, std::pair{"PM", pm}})
    for (const std::string& row : route_rows(routes, run_name, id)) locked += row + "\n";
  write_file(dir.file("locked.csv"), locked);

  const RunResult second =
      run(sendplan_bin() + " plan" + inputs_of(borough) + zones +
              " --time-limit 0 --iterations 300 --seed 5 --out " + quote(dir.file("second")) +
              " --locked " + quote(dir.file("locked.csv")),
          dir.path());
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const std::string replanned = read_file(dir.file("second") + "/routes.csv");
  EXPECT_EQ(route_rows(replanned, "AM", am), route_rows(routes, "AM", am));
  EXPECT_EQ(route_rows(replanned, "PM", pm), route_rows(routes, "PM", pm));
  const json summary = json::parse(read_file(dir.file("second") + "/summary.json"));
  EXPECT_EQ(summary["summary"]["unserved"], 0);
  EXPECT_EQ(summary["summary"]["journey_time"]["over_guidance_avoidable"], 0);
}

// Issue 12: a mid-term update with a new child keeps the other routes and lists what changed.
TEST(Plan, UpdateWithANewChildListsTheChangesAndKeepsRoutes) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  const std::string borough = generate(dir, "Camden", 40, 8, "camden");
  const RunResult first =
      run(sendplan_bin() + " plan" + inputs_of(borough) +
              " --time-limit 0 --iterations 200 --out " + quote(dir.file("first")),
          dir.path());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  // A new child living where the first child lives, going to the same school.
  std::vector<std::string> pupils = lines(read_file(borough + "/pupils.csv"));
  std::string added = pupils[1];
  added.replace(0, added.find(','), "PNEW");
  std::string text;
  for (const std::string& line : pupils) text += line + "\n";
  write_file(borough + "/pupils.csv", text + added + "\n");

  const RunResult update =
      run(sendplan_bin() + " plan" + inputs_of(borough) +
              " --time-limit 0 --iterations 200 --max-time-shift 10 --out " +
              quote(dir.file("update")) + " --update " + quote(dir.file("first") + "/routes.csv"),
          dir.path());
  ASSERT_EQ(update.exit_code, 0) << update.err;
  EXPECT_NE(update.out.find("Update: 1 joined, 0 left, 0 moved"), std::string::npos) << update.out;
  const std::vector<std::string> changes = lines(read_file(dir.file("update") + "/changes.csv"));
  ASSERT_GE(changes.size(), 3u);  // the header and the new child's two runs at least
  int joined = 0;
  for (const std::string& row : changes) joined += row.rfind("PNEW,", 0) == 0 ? 1 : 0;
  EXPECT_EQ(joined, 2);
  const json summary = json::parse(read_file(dir.file("update") + "/summary.json"));
  EXPECT_EQ(summary["summary"]["unserved"], 0);
  // Most routes are kept as they were: a row of the first plan's routes.csv is still there.
  const std::string before = read_file(dir.file("first") + "/routes.csv");
  const std::string after = read_file(dir.file("update") + "/routes.csv");
  int kept = 0, rows = 0;
  for (const std::string& row : lines(before)) {
    ++rows;
    kept += after.find(row + "\n") != std::string::npos ? 1 : 0;
  }
  EXPECT_GT(kept, rows / 2) << after;
}

// Issue 12: the zone travel model is the default; without the boundaries file, a warning and one
// speed; a --boundaries file that is not there is an error.
TEST(Plan, TravelModelFollowsTheBoundariesFile) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  const std::string borough = generate(dir, "Bromley", 12, 3, "bromley");
  const std::string common = " plan" + inputs_of(borough) + " --time-limit 0 --iterations 50";
  const RunResult zones = run(sendplan_bin() + common + " --boundaries " + quote(boundaries()) +
                                  " --out " + quote(dir.file("zones")),
                              dir.path());
  EXPECT_EQ(zones.exit_code, 0) << zones.err;
  EXPECT_NE(zones.err.find("Travel times: London zone model"), std::string::npos) << zones.err;
  EXPECT_NE(read_file(dir.file("zones") + "/route_sheets.html").find("London zone model"),
            std::string::npos);

  // Run from the scratch directory, the default ../shared/... is not there.
  const RunResult fallback =
      run(sendplan_bin() + common + " --out " + quote(dir.file("uniform")), dir.path());
  EXPECT_EQ(fallback.exit_code, 0) << fallback.err;
  EXPECT_NE(fallback.err.find("warning: "), std::string::npos) << fallback.err;
  EXPECT_NE(fallback.err.find("the uniform model"), std::string::npos) << fallback.err;
  EXPECT_NE(fallback.err.find("Travel times: London model"), std::string::npos) << fallback.err;

  const RunResult missing =
      run(sendplan_bin() + common + " --boundaries " + quote(dir.file("nowhere.geojson")) +
              " --out " + quote(dir.file("missing")),
          dir.path());
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("nowhere.geojson"), std::string::npos) << missing.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("missing")));

  const RunResult bad = run(
      sendplan_bin() + common + " --travel-model fast --out " + quote(dir.file("bad")), dir.path());
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("--travel-model must be 'zones' or 'uniform'"), std::string::npos)
      << bad.err;
}

TEST(Plan, EveryInputProblemIsListedAndNothingIsWritten) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  const std::string borough = generate(dir, "Hackney", 10, 2, "hackney");
  // Break two pupil rows and one fleet row.
  std::vector<std::string> pupils = lines(read_file(borough + "/pupils.csv"));
  std::string& row3 = pupils[3];
  row3.replace(row3.find(",no,"), 4, ",maybe,");
  pupils[5] = pupils[5].substr(0, pupils[5].rfind(',')) + ",abc";  // age
  std::string text;
  for (const std::string& line : pupils) text += line + "\n";
  write_file(borough + "/pupils.csv", text);
  std::vector<std::string> fleet = lines(read_file(borough + "/fleet.csv"));
  fleet[1].replace(fleet[1].find(','), 1, ",-");  // seats "-4"
  text.clear();
  for (const std::string& line : fleet) text += line + "\n";
  write_file(borough + "/fleet.csv", text);

  const std::string out = dir.file("plan");
  const RunResult r = run(sendplan_bin() + " plan" + inputs_of(borough) +
                              " --iterations 10 --time-limit 0 --out " + quote(out),
                          dir.path());
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("pupils.csv:4: column 'wheelchair'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("pupils.csv:6: column 'age'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("fleet.csv:2: column 'seats'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Nothing was written"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(Plan, UnknownPupilInCurrentRoutesIsAProblemAtItsRow) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  const std::string borough = generate(dir, "Hackney", 10, 2, "hackney");
  write_file(dir.file("current.csv"),
             "run,route_id,vehicle_type,seq,pupil_id,action\nAM,R1,taxi,1,P0001,pickup\n"
             "AM,R1,taxi,2,P0001,dropoff\nAM,R2,bus,1,NOBODY,pickup\nAM,R2,bus,2,NOBODY,dropoff\n");
  const RunResult r =
      run(sendplan_bin() + " plan" + inputs_of(borough) + " --iterations 10 --time-limit 0 --out " +
              quote(dir.file("plan")) + " --current " + quote(dir.file("current.csv")),
          dir.path());
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("current.csv:4: column 'vehicle_type': vehicle type 'bus'"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("current.csv:4: column 'pupil_id': pupil 'NOBODY'"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("current.csv:5: column 'pupil_id'"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("plan")));
}

TEST(Plan, PostcodesPlaceHomesSchoolsAndDepots) {
  ScratchDir dir;
  // A postcode file in the ONS Postcode Directory layout (grid references), three real
  // postcodes' locations rounded to 100 m.
  write_file(dir.file("postcodes.csv"),
             "pcds,oseast1m,osnrth1m\nNW1 2DB,529900,182600\nN1 9GU,530400,183200\n"
             "N7 8DB,530900,185600\n");
  write_file(
      dir.file("pupils.csv"),
      "pupil_id,borough,home_postcode,school_id,wheelchair,passenger_assistant,"
      "travel_alone,age\nA1,Camden,nw1 2db,S1,no,no,no,12\nA2,Camden,N1 9GU,S1,yes,no,no,8\n");
  write_file(dir.file("schools.csv"),
             "school_id,name,borough,postcode,start_time,finish_time\n"
             "S1,Test School,Islington,N7 8DB,09:00,15:30\n");
  write_file(dir.file("fleet.csv"),
             "vehicle_type,seats,wheelchair_spaces,available,fixed_cost_per_day,cost_per_mile,"
             "cost_per_hour,depot_postcode\nwav,4,1,2,95,2.60,0,N1 9GU\n");
  const std::string inputs = " --pupils " + quote(dir.file("pupils.csv")) + " --schools " +
                             quote(dir.file("schools.csv")) + " --fleet " +
                             quote(dir.file("fleet.csv"));
  const RunResult r =
      run(sendplan_bin() + " plan" + inputs + " --postcodes " + quote(dir.file("postcodes.csv")) +
              " --time-limit 0 --iterations 50 --out " + quote(dir.file("plan")),
          dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json summary = json::parse(read_file(dir.file("plan") + "/summary.json"));
  EXPECT_EQ(summary["summary"]["unserved"], 0);
  EXPECT_EQ(summary["summary"]["vehicles"], 1);  // both children fit one WAV
  // Without the postcode file the same inputs are a problem on every postcode row.
  const RunResult missing =
      run(sendplan_bin() + " plan" + inputs + " --time-limit 0 --iterations 50 --out " +
              quote(dir.file("plan2")),
          dir.path());
  EXPECT_EQ(missing.exit_code, 4);
  EXPECT_NE(missing.err.find("pupils.csv:2"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("pupils.csv:3"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("schools.csv:2"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("fleet.csv:2"), std::string::npos) << missing.err;
}

TEST(Pool, SharesAddUpToThePooledCost) {
  SENDPLAN_REQUIRE_SHARED();
  ScratchDir dir;
  const std::string camden = generate(dir, "Camden", 25, 1, "camden");
  const std::string islington = generate(dir, "Islington", 25, 2, "islington");
  for (const char* sharing : {"proportional", "shapley"}) {
    const std::string out = dir.file(std::string("pool-") + sharing);
    const RunResult r =
        run(sendplan_bin() + " pool --borough " + quote("camden=" + camden) + " --borough " +
                quote("islington=" + islington) +
                " --time-limit 0 --iterations 150 --cluster-iterations 100 --sharing " + sharing +
                " --out " + quote(out),
            dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json pool = json::parse(read_file(out + "/pool.json"));
    std::int64_t shares = 0, alone = 0;
    for (const json& b : pool["boroughs"]) {
      shares += b["share_per_day_pence"].get<std::int64_t>();
      alone += b["standalone_per_day_pence"].get<std::int64_t>();
    }
    EXPECT_EQ(shares, pool["pooled_per_day_pence"].get<std::int64_t>()) << sharing;
    EXPECT_EQ(alone, pool["standalone_total_per_day_pence"].get<std::int64_t>());
    // Pooling starts from the boroughs' own plans: never dearer than them, each share within
    // its borough's stand-alone cost, explained, and the core checked.
    EXPECT_LE(pool["pooled_per_day_pence"].get<std::int64_t>(), alone);
    for (const json& b : pool["boroughs"]) {
      EXPECT_LE(b["share_per_day_pence"].get<std::int64_t>(),
                b["standalone_per_day_pence"].get<std::int64_t>());
      EXPECT_NE(b["explanation"].get<std::string>().find(b["label"].get<std::string>()),
                std::string::npos);
    }
    EXPECT_EQ(pool["core_check"]["coalitions_checked"], 2);
    EXPECT_EQ(pool["search"]["cluster_iterations"], 100);
    EXPECT_NE(read_file(out + "/pool.csv").find("explanation"), std::string::npos);
    for (const char* sub : {"camden", "islington", "pooled"})
      EXPECT_TRUE(std::filesystem::exists(out + "/" + sub + "/summary.json")) << sub;
    // The pooled plan carries every child of both boroughs.
    const json pooled = json::parse(read_file(out + "/pooled/summary.json"));
    EXPECT_EQ(pooled["summary"]["pupils"], 50);
    if (std::string(sharing) == "shapley") {
      EXPECT_EQ(pool["coalitions"].size(), 3u);
    }
  }
}

TEST(Pool, BadArgumentsAreRefused) {
  ScratchDir dir;
  const RunResult one = run(
      sendplan_bin() + " pool --borough a=" + quote(dir.path()) + " --out " + quote(dir.file("o")),
      dir.path());
  EXPECT_EQ(one.exit_code, 2);
  const RunResult label = run(sendplan_bin() + " pool --borough " + quote("bad label=x") +
                                  " --borough b=y --out " + quote(dir.file("o")),
                              dir.path());
  EXPECT_EQ(label.exit_code, 2);
  EXPECT_NE(label.err.find("LABEL=DIR"), std::string::npos) << label.err;
  const RunResult effort = run(sendplan_bin() + " pool --borough a=x --borough b=y " +
                                   "--cluster-iterations 0 --out " + quote(dir.file("o")),
                               dir.path());
  EXPECT_EQ(effort.exit_code, 2);
  EXPECT_NE(effort.err.find("iterations per cluster"), std::string::npos) << effort.err;
}

}  // namespace
}  // namespace sendplan::e2e
