// The placements register in SQL.
#include "store/sql_placements.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace sendplan::store::detail {

namespace {

constexpr const char* kProviderColumns =
    "id, urn, name, type, la_number, local_authority, postcode, latitude, longitude, age_low, "
    "age_high, needs, boarding, wheelchair_accessible, capacity, places_commissioned, vacancies, "
    "ofsted_grade, ofsted_date, section41, source, updated_by, updated_at";

constexpr const char* kPlacementColumns =
    "id, borough, child_ref, need, age, provider_id, start_date, end_date, residential, "
    "transport_cost, distance_km";

SqlParam optional_real(const std::optional<double>& value) {
  return value ? SqlParam(*value) : SqlParam::null();
}

// The provider's columns after id, in kProviderColumns order.
SqlParams provider_params(const ProviderRecord& p, const std::string& now) {
  return {p.urn,
          p.name,
          p.type,
          p.la_number,
          p.local_authority,
          p.postcode,
          optional_real(p.latitude),
          optional_real(p.longitude),
          p.age_low,
          p.age_high,
          p.needs,
          p.boarding,
          p.wheelchair_accessible ? 1 : 0,
          p.capacity,
          p.places_commissioned,
          p.vacancies,
          p.ofsted_grade ? SqlParam(*p.ofsted_grade) : SqlParam::null(),
          p.ofsted_date,
          p.section41 ? 1 : 0,
          p.source,
          p.updated_by,
          p.updated_at.empty() ? now : p.updated_at};
}

ProviderRecord provider_from(const SqlRow& row) {
  ProviderRecord p;
  p.id = row.integer(0);
  p.urn = row.text(1);
  p.name = row.text(2);
  p.type = row.text(3);
  p.la_number = row.text(4);
  p.local_authority = row.text(5);
  p.postcode = row.text(6);
  if (!row.is_null(7)) p.latitude = row.real(7);
  if (!row.is_null(8)) p.longitude = row.real(8);
  p.age_low = static_cast<int>(row.integer(9));
  p.age_high = static_cast<int>(row.integer(10));
  p.needs = row.text(11);
  p.boarding = row.text(12);
  p.wheelchair_accessible = row.integer(13) != 0;
  p.capacity = static_cast<int>(row.integer(14));
  p.places_commissioned = static_cast<int>(row.integer(15));
  p.vacancies = static_cast<int>(row.integer(16));
  if (!row.is_null(17)) p.ofsted_grade = static_cast<int>(row.integer(17));
  p.ofsted_date = row.text(18);
  p.section41 = row.integer(19) != 0;
  p.source = row.text(20);
  p.updated_by = row.text(21);
  p.updated_at = row.text(22);
  return p;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// How a listed provider is recognised: its URN, else its name and LA.
std::string identity(const ProviderRecord& p) {
  if (!p.urn.empty()) return "urn:" + p.urn;
  return "name:" + lower(p.name) + "|" +
         (p.la_number.empty() ? lower(p.local_authority) : p.la_number);
}

// `stored` with the listed provider's non-empty fields laid over it.
ProviderRecord merged(ProviderRecord stored, const ProviderRecord& listed) {
  auto text = [](std::string& to, const std::string& from) {
    if (!from.empty()) to = from;
  };
  auto number = [](int& to, int from) {
    if (from != 0) to = from;
  };
  text(stored.urn, listed.urn);
  text(stored.name, listed.name);
  text(stored.type, listed.type);
  text(stored.la_number, listed.la_number);
  text(stored.local_authority, listed.local_authority);
  text(stored.postcode, listed.postcode);
  if (listed.latitude && listed.longitude) {
    stored.latitude = listed.latitude;
    stored.longitude = listed.longitude;
  }
  number(stored.age_low, listed.age_low);
  number(stored.age_high, listed.age_high);
  text(stored.needs, listed.needs);
  text(stored.boarding, listed.boarding);
  stored.wheelchair_accessible = stored.wheelchair_accessible || listed.wheelchair_accessible;
  number(stored.capacity, listed.capacity);
  number(stored.places_commissioned, listed.places_commissioned);
  number(stored.vacancies, listed.vacancies);
  if (listed.ofsted_grade) stored.ofsted_grade = listed.ofsted_grade;
  text(stored.ofsted_date, listed.ofsted_date);
  stored.section41 = stored.section41 || listed.section41;
  text(stored.source, listed.source);
  return stored;
}

bool same_content(const ProviderRecord& a, const ProviderRecord& b) {
  return a.urn == b.urn && a.name == b.name && a.type == b.type && a.la_number == b.la_number &&
         a.local_authority == b.local_authority && a.postcode == b.postcode &&
         a.latitude == b.latitude && a.longitude == b.longitude && a.age_low == b.age_low &&
         a.age_high == b.age_high && a.needs == b.needs && a.boarding == b.boarding &&
         a.wheelchair_accessible == b.wheelchair_accessible && a.capacity == b.capacity &&
         a.places_commissioned == b.places_commissioned && a.vacancies == b.vacancies &&
         a.ofsted_grade == b.ofsted_grade && a.ofsted_date == b.ofsted_date &&
         a.section41 == b.section41 && a.source == b.source;
}

Result<std::vector<FeeRecord>> fees_of(SqlConnection& connection, std::int64_t placement_id) {
  Result<SqlRows> rows = connection.query(
      "SELECT from_date, education, care, therapy, other, recorded_by, recorded_at "
      "FROM fee_periods WHERE placement_id = ? ORDER BY from_date",
      {placement_id});
  if (!rows.ok()) return rows.error();
  std::vector<FeeRecord> fees;
  for (const SqlRow& row : rows.value()) {
    fees.push_back({row.text(0), row.integer(1), row.integer(2), row.integer(3), row.integer(4),
                    row.text(5), row.text(6)});
  }
  return fees;
}

Status insert_fees(SqlConnection& connection, std::int64_t placement_id, const FeeRecord& fees,
                   const std::string& now) {
  Result<std::int64_t> written = connection.execute(
      "INSERT INTO fee_periods (placement_id, from_date, education, care, therapy, other, "
      "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {placement_id, fees.from, fees.education, fees.care, fees.therapy, fees.other,
       fees.recorded_by, fees.recorded_at.empty() ? now : fees.recorded_at});
  if (!written.ok()) return written.error();
  return {};
}

}  // namespace

Result<ProviderImportOutcome> import_providers(SqlConnection& connection,
                                               const std::vector<ProviderRecord>& providers,
                                               const std::string& now) {
  Result<std::vector<ProviderRecord>> stored = select_providers(connection, std::nullopt);
  if (!stored.ok()) return stored.error();
  std::map<std::string, ProviderRecord> by_identity;
  for (const ProviderRecord& provider : stored.value()) {
    by_identity.emplace(identity(provider), provider);
    // A provider first listed without a URN is still found by name once a URN is known.
    if (!provider.urn.empty()) {
      ProviderRecord nameless = provider;
      nameless.urn.clear();
      by_identity.emplace(identity(nameless), provider);
    }
  }
  // A provider listed twice (in two lists of one import) is one provider: its entries are laid
  // over each other first, so importing the same lists again changes nothing.
  std::vector<ProviderRecord> combined;
  std::map<std::string, std::size_t> combined_at;
  for (const ProviderRecord& listed : providers) {
    auto [at, first] = combined_at.try_emplace(identity(listed), combined.size());
    if (first) {
      combined.push_back(listed);
    } else {
      ProviderRecord& earlier = combined[at->second];
      const std::string updated_by = listed.updated_by;
      earlier = merged(earlier, listed);
      earlier.updated_by = updated_by;
    }
  }
  ProviderImportOutcome outcome;
  for (const ProviderRecord& listed : combined) {
    auto found = by_identity.find(identity(listed));
    if (found == by_identity.end() && !listed.urn.empty()) {
      ProviderRecord nameless = listed;
      nameless.urn.clear();
      found = by_identity.find(identity(nameless));
    }
    if (found == by_identity.end()) {
      Result<std::int64_t> id = insert_provider(connection, listed, now);
      if (!id.ok()) return id.error();
      ProviderRecord added = listed;
      added.id = id.value();
      by_identity.emplace(identity(added), added);
      ++outcome.added;
      continue;
    }
    ProviderRecord updated = merged(found->second, listed);
    if (same_content(updated, found->second)) {
      ++outcome.unchanged;
      continue;
    }
    updated.updated_by = listed.updated_by;
    updated.updated_at = "";
    if (Status status = update_provider(connection, updated, now); !status.ok()) {
      return status.error();
    }
    found->second = updated;
    ++outcome.updated;
  }
  return outcome;
}

Result<std::int64_t> insert_provider(SqlConnection& connection, const ProviderRecord& provider,
                                     const std::string& now) {
  Result<SqlRows> inserted = connection.query(
      "INSERT INTO providers (urn, name, type, la_number, local_authority, postcode, latitude, "
      "longitude, age_low, age_high, needs, boarding, wheelchair_accessible, capacity, "
      "places_commissioned, vacancies, ofsted_grade, ofsted_date, section41, source, updated_by, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      provider_params(provider, now));
  if (!inserted.ok()) return inserted.error();
  return inserted.value().at(0).integer(0);
}

Status update_provider(SqlConnection& connection, const ProviderRecord& provider,
                       const std::string& now) {
  SqlParams params = provider_params(provider, now);
  params.emplace_back(provider.id);
  Result<std::int64_t> updated = connection.execute(
      "UPDATE providers SET urn = ?, name = ?, type = ?, la_number = ?, local_authority = ?, "
      "postcode = ?, latitude = ?, longitude = ?, age_low = ?, age_high = ?, needs = ?, "
      "boarding = ?, wheelchair_accessible = ?, capacity = ?, places_commissioned = ?, "
      "vacancies = ?, ofsted_grade = ?, ofsted_date = ?, section41 = ?, source = ?, "
      "updated_by = ?, updated_at = ? WHERE id = ?",
      params);
  if (!updated.ok()) return updated.error();
  if (updated.value() == 0) {
    return make_error(ErrorCode::kNotFound, fmt::format("no provider {}", provider.id));
  }
  return {};
}

Result<std::vector<ProviderRecord>> select_providers(SqlConnection& connection,
                                                     std::optional<std::int64_t> id) {
  Result<SqlRows> rows =
      id ? connection.query(fmt::format("SELECT {} FROM providers WHERE id = ?", kProviderColumns),
                            {*id})
         : connection.query(
               fmt::format("SELECT {} FROM providers ORDER BY name, id", kProviderColumns));
  if (!rows.ok()) return rows.error();
  std::vector<ProviderRecord> providers;
  providers.reserve(rows.value().size());
  for (const SqlRow& row : rows.value()) providers.push_back(provider_from(row));
  return providers;
}

Result<std::vector<std::int64_t>> insert_placements(SqlConnection& connection,
                                                    const std::vector<PlacementRecord>& placements,
                                                    const std::string& now) {
  std::vector<std::int64_t> ids;
  for (const PlacementRecord& p : placements) {
    if (p.fees.empty()) {
      return make_error(ErrorCode::kInvalidArgument,
                        fmt::format("placement {} of {} has no fees", p.child_ref, p.borough));
    }
    Result<SqlRows> provider =
        connection.query("SELECT 1 FROM providers WHERE id = ?", {p.provider_id});
    if (!provider.ok()) return provider.error();
    if (provider.value().empty()) {
      return make_error(
          ErrorCode::kInvalidArgument,
          fmt::format("placement {} of {}: no provider {}", p.child_ref, p.borough, p.provider_id));
    }
    Result<SqlRows> inserted = connection.query(
        "INSERT INTO placements (borough, child_ref, need, age, provider_id, start_date, "
        "end_date, residential, transport_cost, distance_km) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {p.borough, p.child_ref, p.need, p.age, p.provider_id, p.start_date, p.end_date,
         p.residential ? 1 : 0, p.transport_cost, p.distance_km});
    if (!inserted.ok()) return inserted.error();
    const std::int64_t id = inserted.value().at(0).integer(0);
    for (const FeeRecord& fees : p.fees) {
      if (Status status = insert_fees(connection, id, fees, now); !status.ok()) {
        return status.error();
      }
    }
    ids.push_back(id);
  }
  return ids;
}

Status insert_fee_period(SqlConnection& connection, std::int64_t placement_id,
                         const FeeRecord& fees, const std::string& now) {
  Result<std::vector<FeeRecord>> history = fees_of(connection, placement_id);
  if (!history.ok()) return history.error();
  if (history.value().empty()) {
    return make_error(ErrorCode::kNotFound, fmt::format("no placement {}", placement_id));
  }
  if (fees.from <= history.value().back().from) {
    return make_error(ErrorCode::kInvalidArgument,
                      fmt::format("new fees must start after the current ones (from {})",
                                  history.value().back().from));
  }
  return insert_fees(connection, placement_id, fees, now);
}

Status set_placement_end(SqlConnection& connection, std::int64_t placement_id,
                         const std::string& end_date) {
  Result<std::int64_t> updated = connection.execute(
      "UPDATE placements SET end_date = ? WHERE id = ?", {end_date, placement_id});
  if (!updated.ok()) return updated.error();
  if (updated.value() == 0) {
    return make_error(ErrorCode::kNotFound, fmt::format("no placement {}", placement_id));
  }
  return {};
}

Result<std::vector<PlacementRecord>> select_placements(SqlConnection& connection,
                                                       const std::string& borough,
                                                       std::optional<std::int64_t> id) {
  std::string sql = fmt::format("SELECT {} FROM placements WHERE 1 = 1", kPlacementColumns);
  SqlParams params;
  if (!borough.empty()) {
    sql += " AND borough = ?";
    params.emplace_back(borough);
  }
  if (id) {
    sql += " AND id = ?";
    params.emplace_back(*id);
  }
  sql += " ORDER BY borough, id";
  Result<SqlRows> rows = connection.query(sql, params);
  if (!rows.ok()) return rows.error();
  std::vector<PlacementRecord> placements;
  std::map<std::int64_t, std::size_t> index;
  for (const SqlRow& row : rows.value()) {
    PlacementRecord p;
    p.id = row.integer(0);
    p.borough = row.text(1);
    p.child_ref = row.text(2);
    p.need = row.text(3);
    p.age = static_cast<int>(row.integer(4));
    p.provider_id = row.integer(5);
    p.start_date = row.text(6);
    p.end_date = row.text(7);
    p.residential = row.integer(8) != 0;
    p.transport_cost = row.integer(9);
    p.distance_km = row.real(10);
    index[p.id] = placements.size();
    placements.push_back(std::move(p));
  }
  // Every fee period in one query (not one per placement).
  std::string fee_sql =
      "SELECT f.placement_id, f.from_date, f.education, f.care, f.therapy, f.other, "
      "f.recorded_by, f.recorded_at FROM fee_periods f JOIN placements p ON p.id = "
      "f.placement_id WHERE 1 = 1";
  if (!borough.empty()) fee_sql += " AND p.borough = ?";
  if (id) fee_sql += " AND p.id = ?";
  fee_sql += " ORDER BY f.placement_id, f.from_date";
  Result<SqlRows> fees = connection.query(fee_sql, params);
  if (!fees.ok()) return fees.error();
  for (const SqlRow& row : fees.value()) {
    auto it = index.find(row.integer(0));
    if (it == index.end()) continue;
    placements[it->second].fees.push_back({row.text(1), row.integer(2), row.integer(3),
                                           row.integer(4), row.integer(5), row.text(6),
                                           row.text(7)});
  }
  return placements;
}

}  // namespace sendplan::store::detail
