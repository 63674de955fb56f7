// The practice repository's vocabularies: the 9 Practice Spotlight categories of London's
// regional SEND programme, the settings a practice serves, the primary-need codes (DfE's SEN2 /
// school census codes) and the review criteria. Keys are stable (stored and used in the API);
// titles are what people read.
#pragma once

#include <string>
#include <vector>

namespace sendplan::practice {

struct Term {
  std::string key;    // "racial-disparities"
  std::string title;  // "Reducing racial disparities"
  std::string description;
};

// The 9 categories, in the order the programme lists them.
const std::vector<Term>& categories();
// Settings: "early-years", "mainstream", "resourced-provision", "special", "alternative",
// "post-16", "home-community", "health-care".
const std::vector<Term>& settings();
// Primary-need codes: SPLD, MLD, SLD, PMLD, SEMH, SLCN, HI, VI, MSI, PD, ASD, OTH, NSA.
const std::vector<Term>& needs();
// Review criteria (scored 1-5): "innovation", "impact", "evidence", "transferability".
const std::vector<Term>& criteria();

// nullptr when `key` is not one of `terms` (keys compare exactly; need codes in upper case).
const Term* find_term(const std::vector<Term>& terms, const std::string& key);
// The title of `key` among `terms`, or the key itself when it is not one of them.
std::string term_title(const std::vector<Term>& terms, const std::string& key);

}  // namespace sendplan::practice
