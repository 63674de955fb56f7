#include "dfe/stats_json.h"

#include "stats/forecast.h"

namespace sendplan::dfe {

namespace {

nlohmann::json value_or_null(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json figure_json(const stats::Figure& figure) {
  nlohmann::json series = nlohmann::json::array();
  for (const stats::Series& one : figure.series) {
    nlohmann::json points = nlohmann::json::array();
    for (const stats::Point& point : one.points) {
      points.push_back({{"label", point.label},
                        {"year", point.year},
                        {"value", value_or_null(point.value)},
                        {"symbol", point.symbol}});
    }
    series.push_back({{"name", one.name}, {"role", one.role}, {"points", std::move(points)}});
  }
  return {{"id", figure.id},
          {"title", figure.title},
          {"subtitle", figure.subtitle},
          {"unit", stats::unit_name(figure.unit)},
          {"kind", stats::chart_kind_name(figure.kind)},
          {"source", figure.source},
          {"period", figure.period},
          {"note", figure.note},
          {"series", std::move(series)}};
}

nlohmann::json area_json(const store::StatArea& area) {
  return {
      {"code", area.code},   {"la_number", area.la_number},     {"name", area.name},
      {"level", area.level}, {"region_code", area.region_code}, {"region_name", area.region_name}};
}

nlohmann::json indicator_json(const Indicator& indicator) {
  return {{"id", indicator.id},
          {"title", indicator.title},
          {"unit", stats::unit_name(indicator.unit)},
          {"polarity", polarity_name(indicator.polarity)},
          {"group", indicator.group},
          {"source", indicator.source},
          {"note", indicator.note}};
}

nlohmann::json profile_json(const Profile& profile) {
  nlohmann::json facts = nlohmann::json::array();
  for (const stats::KeyFact& fact : profile.report.facts) {
    facts.push_back({{"label", fact.label},
                     {"value", fact.value},
                     {"comparison", fact.comparison},
                     {"source", fact.source}});
  }
  nlohmann::json figures = nlohmann::json::array();
  for (const stats::Figure& figure : profile.report.figures) figures.push_back(figure_json(figure));
  nlohmann::json neighbours = nlohmann::json::array();
  for (const store::StatArea& area : profile.neighbours) neighbours.push_back(area_json(area));
  nlohmann::json body = {{"area", area_json(profile.area)},
                         {"title", profile.report.title},
                         {"generated_at", profile.report.generated_at},
                         {"neighbours", std::move(neighbours)},
                         {"facts", std::move(facts)},
                         {"figures", std::move(figures)},
                         {"notes", profile.report.notes},
                         {"attribution", profile.report.attribution},
                         {"forecast", nullptr},
                         {"backtest", nullptr}};
  if (profile.forecast) {
    nlohmann::json years = nlohmann::json::array();
    for (const stats::ForecastPoint& point : profile.forecast->total) {
      years.push_back({{"year", point.year},
                       {"plans", point.value},
                       {"low", point.low},
                       {"high", point.high},
                       {"cost", point.value * profile.forecast->cost_per_plan}});
    }
    body["forecast"] = {{"years", std::move(years)},
                        {"cost_per_plan", profile.forecast->cost_per_plan},
                        {"cost_basis", profile.forecast->cost_basis},
                        {"needs_period", profile.forecast->needs_period}};
  }
  if (profile.backtest) {
    nlohmann::json horizons = nlohmann::json::array();
    for (const stats::HorizonError& horizon : profile.backtest->horizons) {
      horizons.push_back({{"horizon", horizon.horizon},
                          {"cases", horizon.cases},
                          {"mape", horizon.mape},
                          {"mean_error", horizon.mean_error}});
    }
    body["backtest"] = {{"origins", profile.backtest->origins}, {"horizons", std::move(horizons)}};
  }
  return body;
}

nlohmann::json inspections_json(const InspectionSummary& summary) {
  auto shares_json = [](const OutcomeShares& shares) {
    nlohmann::json outcomes = nlohmann::json::array();
    for (int outcome = 1; outcome <= 3; ++outcome) {
      outcomes.push_back(
          {{"outcome", outcome},
           {"areas", shares.at_outcome[outcome]},
           {"percent", shares.inspected == 0 ? nlohmann::json(nullptr)
                                             : nlohmann::json(100.0 * shares.at_outcome[outcome] /
                                                              shares.inspected)}});
    }
    return nlohmann::json{
        {"name", shares.name}, {"inspected", shares.inspected}, {"outcomes", outcomes}};
  };
  nlohmann::json areas = nlohmann::json::array();
  for (const AreaInspection& area : summary.areas) {
    areas.push_back(
        {{"area_code", area.area_code},
         {"name", area.area_name},
         {"london", in_london(area.area_code, area.region_code)},
         {"started", area.started},
         {"published", area.published},
         {"outcome", area.outcome == 0 ? nlohmann::json(nullptr) : nlohmann::json(area.outcome)},
         {"outcome_text", area.outcome_text},
         {"link", area.link}});
  }
  return {{"areas", std::move(areas)},
          {"london", shares_json(summary.london)},
          {"england", shares_json(summary.england)},
          {"london_2016",
           {{"inspected", summary.inspected_2016},
            {"written_statements", summary.written_statements_2016}}},
          {"source",
           "Ofsted and CQC area SEND inspection reports, 2023 framework (community scrape of "
           "the reports; verify before high-stakes use); Ofsted official statistics for the "
           "2016-2022 framework"}};
}

}  // namespace sendplan::dfe
