// Plans run in the background: the API queues a job (inputs already read and checked) and answers
// at once; a worker thread plans the day, writes progress to the store about twice a second
// (so any server process sharing the store can show it), and stores the five output files with
// the summary in one transaction. A plan that fails, is cancelled or is stopped by shutdown is
// marked failed with the reason; so is one whose worker runs out of memory or throws. A job is
// a fresh plan, a re-plan around locked routes, or a mid-term update of a plan in force (which
// also stores changes.csv and changes.json, and the version's note).
//
// Fair to every borough: each borough has its own queue, at most max_per_borough plans waiting
// or running (more are refused, with the reason) and at most one running; free workers take
// the boroughs in turn (round robin: the borough served longest ago goes first). So Camden's three
// long plans delay Hackney's short one by at most the one Camden plan a worker is busy with, and
// not at all while a worker is free. Thread-safe.
//
// Pools of several boroughs (pool_jobs.h) run beside the plans, one at a time, on their own
// worker; PlanJobs owns it, so stop() stops both.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "server/pool_jobs.h"
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
  std::string borough;  // whose queue it waits in
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

struct PlanJobLimits {
  int workers = 2;          // plans at once (each plans its AM and PM runs on two threads)
  int max_per_borough = 3;  // waiting or running, per borough
  int max_waiting = 100;    // waiting, all boroughs together
};

// A rough upper estimate of the memory one plan needs: its places (pupils, schools and one
// depot per vehicle type) squared, for the AM and PM travel matrices (seconds and metres) and
// the engine's copies of them, plus a fixed part. 1,560 places: about 0.45 GB.
std::size_t estimated_plan_bytes(const transport::TransportInputs& inputs);

// What cancel() found.
enum class CancelOutcome { kCancelledWaiting, kStopping, kNotPending };

class PlanJobs {
 public:
  // `travel` must outlive this object.
  PlanJobs(store::Store& store, const travel::TravelSource& travel, PlanJobLimits limits = {});
  ~PlanJobs();
  PlanJobs(const PlanJobs&) = delete;
  PlanJobs& operator=(const PlanJobs&) = delete;

  // Why a new plan for `borough` cannot be queued now (too many of its plans waiting or
  // running, or the server's queue full), or nullopt when it can. Ask before storing the plan.
  std::optional<std::string> refusal(const std::string& borough) const;
  // Queues the job (it is failed at once when the server is stopping).
  void submit(PlanJob job);
  // Cancels a waiting plan (failed at once with `reason`) or stops a running one (its search
  // ends within a moment and it is failed with `reason`).
  CancelOutcome cancel(std::int64_t plan_id, const std::string& reason);
  // Stops taking jobs, cancels the running ones (their search ends at once; they are stored as
  // failed "stopped: ..."), fails the queued ones, and waits for the workers; pools too.
  // Idempotent.
  void stop();
  // Jobs waiting or running.
  int pending() const;
  // The plan the next free worker would start, if any (tests).
  std::optional<std::int64_t> next_to_start() const;
  // The travel model plans are made with (for the API's synchronous edits).
  const travel::TravelSource& travel() const { return travel_; }
  // The pools' queue and worker.
  PoolJobs& pools() { return pools_; }

 private:
  struct Running {
    std::string borough;
    std::shared_ptr<std::atomic<bool>> stop;
    std::string cancel_reason;  // "" unless cancelled
  };
  void work();
  void run(PlanJob& job, std::atomic<bool>& stop);
  // The borough whose plan starts next: of those with a plan waiting and none running, the one
  // served longest ago (never served first; ties by the oldest waiting plan). Under the lock.
  std::optional<std::string> next_borough() const;
  // Takes that borough's oldest waiting plan. Under the lock.
  std::optional<PlanJob> next_job();
  int waiting_locked() const;

  store::Store& store_;
  const travel::TravelSource& travel_;
  PlanJobLimits limits_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::map<std::string, std::deque<PlanJob>> queues_;  // by borough, oldest first
  std::map<std::string, std::uint64_t> last_served_;   // borough -> serial of its last start
  std::map<std::int64_t, std::uint64_t> queued_at_;    // plan id -> serial of its submission
  std::uint64_t serial_ = 0;
  std::map<std::int64_t, Running> running_;  // by plan id
  bool stopping_ = false;
  std::vector<std::thread> workers_;
  PoolJobs pools_;
};

}  // namespace sendplan::server
