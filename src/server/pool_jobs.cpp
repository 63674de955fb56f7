#include "server/pool_jobs.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "report/pool_files.h"
#include "report/settings_json.h"
#include "server/pool_outputs.h"

namespace sendplan::server {
namespace {

constexpr const char* kStoppedMessage =
    "stopped: the server was shut down before the pool finished; start it again";
constexpr const char* kAlone = " alone";  // plan_pool's step "<label> alone"

bool is_alone_step(const std::string& step) {
  return step.size() > std::string(kAlone).size() && step.ends_with(kAlone);
}

// The step in words for the progress line.
std::string step_message(const std::string& step, int done, int total) {
  if (step == "travel matrix") return "Working out travel times for the whole pool";
  if (is_alone_step(step))
    return fmt::format("Planning {} on its own ({} of {} boroughs)",
                       step.substr(0, step.size() - std::string(kAlone).size()), done + 1, total);
  if (step == "alone") return "Every borough is planned on its own";
  if (step == "seams")
    return fmt::format("Pooling where the boroughs meet: {} of {} cluster plans", done, total);
  if (step == "sharing") return "Sharing the cost between the boroughs";
  if (step == "files") return "Writing the files";
  return step;
}

// Writes plan_pool's progress to the store: at every new step, and at most every 400 ms within
// one (the seams report from two threads).
class ProgressWriter {
 public:
  ProgressWriter(store::Store& store, std::int64_t pool_id) : store_(store), pool_id_(pool_id) {}

  void report(const transport::PoolProgress& progress) {
    std::lock_guard lock(mutex_);
    const auto now = std::chrono::steady_clock::now();
    if (progress.step == last_step_ && progress.done != progress.total &&
        now - last_ < std::chrono::milliseconds(400))
      return;
    last_step_ = progress.step;
    last_ = now;
    store::PoolRecord record;
    record.status = store::PlanStatus::kRunning;
    record.step = progress.step;
    record.steps_done = std::max(0, progress.done);
    record.steps_total = std::max(0, progress.total);
    record.message = step_message(progress.step, progress.done, progress.total);
    (void)store_.update_pool_progress(pool_id_, record);
  }

 private:
  store::Store& store_;
  std::int64_t pool_id_;
  std::mutex mutex_;
  std::string last_step_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace

double pool_progress(const store::PoolRecord& pool) {
  if (pool.status == store::PlanStatus::kDone) return 1;
  const double part =
      pool.steps_total > 0
          ? std::clamp(static_cast<double>(pool.steps_done) / pool.steps_total, 0.0, 1.0)
          : 0.0;
  if (pool.step == "travel matrix") return 0.02;
  if (is_alone_step(pool.step)) return 0.05 + 0.45 * part;
  if (pool.step == "alone") return 0.5;
  if (pool.step == "seams") return pool.steps_total > 0 ? 0.5 + 0.45 * part : 0.95;
  if (pool.step == "sharing") return 0.96;
  if (pool.step == "files") return 0.98;
  return 0;
}

PoolJobs::PoolJobs(store::Store& store, const travel::TravelSource& travel, int max_pending)
    : store_(store), travel_(travel), max_pending_(std::max(1, max_pending)) {
  worker_ = std::thread([this] { work(); });
}

PoolJobs::~PoolJobs() {
  stop();
}

std::optional<std::string> PoolJobs::refusal() const {
  std::lock_guard lock(mutex_);
  if (stopping_) return std::string("the server is stopping; start the pool again in a moment");
  const int pending = static_cast<int>(waiting_.size()) + (running_ != 0 ? 1 : 0);
  if (pending >= max_pending_)
    return fmt::format(
        "{} pools are already waiting or running (at most {}; they run one at a time); wait for "
        "one to finish or cancel one",
        pending, max_pending_);
  return std::nullopt;
}

void PoolJobs::submit(PoolJob job) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      waiting_.push_back(std::move(job));
      wake_.notify_one();
      return;
    }
  }
  (void)store_.fail_pool(job.pool_id, kStoppedMessage, store::utc_now());
}

PoolCancelOutcome PoolJobs::cancel(std::int64_t pool_id, const std::string& reason) {
  {
    std::lock_guard lock(mutex_);
    if (running_ == pool_id && pool_id != 0) {
      cancel_reason_ = reason;
      stop_running_ = true;
      return PoolCancelOutcome::kStopping;
    }
    const auto found = std::find_if(waiting_.begin(), waiting_.end(),
                                    [&](const PoolJob& job) { return job.pool_id == pool_id; });
    if (found == waiting_.end()) return PoolCancelOutcome::kNotPending;
    waiting_.erase(found);
  }
  (void)store_.fail_pool(pool_id, reason, store::utc_now());
  return PoolCancelOutcome::kCancelledWaiting;
}

int PoolJobs::pending() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(waiting_.size()) + (running_ != 0 ? 1 : 0);
}

void PoolJobs::stop() {
  std::deque<PoolJob> dropped;
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !worker_.joinable()) return;
    stopping_ = true;
    stop_running_ = true;
    dropped.swap(waiting_);
    wake_.notify_all();
  }
  for (const PoolJob& job : dropped)
    (void)store_.fail_pool(job.pool_id, kStoppedMessage, store::utc_now());
  if (worker_.joinable()) worker_.join();
}

void PoolJobs::work() {
  while (true) {
    PoolJob job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !waiting_.empty(); });
      if (stopping_) return;
      job = std::move(waiting_.front());
      waiting_.pop_front();
      running_ = job.pool_id;
      stop_running_ = false;
      cancel_reason_.clear();
    }
    const std::int64_t id = job.pool_id;
    try {
      run(job, stop_running_);
    } catch (const std::bad_alloc&) {
      spdlog::error("pool {}: out of memory", id);
      (void)store_.fail_pool(id,
                             "the pool needed more memory than the server has: pool fewer "
                             "boroughs or children at a time",
                             store::utc_now());
    } catch (const std::exception& e) {
      spdlog::error("pool {}: {}", id, e.what());
      (void)store_.fail_pool(id, "the pool could not be made (an internal error; it is logged)",
                             store::utc_now());
    }
    std::lock_guard lock(mutex_);
    running_ = 0;
  }
}

void PoolJobs::run(PoolJob& job, const std::atomic<bool>& stop) {
  const std::int64_t id = job.pool_id;
  // The reason is stored, never logged: a planner's message may name a child.
  auto fail = [&](const std::string& message) {
    spdlog::warn("pool {} failed", id);
    (void)store_.fail_pool(id, message, store::utc_now());
  };
  const auto started = std::chrono::steady_clock::now();
  ProgressWriter progress(store_, id);
  progress.report({"travel matrix", 0, 1});
  transport::PlannerSettings settings = job.settings;
  settings.solver.stop = &stop;
  Result<transport::PoolOutcome> planned =
      transport::plan_pool(job.boroughs, travel_, settings, job.search,
                           [&](const transport::PoolProgress& p) { progress.report(p); });
  if (stop) {
    std::string reason;
    {
      std::lock_guard lock(mutex_);
      reason = cancel_reason_;
    }
    return fail(reason.empty() ? kStoppedMessage : reason);
  }
  if (!planned) return fail("the pool could not be planned: " + planned.error().message);
  const transport::PoolOutcome& pool = planned.value();

  progress.report({"sharing", 0, 1});
  const transport::PoolSharing sharing = transport::share_pool(job.boroughs, pool, job.sharing);
  progress.report({"files", 0, 1});
  const int days = job.settings.school_days_per_year;
  const nlohmann::json settings_record = report::settings_json(job.settings, travel_, "");
  nlohmann::json json =
      report::pool_json(job.boroughs, pool, sharing, job.search, job.sharing, settings_record,
                        job.settings.solver.time_limit_seconds, days);
  json["search"]["seconds"]["total"] =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::string labels;
  for (const transport::BoroughInputs& b : job.boroughs)
    labels += (labels.empty() ? "" : ", ") + b.label;
  const std::map<std::string, std::string> files = pool_output_files(
      job.boroughs, pool, sharing, settings_record,
      {"Pooled SEN transport: " + labels, store::utc_now().substr(0, 10), travel_.description()},
      days);
  const std::string text =
      json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  if (Status stored = store_.finish_pool(id, text, files, store::utc_now()); !stored)
    return fail("the pool was made but could not be stored: " + stored.error().message);
  spdlog::info("pool {} done: {} boroughs, {} routes", id, job.boroughs.size(),
               pool.pooled.routes.size());
}

}  // namespace sendplan::server
