// A borough's (any area's) SEND profile from the store (profile.h): finding the area, its
// comparators (statistical neighbours, London, England), and the builder's figures compared
// across them: the indicator lines, the needs and placement mixes, funding and the inspection.
// EHC plans over time, their growth and the forecast: profile_plans.cpp.
#include "dfe/profile.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "core/text.h"
#include "dfe/area_registry.h"
#include "dfe/indicators.h"
#include "dfe/needs.h"
#include "dfe/profile_internal.h"
#include "store/store.h"

namespace sendplan::dfe {

const char* const kAttribution =
    "Contains public sector information licensed under the Open Government Licence v3.0 "
    "(Department for Education; Education and Skills Funding Agency; Ofsted; Ministry of "
    "Justice).";

namespace detail {

namespace {

std::vector<Comparator> comparators_of(const store::StatArea& area,
                                       const std::vector<store::StatArea>& neighbours) {
  std::vector<Comparator> list = {{area.name, "area", {area.code}}};
  if (!neighbours.empty()) {
    Comparator mean{
        fmt::format("Statistical neighbours (mean of {})", neighbours.size()), "neighbours", {}};
    for (const store::StatArea& neighbour : neighbours) mean.codes.push_back(neighbour.code);
    list.push_back(std::move(mean));
  }
  if (area.code != kLondonCode) list.push_back({"London", "london", {kLondonCode}});
  if (area.code != kEnglandCode) list.push_back({"England", "england", {kEnglandCode}});
  return list;
}

std::vector<std::string> all_codes(const std::vector<Comparator>& comparators) {
  std::vector<std::string> codes;
  for (const Comparator& comparator : comparators) {
    codes.insert(codes.end(), comparator.codes.begin(), comparator.codes.end());
  }
  return codes;
}

std::string period_of(const Figure& figure) {
  int first = 0;
  int last = 0;
  std::string first_label;
  std::string last_label;
  for (const Series& series : figure.series) {
    for (const Point& point : series.points) {
      if (point.year == 0) continue;
      if (first == 0 || point.year < first) {
        first = point.year;
        first_label = point.label;
      }
      if (point.year > last) {
        last = point.year;
        last_label = point.label;
      }
    }
  }
  if (first == 0) return "";
  return first == last ? first_label : fmt::format("{} to {}", first_label, last_label);
}

bool has_values(const Figure& figure) {
  for (const Series& series : figure.series) {
    for (const Point& point : series.points) {
      if (point.value) return true;
    }
  }
  return false;
}

}  // namespace

// One comparator's points: its value per year (the mean over its areas with a value, to one
// decimal place; a single area's missing value keeps its symbol).
Series series_of(const Comparator& comparator, const std::vector<AreaValue>& values) {
  struct Year {
    std::string label;
    double sum = 0;
    int count = 0;
    std::string symbol;
  };
  std::map<int, Year> years;
  for (const AreaValue& value : values) {
    if (std::find(comparator.codes.begin(), comparator.codes.end(), value.area_code) ==
        comparator.codes.end()) {
      continue;
    }
    Year& year = years[value.year];
    if (year.label.empty() || value.area_code == comparator.codes.front()) {
      year.label = value.period;
    }
    if (value.value) {
      year.sum += *value.value;
      ++year.count;
    } else if (year.symbol.empty()) {
      year.symbol = value.symbol;
    }
  }
  Series series{comparator.name, comparator.role, {}};
  for (const auto& [number, year] : years) {
    Point point{year.label, number, std::nullopt, ""};
    if (year.count == 1) {
      point.value = year.sum;
    } else if (year.count > 1) {
      // A mean is not a published figure: shown to one decimal place.
      point.value = std::round(10 * year.sum / year.count) / 10;
    } else {
      point.symbol = year.symbol.empty() ? "x" : year.symbol;
    }
    series.points.push_back(std::move(point));
  }
  return series;
}

// A headline number: money of a million or more as "£103.9m", the rest as the unit says.
std::string headline(double value, Unit unit) {
  if (unit == Unit::kPounds && std::fabs(value) >= 1e6) {
    return fmt::format("{}£{:.1f}m", value < 0 ? "-" : "", std::fabs(value) / 1e6);
  }
  return stats::format_value(value, unit);
}

ProfileBuilder::ProfileBuilder(store::Store& store, Profile& profile, const ProfileOptions& options)
    : store_(store), profile_(profile), options_(options) {
  comparators_ = comparators_of(profile.area, profile.neighbours);
}

Status ProfileBuilder::build() {
  if (Status status = plans(); !status.ok()) return status;
  for (const char* id : {"timeliness-20-weeks", "requests", "new-plans"}) {
    if (Status status = compared_line(id); !status.ok()) return status;
  }
  if (Status status = needs_mix(); !status.ok()) return status;
  if (Status status = placement_mix(); !status.ok()) return status;
  if (Status status = compared_line("placed-independent-special"); !status.ok()) return status;
  if (Status status = funding(); !status.ok()) return status;
  return inspection();
}

Result<std::vector<AreaValue>> ProfileBuilder::values(const char* id) {
  return indicator_values(store_, *find_indicator(id), all_codes(comparators_));
}

void ProfileBuilder::add(Figure figure) {
  if (!has_values(figure)) {
    profile_.report.notes.push_back(
        fmt::format("No data for \"{}\" yet: import the files of its source ({}).", figure.title,
                    figure.source));
    return;
  }
  if (figure.period.empty()) figure.period = period_of(figure);
  profile_.report.figures.push_back(std::move(figure));
}

std::string ProfileBuilder::area_name() const {
  return profile_.area.name;
}
std::string ProfileBuilder::subtitle() const {
  return fmt::format("{} against {}", area_name(),
                     profile_.neighbours.empty()
                         ? std::string("London and England")
                         : std::string("its statistical neighbours, London and England"));
}

Status ProfileBuilder::compared_line(const char* id) {
  const Indicator& indicator = *find_indicator(id);
  Result<std::vector<AreaValue>> rows = values(id);
  if (!rows.ok()) return rows.error();
  Figure figure;
  figure.id = id;
  figure.title = indicator.title;
  figure.subtitle = subtitle();
  figure.unit = indicator.unit;
  figure.kind = ChartKind::kLine;
  figure.source = indicator.source;
  figure.note = indicator.note;
  // Counts of areas of different sizes are not comparable: the area alone.
  const bool counts = indicator.unit == Unit::kCount;
  for (const Comparator& comparator : comparators_) {
    if (counts && comparator.role != "area") continue;
    figure.series.push_back(series_of(comparator, rows.value()));
  }
  if (counts) figure.subtitle = area_name();
  latest_fact(indicator, rows.value());
  add(std::move(figure));
  return {};
}

void ProfileBuilder::latest_fact(const Indicator& indicator, const std::vector<AreaValue>& rows) {
  const AreaValue* area = nullptr;
  const AreaValue* england = nullptr;
  for (const AreaValue& value : rows) {
    if (!value.value) continue;
    if (value.area_code == profile_.area.code) area = &value;
    if (value.area_code == kEnglandCode) england = &value;
  }
  if (area == nullptr) return;
  std::string comparison;
  if (england != nullptr && england->year == area->year && indicator.unit != Unit::kCount) {
    comparison = fmt::format("England {}", headline(*england->value, indicator.unit));
  }
  profile_.report.facts.push_back({fmt::format("{}, {}", indicator.title, area->period),
                                   headline(*area->value, indicator.unit), comparison,
                                   indicator.source});
}

Result<std::vector<store::StatValue>> ProfileBuilder::all_plans_values(
    const char* series, std::vector<std::string> measures) {
  store::StatQuery query;
  query.series = series;
  query.measures = std::move(measures);
  query.area_codes = all_codes(comparators_);
  query.breakdown_topic = "All EHC plans";
  query.breakdown = "All EHC plans";
  return store_.query_stat_values(query);
}

Status ProfileBuilder::needs_mix() {
  std::vector<std::string> measures;
  for (const NeedType& need : need_types()) measures.push_back(need.count_measure);
  measures.push_back("ehc_plans");
  Result<std::vector<store::StatValue>> rows =
      all_plans_values("sen2_needs_all_plans", std::move(measures));
  if (!rows.ok()) return rows.error();
  return category_mix("needs-mix", "EHC plans by primary need (% of plans)",
                      "DfE, Education, health and care plans (SEN2)", rows.value(), [&] {
                        std::vector<std::pair<std::string, std::vector<std::string>>> parts;
                        for (const NeedType& need : need_types()) {
                          parts.push_back({need.name, {need.count_measure}});
                        }
                        return parts;
                      }());
}

Status ProfileBuilder::placement_mix() {
  const std::vector<std::pair<std::string, std::vector<std::string>>> parts = {
      {"Mainstream school", {"mainstream_total"}},
      {"Special school: LA maintained, academy or free",
       {"special_la_maintained", "special_academy_free"}},
      {"Special school: independent", {"special_independent"}},
      {"Special school: non-maintained", {"special_non_maintained"}},
      {"Alternative provision or PRU", {"ap_pru_total"}},
      {"Further education and post-16", {"fe_total"}},
  };
  std::vector<std::string> measures;
  for (const auto& [name, part_measures] : parts) {
    measures.insert(measures.end(), part_measures.begin(), part_measures.end());
  }
  measures.push_back("ehcplans");
  Result<std::vector<store::StatValue>> rows =
      all_plans_values("sen2_caseload", std::move(measures));
  if (!rows.ok()) return rows.error();
  return category_mix("placement-mix", "EHC plans by type of placement (% of plans)",
                      "DfE, Education, health and care plans (SEN2)", rows.value(), parts);
}

Status ProfileBuilder::category_mix(
    const char* id, const char* title, const char* source,
    const std::vector<store::StatValue>& rows,
    const std::vector<std::pair<std::string, std::vector<std::string>>>& parts) {
  int year = 0;
  std::string period;
  for (const store::StatValue& row : rows) {
    if (row.area_code == profile_.area.code && row.year > year) {
      year = row.year;
      period = row.period;
    }
  }
  Figure figure;
  figure.id = id;
  figure.title = title;
  figure.subtitle = subtitle();
  figure.unit = Unit::kPercent;
  figure.kind = ChartKind::kBar;
  figure.source = source;
  figure.period = period.empty() ? "" : fmt::format("January {}", year);
  figure.note = "Shares computed from DfE's counts; neighbours' shares are averaged.";
  for (const Comparator& comparator : comparators_) {
    Series series{comparator.name, comparator.role, {}};
    for (const auto& [name, measures] : parts) {
      double share_sum = 0;
      int areas = 0;
      for (const std::string& code : comparator.codes) {
        double part = 0;
        double total = 0;
        int found = 0;
        for (const store::StatValue& row : rows) {
          if (row.area_code != code || row.year != year || !row.value) continue;
          if (row.measure == "ehcplans" || row.measure == "ehc_plans") {
            total = *row.value;
          } else if (std::find(measures.begin(), measures.end(), row.measure) != measures.end()) {
            part += *row.value;
            ++found;
          }
        }
        if (total > 0 && found == static_cast<int>(measures.size())) {
          share_sum += 100.0 * part / total;
          ++areas;
        }
      }
      Point point{name, 0, std::nullopt, ""};
      if (areas > 0) {
        point.value = std::round(share_sum / areas * 10) / 10;
      } else {
        point.symbol = "x";
      }
      series.points.push_back(std::move(point));
    }
    figure.series.push_back(std::move(series));
  }
  add(std::move(figure));
  return {};
}

Status ProfileBuilder::funding() {
  for (const char* id : {"high-needs-block", "dsg-balance", "high-needs-spend-per-head"}) {
    const Indicator& indicator = *find_indicator(id);
    Result<std::vector<AreaValue>> rows = values(id);
    if (!rows.ok()) return rows.error();
    Figure figure;
    figure.id = id;
    figure.title = indicator.title;
    figure.unit = indicator.unit;
    figure.source = indicator.source;
    figure.note = indicator.note;
    const bool totals = std::string(id) == "high-needs-block";
    figure.subtitle = totals ? area_name() : subtitle();
    for (const Comparator& comparator : comparators_) {
      if (totals && comparator.role != "area") continue;
      figure.series.push_back(series_of(comparator, rows.value()));
    }
    latest_fact(indicator, rows.value());
    add(std::move(figure));
  }
  return {};
}

Status ProfileBuilder::inspection() {
  store::StatQuery query;
  query.series = "area_send_2023";
  query.measures = {"outcome_grade", "inspection_outcome_text", "publication_date"};
  query.area_codes = {profile_.area.code};
  Result<std::vector<store::StatValue>> rows = store_.query_stat_values(query);
  if (!rows.ok()) return rows.error();
  std::string period;
  for (const store::StatValue& row : rows.value()) period = std::max(period, row.period);
  std::map<std::string, std::string> latest;
  for (const store::StatValue& row : rows.value()) {
    if (row.period == period) latest[row.measure] = row.text;
  }
  if (period.empty()) {
    profile_.report.notes.push_back(fmt::format(
        "No area SEND inspection under the 2023 framework in the store for {}.", area_name()));
    return {};
  }
  static const std::map<std::string, std::string> kOutcomes = {
      {"1", "1: typically positive experiences and outcomes"},
      {"2", "2: inconsistent experiences and outcomes"},
      {"3", "3: widespread and/or systemic failings"}};
  auto outcome = kOutcomes.find(latest["outcome_grade"]);
  profile_.report.facts.push_back(
      {fmt::format("Area SEND inspection (started {})", period),
       outcome != kOutcomes.end() ? outcome->second : "not parsed from the report",
       latest["publication_date"].empty() ? ""
                                          : fmt::format("published {}", latest["publication_date"]),
       find_indicator("area-send-outcome")->source});
  if (!latest["inspection_outcome_text"].empty()) {
    profile_.report.notes.push_back(fmt::format("Area SEND inspection outcome ({}): {}", period,
                                                latest["inspection_outcome_text"]));
  }
  return {};
}

}  // namespace detail

using detail::ProfileBuilder;

Result<store::StatArea> find_area(store::Store& store, const std::string& name_or_code) {
  Result<std::vector<store::StatArea>> areas = store.list_stat_areas();
  if (!areas.ok()) return areas.error();
  const AreaRegistry registry(areas.value());
  const store::StatArea* area = registry.by_code(name_or_code);
  if (area == nullptr) area = registry.by_la_number(name_or_code);
  if (area == nullptr) area = registry.by_name(name_or_code);
  if (area == nullptr) {
    return make_error(ErrorCode::kNotFound,
                      fmt::format("no area {} in the store's statistics (names, ONS codes and "
                                  "DfE LA numbers come from the imported SEN2 files)",
                                  quoted_excerpt(name_or_code)));
  }
  return *area;
}

Result<Profile> build_profile(store::Store& store, const std::string& name_or_code,
                              const ProfileOptions& options) {
  Result<store::StatArea> area = find_area(store, name_or_code);
  if (!area.ok()) return area.error();
  Profile profile;
  profile.area = area.value();

  Result<std::vector<store::StatArea>> areas = store.list_stat_areas();
  if (!areas.ok()) return areas.error();
  const AreaRegistry registry(areas.value());
  Result<std::vector<store::StatNeighbour>> neighbours = store.list_stat_neighbours();
  if (!neighbours.ok()) return neighbours.error();
  for (const store::StatNeighbour& neighbour : neighbours.value()) {
    if (neighbour.area_code != profile.area.code) continue;
    if (const store::StatArea* found = registry.by_code(neighbour.neighbour_code)) {
      profile.neighbours.push_back(*found);
    }
  }

  Result<stats::Backtest> backtest = london_backtest(store, options.forecast);
  if (backtest.ok()) {
    profile.backtest = backtest.value();
    Result<PlansForecast> forecast = forecast_plans(store, profile.area.code, backtest.value(),
                                                    options.forecast, options.cost_per_plan);
    if (forecast.ok()) profile.forecast = std::move(forecast).value();
  }

  stats::ProfileReport& report = profile.report;
  report.title = fmt::format("SEND profile: {}", profile.area.name);
  report.area_name = profile.area.name;
  report.generated_at = options.today.empty() ? store::utc_now().substr(0, 10) : options.today;
  report.attribution = kAttribution;
  if (!profile.neighbours.empty()) {
    std::vector<std::string> names;
    for (const store::StatArea& neighbour : profile.neighbours) names.push_back(neighbour.name);
    report.notes.push_back(fmt::format(
        "Statistical neighbours (DfE children's services, May 2025), closest first: {}.",
        fmt::join(names, ", ")));
  }
  ProfileBuilder builder(store, profile, options);
  if (Status built = builder.build(); !built.ok()) return built.error();
  if (!backtest.ok()) {
    report.notes.push_back(fmt::format("No forecast: {}", backtest.error().message));
  }
  return profile;
}

}  // namespace sendplan::dfe
