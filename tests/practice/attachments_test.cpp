// Attachments: types read from the content of small real files built here (PDF, PNG, JPEG and
// DOCX stored or deflated), names that disagree or are not plain, the size limit, and ZIPs that
// are not Word documents, truncated, corrupted or built to attack the reader.
#include "practice/attachments.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

namespace sendplan::practice {
namespace {

constexpr const char* kDocxType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// ---- Building files -------------------------------------------------------------------------

void put16(std::string& out, std::uint32_t value) {
  out += static_cast<char>(value & 0xFF);
  out += static_cast<char>((value >> 8) & 0xFF);
}
void put32(std::string& out, std::uint32_t value) {
  put16(out, value & 0xFFFF);
  put16(out, value >> 16);
}
void put32_big(std::string& out, std::uint32_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xFF);
}

std::uint32_t crc_of(const std::string& data) {
  return static_cast<std::uint32_t>(crc32(crc32(0L, Z_NULL, 0),
                                          reinterpret_cast<const Bytef*>(data.data()),
                                          static_cast<uInt>(data.size())));
}

// Raw deflate (no zlib header), as ZIP's method 8 stores it.
std::string deflate_raw(const std::string& data) {
  z_stream stream{};
  EXPECT_EQ(
      deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
      Z_OK);
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

struct ZipPart {
  std::string name;
  std::string data;  // uncompressed
  int method = 8;    // 0 stored, 8 deflated (anything else is written as stored bytes)
  // Overrides for hostile archives (the real values when not set).
  std::int64_t declared_size = -1;  // uncompressed size in the directory
  std::int64_t crc = -1;
  int flags = 0;
};

struct ZipOptions {
  std::int64_t directory_offset = -1;  // override
  int entry_count = -1;                // override
};

std::string make_zip(const std::vector<ZipPart>& parts, const ZipOptions& options = {}) {
  std::string zip;
  std::string directory;
  for (const ZipPart& part : parts) {
    const std::string stored = part.method == 8 ? deflate_raw(part.data) : part.data;
    const auto crc = part.crc >= 0 ? static_cast<std::uint32_t>(part.crc) : crc_of(part.data);
    const auto size = part.declared_size >= 0 ? static_cast<std::uint32_t>(part.declared_size)
                                              : static_cast<std::uint32_t>(part.data.size());
    const auto offset = static_cast<std::uint32_t>(zip.size());
    put32(zip, 0x04034b50);
    put16(zip, 20);
    put16(zip, static_cast<std::uint32_t>(part.flags));
    put16(zip, static_cast<std::uint32_t>(part.method));
    put16(zip, 0);
    put16(zip, 0);
    put32(zip, crc);
    put32(zip, static_cast<std::uint32_t>(stored.size()));
    put32(zip, size);
    put16(zip, static_cast<std::uint32_t>(part.name.size()));
    put16(zip, 0);
    zip += part.name;
    zip += stored;

    put32(directory, 0x02014b50);
    put16(directory, 20);
    put16(directory, 20);
    put16(directory, static_cast<std::uint32_t>(part.flags));
    put16(directory, static_cast<std::uint32_t>(part.method));
    put16(directory, 0);
    put16(directory, 0);
    put32(directory, crc);
    put32(directory, static_cast<std::uint32_t>(stored.size()));
    put32(directory, size);
    put16(directory, static_cast<std::uint32_t>(part.name.size()));
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put16(directory, 0);
    put32(directory, 0);
    put32(directory, offset);
    directory += part.name;
  }
  const auto directory_offset = static_cast<std::uint32_t>(
      options.directory_offset >= 0 ? options.directory_offset
                                    : static_cast<std::int64_t>(zip.size()));
  zip += directory;
  const auto count = static_cast<std::uint32_t>(
      options.entry_count >= 0 ? options.entry_count : static_cast<int>(parts.size()));
  put32(zip, 0x06054b50);
  put16(zip, 0);
  put16(zip, 0);
  put16(zip, count);
  put16(zip, count);
  put32(zip, static_cast<std::uint32_t>(directory.size()));
  put32(zip, directory_offset);
  put16(zip, 0);
  return zip;
}

const std::string kDocumentXml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:body><w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>Travel training</w:t>"
    "</w:r><w:r><w:t xml:space=\"preserve\"> for pupils &amp; families</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>Second paragraph \xE2\x80\x93 caf\xC3\xA9</w:t></w:r><w:r><w:tab/>"
    "<w:t>after a tab</w:t></w:r></w:p><w:p/>"
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>In a table &#8364;5 &#x41;</w:t></w:r></w:p></w:tc>"
    "</w:tr></w:tbl><w:sectPr/></w:body></w:document>";
const std::string kDocumentText =
    "Travel training for pupils & families\nSecond paragraph \xE2\x80\x93 caf\xC3\xA9\tafter a "
    "tab\n\nIn a table \xE2\x82\xAC"
    "5 A";

std::vector<ZipPart> docx_parts(int method, const std::string& xml = kDocumentXml) {
  return {{"[Content_Types].xml", "<Types/>", method},
          {"_rels/.rels", "<Relationships/>", method},
          {"word/document.xml", xml, method},
          {"word/styles.xml", "<w:styles/>", method}};
}

std::string docx(int method = 8) {
  return make_zip(docx_parts(method));
}

std::string pdf() {
  return "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
         "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
         "trailer\n<< /Root 1 0 R >>\n%%EOF\n";
}

// A 1×1 white PNG: signature, IHDR, IDAT (zlib data of one filtered row) and IEND, with CRCs.
std::string png() {
  const auto chunk = [](const std::string& type, const std::string& data) {
    std::string out;
    put32_big(out, static_cast<std::uint32_t>(data.size()));
    out += type + data;
    put32_big(out, crc_of(type + data));
    return out;
  };
  std::string header;
  put32_big(header, 1);
  put32_big(header, 1);
  header += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB
  const std::string row("\x00\xFF\xFF\xFF", 4);
  std::string compressed(compressBound(4), '\0');
  uLongf length = static_cast<uLongf>(compressed.size());
  EXPECT_EQ(compress(reinterpret_cast<Bytef*>(compressed.data()), &length,
                     reinterpret_cast<const Bytef*>(row.data()), 4),
            Z_OK);
  compressed.resize(length);
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header) + chunk("IDAT", compressed) +
         chunk("IEND", "");
}

// The start of a JFIF file (SOI, APP0) and its end (EOI).
std::string jpeg() {
  return std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 20) +
         std::string("\xFF\xD9", 2);
}

std::string refusal(const Result<CheckedAttachment>& result) {
  EXPECT_FALSE(result.ok());
  if (result.ok()) return "";
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  return result.error().message;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// ---- Tests ----------------------------------------------------------------------------------

TEST(Attachments, PdfPngAndJpegByContent) {
  const Result<CheckedAttachment> checked_pdf = check_attachment("report.pdf", pdf());
  ASSERT_TRUE(checked_pdf.ok()) << checked_pdf.error().message;
  EXPECT_EQ(checked_pdf.value().media_type, "application/pdf");
  EXPECT_EQ(checked_pdf.value().extension, ".pdf");
  EXPECT_EQ(checked_pdf.value().text, "");

  const Result<CheckedAttachment> checked_png = check_attachment("chart.PNG", png());
  ASSERT_TRUE(checked_png.ok()) << checked_png.error().message;
  EXPECT_EQ(checked_png.value().media_type, "image/png");
  EXPECT_EQ(checked_png.value().extension, ".png");

  for (const std::string name : {"photo.jpg", "photo.jpeg", "Photo.JPG"}) {
    const Result<CheckedAttachment> checked_jpeg = check_attachment(name, jpeg());
    ASSERT_TRUE(checked_jpeg.ok()) << name;
    EXPECT_EQ(checked_jpeg.value().media_type, "image/jpeg");
    EXPECT_EQ(checked_jpeg.value().extension, ".jpg");
  }
}

TEST(Attachments, DocxTextIsExtractedFromStoredAndDeflatedDocuments) {
  for (const int method : {0, 8}) {
    const Result<CheckedAttachment> checked =
        check_attachment("Evaluation report.docx", docx(method));
    ASSERT_TRUE(checked.ok()) << "method " << method << ": " << checked.error().message;
    EXPECT_EQ(checked.value().media_type, kDocxType);
    EXPECT_EQ(checked.value().extension, ".docx");
    EXPECT_EQ(checked.value().text, kDocumentText) << "method " << method;
  }
}

TEST(Attachments, DocxTextIsCapped) {
  std::string xml = "<w:document><w:body><w:p><w:r><w:t>";
  for (int i = 0; i < 125000; ++i) xml += "é";  // 2 bytes each
  xml += "</w:t></w:r></w:p><w:p><w:r><w:t>";
  xml += std::string(125000, 'x');
  xml += "</w:t></w:r></w:p></w:body></w:document>";
  const Result<CheckedAttachment> checked =
      check_attachment("long.docx", make_zip(docx_parts(8, xml)));
  ASSERT_TRUE(checked.ok()) << checked.error().message;
  const std::string& text = checked.value().text;
  std::size_t characters = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;
  EXPECT_EQ(characters, 200000u);
  EXPECT_EQ(text.substr(text.size() - 3), "xxx");
}

TEST(Attachments, ZipsThatAreNotWordDocuments) {
  EXPECT_TRUE(has(refusal(check_attachment("data.docx", make_zip({{"notes.txt", "hello"}}))),
                  "the content is a ZIP archive, not a Word (.docx) document"));
  EXPECT_TRUE(
      has(refusal(check_attachment("budget.docx", make_zip({{"[Content_Types].xml", "<Types/>"},
                                                            {"xl/workbook.xml", "<workbook/>"}}))),
          "an Excel workbook, not a Word (.docx) document"));
  EXPECT_TRUE(
      has(refusal(check_attachment("slides.docx", make_zip({{"ppt/presentation.xml", "<p/>"}}))),
          "PowerPoint"));
  // The name inside must be exact.
  EXPECT_FALSE(check_attachment("x.docx", make_zip({{"Word/Document.xml", kDocumentXml}})).ok());
}

TEST(Attachments, TheNameMustAgreeWithTheContent) {
  EXPECT_EQ(refusal(check_attachment("report.pdf", png())),
            "report.pdf is a PNG image: name it with .png");
  EXPECT_EQ(refusal(check_attachment("plan.pdf", docx())),
            "plan.pdf is a Word (.docx) document: name it with .docx");
  EXPECT_TRUE(has(refusal(check_attachment("report", pdf())), "report is a PDF document"));
  EXPECT_TRUE(has(refusal(check_attachment("report.pdf.exe", pdf())), "name it with .pdf"));
  EXPECT_TRUE(has(refusal(check_attachment("notes.txt", "Just some notes")),
                  "the content is not a PDF, Word (.docx), PNG or JPEG document"));
  EXPECT_TRUE(has(refusal(check_attachment("page.pdf", "<html>%PDF-</html>")), "is not a PDF"));
}

TEST(Attachments, NamesMustBePlainFileNames) {
  for (const std::string& bad :
       std::vector<std::string>{"", "../report.pdf", "a/report.pdf", "a\\report.pdf",
                                "C:report.pdf", ".pdf", "..", "report\n.pdf", " report.pdf",
                                "report.pdf ", std::string(300, 'a') + ".pdf", "bad\xC3.pdf"}) {
    EXPECT_FALSE(check_attachment(bad, pdf()).ok()) << bad;
  }
  EXPECT_TRUE(check_attachment("Rapport d'évaluation (final) v2.pdf", pdf()).ok());
}

TEST(Attachments, EmptyAndTooLarge) {
  EXPECT_EQ(refusal(check_attachment("empty.pdf", "")), "empty.pdf is empty");
  std::string big = pdf();
  big.resize(13002342, ' ');  // 12.4 MiB
  EXPECT_EQ(refusal(check_attachment("big.pdf", big)), "big.pdf is 12.4 MB; the limit is 10 MB");
  big.resize(kMaxAttachmentBytes);
  EXPECT_TRUE(check_attachment("big.pdf", big).ok()) << "exactly the limit is allowed";
  EXPECT_EQ(refusal(check_attachment("small.pdf", pdf(), 10)),
            "small.pdf is " + std::to_string(pdf().size()) + " bytes; the limit is 10 bytes");
  EXPECT_TRUE(has(refusal(check_attachment("small.pdf", std::string(3000, ' ') + pdf(), 2048)),
                  "; the limit is 2 KB"));
}

TEST(Attachments, TruncatedZipsAreRefusedWithoutCrashing) {
  for (const int method : {0, 8}) {
    const std::string whole = docx(method);
    for (std::size_t length = 1; length < whole.size(); ++length) {
      const Result<CheckedAttachment> checked =
          check_attachment("cut.docx", whole.substr(0, length));
      EXPECT_FALSE(checked.ok()) << "method " << method << ", " << length << " bytes";
    }
  }
}

TEST(Attachments, CorruptedZipsNeverCrash) {
  for (const int method : {0, 8}) {
    const std::string whole = docx(method);
    int refused_count = 0;
    for (std::size_t at = 0; at < whole.size(); ++at) {
      for (const int value : {0x00, 0xFF, 0x7F}) {
        std::string broken = whole;
        broken[at] = static_cast<char>(value);
        const Result<CheckedAttachment> checked = check_attachment("broken.docx", broken);
        if (checked.ok()) {
          // A byte that does not matter (a date, another part's bytes).
          EXPECT_EQ(checked.value().media_type, kDocxType);
        } else {
          ++refused_count;
        }
      }
      std::string flipped = whole;
      flipped[at] = static_cast<char>(flipped[at] ^ 0x55);
      (void)check_attachment("flipped.docx", flipped);
    }
    EXPECT_GT(refused_count, 0);
  }
}

TEST(Attachments, CorruptedDocumentDataIsCaughtByTheChecksum) {
  std::string zip = docx(0);
  const std::size_t at = zip.find("Travel training");
  ASSERT_NE(at, std::string::npos);
  zip[at] = 't';
  EXPECT_TRUE(has(refusal(check_attachment("x.docx", zip)), "checksum"));
}

TEST(Attachments, HostileArchives) {
  // The directory claims to lie beyond the file.
  EXPECT_TRUE(has(
      refusal(check_attachment("x.docx", make_zip(docx_parts(8), {.directory_offset = 1 << 30}))),
      "damaged"));
  // More entries than there are.
  EXPECT_TRUE(
      has(refusal(check_attachment("x.docx", make_zip(docx_parts(8), {.entry_count = 500}))),
          "damaged"));
  EXPECT_TRUE(
      has(refusal(check_attachment("x.docx", make_zip(docx_parts(8), {.entry_count = 0xFFFF}))),
          "ZIP64"));
  // An unsupported compression method.
  std::vector<ZipPart> parts = docx_parts(8);
  parts[2].method = 12;  // bzip2
  EXPECT_TRUE(has(refusal(check_attachment("x.docx", make_zip(parts))), "method 12"));
  // Encrypted.
  parts = docx_parts(8);
  parts[2].flags = 1;
  EXPECT_TRUE(has(refusal(check_attachment("x.docx", make_zip(parts))), "encrypted"));
  // A bomb: 20 MB of zeros declared as 1,000 bytes.
  parts = docx_parts(8);
  parts[2].data = std::string(20 << 20, '\0');
  parts[2].declared_size = 1000;
  EXPECT_TRUE(
      has(refusal(check_attachment("bomb.docx", make_zip(parts))), "unpacks larger than it says"));
  // Declared too large to unpack at all.
  parts[2].declared_size = std::int64_t{200} << 20;
  EXPECT_TRUE(has(refusal(check_attachment("bomb.docx", make_zip(parts))), "too large"));
  // Declared smaller than it is, stored.
  parts = docx_parts(0);
  parts[2].declared_size = 10;
  EXPECT_TRUE(has(refusal(check_attachment("x.docx", make_zip(parts))), "damaged"));
  // A wrong checksum.
  parts = docx_parts(8);
  parts[2].crc = 12345;
  EXPECT_TRUE(has(refusal(check_attachment("x.docx", make_zip(parts))), "checksum"));
  // Deflate data that is not deflate.
  parts = docx_parts(0);
  std::string zip = make_zip(parts);
  // Mark word/document.xml as deflated in both headers while its bytes stay stored text.
  for (std::size_t at = zip.find("word/document.xml"); at != std::string::npos;
       at = zip.find("word/document.xml", at + 1)) {
    const bool central = zip.compare(at - 46, 4, std::string("PK\x01\x02", 4)) == 0;
    const std::size_t method_at = central ? at - 46 + 10 : at - 30 + 8;
    zip[method_at] = 8;
  }
  EXPECT_TRUE(has(refusal(check_attachment("x.docx", zip)), "damaged"));
  // Only an end record.
  std::string end_only;
  put32(end_only, 0x06054b50);
  end_only += std::string(18, '\0');
  EXPECT_FALSE(check_attachment("x.docx", std::string("PK\x03\x04", 4) + end_only).ok());
}

TEST(Attachments, HostileXmlNeverCrashes) {
  for (const std::string& xml :
       {std::string("<w:t>unterminated"), std::string("<w:t"), std::string("<"),
        std::string("<w:t>&#x110000;&#0;&#xD800;&bogus;&amp&#;&#x;&#99999999999;</w:t>"),
        std::string("<w:p><w:t>a</w:t></w:p></w:p></w:p>"), std::string(""),
        std::string("<w:t>\xFF\xFE bytes</w:t>"), std::string(100000, '<')}) {
    const Result<CheckedAttachment> checked =
        check_attachment("odd.docx", make_zip(docx_parts(8, xml)));
    ASSERT_TRUE(checked.ok()) << checked.error().message;
  }
  const Result<CheckedAttachment> entities = check_attachment(
      "e.docx", make_zip(docx_parts(8, "<w:t>&#x110000;&#0;&bogus;&lt;ok&gt;</w:t>")));
  ASSERT_TRUE(entities.ok());
  // Out-of-range references are kept as written, NUL is dropped.
  EXPECT_EQ(entities.value().text, "&#x110000;&bogus;<ok>");
  const Result<CheckedAttachment> latin1 =
      check_attachment("l.docx", make_zip(docx_parts(8, "<w:t>caf\xE9</w:t>")));
  ASSERT_TRUE(latin1.ok());
  EXPECT_EQ(latin1.value().text, "caf?") << "text for search is always UTF-8";
}

}  // namespace
}  // namespace sendplan::practice
