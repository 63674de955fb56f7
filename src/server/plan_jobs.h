// Plans run in the background: the API queues a job (inputs already read and checked) and answers
// at once; a worker thread plans the day, writes progress to the store about twice a second
// (so any server process sharing the store can show it), and stores the five output files with
// the summary in one transaction. A plan that fails, or is stopped by shutdown, is marked failed
// with the reason. Thread-safe.
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
#include "transport/planner.h"
#include "transport/readers.h"
#include "travel/travel_source.h"

namespace sendplan::server {

struct PlanJob {
  std::int64_t plan_id = 0;
  transport::TransportInputs inputs;
  bool has_current = false;
  std::vector<transport::CurrentRoute> current;  // resolved against `inputs`
  transport::PlannerSettings settings;
  std::string title;  // the route sheets' heading
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
