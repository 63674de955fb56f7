// Changing a plan rather than making a new one (issue 12): locked routes kept exactly, children
// moved between routes, mid-term updates that change as few routes as possible, and the
// comparison of two plans. Every result passes the independent day check.
#include "transport/plan_edits.h"

#include <gtest/gtest.h>

#include <set>

#include "day_check.h"
#include "planner_fixtures.h"

namespace sendplan::transport {
namespace {

using namespace testing;

// Twelve children at two schools, a mixed fleet: several routes on each run.
TransportInputs borough() {
  TransportInputs inputs;
  inputs.schools = {school("S1", near(3, 3)), school("S2", near(-2, 4), 8 * 60 + 45)};
  for (int i = 0; i < 12; ++i)
    inputs.pupils.push_back(
        pupil("P" + std::to_string(i), near(i % 4 - 1.5, i / 3.0), i % 3 == 0 ? "S2" : "S1"));
  inputs.pupils[4].wheelchair = true;
  inputs.pupils[7].needs_passenger_assistant = true;
  inputs.pupils[9].must_travel_alone = true;
  inputs.fleet = {vehicle("taxi", 4, 0, 8, 6500), vehicle("wav", 5, 1, 3, 9500)};
  return inputs;
}

DayMatrices matrices_of(const TransportInputs& inputs) {
  auto model = travel::make_london_model();
  auto matrices = day_matrices(inputs, *model.value());
  EXPECT_TRUE(matrices.ok());
  return std::move(matrices).value();
}

std::string check(const TransportInputs& inputs, const DayMatrices& m, const DayPlan& day) {
  return check_day(inputs, m.morning, m.afternoon, day);
}

const TransportRoute* find_route(const DayPlan& day, const std::string& id) {
  for (const TransportRoute& route : day.routes)
    if (route.route_id == id) return &route;
  return nullptr;
}

void expect_identical(const TransportRoute& a, const TransportRoute& b) {
  EXPECT_EQ(a.run, b.run);
  EXPECT_EQ(a.vehicle_type, b.vehicle_type);
  EXPECT_EQ(a.with_assistant, b.with_assistant);
  EXPECT_EQ(a.depart, b.depart);
  EXPECT_EQ(a.return_time, b.return_time);
  EXPECT_EQ(a.miles, b.miles);
  ASSERT_EQ(a.stops.size(), b.stops.size());
  for (size_t k = 0; k < a.stops.size(); ++k) {
    EXPECT_EQ(a.stops[k].pupil_id, b.stops[k].pupil_id);
    EXPECT_EQ(a.stops[k].pickup, b.stops[k].pickup);
    EXPECT_EQ(a.stops[k].place, b.stops[k].place);
    EXPECT_EQ(a.stops[k].arrival, b.stops[k].arrival);
    EXPECT_EQ(a.stops[k].time, b.stops[k].time);
  }
}

// The longest AM route of a plan (a route worth locking).
const TransportRoute& longest_morning_route(const DayPlan& day) {
  const TransportRoute* best = nullptr;
  for (const TransportRoute& route : day.routes)
    if (route.run == Run::kMorning && (!best || route.stops.size() > best->stops.size()))
      best = &route;
  return *best;
}

TEST(PlanAround, ALockedRouteIsKeptExactlyAndEveryoneElseIsPlanned) {
  const TransportInputs inputs = borough();
  const Planned first = plan(inputs);
  ASSERT_EQ(first.check, "");
  const TransportRoute& chosen = longest_morning_route(first.day.day);
  ASSERT_GE(chosen.stops.size(), 4u);
  std::vector<CurrentRoute> locked;
  for (const CurrentRoute& route : routes_of(first.day.day, inputs))
    if (route.route_id == chosen.route_id) locked.push_back(route);
  ASSERT_EQ(locked.size(), 1u);

  PlannerSettings other_seed = quick_settings();
  other_seed.solver.seed = 99;  // a different search: only the lock keeps the route
  auto again = plan_around(inputs, matrices_of(inputs), other_seed, locked);
  ASSERT_TRUE(again.ok()) << again.error().to_string();
  const DayPlan& day = again.value().day;
  EXPECT_EQ(check(inputs, again.value().matrices, day), "");
  const TransportRoute* kept = find_route(day, chosen.route_id);
  ASSERT_NE(kept, nullptr);
  expect_identical(*kept, chosen);
  EXPECT_EQ(day.summary.unserved, 0);
  // No other route carries a locked child on that run; route ids stay unique.
  std::set<std::string> ids;
  for (const TransportRoute& route : day.routes) {
    EXPECT_TRUE(ids.insert(route.route_id).second) << route.route_id;
    if (&route == kept || route.run != Run::kMorning) continue;
    for (const RouteStop& stop : route.stops)
      for (const RouteStop& mine : chosen.stops) EXPECT_NE(stop.pupil_id, mine.pupil_id);
  }
}

TEST(ApplyEdit, AMovedChildRidesOnTheTargetRouteAndOthersAreUntouched) {
  const TransportInputs inputs = borough();
  const Planned first = plan(inputs);
  ASSERT_EQ(first.check, "");
  const DayPlan& day = first.day.day;
  // Move the first child of the first AM route with another AM route to go to.
  std::vector<const TransportRoute*> morning;
  for (const TransportRoute& route : day.routes)
    if (route.run == Run::kMorning) morning.push_back(&route);
  ASSERT_GE(morning.size(), 3u);
  const std::string child = morning[0]->stops[0].pupil_id;
  const std::string target = morning[1]->route_id;
  PlanEdit edit;
  edit.moves.push_back({child, Run::kMorning, target});
  auto edited =
      apply_edit(inputs, first.day.matrices, quick_settings(), routes_of(day, inputs), edit);
  ASSERT_TRUE(edited.ok()) << edited.error().to_string();
  EXPECT_EQ(check(inputs, first.day.matrices, edited.value()), "");
  EXPECT_EQ(outcome(edited.value(), child, Run::kMorning).route_id, target);
  // The third route was not touched.
  const TransportRoute* third = find_route(edited.value(), morning[2]->route_id);
  ASSERT_NE(third, nullptr);
  expect_identical(*third, *morning[2]);
  // The comparison names the child and the two routes.
  const DayPlan before =
      cost_current_routes(inputs, first.day.matrices, routes_of(day, inputs), quick_settings());
  const PlanDifference difference = compare_days(before, edited.value());
  bool named = false;
  for (const ChildChange& change : difference.children)
    named = named || (change.pupil_id == child && change.after_route == target);
  EXPECT_TRUE(named);
  EXPECT_NE(std::find(difference.routes_changed.begin(), difference.routes_changed.end(), target),
            difference.routes_changed.end());
  EXPECT_EQ(std::find(difference.routes_changed.begin(), difference.routes_changed.end(),
                      morning[2]->route_id),
            difference.routes_changed.end());
}

TEST(ApplyEdit, BadEditsAreRefusedWithTheReason) {
  const TransportInputs inputs = borough();
  const Planned first = plan(inputs);
  const std::vector<CurrentRoute> routes = routes_of(first.day.day, inputs);
  std::string pm_route;
  for (const CurrentRoute& r : routes)
    if (r.run == Run::kAfternoon) pm_route = r.route_id;
  auto refused = [&](const PlanEdit& edit, const std::string& words) {
    auto result = apply_edit(inputs, first.day.matrices, quick_settings(), routes, edit);
    ASSERT_FALSE(result.ok());
    EXPECT_NE(result.error().message.find(words), std::string::npos) << result.error().message;
  };
  refused({{{"NOBODY", Run::kMorning, routes[0].route_id}}, {}}, "no child NOBODY");
  refused({{{"P1", Run::kMorning, "AM-999"}}, {}}, "no route AM-999");
  refused({{{"P1", Run::kMorning, pm_route}}, {}}, "is a PM route");
  refused({{}, {"XX-1"}}, "no route XX-1");
}

TEST(ApplyEdit, ARemovedRoutesChildrenAreLeftUnplannedUntilReplanned) {
  const TransportInputs inputs = borough();
  const Planned first = plan(inputs);
  const TransportRoute& gone = longest_morning_route(first.day.day);
  PlanEdit edit;
  edit.removed_routes.push_back(gone.route_id);
  auto edited = apply_edit(inputs, first.day.matrices, quick_settings(),
                           routes_of(first.day.day, inputs), edit);
  ASSERT_TRUE(edited.ok());
  EXPECT_EQ(check(inputs, first.day.matrices, edited.value()), "");
  EXPECT_EQ(find_route(edited.value(), gone.route_id), nullptr);
  EXPECT_EQ(edited.value().summary.unserved, static_cast<int>(gone.stops.size() / 2));
}

// An update from the plan in force: the plan's own routes and times.
Result<UpdatedDay> update(const TransportInputs& inputs, const DayPlan& in_force,
                          double shift = 10) {
  UpdateSettings settings;
  settings.max_time_shift_minutes = shift;
  return update_day(inputs, matrices_of(inputs), quick_settings(), previous_routes(in_force),
                    settings);
}

// Every child who stays on their route keeps their times within the cap.
void expect_within_shift(const DayPlan& before, const DayPlan& after, double shift,
                         const std::set<std::string>& changed_children) {
  for (const PupilRun& was : before.pupil_runs) {
    if (was.route_id.empty() || changed_children.count(was.pupil_id)) continue;
    const PupilRun& now = outcome(after, was.pupil_id, was.run);
    if (now.route_id != was.route_id) continue;
    EXPECT_LE(std::abs(now.pickup - was.pickup), shift + 1e-6) << was.pupil_id;
    EXPECT_LE(std::abs(now.dropoff - was.dropoff), shift + 1e-6) << was.pupil_id;
  }
}

TEST(UpdateDay, NothingChangedKeepsEveryRoute) {
  const TransportInputs inputs = borough();
  const Planned first = plan(inputs);
  auto updated = update(inputs, first.day.day);
  ASSERT_TRUE(updated.ok()) << updated.error().to_string();
  const UpdateReport& report = updated.value().report;
  EXPECT_TRUE(report.joined.empty() && report.left.empty() && report.moved.empty());
  EXPECT_TRUE(report.difference.routes_changed.empty());
  EXPECT_TRUE(report.difference.routes_added.empty());
  EXPECT_TRUE(report.difference.children.empty());
  EXPECT_EQ(report.routes_kept, static_cast<int>(first.day.day.routes.size()));
  EXPECT_EQ(updated.value().planned.day.summary.cost.total_pence(),
            first.day.day.summary.cost.total_pence());
}

TEST(UpdateDay, ANewChildChangesAtMostTheRoutesItMust) {
  TransportInputs inputs = borough();
  const Planned first = plan(inputs);
  inputs.pupils.push_back(pupil("NEW", near(0.5, 1.2)));
  auto updated = update(inputs, first.day.day);
  ASSERT_TRUE(updated.ok()) << updated.error().to_string();
  const DayPlan& day = updated.value().planned.day;
  EXPECT_EQ(check(inputs, updated.value().planned.matrices, day), "");
  const UpdateReport& report = updated.value().report;
  EXPECT_EQ(report.joined, std::vector<std::string>{"NEW"});
  EXPECT_EQ(day.summary.unserved, 0);
  // One route per run takes the child (or one new vehicle does): at most two routes change.
  EXPECT_LE(report.difference.routes_changed.size() + report.difference.routes_added.size(), 2u);
  EXPECT_TRUE(report.difference.routes_removed.empty());
  expect_within_shift(first.day.day, day, 10, {"NEW"});
}

TEST(UpdateDay, ALeaverIsTakenOffAndAMoverReplanned) {
  TransportInputs inputs = borough();
  const Planned first = plan(inputs);
  inputs.pupils.erase(inputs.pupils.begin() + 2);  // P2 left
  for (Pupil& p : inputs.pupils)
    if (p.id == "P5") p.home = near(2.5, 5);  // P5 moved house
  auto updated = update(inputs, first.day.day, 5);
  ASSERT_TRUE(updated.ok()) << updated.error().to_string();
  const DayPlan& day = updated.value().planned.day;
  EXPECT_EQ(check(inputs, updated.value().planned.matrices, day), "");
  const UpdateReport& report = updated.value().report;
  EXPECT_EQ(report.left, std::vector<std::string>{"P2"});
  EXPECT_EQ(report.moved, std::vector<std::string>{"P5"});
  EXPECT_EQ(day.summary.unserved, 0);
  for (const TransportRoute& route : day.routes)
    for (const RouteStop& stop : route.stops) EXPECT_NE(stop.pupil_id, "P2");
  expect_within_shift(first.day.day, day, 5, {"P5", "P2"});
}

TEST(CompareDays, APlanComparedWithItselfHasNoChanges) {
  const Planned first = plan(borough());
  const PlanDifference same = compare_days(first.day.day, first.day.day);
  EXPECT_EQ(same.cost_per_day_change_pence, 0);
  EXPECT_TRUE(same.children.empty());
  EXPECT_TRUE(same.routes_changed.empty() && same.routes_added.empty() &&
              same.routes_removed.empty());
}

}  // namespace
}  // namespace sendplan::transport
