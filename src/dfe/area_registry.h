// Which area a row is about. DfE files name local authorities by ONS code (E09000012), by DfE
// LA number (204), or only by name ("Hackney", "Bristol, City of"); the registry maps all three
// to the ONS code the store keys values by. It starts from the store's areas and learns the ones
// every SEN2 file lists with both codes, so files that give only numbers or names import after
// (or together with) a SEN2 file.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/stats_records.h"

namespace sendplan::dfe {

constexpr const char* kEnglandCode = "E92000001";
constexpr const char* kLondonCode = "E12000007";

class AreaRegistry {
 public:
  AreaRegistry();  // knows England and the nine regions
  explicit AreaRegistry(const std::vector<store::StatArea>& areas);

  // Adds or updates an area (empty fields do not overwrite known ones). An LA number names the
  // code seen with it in the newest year (`area.year`; ties: the later call).
  void add(const store::StatArea& area);

  const store::StatArea* by_code(std::string_view code) const;
  const store::StatArea* by_la_number(std::string_view la_number) const;
  // Matches names loosely: case, punctuation, "&"/"and", "City of", "County of" and
  // "(Outer)"-style suffixes are ignored ("Bristol, City of" = "City of Bristol" = "Bristol").
  const store::StatArea* by_name(std::string_view name) const;

  std::vector<store::StatArea> areas() const;

  // The loose form of a name used by by_name (exposed for tests).
  static std::string name_key(std::string_view name);

 private:
  std::map<std::string, store::StatArea, std::less<>> by_code_;
  std::map<std::string, std::pair<std::string, int>, std::less<>> code_by_number_;  // code, year
  std::map<std::string, std::string, std::less<>> code_by_name_;
};

}  // namespace sendplan::dfe
