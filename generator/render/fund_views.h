// Figures and list views shared by the fund pages, the grant pages and the organization page:
// a fiscal year's totals (computed here from the lines, the same way check/fund_check adds
// them up), and a grant as a table row.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/site.h"

namespace tsunagu {

struct FundYearTotals {
    long long opening = 0;
    long long donations = 0;      // sum of the donation lines
    long long other_income = 0;   // 受取利息 …
    long long income = 0;         // donations + other_income
    long long disbursed = 0;      // instalments paid from April to March, whatever year the grant is of
    long long business_costs = 0; // 事業費
    long long admin_costs = 0;    // 管理費
    long long other_costs = 0;    // cost lines with neither category
    long long costs = 0;
    long long closing = 0;        // as recorded
    long long closing_computed = 0;  // opening + income − disbursed − costs
    long long awarded = 0;        // grants of this fiscal year, cancelled ones (取消) left out
    int grants = 0;               // same
};

FundYearTotals fund_year_totals(const Site& site, int year_ix);

// The fund's grants (Fund.grants_ix when resolve filled it, else every grant naming the fund),
// by award date then id.
std::vector<int> grants_of_fund(const Site& site, int fund_ix);
// The fund's years by fiscal year; years of a real fund are never shown (no books here).
std::vector<int> years_of_fund(const Site& site, int fund_ix);

bool grant_cancelled(const Grant& g);

// A grant as a table row: {id, url, title, fiscal_year, fy_label, fund{name,url}, programme,
// recipient{name,url}, activity{name,url}, form, beneficiaries, content, use_of_funds,
// awarded, awarded_value, disbursed, disbursed_value, status, cancelled, award_date}.
nlohmann::json grant_row(const Site& site, int grant_ix);

// "たすけあい基金" for a programme id of the fund; the id itself when unknown; "" for none.
std::string programme_name(const Fund& f, const std::string& programme_id);

// サンプル / 実在の基金 labels: {sample, real}.
nlohmann::json fund_labels(const Fund& f);

// 2025年度 (short) for charts and table headers.
std::string fiscal_year_short(int fiscal_year);

}  // namespace tsunagu
