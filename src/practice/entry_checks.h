// What a valid practice entry is, every problem named by its field (issue 14: "every problem
// named by field"), and the refusal of a submission that names a child: entries are about
// services, never about a child. Problems use FileProblem with `file` the source
// ("entry" for the API, "practice.csv" for an import), `row` the line (0 for the API) and
// `column` the field.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/file_problem.h"
#include "store/practice_records.h"

namespace sendplan::practice {

struct EntryLimits {
  std::size_t title_chars = 200;
  std::size_t summary_chars = 1500;
  std::size_t text_chars = 12000;  // problem, actions, impact, cost, adopt: each
  std::size_t links = 10;
  std::size_t impact_measures = 12;
};

// Problems with `entry` as a draft may hold them (an empty draft needs only a title and the
// lead borough; every field present must be valid): lengths, known category / need / setting /
// indicator keys, boroughs among `boroughs` (canonical names), ages 0..25 with from <= to,
// http(s) links, an ISO started_on date, evidence 0..5, contact not a child; and any personal
// data about a child (child_data_reasons). Empty = valid.
std::vector<FileProblem> draft_problems(const store::PracticeEntry& entry,
                                        const std::vector<std::string>& boroughs,
                                        const std::string& file, int row,
                                        const EntryLimits& limits = {});
// draft_problems plus what a submission needs: summary, problem, actions, at least one
// category, the impact in words or at least one measure, how to adopt, contact name and role.
std::vector<FileProblem> submission_problems(const store::PracticeEntry& entry,
                                             const std::vector<std::string>& boroughs,
                                             const std::string& file, int row,
                                             const EntryLimits& limits = {});

// Why `text` looks like it identifies a child, one reason per kind of finding, never quoting
// the data itself ("a Unique Pupil Number (a letter and 12 digits)", "an NHS number (10 digits
// with a valid check digit)", "a date of birth (...)", "a child's name after 'child' (a
// capitalised first name and surname)"); empty when none. What is found:
// - a UPN: a letter and 12 digits (or a letter, 11 digits and a letter), standing alone;
// - an NHS number: 10 digits, or 3-3-4 separated by spaces or hyphens, passing the modulus 11
//   check;
// - a date of birth: "date of birth", "DOB", "D.O.B", "birth date" used as a label ("DOB:"),
//   or any of them or "born" within 25 characters of a date (3/5/2015, 2015-05-03, 3 May 2015,
//   May 3, 2015, May 2015), or "born (in) 2015";
// - a child's name: "pupil", "child", "young person", "student", "son" or "daughter" followed
//   (after spaces, commas, a colon, a bracket, a dash, "called", "named" or "known as") by two
//   capitalised words that are not common words of service names ("Child Health Team",
//   "Student Support") or acronyms; a capitalised trigger in mid-sentence names a service
//   ("the Young Person Plan") and a possessive ("Young Person's Plan") is not followed.
// Deliberately cautious: officers rephrase and resubmit. Defined in child_data.cpp.
std::vector<std::string> child_data_reasons(const std::string& text);

}  // namespace sendplan::practice
