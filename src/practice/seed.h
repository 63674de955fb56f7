// Synthetic practice entries (issue 14): the seed set the demo loads, so search and facets show
// something real-looking, and large generated corpora for the search benchmark. Every entry is
// marked `example = true` and its title/summary say it is an example; none is a real borough's
// work. Deterministic for a seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/practice_records.h"

namespace sendplan::practice {

// About 60 written entries covering all 9 categories and many boroughs (of `boroughs`,
// canonical names), in assorted states (mostly published, a few winners), with impact
// measures, needs, ages, settings and linked indicators. Each entry names its boroughs by
// position in `boroughs` (modulo its size), so the 33 names in ONS code order (City of London,
// Barking and Dagenham, ..., Westminster) give the intended spread; none when it is empty.
// tests/practice/data/search_queries.csv lists queries that should find given entries.
std::vector<store::PracticeEntry> seed_entries(const std::vector<std::string>& boroughs);

// `count` generated entries (for benchmarks), recombined from the seed's phrases with `seed`:
// titles with a qualifier, sentences mixed from several entries, random boroughs, dates and
// evidence; about 80% published, 5% winners, the rest submitted or drafts. Every entry passes
// the checks for its state. None when count <= 0 or `boroughs` is empty.
std::vector<store::PracticeEntry> generated_corpus(int count, std::uint64_t seed,
                                                   const std::vector<std::string>& boroughs);

}  // namespace sendplan::practice
