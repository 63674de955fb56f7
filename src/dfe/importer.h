// `sendplan import dfe FILE...`: recognises each file's layout by its header, reads it into
// store values (DfE's symbols kept as missing, with their meaning) and imports every file in one
// transaction: if any file is bad, nothing is imported and every problem is reported.
// Importing the same file twice changes nothing; a newer edition of a series replaces the values
// it publishes again (see store/stats_records.h).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "dfe/area_registry.h"
#include "store/store.h"

namespace sendplan::dfe {

struct FileToImport {
  std::string name;     // shown in messages and stored (base name)
  std::string content;  // the bytes
};

// One file, read: which layout, what it holds, and the rows skipped (areas sendplan does not
// know, e.g. "METROPOLITAN AUTHORITIES" totals).
struct ReadFile {
  store::StatImport import;
  std::vector<std::string> skipped;
};

// The layout of one file and its values. kParse with file, line and column when the file is not
// a layout sendplan knows or a cell is wrong. `areas` learns the areas the file lists.
Result<ReadFile> read_stat_file(const FileToImport& file, AreaRegistry& areas);

struct ImportReport {
  std::vector<ReadFile> files;                     // in import order
  std::vector<store::StatImportOutcome> outcomes;  // one per file, same order
};

// Reads every file (SEN2 files first, as they name the areas others refer to by number or
// name), then imports them all in one transaction. On any bad file: the first error of each bad
// file, joined, and nothing imported. `progress` (may be empty) hears one line per step.
Result<ImportReport> import_files(store::Store& store, const std::vector<FileToImport>& files,
                                  const std::string& imported_by,
                                  const std::function<void(const std::string&)>& progress = {});

// The names of the layouts sendplan recognises, for error messages and help.
std::vector<std::string> known_layouts();

}  // namespace sendplan::dfe
