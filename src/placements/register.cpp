#include "placements/register.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "placements/gias_extract.h"
#include "placements/placement_csv.h"
#include "placements/provider_csv.h"
#include "placements/provider_lists.h"
#include "placements/records.h"

namespace sendplan::placements {

namespace {

// The providers of one file, whatever its layout: the first reader that recognises the header.
Checked<std::pair<std::string, std::vector<Provider>>> read_providers(const RegisterFile& file) {
  using Named = std::pair<std::string, std::vector<Provider>>;
  const std::string first_line = file.content.substr(0, file.content.find('\n'));
  if (first_line.find("URN") != std::string::npos &&
      first_line.find("EstablishmentName") != std::string::npos) {
    Checked<GiasExtract> gias = read_gias_extract(file.content, file.name);
    if (!gias.ok()) return gias.problems();
    return Named{"GIAS extract", gias.value().providers};
  }
  if (first_line.find("age_low") != std::string::npos &&
      first_line.find("needs") != std::string::npos) {
    Checked<std::vector<Provider>> register_csv = read_provider_csv(file.content, file.name);
    if (!register_csv.ok()) return register_csv.problems();
    return Named{"provider register CSV", register_csv.value()};
  }
  Checked<ProviderList> list = read_provider_list(file.content, file.name);
  if (!list.ok()) return list.problems();
  return Named{provider_list_layout_name(list.value().layout), list.value().providers};
}

}  // namespace

Checked<ProviderFilesReport> import_provider_files(store::Store& store,
                                                   const std::vector<RegisterFile>& files,
                                                   const std::string& imported_by) {
  ProviderFilesReport report;
  std::vector<Error> problems;
  std::vector<store::ProviderRecord> records;
  for (const RegisterFile& file : files) {
    auto read = read_providers(file);
    if (!read.ok()) {
      problems.insert(problems.end(), read.problems().begin(), read.problems().end());
      continue;
    }
    report.files.push_back(fmt::format("{}: {}, {} providers", file.name, read.value().first,
                                       read.value().second.size()));
    for (const Provider& provider : read.value().second) {
      store::ProviderRecord record = to_record(provider);
      record.id = 0;
      record.updated_by = imported_by;
      records.push_back(std::move(record));
    }
  }
  if (!problems.empty()) return problems;
  Result<store::ProviderImportOutcome> outcome = store.import_providers(records);
  if (!outcome.ok()) return std::vector<Error>{outcome.error()};
  report.outcome = outcome.value();
  return report;
}

Result<std::vector<Provider>> load_providers(store::Store& store) {
  Result<std::vector<store::ProviderRecord>> records = store.list_providers();
  if (!records.ok()) return records.error();
  std::vector<Provider> providers;
  for (const store::ProviderRecord& record : records.value()) {
    Result<Provider> provider = from_record(record);
    if (!provider.ok()) return provider.error();
    providers.push_back(std::move(provider).value());
  }
  return providers;
}

Result<std::vector<Placement>> load_placements(store::Store& store, const std::string& borough) {
  Result<std::vector<store::PlacementRecord>> records = store.list_placements(borough);
  if (!records.ok()) return records.error();
  std::vector<Placement> placements;
  for (const store::PlacementRecord& record : records.value()) {
    Result<Placement> placement = from_record(record);
    if (!placement.ok()) return placement.error();
    placements.push_back(std::move(placement).value());
  }
  return placements;
}

Checked<std::vector<std::int64_t>> import_placement_file(store::Store& store,
                                                         const std::string& borough,
                                                         const RegisterFile& file,
                                                         const std::string& recorded_by) {
  Checked<std::vector<Placement>> read = read_placement_csv(file.content, file.name);
  if (!read.ok()) return read.problems();
  Result<std::vector<store::ProviderRecord>> providers = store.list_providers();
  if (!providers.ok()) return std::vector<Error>{providers.error()};
  std::set<std::int64_t> ids;
  std::map<std::string, std::int64_t> by_urn;
  for (const store::ProviderRecord& provider : providers.value()) {
    ids.insert(provider.id);
    if (!provider.urn.empty()) by_urn[provider.urn] = provider.id;
  }
  std::vector<Error> problems;
  std::vector<store::PlacementRecord> records;
  for (const Placement& placement : read.value()) {
    const std::string which = fmt::format("placement {}", placement.child_ref);
    const SourceLocation where{file.name, placement.source_line, 0};
    if (placement.id != 0) {
      problems.push_back(make_error(
          ErrorCode::kInvalidInput,
          fmt::format("{} has a placement_id: a file adds new placements (record a fee change "
                      "on the placement itself)",
                      which),
          where));
      continue;
    }
    if (placement.borough != borough) {
      problems.push_back(make_error(
          ErrorCode::kInvalidInput,
          fmt::format("{} is {}'s, not {}'s", which, placement.borough, borough), where));
      continue;
    }
    std::int64_t provider_id = placement.provider_id;
    if (provider_id == 0 && !placement.provider_urn.empty()) {
      auto it = by_urn.find(placement.provider_urn);
      provider_id = it == by_urn.end() ? 0 : it->second;
    }
    if (ids.count(provider_id) == 0) {
      problems.push_back(make_error(
          ErrorCode::kInvalidInput,
          fmt::format("{}: no provider {} in the register", which,
                      placement.provider_urn.empty() ? std::to_string(placement.provider_id)
                                                     : "with URN " + placement.provider_urn),
          where));
      continue;
    }
    store::PlacementRecord record = to_record(placement);
    record.provider_id = provider_id;
    for (store::FeeRecord& fees : record.fees) fees.recorded_by = recorded_by;
    records.push_back(std::move(record));
  }
  if (!problems.empty()) return problems;
  Result<std::vector<std::int64_t>> added = store.add_placements(records);
  if (!added.ok()) return std::vector<Error>{added.error()};
  return std::move(added).value();
}

Result<IndependentSectorChildren> independent_sector_children(store::Store& store) {
  store::StatQuery query;
  query.series = "sen2_needs_all_plans";
  query.breakdown_topic = "Type of placement";
  for (Need need : all_needs()) query.measures.push_back(std::string("number_") + need_code(need));
  Result<std::vector<store::StatValue>> values = store.query_stat_values(query);
  if (!values.ok()) return values.error();
  Result<std::vector<store::StatArea>> areas = store.list_stat_areas();
  if (!areas.ok()) return areas.error();
  std::map<std::string, std::string> number_of;
  for (const store::StatArea& area : areas.value()) number_of[area.code] = area.la_number;
  IndependentSectorChildren children;
  for (const store::StatValue& value : values.value())
    children.year = std::max(children.year, value.year);
  for (const store::StatValue& value : values.value()) {
    if (value.year != children.year || !value.value ||
        (value.breakdown != "Special - independent" &&
         value.breakdown != "Special - non-maintained")) {
      continue;
    }
    children.period = value.period;
    for (Need need : all_needs()) {
      if (value.measure == std::string("number_") + need_code(need)) {
        children.by_la_number[number_of[value.area_code]][static_cast<std::size_t>(need)] +=
            static_cast<int>(*value.value);
      }
    }
  }
  return children;
}

Result<SyntheticLoad> load_synthetic_placements(store::Store& store,
                                                const std::vector<GeneratorBorough>& boroughs,
                                                std::uint64_t seed,
                                                const PlacementGeneratorOptions& options) {
  Result<SyntheticPlacements> synthetic = generate_placements(boroughs, seed, options);
  if (!synthetic.ok()) return synthetic.error();
  std::vector<store::ProviderRecord> providers;
  for (const Provider& provider : synthetic.value().providers) {
    store::ProviderRecord record = to_record(provider);
    record.id = 0;
    record.updated_by = "generator";
    providers.push_back(std::move(record));
  }
  Result<store::ProviderImportOutcome> imported = store.import_providers(providers);
  if (!imported.ok()) return imported.error();
  // The generator numbers its providers 1..n; the store's ids are found again by name and LA.
  Result<std::vector<store::ProviderRecord>> stored = store.list_providers();
  if (!stored.ok()) return stored.error();
  std::map<std::pair<std::string, std::string>, std::int64_t> id_of;
  for (const store::ProviderRecord& record : stored.value()) {
    id_of[{record.name, record.la_number}] = record.id;
  }
  std::map<std::int64_t, std::int64_t> store_id;
  for (const Provider& provider : synthetic.value().providers) {
    store_id[provider.id] = id_of[{provider.name, provider.la_number}];
  }
  Result<std::vector<store::PlacementRecord>> existing = store.list_placements("");
  if (!existing.ok()) return existing.error();
  std::set<std::string> boroughs_with_placements;
  for (const store::PlacementRecord& record : existing.value()) {
    boroughs_with_placements.insert(record.borough);
  }
  std::vector<store::PlacementRecord> placements;
  for (const Placement& placement : synthetic.value().placements) {
    if (boroughs_with_placements.count(placement.borough) > 0) continue;
    store::PlacementRecord record = to_record(placement);
    record.id = 0;
    record.provider_id = store_id[placement.provider_id];
    for (store::FeeRecord& fees : record.fees) fees.recorded_by = "generator";
    placements.push_back(std::move(record));
  }
  Result<std::vector<std::int64_t>> added = store.add_placements(placements);
  if (!added.ok()) return added.error();
  return SyntheticLoad{imported.value().added, static_cast<int>(added.value().size())};
}

}  // namespace sendplan::placements
