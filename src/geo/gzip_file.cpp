#include "geo/gzip_file.h"

#include "io/csv_source.h"

namespace sendplan::geo::detail {

Result<std::string> read_possibly_gzipped_file(const std::string& path) {
  Result<std::unique_ptr<csv::ByteSource>> source = csv::open_file_source(path);
  if (!source.ok()) return source.error();
  constexpr std::size_t kChunk = 1u << 18;
  std::string text;
  for (;;) {
    const std::size_t used = text.size();
    text.resize(used + kChunk);
    Result<std::size_t> got = source.value()->read(text.data() + used, kChunk);
    if (!got.ok()) return got.error();
    text.resize(used + got.value());
    if (got.value() == 0) return text;
  }
}

}  // namespace sendplan::geo::detail
