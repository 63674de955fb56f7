// Writing the five output files: render all, write temporaries, then rename (see the header).
#include "report/report_files.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <utility>

#include "report/pupils_csv.h"
#include "report/routes_csv.h"
#include "report/routes_geojson.h"
#include "report/summary_json.h"

namespace sendplan::report {
namespace {

namespace fs = std::filesystem;

struct OutputFile {
  std::string name;
  std::string text;
  fs::path temporary;
};

Error io_error(const fs::path& path, const std::string& what) {
  return make_error(ErrorCode::kIo, fmt::format("{}: {}", path.string(), what),
                    {path.string(), 0, 0});
}

Status write_whole_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return io_error(path, "cannot create the file");
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) return io_error(path, "writing the file failed (is the disk full?)");
  return Status::success();
}

void remove_temporaries(const std::vector<OutputFile>& files) {
  std::error_code ignored;
  for (const OutputFile& file : files) {
    if (!file.temporary.empty()) fs::remove(file.temporary, ignored);
  }
}

}  // namespace

const std::vector<std::string>& report_file_names() {
  static const std::vector<std::string> names = {"routes.csv", "pupils.csv", "summary.json",
                                                 "routes.geojson", "route_sheets.html"};
  return names;
}

std::vector<std::pair<std::string, std::string>> render_report_files(const ReportInputs& inputs) {
  const std::vector<std::string>& names = report_file_names();
  return {
      {names[0], routes_csv(inputs.plan)},
      {names[1], pupils_csv(inputs.plan)},
      {names[2], summary_json_text(inputs.plan, inputs.current, inputs.settings)},
      {names[3], routes_geojson_text(inputs.plan)},
      {names[4], route_sheets_html(inputs.plan, inputs.pupils, inputs.schools, inputs.heading)},
  };
}

Status write_report_files(const std::string& directory, const ReportInputs& inputs) {
  std::vector<OutputFile> files;
  for (auto& [name, text] : render_report_files(inputs)) files.push_back({name, text, {}});

  const fs::path dir(directory);
  std::error_code error;
  fs::create_directories(dir, error);
  if (error || !fs::is_directory(dir, error))
    return io_error(dir, "cannot create the output directory");
  for (const OutputFile& file : files) {
    if (fs::is_directory(dir / file.name, error))
      return io_error(dir / file.name, "is a directory: cannot replace it with the file");
  }

  const long pid = static_cast<long>(::getpid());
  for (OutputFile& file : files) {
    file.temporary = dir / fmt::format(".{}.{}.tmp", file.name, pid);
    Status written = write_whole_file(file.temporary, file.text);
    if (!written.ok()) {
      remove_temporaries(files);
      return written;
    }
  }

  std::vector<std::string> replaced;
  for (OutputFile& file : files) {
    fs::rename(file.temporary, dir / file.name, error);
    if (error) {
      const std::string what = fmt::format(
          "renaming {} failed ({}); already replaced: {}", file.temporary.string(), error.message(),
          replaced.empty() ? "none" : fmt::format("{}", fmt::join(replaced, ", ")));
      remove_temporaries(files);
      return io_error(dir / file.name, what);
    }
    file.temporary.clear();
    replaced.push_back(file.name);
  }
  return Status::success();
}

}  // namespace sendplan::report
