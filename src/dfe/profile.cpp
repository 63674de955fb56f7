#include "dfe/profile.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "core/text.h"
#include "dfe/area_registry.h"
#include "dfe/indicators.h"
#include "dfe/needs.h"
#include "store/store.h"

namespace sendplan::dfe {

const char* const kAttribution =
    "Contains public sector information licensed under the Open Government Licence v3.0 "
    "(Department for Education; Education and Skills Funding Agency; Ofsted; Ministry of "
    "Justice).";

namespace {

using stats::ChartKind;
using stats::Figure;
using stats::KeyFact;
using stats::Point;
using stats::Series;
using stats::Unit;

// Who an area is compared with: itself, the mean of its neighbours, London, England.
struct Comparator {
  std::string name;
  std::string role;
  std::vector<std::string> codes;  // several: their mean
};

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

// A headline number: money of a million or more as "£103.9m", the rest as the unit says.
std::string headline(double value, Unit unit) {
  if (unit == Unit::kPounds && std::fabs(value) >= 1e6) {
    return fmt::format("{}£{:.1f}m", value < 0 ? "-" : "", std::fabs(value) / 1e6);
  }
  return stats::format_value(value, unit);
}

bool has_values(const Figure& figure) {
  for (const Series& series : figure.series) {
    for (const Point& point : series.points) {
      if (point.value) return true;
    }
  }
  return false;
}

class ProfileBuilder {
 public:
  ProfileBuilder(store::Store& store, Profile& profile, const ProfileOptions& options)
      : store_(store), profile_(profile), options_(options) {
    comparators_ = comparators_of(profile.area, profile.neighbours);
  }

  Status build() {
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

 private:
  Result<std::vector<AreaValue>> values(const char* id) {
    return indicator_values(store_, *find_indicator(id), all_codes(comparators_));
  }

  void add(Figure figure) {
    if (!has_values(figure)) {
      profile_.report.notes.push_back(
          fmt::format("No data for \"{}\" yet: import the files of its source ({}).", figure.title,
                      figure.source));
      return;
    }
    if (figure.period.empty()) figure.period = period_of(figure);
    profile_.report.figures.push_back(std::move(figure));
  }

  std::string area_name() const { return profile_.area.name; }
  std::string subtitle() const {
    return fmt::format("{} against {}", area_name(),
                       profile_.neighbours.empty()
                           ? std::string("London and England")
                           : std::string("its statistical neighbours, London and England"));
  }

  // The indicator for the area and its comparators, one line each.
  Status compared_line(const char* id) {
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

  // A headline: the area's newest value, with England's for comparison.
  void latest_fact(const Indicator& indicator, const std::vector<AreaValue>& rows) {
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

  Status plans() {
    const Indicator& indicator = *find_indicator("ehc-plans");
    Result<std::vector<AreaValue>> rows = values("ehc-plans");
    if (!rows.ok()) return rows.error();

    // Plans over time, with the forecast and its band.
    Figure plans;
    plans.id = "plans-over-time";
    plans.title = "EHC plans in place in January, and the forecast";
    plans.subtitle = area_name();
    plans.unit = Unit::kCount;
    plans.source = indicator.source;
    plans.note = indicator.note;
    plans.series.push_back(series_of(comparators_.front(), rows.value()));
    if (profile_.forecast) {
      Series forecast{"Forecast", "forecast", {}};
      Series low{"Forecast band: 10th percentile of past errors", "low", {}};
      Series high{"90th percentile", "high", {}};
      for (const stats::ForecastPoint& point : profile_.forecast->total) {
        const std::string label = fmt::format("{}/{:02}", point.year - 1, point.year % 100);
        forecast.points.push_back({label, point.year, std::round(point.value), ""});
        low.points.push_back({label, point.year, std::round(point.low), ""});
        high.points.push_back({label, point.year, std::round(point.high), ""});
      }
      plans.series.push_back(std::move(forecast));
      plans.series.push_back(std::move(low));
      plans.series.push_back(std::move(high));
      plans.note += (plans.note.empty() ? "" : " ") + forecast_note();
    }
    growth_fact(rows.value());
    add(std::move(plans));

    // Growth since 2015 (2015 = 100) for every comparator.
    Figure growth;
    growth.id = "plans-growth";
    growth.title = "Growth in EHC plans since January 2015 (January 2015 = 100)";
    growth.subtitle = subtitle();
    growth.unit = Unit::kRate;
    growth.source = indicator.source;
    growth.note = "Each line divided by its own January 2015 figure (statements and EHC plans).";
    for (const Comparator& comparator : comparators_) {
      // Index each area on its own 2015 before averaging neighbours.
      std::vector<AreaValue> indexed;
      for (const std::string& code : comparator.codes) {
        std::optional<double> base;
        for (const AreaValue& value : rows.value()) {
          if (value.area_code == code && value.year == 2015 && value.value) base = value.value;
        }
        if (!base || *base <= 0) continue;
        for (const AreaValue& value : rows.value()) {
          if (value.area_code != code || value.year < 2015) continue;
          AreaValue index = value;
          if (index.value) index.value = 100.0 * *index.value / *base;
          indexed.push_back(std::move(index));
        }
      }
      Series series = series_of(comparator, indexed);
      for (Point& point : series.points) {
        if (point.value) point.value = std::round(*point.value * 10) / 10;
      }
      if (!series.points.empty()) growth.series.push_back(std::move(series));
    }
    add(std::move(growth));
    if (profile_.forecast) forecast_figures();
    return {};
  }

  std::string forecast_note() const {
    const stats::Backtest& test = *profile_.backtest;
    std::string errors;
    for (const stats::HorizonError& horizon : test.horizons) {
      if (horizon.cases == 0) continue;
      errors += fmt::format("{}{} year{} ahead {:.1f}% ({} cases)", errors.empty() ? "" : ", ",
                            horizon.horizon, horizon.horizon == 1 ? "" : "s", horizon.mape,
                            horizon.cases);
    }
    return fmt::format(
        "Forecast: a constant growth rate fitted to the last {} Januaries; the band spans the "
        "10th to 90th percentile of the method's own errors when it was back-tested on every "
        "London borough's history (mean absolute error {}).",
        options_.forecast.fit_years, errors);
  }

  void growth_fact(const std::vector<AreaValue>& rows) {
    std::optional<double> base;
    const AreaValue* latest = nullptr;
    for (const AreaValue& value : rows) {
      if (value.area_code != profile_.area.code || !value.value) continue;
      if (value.year == 2015) base = value.value;
      if (latest == nullptr || value.year > latest->year) latest = &value;
    }
    if (latest == nullptr) return;
    std::string comparison;
    if (base && *base > 0) {
      comparison =
          fmt::format("{:+.0f}% since January 2015", 100.0 * (*latest->value - *base) / *base);
    }
    profile_.report.facts.insert(profile_.report.facts.begin(),
                                 {fmt::format("EHC plans in place, January {}", latest->year),
                                  stats::format_value(*latest->value, Unit::kCount), comparison,
                                  find_indicator("ehc-plans")->source});
  }

  void forecast_figures() {
    const PlansForecast& forecast = *profile_.forecast;
    if (forecast.total.empty()) return;
    const stats::ForecastPoint& last = forecast.total.back();
    profile_.report.facts.push_back(
        {fmt::format("Forecast EHC plans, January {}", last.year),
         stats::format_value(std::round(last.value), Unit::kCount),
         fmt::format("band {} to {}", stats::format_value(std::round(last.low), Unit::kCount),
                     stats::format_value(std::round(last.high), Unit::kCount)),
         "sendplan forecast from DfE SEN2"});

    if (!forecast.needs.empty()) {
      Figure needs;
      needs.id = "forecast-by-need";
      needs.title = "Forecast EHC plans by primary need";
      needs.subtitle = area_name();
      needs.unit = Unit::kCount;
      needs.kind = ChartKind::kStackedBar;
      needs.source = "sendplan forecast from DfE SEN2";
      needs.note = fmt::format(
          "The forecast total split in the shares of each primary need in {} (DfE publishes "
          "need by area for one January only, so shares are held constant).",
          forecast.needs_period);
      for (const NeedShare& need : forecast.needs) {
        Series series{need.name, "need", {}};
        for (const stats::ForecastPoint& point : forecast.total) {
          series.points.push_back(
              {std::to_string(point.year), point.year, std::round(point.value * need.share), ""});
        }
        needs.series.push_back(std::move(series));
      }
      add(std::move(needs));
    }
    if (forecast.cost_per_plan > 0) {
      Figure cost;
      cost.id = "forecast-cost";
      cost.title = "Implied high-needs cost of the forecast plans (£ a year)";
      cost.subtitle = area_name();
      cost.unit = Unit::kPounds;
      cost.source = "sendplan forecast from DfE SEN2 and ESFA DSG allocations";
      cost.note =
          fmt::format("Forecast plans × {} per plan a year: {}.",
                      stats::format_value(std::round(forecast.cost_per_plan), Unit::kPounds),
                      forecast.cost_basis);
      Series central{"Implied cost", "forecast", {}};
      Series low{"Low", "low", {}};
      Series high{"High", "high", {}};
      for (const stats::ForecastPoint& point : forecast.total) {
        const std::string label = std::to_string(point.year);
        central.points.push_back(
            {label, point.year, std::round(point.value * forecast.cost_per_plan), ""});
        low.points.push_back(
            {label, point.year, std::round(point.low * forecast.cost_per_plan), ""});
        high.points.push_back(
            {label, point.year, std::round(point.high * forecast.cost_per_plan), ""});
      }
      cost.series = {std::move(central), std::move(low), std::move(high)};
      profile_.report.facts.push_back(
          {fmt::format("Implied high-needs cost, {}", last.year),
           headline(std::round(last.value * forecast.cost_per_plan), Unit::kPounds),
           fmt::format("at {} per plan",
                       stats::format_value(std::round(forecast.cost_per_plan), Unit::kPounds)),
           "sendplan forecast"});
      add(std::move(cost));
    }
  }

  // Shares of plans by primary need in the newest January: bars per need, one per comparator.
  Status needs_mix() {
    store::StatQuery query;
    query.series = "sen2_needs_all_plans";
    for (const NeedType& need : need_types()) query.measures.push_back(need.count_measure);
    query.measures.push_back("ehc_plans");
    query.area_codes = all_codes(comparators_);
    query.breakdown_topic = "All EHC plans";
    query.breakdown = "All EHC plans";
    Result<std::vector<store::StatValue>> rows = store_.query_stat_values(query);
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

  // Shares of plans by type of placement in the newest January.
  Status placement_mix() {
    const std::vector<std::pair<std::string, std::vector<std::string>>> parts = {
        {"Mainstream school", {"mainstream_total"}},
        {"Special school: LA maintained, academy or free",
         {"special_la_maintained", "special_academy_free"}},
        {"Special school: independent", {"special_independent"}},
        {"Special school: non-maintained", {"special_non_maintained"}},
        {"Alternative provision or PRU", {"ap_pru_total"}},
        {"Further education and post-16", {"fe_total"}},
    };
    store::StatQuery query;
    query.series = "sen2_caseload";
    for (const auto& [name, measures] : parts) {
      query.measures.insert(query.measures.end(), measures.begin(), measures.end());
    }
    query.measures.push_back("ehcplans");
    query.area_codes = all_codes(comparators_);
    query.breakdown_topic = "All EHC plans";
    query.breakdown = "All EHC plans";
    Result<std::vector<store::StatValue>> rows = store_.query_stat_values(query);
    if (!rows.ok()) return rows.error();
    return category_mix("placement-mix", "EHC plans by type of placement (% of plans)",
                        "DfE, Education, health and care plans (SEN2)", rows.value(), parts);
  }

  // Bars: for each comparator, each part's share (sum of its measures) of the total, in the
  // newest year the area has. The total is "ehcplans" or "ehc_plans".
  Status category_mix(const char* id, const char* title, const char* source,
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

  Status funding() {
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

  Status inspection() {
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
         latest["publication_date"].empty()
             ? ""
             : fmt::format("published {}", latest["publication_date"]),
         find_indicator("area-send-outcome")->source});
    if (!latest["inspection_outcome_text"].empty()) {
      profile_.report.notes.push_back(fmt::format("Area SEND inspection outcome ({}): {}", period,
                                                  latest["inspection_outcome_text"]));
    }
    return {};
  }

  store::Store& store_;
  Profile& profile_;
  const ProfileOptions& options_;
  std::vector<Comparator> comparators_;
};

}  // namespace

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
