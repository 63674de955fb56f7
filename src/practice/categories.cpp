// The practice repository's vocabularies: categories, settings, primary needs and criteria.
#include "practice/categories.h"

namespace sendplan::practice {

const std::vector<Term>& categories() {
  static const std::vector<Term> list = {
      {"racial-disparities", "Reducing racial disparities",
       "Practice that narrows the gaps in identification, exclusion, placement or outcomes "
       "between ethnic groups of children and young people with SEND."},
      {"send-impact", "Impact for children with SEND",
       "Practice with a measured difference to the education, health or independence of "
       "children and young people with special educational needs and disabilities."},
      {"youth-safety", "Building safety for young Londoners",
       "Practice that keeps young Londoners with SEND safe from exploitation, violence and "
       "harm, in school, online and in the community."},
      {"workforce", "Supporting the workforce",
       "Practice that recruits, trains, develops and keeps the people who work with children "
       "and young people with SEND."},
      {"care-leavers", "Care leavers",
       "Practice that supports care leavers with SEND into education, work, a home and "
       "adult life."},
      {"edge-of-care", "Complex needs in or on the edge of care",
       "Practice for children with complex needs who are looked after or at risk of entering "
       "care, including those in residential placements."},
      {"health-services", "Delivering with health services",
       "Practice delivered jointly with the NHS: therapies, community paediatrics, CAMHS, "
       "designated clinical officers and integrated care boards."},
      {"data-for-children", "Making data speak for children",
       "Practice that uses data well: dashboards, forecasting and analysis that change "
       "decisions for children and young people with SEND."},
      {"early-intervention", "Early intervention",
       "Practice that identifies and meets needs early, in the early years and at SEN "
       "support, before they escalate."},
  };
  return list;
}

const std::vector<Term>& settings() {
  static const std::vector<Term> list = {
      {"early-years", "Early years", "Nurseries, childminders and pre-schools (ages 0 to 5)."},
      {"mainstream", "Mainstream schools",
       "Mainstream primary and secondary schools and academies."},
      {"resourced-provision", "Resourced provision and SEN units",
       "Specialist bases within mainstream schools."},
      {"special", "Special schools",
       "Maintained, academy, non-maintained and independent special schools."},
      {"alternative", "Alternative provision",
       "Pupil referral units and other alternative provision."},
      {"post-16", "Post-16",
       "Sixth forms, further education colleges, apprenticeships and "
       "supported internships."},
      {"home-community", "Home and community",
       "Families' homes, short breaks, youth services and the community."},
      {"health-care", "Health and social care",
       "Health services, children's social care and residential care."},
  };
  return list;
}

const std::vector<Term>& needs() {
  // The school census primary-need codes and names (SEN2 counts the same types).
  static const std::vector<Term> list = {
      {"SPLD", "Specific learning difficulty", "For example dyslexia, dyscalculia, dyspraxia."},
      {"MLD", "Moderate learning difficulty", "Attainment well below expected levels."},
      {"SLD", "Severe learning difficulty", "Significant intellectual or cognitive impairment."},
      {"PMLD", "Profound and multiple learning difficulty",
       "Severe learning difficulty with other significant difficulties."},
      {"SEMH", "Social, emotional and mental health",
       "Including anxiety, attachment difficulties and ADHD."},
      {"SLCN", "Speech, language and communication needs", "Difficulty communicating with others."},
      {"HI", "Hearing impairment", "From mild hearing loss to profound deafness."},
      {"VI", "Vision impairment", "From partial sight to blindness."},
      {"MSI", "Multi-sensory impairment", "A combination of vision and hearing difficulties."},
      {"PD", "Physical disability", "Physical or medical needs that affect learning."},
      {"ASD", "Autistic spectrum disorder", "Autism, including Asperger's syndrome."},
      {"OTH", "Other difficulty or disability", "A need that no other code describes."},
      {"NSA", "SEN support but no specialist assessment of type of need",
       "Needs at SEN support not yet assessed."},
  };
  return list;
}

const std::vector<Term>& criteria() {
  static const std::vector<Term> list = {
      {"innovation", "Innovation", "New, or new to London, and creative in its approach."},
      {"impact", "Impact", "The difference it made for children, young people and families."},
      {"evidence", "Evidence", "How well the impact is measured and shown."},
      {"transferability", "Transferability",
       "How easily another borough could adopt it, and at what cost."},
  };
  return list;
}

const Term* find_term(const std::vector<Term>& terms, const std::string& key) {
  for (const Term& term : terms)
    if (term.key == key) return &term;
  return nullptr;
}

std::string term_title(const std::vector<Term>& terms, const std::string& key) {
  const Term* term = find_term(terms, key);
  return term != nullptr ? term->title : key;
}

}  // namespace sendplan::practice
