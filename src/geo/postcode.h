// UK postcodes and the postcode directory that places them on the National Grid. A directory is
// built once from an ONS Postcode Directory file and is then immutable: safe to share between
// threads. Keys are normalised postcodes ("SW1A 1AA").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "geo/coordinates.h"

namespace sendplan::geo {

// The canonical form of a postcode: upper case, spaces and tabs removed, then one space before
// the three-character inward code ("sw1a1aa", " SW1A  1AA" → "SW1A 1AA"). Returns "" when the
// text is not shaped like a UK postcode: an outward code A9, A99, AA9, AA99, A9A or AA9A, then
// an inward code digit-letter-letter.
std::string normalise_postcode(std::string_view text);

class PostcodeDirectory {
 public:
  // Reads a CSV file in the ONS Postcode Directory layout (ONSPD/NSPD), plain or gzip-compressed,
  // a record at a time through the one CSV reader (io/csv_reader.h: UTF-8, a BOM skipped).
  // - The first non-blank line is the header; names are matched case-insensitively, cells may be
  // quoted.
  // - Postcode: the first present of pcds, pcd, pcd2, pcd7, postcode (any spacing).
  // - Coordinates: oseast1m+osnrth1m or easting+northing (grid metres), else lat+long or
  //   latitude+longitude (WGS84 degrees, converted to the grid). Grid columns win if both exist.
  // - Local authority (optional): lad25cd (or any ladNNcd), laua, oslaua.
  // Rows whose coordinates are blank, or whose latitude is ONS's 99.999999 "no location"
  // marker, are skipped and counted. A repeated postcode must repeat its location and district.
  // Errors: kNotFound (no file), kIo (unreadable), kParse (not UTF-8, bad quoting, no postcode or
  // coordinate columns, a malformed postcode or number; with line and column), kInvalidInput
  // (one postcode with two different locations).
  static Result<PostcodeDirectory> read_csv(const std::string& path);

  // The grid reference of `postcode` (any spacing or case), if the directory has it.
  std::optional<GridReference> find(std::string_view postcode) const;
  // The local authority district code (e.g. "E09000033"), if the file had that column.
  std::optional<std::string> local_authority(std::string_view postcode) const;
  // Like find(), as an error for the caller's file: kInvalidInput when `postcode` is not shaped
  // like a postcode, kNotFound when the directory does not have it; both reported at `where`.
  Result<GridReference> resolve(std::string_view postcode, const SourceLocation& where) const;

  size_t size() const { return entries_.size(); }
  // Rows read without a location (blank coordinates).
  size_t skipped_without_location() const { return skipped_without_location_; }

 private:
  friend class PostcodeDirectoryBuilder;

  struct Entry {
    std::uint64_t key = 0;  // normalised postcode, packed big-endian so that order is text order
    GridReference location{};
    std::uint32_t local_authority = 0;  // index into local_authorities_, or kNoLocalAuthority
    std::uint32_t line = 0;             // where it was read (for duplicate reports)
  };
  static constexpr std::uint32_t kNoLocalAuthority = 0xFFFFFFFF;

  const Entry* lookup(std::string_view postcode) const;

  std::vector<Entry> entries_;  // sorted by key, keys unique
  std::vector<std::string> local_authorities_;
  size_t skipped_without_location_ = 0;
};

namespace detail {
// Packs a normalised postcode (at most 8 characters) into 64 bits; 0 for anything longer.
std::uint64_t postcode_key(std::string_view normalised);
}  // namespace detail

}  // namespace sendplan::geo
