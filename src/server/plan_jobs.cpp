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

PlanJobs::PlanJobs(store::Store& store, const travel::TravelSource& travel, int workers)
    : store_(store), travel_(travel) {
  for (int i = 0; i < std::max(1, workers); ++i) workers_.emplace_back([this] { work(); });
}

PlanJobs::~PlanJobs() {
  stop();
}

void PlanJobs::submit(PlanJob job) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      queue_.push_back(std::move(job));
      wake_.notify_one();
      return;
    }
  }
  (void)store_.fail_plan(job.plan_id, kStoppedMessage, store::utc_now());
}

int PlanJobs::pending() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(queue_.size()) + running_;
}

void PlanJobs::stop() {
  std::deque<PlanJob> dropped;
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && workers_.empty()) return;
    stopping_ = true;
    cancel_ = true;
    dropped.swap(queue_);
    wake_.notify_all();
  }
  for (const PlanJob& job : dropped)
    (void)store_.fail_plan(job.plan_id, kStoppedMessage, store::utc_now());
  for (std::thread& worker : workers_) worker.join();
  workers_.clear();
}

void PlanJobs::work() {
  while (true) {
    PlanJob job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      job = std::move(queue_.front());
      queue_.pop_front();
      ++running_;
    }
    run(job);
    std::lock_guard lock(mutex_);
    --running_;
  }
}

void PlanJobs::run(PlanJob& job) {
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
  settings.solver.stop = &cancel_;
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
  if (cancel_) return fail(kStoppedMessage);
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
