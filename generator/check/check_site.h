// check: Site → diagnostics. Rules that span records, after resolve: the area hierarchy's
// levels, the site's municipality code against its root area, page names that would collide
// with generated pages. Field-level rules run while loading, where positions are at hand.
#pragma once

#include "model/diagnostic.h"
#include "model/site.h"

namespace tsunagu {

void check_site(const Site& site, Diagnostics& diags);

}  // namespace tsunagu
