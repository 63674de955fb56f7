#include "cli/placements_command.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "cli/install_paths.h"
#include "cli/terminal.h"
#include "io/file_text.h"
#include "placements/london_boroughs.h"
#include "placements/placement_csv.h"
#include "placements/provider_csv.h"
#include "placements/register.h"
#include "store/store.h"

namespace sendplan::cli {

namespace {

Result<std::unique_ptr<store::Store>> open(const PlacementsOptions& options) {
  return store::open_store(options.database);
}

Result<placements::RegisterFile> read_file(const std::string& path) {
  Result<std::string> text = io::detail::read_text_file(path);
  if (!text.ok()) return text.error();
  return placements::RegisterFile{std::filesystem::path(path).filename().string(),
                                  std::move(text).value()};
}

int write_file(const std::string& path, const std::string& text, const std::string& what) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) return report_error(make_error(ErrorCode::kIo, fmt::format("cannot write {}", path)));
  fmt::print("Wrote {} ({}).\n", path, what);
  return 0;
}

}  // namespace

int run_import_providers(const PlacementsOptions& options) {
  std::vector<placements::RegisterFile> files;
  for (const std::string& path : options.files) {
    Result<placements::RegisterFile> file = read_file(path);
    if (!file.ok()) return report_error(file.error());
    files.push_back(std::move(file).value());
  }
  Result<std::unique_ptr<store::Store>> store = open(options);
  if (!store.ok()) return report_error(store.error());
  Checked<placements::ProviderFilesReport> report =
      placements::import_provider_files(*store.value(), files, "cli");
  if (!report.ok()) return report_error(report.error());
  for (const std::string& line : report.value().files) fmt::print("read {}\n", line);
  const store::ProviderImportOutcome& outcome = report.value().outcome;
  fmt::print("Providers: {} added, {} updated, {} unchanged.\n", outcome.added, outcome.updated,
             outcome.unchanged);
  return 0;
}

int run_export_providers(const PlacementsOptions& options) {
  Result<std::unique_ptr<store::Store>> store = open(options);
  if (!store.ok()) return report_error(store.error());
  Result<std::vector<placements::Provider>> providers = placements::load_providers(*store.value());
  if (!providers.ok()) return report_error(providers.error());
  return write_file(options.out, placements::write_provider_csv(providers.value()),
                    fmt::format("{} providers", providers.value().size()));
}

int run_import_placements(const PlacementsOptions& options) {
  if (options.files.size() != 1) {
    return report_error(make_error(ErrorCode::kInvalidArgument, "give one placements file"));
  }
  Result<placements::RegisterFile> file = read_file(options.files.front());
  if (!file.ok()) return report_error(file.error());
  Result<std::unique_ptr<store::Store>> store = open(options);
  if (!store.ok()) return report_error(store.error());
  Checked<std::vector<std::int64_t>> ids =
      placements::import_placement_file(*store.value(), options.borough, file.value(), "cli");
  if (!ids.ok()) return report_error(ids.error());
  fmt::print("Added {} placements for {}.\n", ids.value().size(), options.borough);
  return 0;
}

int run_export_placements(const PlacementsOptions& options) {
  Result<std::unique_ptr<store::Store>> store = open(options);
  if (!store.ok()) return report_error(store.error());
  Result<std::vector<placements::Placement>> list =
      placements::load_placements(*store.value(), options.borough);
  if (!list.ok()) return report_error(list.error());
  return write_file(options.out, placements::write_placement_csv(list.value()),
                    fmt::format("{} placements", list.value().size()));
}

int run_generate_placements(const PlacementsOptions& options) {
  const std::string path =
      shared_or_default(options.shared) + "/data/boundaries/london_boroughs.csv";
  Result<std::vector<placements::GeneratorBorough>> boroughs =
      placements::read_london_boroughs(path);
  if (!boroughs.ok()) return report_error(boroughs.error());
  Result<std::unique_ptr<store::Store>> store = open(options);
  if (!store.ok()) return report_error(store.error());
  Result<placements::IndependentSectorChildren> children =
      placements::independent_sector_children(*store.value());
  if (!children.ok()) return report_error(children.error());
  if (children.value().by_la_number.empty()) {
    return report_error(make_error(
        ErrorCode::kNotFound,
        "no SEN2 need counts by type of placement in the store: run `sendplan import dfe "
        "ehcp2025_sen_needs_all_plans_by_placement_type_all_la.csv` (with a caseload file) first"));
  }
  for (placements::GeneratorBorough& borough : boroughs.value()) {
    borough.children = children.value().by_la_number[borough.info.la_number];
  }
  placements::PlacementGeneratorOptions generator;
  generator.scale = options.scale;
  Result<placements::SyntheticLoad> loaded = placements::load_synthetic_placements(
      *store.value(), boroughs.value(), options.seed, generator);
  if (!loaded.ok()) return report_error(loaded.error());
  fmt::print(
      "Synthetic London placements (seed {}, {} of SEN2's independent-sector children): "
      "{} providers and {} placements added.\n",
      options.seed, options.scale, loaded.value().providers, loaded.value().placements);
  return 0;
}

}  // namespace sendplan::cli
