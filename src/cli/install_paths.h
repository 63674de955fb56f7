// Where `sendplan` finds its read-only files: the web app (index.html and app/), the web app's
// browser libraries (Leaflet, Chart.js) and the shared data folder (data/boundaries: the London
// borough boundaries). An installed program, <prefix>/bin/sendplan as the Debian package puts it
// in /usr/bin, finds them in <prefix>/share/sendplan beside itself, wherever <prefix> is (so a
// package unpacked into a throw-away root works too). A program in a build tree finds the source
// tree's web/ and node_modules/, and ../shared relative to the working directory, as before.
#pragma once

#include <filesystem>
#include <string>

namespace sendplan::cli {

struct DataPaths {
  std::string web;         // index.html and app/
  std::string vendor;      // leaflet/dist and chart.js/dist
  std::string shared;      // holds data/boundaries
  bool installed = false;  // found beside an installed program
};

// The paths for a program at `executable` (an absolute path) built from `source_dir`: installed
// when `executable`/../share/sendplan/web/index.html exists.
DataPaths data_paths_for(const std::filesystem::path& executable, const std::string& source_dir);

// The running program's paths (from /proc/self/exe), found once.
const DataPaths& data_paths();

// The default of --boundaries: the shared folder's data/boundaries/london_boroughs_gla.geojson.
std::string default_boundaries_path();

// `shared` when given, else the default shared folder.
std::string shared_or_default(const std::string& shared);

}  // namespace sendplan::cli
