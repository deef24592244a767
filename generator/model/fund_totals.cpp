#include "model/fund_totals.h"

namespace tsunagu {

bool grant_cancelled(const Grant& g) { return g.status == "取消"; }

FundYearTotals fund_year_totals(const Site& site, const FundYear& y) {
    FundYearTotals t;
    t.opening = y.opening_balance_yen;
    for (const DonationLine& d : y.donations) t.donations += d.amount_yen;
    for (const AccountLine& l : y.other_income) t.other_income += l.amount_yen;
    t.income = t.donations + t.other_income;
    for (const AccountLine& l : y.costs) {
        if (l.category == "事業費") t.business_costs += l.amount_yen;
        else if (l.category == "管理費") t.admin_costs += l.amount_yen;
        else t.other_costs += l.amount_yen;
        t.costs += l.amount_yen;
    }
    if (y.fund_ix >= 0)
        for (int gi : site.funds[y.fund_ix].grants_ix) {
            const Grant& g = site.grants[gi];
            for (const Disbursement& d : g.disbursements)
                if (!d.date.empty() && d.date.month != 0 && fiscal_year_of(d.date) == y.fiscal_year) t.disbursed += d.amount_yen;
            if (g.fiscal_year == y.fiscal_year && !grant_cancelled(g)) {
                t.awarded += g.amount_awarded_yen;
                ++t.grants;
            }
        }
    t.closing = y.closing_balance_yen;
    t.closing_computed = t.opening + t.income - t.disbursed - t.costs;
    return t;
}

}  // namespace tsunagu
