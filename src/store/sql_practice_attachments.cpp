// The practice repository's attachments in SQL (sql_practice.h): stored with their content and
// extracted text; adding or deleting one records an event and re-indexes the entry.
#include <fmt/format.h>

#include "store/sql_practice.h"
#include "store/sql_practice_internal.h"

namespace sendplan::store::detail {

namespace {

constexpr const char* kAttachmentInfoColumns =
    "id, entry_id, file_name, media_type, size, text, uploaded_by, uploaded_at";

// Columns kAttachmentInfoColumns.
PracticeAttachment attachment_from(SqlRow& row) {
  PracticeAttachment attachment;
  attachment.id = row.integer(0);
  attachment.entry_id = row.integer(1);
  attachment.file_name = row.take_text(2);
  attachment.media_type = row.take_text(3);
  attachment.size = row.integer(4);
  attachment.text = row.take_text(5);
  attachment.uploaded_by = row.integer(6);
  attachment.uploaded_at = row.take_text(7);
  return attachment;
}

}  // namespace

// --- attachments

Result<std::int64_t> insert_practice_attachment(SqlConnection& connection,
                                                const PracticeAttachment& attachment,
                                                const PracticeEvent& event,
                                                const std::string& now) {
  if (Status found = entry_exists(connection, attachment.entry_id, ErrorCode::kNotFound);
      !found.ok())
    return found.error();
  Result<SqlRows> inserted = connection.query(
      "INSERT INTO practice_attachments (entry_id, file_name, media_type, content, size, text, "
      "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {attachment.entry_id, attachment.file_name, attachment.media_type,
       SqlParam::blob(attachment.content), static_cast<std::int64_t>(attachment.content.size()),
       attachment.text, SqlParam::id_or_null(attachment.uploaded_by),
       or_now(attachment.uploaded_at, now)});
  if (!inserted.ok()) return inserted.error();
  const std::int64_t id = inserted.value().at(0).integer(0);
  PracticeEvent recorded = event;
  recorded.entry_id = attachment.entry_id;
  if (Status added = insert_practice_event(connection, recorded, now); !added.ok())
    return added.error();
  if (Status indexed = reindex(connection, attachment.entry_id); !indexed.ok())
    return indexed.error();
  return id;
}

Status delete_practice_attachment(SqlConnection& connection, std::int64_t id,
                                  const PracticeEvent& event, const std::string& now) {
  Result<SqlRows> found =
      connection.query("SELECT entry_id FROM practice_attachments WHERE id = ?", {id});
  if (!found.ok()) return found.error();
  if (found.value().empty()) return make_error(ErrorCode::kNotFound, "no such attachment");
  const std::int64_t entry_id = found.value().front().integer(0);
  Result<std::int64_t> deleted =
      connection.execute("DELETE FROM practice_attachments WHERE id = ?", {id});
  if (!deleted.ok()) return deleted.error();
  PracticeEvent recorded = event;
  recorded.entry_id = entry_id;
  if (Status added = insert_practice_event(connection, recorded, now); !added.ok()) return added;
  return reindex(connection, entry_id);
}

Result<std::vector<PracticeAttachment>> select_practice_attachments(SqlConnection& connection,
                                                                    std::int64_t entry_id) {
  Result<SqlRows> rows = connection.query(
      fmt::format("SELECT {} FROM practice_attachments WHERE entry_id = ? ORDER BY id",
                  kAttachmentInfoColumns),
      {entry_id});
  if (!rows.ok()) return rows.error();
  std::vector<PracticeAttachment> attachments;
  attachments.reserve(rows.value().size());
  for (SqlRow& row : rows.value()) attachments.push_back(attachment_from(row));
  return attachments;
}

Result<std::optional<PracticeAttachment>> select_practice_attachment(SqlConnection& connection,
                                                                     std::int64_t id) {
  Result<SqlRows> rows =
      connection.query(fmt::format("SELECT {}, content FROM practice_attachments WHERE id = ?",
                                   kAttachmentInfoColumns),
                       {id});
  if (!rows.ok()) return rows.error();
  if (rows.value().empty()) return std::optional<PracticeAttachment>();
  SqlRow& row = rows.value().front();
  PracticeAttachment attachment = attachment_from(row);
  attachment.content = row.take_text(8);
  return std::optional<PracticeAttachment>(std::move(attachment));
}

}  // namespace sendplan::store::detail
