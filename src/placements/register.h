// The placements register on a store: importing provider lists and placement files (every file
// read first: one bad file and nothing is imported, every problem listed), reading providers and
// placements back as domain objects, and loading the synthetic London dataset.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "placements/placement.h"
#include "placements/placement_generator.h"
#include "placements/provider.h"
#include "store/store.h"

namespace sendplan::placements {

struct RegisterFile {
  std::string name;     // shown in problems
  std::string content;  // bytes (GIAS extracts may be Windows-1252)
};

struct ProviderFilesReport {
  std::vector<std::string> files;  // "name: layout, N providers"
  store::ProviderImportOutcome outcome;
};

// Recognises each file: a DfE provider list (section 41, or not section 41), a GIAS extract or
// sendplan's provider register CSV. Every problem of every bad file (nothing imported); else all
// providers go in in one transaction (see Store::import_providers). A store failure is the one
// problem.
Checked<ProviderFilesReport> import_provider_files(store::Store& store,
                                                   const std::vector<RegisterFile>& files,
                                                   const std::string& imported_by);

Result<std::vector<Provider>> load_providers(store::Store& store);
// `borough` "" = every borough.
Result<std::vector<Placement>> load_placements(store::Store& store, const std::string& borough);

// The placements register CSV of one borough: every row must be that borough's (kInvalidInput
// naming the line otherwise), providers named by id or URN must be in the register. All or
// nothing: every problem is listed. Returns the new placements' ids.
Checked<std::vector<std::int64_t>> import_placement_file(store::Store& store,
                                                         const std::string& borough,
                                                         const RegisterFile& file,
                                                         const std::string& recorded_by);

// SEN2's children with an EHC plan in independent and non-maintained special schools, by DfE LA
// number and primary need, in the newest January the store's statistics have (`period` "" when
// none: import ehcp2025_sen_needs_all_plans_by_placement_type_all_la.csv with `import dfe`).
struct IndependentSectorChildren {
  std::map<std::string, NeedCounts> by_la_number;
  std::string period;  // e.g. "2024/25"
  int year = 0;
};
Result<IndependentSectorChildren> independent_sector_children(store::Store& store);

struct SyntheticLoad {
  int providers = 0;
  int placements = 0;
};
// Generates the synthetic London dataset (placement_generator.h) and stores it: its providers
// (recognised again by name on a second load, so loading twice adds no providers) and its
// placements (a second load adds none when the borough already has placements).
Result<SyntheticLoad> load_synthetic_placements(store::Store& store,
                                                const std::vector<GeneratorBorough>& boroughs,
                                                std::uint64_t seed,
                                                const PlacementGeneratorOptions& options);

}  // namespace sendplan::placements
