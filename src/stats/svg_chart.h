// A Figure drawn as SVG (line, bar or stacked bar), for the HTML report: axes with round ticks,
// a legend, missing values as gaps (never zero), a forecast band as a shaded area.
//
// Drawing rules:
//  - colours: one per drawn series, in order, from the Okabe-Ito colour-blind-safe palette;
//  - the first series with role "low" and the first with role "high" are drawn together as one
//    shaded band (in the colour of the first "forecast" series, else grey), never as lines; a
//    "low" or "high" without its partner is drawn as an ordinary series; bar charts leave the
//    band out (the report's table still lists it);
//  - line charts: x = Point.year when non-zero, else the point's index in its series; a missing
//    value (nullopt) breaks the line into separate "M…L…" runs of one <path class="series">
//    (a run of one point is a <circle>); a year with no point at all is not a gap; role
//    "forecast" is dashed;
//  - bar charts: the categories are the labels of the first drawn series; each series has one
//    <rect class="bar"> per category with a value (matched by label), grouped side by side;
//    stacked bars stack positive values upwards and negative values downwards from zero; a
//    missing value draws no bar, only its DfE symbol at the baseline;
//  - the value axis always includes zero; its ticks come from nice_ticks;
//  - a figure with no value at all is a valid <svg> saying "No data".
// Pure: no state; safe to call from any thread.
#pragma once

#include <string>
#include <vector>

#include "stats/figure.h"

namespace sendplan::stats {

struct SvgSize {
  int width = 640;
  int height = 320;
};

// A complete <svg> element (with a <title> for screen readers). Text is XML-escaped.
std::string render_svg_chart(const Figure& figure, SvgSize size = {});

// Round axis ticks covering [low, high]: equally spaced multiples of a step from {1, 2, 5}·10^k,
// the smallest such step that needs at most `max_ticks` ticks (at least 2) with the first tick
// <= low and the last >= high. E.g. 0..3,512 -> 0, 1000, 2000, 3000, 4000. Reversed bounds are
// swapped; a zero-width range is widened to reach 0 (or 0..1 when both are 0); non-finite
// bounds give 0, 1.
std::vector<double> nice_ticks(double low, double high, int max_ticks = 6);

// The axis labels of `ticks` (as from nice_ticks): counts with thousands separators ("1,000"),
// percent with "%", pounds with "£" and, when the largest tick is at least £10,000, in thousands
// ("£500k") or, from £1,000,000, in millions ("£1.5m"), zero always "£0"; as many decimals as
// the step needs.
std::vector<std::string> axis_labels(const std::vector<double>& ticks, Unit unit);

}  // namespace sendplan::stats
