#include "dfe/needs.h"

namespace sendplan::dfe {

const std::vector<NeedType>& need_types() {
  static const std::vector<NeedType> list = {
      {"asd", "Autistic spectrum disorder", "number_asd"},
      {"slcn", "Speech, language and communication needs", "number_slcn"},
      {"semh", "Social, emotional and mental health", "number_semh"},
      {"mld", "Moderate learning difficulty", "number_mld"},
      {"sld", "Severe learning difficulty", "number_sld"},
      {"pmld", "Profound and multiple learning difficulty", "number_pmld"},
      {"spld", "Specific learning difficulty", "number_spld"},
      {"pd", "Physical disability", "number_pd"},
      {"hi", "Hearing impairment", "number_hi"},
      {"vi", "Visual impairment", "number_vi"},
      {"msi", "Multi-sensory impairment", "number_msi"},
      {"oth", "Other difficulty or disability", "number_oth"},
      {"unknown", "Not recorded", "number_need_unknown"},
  };
  return list;
}

}  // namespace sendplan::dfe
