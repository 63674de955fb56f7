#include "cli/practice_command.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "cli/install_paths.h"
#include "cli/terminal.h"
#include "core/text.h"
#include "io/file_text.h"
#include "placements/london_boroughs.h"
#include "practice/categories.h"
#include "practice/entry_files.h"
#include "practice/evidence.h"
#include "practice/facets.h"
#include "practice/seed.h"
#include "practice/workflow.h"
#include "store/store.h"

namespace sendplan::cli {

namespace {

// The 33 boroughs' canonical names and sub-regions.
struct Boroughs {
  std::vector<std::string> names;
  std::map<std::string, std::string> subregion_of;
};

Result<Boroughs> read_boroughs(const PracticeOptions& options) {
  auto read = placements::read_london_boroughs(shared_or_default(options.shared) +
                                               "/data/boundaries/london_boroughs.csv");
  if (!read.ok()) return read.error();
  Boroughs boroughs;
  for (const placements::GeneratorBorough& borough : read.value()) {
    boroughs.names.push_back(borough.info.name);
    boroughs.subregion_of[borough.info.name] = borough.info.sub_region;
  }
  return boroughs;
}

std::string format_of(const PracticeOptions& options, const std::string& path) {
  if (!options.format.empty()) return options.format;
  return std::filesystem::path(path).extension() == ".json" ? "json" : "csv";
}

store::PracticeEvent cli_event(const std::string& action, const std::string& note) {
  store::PracticeEvent event;
  event.username = "cli";
  event.action = action;
  event.note = note;
  return event;
}

// Stores `entries` in one transaction; prints how many.
int store_entries(store::Store& store, const std::vector<store::PracticeEntry>& entries,
                  const Boroughs& boroughs, const std::string& action, const std::string& note) {
  std::vector<store::PracticeFacets> facets;
  for (const store::PracticeEntry& entry : entries)
    facets.push_back(practice::facets_of(entry, boroughs.subregion_of));
  Result<std::vector<std::int64_t>> ids =
      store.import_practice_entries(entries, facets, cli_event(action, note));
  if (!ids.ok()) return report_error(ids.error());
  fmt::print("Stored {} practice entr{} ({}).\n", ids.value().size(),
             ids.value().size() == 1 ? "y" : "ies", note);
  return 0;
}

// The snippet with its marked words in [brackets].
std::string plain_snippet(const std::string& snippet) {
  std::string out;
  for (std::size_t i = 0; i < snippet.size(); ++i) {
    if (snippet.compare(i, 3, "\xEE\x80\x80") == 0) {
      out += '[';
      i += 2;
    } else if (snippet.compare(i, 3, "\xEE\x80\x81") == 0) {
      out += ']';
      i += 2;
    } else {
      out += snippet[i] == '\n' ? ' ' : snippet[i];
    }
  }
  return out;
}

}  // namespace

int run_practice_seed(const PracticeOptions& options) {
  Result<Boroughs> boroughs = read_boroughs(options);
  if (!boroughs.ok()) return report_error(boroughs.error());
  Result<std::unique_ptr<store::Store>> store = store::open_store(options.database);
  if (!store.ok()) return report_error(store.error());
  Result<std::vector<store::PracticeEntry>> existing = store.value()->list_practice_entries();
  if (!existing.ok()) return report_error(existing.error());
  for (const store::PracticeEntry& entry : existing.value()) {
    if (entry.example) {
      fmt::print("The example practice entries are already in {}: nothing to do.\n",
                 options.database);
      return 0;
    }
  }
  return store_entries(*store.value(), practice::seed_entries(boroughs.value().names),
                       boroughs.value(), "seeded", "synthetic examples");
}

int run_practice_import(const PracticeOptions& options) {
  Result<Boroughs> boroughs = read_boroughs(options);
  if (!boroughs.ok()) return report_error(boroughs.error());
  Result<std::string> text = io::detail::read_text_file(options.file);
  if (!text.ok()) return report_error(text.error());
  const std::string name = std::filesystem::path(options.file).filename().string();
  const std::string format = format_of(options, options.file);
  if (format != "csv" && format != "json")
    return report_error(make_error(ErrorCode::kInvalidArgument, "--format is csv or json"));
  Checked<std::vector<store::PracticeEntry>, FileProblem> read =
      format == "csv" ? practice::read_entries_csv(text.value(), name, boroughs.value().names)
                      : practice::read_entries_json(text.value(), name, boroughs.value().names);
  if (!read) {
    fmt::print(stderr, "{}", format_problems(read.problems()));
    return report_error(problems_to_error(read.problems()));
  }
  Result<std::unique_ptr<store::Store>> store = store::open_store(options.database);
  if (!store.ok()) return report_error(store.error());
  std::vector<store::PracticeEntry> entries = std::move(read).value();
  for (store::PracticeEntry& entry : entries) {
    if (entry.call_id == 0) continue;
    Result<std::optional<store::PracticeCall>> call =
        store.value()->get_practice_call(entry.call_id);
    if (!call.ok()) return report_error(call.error());
    if (!call.value()) entry.call_id = 0;  // a call of another store
  }
  return store_entries(*store.value(), entries, boroughs.value(), "imported", name);
}

int run_practice_export(const PracticeOptions& options) {
  Result<std::unique_ptr<store::Store>> store = store::open_store(options.database);
  if (!store.ok()) return report_error(store.error());
  Result<std::vector<store::PracticeEntry>> all = store.value()->list_practice_entries();
  if (!all.ok()) return report_error(all.error());
  if (options.state != "any" && !practice::is_state(options.state))
    return report_error(make_error(
        ErrorCode::kInvalidArgument,
        fmt::format("--state is any or one of {}", fmt::join(practice::states(), ", "))));
  std::vector<store::PracticeEntry> entries;
  for (const store::PracticeEntry& entry : all.value())
    if (options.state == "any" || entry.state == options.state) entries.push_back(entry);
  const std::string format = format_of(options, options.out);
  std::ofstream out(options.out, std::ios::binary);
  out << (format == "json" ? practice::entries_json(entries) : practice::entries_csv(entries));
  out.close();
  if (!out)
    return report_error(make_error(ErrorCode::kIo, fmt::format("cannot write {}", options.out)));
  fmt::print("Wrote {} ({} entr{}).\n", options.out, entries.size(),
             entries.size() == 1 ? "y" : "ies");
  return 0;
}

int run_practice_search(const PracticeOptions& options) {
  Result<std::unique_ptr<store::Store>> store = store::open_store(options.database);
  if (!store.ok()) return report_error(store.error());
  store::PracticeQuery query;
  query.text = options.text;
  query.states = {"published"};
  query.limit = options.limit;
  if (!options.categories.empty()) query.filters["category"] = options.categories;
  if (!options.boroughs.empty()) query.filters["borough"] = options.boroughs;
  Result<store::PracticeResults> results = store.value()->search_practice(query);
  if (!results.ok()) return report_error(results.error());
  fmt::print("{} published entr{} match.\n", results.value().total,
             results.value().total == 1 ? "y" : "ies");
  int rank = 0;
  for (const store::PracticeHit& hit : results.value().hits) {
    const store::PracticeEntry& e = hit.entry;
    std::string categories;
    for (const std::string& key : e.categories)
      categories +=
          (categories.empty() ? "" : "; ") + practice::term_title(practice::categories(), key);
    fmt::print("\n{}. {} — {}{} (entry {})\n   {} · evidence: {}\n", ++rank, e.title,
               e.lead_borough, e.example ? ", example" : "", e.id, categories,
               practice::evidence_name(e.evidence_strength));
    if (!hit.snippet.empty()) fmt::print("   {}\n", plain_snippet(hit.snippet));
  }
  const auto facet = results.value().facets.find("category");
  if (facet != results.value().facets.end() && !facet->second.empty()) {
    fmt::print("\nBy category:");
    for (const auto& [key, count] : facet->second) fmt::print(" {} {};", key, count);
    fmt::print("\n");
  }
  return 0;
}

}  // namespace sendplan::cli
