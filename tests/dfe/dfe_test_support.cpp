#include "dfe_test_support.h"

#include <fmt/format.h>

#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/postgres_server.h"

namespace sendplan::dfe::testing {

namespace fs = std::filesystem;

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

FileToImport test_file(const std::string& name) {
  return {name, read_whole_file(std::string(SENDPLAN_TEST_DATA_DIR) + "/" + name)};
}

FileToImport shared_file(const std::string& relative_path) {
  return {fs::path(relative_path).filename().string(),
          read_whole_file(std::string(SENDPLAN_SHARED_DIR) + "/data/" + relative_path)};
}

bool shared_file_exists(const std::string& relative_path) {
  std::error_code error;
  return fs::is_regular_file(std::string(SENDPLAN_SHARED_DIR) + "/data/" + relative_path, error);
}

AreaRegistry registry_with_boroughs() {
  AreaRegistry areas;
  areas.add({"E09000012", "204", "Hackney", "la", "E12000007", "London"});
  areas.add({"E09000007", "202", "Camden", "la", "E12000007", "London"});
  areas.add({"E09000019", "206", "Islington", "la", "E12000007", "London"});
  areas.add({"E09000001", "201", "City of London", "la", "E12000007", "London"});
  areas.add({"E06000023", "801", "Bristol, City of", "la", "E12000009", "South West"});
  return areas;
}

const store::StatValue* find_value(const std::vector<store::StatValue>& values,
                                   const std::string& measure, const std::string& area_code,
                                   const std::string& period, const std::string& breakdown,
                                   const std::optional<std::string>& topic) {
  const store::StatValue* found = nullptr;
  for (const store::StatValue& value : values) {
    if (value.measure != measure || value.area_code != area_code || value.period != period ||
        value.breakdown != breakdown || (topic && value.breakdown_topic != *topic)) {
      continue;
    }
    EXPECT_EQ(found, nullptr) << "two values for " << measure << " " << area_code << " " << period
                              << " " << breakdown;
    found = &value;
  }
  return found;
}

std::string describe(const std::vector<store::StatValue>& values) {
  std::string text;
  for (const store::StatValue& value : values) {
    text += fmt::format("  {} {} {} [{}/{}] = '{}'\n", value.measure, value.area_code, value.period,
                        value.breakdown_topic, value.breakdown, value.text);
  }
  return text;
}

std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "sqlite" : "postgresql";
}

void PrintTo(Backend backend, std::ostream* out) {
  *out << (backend == Backend::kSqlite ? "sqlite" : "postgresql");
}

Result<std::unique_ptr<ScratchStore>> ScratchStore::open(Backend backend) {
  std::unique_ptr<ScratchStore> scratch(new ScratchStore());
  std::string url;
  if (backend == Backend::kSqlite) {
    try {
      scratch->folder_ = std::make_unique<sendplan::testing::TempDir>("dfe-test");
    } catch (const std::exception& e) {
      return make_error(ErrorCode::kIo, e.what());
    }
    url = "sqlite:" + scratch->folder_->file("stats.db");
  } else {
    // Not a skip: the PostgreSQL half must run (scripts/install-deps.sh installs it).
    Result<std::string> fresh = sendplan::testing::fresh_postgres_database();
    if (!fresh.ok()) return fresh.error();
    url = fresh.value();
  }
  Result<std::unique_ptr<store::Store>> opened = store::open_store(url);
  if (!opened.ok()) return opened.error();
  scratch->store_ = std::move(opened).value();
  return scratch;
}

ScratchStore::~ScratchStore() {
  store_.reset();  // closed before its folder goes
  folder_.reset();
}

PlainCsv read_plain_csv(const std::string& text) {
  // Records as lists of cells: a small state machine over the characters.
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string cell;
  bool quoted = false;
  bool any = false;
  std::size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  for (std::size_t i = start; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      record.push_back(cell);
      cell.clear();
      any = true;
    } else if (c == '\r') {
      // dropped: CRLF line ends
    } else if (c == '\n') {
      if (any || !cell.empty()) {
        record.push_back(cell);
        records.push_back(record);
      }
      record.clear();
      cell.clear();
      any = false;
    } else {
      cell += c;
      any = true;
    }
  }
  if (any || !cell.empty()) {
    record.push_back(cell);
    records.push_back(record);
  }
  PlainCsv csv;
  if (records.empty()) return csv;
  csv.header = records.front();
  for (std::size_t r = 1; r < records.size(); ++r) {
    std::map<std::string, std::string> row;
    for (std::size_t c = 0; c < csv.header.size(); ++c) {
      // A repeated header name keeps its first column, as DfE's readers do.
      if (row.count(csv.header[c]) == 0) {
        row[csv.header[c]] = c < records[r].size() ? records[r][c] : std::string();
      }
    }
    csv.rows.push_back(std::move(row));
  }
  return csv;
}

}  // namespace sendplan::dfe::testing
