#include "placements/records.h"

#include <fmt/format.h>

namespace sendplan::placements {

namespace {

Error unknown(const char* what, const std::string& code) {
  return make_error(ErrorCode::kInvalidInput,
                    fmt::format("unknown {} '{}' in the store", what, code));
}

std::string joined(const std::set<Need>& needs) {
  std::string text;
  for (Need need : needs) {
    if (!text.empty()) text += ';';
    text += need_code(need);
  }
  return text;
}

}  // namespace

store::ProviderRecord to_record(const Provider& p) {
  store::ProviderRecord r;
  r.id = p.id;
  r.urn = p.urn;
  r.name = p.name;
  r.type = provider_type_code(p.type);
  r.la_number = p.la_number;
  r.local_authority = p.local_authority;
  r.postcode = p.postcode;
  if (p.location) {
    r.latitude = p.location->latitude;
    r.longitude = p.location->longitude;
  }
  r.age_low = p.age_low;
  r.age_high = p.age_high;
  r.needs = joined(p.needs);
  r.boarding = boarding_code(p.boarding);
  r.wheelchair_accessible = p.wheelchair_accessible;
  r.capacity = p.capacity;
  r.places_commissioned = p.places_commissioned;
  r.vacancies = p.vacancies;
  r.ofsted_grade = p.ofsted_grade;
  r.ofsted_date = p.ofsted_date;
  r.section41 = p.section41;
  r.source = p.source;
  r.updated_at = p.updated_at;
  return r;
}

Result<Provider> from_record(const store::ProviderRecord& r) {
  Provider p;
  p.id = r.id;
  p.urn = r.urn;
  p.name = r.name;
  std::optional<ProviderType> type = parse_provider_type(r.type);
  if (!type) return unknown("provider type", r.type);
  p.type = *type;
  p.la_number = r.la_number;
  p.local_authority = r.local_authority;
  p.postcode = r.postcode;
  if (r.latitude && r.longitude) p.location = geo::LatLon{*r.latitude, *r.longitude};
  p.age_low = r.age_low;
  p.age_high = r.age_high;
  std::size_t start = 0;
  while (start < r.needs.size()) {
    std::size_t end = r.needs.find(';', start);
    if (end == std::string::npos) end = r.needs.size();
    const std::string code = r.needs.substr(start, end - start);
    std::optional<Need> need = parse_need(code);
    if (!need) return unknown("need", code);
    p.needs.insert(*need);
    start = end + 1;
  }
  std::optional<Boarding> boarding = parse_boarding(r.boarding);
  if (!boarding) return unknown("boarding", r.boarding);
  p.boarding = *boarding;
  p.wheelchair_accessible = r.wheelchair_accessible;
  p.capacity = r.capacity;
  p.places_commissioned = r.places_commissioned;
  p.vacancies = r.vacancies;
  p.ofsted_grade = r.ofsted_grade;
  p.ofsted_date = r.ofsted_date;
  p.section41 = r.section41;
  p.source = r.source;
  p.updated_at = r.updated_at;
  return p;
}

store::PlacementRecord to_record(const Placement& p) {
  store::PlacementRecord r;
  r.id = p.id;
  r.borough = p.borough;
  r.child_ref = p.child_ref;
  r.need = need_code(p.need);
  r.age = p.age;
  r.provider_id = p.provider_id;
  r.start_date = p.start_date;
  r.end_date = p.end_date;
  r.residential = p.residential;
  r.transport_cost = p.transport_cost;
  r.distance_km = p.distance_km;
  for (const FeePeriod& period : p.fees) {
    r.fees.push_back({period.from, period.fees.education, period.fees.care, period.fees.therapy,
                      period.fees.other, period.recorded_by, period.recorded_at});
  }
  return r;
}

Result<Placement> from_record(const store::PlacementRecord& r) {
  Placement p;
  p.id = r.id;
  p.borough = r.borough;
  p.child_ref = r.child_ref;
  std::optional<Need> need = parse_need(r.need);
  if (!need) return unknown("need", r.need);
  p.need = *need;
  p.age = r.age;
  p.provider_id = r.provider_id;
  p.start_date = r.start_date;
  p.end_date = r.end_date;
  p.residential = r.residential;
  p.transport_cost = r.transport_cost;
  p.distance_km = r.distance_km;
  for (const store::FeeRecord& fee : r.fees) {
    p.fees.push_back({fee.from,
                      {fee.education, fee.care, fee.therapy, fee.other},
                      fee.recorded_by,
                      fee.recorded_at});
  }
  return p;
}

}  // namespace sendplan::placements
