// `sendplan practice ...`: the practice repository from the command line (issue 14).
//   seed                          the synthetic example entries (marked as examples), once
//   import FILE [--format F]      entries from CSV or JSON (by the file's extension), all or
//                                 nothing, every problem with its line and column
//   export --out FILE [--state S] entries as CSV or JSON (by the extension); published ones
//                                 unless --state any (or a state)
//   search WORDS [--category C ...] [--borough B ...] [--limit N]
//                                 ranked published entries with their best passage
#pragma once

#include <string>
#include <vector>

namespace sendplan::cli {

struct PracticeOptions {
  std::string database = "sendplan.db";
  std::string shared;  // default: shared_or_default() (london_boroughs.csv)
  std::string file;
  std::string format;  // "csv" or "json"; "" = by the file's extension
  std::string out;
  std::string state = "published";
  std::string text;
  std::vector<std::string> categories;
  std::vector<std::string> boroughs;
  int limit = 10;
};

int run_practice_seed(const PracticeOptions& options);
int run_practice_import(const PracticeOptions& options);
int run_practice_export(const PracticeOptions& options);
int run_practice_search(const PracticeOptions& options);

}  // namespace sendplan::cli
