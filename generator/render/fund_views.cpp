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

std::vector<int> grants_of_fund(const Site& site, int fund_ix) {
    return valid_ix(site.funds, fund_ix) ? site.funds[fund_ix].grants_ix : std::vector<int>();
}

std::vector<int> years_of_fund(const Site& site, int fund_ix) {
    if (!valid_ix(site.funds, fund_ix) || site.funds[fund_ix].real) return {};
    return site.funds[fund_ix].years_ix;
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
    const int fund_ix = g.fund_ix;
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
