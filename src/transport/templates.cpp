// The input templates (see templates.h). Keep them in step with readers.h.
#include "transport/templates.h"

namespace sendplan::transport {

std::string pupils_template() {
  return "pupil_id,borough,home_lat,home_lon,home_easting,home_northing,home_postcode,school_id,"
         "wheelchair,passenger_assistant,travel_alone,max_ride_minutes,boarding_minutes,"
         "not_with,age,phase\n"
         "P001,Camden,51.5390,-0.1426,,,,S01,no,no,no,,,P002,8,\n"
         "P002,Camden,,,528500,184200,,S01,yes,yes,no,60,,,,secondary\n";
}

std::string schools_template() {
  return "school_id,name,borough,lat,lon,easting,northing,postcode,start_time,finish_time,"
         "earliest_arrival_minutes\n"
         "S01,Example Special School,Camden,51.5450,-0.1500,,,,08:50,15:20,\n"
         "S02,Sample Academy,Islington,,,531000,186000,,09:00,15:30,20\n";
}

std::string fleet_template() {
  return "vehicle_type,seats,wheelchair_spaces,available,fixed_cost_per_day,cost_per_mile,"
         "cost_per_hour,assistant_cost_per_day,depot_lat,depot_lon,depot_easting,depot_northing,"
         "depot_postcode\n"
         "minibus,8,2,4,120.00,1.20,18.50,,51.5300,-0.1200,,,\n"
         "taxi,4,0,10,60.00,1.85,15.00,90.00,,,530000,183000,\n";
}

}  // namespace sendplan::transport
