#include "render/fund_views.h"

#include <algorithm>

#include "render/links.h"
#include "render/markdown.h"
#include "render/record_views.h"
#include "render/svg_chart.h"
#include "text/wareki.h"

namespace tsunagu {

using nlohmann::json;

namespace {

template <typename T>
bool valid_ix(const std::vector<T>& v, int ix) {
    return ix >= 0 && ix < static_cast<int>(v.size());
}

// One line of plain text, cut at about max_chars characters (UTF-8 aware).
std::string excerpt(const std::string& text, size_t max_chars) {
    size_t chars = 0, i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        const size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        if (chars == max_chars) return text.substr(0, i) + "…";
        i += len;
        ++chars;
    }
    return text;
}

}  // namespace

bool grant_cancelled(const Grant& g) { return g.status == "取消"; }

std::vector<int> grants_of_fund(const Site& site, int fund_ix) {
    if (!valid_ix(site.funds, fund_ix)) return {};
    const Fund& f = site.funds[fund_ix];
    std::vector<int> out;
    for (int g : f.grants_ix)
        if (valid_ix(site.grants, g)) out.push_back(g);
    if (out.empty())
        for (size_t g = 0; g < site.grants.size(); ++g)
            if (site.grants[g].fund == f.meta.id) out.push_back(static_cast<int>(g));
    std::stable_sort(out.begin(), out.end(), [&](int a, int b) {
        const Grant& ga = site.grants[a];
        const Grant& gb = site.grants[b];
        if (ga.award_date != gb.award_date) return ga.award_date < gb.award_date;
        return ga.meta.id < gb.meta.id;
    });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<int> years_of_fund(const Site& site, int fund_ix) {
    if (!valid_ix(site.funds, fund_ix)) return {};
    const Fund& f = site.funds[fund_ix];
    if (f.real) return {};
    std::vector<int> out;
    for (int y : f.years_ix)
        if (valid_ix(site.fund_years, y)) out.push_back(y);
    if (out.empty())
        for (size_t y = 0; y < site.fund_years.size(); ++y)
            if (site.fund_years[y].fund == f.meta.id) out.push_back(static_cast<int>(y));
    std::stable_sort(out.begin(), out.end(),
                     [&](int a, int b) { return site.fund_years[a].fiscal_year < site.fund_years[b].fiscal_year; });
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

FundYearTotals fund_year_totals(const Site& site, int year_ix) {
    FundYearTotals t;
    if (!valid_ix(site.fund_years, year_ix)) return t;
    const FundYear& y = site.fund_years[year_ix];
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
    int fund_ix = y.fund_ix;
    if (!valid_ix(site.funds, fund_ix)) {
        auto it = site.fund_by_id.find(y.fund);
        fund_ix = it == site.fund_by_id.end() ? -1 : it->second;
    }
    for (int g : grants_of_fund(site, fund_ix)) {
        const Grant& grant = site.grants[g];
        for (const Disbursement& d : grant.disbursements)
            if (!d.date.empty() && fiscal_year_of(d.date) == y.fiscal_year) t.disbursed += d.amount_yen;
        if (grant.fiscal_year == y.fiscal_year && !grant_cancelled(grant)) {
            t.awarded += grant.amount_awarded_yen;
            ++t.grants;
        }
    }
    t.closing = y.closing_balance_yen;
    t.closing_computed = t.opening + t.income - t.disbursed - t.costs;
    return t;
}

std::string programme_name(const Fund& f, const std::string& programme_id) {
    if (programme_id.empty()) return "";
    for (const FundProgramme& p : f.programmes)
        if (p.id == programme_id) return p.name.empty() ? p.id : p.name;
    return programme_id;
}

json fund_labels(const Fund& f) { return json{{"sample", f.sample}, {"real", f.real}}; }

std::string fiscal_year_short(int fiscal_year) { return std::to_string(fiscal_year) + "年度"; }

json grant_row(const Site& site, int grant_ix) {
    const Grant& g = site.grants[grant_ix];
    json r;
    r["id"] = g.meta.id;
    r["url"] = grant_path(g.meta.id);
    r["title"] = g.title.empty() ? g.meta.id : g.title;
    r["fiscal_year"] = g.fiscal_year;
    r["fy_label"] = fiscal_year_short(g.fiscal_year);
    json fund{{"name", g.fund}, {"url", ""}};
    int fund_ix = g.fund_ix;
    if (!valid_ix(site.funds, fund_ix)) {
        auto it = site.fund_by_id.find(g.fund);
        fund_ix = it == site.fund_by_id.end() ? -1 : it->second;
    }
    std::string programme = g.programme;
    if (valid_ix(site.funds, fund_ix)) {
        fund = {{"name", site.funds[fund_ix].name}, {"url", fund_path(site.funds[fund_ix].meta.id)}};
        programme = programme_name(site.funds[fund_ix], g.programme);
    }
    r["fund"] = std::move(fund);
    r["programme"] = programme;
    r["programme_id"] = g.programme;
    if (valid_ix(site.organizations, g.recipient_ix))
        r["recipient"] = {{"name", site.organizations[g.recipient_ix].name}, {"url", organization_path(site.organizations[g.recipient_ix].meta.id)}};
    else
        r["recipient"] = {{"name", g.recipient}, {"url", ""}};
    if (valid_ix(site.activities, g.activity_ix))
        r["activity"] = {{"present", true}, {"name", site.activities[g.activity_ix].name}, {"url", activity_path(site.activities[g.activity_ix].meta.id)}};
    else
        r["activity"] = {{"present", false}, {"name", ""}, {"url", ""}};
    r["form"] = g.form;
    std::string beneficiaries = g.beneficiaries_note.empty() ? join_labels(g.beneficiaries) : g.beneficiaries_note;
    r["beneficiaries"] = beneficiaries;
    r["content"] = excerpt(markdown_to_plain_text(g.purpose), 80);
    r["use_of_funds"] = g.use_of_funds;
    r["awarded"] = yen_amount(g.amount_awarded_yen);
    r["awarded_value"] = g.amount_awarded_yen;
    r["disbursed"] = yen_amount(g.disbursed_yen());
    r["disbursed_value"] = g.disbursed_yen();
    r["status"] = g.status;
    r["cancelled"] = grant_cancelled(g);
    r["award_date"] = date_view(g.award_date);
    return r;
}

}  // namespace tsunagu
