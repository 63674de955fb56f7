// Documents attached to a practice entry: the type is read from the content, never the name
// (PDF "%PDF-", DOCX a ZIP holding word/document.xml, PNG, JPEG), the size is limited, and the
// text of a DOCX is extracted for search (a PDF's is not: its text is compressed in ways this
// reader does not decode; search uses its file name). The ZIP reader checks every offset and
// length against the file, accepts only stored or deflated parts without ZIP64 or encryption,
// unpacks word/document.xml to at most the size its directory gives (itself at most 64 MB) and
// checks its CRC: a damaged or hostile archive is refused with a reason, never read past.
#pragma once

#include <string>

#include "core/result.h"

namespace sendplan::practice {

constexpr std::size_t kMaxAttachmentBytes = std::size_t{10} << 20;  // 10 MiB
constexpr int kMaxAttachmentsPerEntry = 10;

struct CheckedAttachment {
  std::string media_type;  // "application/pdf", DOCX's, "image/png", "image/jpeg"
  std::string extension;   // ".pdf", ".docx", ".png", ".jpg"
  std::string text;        // extracted text ("" when none), at most 200,000 characters
};

// kInvalidArgument with the reason: empty, over the limit ("12.4 MB; the limit is 10 MB"), a
// type not accepted ("the content is not a PDF, Word (.docx), PNG or JPEG document"; a ZIP or
// an Excel workbook "is not a Word (.docx) document"), a damaged Word document, a name whose
// extension (any case; ".jpeg" too) disagrees with the content ("report.pdf is a PNG image"),
// or a name that is not a plain file name (no folders, colons, control characters or leading
// dot, at most 255 bytes of UTF-8). DOCX text: the <w:t> runs, a line per paragraph.
Result<CheckedAttachment> check_attachment(const std::string& file_name, const std::string& content,
                                           std::size_t max_bytes = kMaxAttachmentBytes);

}  // namespace sendplan::practice
