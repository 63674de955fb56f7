// The DfE provider lists: the two real files load whole (counted here independently of the
// reader), each layout is recognised by its header, and every bad cell is reported where it is.
// Also the provider vocabulary (need, type and boarding codes) the lists produce.
#include "placements/provider_lists.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "placements/problem_expectations.h"

namespace sendplan::placements {
namespace {

using testing::expect_problems;
using testing::Expected;
using testing::read_file;

const std::string kInmss = std::string(SENDPLAN_SHARED_DIR) + "/data/inmss/";
const std::string kSection41File = kInmss + "section41_approved_list_2022_03_22.csv";
const std::string kNotSection41File = kInmss + "independent_special_schools_not_s41_2022.csv";

// The file's lines as CSV records: a line break inside quotes does not end a record.
std::vector<std::string> records(const std::string& text) {
  std::vector<std::string> all;
  std::string current;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (c == '\n' && !quoted) {
      if (!current.empty() && current.back() == '\r') current.pop_back();
      if (!current.empty()) all.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) all.push_back(current);
  return all;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool have_real_lists() {
  return std::filesystem::is_regular_file(kSection41File) &&
         std::filesystem::is_regular_file(kNotSection41File);
}

TEST(ProviderListsRealFiles, Section41ListLoadsEveryInstitution) {
  if (!have_real_lists()) GTEST_SKIP() << "no DfE lists in " << kInmss;
  const std::string text = read_file(kSection41File);
  // Counted here from the text: records after the header, less the section headings that
  // repeat the GOV.UK header; types by the third cell's words; removals after their heading.
  const std::vector<std::string> lines = records(text);
  int institutions = 0, independent = 0, post16 = 0, removed = 0;
  bool in_removed = false;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string line = lower(lines[i]);
    if (line.starts_with("local authority,")) {
      in_removed = line.ends_with("date removed from list");
      continue;
    }
    ++institutions;
    if (line.find(",independent special school,") != std::string::npos) ++independent;
    if (line.find(",special post-16 institution,") != std::string::npos) ++post16;
    if (in_removed) ++removed;
  }
  ASSERT_GT(institutions, 300);

  const Checked<ProviderList> list = read_provider_list(text, kSection41File);
  ASSERT_TRUE(list.ok()) << list.error().message;
  EXPECT_EQ(list.value().layout, ProviderListLayout::kSection41);
  const std::vector<Provider>& providers = list.value().providers;
  EXPECT_EQ(static_cast<int>(providers.size()), institutions);
  EXPECT_EQ(list.value().removed_from_section41, removed);
  int read_independent = 0, read_post16 = 0, approved = 0;
  for (const Provider& provider : providers) {
    read_independent += provider.type == ProviderType::kIndependentSpecial;
    read_post16 += provider.type == ProviderType::kSpecialPost16;
    approved += provider.section41;
    EXPECT_FALSE(provider.name.empty());
    EXPECT_FALSE(provider.local_authority.empty());
    EXPECT_TRUE(provider.la_number.empty());
    EXPECT_TRUE(provider.source.starts_with("DfE section 41 list (2022-03-22)")) << provider.source;
  }
  EXPECT_EQ(read_independent, independent);
  EXPECT_EQ(read_post16, post16);
  EXPECT_EQ(independent + post16, institutions);
  EXPECT_EQ(approved, institutions - removed);

  // Spot checks: the first row; a name quoted across a line break; the soft hyphen.
  EXPECT_EQ(providers.front().name, "3 Dimensionscare Ltd");
  EXPECT_EQ(providers.front().local_authority, "Somerset");
  EXPECT_EQ(providers.front().source, "DfE section 41 list (2022-03-22)");
  bool found_joined = false, found_dash = false;
  for (const Provider& provider : providers) {
    if (provider.name == "Cambian Potterspury Lodge School") {
      found_joined = true;
      EXPECT_FALSE(provider.section41);
      EXPECT_EQ(provider.source, "DfE section 41 list (2022-03-22), removed Aug-18");
    }
    if (provider.name == "United Response - ROC College") found_dash = true;
  }
  EXPECT_TRUE(found_joined);
  EXPECT_TRUE(found_dash);
}

TEST(ProviderListsRealFiles, NotSection41ListLoadsEverySchool) {
  if (!have_real_lists()) GTEST_SKIP() << "no DfE lists in " << kInmss;
  const std::string text = read_file(kNotSection41File);
  const std::vector<std::string> lines = records(text);
  int schools = 0, independent = 0, non_maintained = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    ++schools;
    if (lines[i].ends_with(",No")) ++independent;
    if (lines[i].ends_with(",Not applicable")) ++non_maintained;
  }
  ASSERT_GT(schools, 300);

  const Checked<ProviderList> list = load_provider_list(kNotSection41File);
  ASSERT_TRUE(list.ok()) << list.error().message;
  EXPECT_EQ(list.value().layout, ProviderListLayout::kIndependentNotSection41);
  const std::vector<Provider>& providers = list.value().providers;
  EXPECT_EQ(static_cast<int>(providers.size()), schools);
  int read_independent = 0, read_non_maintained = 0;
  for (const Provider& provider : providers) {
    read_independent += provider.type == ProviderType::kIndependentSpecial;
    read_non_maintained += provider.type == ProviderType::kNonMaintainedSpecial;
    EXPECT_FALSE(provider.section41);
    EXPECT_EQ(provider.la_number.size(), 3u);
    EXPECT_EQ(provider.source, "DfE independent special schools list (2022)");
  }
  EXPECT_EQ(read_independent, independent);
  EXPECT_EQ(read_non_maintained, non_maintained);
  EXPECT_EQ(independent + non_maintained, schools);

  EXPECT_EQ(providers.front().la_number, "203");
  EXPECT_EQ(providers.front().local_authority, "Greenwich");
  EXPECT_EQ(providers.front().name, "Wize Up");
}

TEST(ProviderLists, TheGovUkOriginalHeaderIsTheSection41Layout) {
  const std::string text =
      "Local authority,Institution trading name (1),Independent special school / Special "
      "post-16 institution,Date approved under section 41\n"
      "Barnet,Ambitious College,Special post-16 institution,Sep-14\n";
  const Checked<ProviderList> list = read_provider_list(text, "s41.csv");
  ASSERT_TRUE(list.ok()) << list.error().message;
  ASSERT_EQ(list.value().providers.size(), 1u);
  EXPECT_EQ(list.value().providers[0].type, ProviderType::kSpecialPost16);
  EXPECT_TRUE(list.value().providers[0].section41);
  EXPECT_EQ(list.value().providers[0].source, "DfE section 41 list");
}

TEST(ProviderLists, UnknownHeaderNamesTheLayoutsKnown) {
  const Checked<ProviderList> list =
      read_provider_list("school,borough\nA School,Hackney\n", "mystery.csv");
  ASSERT_FALSE(list.ok());
  ASSERT_EQ(list.problems().size(), 1u);
  const Error& error = list.problems()[0];
  EXPECT_EQ(error.code, ErrorCode::kParse);
  EXPECT_EQ(error.where.file, "mystery.csv");
  EXPECT_EQ(error.where.line, 1);
  EXPECT_NE(error.message.find("'school', 'borough'"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("institution_trading_name"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("section41_approval"), std::string::npos) << error.message;
}

TEST(ProviderLists, EmptyFileAndMissingFile) {
  const Checked<ProviderList> empty = read_provider_list("", "empty.csv");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.problems()[0].code, ErrorCode::kParse);
  const Checked<ProviderList> missing = load_provider_list("/no/such/list.csv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.problems()[0].code, ErrorCode::kNotFound);
}

TEST(ProviderLists, BrokenSection41ListReportsEveryBadCell) {
  const std::string file = std::string(SENDPLAN_TEST_DATA_DIR) + "/s41_list_broken.csv";
  const Checked<ProviderList> list = load_provider_list(file);
  ASSERT_FALSE(list.ok());
  expect_problems(list.problems(), file,
                  {
                      {3, 1, "required value is empty (the local authority)"},
                      {4, 6, "required value is empty (the institution's name)"},
                      {5, 22, "unknown institution type 'Hospital school'"},
                      {6, 45, "expected a month and year such as Aug-16, got 'August 2016'"},
                      {7, 103, "unknown section heading 'Date renamed'"},
                      {8, 61, "the row has 5 fields but the header has 4 columns"},
                  });
}

TEST(ProviderLists, BrokenNotSection41ListReportsEveryBadCell) {
  const std::string file = std::string(SENDPLAN_TEST_DATA_DIR) + "/not_s41_list_broken.csv";
  const Checked<ProviderList> list = load_provider_list(file);
  ASSERT_FALSE(list.ok());
  expect_problems(list.problems(), file,
                  {
                      {3, 1, "expected a 3-digit DfE LA number, got '2O4'"},
                      {4, 13, "required value is empty (the institution's name)"},
                      {5, 26, "expected 'No' (independent special school) or 'Not applicable'"},
                      {6, 1, "expected a 3-digit DfE LA number, got ''"},
                      {6, 10, "required value is empty"},
                      {6, 11, "got 'Yes'"},
                  });
}

// ---- the vocabulary ---------------------------------------------------------------------------

TEST(ProviderVocabulary, NeedCodesAndGiasNamesParse) {
  for (Need need : all_needs()) {
    EXPECT_EQ(parse_need(need_code(need)), need) << need_code(need);
    EXPECT_EQ(parse_need(need_name(need)), need) << need_name(need);
  }
  EXPECT_EQ(all_needs().size(), static_cast<std::size_t>(kNeedCount));
  EXPECT_EQ(parse_need("ASD"), Need::kAsd);
  EXPECT_EQ(parse_need(" SpLD "), Need::kSpld);
  const std::pair<const char*, Need> gias[] = {
      {"ASD - Autistic Spectrum Disorder", Need::kAsd},
      {"SEMH - Social, Emotional and Mental Health", Need::kSemh},
      {"SLCN - Speech, language and Communication", Need::kSlcn},
      {"MLD - Moderate Learning Difficulty", Need::kMld},
      {"SLD - Severe Learning Difficulty", Need::kSld},
      {"PMLD - Profound and Multiple Learning Difficulty", Need::kPmld},
      {"SpLD - Specific Learning Difficulty", Need::kSpld},
      {"HI - Hearing Impairment", Need::kHi},
      {"VI - Visual Impairment", Need::kVi},
      {"MSI - Multi-Sensory Impairment", Need::kMsi},
      {"PD - Physical Disability", Need::kPd},
      {"OTH - Other Difficulty/Disability", Need::kOth},
  };
  for (const auto& [name, need] : gias) EXPECT_EQ(parse_need(name), need) << name;
  EXPECT_EQ(parse_need("BESD - Behaviour, Emotional and Social Difficulties"), Need::kSemh);
  EXPECT_FALSE(parse_need("ADHD"));
  EXPECT_FALSE(parse_need(""));
  EXPECT_FALSE(parse_need("Not applicable"));
  EXPECT_STREQ(need_code(Need::kSemh), "semh");
  EXPECT_STREQ(need_name(Need::kAsd), "Autistic spectrum disorder");
}

TEST(ProviderVocabulary, ProviderTypesAndBoardingRoundTrip) {
  for (int t = 0; t <= static_cast<int>(ProviderType::kResourcedProvision); ++t) {
    const auto type = static_cast<ProviderType>(t);
    EXPECT_EQ(parse_provider_type(provider_type_code(type)), type);
    EXPECT_EQ(parse_provider_type(provider_type_name(type)), type);
  }
  EXPECT_STREQ(provider_type_code(ProviderType::kNonMaintainedSpecial), "non-maintained-special");
  EXPECT_EQ(parse_provider_type("SPECIAL-POST-16"), ProviderType::kSpecialPost16);
  EXPECT_FALSE(parse_provider_type("school"));
  EXPECT_TRUE(is_independent_sector(ProviderType::kIndependentSpecial));
  EXPECT_TRUE(is_independent_sector(ProviderType::kNonMaintainedSpecial));
  EXPECT_TRUE(is_independent_sector(ProviderType::kSpecialPost16));
  EXPECT_FALSE(is_independent_sector(ProviderType::kMaintainedSpecial));
  EXPECT_FALSE(is_independent_sector(ProviderType::kAcademySpecial));
  EXPECT_FALSE(is_independent_sector(ProviderType::kResourcedProvision));
  for (Boarding boarding : {Boarding::kDay, Boarding::kResidential, Boarding::kBoth}) {
    EXPECT_EQ(parse_boarding(boarding_code(boarding)), boarding);
  }
  EXPECT_EQ(parse_boarding("Residential"), Boarding::kResidential);
  EXPECT_FALSE(parse_boarding("weekly"));
}

TEST(ProviderVocabulary, CombinedProblemsListEveryOne) {
  const Error combined = combine_problems({
      make_error(ErrorCode::kParse, "first", {"a.csv", 2, 3}),
      make_error(ErrorCode::kInvalidInput, "second", {"a.csv", 4, 5}),
  });
  EXPECT_EQ(combined.code, ErrorCode::kParse);
  EXPECT_EQ(combined.where.line, 2);
  EXPECT_EQ(combined.message, "2 problems:\na.csv:2:3: first\na.csv:4:5: second");
}

}  // namespace
}  // namespace sendplan::placements
