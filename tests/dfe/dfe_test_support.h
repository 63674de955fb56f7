// Helpers for the DfE statistics tests: files from tests/dfe/data and ../shared/data, a store on
// either backend (SQLite in a temp folder, or a fresh database on the test PostgreSQL server), a
// registry that knows a few London boroughs, and a small CSV reader of the tests' own so the
// published figures are checked against something that is not the library.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/result.h"
#include "dfe/area_registry.h"
#include "dfe/importer.h"
#include "store/stats_records.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace sendplan::dfe::testing {

// The bytes of `path`; "" when it cannot be read (the test then fails on what it expected).
std::string read_whole_file(const std::string& path);

// A file of tests/dfe/data, ready to import under its own name.
FileToImport test_file(const std::string& name);
// A file of ../shared/data (path relative to it, e.g. "sen2_ehcp/x.csv"), named by its base name.
FileToImport shared_file(const std::string& relative_path);
// Whether ../shared/data holds `relative_path`.
bool shared_file_exists(const std::string& relative_path);

// A registry that knows England, the regions and these local authorities (code, number, name):
// Hackney E09000012 204, Camden E09000007 202, Islington E09000019 206, City of London
// E09000001 201 and "Bristol, City of" E06000023 801.
AreaRegistry registry_with_boroughs();

// The one value of `values` with this measure, area, period and breakdown (and topic, when
// given); nullptr when there is none (and the test fails when there are several).
const store::StatValue* find_value(const std::vector<store::StatValue>& values,
                                   const std::string& measure, const std::string& area_code,
                                   const std::string& period, const std::string& breakdown = "",
                                   const std::optional<std::string>& topic = std::nullopt);

// "measure area period [topic/breakdown]" of every value, for failure messages.
std::string describe(const std::vector<store::StatValue>& values);

// A store in a throw-away place: SQLite in a new temp folder (removed by the destructor), or a new
// database on the process's test PostgreSQL server.
enum class Backend { kSqlite, kPostgres };
std::string backend_name(const ::testing::TestParamInfo<Backend>& info);
void PrintTo(Backend backend, std::ostream* out);

class ScratchStore {
 public:
  // The store, or the reason it could not be opened.
  static Result<std::unique_ptr<ScratchStore>> open(Backend backend);
  ScratchStore(const ScratchStore&) = delete;
  ScratchStore& operator=(const ScratchStore&) = delete;
  ~ScratchStore();

  store::Store& store() { return *store_; }

 private:
  ScratchStore() = default;
  std::unique_ptr<sendplan::testing::TempDir> folder_;  // SQLite's temp folder
  std::unique_ptr<store::Store> store_;
};

// The tests' own CSV reader (RFC 4180 quotes, CRLF or LF), independent of io/ and dfe/: the
// header names and, for each data row, its cells by column name.
struct PlainCsv {
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;
};
PlainCsv read_plain_csv(const std::string& text);

}  // namespace sendplan::dfe::testing
