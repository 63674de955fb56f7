// Where the CSV reader's bytes come from, a chunk at a time, so that a large file is never held
// whole: a text already in memory, or a file on disk read as it is or gunzipped on the way (gzip
// is recognised by the file's content, not its name).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace sendplan::csv {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Copies up to `size` bytes into `buffer`: how many, 0 only at the end of the input. kIo when
  // reading fails (a corrupt or truncated gzip stream among others).
  virtual Result<std::size_t> read(char* buffer, std::size_t size) = 0;
};

// The bytes of `text`, which must outlive the source.
std::unique_ptr<ByteSource> text_source(std::string_view text);

// The file at `path`, gunzipped when it is gzip-compressed. kNotFound when it does not exist,
// kIo when it is a folder or cannot be opened.
Result<std::unique_ptr<ByteSource>> open_file_source(const std::string& path);

}  // namespace sendplan::csv
