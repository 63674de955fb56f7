// `sendplan import dfe FILE...`: imports DfE, Ofsted and ESFA statistics files into the store
// (see dfe/importer.h): one line per file read, then what changed. All or nothing.
#pragma once

#include <string>
#include <vector>

namespace sendplan::cli {

struct ImportOptions {
  std::string database = "sendplan.db";
  std::vector<std::string> files;
};

int run_import_dfe(const ImportOptions& options);

}  // namespace sendplan::cli
