#include "dfe/area_registry.h"

#include <algorithm>
#include <cctype>

namespace sendplan::dfe {

namespace {

// England and the nine regions with their ONS codes; DfE's Inner and Outer London too.
const store::StatArea kFixedAreas[] = {
    {"E92000001", "", "England", "national", "", ""},
    {"E12000001", "", "North East", "regional", "", ""},
    {"E12000002", "", "North West", "regional", "", ""},
    {"E12000003", "", "Yorkshire and The Humber", "regional", "", ""},
    {"E12000004", "", "East Midlands", "regional", "", ""},
    {"E12000005", "", "West Midlands", "regional", "", ""},
    {"E12000006", "", "East of England", "regional", "", ""},
    {"E12000007", "", "London", "regional", "", ""},
    {"E12000008", "", "South East", "regional", "", ""},
    {"E12000009", "", "South West", "regional", "", ""},
    {"E13000001", "", "Inner London", "regional", "", ""},
    {"E13000002", "", "Outer London", "regional", "", ""},
};

void drop_word(std::string& text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word)) {
    text.erase(at, word.size());
  }
}

}  // namespace

AreaRegistry::AreaRegistry() {
  for (const store::StatArea& area : kFixedAreas) add(area);
  code_by_name_[name_key("East")] = "E12000006";
  // Other names publishers use for regions.
  code_by_name_[name_key("London (Inner)")] = "E13000001";
  code_by_name_[name_key("London (Outer)")] = "E13000002";
}

AreaRegistry::AreaRegistry(const std::vector<store::StatArea>& areas) : AreaRegistry() {
  for (const store::StatArea& area : areas) add(area);
}

std::string AreaRegistry::name_key(std::string_view name) {
  std::string text;
  for (char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '&') {
      text += " and ";
    } else if (std::isalnum(byte) != 0) {
      text += static_cast<char>(std::tolower(byte));
    } else {
      text += ' ';
    }
  }
  // One space between words, one at each end.
  std::string spaced = " ";
  for (char c : text) {
    if (c != ' ' || spaced.back() != ' ') spaced += c;
  }
  if (spaced.back() != ' ') spaced += ' ';
  text = std::move(spaced);
  // "Bristol, City of" and "City of Bristol" are Bristol; the City of London stays itself (ONS
  // writes it "London, City of").
  if (text == " london city of ") text = " city of london ";
  for (std::string_view suffix : {" city of ", " county of "}) {
    if (text.size() > suffix.size() && text.ends_with(suffix)) {
      text.replace(text.size() - suffix.size(), suffix.size(), " ");
    }
  }
  for (std::string_view prefix : {" city of ", " county of "}) {
    if (text.starts_with(prefix) && text != " city of london ") {
      text.replace(0, prefix.size(), " ");
    }
  }
  for (std::size_t at = text.find(" the "); at != std::string::npos; at = text.find(" the ")) {
    text.replace(at, 5, " ");
  }
  drop_word(text, " ");
  return text;
}

void AreaRegistry::add(const store::StatArea& area) {
  if (area.code.empty()) return;
  auto [it, inserted] = by_code_.try_emplace(area.code, area);
  store::StatArea& known = it->second;
  if (!inserted) {
    if (!area.la_number.empty()) known.la_number = area.la_number;
    if (!area.name.empty()) known.name = area.name;
    if (!area.level.empty()) known.level = area.level;
    if (!area.region_code.empty()) known.region_code = area.region_code;
    if (!area.region_name.empty()) known.region_name = area.region_name;
    known.year = std::max(known.year, area.year);
  }
  if (!known.la_number.empty()) {
    auto [number, first] = code_by_number_.try_emplace(known.la_number, known.code, known.year);
    if (!first && known.year >= number->second.second) number->second = {known.code, known.year};
  }
  if (!known.name.empty()) code_by_name_[name_key(known.name)] = known.code;
  if (!area.name.empty()) code_by_name_[name_key(area.name)] = known.code;
}

const store::StatArea* AreaRegistry::by_code(std::string_view code) const {
  auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &it->second;
}

const store::StatArea* AreaRegistry::by_la_number(std::string_view la_number) const {
  auto it = code_by_number_.find(la_number);
  return it == code_by_number_.end() ? nullptr : by_code(it->second.first);
}

const store::StatArea* AreaRegistry::by_name(std::string_view name) const {
  auto it = code_by_name_.find(name_key(name));
  return it == code_by_name_.end() ? nullptr : by_code(it->second);
}

std::vector<store::StatArea> AreaRegistry::areas() const {
  std::vector<store::StatArea> list;
  for (const auto& [code, area] : by_code_) list.push_back(area);
  return list;
}

}  // namespace sendplan::dfe
