// The borough profile as one self-contained HTML5 document (see the header): key facts, then per
// figure its chart, its numbers as a table with the symbols used, source, period and note.
#include "stats/report_html.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "core/text.h"
#include "stats/svg_chart.h"

namespace sendplan::stats {
namespace {

constexpr const char* kStyle = R"css(
@page { size: A4; margin: 15mm; }
body { font-family: system-ui, "Segoe UI", Arial, sans-serif; color: #1b1b1b; line-height: 1.45;
  max-width: 52rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .25rem; }
.generated, .subtitle, .source, .period, .fact-source { color: #505a5f; }
.subtitle { margin-top: 0; }
ul.facts { list-style: none; padding: 0; display: grid; gap: .75rem;
  grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); }
li.fact { border-left: 4px solid #0072B2; background: #f3f2f1; padding: .5rem .75rem; }
.fact span { display: block; }
.fact .value { font-size: 1.6rem; font-weight: 700; }
.fact .fact-source { font-size: .8rem; }
figure { margin: 1rem 0; }
svg { max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: .9rem; margin: .5rem 0; }
caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
th, td { border-bottom: 1px solid #b1b4b6; padding: .2rem .6rem; text-align: left; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
abbr { text-decoration: none; }
ul.symbols { font-size: .85rem; padding-left: 1.2rem; }
figure, table, li.fact, ul.symbols { break-inside: avoid; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  h2 { break-after: avoid; }
}
)css";

std::string paragraph(const char* css_class, const std::string& text) {
  return fmt::format("<p class=\"{}\">{}</p>\n", css_class, html_escape(text));
}

// The table's rows: one per period or category, keyed by the label (the year when there is no
// label), in year order when every point has a year, else in order of first appearance.
std::vector<std::string> row_keys(const Figure& figure) {
  struct Row {
    std::string key;
    int year;
  };
  std::vector<Row> rows;
  bool all_years = true;
  for (const Series& series : figure.series) {
    for (const Point& point : series.points) {
      all_years = all_years && point.year != 0;
      const std::string key = point.label.empty() ? std::to_string(point.year) : point.label;
      auto same = [&](const Row& row) { return row.key == key; };
      if (std::find_if(rows.begin(), rows.end(), same) == rows.end())
        rows.push_back({key, point.year});
    }
  }
  if (all_years) {
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& a, const Row& b) { return a.year < b.year; });
  }
  std::vector<std::string> keys;
  for (const Row& row : rows) keys.push_back(row.key);
  return keys;
}

const Point* point_at(const Series& series, const std::string& key) {
  for (const Point& point : series.points) {
    if ((point.label.empty() ? std::to_string(point.year) : point.label) == key) return &point;
  }
  return nullptr;
}

std::string symbol_explanation(const std::string& symbol) {
  const char* meaning = symbol_meaning(symbol);
  return meaning != nullptr ? meaning : "as published in the source";
}

// One cell: the value, DfE's symbol when missing ("-" when none was given), or nothing when the
// series has no point for this row (e.g. a forecast before its first year).
std::string table_cell(const Point* point, Unit unit, std::set<std::string>& symbols_used) {
  if (point == nullptr) return "<td class=\"num\"></td>";
  if (point->value)
    return "<td class=\"num\">" + html_escape(format_value(*point->value, unit)) + "</td>";
  const std::string symbol = point->symbol.empty() ? "-" : point->symbol;
  symbols_used.insert(symbol);
  return fmt::format("<td class=\"num\"><abbr title=\"{}\">{}</abbr></td>",
                     html_escape(symbol_explanation(symbol)), html_escape(symbol));
}

std::string symbols_list(const std::set<std::string>& used) {
  if (used.empty()) return "";
  std::vector<std::string> ordered;
  for (std::string_view known : known_symbols()) {
    if (used.count(std::string(known)) > 0) ordered.emplace_back(known);
  }
  for (const std::string& symbol : used) {
    if (symbol_meaning(symbol) == nullptr) ordered.push_back(symbol);
  }
  std::string html = "<ul class=\"symbols\" aria-label=\"Symbols used in the table\">\n";
  for (const std::string& symbol : ordered) {
    html += fmt::format("<li><b>{}</b> = {}</li>\n", html_escape(symbol),
                        html_escape(symbol_explanation(symbol)));
  }
  return html + "</ul>\n";
}

std::string numbers_table(const Figure& figure) {
  std::set<std::string> symbols_used;
  const bool by_year = figure.kind == ChartKind::kLine;
  std::string html = fmt::format(
      "<div class=\"table-wrap\">\n<table>\n<caption>{} (the numbers in the chart)</caption>\n",
      html_escape(figure.title));
  html += fmt::format("<thead><tr><th scope=\"col\">{}</th>", by_year ? "Period" : "Category");
  for (const Series& series : figure.series) {
    html += "<th scope=\"col\" class=\"num\">" + html_escape(series.name) + "</th>";
  }
  html += "</tr></thead>\n<tbody>\n";
  for (const std::string& key : row_keys(figure)) {
    html += "<tr><th scope=\"row\">" + html_escape(key) + "</th>";
    for (const Series& series : figure.series) {
      html += table_cell(point_at(series, key), figure.unit, symbols_used);
    }
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table>\n</div>\n" + symbols_list(symbols_used);
}

std::string figure_section(const Figure& figure) {
  std::string html = fmt::format("<section class=\"figure\" id=\"figure-{}\">\n<h2>{}</h2>\n",
                                 html_escape(figure.id), html_escape(figure.title));
  if (!figure.subtitle.empty()) html += paragraph("subtitle", figure.subtitle);
  html += "<figure>" + render_svg_chart(figure) + "</figure>\n";
  html += numbers_table(figure);
  html += paragraph("source", "Source: " + figure.source);
  html += paragraph("period", "Period: " + figure.period);
  if (!figure.note.empty()) html += paragraph("note", figure.note);
  return html + "</section>\n";
}

std::string key_facts(const std::vector<KeyFact>& facts) {
  if (facts.empty()) return "";
  std::string html = "<section class=\"key-facts\">\n<h2>Key facts</h2>\n<ul class=\"facts\">\n";
  for (const KeyFact& fact : facts) {
    html += fmt::format(
        "<li class=\"fact\"><span class=\"label\">{}</span><span class=\"value\">{}</span>",
        html_escape(fact.label), html_escape(fact.value));
    if (!fact.comparison.empty()) {
      html += "<span class=\"comparison\">" + html_escape(fact.comparison) + "</span>";
    }
    if (!fact.source.empty()) {
      html += "<span class=\"fact-source\">Source: " + html_escape(fact.source) + "</span>";
    }
    html += "</li>\n";
  }
  return html + "</ul>\n</section>\n";
}

std::string contents(const std::vector<Figure>& figures) {
  if (figures.size() < 2) return "";
  std::string html = "<nav aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n";
  for (const Figure& figure : figures) {
    html += fmt::format("<li><a href=\"#figure-{}\">{}</a></li>\n", html_escape(figure.id),
                        html_escape(figure.title));
  }
  return html + "</ol>\n</nav>\n";
}

}  // namespace

std::string render_profile_html(const ProfileReport& report) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  html += "<title>" + html_escape(report.title) + "</title>\n";
  html += std::string("<style>") + kStyle + "</style>\n</head>\n<body>\n";
  html += "<header>\n<h1>" + html_escape(report.title) + "</h1>\n";
  std::string generated = "Generated on " + report.generated_at;
  if (!report.area_name.empty()) generated = report.area_name + ". " + generated;
  html += paragraph("generated", generated) + "</header>\n<main>\n";
  html += key_facts(report.facts);
  html += contents(report.figures);
  for (const Figure& figure : report.figures) html += figure_section(figure);
  if (!report.notes.empty()) {
    html += "<section class=\"notes\">\n<h2>Notes</h2>\n";
    for (const std::string& note : report.notes) html += paragraph("note", note);
    html += "</section>\n";
  }
  html += "</main>\n";
  if (!report.attribution.empty())
    html += "<footer>\n" + paragraph("attribution", report.attribution) + "</footer>\n";
  return html + "</body>\n</html>\n";
}

}  // namespace sendplan::stats
