// Figures and list views shared by the fund pages, the grant pages and the organization page:
// a fiscal year's totals (computed here from the lines, the same way check/fund_check adds
// them up), and a grant as a table row.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/fund_totals.h"
#include "model/site.h"

namespace tsunagu {

// Whether ix indexes v: resolve leaves -1 for an absent optional reference (activity, operator).
template <typename T>
bool valid_ix(const std::vector<T>& v, int ix) {
    return ix >= 0 && ix < static_cast<int>(v.size());
}


// The fund's grants by award date then id (Fund.grants_ix, as resolve ordered them).
std::vector<int> grants_of_fund(const Site& site, int fund_ix);
// The fund's years by fiscal year (Fund.years_ix); none for a real fund (no books here).
std::vector<int> years_of_fund(const Site& site, int fund_ix);


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
