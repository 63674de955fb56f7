// Practice entries in and out as CSV and JSON (issue 14: import/export, all or nothing, with
// line-numbered problems). CSV: one row per entry, the columns of docs/guide/practice.md (id,
// call_id, title, summary, lead_borough, partner_boroughs, categories, problem, actions,
// age_from, age_to, needs, settings, impact, impact_summary, cost_and_resources, how_to_adopt,
// contact_name, contact_role, links, indicators, started_on, state, winner_category,
// evidence_strength, example, created_at, updated_at, submitted_at, published_at), lists
// joined by "; ", impact measures as "measure | before | after | period | source" joined by
// "; " (a ';', '|' or '\' inside an item is written "\;", "\|", "\\"; list items and measure
// parts are trimmed), yes/no for example, cells quoted and guarded against spreadsheet formulas
// as core/text.h's csv_cell does. JSON: {"entries": [ {...}, ... ]}, each entry as
// entry_to_json writes it (entry_json.h: the fields of store::PracticeEntry, lists as arrays,
// plus created_by and revision, which are read back as given). Ids, states, dates and ratings
// are exported; on import an entry becomes a new entry with the state it names (default
// "draft"), so a repository moves whole to a new store. Exporting and importing gives the same
// entries, field for field.
#pragma once

#include <string>
#include <vector>

#include "core/file_problem.h"
#include "store/practice_records.h"

namespace sendplan::practice {

std::string entries_csv(const std::vector<store::PracticeEntry>& entries);
std::string entries_json(const std::vector<store::PracticeEntry>& entries);

// Reads every row (CSV, header names the columns in any order; unknown columns are problems) or
// every element (JSON), checking each entry as draft_problems does (and submission_problems for
// states past "draft") against `boroughs`; all the problems, with line (CSV) or entry number
// (JSON, row = 1-based index) and column, or every entry. `file` names the source in problems.
Checked<std::vector<store::PracticeEntry>, FileProblem> read_entries_csv(
    const std::string& text, const std::string& file, const std::vector<std::string>& boroughs);
Checked<std::vector<store::PracticeEntry>, FileProblem> read_entries_json(
    const std::string& text, const std::string& file, const std::vector<std::string>& boroughs);

}  // namespace sendplan::practice
