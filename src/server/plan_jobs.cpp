#include "server/plan_jobs.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>

#include "report/changes_csv.h"
#include "report/report_files.h"
#include "report/settings_json.h"
#include "report/summary_json.h"
#include "server/plan_versions.h"

namespace sendplan::server {
namespace {

constexpr const char* kStoppedMessage =
    "stopped: the server was shut down before the plan finished; plan again";

// Day-plan progress in [0.05, 0.95]: the mean of the two runs' shares of their time limit.
class ProgressWriter {
 public:
  ProgressWriter(store::Store& store, std::int64_t plan_id, double time_limit)
      : store_(store), plan_id_(plan_id), time_limit_(std::max(time_limit, 0.1)) {}

  void report(transport::Run run, const solver::Progress& progress) {
    std::lock_guard lock(mutex_);
    share_[run == transport::Run::kMorning ? 0 : 1] =
        std::min(1.0, progress.elapsed_seconds / time_limit_);
    iterations_[run == transport::Run::kMorning ? 0 : 1] = progress.iterations;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(400)) return;
    last_ = now;
    const double fraction = 0.05 + 0.9 * (share_[0] + share_[1]) / 2;
    (void)store_.update_plan_progress(
        plan_id_, store::PlanStatus::kRunning, fraction,
        fmt::format("Planning the morning and afternoon runs ({} and {} search steps)",
                    iterations_[0], iterations_[1]));
  }

 private:
  store::Store& store_;
  std::int64_t plan_id_;
  double time_limit_;
  std::mutex mutex_;
  double share_[2] = {0, 0};
  std::int64_t iterations_[2] = {0, 0};
  std::chrono::steady_clock::time_point last_{};
};

std::string today() {
  return store::utc_now().substr(0, 10);
}

}  // namespace

std::size_t estimated_plan_bytes(const transport::TransportInputs& inputs) {
  const std::size_t places = inputs.pupils.size() + inputs.schools.size() + inputs.fleet.size();
  constexpr std::size_t kBytesPerPair = 96;  // 2 runs × (2 matrices + the engine's copies) × 8
  constexpr std::size_t kFixed = std::size_t{200} << 20;
  return kFixed + kBytesPerPair * places * places;
}

PlanJobs::PlanJobs(store::Store& store, const travel::TravelSource& travel, PlanJobLimits limits)
    : store_(store), travel_(travel), limits_(limits), pools_(store, travel) {
  for (int i = 0; i < std::max(1, limits_.workers); ++i) workers_.emplace_back([this] { work(); });
}

PlanJobs::~PlanJobs() {
  stop();
}

int PlanJobs::waiting_locked() const {
  int waiting = 0;
  for (const auto& [borough, queue] : queues_) waiting += static_cast<int>(queue.size());
  return waiting;
}

std::optional<std::string> PlanJobs::refusal(const std::string& borough) const {
  std::lock_guard lock(mutex_);
  if (stopping_) return std::string("the server is stopping; plan again in a moment");
  int mine = 0;
  if (const auto found = queues_.find(borough); found != queues_.end())
    mine += static_cast<int>(found->second.size());
  for (const auto& [id, running] : running_)
    if (running.borough == borough) ++mine;
  if (mine >= limits_.max_per_borough)
    return fmt::format(
        "{} already has {} plans waiting or running (at most {}); wait for one to finish or "
        "cancel one",
        borough, mine, limits_.max_per_borough);
  if (waiting_locked() >= limits_.max_waiting)
    return fmt::format("the server has {} plans waiting; try again in a few minutes",
                       waiting_locked());
  return std::nullopt;
}

void PlanJobs::submit(PlanJob job) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      queued_at_[job.plan_id] = ++serial_;
      queues_[job.borough].push_back(std::move(job));
      wake_.notify_one();
      return;
    }
  }
  (void)store_.fail_plan(job.plan_id, kStoppedMessage, store::utc_now());
}

CancelOutcome PlanJobs::cancel(std::int64_t plan_id, const std::string& reason) {
  {
    std::lock_guard lock(mutex_);
    if (const auto found = running_.find(plan_id); found != running_.end()) {
      found->second.cancel_reason = reason;
      *found->second.stop = true;
      return CancelOutcome::kStopping;
    }
    bool removed = false;
    for (auto& [borough, queue] : queues_) {
      const auto it = std::find_if(queue.begin(), queue.end(),
                                   [&](const PlanJob& job) { return job.plan_id == plan_id; });
      if (it != queue.end()) {
        queue.erase(it);
        queued_at_.erase(plan_id);
        removed = true;
        break;
      }
    }
    if (!removed) return CancelOutcome::kNotPending;
  }
  (void)store_.fail_plan(plan_id, reason, store::utc_now());
  return CancelOutcome::kCancelledWaiting;
}

int PlanJobs::pending() const {
  std::lock_guard lock(mutex_);
  return waiting_locked() + static_cast<int>(running_.size());
}

std::optional<std::int64_t> PlanJobs::next_to_start() const {
  std::lock_guard lock(mutex_);
  const std::optional<std::string> borough = next_borough();
  if (!borough) return std::nullopt;
  return queues_.at(*borough).front().plan_id;
}

void PlanJobs::stop() {
  pools_.stop();
  std::vector<PlanJob> dropped;
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && workers_.empty()) return;
    stopping_ = true;
    for (auto& [id, running] : running_) *running.stop = true;
    for (auto& [borough, queue] : queues_)
      for (PlanJob& job : queue) dropped.push_back(std::move(job));
    queues_.clear();
    queued_at_.clear();
    wake_.notify_all();
  }
  for (const PlanJob& job : dropped)
    (void)store_.fail_plan(job.plan_id, kStoppedMessage, store::utc_now());
  for (std::thread& worker : workers_) worker.join();
  workers_.clear();
}

std::optional<std::string> PlanJobs::next_borough() const {
  std::optional<std::string> best;
  std::pair<std::uint64_t, std::uint64_t> best_key{};
  for (const auto& [borough, queue] : queues_) {
    if (queue.empty()) continue;
    const bool busy = std::any_of(running_.begin(), running_.end(), [&](const auto& entry) {
      return entry.second.borough == borough;
    });
    if (busy) continue;
    const auto served = last_served_.find(borough);
    const std::pair<std::uint64_t, std::uint64_t> key{
        served == last_served_.end() ? 0 : served->second, queued_at_.at(queue.front().plan_id)};
    if (!best || key < best_key) {
      best = borough;
      best_key = key;
    }
  }
  return best;
}

std::optional<PlanJob> PlanJobs::next_job() {
  const std::optional<std::string> borough = next_borough();
  if (!borough) return std::nullopt;
  auto found = queues_.find(*borough);
  PlanJob job = std::move(found->second.front());
  found->second.pop_front();
  if (found->second.empty()) queues_.erase(found);
  queued_at_.erase(job.plan_id);
  last_served_[*borough] = ++serial_;
  return job;
}

void PlanJobs::work() {
  while (true) {
    std::optional<PlanJob> job;
    std::shared_ptr<std::atomic<bool>> stop = std::make_shared<std::atomic<bool>>(false);
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || (job = next_job()).has_value(); });
      if (stopping_) return;
      running_[job->plan_id] = Running{job->borough, stop, ""};
    }
    const std::int64_t id = job->plan_id;
    try {
      run(*job, *stop);
    } catch (const std::bad_alloc&) {
      spdlog::error("plan {}: out of memory", id);
      (void)store_.fail_plan(id,
                             "the plan needed more memory than the server has: plan fewer "
                             "children at a time, or ask the administrator to lower the limits",
                             store::utc_now());
    } catch (const std::exception& e) {
      spdlog::error("plan {}: {}", id, e.what());
      (void)store_.fail_plan(id, "the plan could not be made (an internal error; it is logged)",
                             store::utc_now());
    }
    std::string reason;
    {
      std::lock_guard lock(mutex_);
      reason = running_[id].cancel_reason;
      running_.erase(id);
      wake_.notify_all();  // the borough may start its next plan
    }
    if (reason.empty()) continue;
    // Cancelled: failed with the reason, unless it had finished first.
    Result<std::optional<store::PlanRecord>> plan = store_.get_plan(id);
    if (plan && plan.value() && plan.value()->status != store::PlanStatus::kDone)
      (void)store_.fail_plan(id, reason, store::utc_now());
  }
}

void PlanJobs::run(PlanJob& job, std::atomic<bool>& stop) {
  const std::int64_t id = job.plan_id;
  auto fail = [&](const std::string& message) {
    spdlog::warn("plan {} failed: {}", id, message);
    (void)store_.fail_plan(id, message, store::utc_now());
  };
  (void)store_.update_plan_progress(id, store::PlanStatus::kRunning, 0.02,
                                    "Working out travel times");
  Result<transport::DayMatrices> matrices = transport::day_matrices(job.inputs, travel_);
  if (!matrices) return fail(matrices.error().message);

  transport::PlannerSettings settings = job.settings;
  settings.solver.stop = &stop;
  ProgressWriter progress(store_, id, settings.solver.time_limit_seconds);
  auto on_progress = [&](transport::Run run, const solver::Progress& p) {
    progress.report(run, p);
  };
  std::optional<transport::UpdateReport> update;
  Result<transport::PlannedDay> planned = [&]() -> Result<transport::PlannedDay> {
    switch (job.kind) {
      case PlanJobKind::kPlanAround:
        return transport::plan_around(job.inputs, std::move(matrices).value(), settings, job.locked,
                                      on_progress);
      case PlanJobKind::kUpdate: {
        (void)store_.update_plan_progress(id, store::PlanStatus::kRunning, 0.1,
                                          "Fitting the changes into the plan in force");
        Result<transport::UpdatedDay> updated = transport::update_day(
            job.inputs, std::move(matrices).value(), settings, job.in_force, job.update);
        if (!updated) return updated.error();
        update = std::move(updated.value().report);
        return std::move(updated.value().planned);
      }
      case PlanJobKind::kPlan:
        break;
    }
    return transport::plan_day(job.inputs, std::move(matrices).value(), settings, on_progress);
  }();
  if (stop) {
    // Cancelled: work() stores the reason; stopped by shutdown: say so here.
    bool cancelled = false;
    {
      std::lock_guard lock(mutex_);
      cancelled = !running_[id].cancel_reason.empty();
    }
    if (!cancelled) fail(kStoppedMessage);
    return;
  }
  if (!planned) return fail(planned.error().message);

  (void)store_.update_plan_progress(id, store::PlanStatus::kRunning, 0.96, "Writing the files");
  const transport::DayPlan& day = planned.value().day;
  std::optional<transport::DayPlan> current;
  if (job.has_current)
    current =
        transport::cost_current_routes(job.inputs, planned.value().matrices, job.current, settings);
  const report::ReportInputs inputs{day,
                                    current ? &*current : nullptr,
                                    job.inputs.pupils,
                                    job.inputs.schools,
                                    report::settings_json(job.settings, travel_, ""),
                                    {job.title, today(), travel_.description()}};
  std::map<std::string, std::string> files;
  std::string summary;
  for (auto& [name, text] : report::render_report_files(inputs)) {
    if (name == "summary.json") summary = text;
    files.emplace(name, std::move(text));
  }
  if (update) {
    files.emplace("changes.csv", report::changes_csv(update->difference, &*update));
    files.emplace("changes.json",
                  changes_json(update->difference, &*update)
                          .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
                      "\n");
    // The note first: once the plan is done, its version says what the update changed.
    if (Status noted = store_.set_plan_note(id, update_note(*update)); !noted)
      return fail("the plan was made but could not be stored: " + noted.error().message);
  }
  if (Status stored = store_.finish_plan(id, summary, files, store::utc_now()); !stored)
    return fail("the plan was made but could not be stored: " + stored.error().message);
  spdlog::info("plan {} done: {} routes", id, day.routes.size());
}

}  // namespace sendplan::server
