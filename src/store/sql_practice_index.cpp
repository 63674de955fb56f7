// The practice repository's full-text index (sql_practice.h): the text an entry is indexed by,
// how text is cut into words (the same for the entries' text on PostgreSQL and a query's terms
// on both backends), the query text of the terms, and writing the index rows (FTS5 on SQLite, a
// weighted tsvector on PostgreSQL). The search itself: sql_practice_search.cpp.
#include <deque>
#include <set>
#include <unordered_set>
#include <utility>

#include "store/sql_practice.h"
#include "store/sql_practice_internal.h"

namespace sendplan::store::detail {

namespace {

// The attachments' text given to PostgreSQL's ts_headline (which reads the whole text for every
// hit): the passage of an entry found by words deep in its attachments starts at their start.
constexpr std::size_t kMaxPassageAttachmentBytes = 20'000;

// PostgreSQL's English stop words (tsearch_data/english.stop), which its 'english' configuration
// drops too: dropped here for both backends, so that "the plan" ranks by "plan" alone.
const std::unordered_set<std::string_view>& stop_words() {
  static const std::unordered_set<std::string_view> words = {
      "i",       "me",      "my",      "myself",   "we",         "our",    "ours",    "ourselves",
      "you",     "your",    "yours",   "yourself", "yourselves", "he",     "him",     "his",
      "himself", "she",     "her",     "hers",     "herself",    "it",     "its",     "itself",
      "they",    "them",    "their",   "theirs",   "themselves", "what",   "which",   "who",
      "whom",    "this",    "that",    "these",    "those",      "am",     "is",      "are",
      "was",     "were",    "be",      "been",     "being",      "have",   "has",     "had",
      "having",  "do",      "does",    "did",      "doing",      "a",      "an",      "the",
      "and",     "but",     "if",      "or",       "because",    "as",     "until",   "while",
      "of",      "at",      "by",      "for",      "with",       "about",  "against", "between",
      "into",    "through", "during",  "before",   "after",      "above",  "below",   "to",
      "from",    "up",      "down",    "in",       "out",        "on",     "off",     "over",
      "under",   "again",   "further", "then",     "once",       "here",   "there",   "when",
      "where",   "why",     "how",     "all",      "any",        "both",   "each",    "few",
      "more",    "most",    "other",   "some",     "such",       "no",     "nor",     "not",
      "only",    "own",     "same",    "so",       "than",       "too",    "very",    "s",
      "t",       "can",     "will",    "just",     "don",        "should", "now"};
  return words;
}

bool is_stop_word(const std::string& word) {
  return stop_words().count(word) > 0;
}

// A code point of UTF-8 text: its value and length in bytes; `valid` false for a byte that does
// not start a well-formed sequence (overlong, surrogate, beyond U+10FFFF, cut short).
struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;
  bool valid = false;
};

CodePoint decode(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char first = byte(at);
  if (first < 0x80) return {first, 1, true};
  std::size_t length = 0;
  char32_t value = 0;
  if ((first & 0xE0) == 0xC0) {
    length = 2;
    value = first & 0x1F;
  } else if ((first & 0xF0) == 0xE0) {
    length = 3;
    value = first & 0x0F;
  } else if ((first & 0xF8) == 0xF0) {
    length = 4;
    value = first & 0x07;
  } else {
    return {};
  }
  if (at + length > text.size()) return {};
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return {};
    value = (value << 6) | (byte(at + i) & 0x3F);
  }
  static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kSmallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return {};
  }
  return {value, length, true};
}

enum class CharKind { kWord, kSeparator, kQuote };

// ASCII letters and digits are word characters, '"' and the typographic double quotes are
// quotes, other ASCII separates. Beyond ASCII: the punctuation, symbol, private-use (the
// passages' markers U+E000 / U+E001), emoji and special blocks separate; the rest (letters of
// every script, combining accents, digits) are word characters.
CharKind kind_of(const CodePoint& c) {
  if (!c.valid) return CharKind::kSeparator;
  const char32_t v = c.value;
  if (v < 0x80) {
    if ((v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9'))
      return CharKind::kWord;
    return v == '"' ? CharKind::kQuote : CharKind::kSeparator;
  }
  if (v == 0x201C || v == 0x201D || v == 0x201E || v == 0x201F || v == 0xAB || v == 0xBB)
    return CharKind::kQuote;
  if (v <= 0xBF)
    return (v == 0xAA || v == 0xB5 || v == 0xBA) ? CharKind::kWord : CharKind::kSeparator;
  const std::pair<char32_t, char32_t> separators[] = {
      {0xD7, 0xD7},         // ×
      {0xF7, 0xF7},         // ÷
      {0x2000, 0x2BFF},     // punctuation, sub/superscripts, currency, arrows, maths, shapes
      {0x2E00, 0x2E7F},     // supplemental punctuation
      {0x3000, 0x303F},     // CJK symbols and punctuation
      {0xE000, 0xF8FF},     // private use
      {0xFE00, 0xFE6F},     // variation selectors, vertical and small forms
      {0xFEFF, 0xFEFF},     // byte order mark
      {0xFF00, 0xFF0F},     // full-width punctuation
      {0xFF1A, 0xFF20},     //
      {0xFF3B, 0xFF40},     //
      {0xFF5B, 0xFF65},     //
      {0xFFF0, 0xFFFF},     // specials
      {0x1F000, 0x1FAFF},   // emoji and pictographs
      {0xE0000, 0x10FFFF},  // tags, private use planes
  };
  for (const auto& [from, to] : separators) {
    if (v >= from && v <= to) return CharKind::kSeparator;
  }
  return CharKind::kWord;
}

// `text` cut to at most `max` bytes, at a character boundary.
std::string_view cut(std::string_view text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

// `text` with every character that is not a word character (kind_of) made a space, so that
// PostgreSQL's parser cuts the entries' text into the words search_terms cuts a query into
// (it would keep "route-map.png" or "hackney.gov.uk" whole, as a file or host name).
std::string words_only(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const CodePoint c = decode(text, at);
    if (kind_of(c) == CharKind::kWord) {
      out.append(text.substr(at, c.length));
    } else {
      out += ' ';
    }
    at += c.length;
  }
  return out;
}

void append_line(std::string& text, std::string_view line) {
  if (line.empty()) return;
  if (!text.empty()) text += '\n';
  text += line;
}

}  // namespace

std::string joined(const std::vector<std::string>& words, std::string_view separator) {
  std::string text;
  for (const std::string& word : words) {
    if (!text.empty()) text += separator;
    text += word;
  }
  return text;
}

// Whether `text` can be a stored value: UTF-8 without NUL (PostgreSQL refuses other text as a
// parameter; no stored value is such text, so it matches nothing on either backend).
bool storable(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const CodePoint c = decode(text, at);
    if (!c.valid || c.value == 0) return false;
    at += c.length;
  }
  return true;
}

SearchTerms search_terms(std::string_view text) {
  SearchTerms out;
  std::set<std::string> seen;  // the terms' words joined by ' '
  auto add_term = [&](std::vector<std::string> words) {
    if (words.empty() || out.terms.size() >= kMaxTerms) return;
    if (std::all_of(words.begin(), words.end(), is_stop_word)) return;
    if (!seen.insert(joined(words, " ")).second) return;
    out.terms.push_back({std::move(words)});
  };

  std::string word;
  std::vector<std::string> phrase;
  bool in_phrase = false;
  auto end_word = [&] {
    if (word.empty()) return;
    out.had_words = true;
    if (word.size() <= kMaxWordBytes) {
      if (!in_phrase) {
        add_term({word});
      } else if (phrase.size() < kMaxPhraseWords) {
        phrase.push_back(word);
      }
    }
    word.clear();
  };
  for (std::size_t at = 0; at < text.size();) {
    const CodePoint c = decode(text, at);
    switch (kind_of(c)) {
      case CharKind::kWord:
        if (c.value < 0x80) {
          const auto ascii = static_cast<char>(c.value);
          word += (ascii >= 'A' && ascii <= 'Z') ? static_cast<char>(ascii - 'A' + 'a') : ascii;
        } else {
          word.append(text.substr(at, c.length));
        }
        break;
      case CharKind::kSeparator:
        end_word();
        break;
      case CharKind::kQuote:
        end_word();
        if (in_phrase) add_term(std::move(phrase));
        phrase.clear();
        in_phrase = !in_phrase;
        break;
    }
    at += c.length;
  }
  end_word();
  if (in_phrase) add_term(std::move(phrase));  // an unclosed quote runs to the end
  return out;
}

std::string fts5_query(const std::vector<SearchTerm>& terms) {
  std::string query;
  for (const SearchTerm& term : terms) {
    if (!query.empty()) query += " OR ";
    // Words hold no '"' (a quote separates), so the string is one FTS5 phrase.
    query += '"';
    query += joined(term.words, " ");
    query += '"';
  }
  return query;
}

std::string tsquery_text(const SearchTerm& term) {
  if (term.words.size() == 1) return term.words.front();
  // Words hold no tsquery operator (& | ! ( ) < > : * ' \ and spaces separate).
  return "(" + joined(term.words, " <-> ") + ")";
}

PracticeSearchText practice_search_text(
    const PracticeEntry& entry,
    const std::vector<std::pair<std::string, std::string>>& attachments) {
  PracticeSearchText text;
  text.title = entry.title;
  text.summary = entry.summary;
  text.problem = entry.problem;
  text.actions = entry.actions;
  append_line(text.impact, entry.impact_summary);
  for (const ImpactMeasure& m : entry.impact) {
    std::string measure;
    for (const std::string* part : {&m.measure, &m.before, &m.after, &m.period, &m.source}) {
      if (part->empty()) continue;
      if (!measure.empty()) measure += ' ';
      measure += *part;
    }
    append_line(text.impact, measure);
  }
  append_line(text.impact, entry.cost_and_resources);
  append_line(text.impact, entry.how_to_adopt);
  for (const auto& [file_name, content] : attachments) {
    append_line(text.attachments, file_name);
    append_line(text.attachments, content);
  }
  std::size_t budget = kMaxIndexedBytes;
  for (std::string* part : {&text.title, &text.summary, &text.problem, &text.actions, &text.impact,
                            &text.attachments}) {
    part->resize(cut(*part, budget).size());
    budget -= part->size();
  }
  return text;
}

Status write_practice_index(SqlConnection& connection,
                            const std::vector<std::pair<std::int64_t, PracticeSearchText>>& rows,
                            bool replace) {
  SqlParams params;
  if (connection.dialect() == Dialect::kSqlite) {
    // FTS5 has no upsert: the old row goes first.
    if (replace) {
      for (const auto& [id, text] : rows) {
        Result<std::int64_t> deleted =
            connection.execute("DELETE FROM practice_search WHERE rowid = ?", {id});
        if (!deleted.ok()) return deleted.error();
      }
    }
    for (const auto& [id, text] : rows) {
      params.insert(params.end(), {id, text.title, text.summary, text.problem, text.actions,
                                   text.impact, text.attachments});
    }
    return insert_rows(
        connection,
        "INSERT INTO practice_search (rowid, title, summary, problem, actions, impact, "
        "attachments)",
        "(?, ?, ?, ?, ?, ?, ?)", 7, params);
  }
  std::deque<std::string> owned;  // the parameters point into it
  for (const auto& [id, text] : rows) {
    std::string body;
    for (const std::string* part : {&text.problem, &text.actions, &text.impact})
      append_line(body, *part);
    const std::string& title = owned.emplace_back(words_only(text.title));
    const std::string& summary = owned.emplace_back(words_only(text.summary));
    const std::string& words = owned.emplace_back(words_only(body));
    const std::string& attachments = owned.emplace_back(words_only(text.attachments));
    std::string& content = owned.emplace_back();
    for (const std::string* part :
         {&text.title, &text.summary, &text.problem, &text.actions, &text.impact})
      append_line(content, *part);
    append_line(content, cut(text.attachments, kMaxPassageAttachmentBytes));
    params.insert(params.end(), {id, title, summary, words, attachments, content});
  }
  return insert_rows(connection, "INSERT INTO practice_search (entry_id, document, content)",
                     "(?, setweight(to_tsvector('english', ?), 'A') || "
                     "setweight(to_tsvector('english', ?), 'B') || "
                     "setweight(to_tsvector('english', ?), 'C') || "
                     "setweight(to_tsvector('english', ?), 'D'), ?)",
                     6, params,
                     replace ? "ON CONFLICT (entry_id) DO UPDATE SET document = "
                               "EXCLUDED.document, content = EXCLUDED.content"
                             : "");
}

}  // namespace sendplan::store::detail
