#include "dfe/layouts.h"

namespace sendplan::dfe {

const std::vector<Layout>& layouts() {
  static const std::vector<Layout> all = [] {
    std::vector<Layout> list;
    for (auto group :
         {ees_layouts, census_layouts, lait_layouts, finance_layouts, ofsted_layouts}) {
      for (const Layout& layout : group()) list.push_back(layout);
    }
    return list;
  }();
  return all;
}

}  // namespace sendplan::dfe
