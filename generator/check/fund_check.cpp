#include "check/fund_check.h"

#include <algorithm>
#include <map>
#include <set>

#include "text/money.h"
#include "text/wareki.h"

namespace tsunagu {

namespace {

bool in_fiscal_year(const Date& d, int fy) { return !d.empty() && d.month != 0 && fiscal_year_of(d) == fy; }

// 2025年度（令和7年度）
std::string year_ja(int fy) { return fiscal_year_label(fy); }
std::string year_en(int fy) { return "FY" + std::to_string(fy); }

const std::set<std::string>& donor_types() {
    static const std::set<std::string> types = {"個人", "法人", "団体", "匿名", "行政マッチング", "その他"};
    return types;
}

bool has_programme(const Fund& f, const std::string& id) {
    for (const FundProgramme& p : f.programmes)
        if (p.id == id) return true;
    return false;
}

void check_year(const Site& site, const FundYear& y, Diagnostics& diags) {
    if (y.fund_ix < 0) return;
    const Fund& fund = site.funds[y.fund_ix];
    const FundYearTotals t = fund_year_totals(site, y);
    if (t.closing_computed != y.closing_balance_yen) {
        const long long gap = y.closing_balance_yen - t.closing_computed;
        diags.push_back(make_error(
            "money.unbalanced", field_position(y.meta, "closing_balance"),
            year_ja(y.fiscal_year) + "の収支が合いません。期首残高 " + yen_amount(y.opening_balance_yen) + " ＋ 寄付 " +
                yen_amount(t.donations) + " ＋ その他の収入 " + yen_amount(t.other_income) + " − 助成の支払い " +
                yen_amount(t.disbursed) + " − 経費 " + yen_amount(t.costs) + " ＝ " + yen_amount(t.closing_computed) +
                " ですが、期末残高は " + yen_amount(y.closing_balance_yen) + " です（差 " + yen_amount(gap) + "）",
            year_en(y.fiscal_year) + " does not balance: opening " + grouped_number(y.opening_balance_yen) + " + donations " +
                grouped_number(t.donations) + " + other income " + grouped_number(t.other_income) + " - grants paid " +
                grouped_number(t.disbursed) + " - costs " + grouped_number(t.costs) + " = " +
                grouped_number(t.closing_computed) + " yen, but the closing balance is " +
                grouped_number(y.closing_balance_yen) + " yen (gap " + grouped_number(gap) + " yen)"));
    }
    long long named_total = 0;
    for (const NamedDonor& d : y.named_donors) {
        const SourcePos at{y.meta.pos.file, d.line, 0};
        if (d.consent && d.consent_date.empty())
            diags.push_back(make_warning("donor.consent_date", at,
                                         "寄付者「" + d.name + "」の公表の同意に日付がありません（consent_date を書いてください）",
                                         "donor \"" + d.name + "\": consent has no consent_date"));
        if (d.amount_published && !d.amount_yen)
            diags.push_back(make_error("donor.amount", at, "amount_published ですが金額（amount）がありません",
                                       "amount_published is set but there is no amount"));
        if (d.amount_yen) named_total += *d.amount_yen;
        if (!d.programme.empty() && !has_programme(fund, d.programme))
            diags.push_back(make_error("fund.programme", at, "programme「" + d.programme + "」は基金「" + fund.name + "」にありません",
                                       "programme \"" + d.programme + "\" is not a programme of fund " + fund.meta.id));
    }
    if (named_total > t.donations)
        diags.push_back(make_error("money.named_donors", y.meta.pos,
                                   year_ja(y.fiscal_year) + "の名前のある寄付の合計 " + yen_amount(named_total) + " が寄付の総額 " +
                                       yen_amount(t.donations) + " を超えています",
                                   year_en(y.fiscal_year) + ": named donations (" + grouped_number(named_total) +
                                       " yen) exceed all donations (" + grouped_number(t.donations) + " yen)"));
    for (const DonationLine& d : y.donations) {
        const SourcePos at{y.meta.pos.file, d.line, 0};
        if (!donor_types().count(d.donor_type))
            diags.push_back(make_error("fund.donor_type", at,
                                       "donor_type「" + d.donor_type + "」は 個人・法人・団体・匿名・行政マッチング・その他 のどれかです",
                                       "donor_type \"" + d.donor_type + "\" must be one of 個人, 法人, 団体, 匿名, 行政マッチング, その他"));
        if (!d.programme.empty() && !has_programme(fund, d.programme))
            diags.push_back(make_error("fund.programme", at, "programme「" + d.programme + "」は基金「" + fund.name + "」にありません",
                                       "programme \"" + d.programme + "\" is not a programme of fund " + fund.meta.id));
        if (!d.channel.empty() && !fund.donation_channels.empty() &&
            std::find(fund.donation_channels.begin(), fund.donation_channels.end(), d.channel) == fund.donation_channels.end())
            diags.push_back(make_warning("fund.channel", at,
                                         "channel「" + d.channel + "」は基金の donation_channels にありません",
                                         "channel \"" + d.channel + "\" is not among the fund's donation_channels"));
    }
}

void check_chain(const Site& site, const Fund& f, Diagnostics& diags) {
    const FundYear* prev = nullptr;
    for (int ix : f.years_ix) {
        const FundYear& y = site.fund_years[ix];
        if (prev && prev->fiscal_year == y.fiscal_year) {
            diags.push_back(make_error("fund.duplicate_year", field_position(y.meta, "fiscal_year"),
                                       "基金「" + f.name + "」の" + year_ja(y.fiscal_year) + "が " + prev->meta.pos.file + " にもあります",
                                       "fund " + f.meta.id + " has " + year_en(y.fiscal_year) + " twice (also " +
                                           prev->meta.pos.file + ")"));
        } else if (prev && prev->fiscal_year + 1 != y.fiscal_year) {
            diags.push_back(make_error("fund.missing_year", field_position(y.meta, "fiscal_year"),
                                       "基金「" + f.name + "」の" + year_ja(prev->fiscal_year + 1) +
                                           "の記録がありません（年度は途切れずに続けてください）",
                                       "fund " + f.meta.id + " has no record for " + year_en(prev->fiscal_year + 1)));
        } else if (prev && prev->closing_balance_yen != y.opening_balance_yen) {
            const long long gap = y.opening_balance_yen - prev->closing_balance_yen;
            diags.push_back(make_error(
                "money.opening_mismatch", field_position(y.meta, "opening_balance"),
                year_ja(y.fiscal_year) + "の期首残高 " + yen_amount(y.opening_balance_yen) + " が、" + year_ja(prev->fiscal_year) +
                    "の期末残高 " + yen_amount(prev->closing_balance_yen) + " と違います（差 " + yen_amount(gap) + "）",
                year_en(y.fiscal_year) + " opening balance " + grouped_number(y.opening_balance_yen) + " yen differs from " +
                    year_en(prev->fiscal_year) + " closing balance " + grouped_number(prev->closing_balance_yen) + " yen (gap " +
                    grouped_number(gap) + " yen)"));
        }
        prev = &y;
    }
    std::set<std::string> ids;
    for (const FundProgramme& p : f.programmes)
        if (!p.id.empty() && !ids.insert(p.id).second)
            diags.push_back(make_error("fund.programme", f.meta.pos, "programme の id「" + p.id + "」が重複しています",
                                       "programme id \"" + p.id + "\" is used twice"));
}

void check_grant(const Site& site, const Grant& g, Diagnostics& diags) {
    const long long disbursed = g.disbursed_yen();
    if (disbursed > g.amount_awarded_yen)
        diags.push_back(make_error("money.overdisbursed", field_position(g.meta, "amount_awarded"),
                                   "助成「" + g.title + "」の支払いの合計 " + yen_amount(disbursed) + " が交付決定額 " +
                                       yen_amount(g.amount_awarded_yen) + " を超えています（超過 " +
                                       yen_amount(disbursed - g.amount_awarded_yen) + "）",
                                   "grant " + g.meta.id + ": disbursed " + grouped_number(disbursed) + " yen exceeds the award of " +
                                       grouped_number(g.amount_awarded_yen) + " yen"));
    if (g.fiscal_year && !g.award_date.empty() && !in_fiscal_year(g.award_date, g.fiscal_year))
        diags.push_back(make_error("grant.outside_year", field_position(g.meta, "award_date"),
                                   "助成「" + g.title + "」の決定日 " + to_iso(g.award_date) + " が" + year_ja(g.fiscal_year) +
                                       "（" + std::to_string(g.fiscal_year) + "年4月1日〜" + std::to_string(g.fiscal_year + 1) +
                                       "年3月31日）の外です",
                                   "grant " + g.meta.id + ": award date " + to_iso(g.award_date) + " is outside " +
                                       year_en(g.fiscal_year)));
    for (const Disbursement& d : g.disbursements)
        if (!d.date.empty() && !g.award_date.empty() && d.date < g.award_date)
            diags.push_back(make_error("grant.paid_before_award", SourcePos{g.meta.pos.file, d.line, 0},
                                       "支払日 " + to_iso(d.date) + " が決定日 " + to_iso(g.award_date) + " より前です",
                                       "disbursement on " + to_iso(d.date) + " is before the award date " + to_iso(g.award_date)));
    if (g.status == "取消" && disbursed > 0)
        diags.push_back(make_warning("grant.cancelled_paid", g.meta.pos,
                                     "取消の助成に支払いが記録されています（返還は経費ではなく収入として記録してください）",
                                     "a cancelled grant has disbursements"));
    if (g.fund_ix < 0) return;
    const Fund& f = site.funds[g.fund_ix];
    if (!g.programme.empty() && !has_programme(f, g.programme)) {
        std::string known;
        for (const FundProgramme& p : f.programmes) known += (known.empty() ? "" : "、") + p.id;
        Diagnostic d = make_error("grant.programme", field_position(g.meta, "programme"),
                                  "programme「" + g.programme + "」は基金「" + f.name + "」にありません",
                                  "programme \"" + g.programme + "\" is not a programme of fund " + f.meta.id);
        if (!known.empty()) d.hint = "この基金の programme: " + known + " (programmes of this fund)";
        diags.push_back(std::move(d));
    }
    if (!f.years_ix.empty()) {
        bool found = false;
        for (int y : f.years_ix) found = found || site.fund_years[y].fiscal_year == g.fiscal_year;
        if (!found)
            diags.push_back(make_error("grant.year_missing", field_position(g.meta, "fiscal_year"),
                                       "基金「" + f.name + "」に" + year_ja(g.fiscal_year) + "の記録（data/fund-years/）がありません",
                                       "fund " + f.meta.id + " has no fund-year record for " + year_en(g.fiscal_year)));
    }
    if (g.activity_ix >= 0 && g.recipient_ix >= 0 &&
        site.activities[g.activity_ix].organization_ix != g.recipient_ix)
        diags.push_back(make_warning("grant.activity_owner", field_position(g.meta, "activity"),
                                     "活動「" + site.activities[g.activity_ix].name + "」の運営団体は、助成先の団体と違います",
                                     "the activity is run by another organization than the recipient"));
}

}  // namespace

void check_funds(const Site& site, Diagnostics& diags) {
    for (const FundYear& y : site.fund_years) check_year(site, y, diags);
    for (const Fund& f : site.funds) check_chain(site, f, diags);
    for (const Grant& g : site.grants) check_grant(site, g, diags);
}

}  // namespace tsunagu
