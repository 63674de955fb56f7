// Travel matrices for a borough-sized plan: the uniform London model against the zone model
// (its journeys, then the metric repair), for 800 and 3,200 places spread over London.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "core/random.h"
#include "travel/london_model.h"
#include "travel/london_zone_model.h"
#include "travel/london_zones.h"

namespace sendplan::travel {
namespace {

std::vector<Place> london_places(int count) {
  Random random(1);
  std::vector<Place> places;
  for (int i = 0; i < count; ++i)
    places.push_back(
        {"P" + std::to_string(i), {51.28 + 0.41 * random.unit(), -0.51 + 0.84 * random.unit()}});
  return places;
}

void BM_UniformModelMatrix(benchmark::State& state) {
  const LondonModel model({});
  const std::vector<Place> places = london_places(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(model.matrix(places, TimeOfDay::kMorningPeak));
}
BENCHMARK(BM_UniformModelMatrix)->Arg(800)->Arg(3200)->Unit(benchmark::kMillisecond);

void BM_ZoneModelMatrix(benchmark::State& state) {
  static const std::shared_ptr<const LondonZoneMap> zones = [] {
    Result<LondonZoneMap> read =
        LondonZoneMap::read(std::string(SENDPLAN_SHARED_DIR) + "/" + kLondonBoundariesFile);
    return read ? std::make_shared<const LondonZoneMap>(std::move(read).value()) : nullptr;
  }();
  if (!zones) {
    state.SkipWithError("no GLA boundaries in the shared folder");
    return;
  }
  const LondonZoneModel model(zones, {});
  const std::vector<Place> places = london_places(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(model.matrix(places, TimeOfDay::kMorningPeak));
}
BENCHMARK(BM_ZoneModelMatrix)->Arg(800)->Arg(3200)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sendplan::travel
