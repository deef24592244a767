// 助け合い基金 pages: funds/index.html (every fund), funds/ID.html (the fund and its trend
// across years), funds/ID/FY.html (one disclosure per fiscal year: totals and the balance
// equation, where the money came from, where it went, operating costs, named donors who agreed,
// audit) and funds/ID/grants.html (the grant table). Charts are inline SVG (svg_chart.h), each
// beside a table with the same numbers. A real fund (real: true) is a profile from its public
// documents: no years, no books.
#include <algorithm>
#include <cstdio>
#include <map>

#include "render/fund_views.h"
#include "render/json_ld.h"
#include "render/links.h"
#include "render/markdown.h"
#include "render/markdown_section.h"
#include "render/page_plan.h"
#include "render/record_views.h"
#include "render/svg_chart.h"
#include "text/wareki.h"

namespace tsunagu {

using nlohmann::json;

namespace {

constexpr const char* kFundsIndex = "funds/index.html";
constexpr const char* kFundsLabel = "助け合い基金";

// Rows of a breakdown table: label, amount, share of the total, in first-seen order unless the
// label is in `order`, which comes first.
struct Breakdown {
    std::vector<std::string> labels;
    std::map<std::string, long long> amounts;
    std::map<std::string, long long> counts;
    std::map<std::string, bool> count_known;
    void add(const std::string& label, long long amount, std::optional<long long> count = std::nullopt) {
        if (!amounts.count(label)) {
            labels.push_back(label);
            count_known[label] = true;
        }
        amounts[label] += amount;
        if (count) counts[label] += *count;
        else count_known[label] = false;
    }
    void order_by_amount() {
        std::stable_sort(labels.begin(), labels.end(), [&](const std::string& a, const std::string& b) { return amounts.at(a) > amounts.at(b); });
    }
    void order_by(const std::vector<std::string>& order) {
        std::stable_sort(labels.begin(), labels.end(), [&](const std::string& a, const std::string& b) {
            auto pos = [&](const std::string& l) {
                auto it = std::find(order.begin(), order.end(), l);
                return it == order.end() ? order.size() : static_cast<size_t>(it - order.begin());
            };
            return pos(a) < pos(b);
        });
    }
    long long total() const {
        long long t = 0;
        for (const auto& [l, a] : amounts) t += a;
        return t;
    }
    std::vector<ChartDatum> chart() const {
        std::vector<ChartDatum> out;
        for (const std::string& l : labels) out.push_back({l, amounts.at(l)});
        return out;
    }
    json rows(bool with_counts) const {
        json out = json::array();
        const long long t = total();
        for (const std::string& l : labels) {
            json r{{"label", l}, {"amount", yen_amount(amounts.at(l))}, {"value", amounts.at(l)}, {"share", share(amounts.at(l), t)}};
            if (with_counts) r["count"] = count_known.at(l) ? count_text(counts.count(l) ? counts.at(l) : 0, "件") : std::string("—");
            out.push_back(std::move(r));
        }
        return out;
    }
    static std::string share(long long v, long long total) {
        if (total <= 0) return "—";
        const long long tenths = (v * 1000 + total / 2) / total;
        std::string s = std::to_string(tenths / 10);
        if (tenths % 10) s += "." + std::to_string(tenths % 10);
        return s + "%";
    }
};

std::string ratio_text(double ratio) {
    // A matching ratio is a rate, not an amount: up to two decimals, trailing zeros cut.
    const long long hundredths = static_cast<long long>(ratio * 100 + 0.5);
    std::string s = std::to_string(hundredths / 100);
    if (hundredths % 100) {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%02lld", hundredths % 100);
        std::string frac = buf;
        while (!frac.empty() && frac.back() == '0') frac.pop_back();
        s += "." + frac;
    }
    return s;
}

json body_view(const FundBody& b) {
    json members = json::array();
    for (const BodyMember& m : b.members) {
        std::string text = m.role;
        if (!m.name.empty()) text += "：" + m.name;
        else if (m.count > 1) text += " " + count_text(m.count, "人");
        members.push_back(text);
    }
    const bool present = !b.name.empty() || !b.kind.empty() || !members.empty() || !b.note.empty();
    return json{{"present", present}, {"name", b.name}, {"kind", b.kind}, {"members", members},
                {"has_members", !members.empty()}, {"note", b.note}};
}

json fund_ref(const Site& site, int fund_ix) {
    const Fund& f = site.funds[fund_ix];
    json v{{"name", f.name}, {"url", fund_path(f.meta.id)}, {"labels", fund_labels(f)}};
    if (valid_ix(site.organizations, f.operator_ix))
        v["operator"] = {{"present", true}, {"name", site.organizations[f.operator_ix].name}, {"url", organization_path(site.organizations[f.operator_ix].meta.id)}};
    else
        v["operator"] = {{"present", !f.operator_org.empty()}, {"name", f.operator_org}, {"url", ""}};
    return v;
}

// The totals as the templates show them, with the balance equation's parts.
json totals_view(const Site& site, int year_ix) {
    const FundYearTotals t = fund_year_totals(site, site.fund_years[year_ix]);
    const FundYear& y = site.fund_years[year_ix];
    return json{{"fiscal_year", y.fiscal_year},
                {"label", fiscal_year_label(y.fiscal_year)},
                {"short_label", fiscal_year_short(y.fiscal_year)},
                {"opening", yen_amount(t.opening)},
                {"donations", yen_amount(t.donations)},
                {"other_income", yen_amount(t.other_income)},
                {"income", yen_amount(t.income)},
                {"disbursed", yen_amount(t.disbursed)},
                {"business_costs", yen_amount(t.business_costs)},
                {"admin_costs", yen_amount(t.admin_costs)},
                {"other_costs", yen_amount(t.other_costs)},
                {"has_other_costs", t.other_costs != 0},
                {"costs", yen_amount(t.costs)},
                {"closing", yen_amount(t.closing)},
                {"closing_computed", yen_amount(t.closing_computed)},
                {"balanced", t.closing == t.closing_computed},
                {"awarded", yen_amount(t.awarded)},
                {"grants", count_text(t.grants, "件")},
                {"values", {{"opening", t.opening}, {"income", t.income}, {"donations", t.donations}, {"other_income", t.other_income},
                            {"disbursed", t.disbursed}, {"costs", t.costs}, {"closing", t.closing}, {"awarded", t.awarded},
                            {"business_costs", t.business_costs}, {"admin_costs", t.admin_costs}}}};
}

std::string year_url(const Site& site, int year_ix) {
    const FundYear& y = site.fund_years[year_ix];
    return fund_year_path(y.fund, y.fiscal_year);
}

// ---- funds/index.html ----

std::string render_fund_index(const RenderContext& ctx) {
    const Site& site = *ctx.site;
    std::vector<int> order(site.funds.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const Fund& fa = site.funds[a];
        const Fund& fb = site.funds[b];
        if (fa.real != fb.real) return !fa.real;  // the site's own fund(s) first, then profiles
        return reading_key(fa.reading, fa.name) < reading_key(fb.reading, fb.name);
    });
    json funds = json::array();
    for (int i : order) {
        const Fund& f = site.funds[i];
        json v = fund_ref(site, i);
        json programmes = json::array();
        for (const FundProgramme& p : f.programmes) programmes.push_back(p.name.empty() ? p.id : p.name);
        v["programmes"] = join_labels(programmes.get<std::vector<std::string>>());
        v["mission"] = markdown_to_plain_text(f.mission);
        const std::vector<int> years = years_of_fund(site, i);
        if (!years.empty()) {
            json latest = totals_view(site, years.back());
            latest["present"] = true;
            latest["url"] = year_url(site, years.back());
            v["latest"] = std::move(latest);
        } else {
            v["latest"] = {{"present", false}};
        }
        v["grants_url"] = grants_of_fund(site, i).empty() || f.real ? std::string() : fund_grants_path(f.meta.id);
        v["founded"] = date_view(f.founded);
        funds.push_back(std::move(v));
    }
    PageFrame frame;
    frame.path = kFundsIndex;
    frame.title = kFundsLabel;
    frame.description = "地域の助け合い活動を寄付で支える基金と、その寄付・助成・運営の報告です";
    frame.nav_key = "funds";
    json view;
    view["funds"] = std::move(funds);
    return render_page(ctx, frame, "fund_index", std::move(view));
}

// ---- funds/ID.html ----

json matching_view(const Fund& f) {
    json out = json::array();
    for (const MatchingRule& m : f.matching)
        out.push_back({{"partner", m.partner},
                       {"ratio", "寄付1円につき" + ratio_text(m.ratio) + "円"},
                       {"cap", m.cap_yen ? "年度ごとに" + yen_amount(*m.cap_yen) + "まで" : std::string("上限なし")},
                       {"applies_to", m.applies_to},
                       {"valid_from", date_view(m.valid_from)},
                       {"valid_until", date_view(m.valid_until)},
                       {"note", m.note}});
    return out;
}

json programmes_view(const Fund& f) {
    json out = json::array();
    for (const FundProgramme& p : f.programmes)
        out.push_back({{"name", p.name.empty() ? p.id : p.name},
                       {"kind", p.kind},
                       {"content_types", term_links(Vocabulary::content_type, p.content_types)},
                       {"has_content_types", !p.content_types.empty()},
                       {"started", date_view(p.started)},
                       {"ended", date_view(p.ended)},
                       {"description_html", p.description.empty() ? std::string() : render_markdown_at(p.description, 4)}});
    return out;
}

std::string render_fund(const RenderContext& ctx, int fund_ix) {
    const Site& site = *ctx.site;
    const Fund& f = site.funds[fund_ix];
    json v = fund_ref(site, fund_ix);
    v["reading"] = f.reading;
    v["mission_html"] = f.mission.empty() ? std::string() : render_markdown_at(f.mission, 3);
    v["description_html"] = f.description.empty() ? std::string() : render_markdown_at(f.description, 3);
    v["founded"] = date_view(f.founded);
    v["founding_capital"] = f.founding_capital_yen ? yen_amount(*f.founding_capital_yen) : std::string();
    json history = json::array();
    for (const LegalFormChange& h : f.legal_form_history) history.push_back({{"date", date_view(h.date)}, {"form", h.form}});
    v["has_history"] = !history.empty();
    v["history"] = std::move(history);
    v["selection_body"] = body_view(f.selection_body);
    v["audit_body"] = body_view(f.audit_body);
    v["matching"] = matching_view(f);
    v["has_matching"] = !f.matching.empty();
    v["channels"] = join_labels(f.donation_channels);
    v["programmes"] = programmes_view(f);
    v["has_programmes"] = !f.programmes.empty();
    v["site_url"] = is_http_url(f.url) ? f.url : std::string();
    v["site_url_text"] = is_http_url(f.url) ? std::string() : f.url;

    const std::vector<int> years = years_of_fund(site, fund_ix);
    json rows = json::array();
    std::vector<std::string> x_labels;
    std::vector<ChartSeries> series = {{"寄付", {}}, {"助成決定", {}}, {"助成金の支払い", {}}, {"運営費", {}}, {"年度末残高", {}}};
    for (int y : years) {
        json t = totals_view(site, y);
        t["url"] = year_url(site, y);
        const json& val = t["values"];
        x_labels.push_back(t["short_label"].get<std::string>());
        series[0].values.push_back(val["donations"].get<long long>());
        series[1].values.push_back(val["awarded"].get<long long>());
        series[2].values.push_back(val["disbursed"].get<long long>());
        series[3].values.push_back(val["costs"].get<long long>());
        series[4].values.push_back(val["closing"].get<long long>());
        rows.push_back(std::move(t));
    }
    v["has_years"] = !rows.empty();
    v["years"] = std::move(rows);
    v["trend_chart"] = trend_chart_svg({"fund-trend", f.name + "の年度ごとの推移",
                                        "寄付、助成決定額、助成金の支払い、運営費、年度末残高の推移です。"},
                                       x_labels, series);
    const std::vector<int> grants = grants_of_fund(site, fund_ix);
    v["grants_url"] = grants.empty() || f.real ? std::string() : fund_grants_path(f.meta.id);
    v["grant_count"] = count_text(static_cast<long long>(grants.size()), "件");
    v["last_confirmed"] = date_view(f.meta.last_confirmed);
    v["as_of"] = date_view(f.meta.as_of);
    v["source"] = f.meta.source;

    PageFrame frame;
    frame.path = fund_path(f.meta.id);
    frame.title = f.name;
    frame.description = markdown_to_plain_text(f.mission);
    frame.nav_key = "funds";
    frame.crumbs = {{kFundsLabel, kFundsIndex}};
    json ld{{"@context", "https://schema.org"}, {"@type", "FundingScheme"}, {"name", f.name}};
    if (!f.mission.empty()) ld["description"] = markdown_to_plain_text(f.mission);
    if (!ctx.base_url.empty()) ld["url"] = absolute_url(ctx.base_url, fund_path(f.meta.id));
    if (is_http_url(f.url)) ld["sameAs"] = f.url;
    if (!f.founded.empty()) ld["foundingDate"] = to_iso(f.founded);
    if (valid_ix(site.organizations, f.operator_ix)) {
        json op{{"@type", "Organization"}, {"name", site.organizations[f.operator_ix].name}};
        if (!ctx.base_url.empty()) op["url"] = absolute_url(ctx.base_url, organization_path(site.organizations[f.operator_ix].meta.id));
        ld["parentOrganization"] = std::move(op);
    }
    frame.json_ld = json_for_script(ld);
    json view;
    view["fund"] = std::move(v);
    return render_page(ctx, frame, "fund", std::move(view));
}

// ---- funds/ID/FY.html ----

// The first content type of the grant's activity, else "活動の登録なし".
std::string grant_content_type(const Site& site, const Grant& g) {
    if (valid_ix(site.activities, g.activity_ix) && !site.activities[g.activity_ix].content_types.empty())
        return site.activities[g.activity_ix].content_types.front();
    return valid_ix(site.activities, g.activity_ix) ? "種類の登録なし" : "活動の登録なし";
}

std::string grant_area(const Site& site, const Grant& g) {
    for (int a : g.areas_ix)
        if (valid_ix(site.areas, a)) return site.areas[a].name;
    if (!g.areas.empty()) {
        auto it = site.area_by_id.find(g.areas.front());
        if (it != site.area_by_id.end()) return site.areas[it->second].name;
    }
    return "地域の指定なし";
}

json breakdown_section(const std::string& id, const std::string& title, const std::string& desc, const Breakdown& b,
                       const std::string& label_header, bool with_counts) {
    return json{{"id", id},
                {"title", title},
                {"label_header", label_header},
                {"chart", bar_chart_svg({id + "-chart", title, desc}, b.chart())},
                {"rows", b.rows(with_counts)},
                {"has_rows", !b.labels.empty()},
                {"with_counts", with_counts},
                {"total", yen_amount(b.total())},
                {"total_value", b.total()}};
}

PageParts fund_year_parts(const RenderContext& ctx, int fund_ix, int year_ix) {
    const Site& site = *ctx.site;
    const FundYear& y = site.fund_years[year_ix];
    const Fund& f = site.funds[fund_ix];
    const std::string label = fiscal_year_label(y.fiscal_year);
    json v = fund_ref(site, fund_ix);
    v["year"] = totals_view(site, year_ix);
    v["period"] = std::to_string(y.fiscal_year) + "年4月1日から" + std::to_string(y.fiscal_year + 1) + "年3月31日まで";

    // Where the money came from.
    Breakdown by_type, by_channel, by_programme_in;
    for (const DonationLine& d : y.donations) {
        by_type.add(d.donor_type.empty() ? "区分なし" : d.donor_type, d.amount_yen, d.count);
        by_channel.add(d.channel.empty() ? "方法の区分なし" : d.channel, d.amount_yen, d.count);
        by_programme_in.add(d.programme.empty() ? "指定なし（基金全体へ）" : programme_name(f, d.programme), d.amount_yen);
    }
    by_type.order_by({"個人", "法人", "団体", "匿名", "行政マッチング"});
    by_channel.order_by(f.donation_channels);
    const std::string fy_short = fiscal_year_short(y.fiscal_year);
    v["by_donor_type"] = breakdown_section("donor-type", "寄付者の種類別の寄付（" + fy_short + "）",
                                           "寄付者の種類ごとの寄付の合計です。", by_type, "寄付者の種類", true);
    v["by_channel"] = breakdown_section("channel", "寄付の方法別の寄付（" + fy_short + "）", "寄付の窓口・方法ごとの合計です。",
                                        by_channel, "寄付の方法", true);
    v["by_programme_in"] = breakdown_section("designation", "使いみちの指定別の寄付（" + fy_short + "）",
                                             "寄付者が使いみちを指定した寄付の内訳です。", by_programme_in, "指定", false);
    json lines = json::array();
    for (const DonationLine& d : y.donations)
        lines.push_back({{"donor_type", d.donor_type},
                         {"channel", d.channel},
                         {"count", d.count ? count_text(*d.count, "件") : std::string("—")},
                         {"amount", yen_amount(d.amount_yen)},
                         {"programme", d.programme.empty() ? std::string("—") : programme_name(f, d.programme)},
                         {"note", d.note}});
    v["donation_lines"] = std::move(lines);
    json other = json::array();
    for (const AccountLine& l : y.other_income) other.push_back({{"line", l.line}, {"amount", yen_amount(l.amount_yen)}, {"note", l.note}});
    v["has_other_income"] = !other.empty();
    v["other_income"] = std::move(other);

    // Named donors: only those who agreed; the amount only when they agreed to that too.
    json donors = json::array();
    for (const NamedDonor& d : y.named_donors) {
        if (!d.consent) continue;
        donors.push_back({{"name", d.name},
                          {"donor_type", d.donor_type},
                          {"amount", d.amount_published && d.amount_yen ? yen_amount(*d.amount_yen) : std::string("非公表")},
                          {"programme", d.programme.empty() ? std::string() : programme_name(f, d.programme)}});
    }
    v["has_named_donors"] = !donors.empty();
    v["named_donors"] = std::move(donors);

    // Where it went: this year's grants by programme, content type and area.
    Breakdown by_programme, by_content, by_area;
    json grants = json::array();
    long long awarded = 0;
    for (int g : grants_of_fund(site, fund_ix)) {
        const Grant& grant = site.grants[g];
        if (grant.fiscal_year != y.fiscal_year || grant_cancelled(grant)) continue;
        by_programme.add(grant.programme.empty() ? "プログラムの指定なし" : programme_name(f, grant.programme), grant.amount_awarded_yen, 1);
        by_content.add(grant_content_type(site, grant), grant.amount_awarded_yen, 1);
        by_area.add(grant_area(site, grant), grant.amount_awarded_yen, 1);
        grants.push_back(grant_row(site, g));
        awarded += grant.amount_awarded_yen;
    }
    std::vector<std::string> programme_order;
    for (const FundProgramme& p : f.programmes) programme_order.push_back(p.name.empty() ? p.id : p.name);
    by_programme.order_by(programme_order);
    by_content.order_by_amount();
    by_area.order_by_amount();
    v["by_programme"] = breakdown_section("programme", "プログラム別の助成決定額（" + fy_short + "）", "", by_programme, "プログラム", true);
    v["by_content"] = breakdown_section("content-type", "活動の種類別の助成決定額（" + fy_short + "）",
                                        "助成を受けた活動の主な種類（最初に登録された種類）ごとの合計です。", by_content, "活動の種類", true);
    v["by_area"] = breakdown_section("area", "地域別の助成決定額（" + fy_short + "）", "助成の対象地域（最初に登録された地域）ごとの合計です。",
                                     by_area, "地域", true);
    v["has_grants"] = !grants.empty();
    v["grants"] = std::move(grants);
    v["grants_total"] = yen_amount(awarded);
    v["grants_url"] = fund_grants_path(f.meta.id);

    // Outflows: grants paid and the cost of running the fund.
    const FundYearTotals t = fund_year_totals(site, site.fund_years[year_ix]);
    std::vector<ChartDatum> out_items = {{"助成金の支払い", t.disbursed}, {"事業費", t.business_costs}, {"管理費", t.admin_costs}};
    if (t.other_costs) out_items.push_back({"その他の費用", t.other_costs});
    v["outflow_chart"] = bar_chart_svg({"outflow", "支出の内訳（" + fy_short + "）", "この年度に基金から出ていったお金です。"}, out_items);
    json outflow_rows = json::array();
    long long out_total = 0;
    for (const ChartDatum& d : out_items) {
        out_total += d.value;
        outflow_rows.push_back({{"label", d.label}, {"amount", yen_amount(d.value)}});
    }
    for (size_t i = 0; i < out_items.size(); ++i) outflow_rows[i]["share"] = Breakdown::share(out_items[i].value, out_total);
    v["outflow_rows"] = std::move(outflow_rows);
    v["outflow_total"] = yen_amount(out_total);

    // Operating costs.
    json cost_lines = json::array();
    for (const AccountLine& l : y.costs)
        cost_lines.push_back({{"line", l.line}, {"category", l.category.empty() ? std::string("区分なし") : l.category},
                              {"amount", yen_amount(l.amount_yen)}, {"note", l.note}});
    v["has_costs"] = !cost_lines.empty();
    v["cost_lines"] = std::move(cost_lines);
    v["cost_chart"] = t.costs > 0 ? stacked_bar_chart_svg({"costs", "運営費の内訳（" + fy_short + "）", "運営にかかった費用の、事業費と管理費の割合です。"},
                                                          {"事業費", "管理費"}, {{fy_short, {t.business_costs, t.admin_costs}}})
                                  : std::string();
    v["cost_share_of_income"] = t.income > 0 ? Breakdown::share(t.costs, t.income) : std::string();

    // Audit.
    v["audit"] = {{"present", !y.audit_opinion.empty() || !y.audit_date.empty() || !y.audit_by.empty()},
                  {"opinion", y.audit_opinion},
                  {"date", date_view(y.audit_date)},
                  {"by", y.audit_by}};
    v["note_html"] = y.note.empty() ? std::string() : render_markdown_at(y.note, 3);

    // Neighbouring years.
    const std::vector<int> years = years_of_fund(site, fund_ix);
    auto pos = std::find(years.begin(), years.end(), year_ix);
    v["prev"] = pos != years.end() && pos != years.begin() ? json{{"url", year_url(site, *(pos - 1))}, {"label", fiscal_year_label(site.fund_years[*(pos - 1)].fiscal_year)}} : json(false);
    v["next"] = pos != years.end() && pos + 1 != years.end() ? json{{"url", year_url(site, *(pos + 1))}, {"label", fiscal_year_label(site.fund_years[*(pos + 1)].fiscal_year)}} : json(false);
    v["last_confirmed"] = date_view(y.meta.last_confirmed);
    v["as_of"] = date_view(y.meta.as_of);
    v["source"] = y.meta.source;

    PageFrame frame;
    frame.path = year_url(site, year_ix);
    frame.title = f.name + " " + label + "の報告";
    frame.description = f.name + "の" + label + "の寄付・助成・運営費と残高の報告です";
    frame.nav_key = "funds";
    frame.crumbs = {{kFundsLabel, kFundsIndex}, {f.name, fund_path(f.meta.id)}};
    json view;
    view["fund"] = std::move(v);
    return PageParts{std::move(frame), "fund_year", std::move(view)};
}

std::string render_fund_year(const RenderContext& ctx, int fund_ix, int year_ix) {
    return render_page(ctx, fund_year_parts(ctx, fund_ix, year_ix));
}

// ---- funds/ID/grants.html ----

std::string render_fund_grants(const RenderContext& ctx, int fund_ix) {
    const Site& site = *ctx.site;
    const Fund& f = site.funds[fund_ix];
    json v = fund_ref(site, fund_ix);
    json rows = json::array();
    long long awarded = 0, disbursed = 0;
    int counted = 0;
    std::vector<int> fiscal_years;
    std::vector<std::string> statuses, programmes;
    for (int g : grants_of_fund(site, fund_ix)) {
        const Grant& grant = site.grants[g];
        json r = grant_row(site, g);
        rows.push_back(r);
        if (!grant_cancelled(grant)) {
            awarded += grant.amount_awarded_yen;
            ++counted;
        }
        disbursed += grant.disbursed_yen();
        if (std::find(fiscal_years.begin(), fiscal_years.end(), grant.fiscal_year) == fiscal_years.end()) fiscal_years.push_back(grant.fiscal_year);
        if (std::find(statuses.begin(), statuses.end(), grant.status) == statuses.end()) statuses.push_back(grant.status);
        const std::string p = r["programme"].get<std::string>();
        if (!p.empty() && std::find(programmes.begin(), programmes.end(), p) == programmes.end()) programmes.push_back(p);
    }
    std::sort(fiscal_years.begin(), fiscal_years.end());
    json fy = json::array();
    for (int y : fiscal_years) fy.push_back({{"value", fiscal_year_short(y)}, {"label", fiscal_year_label(y)}});
    v["filter_years"] = std::move(fy);
    v["filter_programmes"] = programmes;
    v["filter_statuses"] = statuses;
    v["has_programme_filter"] = !programmes.empty();
    v["rows"] = std::move(rows);
    v["count"] = count_text(counted, "件");
    v["awarded_total"] = yen_amount(awarded);
    v["awarded_total_value"] = awarded;
    v["disbursed_total"] = yen_amount(disbursed);
    v["disbursed_total_value"] = disbursed;
    v["has_cancelled"] = counted != static_cast<int>(v["rows"].size());

    PageFrame frame;
    frame.path = fund_grants_path(f.meta.id);
    frame.title = f.name + "の助成一覧";
    frame.description = f.name + "が助成した団体・事業・金額の一覧です";
    frame.nav_key = "funds";
    frame.crumbs = {{kFundsLabel, kFundsIndex}, {f.name, fund_path(f.meta.id)}};
    frame.extra_js.push_back("assets/js/grant_table.js");
    json view;
    view["fund"] = std::move(v);
    return render_page(ctx, frame, "fund_grants", std::move(view));
}

}  // namespace

PageParts fund_year_page(const RenderContext& ctx, int fund_ix, int year_ix) { return fund_year_parts(ctx, fund_ix, year_ix); }

void plan_fund_pages(const RenderContext& ctx, PagePlan& plan) {
    const Site& site = *ctx.site;
    if (site.funds.empty()) return;
    plan.push_back(PageJob{kFundsIndex, "", true, render_fund_index});
    for (size_t i = 0; i < site.funds.size(); ++i) {
        const Fund& f = site.funds[i];
        const int ix = static_cast<int>(i);
        plan.push_back(PageJob{fund_path(f.meta.id), to_iso(f.meta.last_confirmed), true,
                               [ix](const RenderContext& ctx) { return render_fund(ctx, ix); }});
        for (int y : years_of_fund(site, ix))
            plan.push_back(PageJob{year_url(site, y), to_iso(site.fund_years[y].meta.last_confirmed), true,
                                   [ix, y](const RenderContext& ctx) { return render_fund_year(ctx, ix, y); }});
        if (!f.real && !grants_of_fund(site, ix).empty())
            plan.push_back(PageJob{fund_grants_path(f.meta.id), "", true,
                                   [ix](const RenderContext& ctx) { return render_fund_grants(ctx, ix); }});
    }
}

}  // namespace tsunagu
