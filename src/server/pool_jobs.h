// Pools run in the background, one at a time: the API queues a job (the boroughs' inputs already
// read and checked) and answers at once; a worker thread plans the pool (transport::plan_pool),
// writes its progress to the store (at every step, and about twice a second within one), shares
// the cost (transport::share_pool) and stores pool.json with the files (pool_outputs.h) in one
// transaction. A pool that fails, is cancelled or is stopped by shutdown is marked failed with
// the reason; so is one whose worker runs out of memory or throws. Thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "store/store.h"
#include "transport/planner.h"
#include "transport/pool_search.h"
#include "transport/pool_sharing.h"
#include "travel/travel_source.h"

namespace sendplan::server {

struct PoolJob {
  std::int64_t pool_id = 0;
  std::vector<transport::BoroughInputs> boroughs;  // labels: the boroughs' names
  transport::PlannerSettings settings;  // policy; the first plans' engine limits (per run)
  transport::PoolSearchSettings search;
  transport::SharingSettings sharing;
};

// How far a pool is, from 0 to 1, from its stored status and step: the travel matrix, then
// each borough alone (to one half), then the seams (to 0.95), then sharing and the files.
double pool_progress(const store::PoolRecord& pool);

// What PoolJobs::cancel found.
enum class PoolCancelOutcome { kCancelledWaiting, kStopping, kNotPending };

class PoolJobs {
 public:
  // `travel` must outlive this object. At most `max_pending` pools waiting or running.
  PoolJobs(store::Store& store, const travel::TravelSource& travel, int max_pending = 3);
  ~PoolJobs();
  PoolJobs(const PoolJobs&) = delete;
  PoolJobs& operator=(const PoolJobs&) = delete;

  // Why a new pool cannot be queued now, or nullopt when it can. Ask before storing the pool.
  std::optional<std::string> refusal() const;
  // Queues the job (it is failed at once when the server is stopping).
  void submit(PoolJob job);
  // Cancels a waiting pool (failed at once with `reason`) or stops the running one (its search
  // ends within a moment and it is failed with `reason`).
  PoolCancelOutcome cancel(std::int64_t pool_id, const std::string& reason);
  // Stops taking jobs, stops the running pool (stored as failed "stopped: ..."), fails the
  // waiting ones, and waits for the worker. Idempotent.
  void stop();
  // Pools waiting or running.
  int pending() const;

 private:
  void work();
  void run(PoolJob& job, const std::atomic<bool>& stop);

  store::Store& store_;
  const travel::TravelSource& travel_;
  int max_pending_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<PoolJob> waiting_;  // oldest first
  std::int64_t running_ = 0;     // the running pool's id; 0 = none
  std::atomic<bool> stop_running_{false};
  std::string cancel_reason_;  // "" unless the running pool was cancelled
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace sendplan::server
