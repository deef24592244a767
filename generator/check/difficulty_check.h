// 困りごと against the rest of the site: their topics and consultation_types are free words that
// must meet a consultation point's topics / generic_type to lead anywhere, so a word no point
// uses (usually a typo) is reported with the closest word that does.
#pragma once

#include "model/diagnostic.h"
#include "model/site.h"

namespace tsunagu {

void check_difficulties(const Site& site, Diagnostics& diags);

}  // namespace tsunagu
