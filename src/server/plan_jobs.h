// Plans run in the background: the API queues a job (inputs already read and checked) and answers
// at once; a worker thread plans the day, writes progress to the store about twice a second
// (so any server process sharing the store can show it), and stores the five output files with
// the summary in one transaction. A plan that fails, or is stopped by shutdown, is marked failed
// with the reason. A job is a fresh plan, a re-plan around locked routes, or a mid-term update
// of a plan in force (which also stores changes.csv and changes.json, and the version's note).
// Thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"
#include "transport/plan_edits.h"
#include "transport/planner.h"
#include "transport/readers.h"
#include "travel/travel_source.h"

namespace sendplan::server {

enum class PlanJobKind {
  kPlan,        // transport::plan_day
  kPlanAround,  // transport::plan_around `locked`
  kUpdate,      // transport::update_day from `in_force`
};

struct PlanJob {
  std::int64_t plan_id = 0;
  PlanJobKind kind = PlanJobKind::kPlan;
  transport::TransportInputs inputs;
  bool has_current = false;
  std::vector<transport::CurrentRoute> current;  // resolved against `inputs`
  transport::PlannerSettings settings;
  std::string title;                               // the route sheets' heading
  std::vector<transport::CurrentRoute> locked;     // kPlanAround: resolved against `inputs`
  std::vector<transport::PreviousRoute> in_force;  // kUpdate: the plan being updated
  transport::UpdateSettings update;                // kUpdate
};

class PlanJobs {
 public:
  // `travel` must outlive this object. `workers` plans may run at once (each plans its AM and
  // PM runs on two threads).
  PlanJobs(store::Store& store, const travel::TravelSource& travel, int workers = 1);
  ~PlanJobs();
  PlanJobs(const PlanJobs&) = delete;
  PlanJobs& operator=(const PlanJobs&) = delete;

  void submit(PlanJob job);
  // Stops taking jobs, cancels the running ones (their search ends at once; they are stored as
  // failed "stopped: ..."), fails the queued ones, and waits for the workers. Idempotent.
  void stop();
  // Jobs waiting or running.
  int pending() const;
  // The travel model plans are made with (for the API's synchronous edits).
  const travel::TravelSource& travel() const { return travel_; }

 private:
  void work();
  void run(PlanJob& job);

  store::Store& store_;
  const travel::TravelSource& travel_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<PlanJob> queue_;
  int running_ = 0;
  bool stopping_ = false;
  std::atomic<bool> cancel_{false};
  std::vector<std::thread> workers_;
};

}  // namespace sendplan::server
