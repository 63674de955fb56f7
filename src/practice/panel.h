// The review panel's view of a call (issue 14): per category, the submissions ranked by their
// mean score, with the spread between reviewers and a flag where they disagree.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "store/practice_records.h"

namespace sendplan::practice {

// Reviewers disagree on an entry when their overall means differ by this much or more, or two
// of them are this far apart on one criterion.
constexpr double kDisagreementSpread = 1.5;

struct RankedEntry {
  std::int64_t entry_id = 0;
  std::string title;
  std::string lead_borough;
  std::string state;
  int reviewers = 0;                              // assigned
  int scored = 0;                                 // of them, scored
  double mean = 0;                                // of the reviewers' means (0 when none scored)
  double spread = 0;                              // max - min of the reviewers' means
  std::map<std::string, double> criterion_means;  // criterion → mean over reviewers
  bool disagreement = false;
  std::string disagreement_reason;  // "reviewers' means 2.0 to 4.5", "impact: 1 and 5"
};

struct CategoryRanking {
  std::string category;              // key
  std::vector<RankedEntry> entries;  // scored first by mean (highest first), then unscored
};

// Every category of the call, each with the call's entries (not drafts) that name it.
std::vector<CategoryRanking> rank_call(const store::PracticeCall& call,
                                       const std::vector<store::PracticeEntry>& entries,
                                       const std::vector<store::PracticeReview>& reviews);

}  // namespace sendplan::practice
