#include "cli/import_command.h"

#include <fmt/format.h>

#include <filesystem>

#include "cli/terminal.h"
#include "dfe/importer.h"
#include "io/file_text.h"
#include "store/store.h"

namespace sendplan::cli {

int run_import_dfe(const ImportOptions& options) {
  std::vector<dfe::FileToImport> files;
  for (const std::string& path : options.files) {
    Result<std::string> text = io::detail::read_text_file(path);
    if (!text.ok()) return report_error(text.error());
    files.push_back({std::filesystem::path(path).filename().string(), std::move(text).value()});
  }
  Result<std::unique_ptr<store::Store>> store = store::open_store(options.database);
  if (!store.ok()) return report_error(store.error());
  Result<dfe::ImportReport> report =
      dfe::import_files(*store.value(), files, "cli",
                        [](const std::string& line) { fmt::print(stderr, "{}\n", line); });
  if (!report.ok()) return report_error(report.error());
  int changed = 0;
  for (const store::StatImportOutcome& outcome : report.value().outcomes) {
    changed += outcome.values_changed;
    fmt::print("{:<58} {:<28} {}\n", outcome.file_name, outcome.series,
               outcome.already_imported
                   ? std::string("already imported: nothing changed")
                   : fmt::format("{} values written, {} unchanged or held by a newer edition",
                                 outcome.values_changed, outcome.values_kept));
  }
  fmt::print("Imported {} files into {}: {} values changed.\n", report.value().outcomes.size(),
             options.database, changed);
  return 0;
}

}  // namespace sendplan::cli
