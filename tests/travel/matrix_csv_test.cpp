// The travel matrix file: every accepted layout, the journeys laid over the London model, the
// counts of fallback pairs and unknown ids, and each kind of problem at its line and column.
#include "travel/matrix_csv.h"

#include <gtest/gtest.h>

#include "travel/matrix_csv_source.h"

namespace sendplan::travel {
namespace {

const std::string kDataDir = SENDPLAN_TEST_DATA_DIR;

const std::vector<Place> kPlaces = {
    {"P1", {51.50, -0.10}}, {"P2", {51.52, -0.12}}, {"S1", {51.54, -0.08}}};

// The error message for `text`, which must not parse.
Error error_of(const std::string& text) {
  Result<MatrixCsv> csv = parse_matrix_csv(text, "matrix.csv");
  EXPECT_FALSE(csv.ok());
  return csv.ok() ? Error{} : csv.error();
}

std::unique_ptr<TravelSource> source_of(const std::string& text) {
  Result<std::unique_ptr<TravelSource>> source = matrix_csv_from_text(text, "matrix.csv");
  EXPECT_TRUE(source.ok()) << source.error().to_string();
  return source.ok() ? std::move(source).value() : nullptr;
}

TravelMatrix matrix_of(const TravelSource& source, TimeOfDay when = TimeOfDay::kMorningPeak) {
  Result<TravelMatrix> matrix = source.matrix(kPlaces, when);
  EXPECT_TRUE(matrix.ok()) << matrix.error().to_string();
  return matrix.ok() ? std::move(matrix).value() : TravelMatrix{};
}

TEST(MatrixCsv, ReadsColumnsInAnyOrderAndCaseWithBomCrlfQuotesAndBlankLines) {
  Result<MatrixCsv> csv = parse_matrix_csv(
      "\xEF\xBB\xBFMinutes, TO ,From,MILES\r\n12.5,S1,P1,3\r\n\r\n   \r\n7,\"P,2\", S1 ,\r\n",
      "m.csv");
  ASSERT_TRUE(csv.ok()) << csv.error().to_string();
  const MatrixCsv& file = csv.value();
  EXPECT_EQ(file.ids, (std::vector<std::string>{"P1", "S1", "P,2"}));
  ASSERT_EQ(file.entries.size(), 2u);
  EXPECT_EQ(file.entries[0].from, 0);
  EXPECT_EQ(file.entries[0].to, 1);
  EXPECT_DOUBLE_EQ(file.entries[0].seconds, 750);
  EXPECT_DOUBLE_EQ(file.entries[0].metres, 3 * 1609.344);
  EXPECT_EQ(file.entries[1].from, 1);
  EXPECT_EQ(file.entries[1].to, 2);
  EXPECT_DOUBLE_EQ(file.entries[1].seconds, 420);
  EXPECT_EQ(file.entries[1].metres, -1);  // blank miles
}

TEST(MatrixCsv, MilesColumnIsOptionalAndSelfJourneysAreIgnored) {
  Result<MatrixCsv> csv = parse_matrix_csv("from,to,minutes\nA,B,0\nA,A,5\n", "m.csv");
  ASSERT_TRUE(csv.ok()) << csv.error().to_string();
  ASSERT_EQ(csv.value().entries.size(), 1u);
  EXPECT_EQ(csv.value().entries[0].metres, -1);
  EXPECT_EQ(csv.value().entries[0].seconds, 0);
}

TEST(MatrixCsvSource, FileJourneysOverTheModelWithCountsAndNotes) {
  const LondonModel model{LondonModelSettings{}};
  const std::unique_ptr<TravelSource> source =
      source_of("from,to,minutes,miles\nP1,S1,20,4\nS1,P1,18,\nP2,S1,15,3.5\nX9,S1,1,1\n");
  ASSERT_TRUE(source);
  const TravelMatrix matrix = matrix_of(*source);
  const TravelMatrix modelled = model.matrix(kPlaces, TimeOfDay::kMorningPeak).value();
  // From the file.
  EXPECT_DOUBLE_EQ(matrix.seconds_between(0, 2), 1200);
  EXPECT_DOUBLE_EQ(matrix.metres_between(0, 2), 4 * 1609.344);
  EXPECT_DOUBLE_EQ(matrix.seconds_between(2, 0), 1080);
  EXPECT_DOUBLE_EQ(matrix.metres_between(2, 0), modelled.metres_between(2, 0));  // no miles
  EXPECT_DOUBLE_EQ(matrix.seconds_between(1, 2), 900);
  // Not in the file: P1↔P2 both ways and S1→P2.
  EXPECT_EQ(matrix.fallback_pairs, 3);
  EXPECT_DOUBLE_EQ(matrix.seconds_between(0, 1), modelled.seconds_between(0, 1));
  EXPECT_DOUBLE_EQ(matrix.seconds_between(1, 0), modelled.seconds_between(1, 0));
  EXPECT_DOUBLE_EQ(matrix.seconds_between(2, 1), modelled.seconds_between(2, 1));
  EXPECT_DOUBLE_EQ(matrix.metres_between(2, 1), modelled.metres_between(2, 1));
  EXPECT_EQ(matrix.seconds_between(1, 1), 0);
  EXPECT_EQ(matrix.unknown_ids, 1);
  EXPECT_EQ(matrix.notes,
            (std::vector<std::string>{
                "matrix.csv: 3 journeys of 6 are not in the file; the London model (morning "
                "peak) gives their times",
                "matrix.csv: 1 journey in the file have no miles; the London model gives their "
                "distance",
                "matrix.csv: 1 id in the file is not among the places and was ignored (e.g. "
                "'X9')"}));
}

TEST(MatrixCsvSource, ACompleteFileNeedsNoFallback) {
  std::string text = "from,to,minutes,miles\n";
  for (const Place& from : kPlaces) {
    for (const Place& to : kPlaces) text += from.id + "," + to.id + ",10,2\n";
  }
  const std::unique_ptr<TravelSource> source = source_of(text);
  ASSERT_TRUE(source);
  const TravelMatrix matrix = matrix_of(*source, TimeOfDay::kOffPeak);
  EXPECT_EQ(matrix.fallback_pairs, 0);
  EXPECT_EQ(matrix.unknown_ids, 0);
  EXPECT_TRUE(matrix.notes.empty());
  EXPECT_EQ(matrix.seconds_between(0, 0), 0);  // the file's P1,P1 row is ignored
  EXPECT_EQ(matrix.seconds_between(2, 1), 600);
}

TEST(MatrixCsvSource, AnEmptyFileFallsBackEverywhere) {
  const std::unique_ptr<TravelSource> source = source_of("from,to,minutes\n");
  ASSERT_TRUE(source);
  const TravelMatrix matrix = matrix_of(*source);
  EXPECT_EQ(matrix.fallback_pairs, 6);
  ASSERT_EQ(matrix.notes.size(), 1u);
}

TEST(MatrixCsvSource, ARepeatedPlaceIdGetsTheSameJourneys) {
  const std::unique_ptr<TravelSource> source = source_of("from,to,minutes\nP1,S1,10\n");
  ASSERT_TRUE(source);
  const std::vector<Place> places = {
      {"P1", {51.5, -0.1}}, {"S1", {51.54, -0.08}}, {"P1", {51.5, -0.1}}};
  Result<TravelMatrix> matrix = source->matrix(places, TimeOfDay::kOffPeak);
  ASSERT_TRUE(matrix.ok());
  EXPECT_EQ(matrix.value().seconds_between(0, 1), 600);
  EXPECT_EQ(matrix.value().seconds_between(2, 1), 600);
  EXPECT_EQ(matrix.value().seconds_between(0, 2), 0);  // same position: the model gives 0
}

TEST(MatrixCsvSource, ReadsAFileWithEveryLayoutFeature) {
  Result<std::unique_ptr<TravelSource>> source = read_matrix_csv(kDataDir + "/matrix_good.csv");
  ASSERT_TRUE(source.ok()) << source.error().to_string();
  Result<TravelMatrix> matrix = source.value()->matrix(kPlaces, TimeOfDay::kMorningPeak);
  ASSERT_TRUE(matrix.ok());
  EXPECT_DOUBLE_EQ(matrix.value().seconds_between(0, 2), 750);
  EXPECT_DOUBLE_EQ(matrix.value().metres_between(0, 2), 3 * 1609.344);
  EXPECT_DOUBLE_EQ(matrix.value().seconds_between(2, 0), 660);
  EXPECT_DOUBLE_EQ(matrix.value().seconds_between(2, 1), 540);
  EXPECT_EQ(matrix.value().fallback_pairs, 3);
  EXPECT_EQ(matrix.value().unknown_ids, 1);  // OLD-PUPIL
  EXPECT_EQ(source.value()->description(),
            "travel matrix " + kDataDir +
                "/matrix_good.csv (4 journeys); other journeys: London model (circuity "
                "1.35, AM 11 mph, PM 12 mph, off-peak 16 mph, 60 s a journey)");
}

TEST(MatrixCsvSource, MissingFileAndBadFallbackSettings) {
  Result<std::unique_ptr<TravelSource>> source = read_matrix_csv(kDataDir + "/no_such.csv");
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().code, ErrorCode::kNotFound);
  LondonModelSettings settings;
  settings.circuity = 0.5;
  source = matrix_csv_from_text("from,to,minutes\n", "m.csv", settings);
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().code, ErrorCode::kInvalidArgument);
}

// One test per kind of problem: the exact file:line:column and reason.
TEST(MatrixCsvProblems, MinutesNotANumber) {
  EXPECT_EQ(error_of("from,to,minutes\nP1,S1,abc\n").to_string(),
            "matrix.csv:2:7: minutes is not a number: 'abc'");
  EXPECT_EQ(error_of("from,to,minutes\nP1,S1,12 min\n").to_string(),
            "matrix.csv:2:7: minutes is not a number: '12 min'");
  EXPECT_EQ(error_of("from,to,minutes\nP1,S1,inf\n").to_string(),
            "matrix.csv:2:7: minutes is not a number: 'inf'");
}

TEST(MatrixCsvProblems, NegativeOrEmptyValues) {
  EXPECT_EQ(error_of("from,to,minutes\nP1,S1,-3\n").to_string(),
            "matrix.csv:2:7: minutes is negative: -3");
  EXPECT_EQ(error_of("from,to,minutes\nP1,S1,\n").to_string(), "matrix.csv:2:7: minutes is empty");
  EXPECT_EQ(error_of("from,to,minutes,miles\nP1,S1,4,-0.5\n").to_string(),
            "matrix.csv:2:9: miles is negative: -0.5");
  EXPECT_EQ(error_of("from,to,minutes\n,S1,4\n").to_string(), "matrix.csv:2:1: from is empty");
  EXPECT_EQ(error_of("from,to,minutes\nP1,  ,4\n").to_string(), "matrix.csv:2:4: to is empty");
}

TEST(MatrixCsvProblems, UnknownColumn) {
  EXPECT_EQ(error_of("from,to,minutes,seconds\nP1,S1,4,240\n").to_string(),
            "matrix.csv:1:17: unknown column 'seconds' (the columns are from, to, minutes and "
            "optionally miles)");
}

TEST(MatrixCsvProblems, MissingRequiredColumn) {
  EXPECT_EQ(error_of("from,to,miles\nP1,S1,4\n").to_string(),
            "matrix.csv:1: required column 'minutes' is missing");
}

TEST(MatrixCsvProblems, RepeatedColumn) {
  EXPECT_EQ(error_of("from,to,minutes,From\nP1,S1,4,P2\n").to_string(),
            "matrix.csv:1:17: column 'from' appears twice");
}

TEST(MatrixCsvProblems, DuplicatePair) {
  EXPECT_EQ(error_of("from,to,minutes\nP1,S1,4\nS1,P1,5\n\nP1,S1,4\n").to_string(),
            "matrix.csv:5:1: the journey from 'P1' to 'S1' is given twice (first on line 2)");
}

TEST(MatrixCsvProblems, WrongNumberOfCells) {
  EXPECT_EQ(error_of("from,to,minutes\nP1,S1,4,9\n").to_string(),
            "matrix.csv:2:9: 4 cells, but the header has 3 columns");
  EXPECT_EQ(error_of("from,to,minutes\nP1,S1\n").to_string(),
            "matrix.csv:2: 2 cells, but the header has 3 columns");
}

TEST(MatrixCsvProblems, BadQuotingAndEmptyFile) {
  EXPECT_EQ(error_of("from,to,minutes\n\"P1,S1,4\n").to_string(),
            "matrix.csv:2:1: unterminated quoted field");
  EXPECT_EQ(error_of("").to_string(),
            "matrix.csv:1: the file is empty: expected a header row such as "
            "from,to,minutes,miles");
  EXPECT_EQ(error_of("\xEF\xBB\xBF\r\n\r\n").code, ErrorCode::kParse);
}

TEST(MatrixCsvProblems, EveryProblemInTheFileIsListedOnePerLine) {
  Result<std::unique_ptr<TravelSource>> source = read_matrix_csv(kDataDir + "/matrix_problems.csv");
  ASSERT_FALSE(source.ok());
  const std::string file = kDataDir + "/matrix_problems.csv";
  EXPECT_EQ(source.error().code, ErrorCode::kParse);
  EXPECT_EQ(source.error().where.file, file);
  EXPECT_EQ(source.error().message,
            "7 problems in the travel matrix:\n" + file +
                ":1:23: unknown column 'notes' (the columns are from, to, minutes and "
                "optionally miles)\n" +
                file + ":3:7: minutes is not a number: 'abc'\n" + file +
                ":4:7: minutes is negative: -4\n" + file +
                ":5:1: the journey from 'P1' to 'S1' is given twice (first on line 2)\n" + file +
                ":6:4: to is empty\n" + file + ":7:10: miles is not a number: 'lots'\n" + file +
                ":8:18: 6 cells, but the header has 5 columns");
}

TEST(MatrixCsvProblems, AVeryBadFileListsTheFirstThousand) {
  std::string text = "from,to,minutes\n";
  for (int i = 0; i < 1005; ++i) text += "P" + std::to_string(i) + ",S1,x\n";
  const Error error = error_of(text);
  EXPECT_EQ(error.message.rfind("1005 problems in the travel matrix:\n", 0), 0u);
  EXPECT_NE(error.message.find("matrix.csv:1001:"), std::string::npos);
  EXPECT_EQ(error.message.find("matrix.csv:1002:"), std::string::npos);
  EXPECT_NE(error.message.find("\n... and 5 more problems"), std::string::npos);
}

// Regression (security review): a 19 MB cell was quoted whole; a problem shows 80 characters.
TEST(MatrixCsvProblems, AHugeCellIsQuotedShort) {
  const std::string huge(1 << 20, 'x');
  const Error error = error_of("from,to,minutes\nP1,S1," + huge + "\n");
  EXPECT_EQ(error.to_string(), "matrix.csv:2:7: minutes is not a number: '" + std::string(80, 'x') +
                                   "\xE2\x80\xA6' (1048576 characters)");
}

// Regression: files that are not UTF-8 gave misleading problems; they are now named as such.
TEST(MatrixCsvProblems, Utf16AndLatin1FilesAreRefusedClearly) {
  const std::string text = "from,to,minutes\nP1,S1,4\n";
  std::string utf16 = "\xFF\xFE";
  for (char c : text) utf16 += std::string{c, '\0'};
  EXPECT_EQ(error_of(utf16).to_string(),
            "matrix.csv: file is not UTF-8 (looks like UTF-16; save it as CSV UTF-8)");
  EXPECT_EQ(error_of(utf16.substr(2)).to_string(),
            "matrix.csv: file is not UTF-8 (looks like UTF-16; save it as CSV UTF-8)");
  EXPECT_EQ(error_of("from,to,minutes\nP1,S1,4\nCaf\xE9,S1,5\n").to_string(),
            "matrix.csv:3:4: file is not UTF-8 (byte 0xE9 at line 3, column 4; looks like "
            "Latin-1/Windows-1252: save it as CSV UTF-8)");
}

// Regression: CR-only line ends (old Mac) made one line and "required column is missing".
TEST(MatrixCsv, CrOnlyLineEndsAreLineEnds) {
  Result<MatrixCsv> csv = parse_matrix_csv("from,to,minutes\rP1,S1,4\rS1,P1,5\r", "m.csv");
  ASSERT_TRUE(csv.ok()) << csv.error().to_string();
  EXPECT_EQ(csv.value().entries.size(), 2u);
  EXPECT_EQ(error_of("from,to,minutes\rP1,S1,x\r").to_string(),
            "matrix.csv:2:7: minutes is not a number: 'x'");
}

}  // namespace
}  // namespace sendplan::travel
