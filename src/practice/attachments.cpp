// Attachments checked by content, and the text of a Word document read from its ZIP container.
// The ZIP reader trusts nothing in the file: every offset and length is checked against the
// bytes there are, the inflated size is capped, and a damaged file is refused with a reason.
#include "practice/attachments.h"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "core/text_encoding.h"

namespace sendplan::practice {
namespace {

constexpr std::string_view kDocxType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view kDocumentPart = "word/document.xml";
constexpr std::size_t kMaxDocumentXmlBytes = std::size_t{64} << 20;  // inflated
constexpr std::size_t kMaxTextChars = 200000;
constexpr std::size_t kMaxFileNameBytes = 255;

enum class Kind { kPdf, kDocx, kPng, kJpeg };

struct KindInfo {
  Kind kind;
  std::string_view media_type;
  std::string_view extension;
  std::string_view name;  // for messages: "a PDF document"
};

const KindInfo& info(Kind kind) {
  static const KindInfo kInfos[] = {
      {Kind::kPdf, "application/pdf", ".pdf", "a PDF document"},
      {Kind::kDocx, kDocxType, ".docx", "a Word (.docx) document"},
      {Kind::kPng, "image/png", ".png", "a PNG image"},
      {Kind::kJpeg, "image/jpeg", ".jpg", "a JPEG image"},
  };
  return kInfos[static_cast<int>(kind)];
}

Error refused(std::string message) {
  return make_error(ErrorCode::kInvalidArgument, std::move(message));
}

// ---- Little-endian reads with bounds ----------------------------------------------------------

std::optional<std::uint32_t> read_u32(std::string_view bytes, std::size_t at) {
  if (at > bytes.size() || bytes.size() - at < 4) return std::nullopt;
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i)
    value |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  return value;
}

std::optional<std::uint16_t> read_u16(std::string_view bytes, std::size_t at) {
  if (at > bytes.size() || bytes.size() - at < 2) return std::nullopt;
  return static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[at]) |
                                    (static_cast<unsigned char>(bytes[at + 1]) << 8));
}

// ---- ZIP -------------------------------------------------------------------------------------

constexpr std::uint32_t kLocalHeaderSignature = 0x04034b50;
constexpr std::uint32_t kCentralHeaderSignature = 0x02014b50;
constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::size_t kLocalHeaderSize = 30;
constexpr std::size_t kCentralHeaderSize = 46;
constexpr std::size_t kEndSize = 22;

struct ZipEntry {
  std::string name;
  std::uint16_t flags = 0;
  std::uint16_t method = 0;
  std::uint32_t crc = 0;
  std::uint32_t compressed_size = 0;
  std::uint32_t uncompressed_size = 0;
  std::uint32_t local_offset = 0;
};

// The central directory's entries, or why it cannot be read.
Result<std::vector<ZipEntry>> zip_directory(std::string_view bytes) {
  if (bytes.size() < kEndSize) return refused("the ZIP archive is damaged (too short)");
  // The end record is in the last 22 + 65,535 bytes (its comment is at most 65,535 bytes).
  const std::size_t lowest =
      bytes.size() > kEndSize + 0xFFFF ? bytes.size() - kEndSize - 0xFFFF : 0;
  std::optional<std::size_t> end;
  for (std::size_t at = bytes.size() - kEndSize + 1; at-- > lowest;) {
    if (read_u32(bytes, at) != kEndSignature) continue;
    const std::optional<std::uint16_t> comment = read_u16(bytes, at + 20);
    if (comment && at + kEndSize + *comment == bytes.size()) {
      end = at;
      break;
    }
  }
  if (!end) return refused("the ZIP archive is damaged (no end of central directory)");
  const std::uint16_t count = *read_u16(bytes, *end + 10);
  const std::uint32_t directory_size = *read_u32(bytes, *end + 12);
  const std::uint32_t directory_offset = *read_u32(bytes, *end + 16);
  if (directory_offset == 0xFFFFFFFF || count == 0xFFFF) {
    return refused("the ZIP archive uses ZIP64, which is not accepted");
  }
  if (directory_offset > *end || directory_size > *end - directory_offset) {
    return refused("the ZIP archive is damaged (its directory lies outside the file)");
  }
  const std::string_view directory = bytes.substr(directory_offset, directory_size);
  std::vector<ZipEntry> entries;
  std::size_t at = 0;
  for (std::uint16_t i = 0; i < count; ++i) {
    if (read_u32(directory, at) != kCentralHeaderSignature ||
        directory.size() - at < kCentralHeaderSize) {
      return refused("the ZIP archive is damaged (a bad directory entry)");
    }
    ZipEntry entry;
    entry.flags = *read_u16(directory, at + 8);
    entry.method = *read_u16(directory, at + 10);
    entry.crc = *read_u32(directory, at + 16);
    entry.compressed_size = *read_u32(directory, at + 20);
    entry.uncompressed_size = *read_u32(directory, at + 24);
    const std::size_t name_length = *read_u16(directory, at + 28);
    const std::size_t extra_length = *read_u16(directory, at + 30);
    const std::size_t comment_length = *read_u16(directory, at + 32);
    entry.local_offset = *read_u32(directory, at + 42);
    const std::size_t record = kCentralHeaderSize + name_length + extra_length + comment_length;
    if (directory.size() - at < record) {
      return refused("the ZIP archive is damaged (a directory entry runs past its end)");
    }
    entry.name = std::string(directory.substr(at + kCentralHeaderSize, name_length));
    entries.push_back(std::move(entry));
    at += record;
  }
  return entries;
}

const ZipEntry* find_entry(const std::vector<ZipEntry>& entries, std::string_view name) {
  for (const ZipEntry& entry : entries)
    if (entry.name == name) return &entry;
  return nullptr;
}

// Raw deflate data inflated, refused as soon as it would grow past `expected` bytes (the size
// the directory gives, itself capped), so a ZIP bomb never takes more than that memory.
Result<std::string> inflate_raw(std::string_view data, std::size_t expected) {
  z_stream stream{};
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
    return make_error(ErrorCode::kInternal, "zlib could not start inflating");
  }
  std::string out;
  out.reserve(expected);
  std::string buffer(64 * 1024, '\0');
  // zlib's avail_in is 32 bits; ZIP sizes without ZIP64 are too.
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
    stream.avail_out = static_cast<uInt>(buffer.size());
    status = inflate(&stream, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END) break;
    const std::size_t produced = buffer.size() - stream.avail_out;
    if (out.size() + produced > expected) {
      inflateEnd(&stream);
      return refused("the Word document is damaged (its text unpacks larger than it says)");
    }
    out.append(buffer.data(), produced);
    if (status == Z_OK && produced == 0 && stream.avail_in == 0) {
      status = Z_BUF_ERROR;  // the data ended before the stream did
    }
  }
  inflateEnd(&stream);
  if (status != Z_STREAM_END) {
    return refused("the Word document is damaged (its text does not unpack)");
  }
  return out;
}

// The bytes of word/document.xml, or why they cannot be read.
Result<std::string> document_xml(std::string_view bytes, const ZipEntry& entry) {
  if ((entry.flags & 0x1) != 0) return refused("the Word document is encrypted");
  const std::size_t at = entry.local_offset;
  if (read_u32(bytes, at) != kLocalHeaderSignature || bytes.size() - at < kLocalHeaderSize) {
    return refused("the Word document is damaged (a bad local header)");
  }
  const std::size_t name_length = *read_u16(bytes, at + 26);
  const std::size_t extra_length = *read_u16(bytes, at + 28);
  const std::size_t data_at = at + kLocalHeaderSize + name_length + extra_length;
  if (data_at > bytes.size() || bytes.size() - data_at < entry.compressed_size) {
    return refused("the Word document is damaged (its text runs past the end of the file)");
  }
  const std::string_view data = bytes.substr(data_at, entry.compressed_size);
  if (entry.uncompressed_size > kMaxDocumentXmlBytes) {
    return refused(fmt::format("the Word document's text is too large (over {} MB unpacked)",
                               kMaxDocumentXmlBytes >> 20));
  }
  std::string xml;
  if (entry.method == 0) {
    if (entry.compressed_size != entry.uncompressed_size) {
      return refused("the Word document is damaged (stored sizes disagree)");
    }
    xml = std::string(data);
  } else if (entry.method == 8) {
    Result<std::string> inflated = inflate_raw(data, entry.uncompressed_size);
    if (!inflated.ok()) return inflated.error();
    xml = std::move(inflated).value();
    if (xml.size() != entry.uncompressed_size) {
      return refused("the Word document is damaged (its text's size is wrong)");
    }
  } else {
    return refused(
        fmt::format("the Word document uses ZIP compression method {}, which is not "
                    "accepted (only stored or deflated)",
                    entry.method));
  }
  const uLong crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(xml.data()),
                          static_cast<uInt>(xml.size()));
  if (crc != entry.crc) return refused("the Word document is damaged (checksum mismatch)");
  return xml;
}

// ---- document.xml to text -------------------------------------------------------------------

void append_code_point(std::string& out, std::uint32_t code) {
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return;
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// XML character data with its references decoded (&amp; &lt; &gt; &quot; &apos; &#N; &#xH;);
// an unknown reference is kept as written.
void append_decoded(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    const std::size_t semicolon = text.find(';', i);
    if (semicolon == std::string_view::npos || semicolon - i > 12) {
      out += '&';
      continue;
    }
    const std::string_view name = text.substr(i + 1, semicolon - i - 1);
    if (name == "amp") {
      out += '&';
    } else if (name == "lt") {
      out += '<';
    } else if (name == "gt") {
      out += '>';
    } else if (name == "quot") {
      out += '"';
    } else if (name == "apos") {
      out += '\'';
    } else if (name.size() >= 2 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      std::uint32_t code = 0;
      bool good = !digits.empty();
      for (const char c : digits) {
        std::uint32_t digit = 0;
        if (c >= '0' && c <= '9') {
          digit = static_cast<std::uint32_t>(c - '0');
        } else if (hex && c >= 'a' && c <= 'f') {
          digit = static_cast<std::uint32_t>(c - 'a' + 10);
        } else if (hex && c >= 'A' && c <= 'F') {
          digit = static_cast<std::uint32_t>(c - 'A' + 10);
        } else {
          good = false;
          break;
        }
        code = code * (hex ? 16 : 10) + digit;
        if (code > 0x10FFFF) {
          good = false;
          break;
        }
      }
      if (!good) {
        out += '&';
        continue;
      }
      append_code_point(out, code);
    } else {
      out += '&';
      continue;
    }
    i = semicolon;
  }
}

// The element name of the tag starting at `at` ('<' at `at`): "w:t", "/w:p", "w:br/", ...
std::string_view tag_name(std::string_view xml, std::size_t at, std::size_t tag_end) {
  std::size_t end = at + 1;
  while (end < tag_end && xml[end] != ' ' && xml[end] != '\t' && xml[end] != '\r' &&
         xml[end] != '\n' && xml[end] != '>' && !(xml[end] == '/' && end > at + 1))
    ++end;
  return xml.substr(at + 1, end - at - 1);
}

// The text of the <w:t> elements, a line per paragraph (<w:p>), tabs and breaks kept, at most
// kMaxTextChars characters.
std::string docx_text(std::string_view xml) {
  std::string text;
  std::size_t chars = 0;
  const auto append = [&](std::string_view piece) {
    for (const char c : piece) {
      const bool starts_char = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      if (starts_char && chars == kMaxTextChars) return false;
      if (starts_char) ++chars;
      text += c;
    }
    return true;
  };
  std::size_t at = 0;
  bool in_text = false;
  bool paragraph_has_text = false;
  while (at < xml.size()) {
    const std::size_t open = xml.find('<', at);
    if (in_text) {
      std::string decoded;
      append_decoded(decoded,
                     xml.substr(at, open == std::string_view::npos ? xml.size() - at : open - at));
      if (!decoded.empty()) paragraph_has_text = true;
      if (!append(decoded)) break;
    }
    if (open == std::string_view::npos) break;
    const std::size_t close = xml.find('>', open);
    if (close == std::string_view::npos) break;
    const std::string_view name = tag_name(xml, open, close);
    const bool self_closing = xml[close - 1] == '/';
    if (name == "w:t" && !self_closing) {
      in_text = true;
    } else if (name == "/w:t") {
      in_text = false;
    } else if (name == "w:tab") {
      if (!append("\t")) break;
    } else if (name == "w:br" || name == "w:cr") {
      if (!append("\n")) break;
    } else if (name == "/w:p" || (name == "w:p" && self_closing)) {
      if (paragraph_has_text || !text.empty()) {
        if (!append("\n")) break;
      }
      paragraph_has_text = false;
    }
    at = close + 1;
  }
  while (!text.empty() && (text.back() == '\n' || text.back() == '\t')) text.pop_back();
  // A truncated document may end inside a UTF-8 sequence of a decoded reference: never here,
  // since whole characters are appended; the XML itself may not be UTF-8, though.
  if (!is_valid_utf8(text)) {
    std::string clean;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      clean += byte < 0x80 ? text[i] : '?';
    }
    text = std::move(clean);
  }
  return text;
}

// ---- Sniffing --------------------------------------------------------------------------------

struct Sniffed {
  std::optional<Kind> kind;
  std::string refusal;  // when a ZIP is not a Word document, or is damaged
  std::string text;
};

Sniffed sniff(std::string_view content) {
  Sniffed result;
  if (content.substr(0, 5) == "%PDF-") {
    result.kind = Kind::kPdf;
  } else if (content.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) {
    result.kind = Kind::kPng;
  } else if (content.substr(0, 3) == "\xFF\xD8\xFF") {
    result.kind = Kind::kJpeg;
  } else if (content.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
    Result<std::vector<ZipEntry>> entries = zip_directory(content);
    if (!entries.ok()) {
      result.refusal = entries.error().message;
      return result;
    }
    const ZipEntry* document = find_entry(entries.value(), kDocumentPart);
    if (document == nullptr) {
      if (find_entry(entries.value(), "xl/workbook.xml") != nullptr) {
        result.refusal = "the content is an Excel workbook, not a Word (.docx) document";
      } else if (find_entry(entries.value(), "ppt/presentation.xml") != nullptr) {
        result.refusal = "the content is a PowerPoint presentation, not a Word (.docx) document";
      } else {
        result.refusal = "the content is a ZIP archive, not a Word (.docx) document";
      }
      return result;
    }
    Result<std::string> xml = document_xml(content, *document);
    if (!xml.ok()) {
      result.refusal = xml.error().message;
      return result;
    }
    result.kind = Kind::kDocx;
    result.text = docx_text(xml.value());
  }
  return result;
}

// The extension of a file name, lower case, with its dot ("" when none).
std::string extension_of(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  return to_lower(name.substr(dot));
}

std::string plain_name_problem(const std::string& name) {
  if (name.empty()) return "the file has no name";
  if (name.size() > kMaxFileNameBytes) {
    return fmt::format("the file name is too long ({} bytes; the limit is {})", name.size(),
                       kMaxFileNameBytes);
  }
  if (!is_valid_utf8(name)) return "the file name is not UTF-8 text";
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F || c == '/' || c == '\\' || c == ':') {
      return fmt::format("{} is not a plain file name (no folders, colons or control characters)",
                         quoted_excerpt(name));
    }
  }
  if (name == "." || name == ".." || name.front() == '.' || trim(name) != name) {
    return fmt::format("{} is not a plain file name", quoted_excerpt(name));
  }
  return "";
}

// "12.4 MB", "10 MB" (MB = 2^20 bytes, as the limit is set), "340 KB", "118 bytes".
std::string size_in_words(std::size_t bytes) {
  constexpr std::size_t kMb = std::size_t{1} << 20;
  if (bytes >= kMb) {
    if (bytes % kMb == 0) return fmt::format("{} MB", bytes / kMb);
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / static_cast<double>(kMb));
  }
  if (bytes >= 1024) return fmt::format("{} KB", (bytes + 512) / 1024);
  return fmt::format("{} byte{}", bytes, bytes == 1 ? "" : "s");
}

}  // namespace

Result<CheckedAttachment> check_attachment(const std::string& file_name, const std::string& content,
                                           std::size_t max_bytes) {
  const std::string name_problem = plain_name_problem(file_name);
  if (!name_problem.empty()) return refused(name_problem);
  if (content.empty()) return refused(fmt::format("{} is empty", file_name));
  if (content.size() > max_bytes) {
    return refused(fmt::format("{} is {}; the limit is {}", file_name,
                               size_in_words(content.size()), size_in_words(max_bytes)));
  }
  Sniffed sniffed = sniff(content);
  if (!sniffed.refusal.empty()) return refused(fmt::format("{}: {}", file_name, sniffed.refusal));
  if (!sniffed.kind) {
    return refused(
        fmt::format("{}: the content is not a PDF, Word (.docx), PNG or JPEG document", file_name));
  }
  const KindInfo& kind = info(*sniffed.kind);
  const std::string extension = extension_of(file_name);
  const bool agrees =
      extension == kind.extension || (*sniffed.kind == Kind::kJpeg && extension == ".jpeg");
  if (!agrees) {
    return refused(fmt::format("{} is {}: name it with {}", file_name, kind.name, kind.extension));
  }
  CheckedAttachment checked;
  checked.media_type = std::string(kind.media_type);
  checked.extension = std::string(kind.extension);
  checked.text = std::move(sniffed.text);
  return checked;
}

}  // namespace sendplan::practice
