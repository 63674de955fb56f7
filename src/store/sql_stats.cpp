// Published statistics in SQL. Values go in as multi-row upserts (a few hundred rows per
// statement: one round trip each on PostgreSQL) whose WHERE clause keeps the newer edition.
#include "store/sql_stats.h"

#include <fmt/format.h>

#include <map>
#include <string_view>
#include <tuple>

namespace sendplan::store::detail {

namespace {

constexpr std::size_t kRowsPerStatement = 200;

constexpr const char* kReleaseColumns =
    "id, series, title, publisher, file_name, sha256, edition, first_period, last_period, "
    "value_count, imported_by, imported_at";

StatRelease release_from(const SqlRow& row) {
  StatRelease release;
  release.id = row.integer(0);
  release.series = row.text(1);
  release.title = row.text(2);
  release.publisher = row.text(3);
  release.file_name = row.text(4);
  release.sha256 = row.text(5);
  release.edition = static_cast<int>(row.integer(6));
  release.first_period = row.text(7);
  release.last_period = row.text(8);
  release.value_count = static_cast<int>(row.integer(9));
  release.imported_by = row.text(10);
  release.imported_at = row.text(11);
  return release;
}

using ValueKey = std::tuple<std::string_view, std::string_view, std::string_view, std::string_view,
                            std::string_view, std::string_view>;

ValueKey key_of(const StatValue& value) {
  return {value.series, value.measure,         value.area_code,
          value.period, value.breakdown_topic, value.breakdown};
}

Status upsert_areas(SqlConnection& connection, const std::vector<StatArea>& areas) {
  for (const StatArea& area : areas) {
    Result<std::int64_t> written = connection.execute(
        "INSERT INTO stat_areas (code, la_number, name, level, region_code, region_name, year) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
        "la_number = CASE WHEN excluded.la_number <> '' THEN excluded.la_number "
        "ELSE stat_areas.la_number END, "
        "year = CASE WHEN excluded.year > stat_areas.year THEN excluded.year "
        "ELSE stat_areas.year END, "
        "name = excluded.name, level = excluded.level, "
        "region_code = CASE WHEN excluded.region_code <> '' THEN excluded.region_code "
        "ELSE stat_areas.region_code END, "
        "region_name = CASE WHEN excluded.region_name <> '' THEN excluded.region_name "
        "ELSE stat_areas.region_name END",
        {area.code, area.la_number, area.name, area.level, area.region_code, area.region_name,
         area.year});
    if (!written.ok()) return written.error();
  }
  return {};
}

Status upsert_neighbours(SqlConnection& connection, const std::vector<StatNeighbour>& neighbours,
                         std::int64_t release_id) {
  for (const StatNeighbour& neighbour : neighbours) {
    Result<std::int64_t> written = connection.execute(
        "INSERT INTO stat_neighbours (area_code, rank, neighbour_code, closeness, release_id) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (area_code, rank) DO UPDATE SET "
        "neighbour_code = excluded.neighbour_code, closeness = excluded.closeness, "
        "release_id = excluded.release_id",
        {neighbour.area_code, neighbour.rank, neighbour.neighbour_code, neighbour.closeness,
         release_id});
    if (!written.ok()) return written.error();
  }
  return {};
}

// Upserts `values` (distinct keys); returns how many rows changed.
Result<std::int64_t> upsert_values(SqlConnection& connection,
                                   const std::vector<const StatValue*>& values, int edition,
                                   std::int64_t release_id) {
  std::int64_t changed = 0;
  for (std::size_t start = 0; start < values.size(); start += kRowsPerStatement) {
    const std::size_t count = std::min(kRowsPerStatement, values.size() - start);
    const std::string sql = fmt::format(
        "INSERT INTO stat_values (series, measure, area_code, period, year, breakdown_topic, "
        "breakdown, text, value, edition, release_id) VALUES {} "
        "ON CONFLICT (series, measure, area_code, period, breakdown_topic, breakdown) "
        "DO UPDATE SET year = excluded.year, text = excluded.text, value = excluded.value, "
        "edition = excluded.edition, release_id = excluded.release_id "
        "WHERE stat_values.edition < excluded.edition OR "
        "(stat_values.edition = excluded.edition AND stat_values.text <> excluded.text)",
        placeholders(count, 11));
    SqlParams params;
    params.reserve(count * 11);
    for (std::size_t i = start; i < start + count; ++i) {
      const StatValue& value = *values[i];
      params.emplace_back(value.series);
      params.emplace_back(value.measure);
      params.emplace_back(value.area_code);
      params.emplace_back(value.period);
      params.emplace_back(value.year);
      params.emplace_back(value.breakdown_topic);
      params.emplace_back(value.breakdown);
      params.emplace_back(value.text);
      params.push_back(value.value ? SqlParam(*value.value) : SqlParam::null());
      params.emplace_back(edition);
      params.emplace_back(release_id);
    }
    Result<std::int64_t> written = connection.execute(sql, params);
    if (!written.ok()) return written.error();
    changed += written.value();
  }
  return changed;
}

Result<StatImportOutcome> import_one(SqlConnection& connection, const StatImport& import,
                                     const std::string& now) {
  const StatRelease& release = import.release;
  StatImportOutcome outcome;
  outcome.file_name = release.file_name;
  outcome.series = release.series;

  Result<SqlRows> existing =
      connection.query("SELECT id FROM stat_releases WHERE series = ? AND sha256 = ?",
                       {release.series, release.sha256});
  if (!existing.ok()) return existing.error();
  if (!existing.value().empty()) {
    outcome.already_imported = true;
    outcome.values_kept = static_cast<int>(import.values.size());
    return outcome;
  }

  Result<SqlRows> inserted = connection.query(
      "INSERT INTO stat_releases (series, title, publisher, file_name, sha256, edition, "
      "first_period, last_period, value_count, imported_by, imported_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {release.series, release.title, release.publisher, release.file_name, release.sha256,
       release.edition, release.first_period, release.last_period,
       static_cast<int>(import.values.size()), release.imported_by,
       release.imported_at.empty() ? now : release.imported_at});
  if (!inserted.ok()) return inserted.error();
  const std::int64_t release_id = inserted.value().at(0).integer(0);

  if (Status areas = upsert_areas(connection, import.areas); !areas.ok()) return areas.error();
  if (Status neighbours = upsert_neighbours(connection, import.neighbours, release_id);
      !neighbours.ok()) {
    return neighbours.error();
  }

  // One row per key (PostgreSQL refuses to update a row twice in one statement), in key order
  // (SQLite's pages fill up instead of splitting at random: a third smaller and faster).
  std::map<ValueKey, const StatValue*> by_key;
  for (const StatValue& value : import.values) by_key.emplace(key_of(value), &value);
  std::vector<const StatValue*> distinct;
  distinct.reserve(by_key.size());
  for (const auto& [key, value] : by_key) distinct.push_back(value);
  Result<std::int64_t> changed = upsert_values(connection, distinct, release.edition, release_id);
  if (!changed.ok()) return changed.error();
  outcome.values_changed = static_cast<int>(changed.value());
  outcome.values_kept = static_cast<int>(import.values.size()) - outcome.values_changed;
  return outcome;
}

void append_in(std::string& sql, SqlParams& params, const char* column,
               const std::vector<std::string>& values) {
  if (values.empty()) return;
  sql += fmt::format(" AND {} IN {}", column, placeholders(1, values.size()));
  for (const std::string& value : values) params.emplace_back(value);
}

}  // namespace

Result<std::vector<StatImportOutcome>> import_stat_releases(SqlConnection& connection,
                                                            const std::vector<StatImport>& imports,
                                                            const std::string& now) {
  std::vector<StatImportOutcome> outcomes;
  for (const StatImport& import : imports) {
    Result<StatImportOutcome> outcome = import_one(connection, import, now);
    if (!outcome.ok()) {
      Error error = outcome.error();
      error.message = fmt::format("{}: {}", import.release.file_name, error.message);
      return error;
    }
    outcomes.push_back(std::move(outcome).value());
  }
  return outcomes;
}

Result<std::vector<StatRelease>> list_stat_releases(SqlConnection& connection) {
  Result<SqlRows> rows =
      connection.query(fmt::format("SELECT {} FROM stat_releases ORDER BY id", kReleaseColumns));
  if (!rows.ok()) return rows.error();
  std::vector<StatRelease> releases;
  for (const SqlRow& row : rows.value()) releases.push_back(release_from(row));
  return releases;
}

Result<std::vector<StatArea>> list_stat_areas(SqlConnection& connection) {
  Result<SqlRows> rows = connection.query(
      "SELECT code, la_number, name, level, region_code, region_name, year FROM stat_areas "
      "ORDER BY CASE level WHEN 'national' THEN 0 WHEN 'regional' THEN 1 ELSE 2 END, name");
  if (!rows.ok()) return rows.error();
  std::vector<StatArea> areas;
  for (const SqlRow& row : rows.value()) {
    areas.push_back({row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5),
                     static_cast<int>(row.integer(6))});
  }
  return areas;
}

Result<std::vector<StatValue>> query_stat_values(SqlConnection& connection,
                                                 const StatQuery& query) {
  std::string sql =
      "SELECT series, measure, area_code, period, year, breakdown_topic, breakdown, text, value, "
      "release_id FROM stat_values WHERE series = ?";
  SqlParams params{query.series};
  append_in(sql, params, "measure", query.measures);
  append_in(sql, params, "area_code", query.area_codes);
  if (query.breakdown_topic) {
    sql += " AND breakdown_topic = ?";
    params.emplace_back(*query.breakdown_topic);
  }
  if (query.breakdown) {
    sql += " AND breakdown = ?";
    params.emplace_back(*query.breakdown);
  }
  sql += " ORDER BY measure, area_code, year, period, breakdown_topic, breakdown";
  Result<SqlRows> rows = connection.query(sql, params);
  if (!rows.ok()) return rows.error();
  std::vector<StatValue> values;
  values.reserve(rows.value().size());
  for (SqlRow& row : rows.value()) {
    StatValue value;
    value.series = row.text(0);
    value.measure = row.text(1);
    value.area_code = row.text(2);
    value.period = row.text(3);
    value.year = static_cast<int>(row.integer(4));
    value.breakdown_topic = row.text(5);
    value.breakdown = row.text(6);
    value.text = row.take_text(7);
    if (!row.is_null(8)) value.value = row.real(8);
    value.release_id = row.integer(9);
    values.push_back(std::move(value));
  }
  return values;
}

Result<std::vector<StatNeighbour>> list_stat_neighbours(SqlConnection& connection) {
  Result<SqlRows> rows = connection.query(
      "SELECT area_code, rank, neighbour_code, closeness FROM stat_neighbours "
      "ORDER BY area_code, rank");
  if (!rows.ok()) return rows.error();
  std::vector<StatNeighbour> neighbours;
  for (const SqlRow& row : rows.value()) {
    neighbours.push_back({row.text(0), static_cast<int>(row.integer(1)), row.text(2), row.text(3)});
  }
  return neighbours;
}

}  // namespace sendplan::store::detail
