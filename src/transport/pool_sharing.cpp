// Sharing a pool's cost (see pool_sharing.h).
#include "transport/pool_sharing.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <numeric>
#include <unordered_map>

#include "core/text.h"

namespace sendplan::transport {

namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
    out += words[i];
  }
  return out;
}

// Who attends which school, and who rides with whom in the pooled plan.
void describe_parts(const std::vector<BoroughInputs>& boroughs, const PoolOutcome& pool,
                    std::vector<BoroughPart>& parts) {
  const TransportInputs& in = pool.merged.inputs;
  const size_t k = boroughs.size();
  std::unordered_map<std::string, size_t> school_of_id;
  for (size_t s = 0; s < in.schools.size(); ++s) school_of_id.emplace(in.schools[s].id, s);
  std::vector<unsigned> users(in.schools.size(), 0);
  std::vector<size_t> school(in.pupils.size());
  for (size_t p = 0; p < in.pupils.size(); ++p) {
    school[p] = school_of_id.at(in.pupils[p].school_id);
    users[school[p]] |= 1u << pool.merged.pupil_borough[p];
  }
  std::vector<unsigned> partners(k, 0);
  for (size_t s = 0; s < users.size(); ++s) {
    if (std::popcount(users[s]) < 2) continue;
    for (size_t b = 0; b < k; ++b)
      if (users[s] & (1u << b)) {
        ++parts[b].shared_schools;
        partners[b] |= users[s] & ~(1u << b);
      }
  }
  for (size_t p = 0; p < in.pupils.size(); ++p)
    if (std::popcount(users[school[p]]) > 1)
      ++parts[pool.merged.pupil_borough[p]].pupils_at_shared_schools;
  for (size_t b = 0; b < k; ++b)
    for (size_t o = 0; o < k; ++o)
      if (partners[b] & (1u << o)) parts[b].shares_schools_with.push_back(boroughs[o].label);

  // A child rides with another borough's child when any route of theirs (either run) carries both.
  std::unordered_map<std::string, size_t> pupil_of_id;
  for (size_t p = 0; p < in.pupils.size(); ++p) pupil_of_id.emplace(in.pupils[p].id, p);
  std::vector<bool> mixed(in.pupils.size(), false);
  for (const TransportRoute& route : pool.pooled.routes) {
    unsigned on_board = 0;
    for (const RouteStop& stop : route.stops)
      on_board |= 1u << pool.merged.pupil_borough[pupil_of_id.at(stop.pupil_id)];
    if (std::popcount(on_board) < 2) continue;
    for (const RouteStop& stop : route.stops) mixed[pupil_of_id.at(stop.pupil_id)] = true;
  }
  for (size_t p = 0; p < in.pupils.size(); ++p)
    if (mixed[p]) ++parts[pool.merged.pupil_borough[p]].pupils_riding_with_others;
}

std::string explanation(const BoroughPart& part, CostSharing method, bool exact) {
  std::string text = fmt::format("{} brings {} children", part.label, part.pupils);
  if (part.shared_schools > 0)
    text += fmt::format(" ({} of them at {} school{} shared with {})",
                        part.pupils_at_shared_schools, part.shared_schools,
                        part.shared_schools == 1 ? "" : "s", joined(part.shares_schools_with));
  text += fmt::format(" and {} vehicles of its own. ", part.vehicles_alone);
  if (part.pupils_riding_with_others > 0)
    text +=
        fmt::format("In the pooled plan {} of its children ride with another borough's children. ",
                    part.pupils_riding_with_others);
  else
    text += "None of its children ride with another borough's children in the pooled plan. ";
  const std::int64_t saving = part.standalone_pence - part.share_pence;
  const double percent = part.standalone_pence > 0 ? 100.0 * static_cast<double>(saving) /
                                                         static_cast<double>(part.standalone_pence)
                                                   : 0.0;
  text += fmt::format("It pays {} a day against {} planning alone, saving {} ({:.1f} %)",
                      pounds_text(part.share_pence), pounds_text(part.standalone_pence),
                      pounds_text(saving), percent);
  if (method == CostSharing::kShapley)
    text += exact ? ": its average extra cost over every order in which the boroughs could join."
                  : fmt::format(
                        ": its average extra cost over sampled orders of joining "
                        "(± {} at 95 % confidence).",
                        pounds_text(std::llround(part.shapley_half_width)));
  else
    text += ": every borough saves the same percentage.";
  return text;
}

}  // namespace

const char* cost_sharing_name(CostSharing method) {
  return method == CostSharing::kShapley ? "shapley" : "proportional";
}

PoolSharing share_pool(const std::vector<BoroughInputs>& boroughs, const PoolOutcome& pool,
                       const SharingSettings& settings) {
  PoolSharing sharing;
  sharing.method = settings.method;
  const int k = static_cast<int>(boroughs.size());
  const unsigned everyone = (1u << k) - 1;
  sharing.pooled_pence = pool.pooled.summary.cost.total_pence();
  std::vector<std::int64_t> standalone;
  sharing.boroughs.resize(k);
  for (int b = 0; b < k; ++b) {
    BoroughPart& part = sharing.boroughs[b];
    part.label = boroughs[b].label;
    part.pupils = static_cast<int>(boroughs[b].inputs.pupils.size());
    part.vehicles_alone = pool.alone[b].summary.vehicles;
    part.standalone_pence = pool.alone[b].summary.cost.total_pence();
    standalone.push_back(part.standalone_pence);
  }
  sharing.standalone_pence = std::accumulate(standalone.begin(), standalone.end(), std::int64_t{0});
  describe_parts(boroughs, pool, sharing.boroughs);

  const CoalitionCost cost = [&](unsigned mask) {
    return mask == everyone ? sharing.pooled_pence : pool.game.cost(mask);
  };
  const std::vector<std::int64_t> proportional =
      proportional_shares(standalone, sharing.pooled_pence);
  sharing.shapley = shapley_values(k, cost, settings.exact_up_to, settings.samples, settings.seed);
  const std::vector<std::int64_t> shapley = rational_shares(
      sharing.shapley.value, sharing.pooled_pence, standalone, &sharing.shapley_adjusted);
  const std::vector<std::int64_t>& chosen =
      settings.method == CostSharing::kShapley ? shapley : proportional;
  for (int b = 0; b < k; ++b) {
    BoroughPart& part = sharing.boroughs[b];
    part.proportional_pence = proportional[b];
    part.shapley_value = sharing.shapley.value[b];
    part.shapley_half_width = sharing.shapley.half_width[b];
    part.shapley_pence = shapley[b];
    part.share_pence = chosen[b];
    part.explanation = explanation(part, settings.method, sharing.shapley.exact);
  }
  sharing.core =
      core_check(k, cost, chosen, settings.exact_up_to, settings.samples, settings.seed + 1);
  return sharing;
}

}  // namespace sendplan::transport
