// The primary types of need SEN2 counts (number_asd, ...), with their names.
#pragma once

#include <string>
#include <vector>

namespace sendplan::dfe {

struct NeedType {
  std::string code;           // "asd", as in DfE's column names number_asd and asd_pc
  std::string name;           // "Autistic spectrum disorder"
  std::string count_measure;  // "number_asd"
};

const std::vector<NeedType>& need_types();

}  // namespace sendplan::dfe
