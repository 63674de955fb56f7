// What every DfE file layout reader shares: it turns cells into store values (with their
// periods, areas and symbols), resolves areas through the registry, and records rows it skipped.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "dfe/area_registry.h"
#include "dfe/table.h"
#include "store/stats_records.h"

namespace sendplan::dfe {

struct Layout;

class FileReader {
 public:
  FileReader(const Table& table, const Layout& layout, AreaRegistry& areas, store::StatImport& out)
      : table_(table), layout_(layout), areas_(areas), out_(out) {}

  const Table& table() const { return table_; }
  const Layout& layout() const { return layout_; }
  AreaRegistry& areas() { return areas_; }
  store::StatImport& out() { return out_; }

  // The column's index; kParse at line 1 when the header lacks it.
  Result<std::size_t> column(std::string_view name) const;

  // Adds the value of `row`'s cell in `column`. The cell must be a number or a symbol (see
  // symbols.h) unless `text_allowed`; kParse at the cell otherwise.
  Status add(const csv::Record& row, std::size_t column, const std::string& measure,
             const std::string& area_code, const std::string& period, int year,
             const std::string& breakdown_topic = "", const std::string& breakdown = "",
             bool text_allowed = false);

  // The period in `row`'s cell; kParse at the cell when it is not one.
  Result<std::pair<std::string, int>> period(const csv::Record& row, std::size_t column) const;

  // An area the file names only by LA number or name: its ONS code, or "" when unknown (the row
  // is then skipped and counted; see skipped()). kParse when no local authority is known at all
  // (no SEN2 file imported yet).
  Result<std::string> resolve(const csv::Record& row, std::string_view la_number,
                              std::string_view name);

  // Records an area the file names with its code (registry and the import's area list, once per
  // area with the fields of its newest year).
  void learn(const store::StatArea& area);

  const std::vector<std::string>& skipped() const { return skipped_; }

 private:
  const Table& table_;
  const Layout& layout_;
  AreaRegistry& areas_;
  store::StatImport& out_;
  std::vector<std::string> skipped_;           // "line 12: METROPOLITAN AUTHORITIES"
  std::map<std::string, std::size_t> learnt_;  // area code → index in out_.areas
};

// The columns of `table` that are not in `identifiers` (nor empty, nor a repeat of an earlier
// column): the measures.
std::vector<std::size_t> measure_columns(const Table& table,
                                         std::initializer_list<std::string_view> identifiers);

// A reader for one layout: fills `reader.out().values` (and areas, neighbours).
using LayoutRead = Status (*)(FileReader& reader);

struct Layout {
  const char* series;
  const char* title;
  const char* publisher;
  // Whether `table` has this layout (by its header, and for a few layouts its first row).
  bool (*matches)(const Table& table);
  LayoutRead read;
};

}  // namespace sendplan::dfe
