// One practice entry as JSON, the same in the API and in JSON files (entry_files.h): the
// fields of store::PracticeEntry by name, lists as arrays, impact measures as objects
// {measure, before, after, period, source}.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/file_problem.h"
#include "store/practice_records.h"

namespace sendplan::practice {

nlohmann::json entry_to_json(const store::PracticeEntry& entry);

// The entry fields a person writes (everything but id, state, rating, dates, revision and who
// created it) from `body` into `entry`; fields absent from `body` keep entry's values. A field
// of the wrong type is a problem naming it (file `file`, row `row`); unknown fields too, unless
// they are ones entry_to_json writes (so an exported entry reads back).
std::vector<FileProblem> entry_fields_from_json(const nlohmann::json& body,
                                                store::PracticeEntry& entry,
                                                const std::string& file, int row);

}  // namespace sendplan::practice
