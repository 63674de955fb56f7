// Published statistics as the store keeps them: releases (one imported file each), areas (ONS
// code ↔ DfE LA number ↔ name), values (one published cell each) and statistical neighbours.
//
// A value is keyed by (series, measure, area, period, breakdown topic, breakdown). Its `text` is
// the cell exactly as published ("3512", "57.900000000000", "x", "Yes"); `value` is the number
// when the text is one, else empty. A newer edition of a series replaces the values it publishes
// again; an older edition only adds what the newer one lacks; the same file twice changes nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sendplan::store {

struct StatRelease {
  std::int64_t id = 0;    // set by the store
  std::string series;     // stable layout name, e.g. "sen2_caseload"
  std::string title;      // "EHC plans in place in January, by placement type"
  std::string publisher;  // "Department for Education"
  std::string file_name;  // as imported (base name)
  std::string sha256;     // of the file's bytes: the same file is recognised
  int edition = 0;        // the latest year the file covers: newer editions win
  std::string first_period;
  std::string last_period;
  int value_count = 0;
  std::string imported_by;  // user name or "cli"
  std::string imported_at;
};

struct StatArea {
  std::string code;       // ONS GSS code: E92000001 England, E12000007 London, E09000012 Hackney
  std::string la_number;  // DfE 3-digit LA number ("" for England and regions)
  std::string name;
  std::string level;  // "national", "regional" or "la"
  std::string region_code;
  std::string region_name;
  // The newest year a file named this code with `la_number`: when an LA's ONS code changed
  // (Gateshead E08000020 → E08000037 in 2013), its number means the code of the newest year.
  int year = 0;
};

struct StatValue {
  std::string series;
  std::string measure;
  std::string area_code;
  std::string period;           // as published, normalised: "2024/25", "2024", "2023-24"
  int year = 0;                 // the year the period ends in (January 2025 caseload: 2025)
  std::string breakdown_topic;  // "" for a file without breakdowns
  std::string breakdown;
  std::string text;
  std::optional<double> value;
  std::int64_t release_id = 0;  // set by the store
};

struct StatNeighbour {
  std::string area_code;
  int rank = 0;  // 1 = closest
  std::string neighbour_code;
  std::string closeness;  // "Very close", "Close", "Somewhat close", ...
};

// One parsed file, ready to import.
struct StatImport {
  StatRelease release;
  std::vector<StatArea> areas;  // areas the file names with their codes (registry upserts)
  std::vector<StatValue> values;
  std::vector<StatNeighbour> neighbours;
};

struct StatImportOutcome {
  std::string file_name;
  std::string series;
  bool already_imported = false;  // the same file (series and SHA-256) was imported before
  int values_changed = 0;         // inserted or replaced
  int values_kept = 0;            // not written: unchanged, or a newer edition already holds them
};

// Values of one series. Empty lists and unset fields match everything.
struct StatQuery {
  std::string series;
  std::vector<std::string> measures;
  std::vector<std::string> area_codes;
  std::optional<std::string> breakdown_topic;
  std::optional<std::string> breakdown;
};

}  // namespace sendplan::store
