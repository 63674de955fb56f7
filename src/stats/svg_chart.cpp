// Drawing a Figure as SVG: scales, axes, the series (lines, band, bars) and the legend. The
// drawing rules are listed in the header.
#include "stats/svg_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <utility>

#include "core/text.h"

namespace sendplan::stats {
namespace {

// Okabe and Ito's colour-blind-safe palette, ordered for a white background (yellow last).
constexpr std::array<const char*, 8> kPalette = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                                 "#E69F00", "#56B4E9", "#000000", "#F0E442"};
constexpr const char* kBandGrey = "#999999";
constexpr double kCharWidth = 6.2;  // average width of one character at font-size 11
constexpr double kLegendRowHeight = 18;
constexpr double kAxisLabelHeight = 22;

std::string px(double value) {
  return fmt::format("{:.1f}", value);
}

// Characters (not bytes) of UTF-8 text, for width estimates.
double text_width(const std::string& text) {
  size_t characters = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;
  }
  return static_cast<double>(characters) * kCharWidth;
}

// The series by how they are drawn.
struct Roles {
  std::vector<const Series*> drawn;  // lines or bars, in figure order
  const Series* low = nullptr;       // the band, when both bounds exist
  const Series* high = nullptr;
};

Roles classify(const Figure& figure) {
  Roles roles;
  for (const Series& series : figure.series) {
    if (series.role == "low" && roles.low == nullptr) roles.low = &series;
    if (series.role == "high" && roles.high == nullptr) roles.high = &series;
  }
  if (roles.low == nullptr || roles.high == nullptr) roles.low = roles.high = nullptr;
  for (const Series& series : figure.series) {
    if (&series != roles.low && &series != roles.high) roles.drawn.push_back(&series);
  }
  return roles;
}

const char* colour_of(size_t drawn_index) {
  return kPalette[drawn_index % kPalette.size()];
}

std::string band_colour(const Roles& roles) {
  for (size_t i = 0; i < roles.drawn.size(); ++i) {
    if (roles.drawn[i]->role == "forecast") return colour_of(i);
  }
  return kBandGrey;
}

// A linear map from data values to pixels.
struct Scale {
  double domain_low = 0;
  double domain_high = 1;
  double pixel_low = 0;
  double pixel_high = 1;

  double operator()(double value) const {
    if (domain_high == domain_low) return (pixel_low + pixel_high) / 2;
    return pixel_low + (value - domain_low) / (domain_high - domain_low) * (pixel_high - pixel_low);
  }
};

struct Plot {
  double left = 0, right = 0, top = 0, bottom = 0;  // the plotting area, in pixels
};

// --- Legend ----------------------------------------------------------------------------------

enum class Swatch { kLine, kDashedLine, kBlock, kBand };

struct LegendItem {
  std::string label;
  std::string colour;
  Swatch swatch = Swatch::kLine;
  double x = 0;  // placed by place_legend
  int row = 0;
};

// Places items left to right, wrapping into rows; returns the number of rows.
int place_legend(std::vector<LegendItem>& items, double left, double right) {
  double x = left;
  int row = 0;
  for (LegendItem& item : items) {
    const double width = 22 + text_width(item.label) + 16;
    if (x > left && x + width > right) {
      x = left;
      ++row;
    }
    item.x = x;
    item.row = row;
    x += width;
  }
  return items.empty() ? 0 : row + 1;
}

std::string draw_legend(const std::vector<LegendItem>& items, double top) {
  std::string svg = "<g class=\"legend\">";
  for (const LegendItem& item : items) {
    const double y = top + item.row * kLegendRowHeight;
    switch (item.swatch) {
      case Swatch::kLine:
      case Swatch::kDashedLine:
        svg += fmt::format(
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2.5\"{}/>",
            px(item.x), px(y), px(item.x + 16), px(y), item.colour,
            item.swatch == Swatch::kDashedLine ? " stroke-dasharray=\"4 3\"" : "");
        break;
      case Swatch::kBlock:
      case Swatch::kBand:
        svg += fmt::format(
            "<rect class=\"swatch\" x=\"{}\" y=\"{}\" width=\"16\" height=\"10\" fill=\"{}\"{}/>",
            px(item.x), px(y - 5), item.colour,
            item.swatch == Swatch::kBand ? " fill-opacity=\"0.25\"" : "");
        break;
    }
    svg += fmt::format("<text x=\"{}\" y=\"{}\" dominant-baseline=\"middle\">{}</text>",
                       px(item.x + 22), px(y), html_escape(item.label));
  }
  return svg + "</g>";
}

std::vector<LegendItem> legend_items(const Figure& figure, const Roles& roles) {
  const bool bars = figure.kind != ChartKind::kLine;
  std::vector<LegendItem> items;
  for (size_t i = 0; i < roles.drawn.size(); ++i) {
    Swatch swatch = bars ? Swatch::kBlock : Swatch::kLine;
    if (!bars && roles.drawn[i]->role == "forecast") swatch = Swatch::kDashedLine;
    items.push_back({roles.drawn[i]->name, colour_of(i), swatch});
  }
  if (!bars && roles.low != nullptr) {
    items.push_back(
        {roles.low->name + " to " + roles.high->name, band_colour(roles), Swatch::kBand});
  }
  return items;
}

// --- Value axis --------------------------------------------------------------------------------

// The value range that bars or lines need (always including zero).
std::pair<double, double> value_range(const Figure& figure, const Roles& roles,
                                      const std::vector<std::string>& categories) {
  double low = 0;
  double high = 0;
  auto include = [&](double value) {
    if (!std::isfinite(value)) return;
    low = std::min(low, value);
    high = std::max(high, value);
  };
  if (figure.kind == ChartKind::kLine) {
    std::vector<const Series*> all = roles.drawn;
    if (roles.low != nullptr) all.insert(all.end(), {roles.low, roles.high});
    for (const Series* series : all) {
      for (const Point& point : series->points) {
        if (point.value) include(*point.value);
      }
    }
  } else {
    for (const std::string& category : categories) {
      double up = 0;
      double down = 0;
      for (const Series* series : roles.drawn) {
        for (const Point& point : series->points) {
          if (point.label != category || !point.value) continue;
          if (figure.kind == ChartKind::kBar) include(*point.value);
          (*point.value >= 0 ? up : down) += *point.value;
          break;
        }
      }
      if (figure.kind == ChartKind::kStackedBar) {
        include(up);
        include(down);
      }
    }
  }
  return {low, high};
}

std::string draw_value_axis(const std::vector<double>& ticks, Unit unit, const Plot& plot,
                            const Scale& y) {
  const std::vector<std::string> labels = axis_labels(ticks, unit);
  std::string svg = "<g class=\"y-axis\">";
  for (size_t i = 0; i < ticks.size(); ++i) {
    const double at = y(ticks[i]);
    const bool zero = ticks[i] == 0;
    svg += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>"
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" dominant-baseline=\"middle\">{}</text>",
        px(plot.left), px(at), px(plot.right), px(at), zero ? "#333333" : "#dddddd",
        px(plot.left - 6), px(at), html_escape(labels[i]));
  }
  return svg + "</g>";
}

// Text no wider than `width` pixels, shortened with "…" (whole UTF-8 characters kept).
std::string fit_text(const std::string& text, double width) {
  if (text_width(text) <= width) return text;
  std::string shortened;
  for (char c : text) {
    const bool starts_character = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (starts_character && text_width(shortened) + 2 * kCharWidth > width) break;
    shortened += c;
  }
  return shortened + "…";
}

// Labels under the plot at the given pixel positions; every k-th label when they would overlap.
std::string draw_category_axis(const std::vector<std::pair<double, std::string>>& labels,
                               double slot_width, bool thin, const Plot& plot) {
  std::string svg = "<g class=\"x-axis\">";
  size_t every = 1;
  if (thin && !labels.empty()) {
    double widest = 0;
    for (const auto& [x, text] : labels) widest = std::max(widest, text_width(text) + 10);
    every = std::max<size_t>(1, static_cast<size_t>(std::ceil(widest / std::max(slot_width, 1.0))));
  }
  for (size_t i = 0; i < labels.size(); i += every) {
    const auto& [x, text] = labels[i];
    const std::string shown = thin ? text : fit_text(text, slot_width - 4);
    svg +=
        fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">", px(x), px(plot.bottom + 15));
    if (shown != text) svg += "<title>" + html_escape(text) + "</title>";
    svg += html_escape(shown) + "</text>";
  }
  return svg + "</g>";
}

// --- Line charts -------------------------------------------------------------------------------

double x_value(const Point& point, size_t index) {
  return point.year != 0 ? point.year : static_cast<double>(index);
}

// A series' points as (x, point), sorted by x.
std::vector<std::pair<double, const Point*>> by_x(const Series& series) {
  std::vector<std::pair<double, const Point*>> points;
  for (size_t i = 0; i < series.points.size(); ++i) {
    points.emplace_back(x_value(series.points[i], i), &series.points[i]);
  }
  std::stable_sort(points.begin(), points.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  return points;
}

std::string draw_line(const Series& series, const char* colour, const Scale& x, const Scale& y) {
  std::string path;
  std::string dots;
  std::vector<std::pair<double, double>> run;
  auto end_run = [&] {
    if (run.size() == 1) {
      dots += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3\" fill=\"{}\"/>", px(run[0].first),
                          px(run[0].second), colour);
    } else if (run.size() > 1) {
      for (size_t i = 0; i < run.size(); ++i) {
        path += fmt::format("{}{} {}", i == 0 ? (path.empty() ? "M" : " M") : " L",
                            px(run[i].first), px(run[i].second));
      }
    }
    run.clear();
  };
  for (const auto& [at, point] : by_x(series)) {
    if (point->value && std::isfinite(*point->value)) {
      run.emplace_back(x(at), y(*point->value));
    } else {
      end_run();
    }
  }
  end_run();
  std::string svg;
  if (!path.empty()) {
    svg += fmt::format(
        "<path class=\"series\" d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{}/>", path,
        colour, series.role == "forecast" ? " stroke-dasharray=\"6 4\"" : "");
  }
  return svg + dots;
}

// The band between `low` and `high`: one closed <path class="band"> per run of x positions where
// both bounds have a value.
std::string draw_band(const Series& low, const Series& high, const std::string& colour,
                      const Scale& x, const Scale& y) {
  std::map<double, std::pair<std::optional<double>, std::optional<double>>> bounds;
  for (const auto& [at, point] : by_x(low)) bounds[at].first = point->value;
  for (const auto& [at, point] : by_x(high)) bounds[at].second = point->value;
  std::string svg;
  std::vector<std::array<double, 3>> run;  // x, y of low, y of high (pixels)
  auto end_run = [&] {
    if (run.empty()) return;
    std::string d = fmt::format("M{} {}", px(run[0][0]), px(run[0][1]));
    for (size_t i = 1; i < run.size(); ++i)
      d += fmt::format(" L{} {}", px(run[i][0]), px(run[i][1]));
    for (size_t i = run.size(); i-- > 0;) d += fmt::format(" L{} {}", px(run[i][0]), px(run[i][2]));
    svg += fmt::format(
        "<path class=\"band\" d=\"{} Z\" fill=\"{}\" fill-opacity=\"0.25\" stroke=\"{}\" "
        "stroke-opacity=\"0.25\"/>",
        d, colour, colour);
    run.clear();
  };
  for (const auto& [at, pair] : bounds) {
    if (pair.first && pair.second && std::isfinite(*pair.first) && std::isfinite(*pair.second)) {
      run.push_back({x(at), y(*pair.first), y(*pair.second)});
    } else {
      end_run();
    }
  }
  end_run();
  return svg;
}

std::string draw_line_chart(const Figure& figure, const Roles& roles, const Plot& plot,
                            const Scale& y) {
  std::map<double, std::string> x_labels;  // first label seen at each x
  for (const Series& series : figure.series) {
    for (size_t i = 0; i < series.points.size(); ++i) {
      const Point& point = series.points[i];
      const std::string text = !point.label.empty() ? point.label
                               : point.year != 0    ? std::to_string(point.year)
                                                    : std::to_string(i + 1);
      x_labels.emplace(x_value(point, i), text);
    }
  }
  const double inset = 12;  // keeps the end points off the axes
  const Scale x{x_labels.begin()->first, x_labels.rbegin()->first, plot.left + inset,
                plot.right - inset};
  std::vector<std::pair<double, std::string>> labels;
  for (const auto& [at, text] : x_labels) labels.emplace_back(x(at), text);
  const double slot = x_labels.size() > 1 ? (plot.right - plot.left - 2 * inset) /
                                                static_cast<double>(x_labels.size() - 1)
                                          : plot.right - plot.left;
  std::string svg = draw_category_axis(labels, slot, true, plot);
  if (roles.low != nullptr) svg += draw_band(*roles.low, *roles.high, band_colour(roles), x, y);
  for (size_t i = 0; i < roles.drawn.size(); ++i)
    svg += draw_line(*roles.drawn[i], colour_of(i), x, y);
  return svg;
}

// --- Bar charts --------------------------------------------------------------------------------

std::vector<std::string> categories_of(const Roles& roles) {
  std::vector<std::string> categories;
  if (roles.drawn.empty()) return categories;
  for (const Point& point : roles.drawn.front()->points) {
    if (std::find(categories.begin(), categories.end(), point.label) == categories.end()) {
      categories.push_back(point.label);
    }
  }
  return categories;
}

const Point* point_labelled(const Series& series, const std::string& label) {
  for (const Point& point : series.points) {
    if (point.label == label) return &point;
  }
  return nullptr;
}

std::string draw_bar(double x, double width, double from, double to, const char* colour,
                     const Scale& y) {
  const double top = std::min(y(from), y(to));
  const double height = std::fabs(y(to) - y(from));
  return fmt::format(
      "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>", px(x),
      px(top), px(width), px(height), colour);
}

std::string draw_bar_chart(const Figure& figure, const Roles& roles,
                           const std::vector<std::string>& categories, const Plot& plot,
                           const Scale& y) {
  const double slot = (plot.right - plot.left) / static_cast<double>(categories.size());
  const double inner = slot * 0.8;
  const bool stacked = figure.kind == ChartKind::kStackedBar;
  const double bar_width =
      stacked ? inner : inner / static_cast<double>(std::max<size_t>(1, roles.drawn.size()));
  std::vector<std::pair<double, std::string>> labels;
  std::string svg;
  for (size_t c = 0; c < categories.size(); ++c) {
    const double slot_left = plot.left + slot * static_cast<double>(c);
    labels.emplace_back(slot_left + slot / 2, categories[c]);
    double up = 0;
    double down = 0;
    for (size_t s = 0; s < roles.drawn.size(); ++s) {
      const double x = slot_left + slot * 0.1 + (stacked ? 0 : bar_width * static_cast<double>(s));
      const Point* point = point_labelled(*roles.drawn[s], categories[c]);
      if (point == nullptr) continue;
      if (!point->value || !std::isfinite(*point->value)) {
        if (!point->symbol.empty() && !stacked) {
          svg += fmt::format(
              "<text class=\"missing\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
              px(x + bar_width / 2), px(y(0) - 3), html_escape(point->symbol));
        }
        continue;
      }
      const double value = *point->value;
      if (!stacked) {
        svg += draw_bar(x, bar_width, 0, value, colour_of(s), y);
      } else {
        double& base = value >= 0 ? up : down;
        svg += draw_bar(x, bar_width, base, base + value, colour_of(s), y);
        base += value;
      }
    }
  }
  return draw_category_axis(labels, slot, false, plot) + svg;
}

std::string svg_open(const Figure& figure, SvgSize size) {
  const std::string id = html_escape("chart-" + figure.id);
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
      "role=\"img\" aria-labelledby=\"{}-title\" font-family=\"system-ui, sans-serif\" "
      "font-size=\"11\" fill=\"#333333\"><title id=\"{}-title\">{}</title>",
      size.width, size.height, size.width, size.height, id, id, html_escape(figure.title));
  if (!figure.subtitle.empty()) svg += "<desc>" + html_escape(figure.subtitle) + "</desc>";
  return svg;
}

bool has_value(const std::vector<const Series*>& series) {
  for (const Series* one : series) {
    for (const Point& point : one->points) {
      if (point.value && std::isfinite(*point.value)) return true;
    }
  }
  return false;
}

// The multiplier 10^exponent, exact for negative exponents by dividing.
double power_of_ten(int exponent) {
  return exponent >= 0 ? std::pow(10.0, exponent) : 1 / std::pow(10.0, -exponent);
}

}  // namespace

std::vector<double> nice_ticks(double low, double high, int max_ticks) {
  if (!std::isfinite(low) || !std::isfinite(high)) return {0.0, 1.0};
  if (low > high) std::swap(low, high);
  if (low == high) {
    if (high > 0)
      low = 0;
    else if (low < 0)
      high = 0;
    else
      high = 1;
  }
  max_ticks = std::max(max_ticks, 2);
  constexpr double kSlack = 1e-9;  // so 3000.0000000001 still counts as 3000
  int exponent = static_cast<int>(std::floor(std::log10((high - low) / (max_ticks - 1))));
  for (;; ++exponent) {
    for (int mantissa : {1, 2, 5}) {
      // step = mantissa·10^exponent; k·step computed as k·mantissa·10^exponent for exactness.
      const double unit = power_of_ten(exponent);
      const double step = mantissa * unit;
      const auto first = static_cast<long long>(std::floor(low / step + kSlack));
      const auto last = static_cast<long long>(std::ceil(high / step - kSlack));
      if (last - first + 1 > max_ticks) continue;
      std::vector<double> ticks;
      for (long long k = first; k <= last; ++k) {
        const double tick = exponent >= 0
                                ? static_cast<double>(k * mantissa) * unit
                                : static_cast<double>(k * mantissa) / power_of_ten(-exponent);
        ticks.push_back(tick == 0 ? 0.0 : tick);
      }
      return ticks;
    }
  }
}

std::vector<std::string> axis_labels(const std::vector<double>& ticks, Unit unit) {
  double largest = 0;
  for (double tick : ticks) largest = std::max(largest, std::fabs(tick));
  double divisor = 1;
  const char* suffix = "";
  if (unit == Unit::kPounds && largest >= 1e6) {
    divisor = 1e6;
    suffix = "m";
  } else if (unit == Unit::kPounds && largest >= 1e4) {
    divisor = 1e3;
    suffix = "k";
  }
  const double step = ticks.size() >= 2 ? (ticks[1] - ticks[0]) / divisor : 1;
  const int decimals =
      step >= 1 || step <= 0 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  const double rounding = power_of_ten(decimals);
  std::vector<std::string> labels;
  for (double tick : ticks) {
    const double rounded = std::round(tick / divisor * rounding) / rounding;
    if (*suffix != '\0' && rounded != 0) {  // zero is "£0", not "£0m"
      labels.push_back((rounded < 0 ? "-£" : "£") + format_value(std::fabs(rounded), Unit::kCount) +
                       suffix);
    } else {
      labels.push_back(format_value(rounded, unit));
    }
  }
  return labels;
}

std::string render_svg_chart(const Figure& figure, SvgSize size) {
  const double width = size.width;
  const double height = size.height;
  const Roles roles = classify(figure);
  std::vector<const Series*> all = roles.drawn;
  if (roles.low != nullptr && figure.kind == ChartKind::kLine)
    all.insert(all.end(), {roles.low, roles.high});
  const std::vector<std::string> categories =
      figure.kind == ChartKind::kLine ? std::vector<std::string>{} : categories_of(roles);
  if (!has_value(all) || (figure.kind != ChartKind::kLine && categories.empty())) {
    return svg_open(figure, size) + fmt::format(
                                        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" "
                                        "font-size=\"14\">No data</text></svg>",
                                        px(width / 2), px(height / 2));
  }

  std::vector<LegendItem> legend = legend_items(figure, roles);
  Plot plot;
  plot.left = 70;
  plot.right = width - 16;
  plot.top = 12;
  const int legend_rows = place_legend(legend, plot.left, plot.right);
  plot.bottom = height - kAxisLabelHeight - legend_rows * kLegendRowHeight - 8;

  const auto [low, high] = value_range(figure, roles, categories);
  const std::vector<double> ticks = nice_ticks(low, high);
  const Scale y{ticks.front(), ticks.back(), plot.bottom, plot.top};

  std::string svg = svg_open(figure, size);
  svg += draw_value_axis(ticks, figure.unit, plot, y);
  svg += figure.kind == ChartKind::kLine ? draw_line_chart(figure, roles, plot, y)
                                         : draw_bar_chart(figure, roles, categories, plot, y);
  svg += draw_legend(legend, plot.bottom + kAxisLabelHeight + 12);
  return svg + "</svg>";
}

}  // namespace sendplan::stats
