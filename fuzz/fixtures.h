// Synthetic data the fuzz targets share, made once per process: the London borough atlas, a
// small generated Hackney (pupils.csv, schools.csv, fleet.csv from the project's generator, and
// the same read back), and a tiny made-up postcode directory. Nothing here is real data.
#pragma once

#include <string>

#include "geo/postcode.h"
#include "server/borough_atlas.h"
#include "transport/generator.h"
#include "transport/inputs.h"
#include "transport/readers.h"

namespace sendplan::fuzz {

// The GLA boundaries file: $SENDPLAN_SHARED/data/boundaries/... when that variable is set,
// else ../shared next to the repository. Aborts when it cannot be read (nothing to fuzz then).
const std::string& boundaries_path();
const server::BoroughAtlas& atlas();

// Hackney with 12 pupils, seed 1: the CSV texts and the inputs they read as.
const transport::GeneratedBorough& hackney_files();
const transport::TransportInputs& hackney_inputs();

// Five made-up Hackney postcodes (E8 1AA, E8 2BB, E5 0LL, E9 5AB, N16 0AA) on the grid.
const geo::PostcodeDirectory& postcodes();

// A file for readers that take a path: in /dev/shm when there is one, unique to this process.
std::string scratch_path(const std::string& name);

}  // namespace sendplan::fuzz
