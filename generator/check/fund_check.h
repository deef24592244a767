// The money rules of 助け合い基金 records, all errors: a fund that publishes numbers that do not
// add up loses the trust it lives on.
//   - every fiscal year balances to the yen: opening + donations + other income − grant
//     disbursements dated in the year − costs = closing; and closing = next year's opening;
//   - a grant never pays out more than it awarded; its award date lies in its fiscal year; its
//     programme exists in its fund; a fund with published books has the grant's year;
//   - named donors are consistent (consent recorded; amounts only when published).
// Messages name the year (2025年度（令和7年度）) and the gap in yen.
#pragma once

#include "model/diagnostic.h"
#include "model/fund_totals.h"
#include "model/site.h"

namespace tsunagu {

void check_funds(const Site& site, Diagnostics& diags);


}  // namespace tsunagu
