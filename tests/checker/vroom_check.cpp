// The VROOM rules, re-verified step by step from the problem's matrices (see vroom_check.h).
#include "vroom_check.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace sendplan::check::vroom {
namespace {

const char* type_name(TaskType type) {
  switch (type) {
    case TaskType::kJob:
      return "job";
    case TaskType::kPickup:
      return "pickup";
    case TaskType::kDelivery:
      return "delivery";
  }
  return "?";
}

std::string amount_text(const Amount& amount) {
  return fmt::format("[{}]", fmt::join(amount, ", "));
}

// Where a task was served.
struct Visit {
  int route = -1;     // -1: not in any route
  int position = 0;   // 1-based among the route's task steps
  int64_t start = 0;  // start of service (arrival + waiting)
  int64_t done = 0;   // end of service
};

// An item on board from leaving task position `from` until arriving at task position `to`
// (0 = the start, tasks+1 = the end), as sendplan defines it: a job's delivery from the start to
// the job, a job's pickup from the job to the end (a job with no amount counts as a delivery),
// a shipment from its pickup to its delivery.
struct OnBoard {
  int from = 0;
  int to = 0;
  int shipment = -1;  // -1 for a job
  std::string name;
};

class VroomChecker {
 public:
  VroomChecker(const Problem& problem, const Solution& solution)
      : problem_(problem), solution_(solution), visits_(problem.tasks.size()) {
    for (size_t t = 0; t < problem.tasks.size(); ++t)
      task_index_[{problem.tasks[t].type, problem.tasks[t].id}] = static_cast<int>(t);
    for (size_t v = 0; v < problem.vehicles.size(); ++v)
      vehicle_index_[problem.vehicles[v].id] = static_cast<int>(v);
  }

  Report run() {
    report_.requests_total = problem_.jobs + static_cast<int>(problem_.shipments.size());
    std::vector<bool> vehicle_used(problem_.vehicles.size(), false);
    for (size_t r = 0; r < solution_.routes.size(); ++r) {
      const Route& route = solution_.routes[r];
      const int route_index = static_cast<int>(r);
      auto found = vehicle_index_.find(route.vehicle);
      if (found == vehicle_index_.end()) {
        add(Rule::kVehicleIndex, route_index,
            fmt::format("vehicle {} does not exist", route.vehicle));
        continue;
      }
      if (vehicle_used[found->second])
        add(Rule::kVehicleIndex, route_index,
            fmt::format("vehicle {} already drives another route", route.vehicle));
      vehicle_used[found->second] = true;
      check_route(route_index, problem_.vehicles[found->second]);
    }
    check_shipments();
    check_coverage();
    check_summary();
    return std::move(report_);
  }

 private:
  void add(Rule rule, int route, std::string message) {
    report_.violations.push_back({rule, route, -1, std::move(message)});
  }

  int find_task(const std::string& type, Id id) const {
    TaskType t;
    if (type == "job") {
      t = TaskType::kJob;
    } else if (type == "pickup") {
      t = TaskType::kPickup;
    } else if (type == "delivery") {
      t = TaskType::kDelivery;
    } else {
      return -1;
    }
    auto found = task_index_.find({t, id});
    return found == task_index_.end() ? -1 : found->second;
  }

  // The items on board of route r's task list, for the sharing rules.
  std::vector<OnBoard> items_on_board(const std::vector<int>& tasks) const {
    std::vector<OnBoard> items;
    const int end = static_cast<int>(tasks.size()) + 1;
    std::map<int, int> pickup_position;  // shipment → position
    for (size_t k = 0; k < tasks.size(); ++k) {
      const Task& task = problem_.tasks[tasks[k]];
      const int position = static_cast<int>(k) + 1;
      const std::string name = fmt::format("{} {}", type_name(task.type), task.id);
      if (task.type == TaskType::kJob) {
        const bool collects =
            std::any_of(task.pickup.begin(), task.pickup.end(), [](int64_t a) { return a > 0; });
        const bool delivers = std::any_of(task.delivery.begin(), task.delivery.end(),
                                          [](int64_t a) { return a > 0; });
        if (delivers || !collects) items.push_back({0, position, -1, name});
        if (collects) items.push_back({position, end, -1, name});
      } else if (task.type == TaskType::kPickup) {
        pickup_position[task.shipment] = position;
      } else if (auto p = pickup_position.find(task.shipment); p != pickup_position.end()) {
        items.push_back({p->second, position, task.shipment,
                         fmt::format("shipment {}", problem_.tasks[tasks[p->second - 1]].id)});
      }
    }
    return items;
  }

  void check_sharing(int r, const std::vector<int>& tasks) {
    const std::vector<OnBoard> items = items_on_board(tasks);
    for (size_t a = 0; a < items.size(); ++a) {
      for (size_t b = a + 1; b < items.size(); ++b) {
        const OnBoard& x = items[a];
        const OnBoard& y = items[b];
        if (!(x.from < y.to && y.from < x.to)) continue;  // never on board together
        const bool x_alone = x.shipment >= 0 && problem_.shipments[x.shipment].ride_alone;
        const bool y_alone = y.shipment >= 0 && problem_.shipments[y.shipment].ride_alone;
        if (x_alone || y_alone)
          add(Rule::kRideAlone, r,
              fmt::format("{} rides alone but shares the vehicle with {}",
                          x_alone ? x.name : y.name, x_alone ? y.name : x.name));
        if (x.shipment >= 0 && y.shipment >= 0) {
          for (const auto& [s, t] : problem_.never_together) {
            if ((s == x.shipment && t == y.shipment) || (s == y.shipment && t == x.shipment))
              add(Rule::kNotTogether, r,
                  fmt::format("{} and {} must never be on board together", x.name, y.name));
          }
        }
      }
    }
  }

  void check_route(int r, const Vehicle& vehicle) {
    const Route& route = solution_.routes[r];
    const std::vector<Step>& steps = route.steps;
    size_t first = 0, last = steps.size();
    if (vehicle.start) {
      if (steps.empty() || steps.front().type != "start") {
        add(Rule::kUnknownNode, r, "the vehicle has a start but the route has no start step");
      } else {
        first = 1;
      }
    }
    if (vehicle.end) {
      if (steps.size() <= first || steps.back().type != "end") {
        add(Rule::kUnknownNode, r, "the vehicle has an end but the route has no end step");
      } else {
        last = steps.size() - 1;
      }
    }
    const size_t dimensions = vehicle.capacity.size();
    Amount load(dimensions, 0), delivered(dimensions, 0), collected(dimensions, 0);
    std::vector<int> tasks;  // task indices in route order
    for (size_t k = first; k < last; ++k) {
      const Step& step = steps[k];
      const int t = step.id ? find_task(step.type, *step.id) : -1;
      if (t < 0) {
        add(Rule::kUnknownNode, r,
            fmt::format("step {}: no {} with id {} in the problem", k, step.type,
                        step.id ? fmt::format("{}", *step.id) : std::string("(none)")));
        continue;
      }
      if (visits_[t].route >= 0) {
        add(Rule::kDuplicateNode, r,
            fmt::format("{} {} is already served on route {}", step.type, *step.id,
                        visits_[t].route));
        continue;
      }
      visits_[t].route = r;
      tasks.push_back(t);
      const Task& task = problem_.tasks[t];
      if (task.type == TaskType::kJob) add_to(load, task.delivery, r, "delivery");
    }

    // Timeline.
    std::optional<int> at = vehicle.start;
    int64_t clock = 0;     // when the vehicle is free to leave `at`
    int64_t travel = 0;    // cumulated travel time
    int64_t distance = 0;  // cumulated distance
    double exact_cost = static_cast<double>(vehicle.fixed);
    int64_t setup_sum = 0, service_sum = 0, waiting_sum = 0, priority_sum = 0;
    check_load(r, load, vehicle, "the start");
    if (vehicle.start && first == 1) {
      const Step& start = steps.front();
      clock = start.arrival;
      if (start.arrival < vehicle.window.start)
        add(Rule::kDepotDeparture, r,
            fmt::format("leaves at {} before the vehicle's time window opens at {}", start.arrival,
                        vehicle.window.start));
      expect_step_figures(r, start, 0, 0, load, "start");
    }
    size_t step_index = first;
    for (size_t k = 0; k < tasks.size(); ++k, ++step_index) {
      while (step_index < last &&
             (!steps[step_index].id ||
              find_task(steps[step_index].type, *steps[step_index].id) != tasks[k]))
        ++step_index;
      const Step& step = steps[step_index];
      const Task& task = problem_.tasks[tasks[k]];
      const std::string name = fmt::format("{} {}", type_name(task.type), task.id);
      if (!problem_.distances.empty() && at) distance += problem_.distance(*at, task.location);
      const int64_t leg = at ? problem_.travel(vehicle, *at, task.location) : 0;
      if (at) exact_cost += problem_.leg_cost(vehicle, *at, task.location);
      travel += leg;
      const int64_t earliest = at ? clock + leg : vehicle.window.start;
      if (step.arrival < earliest)
        add(Rule::kTravelTime, r,
            fmt::format("{}: arrives at {} but cannot be there before {}", name, step.arrival,
                        earliest));
      if (step.location && *step.location != task.location)
        add(Rule::kReportedValue, r,
            fmt::format("{}: location_index {} but the task is at {}", name, *step.location,
                        task.location));
      if (step.waiting_time < 0)
        add(Rule::kReportedValue, r, fmt::format("{}: negative waiting time", name));
      const int64_t start = step.arrival + step.waiting_time;
      if (!task.windows.empty() &&
          std::none_of(task.windows.begin(), task.windows.end(),
                       [&](const Window& w) { return w.start <= start && start <= w.end; })) {
        std::vector<std::string> windows;
        for (const Window& w : task.windows)
          windows.push_back(fmt::format("[{}, {}]", w.start, w.end));
        add(Rule::kTimeWindow, r,
            fmt::format("{}: service starts at {}, outside {}", name, start,
                        fmt::join(windows, ", ")));
      }
      // VROOM skips the setup when the previous step is at the same place; both are accepted.
      const bool same_place = at && *at == task.location;
      if (step.setup != task.setup && !(same_place && step.setup == 0))
        add(Rule::kReportedValue, r,
            fmt::format("{}: setup {} but the task's setup is {}", name, step.setup, task.setup));
      if (step.service != task.service)
        add(Rule::kReportedValue, r,
            fmt::format("{}: service {} but the task's service is {}", name, step.service,
                        task.service));
      if (!std::includes(vehicle.skills.begin(), vehicle.skills.end(), task.skills.begin(),
                         task.skills.end()))
        add(Rule::kSkills, r,
            fmt::format("{} needs skills [{}] but vehicle {} has [{}]", name,
                        fmt::join(task.skills, ", "), vehicle.id, fmt::join(vehicle.skills, ", ")));
      if (task.type == TaskType::kJob) {
        subtract(load, task.delivery);
        add_to(load, task.pickup, r, name);
        add_to(delivered, task.delivery, r, name);
        add_to(collected, task.pickup, r, name);
      } else {
        const Amount& amount = problem_.shipments[task.shipment].amount;
        if (task.type == TaskType::kPickup) {
          add_to(load, amount, r, name);
          add_to(collected, amount, r, name);
        } else {
          subtract(load, amount);
          add_to(delivered, amount, r, name);
        }
      }
      check_load(r, load, vehicle, name);
      expect_step_figures(r, step, travel, distance, load, name);
      visits_[tasks[k]].position = static_cast<int>(k) + 1;
      visits_[tasks[k]].start = start;
      visits_[tasks[k]].done = start + step.setup + step.service;
      clock = visits_[tasks[k]].done;
      at = task.location;
      setup_sum += step.setup;
      service_sum += step.service;
      waiting_sum += step.waiting_time;
      priority_sum += task.priority;
    }
    int64_t finish = clock;
    if (vehicle.end && last < steps.size()) {
      const Step& end = steps.back();
      const int64_t leg = at ? problem_.travel(vehicle, *at, *vehicle.end) : 0;
      if (at && !problem_.distances.empty()) distance += problem_.distance(*at, *vehicle.end);
      if (at) exact_cost += problem_.leg_cost(vehicle, *at, *vehicle.end);
      travel += leg;
      if (end.arrival < clock + leg)
        add(Rule::kTravelTime, r,
            fmt::format("end: arrives at {} but cannot be there before {}", end.arrival,
                        clock + leg));
      finish = end.arrival;
      expect_step_figures(r, end, travel, distance, load, "end");
    }
    if (finish > vehicle.window.end)
      add(Rule::kDepotReturn, r,
          fmt::format("the route ends at {} after the vehicle's time window closes at {}", finish,
                      vehicle.window.end));

    const int64_t task_count = static_cast<int64_t>(tasks.size());
    if (vehicle.max_tasks && task_count > *vehicle.max_tasks)
      add(Rule::kMaxTasks, r,
          fmt::format("{} tasks but vehicle {} takes at most {}", task_count, vehicle.id,
                      *vehicle.max_tasks));
    if (vehicle.max_travel_time && travel > *vehicle.max_travel_time)
      add(Rule::kMaxTravelTime, r,
          fmt::format("travel time {} > max_travel_time {}", travel, *vehicle.max_travel_time));
    if (vehicle.max_distance && !problem_.distances.empty() && distance > *vehicle.max_distance)
      add(Rule::kMaxDistance, r,
          fmt::format("distance {} > max_distance {}", distance, *vehicle.max_distance));
    check_sharing(r, tasks);

    const int64_t cost = std::llround(exact_cost);
    report_.cost += static_cast<double>(cost);
    if (std::abs(static_cast<double>(route.cost) - exact_cost) > 1.0)
      add(Rule::kCost, r,
          fmt::format("reported cost {} but recomputed {:.3f}", route.cost, exact_cost));
    expect(r, "duration", route.duration, travel);
    expect(r, "setup", route.setup, setup_sum);
    expect(r, "service", route.service, service_sum);
    expect(r, "waiting_time", route.waiting_time, waiting_sum);
    expect(r, "priority", route.priority, priority_sum);
    if (route.distance && !problem_.distances.empty())
      expect(r, "distance", *route.distance, distance);
    if (route.delivery && *route.delivery != delivered)
      add(Rule::kReportedValue, r,
          fmt::format("delivery {} but the tasks deliver {}", amount_text(*route.delivery),
                      amount_text(delivered)));
    if (route.pickup && *route.pickup != collected)
      add(Rule::kReportedValue, r,
          fmt::format("pickup {} but the tasks collect {}", amount_text(*route.pickup),
                      amount_text(collected)));
    if (!tasks.empty()) ++report_.routes_used;
    totals_.setup += setup_sum;
    totals_.service += service_sum;
    totals_.duration += travel;
    totals_.waiting_time += waiting_sum;
    totals_.priority += priority_sum;
    total_distance_ += distance;
    totals_.cost += route.cost;
    add_sum(totals_delivery_, delivered);
    add_sum(totals_pickup_, collected);
  }

  void add_to(Amount& total, const Amount& amount, int r, const std::string& name) {
    if (amount.empty()) return;
    if (amount.size() != total.size()) {
      add(Rule::kCapacity, r,
          fmt::format("{}: amount has {} dimensions but the vehicle's capacity {}", name,
                      amount.size(), total.size()));
      return;
    }
    for (size_t d = 0; d < total.size(); ++d) total[d] += amount[d];
  }
  static void subtract(Amount& total, const Amount& amount) {
    for (size_t d = 0; d < total.size() && d < amount.size(); ++d) total[d] -= amount[d];
  }
  static void add_sum(Amount& total, const Amount& amount) {
    if (total.size() < amount.size()) total.resize(amount.size(), 0);
    for (size_t d = 0; d < amount.size(); ++d) total[d] += amount[d];
  }

  void check_load(int r, const Amount& load, const Vehicle& vehicle, const std::string& name) {
    for (size_t d = 0; d < load.size(); ++d) {
      if (load[d] > vehicle.capacity[d] || load[d] < 0)
        add(Rule::kCapacity, r,
            fmt::format("after {}: load {} outside capacity {} in dimension {}", name,
                        amount_text(load), amount_text(vehicle.capacity), d));
    }
  }

  void expect_step_figures(int r, const Step& step, int64_t travel, int64_t distance,
                           const Amount& load, const std::string& name) {
    if (step.duration != travel)
      add(Rule::kReportedValue, r,
          fmt::format("{}: duration {} but the travel so far is {}", name, step.duration, travel));
    if (step.distance && !problem_.distances.empty() && *step.distance != distance)
      add(Rule::kReportedValue, r,
          fmt::format("{}: distance {} but the distance so far is {}", name, *step.distance,
                      distance));
    if (step.load && !load.empty() && *step.load != load)
      add(Rule::kReportedValue, r,
          fmt::format("{}: load {} but the load is {}", name, amount_text(*step.load),
                      amount_text(load)));
  }

  void expect(int r, const char* what, int64_t reported, int64_t recomputed) {
    if (reported != recomputed)
      add(Rule::kReportedValue, r,
          fmt::format("{} {} but recomputed {}", what, reported, recomputed));
  }

  void check_shipments() {
    for (const Shipment& shipment : problem_.shipments) {
      const Visit& pickup = visits_[shipment.pickup];
      const Visit& delivery = visits_[shipment.delivery];
      const std::string name = fmt::format("shipment {}", problem_.tasks[shipment.pickup].id);
      if (pickup.route < 0 && delivery.route < 0) continue;
      ++report_.requests_served;
      if (pickup.route < 0 || delivery.route < 0) {
        add(Rule::kIncompleteRequest, std::max(pickup.route, delivery.route),
            fmt::format("{}: only its {} is served", name,
                        pickup.route >= 0 ? "pickup" : "delivery"));
      } else if (pickup.route != delivery.route) {
        add(Rule::kSplitRequest, pickup.route,
            fmt::format("{}: pickup on route {}, delivery on route {}", name, pickup.route,
                        delivery.route));
      } else if (delivery.position < pickup.position) {
        add(Rule::kPrecedence, pickup.route, fmt::format("{}: delivered before its pickup", name));
      } else {
        double limit = shipment.max_ride_time;
        if (shipment.max_ride_factor < kNoLimit) {
          const Route& route = solution_.routes[pickup.route];
          const Vehicle& vehicle = problem_.vehicles[vehicle_index_.at(route.vehicle)];
          const Task& p = problem_.tasks[shipment.pickup];
          const Task& d = problem_.tasks[shipment.delivery];
          limit = std::min(limit, shipment.max_ride_factor * static_cast<double>(problem_.travel(
                                                                 vehicle, p.location, d.location)));
        }
        const int64_t ride = delivery.start - pickup.done;
        if (static_cast<double>(ride) > limit + kTimeTolerance)
          add(Rule::kRideTime, pickup.route,
              fmt::format("{}: ride time {} > limit {:.3f}", name, ride, limit));
      }
    }
    for (int t = 0; t < problem_.jobs; ++t)
      if (visits_[t].route >= 0) ++report_.requests_served;
  }

  void check_coverage() {
    std::vector<bool> listed(problem_.tasks.size(), false);
    for (const Unassigned& entry : solution_.unassigned) {
      const int t = find_task(entry.type, entry.id);
      if (t < 0) {
        add(Rule::kUnknownRequest, -1,
            fmt::format("\"unassigned\" lists {} {} which the problem does not have", entry.type,
                        entry.id));
        continue;
      }
      if (listed[t])
        add(Rule::kUnknownRequest, -1,
            fmt::format("\"unassigned\" lists {} {} twice", entry.type, entry.id));
      listed[t] = true;
    }
    for (size_t t = 0; t < problem_.tasks.size(); ++t) {
      const Task& task = problem_.tasks[t];
      const std::string name = fmt::format("{} {}", type_name(task.type), task.id);
      const bool served = visits_[t].route >= 0;
      if (served && listed[t])
        add(Rule::kServedAndUnserved, visits_[t].route,
            name + " is served and also listed in \"unassigned\"");
      else if (!served && !listed[t])
        add(Rule::kMissingRequest, -1, name + " is neither served nor listed in \"unassigned\"");
    }
  }

  void check_summary() {
    const Summary& s = solution_.summary;
    if (s.cost != totals_.cost)
      add(Rule::kCost, -1,
          fmt::format("summary cost {} but the routes' costs add up to {}", s.cost, totals_.cost));
    int64_t non_empty = 0;
    for (const Route& route : solution_.routes) non_empty += route.steps.empty() ? 0 : 1;
    if (s.routes != non_empty)
      add(Rule::kVehiclesUsed, -1,
          fmt::format("summary routes {} but there are {}", s.routes, non_empty));
    expect(-1, "summary unassigned", s.unassigned,
           static_cast<int64_t>(solution_.unassigned.size()));
    expect(-1, "summary setup", s.setup, totals_.setup);
    expect(-1, "summary service", s.service, totals_.service);
    expect(-1, "summary duration", s.duration, totals_.duration);
    expect(-1, "summary waiting_time", s.waiting_time, totals_.waiting_time);
    expect(-1, "summary priority", s.priority, totals_.priority);
    if (s.distance && !problem_.distances.empty())
      expect(-1, "summary distance", *s.distance, total_distance_);
    auto same = [](const Amount& reported, Amount computed) {
      computed.resize(std::max(reported.size(), computed.size()), 0);
      Amount padded = reported;
      padded.resize(computed.size(), 0);
      return padded == computed;
    };
    if (s.delivery && !same(*s.delivery, totals_delivery_))
      add(Rule::kReportedValue, -1,
          fmt::format("summary delivery {} but the routes deliver {}", amount_text(*s.delivery),
                      amount_text(totals_delivery_)));
    if (s.pickup && !same(*s.pickup, totals_pickup_))
      add(Rule::kReportedValue, -1,
          fmt::format("summary pickup {} but the routes collect {}", amount_text(*s.pickup),
                      amount_text(totals_pickup_)));
  }

  const Problem& problem_;
  const Solution& solution_;
  std::map<std::pair<TaskType, Id>, int> task_index_;
  std::map<Id, int> vehicle_index_;
  std::vector<Visit> visits_;
  Summary totals_;
  int64_t total_distance_ = 0;
  Amount totals_delivery_, totals_pickup_;
  Report report_;
};

}  // namespace

Report check_solution(const Problem& problem, const Solution& solution) {
  return VroomChecker(problem, solution).run();
}

}  // namespace sendplan::check::vroom
