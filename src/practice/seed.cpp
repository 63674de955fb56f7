// The synthetic practice entries: about 60 written by hand (each clearly an example, with its
// own vocabulary so search can tell them apart) and a generator that recombines their sentences
// into large corpora for the search benchmark.
#include "practice/seed.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "core/random.h"

namespace sendplan::practice {
namespace {

struct SeedMeasure {
  const char* measure;
  const char* before;
  const char* after;
  const char* period;
  const char* source;
};

// One written entry. Boroughs are indices into the caller's list (taken modulo its size), so
// the set is the same for the same list.
struct SeedEntry {
  int borough;
  std::vector<int> partners;
  const char* title;
  const char* summary;
  std::vector<std::string> categories;
  const char* problem;
  const char* actions;
  int age_from;
  int age_to;
  std::vector<std::string> needs;
  std::vector<std::string> settings;
  std::vector<SeedMeasure> impact;
  const char* impact_summary;
  const char* cost;
  const char* adopt;
  const char* role;
  std::vector<std::string> links;
  std::vector<std::string> indicators;
  const char* started_on;
  int evidence;
  const char* state;
  const char* winner;
};

// clang-format off
const std::vector<SeedEntry>& written() {
  static const std::vector<SeedEntry> entries = {
      // ---- Impact for children with SEND ----------------------------------------------------
      {.borough = 11, .partners = {},
       .title = "Example: Twenty-week EHC needs assessment recovery plan",
       .summary = "Example entry. A weekly triage of every open EHC needs assessment, a tracker for "
                  "advice requests and extra educational psychology sessions brought the share of "
                  "plans issued within the 20-week statutory timescale from under half to over "
                  "three quarters in two years.",
       .categories = {"send-impact", "data-for-children"},
       .problem = "Requests for statutory assessment had risen by a third in three years while "
                  "casework and educational psychology capacity stayed flat. Families waited "
                  "months past the legal deadline, and late plans meant missed school places "
                  "and complaints to the Ombudsman.",
       .actions = "We set up a weekly assessment triage meeting that looks at every case by week "
                  "number; an advice tracker chases health, social care and psychology advice "
                  "at week 6; locum educational psychologists cleared the oldest cases; draft "
                  "plans are quality-checked by a senior caseworker before they go to families; "
                  "decisions to assess are made at week 6 rather than week 8.",
       .age_from = 0, .age_to = 25,
       .needs = {"ASD", "SEMH", "SLCN"},
       .settings = {"mainstream", "special", "early-years"},
       .impact = {{"EHC plans issued within 20 weeks (excluding exceptions)", "41%", "78%",
                   "2022 to 2024", "SEN2 return"},
                  {"Average weeks from request to final plan", "31", "18", "2022 to 2024",
                   "borough case management system"}},
       .impact_summary = "Timeliness rose from 41% to 78% while requests kept rising, and "
                         "complaints about late plans fell by more than half.",
       .cost = "Two locum educational psychologists for 18 months (about £310,000) and a "
               "tracker built in the existing case management system.",
       .adopt = "Start with the weekly triage and the advice tracker: they cost nothing but "
                "time. Buy in psychology capacity only for the oldest cases.",
       .role = "Head of SEND Assessment and Review",
       .links = {"https://example.org/practice/twenty-week-recovery"},
       .indicators = {"timeliness-20-weeks", "timeliness-20-weeks-excluding-exceptions",
                      "requests"},
       .started_on = "2022-04-01", .evidence = 4, .state = "winner", .winner = "send-impact"},

      {.borough = 20, .partners = {26},
       .title = "Example: Independent travel training for secondary pupils",
       .summary = "Example entry. Travel trainers teach secondary-age pupils with SEND to make "
                  "their own way to school and college by bus, train and on foot, so fewer "
                  "need a taxi or minibus and more gain independence.",
       .categories = {"send-impact"},
       .problem = "Home-to-school transport was the fastest-growing part of the SEND budget, and "
                  "many young people who could learn to travel alone were still being driven "
                  "every day, which held back their independence for college and work.",
       .actions = "A team of four travel trainers works with each young person for 6 to 12 "
                  "weeks: route planning, road safety, using a Zip Oyster photocard, what to do "
                  "if a bus is cancelled, and a graduated handover until they travel alone. "
                  "Parents sign off each stage and a travel buddy scheme pairs new travellers "
                  "with older students.",
       .age_from = 11, .age_to = 19,
       .needs = {"ASD", "MLD", "SLD"},
       .settings = {"mainstream", "special", "post-16"},
       .impact = {{"Young people travelling independently after training", "0", "146",
                   "2021 to 2024", "travel training records"},
                  {"Annual transport cost avoided", "£0", "£690,000", "2023/24",
                   "transport budget monitoring"}},
       .impact_summary = "146 young people now travel alone; nine in ten still do so a year "
                         "later, and transport spend is lower than forecast.",
       .cost = "Four travel trainers and a coordinator: about £220,000 a year, repaid by "
               "reduced taxi and minibus routes within 18 months.",
       .adopt = "Identify candidates at the Year 9 annual review and build travel training into "
                "the transport eligibility decision.",
       .role = "Travel Training Coordinator",
       .links = {},
       .indicators = {"high-needs-spend-per-head"},
       .started_on = "2021-01-11", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 4, .partners = {},
       .title = "Example: Preparing for adulthood reviews from Year 9",
       .summary = "Example entry. Every annual review from Year 9 follows a preparing for "
                  "adulthood format covering employment, independent living, friendships and "
                  "good health, with a transitions worker at each one.",
       .categories = {"send-impact"},
       .problem = "Young people reached 18 with plans that said little about life after school. "
                  "Moves to adult social care and college were planned late, and few young "
                  "people with EHC plans went on to paid work.",
       .actions = "We rewrote the annual review paperwork around the four adulthood outcomes, "
                  "trained SENCOs and college staff, added a transitions worker from adult "
                  "services to reviews from age 14, and hold a yearly futures fair with "
                  "employers, colleges and housing providers.",
       .age_from = 14, .age_to = 25,
       .needs = {"ASD", "SLD", "MLD", "PMLD"},
       .settings = {"special", "post-16", "mainstream"},
       .impact = {{"Year 9+ reviews with adulthood outcomes recorded", "22%", "91%",
                   "2021/22 to 2023/24", "annual review audit"}},
       .impact_summary = "Almost every review now records adulthood outcomes, and adult social "
                         "care knows about young people two years earlier.",
       .cost = "One transitions worker and the time to redesign paperwork.",
       .adopt = "Use the national preparing for adulthood outcomes; agree with adult services "
                "who attends which reviews.",
       .role = "Transitions Lead",
       .links = {},
       .indicators = {"ehc-plans"},
       .started_on = "2021-09-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 17, .partners = {16},
       .title = "Example: Supported internships with the hospital trust and local employers",
       .summary = "Example entry. A year-long supported internship programme places young "
                  "adults with learning disabilities in real jobs at the local hospital, a "
                  "hotel and the council, with a job coach alongside.",
       .categories = {"send-impact", "health-services"},
       .problem = "Very few young adults with EHC plans in the borough moved into paid "
                  "employment, and college courses repeated the same levels year after year.",
       .actions = "With the further education college and the NHS trust we run three "
                  "internship sites. Interns rotate through portering, catering and office "
                  "roles, job coaches fade their support over the year, and employers are "
                  "helped to make reasonable adjustments and apply for Access to Work.",
       .age_from = 16, .age_to = 24,
       .needs = {"MLD", "SLD", "ASD"},
       .settings = {"post-16"},
       .impact = {{"Interns in paid employment six months after finishing", "18%", "64%",
                   "2020/21 to 2023/24", "college destination data"}},
       .impact_summary = "Nearly two thirds of interns are in paid work six months on.",
       .cost = "Job coaches funded from the high needs block (about £9,000 an intern).",
       .adopt = "Start with one large employer willing to host a cohort of eight to ten.",
       .role = "Post-16 SEND Manager",
       .links = {},
       .indicators = {"high-needs-block"},
       .started_on = "2020-09-07", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 13, .partners = {},
       .title = "Example: Autism outreach team for mainstream primary schools",
       .summary = "Example entry. Specialist advisory teachers from our autism outreach team "
                  "visit mainstream primary schools, carry out sensory audits and coach staff, "
                  "so autistic pupils stay in their local school.",
       .categories = {"send-impact", "early-intervention"},
       .problem = "Autistic pupils in mainstream primaries were being moved onto part-time "
                  "timetables and requests for special school places were rising, often "
                  "because staff lacked confidence rather than because needs could not be met.",
       .actions = "The outreach team offers each school a termly visit, a classroom sensory "
                  "audit, visual timetables and communication tools, and a six-session staff "
                  "course. Schools can call an advisory teacher within five days when a "
                  "placement is at risk.",
       .age_from = 4, .age_to = 11,
       .needs = {"ASD", "SLCN"},
       .settings = {"mainstream"},
       .impact = {{"Autistic pupils on part-time timetables", "63", "14", "2021/22 to 2023/24",
                   "attendance returns"},
                  {"Requests for special school places from supported schools", "48", "29",
                   "2021/22 to 2023/24", "SEND panel records"}},
       .impact_summary = "Part-time timetables fell by three quarters and fewer special school "
                         "places were requested.",
       .cost = "Five advisory teachers (about £330,000 a year) traded partly to academies.",
       .adopt = "Target the schools with the most part-time timetables first.",
       .role = "Autism Outreach Team Leader",
       .links = {},
       .indicators = {"placed-mainstream", "placed-special"},
       .started_on = "2021-09-01", .evidence = 4, .state = "published", .winner = ""},

      {.borough = 30, .partners = {},
       .title = "Example: Personal budgets and direct payments for short breaks",
       .summary = "Example entry. Families choose how to spend a personal budget for short "
                  "breaks through direct payments or a prepaid card, with a brokerage service "
                  "to help them find personal assistants.",
       .categories = {"send-impact"},
       .problem = "Take-up of personal budgets was low because the process was slow, the "
                  "paperwork was hard and families could not find personal assistants.",
       .actions = "We introduced a simple resource allocation system, a prepaid card in place "
                  "of separate bank accounts, a brokerage service that keeps a register of "
                  "vetted personal assistants, and peer support from families already using "
                  "direct payments.",
       .age_from = 0, .age_to = 18,
       .needs = {"ASD", "SLD", "PMLD", "PD"},
       .settings = {"home-community"},
       .impact = {{"Families using a personal budget", "112", "340", "2020 to 2024",
                   "finance system"}},
       .impact_summary = "Three times as many families use a personal budget and satisfaction "
                         "with short breaks rose.",
       .cost = "Prepaid card contract and a brokerage worker.",
       .adopt = "Begin with the prepaid card; it removes the biggest barrier for families.",
       .role = "Short Breaks Commissioner",
       .links = {},
       .indicators = {},
       .started_on = "2020-04-01", .evidence = 2, .state = "published", .winner = ""},

      {.borough = 25, .partners = {},
       .title = "Example: Early resolution to cut SEND tribunal appeals",
       .summary = "Example entry. A disagreement resolution officer calls every family who "
                  "disputes a decision within five days, offers a meeting and independent "
                  "mediation, and most disagreements now end without a tribunal hearing.",
       .categories = {"send-impact"},
       .problem = "Appeals to the First-tier Tribunal (SEND) had doubled, most were conceded "
                  "late, and families and schools waited months for a hearing.",
       .actions = "Each refusal letter names a resolution officer; a case review is held "
                  "before any appeal response; mediation is offered by an independent provider "
                  "within two weeks; lessons from conceded appeals are fed back to the panel.",
       .age_from = 0, .age_to = 25,
       .needs = {"ASD", "SEMH", "SPLD"},
       .settings = {"mainstream", "special"},
       .impact = {{"Appeals registered per 1,000 appealable decisions", "38", "17",
                   "2021 to 2024", "Ministry of Justice tribunal statistics"}},
       .impact_summary = "Appeals fell by more than half and more disagreements settle at "
                         "mediation.",
       .cost = "One resolution officer and the mediation contract.",
       .adopt = "Call families before they appeal; review every concession.",
       .role = "SEND Disagreement Resolution Officer",
       .links = {},
       .indicators = {"appeal-rate"},
       .started_on = "2021-06-01", .evidence = 4, .state = "published", .winner = ""},

      {.borough = 8, .partners = {},
       .title = "Example: Clearing the annual review backlog with a review hub",
       .summary = "Example entry. A small annual review hub tracks every EHC plan's review "
                  "date, chases schools for paperwork and issues amended plans within four "
                  "weeks of the meeting.",
       .categories = {"send-impact"},
       .problem = "Over a thousand annual reviews were overdue. Plans no longer described "
                  "children's needs, phase transfer deadlines were missed and amendments took "
                  "months.",
       .actions = "The hub sends schools a reminder eight weeks before each review, gives "
                  "them a template, logs returned paperwork on the day it arrives and "
                  "prioritises phase transfer reviews; caseworkers only handle amendments.",
       .age_from = 2, .age_to = 25,
       .needs = {"ASD", "SEMH", "MLD", "SLCN"},
       .settings = {"mainstream", "special", "post-16"},
       .impact = {{"Annual reviews overdue", "1,080", "160", "2022 to 2024",
                   "case management system"}},
       .impact_summary = "The backlog fell by 85% and phase transfer deadlines are now met.",
       .cost = "Three review officers (about £120,000 a year).",
       .adopt = "Separate review administration from casework.",
       .role = "Annual Review Hub Manager",
       .links = {},
       .indicators = {"ehc-plans"},
       .started_on = "2022-01-04", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 9, .partners = {},
       .title = "Example: New resourced provisions for autistic pupils closer to home",
       .summary = "Example entry. Eight new resourced provision bases in mainstream schools "
                  "give autistic pupils specialist teaching close to home, reducing placements "
                  "in independent special schools outside the borough.",
       .categories = {"send-impact", "data-for-children"},
       .problem = "Independent and out-of-borough special school placements were rising, with "
                  "long journeys and fees above £60,000 a year, while mainstream schools had "
                  "no specialist bases.",
       .actions = "Using a sufficiency analysis of EHC plans by need and postcode, we opened "
                  "eight bases of 12 to 16 places in primary and secondary schools, with "
                  "capital funding, a service level agreement and outreach from a special "
                  "school.",
       .age_from = 4, .age_to = 16,
       .needs = {"ASD"},
       .settings = {"resourced-provision", "mainstream"},
       .impact = {{"New independent special school placements a year", "52", "31",
                   "2021/22 to 2023/24", "SEN2 return"}},
       .impact_summary = "Fewer independent placements and shorter journeys for pupils.",
       .cost = "£4.2m capital and top-up funding per place.",
       .adopt = "Map need by postcode before choosing host schools.",
       .role = "Head of SEND Sufficiency",
       .links = {},
       .indicators = {"placed-independent-special", "high-needs-spend-per-head-independent"},
       .started_on = "2021-09-01", .evidence = 4, .state = "published", .winner = ""},

      {.borough = 15, .partners = {},
       .title = "Example: Mileage allowances in place of taxis for home to school transport",
       .summary = "Example entry. Families who drive their own child to school receive a "
                  "mileage allowance or a personal transport budget instead of a contracted "
                  "taxi, giving them flexibility and saving money.",
       .categories = {"send-impact"},
       .problem = "Single-occupancy taxi routes were expensive and unreliable, and some "
                  "families preferred to take their child themselves but had no support to do "
                  "so.",
       .actions = "We offer a personal transport budget set from the distance and the cost of "
                  "the route it replaces, paid monthly; families can use it for fuel, a "
                  "bicycle, an escort or public transport.",
       .age_from = 4, .age_to = 19,
       .needs = {"ASD", "SLD", "PD"},
       .settings = {"special", "mainstream"},
       .impact = {{"Families using personal transport budgets", "24", "210", "2020 to 2024",
                   "transport team records"}},
       .impact_summary = "210 families use a budget and the average cost per pupil fell by a "
                         "third.",
       .cost = "Payments replace contract costs; one officer runs the scheme.",
       .adopt = "Offer the budget at the transport application, not only at complaints.",
       .role = "SEN Transport Manager",
       .links = {},
       .indicators = {},
       .started_on = "2020-09-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 28, .partners = {},
       .title = "Example: Inclusion quality mark for secondary schools",
       .summary = "Example entry. Secondary schools work towards a borough inclusion quality "
                  "mark that audits SEN support, reasonable adjustments and the curriculum, "
                  "with peer reviews between schools.",
       .categories = {"send-impact"},
       .problem = "Pupils at SEN support were more likely to be suspended and less likely to "
                  "make expected progress in secondary schools than in primary schools.",
       .actions = "A self-evaluation framework, two peer review visits a year from another "
                  "school's SENCO and senior leader, and an annual award panel.",
       .age_from = 11, .age_to = 16,
       .needs = {"SEMH", "SPLD", "MLD"},
       .settings = {"mainstream"},
       .impact = {{"Secondary schools holding the quality mark", "0", "11", "2022 to 2024",
                   "inclusion team"}},
       .impact_summary = "Eleven schools hold the mark; suspensions of pupils at SEN support "
                         "fell in those schools.",
       .cost = "An inclusion adviser's time and school staff time for peer reviews.",
       .adopt = "Recruit a first group of willing schools to shape the framework.",
       .role = "Inclusion Adviser",
       .links = {},
       .indicators = {"pupils-sen-support"},
       .started_on = "2022-01-10", .evidence = 2, .state = "published", .winner = ""},

      {.borough = 24, .partners = {25, 1},
       .title = "Example: Sensory support service for deaf and visually impaired pupils",
       .summary = "Example entry. A shared sensory support service with qualified teachers of "
                  "the deaf, qualified teachers of the visually impaired and habilitation "
                  "specialists supports pupils with hearing, vision and multi-sensory "
                  "impairment across three boroughs.",
       .categories = {"send-impact", "workforce"},
       .problem = "Each borough had too few pupils with hearing or vision impairment to employ "
                  "its own specialist teachers, and vacancies left families without support.",
       .actions = "Three boroughs pooled their sensory budgets into one service with a shared "
                  "caseload system, audiology links with the hospital, Braille and mobility "
                  "teaching, radio aids and a family sign language course.",
       .age_from = 0, .age_to = 25,
       .needs = {"HI", "VI", "MSI"},
       .settings = {"early-years", "mainstream", "special", "home-community"},
       .impact = {{"Specialist teacher vacancies", "6", "1", "2021 to 2024", "HR records"}},
       .impact_summary = "Every pupil with sensory impairment now has a named specialist teacher.",
       .cost = "Pooled budgets; no extra cost to the boroughs.",
       .adopt = "Agree a funding formula by caseload before merging.",
       .role = "Head of Sensory Support",
       .links = {},
       .indicators = {},
       .started_on = "2021-04-01", .evidence = 2, .state = "published", .winner = ""},

      {.borough = 3, .partners = {},
       .title = "Example: Dyslexia-friendly schools programme",
       .summary = "Example entry. Primary schools train staff in structured literacy and "
                  "screening for specific learning difficulties, so dyslexic pupils get help "
                  "early without waiting for an assessment.",
       .categories = {"send-impact", "early-intervention"},
       .problem = "Parents asked for EHC needs assessments for dyslexia because schools did not "
                  "recognise or support specific learning difficulties.",
       .actions = "A specialist teacher trains a literacy lead in each school, schools use a "
                  "shared screening tool in Year 2 and Year 4, and pupils receive a "
                  "structured phonics-based reading programme three times a week.",
       .age_from = 6, .age_to = 11,
       .needs = {"SPLD"},
       .settings = {"mainstream"},
       .impact = {{"Average reading age gain over two terms (months)", "4", "11",
                   "2022/23 to 2023/24", "school assessment data"}},
       .impact_summary = "Reading ages rose almost three times faster than before.",
       .cost = "A specialist teacher and licences for the screening tool.",
       .adopt = "Pick one screening tool for all schools so results compare.",
       .role = "Specialist Teacher for Literacy",
       .links = {},
       .indicators = {"pupils-sen-support"},
       .started_on = "2022-09-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 19, .partners = {12, 32},
       .title = "Example: Parent carer forum co-production charter",
       .summary = "Example entry. The parent carer forum and three boroughs wrote a "
                  "co-production charter that sets how families shape SEND strategy, the local "
                  "offer and commissioning, with parents paid for their time.",
       .categories = {"send-impact"},
       .problem = "Parents were consulted late, after decisions had been made, and trust "
                  "between families and the council was low after a critical inspection.",
       .actions = "The forum co-chairs the SEND partnership board, parents sit on every "
                  "commissioning panel, a you-said-we-did log is published each term, and "
                  "parents are paid for time spent on working groups.",
       .age_from = 0, .age_to = 25,
       .needs = {"ASD", "SEMH", "SLD", "PD"},
       .settings = {"home-community"},
       .impact = {{"Parents saying they are listened to (forum survey)", "31%", "67%",
                   "2021 to 2024", "parent carer forum survey"}},
       .impact_summary = "Twice as many parents feel listened to, and the local offer was "
                         "rebuilt with families.",
       .cost = "A participation budget of £25,000 a year.",
       .adopt = "Fund the forum to co-chair, not just attend.",
       .role = "SEND Participation Lead",
       .links = {},
       .indicators = {"area-send-outcome"},
       .started_on = "2021-03-01", .evidence = 2, .state = "published", .winner = ""},
      // ---- Reducing racial disparities ------------------------------------------------------
      {.borough = 21, .partners = {27},
       .title = "Example: Reducing exclusions of Black Caribbean boys with SEMH needs",
       .summary = "Example entry. Schools, the educational psychology service and community "
                  "organisations worked together to cut the disproportionate suspensions and "
                  "permanent exclusions of Black Caribbean boys identified with social, "
                  "emotional and mental health needs.",
       .categories = {"racial-disparities", "youth-safety"},
       .problem = "Black Caribbean boys were more than three times as likely to be permanently "
                  "excluded as their peers, and were more often identified with SEMH needs "
                  "than with speech and language or learning needs that lay underneath.",
       .actions = "Every proposed permanent exclusion of a pupil with SEND triggers an "
                  "inclusion panel; schools receive disproportionality data each term; staff "
                  "take part in cultural competence and anti-racism training; a speech and "
                  "language screen is done before any SEMH label; Black male mentors from a "
                  "community organisation work with boys at risk.",
       .age_from = 11, .age_to = 16,
       .needs = {"SEMH", "SLCN"},
       .settings = {"mainstream", "alternative"},
       .impact = {{"Permanent exclusions of Black Caribbean pupils", "27", "8",
                   "2020/21 to 2023/24", "DfE exclusions statistics"},
                  {"Disproportionality ratio of suspensions", "3.1", "1.6",
                   "2020/21 to 2023/24", "borough exclusions data"}},
       .impact_summary = "Permanent exclusions fell by 70% and the disproportionality ratio "
                         "halved.",
       .cost = "Mentoring contract (£80,000 a year) and training time.",
       .adopt = "Share ethnicity data with each school's leaders; make the panel mandatory.",
       .role = "Head of Inclusion",
       .links = {},
       .indicators = {},
       .started_on = "2020-09-01", .evidence = 4, .state = "winner",
       .winner = "racial-disparities"},

      {.borough = 14, .partners = {},
       .title = "Example: Fair autism identification for Black and minority ethnic families",
       .summary = "Example entry. Community outreach with faith groups and health visitors "
                  "narrowed the gap in autism diagnosis waits and referral rates between "
                  "ethnic groups.",
       .categories = {"racial-disparities", "health-services"},
       .problem = "Families from some Black African and South Asian communities were referred "
                  "for an autism assessment years later than White British families, and "
                  "stigma kept some from asking for help.",
       .actions = "Bilingual family workers ran drop-in sessions at mosques, churches and "
                  "community centres; the assessment clinic used culturally adapted "
                  "screening questions and interpreters; referral data are reviewed by "
                  "ethnicity every quarter.",
       .age_from = 2, .age_to = 11,
       .needs = {"ASD", "SLCN"},
       .settings = {"health-care", "home-community", "early-years"},
       .impact = {{"Median age at autism referral, Black African families (years)", "7.4",
                   "5.1", "2021 to 2024", "community paediatrics data"}},
       .impact_summary = "The referral-age gap between ethnic groups halved.",
       .cost = "Two bilingual family workers.",
       .adopt = "Break down referral and diagnosis data by ethnicity first.",
       .role = "Neurodevelopmental Pathway Manager",
       .links = {},
       .indicators = {},
       .started_on = "2021-05-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 6, .partners = {},
       .title = "Example: Disproportionality dashboard for SEN support by ethnicity",
       .summary = "Example entry. A dashboard shows each school how identification of SEN "
                  "support, EHC plans and primary need varies by ethnicity, gender and free "
                  "school meals, prompting questions at governors' meetings.",
       .categories = {"racial-disparities", "data-for-children"},
       .problem = "Schools did not know that Gypsy, Roma and Traveller and Black Caribbean "
                  "pupils were over-identified with SEMH and under-identified with autism.",
       .actions = "The school census is matched to SEND records each term; relative risk "
                  "ratios are shown with confidence intervals; SENCOs get a briefing on "
                  "reading the charts.",
       .age_from = 4, .age_to = 18,
       .needs = {"SEMH", "ASD", "MLD"},
       .settings = {"mainstream"},
       .impact = {{"Schools reviewing identification by ethnicity", "3", "46", "2022 to 2024",
                   "school survey"}},
       .impact_summary = "Most schools now review their identification by ethnicity each year.",
       .cost = "Analyst time; built with existing business intelligence tools.",
       .adopt = "Show relative risk ratios rather than raw percentages.",
       .role = "SEND Data Analyst",
       .links = {},
       .indicators = {"pupils-sen-support", "pupils-ehc-plan"},
       .started_on = "2022-02-01", .evidence = 2, .state = "published", .winner = ""},

      {.borough = 29, .partners = {},
       .title = "Example: Parent workshops on SEND in community languages",
       .summary = "Example entry. Workshops in Bengali, Somali and Turkish explain SEN support, "
                  "EHC needs assessments and parents' rights, run by trained parent champions "
                  "with interpreters.",
       .categories = {"racial-disparities", "early-intervention"},
       .problem = "Parents who speak little English rarely asked for assessments or attended "
                  "reviews, and few used the information, advice and support service.",
       .actions = "We trained 20 parent champions from local communities, translated the "
                  "local offer's key pages, ran workshops in community venues and on "
                  "WhatsApp, and offered interpreters at every meeting.",
       .age_from = 0, .age_to = 18,
       .needs = {"ASD", "SLCN", "MLD"},
       .settings = {"home-community"},
       .impact = {{"Parents attending workshops", "0", "620", "2022 to 2024",
                   "attendance registers"}},
       .impact_summary = "620 parents attended; requests from these communities now match "
                         "their share of the population.",
       .cost = "Parent champion payments and interpreters (£30,000 a year).",
       .adopt = "Recruit champions from the communities you want to reach.",
       .role = "SENDIASS Manager",
       .links = {},
       .indicators = {"requests"},
       .started_on = "2022-03-01", .evidence = 2, .state = "published", .winner = ""},

      {.borough = 5, .partners = {},
       .title = "Example: Gypsy, Roma and Traveller pupils' access to SEND support",
       .summary = "Example entry. A Traveller education outreach worker links families on "
                  "sites with schools, health services and the SEND team, improving attendance "
                  "and identification of need.",
       .categories = {"racial-disparities"},
       .problem = "Gypsy, Roma and Traveller pupils had the lowest attendance and the highest "
                  "exclusion rates, and their special educational needs were often missed.",
       .actions = "The outreach worker visits sites weekly, supports school admissions and "
                  "transport, attends reviews with families and trains schools on Traveller "
                  "culture and trust.",
       .age_from = 4, .age_to = 16,
       .needs = {"MLD", "SEMH", "SPLD"},
       .settings = {"mainstream", "home-community"},
       .impact = {{"Attendance of GRT pupils with SEND", "78%", "88%", "2021/22 to 2023/24",
                   "attendance data"}},
       .impact_summary = "Attendance rose ten points.",
       .cost = "One outreach worker.",
       .adopt = "Build trust through one consistent worker.",
       .role = "Traveller Education Lead",
       .links = {},
       .indicators = {},
       .started_on = "2021-09-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 18, .partners = {},
       .title = "Example: Anti-racist practice in educational psychology assessments",
       .summary = "Example entry. The educational psychology service reviewed its assessment "
                  "tools and reports for cultural bias and changed how it gathers the views "
                  "of families from minority ethnic backgrounds.",
       .categories = {"racial-disparities", "workforce"},
       .problem = "Standardised cognitive tests were used with pupils new to English and "
                  "reports used deficit language about families' cultures.",
       .actions = "Psychologists now use dynamic assessment, a report audit checks for biased "
                  "language, supervision includes reflective sessions on race, and families "
                  "review draft advice with an interpreter.",
       .age_from = 3, .age_to = 19,
       .needs = {"SEMH", "MLD", "SLCN"},
       .settings = {"mainstream", "special"},
       .impact = {{"Reports meeting the audit standard", "45%", "88%", "2022 to 2024",
                   "report audit"}},
       .impact_summary = "Almost all psychology advice now meets the anti-bias standard.",
       .cost = "Training and supervision time.",
       .adopt = "Audit a sample of reports before and after training.",
       .role = "Principal Educational Psychologist",
       .links = {},
       .indicators = {},
       .started_on = "2022-01-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 22, .partners = {},
       .title = "Example: Cultural mentoring for Black pupils in alternative provision",
       .summary = "Example entry. Black-led youth organisations mentor pupils in the pupil "
                  "referral unit and plan their return to mainstream school, with heritage "
                  "and identity work alongside.",
       .categories = {"racial-disparities", "youth-safety"},
       .problem = "Black pupils made up most of the pupil referral unit roll and few returned "
                  "to mainstream school.",
       .actions = "Each pupil has a mentor for two terms, a reintegration plan agreed with the "
                  "receiving school and a family worker. Mentors also run sessions on "
                  "identity, music and enterprise.",
       .age_from = 11, .age_to = 16,
       .needs = {"SEMH"},
       .settings = {"alternative"},
       .impact = {{"Pupils returning to mainstream within two terms", "9%", "37%",
                   "2021/22 to 2023/24", "PRU records"}},
       .impact_summary = "Four times as many pupils return to a mainstream school.",
       .cost = "Mentoring grants of £60,000 a year.",
       .adopt = "Commission from organisations the young people already trust.",
       .role = "Head of Alternative Provision",
       .links = {},
       .indicators = {},
       .started_on = "2021-09-01", .evidence = 3, .state = "published", .winner = ""},

      // ---- Building safety for young Londoners ----------------------------------------------
      {.borough = 10, .partners = {1},
       .title = "Example: Contextual safeguarding for young people with SEND at risk of "
                "exploitation",
       .summary = "Example entry. Youth workers and SEND caseworkers map the places where "
                  "young people with learning difficulties are groomed into county lines and "
                  "criminal exploitation, and act with transport police, shops and parks.",
       .categories = {"youth-safety", "edge-of-care"},
       .problem = "Young people with SEND were over-represented among those exploited by "
                  "county lines gangs, and safety plans focused on the family home rather than "
                  "the places where harm happened.",
       .actions = "A contextual safeguarding panel reviews hotspots monthly; detached youth "
                  "workers visit them; EHC plans include a safety section; staff use a "
                  "screening tool for communication needs when a young person is first "
                  "arrested.",
       .age_from = 12, .age_to = 18,
       .needs = {"MLD", "SLCN", "SEMH"},
       .settings = {"home-community", "alternative"},
       .impact = {{"Young people with SEND referred for criminal exploitation", "41", "26",
                   "2021/22 to 2023/24", "multi-agency safeguarding hub"}},
       .impact_summary = "Referrals fell by a third in the areas targeted.",
       .cost = "Two detached youth workers.",
       .adopt = "Start with a map of where young people spend time.",
       .role = "Contextual Safeguarding Manager",
       .links = {},
       .indicators = {},
       .started_on = "2021-10-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 27, .partners = {},
       .title = "Example: Speech and language therapy in the youth justice service",
       .summary = "Example entry. A speech and language therapist in the youth offending team "
                  "screens every young person for communication needs and helps police, "
                  "courts and case workers adapt what they say.",
       .categories = {"youth-safety", "health-services"},
       .problem = "Most young people in the youth justice service had unidentified speech, "
                  "language and communication needs, so they misunderstood court orders and "
                  "breached them.",
       .actions = "The therapist screens each young person at entry, writes a communication "
                  "passport, trains youth justice officers and magistrates, and rewrites "
                  "standard letters in plain English with pictures.",
       .age_from = 10, .age_to = 18,
       .needs = {"SLCN"},
       .settings = {"home-community", "health-care"},
       .impact = {{"Young people screened for communication needs", "12%", "96%",
                   "2022 to 2024", "youth justice records"},
                  {"Orders breached", "34%", "19%", "2022 to 2024", "youth justice records"}},
       .impact_summary = "Breaches of orders fell and almost every young person is screened.",
       .cost = "One therapist funded jointly with the integrated care board.",
       .adopt = "Co-fund the post with health from the start.",
       .role = "Youth Justice Service Manager",
       .links = {},
       .indicators = {},
       .started_on = "2022-01-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 31, .partners = {},
       .title = "Example: Online safety sessions for autistic teenagers",
       .summary = "Example entry. Small-group sessions teach autistic teenagers how to spot "
                  "online grooming, sextortion and scams on social media and gaming platforms, "
                  "with a parallel course for parents.",
       .categories = {"youth-safety"},
       .problem = "Autistic young people were targeted online and found it hard to judge who "
                  "to trust; general online safety lessons did not fit how they learn.",
       .actions = "An autism specialist and a police officer co-deliver six sessions using "
                  "social stories, role play and real examples; parents learn about privacy "
                  "settings and how to talk about it.",
       .age_from = 11, .age_to = 18,
       .needs = {"ASD"},
       .settings = {"mainstream", "special", "home-community"},
       .impact = {{"Participants able to name three grooming warning signs", "22%", "85%",
                   "2023", "pre- and post-course quiz"}},
       .impact_summary = "Knowledge of warning signs rose sharply.",
       .cost = "Staff time and a small materials budget.",
       .adopt = "Use real examples and keep groups small.",
       .role = "Autism Advisory Teacher",
       .links = {},
       .indicators = {},
       .started_on = "2023-01-09", .evidence = 2, .state = "published", .winner = ""},

      {.borough = 16, .partners = {},
       .title = "Example: Safer journeys on buses for young people with learning disabilities",
       .summary = "Example entry. Bus drivers, shops and libraries became safe havens where "
                  "young people with learning disabilities can get help, and disability hate "
                  "crime is reported through an easy-read app.",
       .categories = {"youth-safety"},
       .problem = "Young people with learning disabilities told us they were bullied and "
                  "targeted by hate crime on buses and at bus stations, so they stopped "
                  "travelling alone.",
       .actions = "With the bus operator we trained drivers, put safe haven stickers on shops "
                  "and libraries along busy routes, and worked with self-advocates to design "
                  "an easy-read reporting app.",
       .age_from = 14, .age_to = 25,
       .needs = {"MLD", "SLD", "ASD"},
       .settings = {"home-community", "post-16"},
       .impact = {{"Safe havens along main routes", "0", "85", "2022 to 2024", "scheme register"}},
       .impact_summary = "Young people report feeling safer and more travel alone.",
       .cost = "Stickers, training and app design (£18,000).",
       .adopt = "Design it with self-advocates from the start.",
       .role = "Community Safety Officer",
       .links = {},
       .indicators = {},
       .started_on = "2022-06-01", .evidence = 2, .state = "published", .winner = ""},

      {.borough = 23, .partners = {},
       .title = "Example: Knife crime prevention with SEMH mentors in pupil referral units",
       .summary = "Example entry. Trauma-informed mentors and a knife crime prevention "
                  "programme work with pupils with SEMH needs in pupil referral units, where "
                  "violence outside school was a daily worry.",
       .categories = {"youth-safety"},
       .problem = "Pupils in the pupil referral unit were at high risk of serious youth "
                  "violence, and several had been victims of stabbings.",
       .actions = "Mentors trained in trauma-informed practice meet pupils daily; a hospital "
                  "youth worker runs sessions on the reality of stab wounds; safe routes home "
                  "are planned with the police.",
       .age_from = 11, .age_to = 16,
       .needs = {"SEMH"},
       .settings = {"alternative"},
       .impact = {{"Pupils carrying a weapon (self-report)", "17%", "6%", "2022 to 2024",
                   "anonymous pupil survey"}},
       .impact_summary = "Self-reported weapon carrying fell.",
       .cost = "Three mentors and the violence reduction unit grant.",
       .adopt = "Bid jointly with the violence reduction unit.",
       .role = "Pupil Referral Unit Headteacher",
       .links = {},
       .indicators = {},
       .started_on = "2022-01-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 2, .partners = {},
       .title = "Example: Tracking pupils with EHC plans missing from education",
       .summary = "Example entry. A daily match of school rolls and attendance against EHC "
                  "plans finds pupils who are missing education, on reduced timetables or "
                  "electively home educated, so a caseworker follows up within a week.",
       .categories = {"youth-safety", "data-for-children"},
       .problem = "Pupils with EHC plans left school rolls without anyone in the SEND team "
                  "knowing, and some were out of education for months.",
       .actions = "An automated daily report flags any pupil with a plan who leaves a roll, "
                  "misses ten sessions or moves to home education; the caseworker and the "
                  "children missing education officer visit.",
       .age_from = 5, .age_to = 16,
       .needs = {"SEMH", "ASD"},
       .settings = {"mainstream", "special", "home-community"},
       .impact = {{"Average days before follow-up", "64", "6", "2022 to 2024",
                   "children missing education log"}},
       .impact_summary = "Follow-up is now within a week.",
       .cost = "A report built by the council's data team.",
       .adopt = "Agree the daily feed with schools' management information systems.",
       .role = "Children Missing Education Officer",
       .links = {},
       .indicators = {},
       .started_on = "2022-05-01", .evidence = 3, .state = "published", .winner = ""},
      // ---- Supporting the workforce ---------------------------------------------------------
      {.borough = 12, .partners = {19, 32},
       .title = "Example: SENCO network with accredited training and peer supervision",
       .summary = "Example entry. A termly SENCO network, funded places on the national "
                  "SENCO qualification and monthly peer supervision groups keep special "
                  "educational needs coordinators in post across three boroughs.",
       .categories = {"workforce"},
       .problem = "A third of SENCOs left their role within two years, many were new to the "
                  "job without the qualification, and schools struggled to recruit.",
       .actions = "We run a termly network with legal updates and case discussions, fund "
                  "qualification places, pair new SENCOs with an experienced coach and run "
                  "small supervision groups led by educational psychologists.",
       .age_from = 4, .age_to = 16,
       .needs = {"ASD", "SEMH", "SLCN", "SPLD"},
       .settings = {"mainstream"},
       .impact = {{"SENCOs still in post after two years", "64%", "87%", "2020 to 2024",
                   "school workforce survey"},
                  {"SENCOs holding the qualification", "48%", "79%", "2020 to 2024",
                   "network register"}},
       .impact_summary = "SENCO retention rose by over 20 points.",
       .cost = "Qualification places (£3,500 each) and psychologist time.",
       .adopt = "Supervision groups cost little and matter most to SENCOs.",
       .role = "SEND Workforce Development Lead",
       .links = {"https://example.org/practice/senco-network"},
       .indicators = {},
       .started_on = "2020-09-01", .evidence = 4, .state = "winner", .winner = "workforce"},

      {.borough = 1, .partners = {},
       .title = "Example: Teaching assistant career pathway in SEND",
       .summary = "Example entry. Teaching assistants follow a career pathway from an "
                  "apprenticeship to specialist roles such as higher level teaching assistant "
                  "for autism or speech and language, with pay progression.",
       .categories = {"workforce"},
       .problem = "Special schools lost teaching assistants to better-paid jobs in retail and "
                  "had vacancies all year, with agency staff who did not know the pupils.",
       .actions = "We created a four-step pathway with training at each step, used the "
                  "apprenticeship levy for new starters, and agreed a pay scale with schools.",
       .age_from = 2, .age_to = 19,
       .needs = {"ASD", "SLD", "PMLD"},
       .settings = {"special", "resourced-provision"},
       .impact = {{"TA vacancy rate in special schools", "14%", "5%", "2021 to 2024",
                   "HR data"}},
       .impact_summary = "Teaching assistant vacancies fell by two thirds.",
       .cost = "Apprenticeship levy and training time.",
       .adopt = "Agree pay progression with schools before launching.",
       .role = "Schools HR Business Partner",
       .links = {},
       .indicators = {},
       .started_on = "2021-04-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 7, .partners = {},
       .title = "Example: Grow-your-own trainee educational psychologists",
       .summary = "Example entry. The borough funds doctoral trainee educational psychologists "
                  "who commit to two years' work after qualifying, filling vacancies and "
                  "cutting agency costs.",
       .categories = {"workforce"},
       .problem = "Half the educational psychologist posts were vacant or filled by agency "
                  "locums, delaying statutory advice.",
       .actions = "We host six trainees a year on bursaries, offer a golden hello on "
                  "qualifying, protect time for research and offer flexible working.",
       .age_from = 0, .age_to = 25,
       .needs = {"ASD", "SEMH", "MLD"},
       .settings = {"mainstream", "special", "early-years"},
       .impact = {{"EP posts filled by permanent staff", "50%", "90%", "2020 to 2024",
                   "HR data"},
                  {"Agency spend on psychologists", "£640,000", "£120,000", "2020/21 to 2023/24",
                   "finance ledger"}},
       .impact_summary = "Permanent staff now fill nine in ten posts.",
       .cost = "Trainee bursaries (£30,000 a trainee a year).",
       .adopt = "Partner with a university doctoral programme.",
       .role = "Principal Educational Psychologist",
       .links = {},
       .indicators = {"timeliness-20-weeks"},
       .started_on = "2020-09-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 26, .partners = {},
       .title = "Example: EHC plan writing academy for caseworkers",
       .summary = "Example entry. New SEND caseworkers complete an eight-week plan writing "
                  "academy with outcome writing, legal duties and quality audits of their "
                  "first plans.",
       .categories = {"workforce", "send-impact"},
       .problem = "Plans were vague, outcomes were not specific and provision was not "
                  "quantified, so tribunals ordered amendments and families lost trust.",
       .actions = "The academy covers the SEND code of practice, writing SMART outcomes and "
                  "specific provision, with a mentor who audits each new caseworker's first "
                  "ten plans against a quality framework.",
       .age_from = 0, .age_to = 25,
       .needs = {"ASD", "SEMH", "SLCN"},
       .settings = {"mainstream", "special"},
       .impact = {{"Plans rated good in the quality audit", "38%", "81%", "2022 to 2024",
                   "plan quality audit"}},
       .impact_summary = "Most plans now meet the quality standard.",
       .cost = "Senior caseworker time.",
       .adopt = "Audit plans against a published framework.",
       .role = "SEND Quality Assurance Manager",
       .links = {},
       .indicators = {"appeal-rate"},
       .started_on = "2022-03-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 0, .partners = {32},
       .title = "Example: Wellbeing and supervision for SEND caseworkers",
       .summary = "Example entry. Reflective supervision, protected caseloads and a wellbeing "
                  "offer cut staff turnover among statutory SEND caseworkers.",
       .categories = {"workforce"},
       .problem = "Caseworkers carried over 200 plans each, received abusive calls and left "
                  "within a year, so families kept changing caseworker.",
       .actions = "We capped caseloads at 150, introduced monthly reflective supervision, a "
                  "duty rota so casework time is protected, and a clear policy for "
                  "unacceptable behaviour towards staff.",
       .age_from = 0, .age_to = 25,
       .needs = {},
       .settings = {"home-community"},
       .impact = {{"Caseworker turnover in a year", "42%", "15%", "2021 to 2024", "HR data"}},
       .impact_summary = "Turnover fell to a third of its former level.",
       .cost = "Two extra caseworkers to bring caseloads down.",
       .adopt = "Protect casework time with a duty rota.",
       .role = "SEND Service Manager",
       .links = {},
       .indicators = {},
       .started_on = "2021-04-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 23, .partners = {28, 20},
       .title = "Example: Shared specialist teacher bank across boroughs",
       .summary = "Example entry. Four boroughs share a bank of specialist teachers and "
                  "therapists who can be booked by any school, ending competition for scarce "
                  "staff.",
       .categories = {"workforce"},
       .problem = "Boroughs competed for the same specialist teachers and paid rising agency "
                  "rates.",
       .actions = "One booking system, one pay rate and a shared induction.",
       .age_from = 4, .age_to = 19,
       .needs = {"SPLD", "HI", "VI"},
       .settings = {"mainstream", "special"},
       .impact = {},
       .impact_summary = "Schools in all four boroughs can book a specialist within two weeks.",
       .cost = "A shared coordinator.",
       .adopt = "Agree one rate card across the boroughs.",
       .role = "Sub-regional SEND Commissioner",
       .links = {},
       .indicators = {},
       .started_on = "2024-01-08", .evidence = 0, .state = "submitted", .winner = ""},

      // ---- Care leavers ---------------------------------------------------------------------
      {.borough = 6, .partners = {},
       .title = "Example: Post-18 education guarantee for care leavers with EHC plans",
       .summary = "Example entry. Every care leaver with an EHC plan is offered a place in "
                  "education, training or a supported internship up to 25, with a personal "
                  "adviser and the virtual school working together.",
       .categories = {"care-leavers", "send-impact"},
       .problem = "Care leavers with EHC plans were far more likely to be not in education, "
                  "employment or training (NEET) than other care leavers, and plans lapsed "
                  "when they left school.",
       .actions = "The virtual school extended its role to 25 for care leavers with plans; "
                  "personal advisers attend annual reviews; colleges get a named contact; "
                  "a bursary covers travel and equipment.",
       .age_from = 16, .age_to = 25,
       .needs = {"SEMH", "MLD", "ASD"},
       .settings = {"post-16", "health-care"},
       .impact = {{"Care leavers with EHC plans who are NEET", "52%", "24%", "2021 to 2024",
                   "leaving care records"}},
       .impact_summary = "NEET rates among care leavers with plans halved.",
       .cost = "Virtual school adviser and bursaries (£90,000 a year).",
       .adopt = "Make the personal adviser part of the annual review.",
       .role = "Virtual School Headteacher",
       .links = {},
       .indicators = {"ehc-plans"},
       .started_on = "2021-04-01", .evidence = 4, .state = "winner", .winner = "care-leavers"},

      {.borough = 2, .partners = {},
       .title = "Example: Independent living skills and supported lodgings for care leavers "
                "with learning disabilities",
       .summary = "Example entry. Care leavers with learning disabilities practise budgeting, "
                  "cooking and managing a tenancy in a training flat before moving to "
                  "supported lodgings or their own home.",
       .categories = {"care-leavers"},
       .problem = "Tenancies for care leavers with learning disabilities broke down within "
                  "months because of rent arrears and isolation.",
       .actions = "A twelve-week course in a training flat, a tenancy sustainment officer, a "
                  "host family in supported lodgings and a friendship group.",
       .age_from = 17, .age_to = 25,
       .needs = {"MLD", "SLD"},
       .settings = {"home-community", "health-care"},
       .impact = {{"Tenancies still held after a year", "48%", "86%", "2021 to 2024",
                   "housing records"}},
       .impact_summary = "Most tenancies now last beyond a year.",
       .cost = "Training flat rent and a tenancy officer.",
       .adopt = "Work with housing from the pathway plan at 16.",
       .role = "Leaving Care Service Manager",
       .links = {},
       .indicators = {},
       .started_on = "2021-01-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 13, .partners = {},
       .title = "Example: Virtual school post-16 SEND adviser for care-experienced young "
                "people",
       .summary = "Example entry. A post-16 SEND adviser in the virtual school tracks "
                  "care-experienced young people with special educational needs through "
                  "college, apprenticeships and university applications.",
       .categories = {"care-leavers"},
       .problem = "Care-experienced students with SEND dropped out of college in the first "
                  "term, often because support in their plan was not in place.",
       .actions = "The adviser checks each college place has the provision in the plan, "
                  "attends the first review, runs a mentoring scheme and monitors attendance "
                  "weekly.",
       .age_from = 16, .age_to = 21,
       .needs = {"SEMH", "SPLD"},
       .settings = {"post-16"},
       .impact = {{"College courses completed", "55%", "79%", "2022 to 2024",
                   "college data"}},
       .impact_summary = "More care-experienced students complete their courses.",
       .cost = "One adviser post.",
       .adopt = "Share attendance data weekly with colleges.",
       .role = "Virtual School Post-16 Adviser",
       .links = {},
       .indicators = {},
       .started_on = "2022-09-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 32, .partners = {},
       .title = "Example: Ring-fenced council apprenticeships for care leavers",
       .summary = "Example entry. The council ring-fences apprenticeships in parks, housing "
                  "and IT for care leavers, with job coaches for those with SEND.",
       .categories = {"care-leavers", "workforce"},
       .problem = "Care leavers with SEND rarely passed the council's recruitment process.",
       .actions = "Guaranteed interviews, a work trial instead of a written test, a job coach "
                  "and a buddy in each team.",
       .age_from = 16, .age_to = 25,
       .needs = {"MLD", "SEMH"},
       .settings = {"post-16", "home-community"},
       .impact = {{"Care leavers in council apprenticeships", "2", "23", "2021 to 2024",
                   "HR records"}},
       .impact_summary = "23 care leavers have started apprenticeships.",
       .cost = "Apprenticeship levy; job coaching.",
       .adopt = "Replace written tests with work trials.",
       .role = "Corporate Parenting Lead",
       .links = {},
       .indicators = {},
       .started_on = "2021-09-01", .evidence = 2, .state = "published", .winner = ""},

      {.borough = 30, .partners = {},
       .title = "Example: Joint transition planning from children's to adult social care for "
                "care leavers",
       .summary = "Example entry. A joint transitions panel plans adult care and health "
                  "support for care leavers with complex needs from age 16, so no one faces a "
                  "cliff edge at 18.",
       .categories = {"care-leavers", "edge-of-care"},
       .problem = "Care leavers with complex disabilities had no adult care assessment when "
                  "they turned 18 and lost support overnight.",
       .actions = "A monthly panel with adult social care, health and housing; a Care Act "
                  "assessment at 17; shared records.",
       .age_from = 16, .age_to = 25,
       .needs = {"SLD", "PMLD", "ASD"},
       .settings = {"health-care"},
       .impact = {},
       .impact_summary = "",
       .cost = "",
       .adopt = "",
       .role = "Transitions Team Manager",
       .links = {},
       .indicators = {},
       .started_on = "2024-04-01", .evidence = 0, .state = "draft", .winner = ""},
      // ---- Complex needs in or on the edge of care ------------------------------------------
      {.borough = 9, .partners = {},
       .title = "Example: Edge-of-care intensive support for families of autistic teenagers",
       .summary = "Example entry. A rapid-response team gives families of autistic teenagers "
                  "in crisis intensive support at home, with respite and positive behaviour "
                  "plans, so fewer young people enter care.",
       .categories = {"edge-of-care"},
       .problem = "Families of autistic teenagers whose behaviour had become unsafe asked for "
                  "them to be accommodated, and residential placements cost over £300,000 a "
                  "year each.",
       .actions = "Within 48 hours of a referral the team visits; a key worker stays with the "
                  "family for up to 16 weeks; short-term respite is arranged; the school and "
                  "CAMHS join a weekly plan review.",
       .age_from = 11, .age_to = 17,
       .needs = {"ASD", "SEMH"},
       .settings = {"home-community", "health-care"},
       .impact = {{"Autistic teenagers entering care", "19", "7", "2021 to 2024",
                   "children's social care records"}},
       .impact_summary = "Entries to care fell by almost two thirds.",
       .cost = "A team of five (about £350,000 a year), less than two residential placements.",
       .adopt = "Respond within 48 hours; crisis is the moment families accept help.",
       .role = "Edge of Care Service Manager",
       .links = {},
       .indicators = {"high-needs-spend-per-head-independent"},
       .started_on = "2021-02-01", .evidence = 4, .state = "published", .winner = ""},

      {.borough = 5, .partners = {},
       .title = "Example: Specialist foster carers for children with complex disabilities",
       .summary = "Example entry. Enhanced fees, training and round-the-clock support let "
                  "local foster carers look after children with complex disabilities who "
                  "would otherwise go to residential homes far away.",
       .categories = {"edge-of-care"},
       .problem = "Children with complex health and disability needs were placed in "
                  "residential homes outside London because no foster carer was trained.",
       .actions = "A specialist fostering scheme with enhanced allowances, training in moving "
                  "and handling, epilepsy and tube feeding, a dedicated supervising social "
                  "worker and paid respite weekends.",
       .age_from = 0, .age_to = 17,
       .needs = {"PMLD", "PD", "SLD"},
       .settings = {"home-community", "health-care"},
       .impact = {{"Children with complex disabilities in local foster homes", "4", "15",
                   "2020 to 2024", "placement records"}},
       .impact_summary = "Fifteen children live with local foster families.",
       .cost = "Enhanced allowances, less than residential fees.",
       .adopt = "Recruit from carers who already offer short breaks.",
       .role = "Fostering Service Manager",
       .links = {},
       .indicators = {},
       .started_on = "2020-06-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 16, .partners = {17, 8},
       .title = "Example: Dynamic support register and crisis panel for learning disability "
                "and autism",
       .summary = "Example entry. A dynamic support register identifies young people with a "
                  "learning disability or autism at risk of admission to a mental health "
                  "hospital, and a multi-agency panel meets within a week to prevent it.",
       .categories = {"edge-of-care", "health-services"},
       .problem = "Young people with learning disabilities and autistic young people were "
                  "admitted to inpatient mental health units far from home after placement "
                  "breakdowns.",
       .actions = "The register is updated monthly by health, education and social care; a "
                  "care, education and treatment review is held at the first sign of risk; "
                  "a keyworker coordinates community support.",
       .age_from = 8, .age_to = 25,
       .needs = {"ASD", "SLD", "SEMH"},
       .settings = {"health-care", "special"},
       .impact = {{"Tier 4 inpatient admissions", "11", "3", "2021 to 2024",
                   "integrated care board"}},
       .impact_summary = "Admissions to inpatient units fell sharply.",
       .cost = "Keyworker posts funded by the NHS.",
       .adopt = "Keep the register live and shared across agencies.",
       .role = "Keyworker Service Lead",
       .links = {},
       .indicators = {},
       .started_on = "2021-07-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 3, .partners = {},
       .title = "Example: Overnight short breaks in a therapeutic residential setting",
       .summary = "Example entry. Planned overnight short breaks in a small therapeutic home "
                  "give families of disabled children regular rest and prevent placement "
                  "breakdown.",
       .categories = {"edge-of-care"},
       .problem = "Families caring round the clock for children with severe learning "
                  "disabilities reached breaking point and asked for full-time care.",
       .actions = "A six-bed short breaks home offers one or two nights a month, with a "
                  "therapeutic approach, sensory room and links to the child's school.",
       .age_from = 5, .age_to = 18,
       .needs = {"SLD", "PMLD", "ASD"},
       .settings = {"health-care", "home-community"},
       .impact = {{"Families receiving overnight breaks", "20", "48", "2021 to 2024",
                   "short breaks records"}},
       .impact_summary = "No family using the service asked for full-time care.",
       .cost = "£1.1m a year for the home.",
       .adopt = "Plan breaks ahead; emergency-only use does not prevent crises.",
       .role = "Disabled Children's Service Manager",
       .links = {},
       .indicators = {},
       .started_on = "2021-01-01", .evidence = 2, .state = "published", .winner = ""},

      {.borough = 24, .partners = {},
       .title = "Example: Positive behaviour support training for parents",
       .summary = "Example entry. Parents of children whose behaviour challenges learn "
                  "positive behaviour support in a ten-week group, with home visits from a "
                  "behaviour specialist.",
       .categories = {"edge-of-care", "early-intervention"},
       .problem = "Behaviour that challenges was the main reason families of disabled children "
                  "sought residential placements.",
       .actions = "Groups of eight parents learn functional assessment, proactive strategies "
                  "and how to respond safely; a specialist visits to build a home plan.",
       .age_from = 4, .age_to = 16,
       .needs = {"ASD", "SLD"},
       .settings = {"home-community"},
       .impact = {{"Behaviour incidents per week (parent log)", "14", "5", "2022 to 2024",
                   "parent behaviour logs"}},
       .impact_summary = "Incidents fell by two thirds on average.",
       .cost = "Two behaviour specialists.",
       .adopt = "Run groups in the evening so working parents can attend.",
       .role = "Positive Behaviour Support Lead",
       .links = {},
       .indicators = {},
       .started_on = "2022-04-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 10, .partners = {},
       .title = "Example: School stability for looked-after children with EHC plans",
       .summary = "Example entry. The virtual school and SEND team agree that no "
                  "looked-after child with an EHC plan changes school when their care placement "
                  "moves, unless it is in their interest.",
       .categories = {"edge-of-care", "send-impact"},
       .problem = "Looked-after children with plans changed school up to four times in two "
                  "years, losing the support that was working.",
       .actions = "A school stability protocol, transport funded jointly by social care and "
                  "SEND, and a review before any placement move.",
       .age_from = 4, .age_to = 18,
       .needs = {"SEMH", "MLD"},
       .settings = {"mainstream", "special"},
       .impact = {{"School moves per looked-after child with a plan over two years", "2.1",
                   "0.6", "2021 to 2024", "virtual school data"}},
       .impact_summary = "School moves fell by more than two thirds.",
       .cost = "Transport costs shared between services.",
       .adopt = "Agree transport funding before the protocol.",
       .role = "Virtual School Headteacher",
       .links = {},
       .indicators = {},
       .started_on = "2021-09-01", .evidence = 3, .state = "published", .winner = ""},

      // ---- Delivering with health services --------------------------------------------------
      {.borough = 18, .partners = {13},
       .title = "Example: Speech and language therapy commissioned jointly with the NHS",
       .summary = "Example entry. The council and the integrated care board jointly commission "
                  "one speech and language therapy service for schools, ending disputes about "
                  "who pays and cutting waiting times.",
       .categories = {"health-services", "send-impact"},
       .problem = "Speech and language therapy waits were over a year, provision in EHC plans "
                  "was not delivered, and health and education argued over funding.",
       .actions = "A pooled budget under a section 75 agreement, a single referral route, "
                  "therapists based in clusters of schools, training for teaching assistants "
                  "to deliver programmes, and a shared outcome measure.",
       .age_from = 2, .age_to = 19,
       .needs = {"SLCN", "ASD"},
       .settings = {"mainstream", "special", "early-years"},
       .impact = {{"Median wait for speech and language therapy (weeks)", "56", "14",
                   "2021 to 2024", "NHS trust waiting list"},
                  {"Plans with therapy delivered as written", "61%", "94%", "2021 to 2024",
                   "provision audit"}},
       .impact_summary = "Waits fell from over a year to about three months.",
       .cost = "A pooled budget of £3.4m.",
       .adopt = "Pool the budget first; joint governance follows.",
       .role = "Joint Commissioner for Children's Health",
       .links = {"https://example.org/practice/joint-salt"},
       .indicators = {"timeliness-20-weeks"},
       .started_on = "2021-04-01", .evidence = 4, .state = "winner",
       .winner = "health-services"},

      {.borough = 11, .partners = {},
       .title = "Example: Designated clinical officer and health advice within six weeks",
       .summary = "Example entry. A designated clinical officer tracks every request for "
                  "health advice for EHC needs assessments and gets it back within six weeks.",
       .categories = {"health-services"},
       .problem = "Health advice arrived late or not at all, delaying plans and leaving health "
                  "needs out of them.",
       .actions = "A single health advice mailbox, a weekly chase list, a template for "
                  "clinicians and training on writing outcomes.",
       .age_from = 0, .age_to = 25,
       .needs = {"PD", "PMLD", "ASD"},
       .settings = {"health-care"},
       .impact = {{"Health advice returned within six weeks", "34%", "91%", "2021 to 2024",
                   "designated clinical officer log"}},
       .impact_summary = "Nine in ten advices now arrive in time.",
       .cost = "The clinical officer post.",
       .adopt = "One mailbox and one chase list.",
       .role = "Designated Clinical Officer",
       .links = {},
       .indicators = {"timeliness-20-weeks"},
       .started_on = "2021-05-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 7, .partners = {},
       .title = "Example: Neurodevelopmental pathway to cut autism and ADHD assessment waits",
       .summary = "Example entry. A single neurodevelopmental pathway with school-based "
                  "triage and support before diagnosis reduced waits for autism and ADHD "
                  "assessments.",
       .categories = {"health-services", "early-intervention"},
       .problem = "Waiting lists for autism and ADHD assessment were over two years and "
                  "schools withheld support until a diagnosis.",
       .actions = "Needs-led support starts at referral; a multidisciplinary triage uses "
                  "school observations; straightforward cases go to a fast-track clinic.",
       .age_from = 4, .age_to = 18,
       .needs = {"ASD", "SEMH"},
       .settings = {"health-care", "mainstream"},
       .impact = {{"Median wait for a neurodevelopmental assessment (weeks)", "110", "46",
                   "2021 to 2024", "community paediatrics data"}},
       .impact_summary = "Waits fell by more than half.",
       .cost = "Extra clinical psychology sessions.",
       .adopt = "Offer support on referral, not on diagnosis.",
       .role = "Clinical Lead, Community Paediatrics",
       .links = {},
       .indicators = {},
       .started_on = "2021-06-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 20, .partners = {},
       .title = "Example: Occupational therapy sensory clinics in schools",
       .summary = "Example entry. Occupational therapists run termly sensory clinics in "
                  "school clusters, giving staff strategies for sensory processing and "
                  "handwriting without individual referrals.",
       .categories = {"health-services"},
       .problem = "Occupational therapy referrals for sensory needs had long waits and many "
                  "could be met with advice to schools.",
       .actions = "Clinic days where SENCOs bring cases; a sensory toolkit; training for "
                  "teaching assistants.",
       .age_from = 4, .age_to = 11,
       .needs = {"ASD", "PD"},
       .settings = {"mainstream"},
       .impact = {{"Individual occupational therapy referrals", "420", "250", "2022 to 2024",
                   "NHS trust data"}},
       .impact_summary = "Referrals fell and schools report more confidence.",
       .cost = "Therapist time reallocated.",
       .adopt = "Start with the clusters with the longest waits.",
       .role = "Head of Children's Occupational Therapy",
       .links = {},
       .indicators = {},
       .started_on = "2022-09-01", .evidence = 2, .state = "published", .winner = ""},

      {.borough = 21, .partners = {},
       .title = "Example: Mental health support teams in schools for SEMH needs",
       .summary = "Example entry. NHS mental health support teams work in schools with "
                  "pupils with mild to moderate anxiety and low mood, and link with CAMHS for "
                  "those with SEMH needs in their plans.",
       .categories = {"health-services", "early-intervention"},
       .problem = "CAMHS thresholds were high and pupils with emerging mental health needs "
                  "waited with no help.",
       .actions = "Education mental health practitioners deliver cognitive behavioural "
                  "therapy-based interventions, whole-school approaches and parent groups.",
       .age_from = 5, .age_to = 18,
       .needs = {"SEMH"},
       .settings = {"mainstream", "health-care"},
       .impact = {{"Pupils improving on a wellbeing measure", "-", "72%", "2022 to 2024",
                   "routine outcome measures"}},
       .impact_summary = "Seven in ten pupils improved.",
       .cost = "Funded by NHS England.",
       .adopt = "Link teams with the school's SENCO and mental health lead.",
       .role = "CAMHS Service Manager",
       .links = {},
       .indicators = {},
       .started_on = "2022-01-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 31, .partners = {},
       .title = "Example: Training school staff in complex medical needs",
       .summary = "Example entry. Community nurses train school staff in gastrostomy feeding, "
                  "epilepsy rescue medication, suction and continence care, so pupils with "
                  "complex medical needs attend full time.",
       .categories = {"health-services", "send-impact"},
       .problem = "Pupils with complex medical needs were on reduced timetables because no one "
                  "at school was trained to give their care.",
       .actions = "A competency-based training programme, individual healthcare plans reviewed "
                  "yearly, and a nurse on call for schools.",
       .age_from = 2, .age_to = 19,
       .needs = {"PMLD", "PD"},
       .settings = {"special", "mainstream", "early-years"},
       .impact = {{"Pupils with medical needs on reduced timetables", "26", "4", "2021 to 2024",
                   "school nursing data"}},
       .impact_summary = "Almost all now attend full time.",
       .cost = "Nurse trainer post.",
       .adopt = "Sign off staff competencies each year.",
       .role = "Children's Community Nursing Lead",
       .links = {},
       .indicators = {},
       .started_on = "2021-09-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 28, .partners = {},
       .title = "Example: Hydrotherapy and postural care in special schools",
       .summary = "Example entry. Physiotherapists deliver hydrotherapy and 24-hour postural "
                  "care plans in special schools, reducing hip surgery and pain for pupils "
                  "with physical disabilities.",
       .categories = {"health-services"},
       .problem = "Pupils with cerebral palsy and other physical disabilities developed hip "
                  "and spine problems because positioning was inconsistent between school and "
                  "home.",
       .actions = "Physiotherapists write postural care plans, train staff and parents, and "
                  "run weekly hydrotherapy sessions in the school pool.",
       .age_from = 2, .age_to = 19,
       .needs = {"PD", "PMLD"},
       .settings = {"special"},
       .impact = {{"Pupils with a postural care plan", "30%", "95%", "2022 to 2024",
                   "physiotherapy records"}},
       .impact_summary = "Nearly every pupil has a plan followed at school and home.",
       .cost = "Physiotherapy sessions and pool maintenance.",
       .adopt = "Train parents alongside staff.",
       .role = "Paediatric Physiotherapy Lead",
       .links = {},
       .indicators = {},
       .started_on = "2022-01-01", .evidence = 2, .state = "published", .winner = ""},
      // ---- Making data speak for children ---------------------------------------------------
      {.borough = 19, .partners = {},
       .title = "Example: SEND data dashboard for headteachers",
       .summary = "Example entry. Each headteacher sees a school dashboard of SEN support, EHC "
                  "plans, attendance, suspensions and outcomes for pupils with SEND, compared "
                  "with similar schools, refreshed every term.",
       .categories = {"data-for-children"},
       .problem = "Schools saw SEND data only once a year in inspection reports, and could not "
                  "compare themselves with similar schools.",
       .actions = "Analysts combined the school census, attendance, exclusions and SEND case "
                  "data in a business intelligence dashboard with a one-page summary per "
                  "school, discussed at termly SENCO and headteacher meetings.",
       .age_from = 4, .age_to = 16,
       .needs = {},
       .settings = {"mainstream"},
       .impact = {{"Schools using the dashboard each term", "0", "58", "2022 to 2024",
                   "dashboard usage logs"}},
       .impact_summary = "Almost every school uses it; headteachers say it changed their SEN "
                         "support planning.",
       .cost = "Analyst time and existing software licences.",
       .adopt = "Agree the measures with headteachers first.",
       .role = "Head of Performance and Intelligence",
       .links = {},
       .indicators = {"pupils-sen-support", "pupils-ehc-plan"},
       .started_on = "2022-01-01", .evidence = 2, .state = "published", .winner = ""},

      {.borough = 26, .partners = {20},
       .title = "Example: Forecasting EHC plan demand and special school places",
       .summary = "Example entry. A ten-year forecast of EHC plans by need, age and type of "
                  "placement informs the capital programme for new special school places and "
                  "resourced provision.",
       .categories = {"data-for-children", "send-impact"},
       .problem = "Special school places ran out every September and emergency independent "
                  "placements were made at high cost.",
       .actions = "We built a cohort model from the SEN2 return and the school census, tested "
                  "it against past years, and review it with finance and school place "
                  "planning each spring.",
       .age_from = 2, .age_to = 25,
       .needs = {"ASD", "SEMH", "SLD"},
       .settings = {"special", "resourced-provision"},
       .impact = {{"Forecast error for plans a year ahead", "14%", "3%", "2021 to 2024",
                   "back-testing"}},
       .impact_summary = "Forecasts now guide a capital programme of 300 places.",
       .cost = "Analyst time.",
       .adopt = "Back-test the model before trusting it.",
       .role = "School Place Planning Manager",
       .links = {},
       .indicators = {"ehc-plans", "new-plans", "placed-special"},
       .started_on = "2021-03-01", .evidence = 4, .state = "published", .winner = ""},

      {.borough = 15, .partners = {},
       .title = "Example: High needs block recovery plan with spend analysis",
       .summary = "Example entry. A line-by-line analysis of high needs spend by placement "
                  "type, need and provider shaped a recovery plan that slowed the growth of "
                  "the dedicated schools grant deficit.",
       .categories = {"data-for-children"},
       .problem = "The dedicated schools grant had a growing cumulative deficit, driven by "
                  "independent placements and top-up funding rising faster than the grant.",
       .actions = "Finance and SEND analysts built a spend model, benchmarked fees with "
                  "neighbouring boroughs, renegotiated high-cost placements and invested in "
                  "local provision.",
       .age_from = 0, .age_to = 25,
       .needs = {},
       .settings = {"special", "resourced-provision", "post-16"},
       .impact = {{"Annual in-year DSG overspend", "£9.8m", "£3.1m", "2021/22 to 2023/24",
                   "section 251 outturn"}},
       .impact_summary = "The in-year overspend fell by two thirds.",
       .cost = "Analyst and finance time.",
       .adopt = "Break spend down by provider and need before cutting anything.",
       .role = "Head of Education Finance",
       .links = {},
       .indicators = {"high-needs-block", "dsg-balance", "high-needs-spend-per-head"},
       .started_on = "2021-10-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 25, .partners = {},
       .title = "Example: Co-produced outcomes survey with young people with SEND",
       .summary = "Example entry. Young people with SEND designed and ran a survey of their "
                  "peers about friendships, independence and what helps in school, and the "
                  "findings are reported next to the service's performance figures.",
       .categories = {"data-for-children", "send-impact"},
       .problem = "Performance reports counted plans and weeks but said nothing about what "
                  "mattered to young people.",
       .actions = "A youth panel of twelve designed easy-read and symbol versions, visited "
                  "schools and colleges, and presented findings to the SEND board.",
       .age_from = 11, .age_to = 25,
       .needs = {"ASD", "MLD", "SLD"},
       .settings = {"mainstream", "special", "post-16"},
       .impact = {{"Young people responding", "0", "840", "2023", "survey"}},
       .impact_summary = "840 responses; three actions adopted by the SEND board.",
       .cost = "Youth panel payments and a participation worker.",
       .adopt = "Pay young people for their time and report back.",
       .role = "Participation Officer",
       .links = {},
       .indicators = {},
       .started_on = "2023-01-01", .evidence = 2, .state = "published", .winner = ""},

      {.borough = 29, .partners = {},
       .title = "Example: Linking education and social care records to spot needs earlier",
       .summary = "Example entry. Matched records from early help, social care and schools "
                  "show analysts which pupils have unmet needs, with strict governance, so "
                  "SEN support starts sooner.",
       .categories = {"data-for-children", "early-intervention"},
       .problem = "Pupils known to early help had needs identified years later than others.",
       .actions = "A data protection impact assessment, a pseudonymised matched dataset, and "
                  "termly reports to schools of pupils to review.",
       .age_from = 2, .age_to = 16,
       .needs = {"SEMH", "SLCN"},
       .settings = {"mainstream", "home-community"},
       .impact = {},
       .impact_summary = "Early findings: identification of need is a year earlier.",
       .cost = "Analyst and information governance time.",
       .adopt = "Do the impact assessment before matching any data.",
       .role = "Information Governance Lead",
       .links = {},
       .indicators = {"pupils-sen-support"},
       .started_on = "2024-02-01", .evidence = 0, .state = "submitted", .winner = ""},

      // ---- Early intervention ---------------------------------------------------------------
      {.borough = 22, .partners = {},
       .title = "Example: Early years inclusion fund for nurseries",
       .summary = "Example entry. Nurseries and childminders apply for early years inclusion "
                  "funding (SENIF) through a simple online form, with a panel every fortnight "
                  "and an area SENCO to help.",
       .categories = {"early-intervention"},
       .problem = "Funding for under-fives with emerging needs was slow, so nurseries refused "
                  "places or asked families to collect their child early.",
       .actions = "A fortnightly inclusion funding panel, area SENCOs visiting settings, "
                  "training in early communication, and funding that follows the child to "
                  "reception.",
       .age_from = 0, .age_to = 5,
       .needs = {"SLCN", "ASD", "NSA"},
       .settings = {"early-years"},
       .impact = {{"Children supported through inclusion funding", "95", "310",
                   "2020 to 2024", "early years finance data"},
                  {"Settings refusing or reducing places", "21", "4", "2020 to 2024",
                   "area SENCO log"}},
       .impact_summary = "Three times as many children funded; refusals almost ended.",
       .cost = "Inclusion fund from the early years block.",
       .adopt = "Decide within a fortnight; delay is what excludes children.",
       .role = "Early Years SEND Lead",
       .links = {},
       .indicators = {"requests"},
       .started_on = "2020-09-01", .evidence = 4, .state = "winner",
       .winner = "early-intervention"},

      {.borough = 0, .partners = {24},
       .title = "Example: Language screening at the two-year health check",
       .summary = "Example entry. Health visitors screen language at the two-year review "
                  "with a standard tool, and toddlers with delays join a language group "
                  "within a month.",
       .categories = {"early-intervention", "health-services"},
       .problem = "Speech and language delays were spotted only at school entry, when waits "
                  "for therapy were long.",
       .actions = "Health visitors use the screening tool at the integrated two-year review; "
                  "children's centres run weekly language groups; parents get home activity "
                  "packs.",
       .age_from = 2, .age_to = 4,
       .needs = {"SLCN"},
       .settings = {"early-years", "health-care"},
       .impact = {{"Toddlers screened at the two-year review", "40%", "88%", "2021 to 2024",
                   "health visiting data"}},
       .impact_summary = "Most toddlers are screened and most with delays catch up by school "
                         "entry.",
       .cost = "Tool licences and group staffing.",
       .adopt = "Put the tool into the health visitors' record system.",
       .role = "Health Visiting Service Lead",
       .links = {},
       .indicators = {},
       .started_on = "2021-04-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 8, .partners = {},
       .title = "Example: Ordinarily available provision guide for SEN support",
       .summary = "Example entry. A guide written with schools sets out what every mainstream "
                  "school provides at SEN support without a plan, following the graduated "
                  "approach of assess, plan, do, review.",
       .categories = {"early-intervention", "send-impact"},
       .problem = "Schools and parents saw an EHC plan as the only route to help, and "
                  "requests grew every year.",
       .actions = "The guide, training for SENCOs, a toolkit for each area of need and "
                  "funding for schools with high numbers at SEN support.",
       .age_from = 4, .age_to = 16,
       .needs = {"NSA", "SPLD", "MLD", "SLCN"},
       .settings = {"mainstream"},
       .impact = {{"Requests for EHC needs assessment per 10,000 pupils", "96", "71",
                   "2021 to 2024", "SEN2 return"}},
       .impact_summary = "Requests fell as schools met more needs at SEN support.",
       .cost = "Writing time and a notional SEN budget top-up.",
       .adopt = "Write it with schools, not for them.",
       .role = "SEN Support Adviser",
       .links = {},
       .indicators = {"requests", "pupils-sen-support"},
       .started_on = "2021-09-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 12, .partners = {},
       .title = "Example: Portage home visiting for pre-school children",
       .summary = "Example entry. Portage home visitors work weekly with families of "
                  "pre-school children with complex needs, setting small learning goals "
                  "through play.",
       .categories = {"early-intervention"},
       .problem = "Families of babies and toddlers with complex needs had little support "
                  "before nursery.",
       .actions = "Weekly Portage visits, a stay-and-play group, and help with nursery "
                  "transition.",
       .age_from = 0, .age_to = 5,
       .needs = {"PMLD", "SLD", "PD", "MSI"},
       .settings = {"home-community", "early-years"},
       .impact = {{"Families receiving Portage", "30", "64", "2021 to 2024",
                   "Portage service records"}},
       .impact_summary = "Twice as many families supported.",
       .cost = "Three Portage visitors.",
       .adopt = "Link Portage with the early years inclusion panel.",
       .role = "Portage Service Coordinator",
       .links = {},
       .indicators = {},
       .started_on = "2021-01-01", .evidence = 2, .state = "published", .winner = ""},

      {.borough = 4, .partners = {},
       .title = "Example: Early help for emotionally based school avoidance",
       .summary = "Example entry. A graduated response to emotionally based school avoidance "
                  "(EBSA) helps anxious pupils back into school before attendance collapses.",
       .categories = {"early-intervention", "send-impact"},
       .problem = "Persistent absence of anxious pupils with SEND had doubled since 2020.",
       .actions = "An EBSA toolkit for schools, an early help worker for families, phased "
                  "return plans and a consultation line with educational psychologists.",
       .age_from = 7, .age_to = 16,
       .needs = {"SEMH", "ASD"},
       .settings = {"mainstream", "home-community"},
       .impact = {{"Pupils' attendance after twelve weeks", "38%", "71%", "2022 to 2024",
                   "attendance data"}},
       .impact_summary = "Attendance nearly doubled for the pupils supported.",
       .cost = "Early help worker and psychology consultations.",
       .adopt = "Act at the first weeks of absence.",
       .role = "Attendance and Inclusion Manager",
       .links = {},
       .indicators = {},
       .started_on = "2022-04-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 17, .partners = {},
       .title = "Example: Alternative provision outreach to prevent permanent exclusions",
       .summary = "Example entry. Alternative provision staff work inside mainstream "
                  "schools with pupils at risk of permanent exclusion, offering short "
                  "placements with a guaranteed return.",
       .categories = {"early-intervention", "youth-safety"},
       .problem = "Permanent exclusions of pupils at SEN support were rising and most never "
                  "returned to mainstream.",
       .actions = "A twelve-week in-school programme, a six-week respite placement in "
                  "alternative provision with a guaranteed return, and a fair access panel.",
       .age_from = 9, .age_to = 16,
       .needs = {"SEMH", "SLCN"},
       .settings = {"alternative", "mainstream"},
       .impact = {{"Permanent exclusions a year", "44", "17", "2021/22 to 2023/24",
                   "exclusions data"}},
       .impact_summary = "Permanent exclusions fell by 60%.",
       .cost = "Outreach team funded by schools and the high needs block.",
       .adopt = "Guarantee the return place in writing.",
       .role = "Alternative Provision Outreach Manager",
       .links = {},
       .indicators = {},
       .started_on = "2021-09-01", .evidence = 3, .state = "published", .winner = ""},

      {.borough = 27, .partners = {},
       .title = "Example: Family hub SEND navigators",
       .summary = "Example entry. SEND navigators in family hubs help parents find their way "
                  "through health, education and early help before needs escalate.",
       .categories = {"early-intervention"},
       .problem = "Parents were passed between services and came to the SEND team only when "
                  "things had reached crisis.",
       .actions = "A navigator in each of four family hubs, drop-in sessions and a shared "
                  "directory of support.",
       .age_from = 0, .age_to = 19,
       .needs = {"NSA", "ASD", "SLCN"},
       .settings = {"home-community"},
       .impact = {},
       .impact_summary = "Families say they found help sooner.",
       .cost = "Four navigator posts.",
       .adopt = "Base navigators where families already go.",
       .role = "Family Hubs Manager",
       .links = {},
       .indicators = {},
       .started_on = "2024-01-01", .evidence = 0, .state = "submitted", .winner = ""},
  };
  return entries;
}
// clang-format on

// `text` split after each ". " (each sentence keeps its full stop).
std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> list;
  std::size_t start = 0;
  for (std::size_t at = text.find(". "); at != std::string_view::npos;
       at = text.find(". ", start)) {
    list.emplace_back(text.substr(start, at + 1 - start));
    start = at + 2;
  }
  if (start < text.size()) list.emplace_back(text.substr(start));
  return list;
}

std::string without_prefix(std::string_view text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) == prefix) text.remove_prefix(prefix.size());
  return std::string(text);
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

store::ImpactMeasure measure_of(const SeedMeasure& m) {
  return {m.measure, m.before, m.after, m.period, m.source};
}

constexpr const char* kContactName = "Example Lead Officer";

// When an entry in `state` was submitted and published: a date in `year`'s spring and summer
// that varies with `index` (so the "year" and "date" orders have something to sort).
void set_dates(store::PracticeEntry& entry, int index, int year) {
  if (entry.state == "draft") return;
  entry.submitted_at =
      fmt::format("{}-03-{:02}T10:{:02}:00Z", year, 1 + index % 28, (index * 7) % 60);
  if (entry.state == "published") {
    entry.published_at =
        fmt::format("{}-06-{:02}T09:{:02}:00Z", year, 1 + index % 28, (index * 11) % 60);
  }
}

}  // namespace

std::vector<store::PracticeEntry> seed_entries(const std::vector<std::string>& boroughs) {
  std::vector<store::PracticeEntry> entries;
  if (boroughs.empty()) return entries;
  const std::size_t borough_count = boroughs.size();
  int index = 0;
  for (const SeedEntry& seed : written()) {
    store::PracticeEntry entry;
    entry.title = seed.title;
    entry.summary = seed.summary;
    entry.lead_borough = boroughs[static_cast<std::size_t>(seed.borough) % borough_count];
    for (const int partner : seed.partners) {
      const std::string& name = boroughs[static_cast<std::size_t>(partner) % borough_count];
      if (name != entry.lead_borough) add_unique(entry.partner_boroughs, name);
    }
    entry.categories = seed.categories;
    entry.problem = seed.problem;
    entry.actions = seed.actions;
    entry.age_from = seed.age_from;
    entry.age_to = seed.age_to;
    entry.needs = seed.needs;
    entry.settings = seed.settings;
    for (const SeedMeasure& m : seed.impact) entry.impact.push_back(measure_of(m));
    entry.impact_summary = seed.impact_summary;
    entry.cost_and_resources = seed.cost;
    entry.how_to_adopt = seed.adopt;
    entry.contact_name = kContactName;
    entry.contact_role = seed.role;
    entry.links = seed.links;
    entry.indicators = seed.indicators;
    entry.started_on = seed.started_on;
    // The last Spotlight's winners are published, as the panel's winners are.
    entry.state = std::string(seed.state) == "winner" ? "published" : seed.state;
    entry.winner_category = seed.winner;
    entry.evidence_strength = seed.evidence;
    entry.example = true;
    set_dates(entry, index, index % 3 == 0 ? 2024 : 2025);
    entries.push_back(std::move(entry));
    ++index;
  }
  return entries;
}

std::vector<store::PracticeEntry> generated_corpus(int count, std::uint64_t seed,
                                                   const std::vector<std::string>& boroughs) {
  std::vector<store::PracticeEntry> entries;
  if (count <= 0 || boroughs.empty()) return entries;
  static constexpr const char* kQualifiers[] = {
      "across a sub-region",          "in secondary schools",      "for primary schools",
      "with parent carers",           "in the early years",        "for post-16 learners",
      "with health partners",         "using a shared dashboard",  "through a joint panel",
      "with community organisations", "for looked-after children", "in special schools",
      "with the voluntary sector",    "in further education",      "with youth services",
      "for families on low incomes",  "in resourced provisions",   "with a trading model",
      "after an area inspection",     "as a two-year pilot"};
  constexpr auto kQualifierCount = static_cast<std::uint32_t>(std::size(kQualifiers));
  // Drafts are left out: their parts are not all written yet.
  std::vector<const SeedEntry*> complete;
  for (const SeedEntry& written_entry : written())
    if (std::string_view(written_entry.state) != "draft") complete.push_back(&written_entry);
  const auto pool_size = static_cast<std::uint32_t>(complete.size());
  const auto borough_count = static_cast<std::uint32_t>(boroughs.size());
  Random random(seed);
  entries.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    const SeedEntry& a = *complete[random.below(pool_size)];
    const SeedEntry& b = *complete[random.below(pool_size)];
    const SeedEntry& c = *complete[random.below(pool_size)];
    store::PracticeEntry entry;
    entry.title = fmt::format("{} {}", a.title, kQualifiers[random.below(kQualifierCount)]);

    const std::vector<std::string> a_summary =
        sentences(without_prefix(a.summary, "Example entry. "));
    const std::vector<std::string> b_summary =
        sentences(without_prefix(b.summary, "Example entry. "));
    entry.summary = "Example entry. " + a_summary.front();
    if (!b_summary.empty()) {
      entry.summary += " " + b_summary[random.below(static_cast<std::uint32_t>(b_summary.size()))];
    }
    const std::vector<std::string> c_problem = sentences(c.problem);
    entry.problem = std::string(a.problem) + " " +
                    c_problem[random.below(static_cast<std::uint32_t>(c_problem.size()))];
    const std::vector<std::string> b_actions = sentences(b.actions);
    entry.actions = std::string(a.actions) + " " +
                    b_actions[random.below(static_cast<std::uint32_t>(b_actions.size()))];

    entry.lead_borough = boroughs[random.below(borough_count)];
    if (borough_count > 1 && random.chance(0.2)) {
      const std::string& partner = boroughs[random.below(borough_count)];
      if (partner != entry.lead_borough) entry.partner_boroughs.push_back(partner);
    }
    entry.categories = a.categories;
    if (random.chance(0.3)) add_unique(entry.categories, b.categories.front());
    entry.age_from = a.age_from;
    entry.age_to = a.age_to;
    entry.needs = a.needs;
    for (const std::string& need : b.needs)
      if (entry.needs.size() < 4) add_unique(entry.needs, need);
    entry.settings = a.settings;
    if (!b.settings.empty()) add_unique(entry.settings, b.settings.front());
    for (const SeedMeasure& m : a.impact) entry.impact.push_back(measure_of(m));
    if (!b.impact.empty() && entry.impact.size() < 3)
      entry.impact.push_back(measure_of(b.impact.front()));
    entry.impact_summary = a.impact_summary;
    entry.cost_and_resources = a.cost;
    entry.how_to_adopt = c.adopt;
    entry.contact_name = kContactName;
    entry.contact_role = a.role;
    entry.indicators = a.indicators;
    entry.started_on = fmt::format("{}-{:02}-01", 2016 + random.below(9), 1 + random.below(12));
    const std::uint32_t roll = random.below(100);
    entry.state = roll < 85 ? "published" : roll < 93 ? "submitted" : "draft";
    // 5 in 100 are published winners.
    if (roll >= 80 && roll < 85) entry.winner_category = entry.categories.front();
    entry.evidence_strength =
        entry.state == "draft" || entry.state == "submitted" ? 0 : random.between(1, 5);
    entry.example = true;
    set_dates(entry, i, 2019 + static_cast<int>(random.below(7)));
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace sendplan::practice
