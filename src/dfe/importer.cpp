#include "dfe/importer.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>

#include "core/text.h"
#include "dfe/layouts.h"

namespace sendplan::dfe {

namespace {

std::string sha256_hex(const std::string& bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  std::string hex;
  for (unsigned char byte : digest) hex += fmt::format("{:02x}", byte);
  return hex;
}

const Layout* layout_of(const Table& table) {
  for (const Layout& layout : layouts()) {
    if (layout.matches(table)) return &layout;
  }
  return nullptr;
}

std::string header_start(const Table& table) {
  std::string text;
  for (std::size_t i = 0; i < table.header().size() && i < 6; ++i) {
    text += (i == 0 ? "" : ",") + table.header()[i];
  }
  if (table.header().size() > 6) text += ",...";
  return excerpt(text, 100);
}

// SEN2 (EES) files first: they list every area with its codes.
int import_rank(const Layout& layout) {
  return std::string_view(layout.series).substr(0, 5) == "sen2_" ? 0 : 1;
}

}  // namespace

std::vector<std::string> known_layouts() {
  std::vector<std::string> names;
  for (const Layout& layout : layouts()) names.emplace_back(layout.series);
  return names;
}

Result<ReadFile> read_stat_file(const FileToImport& file, AreaRegistry& areas) {
  Result<Table> table = Table::parse(file.content, file.name);
  if (!table.ok()) return table.error();
  const Layout* layout = layout_of(table.value());
  if (layout == nullptr) {
    return make_error(ErrorCode::kParse,
                      fmt::format("not a file layout sendplan knows (the header starts '{}'); it "
                                  "reads: {}",
                                  header_start(table.value()), fmt::join(known_layouts(), ", ")),
                      {file.name, 1, 1});
  }
  ReadFile read;
  store::StatRelease& release = read.import.release;
  release.series = layout->series;
  release.title = layout->title;
  release.publisher = layout->publisher;
  release.file_name = file.name;
  release.sha256 = sha256_hex(file.content);
  FileReader reader(table.value(), *layout, areas, read.import);
  if (Status status = layout->read(reader); !status.ok()) return status.error();
  read.skipped = reader.skipped();

  // The edition is the latest year the file covers; the periods its range.
  const store::StatValue* first = nullptr;
  const store::StatValue* last = nullptr;
  for (const store::StatValue& value : read.import.values) {
    if (first == nullptr || value.year < first->year) first = &value;
    if (last == nullptr || value.year > last->year) last = &value;
  }
  if (first != nullptr) {
    release.edition = last->year;
    release.first_period = first->period;
    release.last_period = last->period;
  }
  release.value_count = static_cast<int>(read.import.values.size());
  return read;
}

Result<ImportReport> import_files(store::Store& store, const std::vector<FileToImport>& files,
                                  const std::string& imported_by,
                                  const std::function<void(const std::string&)>& progress) {
  auto say = [&](const std::string& line) {
    if (progress) progress(line);
  };
  Result<std::vector<store::StatArea>> known = store.list_stat_areas();
  if (!known.ok()) return known.error();
  AreaRegistry areas(known.value());

  // Order: SEN2 files first (stable otherwise), found by a quick look at each header.
  std::vector<std::pair<int, std::size_t>> order;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::size_t line_end = files[i].content.find('\n');
    Result<Table> header = Table::parse(files[i].content.substr(0, line_end), files[i].name);
    const Layout* layout = header.ok() ? layout_of(header.value()) : nullptr;
    order.emplace_back(layout != nullptr ? import_rank(*layout) : 1, i);
  }
  std::stable_sort(order.begin(), order.end());

  ImportReport report;
  std::vector<std::string> problems;
  for (const auto& [rank, index] : order) {
    const FileToImport& file = files[index];
    Result<ReadFile> read = read_stat_file(file, areas);
    if (!read.ok()) {
      problems.push_back(read.error().to_string());
      say(fmt::format("error: {}", read.error().to_string()));
      continue;
    }
    read.value().import.release.imported_by = imported_by;
    const store::StatRelease& release = read.value().import.release;
    say(fmt::format("read {}: {} ({}), {}{}{}", file.name, release.series, release.title,
                    release.value_count == 0
                        ? std::string("no values")
                        : fmt::format("{} values, {} to {}", release.value_count,
                                      release.first_period, release.last_period),
                    release.series == std::string("lait_statistical_neighbours")
                        ? fmt::format(", {} neighbours", read.value().import.neighbours.size())
                        : std::string(),
                    read.value().skipped.empty()
                        ? ""
                        : fmt::format(", {} rows skipped (areas not known: first {})",
                                      read.value().skipped.size(), read.value().skipped.front())));
    report.files.push_back(std::move(read).value());
  }
  if (!problems.empty()) {
    return make_error(ErrorCode::kParse,
                      fmt::format("nothing imported: {} of {} files could not be read:\n  {}",
                                  problems.size(), files.size(), fmt::join(problems, "\n  ")));
  }

  std::vector<store::StatImport> imports;
  imports.reserve(report.files.size());
  for (const ReadFile& read : report.files) imports.push_back(read.import);
  say(fmt::format("importing {} files in one transaction...", imports.size()));
  Result<std::vector<store::StatImportOutcome>> outcomes = store.import_stat_releases(imports);
  if (!outcomes.ok()) return outcomes.error();
  report.outcomes = std::move(outcomes).value();
  return report;
}

}  // namespace sendplan::dfe
