// The review panel's ranking (panel.h).
#include "practice/panel.h"

#include <fmt/format.h>

#include <algorithm>

namespace sendplan::practice {
namespace {

double mean_of(const std::map<std::string, int>& scores) {
  if (scores.empty()) return 0;
  double sum = 0;
  for (const auto& [criterion, score] : scores) sum += score;
  return sum / static_cast<double>(scores.size());
}

RankedEntry ranked(const store::PracticeEntry& entry,
                   const std::vector<const store::PracticeReview*>& reviews) {
  RankedEntry out;
  out.entry_id = entry.id;
  out.title = entry.title;
  out.lead_borough = entry.lead_borough;
  out.state = entry.state;
  out.reviewers = static_cast<int>(reviews.size());
  std::vector<double> means;
  std::map<std::string, std::vector<int>> by_criterion;
  for (const store::PracticeReview* review : reviews) {
    if (review->scored_at.empty() || review->scores.empty()) continue;
    means.push_back(mean_of(review->scores));
    for (const auto& [criterion, score] : review->scores) by_criterion[criterion].push_back(score);
  }
  out.scored = static_cast<int>(means.size());
  if (means.empty()) return out;
  double sum = 0;
  for (double m : means) sum += m;
  out.mean = sum / static_cast<double>(means.size());
  const auto [low, high] = std::minmax_element(means.begin(), means.end());
  out.spread = *high - *low;
  for (const auto& [criterion, scores] : by_criterion) {
    double total = 0;
    for (int s : scores) total += s;
    out.criterion_means[criterion] = total / static_cast<double>(scores.size());
  }
  if (out.spread >= kDisagreementSpread) {
    out.disagreement = true;
    out.disagreement_reason = fmt::format("reviewers' means {:.1f} to {:.1f}", *low, *high);
    return out;
  }
  for (const auto& [criterion, scores] : by_criterion) {
    const auto [lo, hi] = std::minmax_element(scores.begin(), scores.end());
    if (*hi - *lo >= kDisagreementSpread) {
      out.disagreement = true;
      out.disagreement_reason = fmt::format("{}: {} and {}", criterion, *lo, *hi);
      return out;
    }
  }
  return out;
}

}  // namespace

std::vector<CategoryRanking> rank_call(const store::PracticeCall& call,
                                       const std::vector<store::PracticeEntry>& entries,
                                       const std::vector<store::PracticeReview>& reviews) {
  std::map<std::int64_t, std::vector<const store::PracticeReview*>> by_entry;
  for (const store::PracticeReview& review : reviews) by_entry[review.entry_id].push_back(&review);
  std::vector<CategoryRanking> rankings;
  for (const std::string& category : call.categories) {
    CategoryRanking ranking{category, {}};
    for (const store::PracticeEntry& entry : entries) {
      if (entry.call_id != call.id || entry.state == "draft") continue;
      if (std::find(entry.categories.begin(), entry.categories.end(), category) ==
          entry.categories.end())
        continue;
      ranking.entries.push_back(ranked(entry, by_entry[entry.id]));
    }
    std::stable_sort(ranking.entries.begin(), ranking.entries.end(),
                     [](const RankedEntry& a, const RankedEntry& b) {
                       if ((a.scored > 0) != (b.scored > 0)) return a.scored > 0;
                       if (a.mean != b.mean) return a.mean > b.mean;
                       return a.entry_id < b.entry_id;
                     });
    rankings.push_back(std::move(ranking));
  }
  return rankings;
}

}  // namespace sendplan::practice
