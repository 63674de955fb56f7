// Providers and placements to and from the store's plain records (store/placement_records.h):
// the enums become their stable codes and back; needs are joined with ';'.
#pragma once

#include "core/result.h"
#include "placements/placement.h"
#include "placements/provider.h"
#include "store/placement_records.h"

namespace sendplan::placements {

store::ProviderRecord to_record(const Provider& provider);
// kInvalidInput when a stored code is unknown (a record written by a newer program).
Result<Provider> from_record(const store::ProviderRecord& record);

store::PlacementRecord to_record(const Placement& placement);
Result<Placement> from_record(const store::PlacementRecord& record);

}  // namespace sendplan::placements
