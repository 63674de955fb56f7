// Every file layout sendplan imports, recognised by its header. The EES "tidy" files of SEN2
// share one reader (layouts_ees.cpp); the school census, LAIT, high-needs finance and Ofsted
// files have their own (layouts_*.cpp).
#pragma once

#include <vector>

#include "dfe/file_reader.h"

namespace sendplan::dfe {

// All layouts, most specific first: the first that matches a file reads it.
const std::vector<Layout>& layouts();

// Each group's layouts (defined in its layouts_*.cpp).
std::vector<Layout> ees_layouts();
std::vector<Layout> census_layouts();
std::vector<Layout> lait_layouts();
std::vector<Layout> finance_layouts();
std::vector<Layout> ofsted_layouts();

}  // namespace sendplan::dfe
