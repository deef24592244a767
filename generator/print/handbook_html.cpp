#include "print/handbook_html.h"

#include <algorithm>
#include <regex>
#include <unordered_set>

#include "model/taxonomy.h"
#include "print/qr_svg.h"
#include "render/kana_rows.h"
#include "render/links.h"
#include "render/markdown_section.h"
#include "render/page_context.h"
#include "render/record_views.h"
#include "text/occurrences.h"
#include "text/schedule_format.h"
#include "text/wareki.h"

namespace tsunagu {

using nlohmann::json;

namespace {

constexpr int kNextDatesShown = 3;
constexpr long kNextDatesHorizon = 400;

std::string pageno(const PageNumbers& numbers, const std::string& anchor) {
    auto it = numbers.find(anchor);
    return it == numbers.end() ? std::string() : std::to_string(it->second);
}

std::string activity_anchor(const Activity& a) { return "act-" + a.meta.id; }
std::string point_anchor(const ConsultationPoint& p) { return "con-" + p.meta.id; }

// What every chapter builder adds to: anchors to number, the outline, index entries.
struct Book {
    const RenderContext& ctx;
    const PageNumbers& numbers;
    Date today;
    std::vector<std::string> anchors;
    std::vector<HandbookOutline> outline;
    struct IndexEntry {
        std::string key, name, anchor;
    };
    std::vector<IndexEntry> index;
    std::vector<std::string> activity_names;
    std::unordered_set<std::string> printed;  // anchors already printed (an activity in two chapters is printed once)

    json ref(const std::string& anchor) {
        anchors.push_back(anchor);
        const std::string n = pageno(numbers, anchor);
        return {{"anchor", anchor}, {"pageno", n}, {"has_pageno", !n.empty()}};
    }
};

std::string qr_for(const RenderContext& ctx, const std::string& path, const std::string& name) {
    if (ctx.base_url.empty()) return {};
    return qr_svg(absolute_url(ctx.base_url, path), name + "のページを開くQRコード");
}

json activity_entry(Book& book, int ix) {
    const Site& site = *book.ctx.site;
    const Activity& a = site.activities[ix];
    json e = book.ref(activity_anchor(a));
    e["name"] = a.name;
    e["reading"] = a.reading;
    e["summary"] = a.summary;
    e["status"] = inactive_status(a.status);
    e["targets"] = join_labels(a.target_people);
    e["schedule"] = a.schedule.text.empty() ? format_schedule(a.schedule) : a.schedule.text;
    std::vector<std::string> next;
    if (!book.today.empty() && a.status == "活動中")
        for (const Occurrence& o : occurrences(a.schedule, book.today, add_days(book.today, kNextDatesHorizon), kNextDatesShown))
            next.push_back(format_next(o));
    e["next"] = next;  // each date kept whole on its line (span.date)
    e["has_next"] = !next.empty();
    std::string where = a.venue.name;
    std::string address = a.venue.address;
    if (!a.venue.private_home && !a.venue.address_detail.empty()) address += " " + a.venue.address_detail;
    e["venue"] = where;
    e["address"] = address;
    e["private_home"] = a.venue.private_home;
    std::vector<std::string> fees;
    for (const Fee& f : a.fees) {
        std::string t = f.person.empty() ? std::string() : f.person + " ";
        if (f.amount_yen) t += yen_text(*f.amount_yen);
        if (!f.note.empty()) t += "（" + f.note + "）";
        if (!t.empty()) fees.push_back(t);
    }
    if (!a.fee_note.empty()) fees.push_back(a.fee_note);
    e["fees"] = join_labels(fees, "／");
    e["phone"] = a.contact.phone;
    e["contact_role"] = a.contact.person_role;
    e["organization"] = a.organization_ix >= 0 ? site.organizations[a.organization_ix].name : "";
    e["last_confirmed"] = date_view(a.meta.last_confirmed);
    e["qr"] = qr_for(book.ctx, activity_path(a.meta.id), a.name);
    book.index.push_back({reading_key(a.reading, a.name), a.name, activity_anchor(a)});
    book.activity_names.push_back(a.name);
    book.printed.insert(activity_anchor(a));
    return e;
}

json point_entry(Book& book, int ix) {
    const Site& site = *book.ctx.site;
    const ConsultationPoint& p = site.consultation_points[ix];
    json e = book.ref(point_anchor(p));
    e["name"] = p.name;
    e["reading"] = p.reading;
    e["alias"] = p.local_alias;
    e["summary"] = p.summary;
    e["topics"] = join_labels(p.topics);
    e["hours"] = p.hours.text.empty() ? format_schedule(p.hours) : p.hours.text;
    e["address"] = p.venue.address;
    e["phone"] = p.contact.phone;
    e["fee_note"] = p.fee_note;
    e["last_confirmed"] = date_view(p.meta.last_confirmed);
    e["qr"] = qr_for(book.ctx, consultation_path(p.meta.id), p.name);
    book.index.push_back({reading_key(p.reading, p.name), p.name, point_anchor(p)});
    book.printed.insert(point_anchor(p));
    return e;
}

// The activities of an area (its own and those inside it) grouped by content type in taxonomy
// order. An activity of several types is printed under its first and referred to from the others.
json area_chapter(Book& book, const HandbookSection& s, const std::string& chapter_id) {
    const RenderContext& ctx = book.ctx;
    const Site& site = *ctx.site;
    std::vector<int> acts;
    for (int a : ctx.area_activities[s.area_ix])
        if (site.activities[a].status != "終了") acts.push_back(a);
    const auto& types = terms(Vocabulary::content_type);
    json groups = json::array();
    auto first_type = [&](const Activity& a) {
        for (const std::string& t : a.content_types)
            if (int ix = term_index(Vocabulary::content_type, t); ix >= 0) return ix;
        return -1;
    };
    for (int t = -1; t < static_cast<int>(types.size()); ++t) {
        json entries = json::array(), xrefs = json::array();
        for (int a : acts) {
            const Activity& act = site.activities[a];
            const int primary = first_type(act);
            if (t == -1 ? primary != -1 : primary != t) {
                // Referred to from another type's group it also belongs to.
                const bool also = t >= 0 && std::find(act.content_types.begin(), act.content_types.end(), std::string(types[t].label)) !=
                                                act.content_types.end();
                if (also) {
                    json x = book.ref(activity_anchor(act));
                    x["name"] = act.name;
                    xrefs.push_back(std::move(x));
                }
                continue;
            }
            if (book.printed.count(activity_anchor(act))) {
                json x = book.ref(activity_anchor(act));  // printed in an earlier chapter
                x["name"] = act.name;
                xrefs.push_back(std::move(x));
                continue;
            }
            entries.push_back(activity_entry(book, a));
        }
        if (entries.empty() && xrefs.empty()) continue;
        const std::string label = t >= 0 ? std::string(types[t].label) : std::string("そのほかの活動");
        const std::string anchor = chapter_id + "-" + (t >= 0 ? std::string(types[t].slug) : std::string("other"));
        json g = book.ref(anchor);
        g["title"] = label;
        g["entries"] = std::move(entries);
        g["xrefs"] = std::move(xrefs);
        g["has_xrefs"] = !g["xrefs"].empty();
        book.outline.push_back({label, anchor, 1});
        groups.push_back(std::move(g));
    }
    json c;
    c["is_area"] = true;
    c["groups"] = std::move(groups);
    c["intro"] = site.areas[s.area_ix].name + "（と、その中の地区）で開かれている活動です。種類ごとに、名前の読みの順に並べています。" +
                 "ほかの種類にもあてはまる活動は、そのページを「→」で示しています。";
    c["count"] = count_text(static_cast<long long>(acts.size()), "件");
    return c;
}

json consultation_chapter(Book& book, const HandbookSection& s) {
    const RenderContext& ctx = book.ctx;
    const Site& site = *ctx.site;
    std::vector<int> points;
    if (s.area_ix >= 0) points = ctx.area_consultation[s.area_ix];
    else points = ctx.consultation_by_reading;
    std::erase_if(points, [&](int p) { return site.consultation_points[p].status == "終了"; });
    std::vector<std::string> kinds;
    for (int p : points)
        if (std::find(kinds.begin(), kinds.end(), site.consultation_points[p].generic_type) == kinds.end())
            kinds.push_back(site.consultation_points[p].generic_type);
    json groups = json::array();
    for (const std::string& k : kinds) {
        json entries = json::array();
        for (int p : points)
            if (site.consultation_points[p].generic_type == k) entries.push_back(point_entry(book, p));
        groups.push_back({{"title", k.empty() ? std::string("そのほかの相談窓口") : k}, {"entries", std::move(entries)}});
    }
    json c;
    c["is_consultation"] = true;
    c["point_groups"] = std::move(groups);
    return c;
}

std::string default_title(const Site& site, const HandbookSection& s) {
    switch (s.kind) {
        case HandbookSectionKind::area: return s.area_ix >= 0 ? site.areas[s.area_ix].name + "の活動" : "地域の活動";
        case HandbookSectionKind::consultation: return "相談窓口";
        case HandbookSectionKind::fund_year:
            return s.fund_ix >= 0 ? site.funds[s.fund_ix].name + " " + fiscal_year_label(s.fiscal_year) + "の報告" : "基金の報告";
        case HandbookSectionKind::report: return "協議体の活動報告";
        case HandbookSectionKind::cases: return "事例";
        case HandbookSectionKind::markdown: return "";
    }
    return "";
}

std::string page_css(const Handbook& h, const std::vector<std::pair<std::string, std::string>>& chapters) {
    const bool a4 = h.paper == "A4";
    std::string css = "@page { size: " + h.paper + "; margin: " + std::string(a4 ? "20mm 18mm 22mm 18mm" : "15mm 13mm 18mm 13mm") +
                      "; @bottom-center { content: counter(page); font-family: \"tsunagu-ud-fixed\", \"BIZ UDGothic\", monospace; font-size: " +
                      std::string(a4 ? "12pt" : "11pt") + "; } }\n";
    css += "@page cover { @bottom-center { content: none; } @top-center { content: none; } }\n";
    for (const auto& [name, title] : chapters) {
        css += "@page " + name + " { @top-center { content: " + css_string(title) + "; font-family: \"tsunagu-ud\", \"BIZ UDPGothic\", sans-serif; font-size: " +
               std::string(a4 ? "10pt" : "9pt") + "; } }\n";
        css += "." + name + " { page: " + name + "; }\n";
    }
    return css;
}

}  // namespace

std::string handbook_print_path(const std::string& id) { return "handbooks/" + url_path_escape(id) + "/print.html"; }

std::string css_string(std::string_view text) {
    std::string out = "\"";
    for (const char ch : text) {
        switch (ch) {
            case '"': out += "\\22 "; break;
            case '\\': out += "\\5c "; break;
            case '\n': out += "\\a "; break;
            case '\r': out += "\\d "; break;
            case '<': out += "\\3c "; break;
            case '>': out += "\\3e "; break;
            default: out += ch;
        }
    }
    return out + "\"";
}

std::string demote_headings(std::string_view html) {
    std::string s(html);
    static const std::regex tag(R"re(<(/?)h([1-5])\b)re");
    std::string out;
    size_t last = 0;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), tag); it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        out.append(s, last, m.position(0) - last);
        out += "<" + m[1].str() + "h" + std::to_string(m[2].str()[0] - '0' + 1);
        last = m.position(0) + m.length(0);
    }
    out.append(s, last, std::string::npos);
    return out;
}

std::string prefix_ids(std::string_view html, std::string_view prefix) {
    std::string s(html);
    const std::string p(prefix);
    static const std::regex single(R"re(\b(id|for)="([^"]+)")re");
    static const std::regex lists(R"re(\b(aria-labelledby|aria-describedby)="([^"]+)")re");
    static const std::regex fragment(R"re(\b((?:xlink:)?href)="#([^"]+)")re");
    static const std::regex css_url(R"re(url\(#([^)]+)\))re");
    s = std::regex_replace(s, single, "$1=\"" + p + "$2\"");
    s = std::regex_replace(s, fragment, "$1=\"#" + p + "$2\"");
    s = std::regex_replace(s, css_url, "url(#" + p + "$1)");
    std::string out;
    auto begin = std::sregex_iterator(s.begin(), s.end(), lists);
    size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        out.append(s, last, m.position(0) - last);
        std::string ids = m[2].str(), joined;
        size_t pos = 0;
        while (pos < ids.size()) {
            const size_t sp = ids.find(' ', pos);
            const std::string one = ids.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
            if (!one.empty()) joined += (joined.empty() ? "" : " ") + p + one;
            if (sp == std::string::npos) break;
            pos = sp + 1;
        }
        out += m[1].str() + "=\"" + joined + "\"";
        last = m.position(0) + m.length(0);
    }
    out.append(s, last, std::string::npos);
    return out;
}

HandbookHtml render_handbook_html(const RenderContext& ctx, const Handbook& h, const PageNumbers& numbers, const std::string& css,
                                  const Date& today) {
    const Site& site = *ctx.site;
    Book book{ctx, numbers, today, {}, {}, {}, {}, {}};
    json view;
    view["title"] = h.title;
    view["subtitle"] = h.subtitle;
    view["publisher"] = h.publisher.empty() ? site.config.publisher : h.publisher;
    const Date issued = h.issued.empty() ? today : h.issued;
    view["issued"] = dual_date_view(Date{issued.year, issued.month, 0});
    view["sample"] = site.config.sample;
    view["body_class"] = std::string(h.paper == "A4" ? "paper-a4" : "paper-a5") + (h.large_print ? " large-print" : " standard");
    view["site_title"] = site.config.title;
    view["site_url"] = ctx.base_url;

    json chapters = json::array();
    std::vector<std::pair<std::string, std::string>> page_names;
    int n = 0;
    for (const HandbookSection& s : h.sections) {
        const std::string id = "ch-" + std::to_string(++n);
        const std::string title = s.title.empty() ? default_title(site, s) : s.title;
        json c = {{"is_area", false}, {"is_consultation", false}, {"body_html", ""}, {"intro", ""}};
        c["id"] = id;
        c["page"] = id;
        c["title"] = title;
        book.outline.push_back({title, id, 0});
        const size_t outline_at = book.outline.size();
        switch (s.kind) {
            case HandbookSectionKind::area:
                if (s.area_ix >= 0) c.update(area_chapter(book, s, id));
                break;
            case HandbookSectionKind::consultation: c.update(consultation_chapter(book, s)); break;
            case HandbookSectionKind::fund_year:
                if (s.fund_year_ix >= 0)
                    c["body_html"] = demote_headings(
                        prefix_ids(render_body(ctx, fund_year_page(ctx, s.fund_ix, s.fund_year_ix), ctx.base_url), id + "-"));
                break;
            case HandbookSectionKind::report:
                if (s.report_ix >= 0)
                    c["body_html"] = demote_headings(prefix_ids(render_body(ctx, report_page(ctx, s.report_ix), ctx.base_url), id + "-"));
                break;
            case HandbookSectionKind::cases: {
                std::string body;
                int k = 0;
                for (int cx : s.cases_ix) {
                    const std::string sub = id + "-" + std::to_string(++k);
                    body += "<section class=\"case-chapter\" id=\"" + sub + "\">" +
                            demote_headings(demote_headings(prefix_ids(render_body(ctx, case_page(ctx, cx), ctx.base_url), sub + "-"))) +
                            "</section>\n";
                    book.outline.push_back({site.cases[cx].title, sub, 1});
                    book.anchors.push_back(sub);
                }
                c["body_html"] = body;
                break;
            }
            case HandbookSectionKind::markdown: c["body_html"] = render_markdown_at(s.body, 3); break;
        }
        // Reused page bodies carry their own <h1>; other chapters get one here.
        c["has_own_heading"] = s.kind == HandbookSectionKind::fund_year || s.kind == HandbookSectionKind::report;
        c["toc"] = book.ref(id);
        json sub = json::array();
        for (size_t k = outline_at; k < book.outline.size(); ++k)
            if (book.outline[k].level == 1) {
                json r = book.ref(book.outline[k].anchor);
                r["title"] = book.outline[k].title;
                sub.push_back(std::move(r));
            }
        c["toc_children"] = std::move(sub);
        page_names.emplace_back(id, title);
        chapters.push_back(std::move(c));
    }

    // さくいん: every activity and consultation point printed, by reading, under its 50音 row.
    std::stable_sort(book.index.begin(), book.index.end(), [](const Book::IndexEntry& a, const Book::IndexEntry& b) {
        return a.key != b.key ? a.key < b.key : a.name < b.name;
    });
    json rows = json::array();
    size_t current = SIZE_MAX;
    for (const Book::IndexEntry& e : book.index) {
        const size_t row = kana_row(e.key);
        if (row != current) {
            rows.push_back({{"label", std::string(kana_row_label(row))}, {"items", json::array()}});
            current = row;
        }
        json item = book.ref(e.anchor);
        item["name"] = e.name;
        rows.back()["items"].push_back(std::move(item));
    }
    view["has_index"] = !rows.empty();
    view["index_rows"] = std::move(rows);
    if (!book.index.empty()) {
        view["index_ref"] = book.ref("index");
        book.outline.push_back({"さくいん", "index", 0});
        page_names.emplace_back("index-pages", "さくいん");
    }
    view["toc_ref"] = book.ref("toc");
    view["chapters"] = std::move(chapters);
    view["css"] = css;
    view["page_css"] = page_css(h, page_names);

    const mustache::Template* t = ctx.templates->find("handbook");
    HandbookHtml out;
    if (t) mustache::render(*t, view, out.html);
    std::sort(book.anchors.begin(), book.anchors.end());
    book.anchors.erase(std::unique(book.anchors.begin(), book.anchors.end()), book.anchors.end());
    out.anchors = std::move(book.anchors);
    out.outline = std::move(book.outline);
    out.activity_names = std::move(book.activity_names);
    return out;
}

}  // namespace tsunagu
