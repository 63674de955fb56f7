// How fast PostcodeDirectory::read_csv reads a postcode directory: the real NSPD London extract
// (../shared/data/postcodes, 331,981 rows, gzipped) when present, and a generated plain file of
// 300,000 rows and 12 columns (some quoted) written to the temporary folder.
// Run: build/bench/sendplan_postcode_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "geo/postcode.h"

namespace {

constexpr int kGeneratedRows = 300000;

// A directory in ONSPD's shape: postcode, quoted name-like cells, grid reference and district.
std::string generated_file() {
  const std::string path =
      (std::filesystem::temp_directory_path() / "sendplan_postcode_bench.csv").string();
  if (std::filesystem::exists(path)) return path;
  std::ofstream out(path, std::ios::binary);
  out << "pcd,pcd2,pcds,dointr,doterm,oscty,\"ced\",oslaua,lad25cd,oseast1m,osnrth1m,osgrdind\n";
  for (int i = 0; i < kGeneratedRows; ++i) {
    const int district = i / 4000;
    const int sector = (i / 400) % 10;
    const int unit = i % 400;
    const std::string postcode =
        fmt::format("N{}{} {}{}{}", district % 10, district / 10 % 10, sector,
                    static_cast<char>('A' + unit / 20 % 20), static_cast<char>('A' + unit % 20));
    out << postcode << ",\"" << postcode << "\"," << postcode << ",199801,,\"E99999999\","
        << "\"E58000001\",E09000" << (100 + district % 33) << ",E09000" << (100 + district % 33)
        << ',' << (500000 + i % 50000) << ',' << (150000 + i / 7 % 60000) << ",1\n";
  }
  return path;
}

void read(benchmark::State& state, const std::string& path) {
  std::size_t rows = 0;
  for (auto _ : state) {
    sendplan::Result<sendplan::geo::PostcodeDirectory> directory =
        sendplan::geo::PostcodeDirectory::read_csv(path);
    if (!directory.ok()) {
      state.SkipWithError(directory.error().to_string().c_str());
      return;
    }
    rows = directory.value().size();
    benchmark::DoNotOptimize(rows);
  }
  state.counters["rows"] = static_cast<double>(rows);
  state.counters["rows_per_s"] =
      benchmark::Counter(static_cast<double>(rows) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

void BM_ReadRealLondonFile(benchmark::State& state) {
  const std::string path =
      std::string(SENDPLAN_SHARED_DIR) + "/data/postcodes/london_postcodes_nspd_nov2025.csv.gz";
  if (!std::filesystem::exists(path)) {
    state.SkipWithError(("not found: " + path).c_str());
    return;
  }
  read(state, path);
}
BENCHMARK(BM_ReadRealLondonFile)->Unit(benchmark::kMillisecond)->MinTime(3.0);

void BM_ReadGeneratedFile(benchmark::State& state) {
  read(state, generated_file());
}
BENCHMARK(BM_ReadGeneratedFile)->Unit(benchmark::kMillisecond)->MinTime(3.0);

}  // namespace

BENCHMARK_MAIN();
