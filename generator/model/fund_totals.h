// The sums of one fiscal year of a fund, computed once for the checks (check/fund_check) and
// the pages (render/fund_pages): both must add up the same lines the same way.
#pragma once

#include "model/site.h"

namespace tsunagu {

struct FundYearTotals {
    long long opening = 0;
    long long donations = 0;         // sum of the donation lines
    long long other_income = 0;      // 受取利息 …
    long long income = 0;            // donations + other_income
    long long disbursed = 0;         // instalments paid from April to March, whatever year the grant is of
    long long business_costs = 0;    // 事業費
    long long admin_costs = 0;       // 管理費
    long long other_costs = 0;       // cost lines with neither category (check reports them)
    long long costs = 0;
    long long closing = 0;           // as recorded
    long long closing_computed = 0;  // opening + income − disbursed − costs
    long long awarded = 0;           // grants of this fiscal year, cancelled ones (取消) left out
    int grants = 0;                  // same
};

// Needs a resolved site (FundYear.fund_ix, Fund.grants_ix).
FundYearTotals fund_year_totals(const Site& site, const FundYear& year);

bool grant_cancelled(const Grant& g);

}  // namespace tsunagu
