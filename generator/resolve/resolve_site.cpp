#include "resolve/resolve_site.h"

#include <algorithm>

#include "resolve/privacy.h"

namespace tsunagu {

namespace {

std::string where(const SourcePos& p) { return p.file + ":" + std::to_string(p.line); }

// Sorts by id (stable, so the first file keeps an id) and removes records without an id
// (already reported by load) and later duplicates (reported here).
template <class Record>
void sort_and_dedupe(std::vector<Record>& records, const char* kind_ja, const char* kind_en, Diagnostics& diags) {
    std::erase_if(records, [](const Record& r) { return r.meta.id.empty(); });
    std::stable_sort(records.begin(), records.end(),
                     [](const Record& a, const Record& b) { return a.meta.id < b.meta.id; });
    std::vector<Record> kept;
    kept.reserve(records.size());
    for (Record& r : records) {
        if (!kept.empty() && kept.back().meta.id == r.meta.id) {
            diags.push_back(make_error("id.duplicate", field_position(r.meta, "id"),
                                       std::string(kind_ja) + "の id \"" + r.meta.id + "\" は " + where(kept.back().meta.pos) +
                                           " でも使われています",
                                       std::string(kind_en) + " id \"" + r.meta.id + "\" is already used at " +
                                           where(kept.back().meta.pos)));
            continue;
        }
        kept.push_back(std::move(r));
    }
    records = std::move(kept);
}

template <class Record>
std::unordered_map<std::string, int> index_by_id(const std::vector<Record>& records) {
    std::unordered_map<std::string, int> m;
    m.reserve(records.size());
    for (size_t i = 0; i < records.size(); ++i) m.emplace(records[i].meta.id, static_cast<int>(i));
    return m;
}

void dangling(Diagnostics& diags, const RecordMeta& meta, const char* field, int index, const std::string& target,
              const char* kind_ja, const char* kind_en) {
    diags.push_back(make_error("ref.dangling", field_position(meta, field, index),
                               std::string(field) + " の \"" + target + "\" という" + kind_ja + "が見つかりません",
                               std::string(field) + ": no " + kind_en + " with id \"" + target + "\""));
}

int resolve_one(const std::unordered_map<std::string, int>& by_id, const std::string& id, const RecordMeta& meta,
                const char* field, const char* kind_ja, const char* kind_en, Diagnostics& diags) {
    if (id.empty()) return -1;
    auto it = by_id.find(id);
    if (it == by_id.end()) {
        dangling(diags, meta, field, -1, id, kind_ja, kind_en);
        return -1;
    }
    return it->second;
}

std::vector<int> resolve_list(const std::unordered_map<std::string, int>& by_id, const std::vector<std::string>& ids,
                              const RecordMeta& meta, const char* field, const char* kind_ja, const char* kind_en,
                              Diagnostics& diags) {
    std::vector<int> out;
    for (size_t i = 0; i < ids.size(); ++i) {
        auto it = by_id.find(ids[i]);
        if (it == by_id.end()) {
            dangling(diags, meta, field, static_cast<int>(i), ids[i], kind_ja, kind_en);
            continue;
        }
        if (std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
    }
    return out;
}

void resolve_areas(Site& site, Diagnostics& diags) {
    for (Area& a : site.areas) {
        a.parent_ix = resolve_one(site.area_by_id, a.parent, a.meta, "parent", "地域", "area", diags);
        if (a.parent_ix >= 0 && &site.areas[a.parent_ix] == &a) {
            diags.push_back(make_error("area.cycle", field_position(a.meta, "parent"), "地域が自分自身を親にしています",
                                       "an area cannot be its own parent"));
            a.parent_ix = -1;
        }
    }
    // Break cycles: walk up from each area; a walk longer than the number of areas loops.
    const int n = static_cast<int>(site.areas.size());
    for (int i = 0; i < n; ++i) {
        int steps = 0;
        for (int p = site.areas[i].parent_ix; p >= 0; p = site.areas[p].parent_ix) {
            if (++steps > n) {
                Area& a = site.areas[i];
                diags.push_back(make_error("area.cycle", field_position(a.meta, "parent"),
                                           "地域 \"" + a.meta.id + "\" の親をたどると元に戻ってしまいます（循環）",
                                           "the parents of area \"" + a.meta.id + "\" form a cycle"));
                a.parent_ix = -1;
                break;
            }
        }
    }
    for (int i = 0; i < n; ++i) {
        Area& a = site.areas[i];
        if (a.parent_ix >= 0) site.areas[a.parent_ix].children_ix.push_back(i);
        else site.root_areas.push_back(i);
    }
    // Depth by walking up (bounded: cycles are broken above).
    for (Area& a : site.areas) {
        a.depth = 0;
        for (int p = a.parent_ix; p >= 0; p = site.areas[p].parent_ix) ++a.depth;
    }
}
// Funds, their fiscal years and grants: references, and the lists pages walk (years by fiscal
// year; grants by award date, then id; each organization's grants received).
void resolve_funds(Site& site, Diagnostics& diags) {
    site.fund_by_id = index_by_id(site.funds);
    site.fund_year_by_id = index_by_id(site.fund_years);
    site.grant_by_id = index_by_id(site.grants);
    for (size_t i = 0; i < site.funds.size(); ++i) {
        Fund& f = site.funds[i];
        f.operator_ix = resolve_one(site.organization_by_id, f.operator_org, f.meta, "operator", "団体", "organization", diags);
        if (f.operator_ix >= 0) site.organizations[f.operator_ix].funds_ix.push_back(static_cast<int>(i));
    }
    for (size_t i = 0; i < site.fund_years.size(); ++i) {
        FundYear& y = site.fund_years[i];
        y.fund_ix = resolve_one(site.fund_by_id, y.fund, y.meta, "fund", "基金", "fund", diags);
        if (y.fund_ix >= 0) site.funds[y.fund_ix].years_ix.push_back(static_cast<int>(i));
    }
    for (Fund& f : site.funds)
        std::stable_sort(f.years_ix.begin(), f.years_ix.end(), [&](int a, int b) {
            return site.fund_years[a].fiscal_year < site.fund_years[b].fiscal_year;
        });
    std::vector<int> order(site.grants.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const Grant& x = site.grants[a];
        const Grant& y = site.grants[b];
        return x.award_date != y.award_date ? x.award_date < y.award_date : x.meta.id < y.meta.id;
    });
    for (int i : order) {
        Grant& g = site.grants[i];
        g.fund_ix = resolve_one(site.fund_by_id, g.fund, g.meta, "fund", "基金", "fund", diags);
        g.recipient_ix = resolve_one(site.organization_by_id, g.recipient, g.meta, "recipient", "団体", "organization", diags);
        g.activity_ix = resolve_one(site.activity_by_id, g.activity, g.meta, "activity", "活動", "activity", diags);
        g.areas_ix = resolve_list(site.area_by_id, g.areas, g.meta, "areas", "地域", "area", diags);
        if (g.fund_ix >= 0) {
            Fund& f = site.funds[g.fund_ix];
            f.grants_ix.push_back(i);
            for (int y : f.years_ix)
                if (site.fund_years[y].fiscal_year == g.fiscal_year) site.fund_years[y].grants_ix.push_back(i);
        }
        if (g.recipient_ix >= 0) site.organizations[g.recipient_ix].grants_ix.push_back(i);
    }
}

// A member or link end named by organization id or by the member's name.
bool names_member(const Network& n, const std::string& who) {
    for (const NetworkMember& m : n.members)
        if (m.organization == who || m.name == who) return true;
    for (const NetworkMember& m : n.observers)
        if (m.organization == who || m.name == who) return true;
    return who == n.convener || who == n.secretariat;
}

SourcePos at_line(const RecordMeta& meta, int line) { return SourcePos{meta.pos.file, line, 1}; }

// Networks: area, convener, secretariat, chair and member organizations; link ends must be
// members (or the convener or secretariat), so the diagram never draws a stranger.
void resolve_networks(Site& site, Diagnostics& diags) {
    site.network_by_id = index_by_id(site.networks);
    for (Network& n : site.networks) {
        n.area_ix = resolve_one(site.area_by_id, n.area, n.meta, "area", "地域", "area", diags);
        n.convener_ix = resolve_one(site.organization_by_id, n.convener, n.meta, "convener", "団体", "organization", diags);
        n.secretariat_ix =
            resolve_one(site.organization_by_id, n.secretariat, n.meta, "secretariat", "団体", "organization", diags);
        n.chair_ix =
            resolve_one(site.organization_by_id, n.chair_organization, n.meta, "organization", "団体", "organization", diags);
        for (auto* list : {&n.members, &n.observers})
            for (NetworkMember& m : *list) {
                if (m.organization.empty()) continue;
                auto it = site.organization_by_id.find(m.organization);
                if (it == site.organization_by_id.end())
                    diags.push_back(make_error("ref.dangling", at_line(n.meta, m.line),
                                               "members の \"" + m.organization + "\" という団体が見つかりません",
                                               "members: no organization with id \"" + m.organization + "\""));
                else
                    m.organization_ix = it->second;
            }
        for (const NetworkLink& l : n.links)
            for (const std::string* end : {&l.from, &l.to})
                if (!end->empty() && !names_member(n, *end))
                    diags.push_back(make_error("network.link_end", at_line(n.meta, l.line),
                                               "links の「" + *end + "」は、このネットワークの members・observers・convener・secretariat にありません",
                                               "links: \"" + *end + "\" is not a member, observer, convener or secretariat of this network"));
    }
}

// Council reports: the council (a network) and the areas of needs and plans; each network's
// reports by fiscal year.
void resolve_reports(Site& site, Diagnostics& diags) {
    site.report_by_id = index_by_id(site.reports);
    for (size_t i = 0; i < site.reports.size(); ++i) {
        CouncilReport& r = site.reports[i];
        r.council_ix = resolve_one(site.network_by_id, r.council, r.meta, "council", "協議体", "council", diags);
        if (r.council_ix >= 0) site.networks[r.council_ix].reports_ix.push_back(static_cast<int>(i));
        auto area = [&](const std::string& id, int line, int& out) {
            if (id.empty()) return;
            auto it = site.area_by_id.find(id);
            if (it == site.area_by_id.end())
                diags.push_back(make_error("ref.dangling", at_line(r.meta, line), "area の \"" + id + "\" という地域が見つかりません",
                                           "area: no area with id \"" + id + "\""));
            else
                out = it->second;
        };
        for (FoundNeed& n : r.needs) area(n.area, n.line, n.area_ix);
        for (ReportPlan& p : r.plans) area(p.area, p.line, p.area_ix);
    }
    for (Network& n : site.networks) {
        std::stable_sort(n.reports_ix.begin(), n.reports_ix.end(),
                         [&](int a, int b) { return site.reports[a].fiscal_year < site.reports[b].fiscal_year; });
        for (size_t k = 1; k < n.reports_ix.size(); ++k) {
            const CouncilReport& prev = site.reports[n.reports_ix[k - 1]];
            const CouncilReport& cur = site.reports[n.reports_ix[k]];
            if (prev.fiscal_year == cur.fiscal_year)
                diags.push_back(make_error("report.duplicate_year", cur.meta.pos,
                                           n.name + " の " + std::to_string(cur.fiscal_year) + "年度の報告は " + where(prev.meta.pos) +
                                               " にもあります",
                                           "the " + std::to_string(cur.fiscal_year) + " report of " + n.meta.id +
                                               " is already at " + where(prev.meta.pos)));
        }
    }
}

// Handbooks: every section's area, fund and year, report and cases.
void resolve_handbooks(Site& site, Diagnostics& diags) {
    site.handbook_by_id = index_by_id(site.handbooks);
    for (Handbook& h : site.handbooks)
        for (HandbookSection& s : h.sections) {
            const SourcePos at = at_line(h.meta, s.line);
            auto find = [&](const std::unordered_map<std::string, int>& by_id, const std::string& id, const char* field,
                            const char* kind_ja, const char* kind_en) {
                if (id.empty()) return -1;
                auto it = by_id.find(id);
                if (it != by_id.end()) return it->second;
                diags.push_back(make_error("ref.dangling", at, std::string("sections.") + field + " の \"" + id + "\" という" + kind_ja + "が見つかりません",
                                           std::string("sections.") + field + ": no " + kind_en + " with id \"" + id + "\""));
                return -1;
            };
            s.area_ix = find(site.area_by_id, s.area, "area", "地域", "area");
            s.fund_ix = find(site.fund_by_id, s.fund, "fund", "基金", "fund");
            s.report_ix = find(site.report_by_id, s.report, "report", "年次報告", "council report");
            for (const std::string& c : s.cases)
                if (int ix = find(site.case_by_id, c, "cases", "事例", "case study"); ix >= 0) s.cases_ix.push_back(ix);
            if (s.kind == HandbookSectionKind::fund_year && s.fund_ix >= 0) {
                for (int y : site.funds[s.fund_ix].years_ix)
                    if (site.fund_years[y].fiscal_year == s.fiscal_year) s.fund_year_ix = y;
                if (s.fund_year_ix < 0 && s.fiscal_year != 0)
                    diags.push_back(make_error("ref.dangling", at,
                                               "基金「" + site.funds[s.fund_ix].name + "」に " + std::to_string(s.fiscal_year) + "年度の報告がありません",
                                               "fund " + s.fund + " has no fiscal year " + std::to_string(s.fiscal_year)));
            }
        }
}

}  // namespace

void resolve_site(Site& site, Diagnostics& diags) {
    sort_and_dedupe(site.areas, "地域", "area", diags);
    sort_and_dedupe(site.organizations, "団体", "organization", diags);
    sort_and_dedupe(site.activities, "活動", "activity", diags);
    sort_and_dedupe(site.consultation_points, "相談窓口", "consultation point", diags);
    sort_and_dedupe(site.difficulties, "困りごと", "difficulty", diags);
    sort_and_dedupe(site.funds, "基金", "fund", diags);
    sort_and_dedupe(site.fund_years, "基金の年度", "fund year", diags);
    sort_and_dedupe(site.grants, "助成", "grant", diags);
    sort_and_dedupe(site.cases, "事例", "case study", diags);
    sort_and_dedupe(site.networks, "ネットワーク", "network", diags);
    sort_and_dedupe(site.reports, "年次報告", "council report", diags);
    sort_and_dedupe(site.handbooks, "冊子", "handbook", diags);
    // The order people see them in: by `order`, then (sorted above) by id.
    std::stable_sort(site.difficulties.begin(), site.difficulties.end(),
                     [](const Difficulty& a, const Difficulty& b) { return a.order < b.order; });

    site.area_by_id = index_by_id(site.areas);
    site.organization_by_id = index_by_id(site.organizations);
    site.activity_by_id = index_by_id(site.activities);
    site.consultation_by_id = index_by_id(site.consultation_points);

    resolve_areas(site, diags);

    for (Organization& o : site.organizations)
        o.areas_served_ix = resolve_list(site.area_by_id, o.areas_served, o.meta, "areas_served", "地域", "area", diags);

    for (size_t i = 0; i < site.activities.size(); ++i) {
        Activity& a = site.activities[i];
        a.organization_ix =
            resolve_one(site.organization_by_id, a.organization, a.meta, "organization", "団体", "organization", diags);
        a.areas_ix = resolve_list(site.area_by_id, a.areas, a.meta, "areas", "地域", "area", diags);
        if (a.organization_ix >= 0) site.organizations[a.organization_ix].activities_ix.push_back(static_cast<int>(i));
        protect_private_venue(a.venue);
    }
    for (size_t i = 0; i < site.consultation_points.size(); ++i) {
        ConsultationPoint& c = site.consultation_points[i];
        c.organization_ix =
            resolve_one(site.organization_by_id, c.organization, c.meta, "organization", "団体", "organization", diags);
        c.areas_covered_ix = resolve_list(site.area_by_id, c.areas_covered, c.meta, "areas_covered", "地域", "area", diags);
        if (c.organization_ix >= 0) site.organizations[c.organization_ix].consultation_ix.push_back(static_cast<int>(i));
        protect_private_venue(c.venue);
    }

    resolve_funds(site, diags);
    site.case_by_id = index_by_id(site.cases);
    resolve_networks(site, diags);
    resolve_reports(site, diags);
    resolve_handbooks(site, diags);

    std::stable_sort(site.pages.begin(), site.pages.end(), [](const ContentPage& a, const ContentPage& b) {
        return a.order != b.order ? a.order < b.order : a.slug < b.slug;
    });
}

}  // namespace tsunagu
