// resolve: records → Site. Sorts every kind by id, drops duplicates (reported), links
// references to indexes (unresolved ones reported at the field's line), builds the area tree,
// and applies the privacy rules before any later stage can see the data.
#pragma once

#include "model/diagnostic.h"
#include "model/site.h"

namespace tsunagu {

void resolve_site(Site& site, Diagnostics& diags);

}  // namespace tsunagu
