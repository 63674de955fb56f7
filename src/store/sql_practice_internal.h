// Helpers the practice repository's SQL files share: sql_practice_rows.cpp (an entry's row and
// its JSON lists), sql_practice.cpp (entries and their events), sql_practice_attachments.cpp,
// sql_practice_reviews.cpp (calls and reviews), sql_practice_index.cpp (the full-text index) and
// sql_practice_search.cpp. Only those files include this.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "store/practice_records.h"
#include "store/sql_connection.h"

namespace sendplan::store::detail {

// --- JSON text (sql_practice_rows.cpp)

// JSON text of a value; kInvalidArgument when a string in it is not UTF-8 (JSON holds only
// UTF-8, and a stored list must read back as written).
Result<std::string> dump(const nlohmann::json& value);
// kIo: "store: a stored <what> is not valid JSON".
Error malformed(const char* what);
// A stored JSON list of strings; kIo (malformed) when it is not one.
Result<std::vector<std::string>> string_list(const std::string& text, const char* what);

// --- an entry's row (sql_practice_rows.cpp)

// An entry's lists as JSON, kept alive while its parameters point at them.
struct EntryJson {
  std::string partner_boroughs, categories, needs, settings, impact, links, indicators;
};

Result<EntryJson> entry_json(const PracticeEntry& e);
// Parameters in the order of the columns an entry's write sets (not id and revision). Every
// string must outlive the statement.
SqlParams entry_params(const PracticeEntry& e, const EntryJson& j, const std::string& created_at,
                       const std::string& updated_at);
// INSERT of those columns, revision 1 and facets_generation (the last parameter); RETURNING id.
const std::string& insert_entry_sql();
// UPDATE of those columns, revision + 1 and facets_generation, WHERE id = ? AND revision = ?.
const std::string& update_entry_sql();

// --- entries (sql_practice.cpp)

// `time`, or `now` when it is empty.
std::string or_now(const std::string& time, const std::string& now);
// `missing` (kNotFound or kInvalidArgument) when there is no entry `entry_id`.
Status entry_exists(SqlConnection& connection, std::int64_t entry_id, ErrorCode missing);
// Writes the index row of the stored entry `entry_id` again, with its attachments' text.
// kNotFound when there is no such entry.
Status reindex(SqlConnection& connection, std::int64_t entry_id);

// --- text (sql_practice_index.cpp)

// The words joined with `separator` between them.
std::string joined(const std::vector<std::string>& words, std::string_view separator);
// Whether `text` can be a stored value: UTF-8 without NUL (PostgreSQL refuses other text as a
// parameter; no stored value is such text, so it matches nothing on either backend).
bool storable(std::string_view text);

}  // namespace sendplan::store::detail
