// The relationship diagram of a network: layout (a rectangular ring of name boxes around the
// secretariat), line routing (straight when nothing is in the way, else the least bent curve
// that passes no other box), label placement and the legend. Everything is integer arithmetic
// in whole viewBox units, in the order of the input, so the same network gives the same bytes.
#include "render/network_diagram.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include "render/mustache.h"
#include "render/svg_chart.h"
#include "text/utf8.h"

namespace tsunagu {

namespace {

using mustache::escape_html;

constexpr int kWidth = 880;              // viewBox width, whatever the member count
constexpr int kMargin = 16;
constexpr int kNodeW = 120, kNodeH = 44;  // ring nodes: two lines of 8 full-width characters
constexpr int kCentreW = 132, kCentreH = 68;  // the secretariat: two name lines and 事務局
constexpr int kFont = 13;                // names and legend
constexpr int kLabelFont = 12;           // link labels
constexpr int kLinePitch = 16;
constexpr int kSlotY = 64;               // least distance between two boxes of a side column
constexpr int kMinRingHeight = 300;      // top row to bottom row: room for the centre and labels
constexpr int kMaxRowSlots = 6;          // boxes in the top (and bottom) row
constexpr int kLineBudget = 80;          // per name line, in tenths of an em: 8 full-width characters
constexpr int kLegendRow = 26;
constexpr const char* kFaint = "#8c8c8c";  // the thin line of a member without links (≥ 3:1)
constexpr const char* kObserverDash = "6 4";

// One dash pattern per network_link_labels() entry, in that order: 連携 solid, バックアップ long
// dashes, 事務局 dash-dot, 委託 short dashes, 助成 dash-dot-dot, 参加 dots, 情報提供 paired dashes,
// 相談 paired dots. A label outside the list takes the patterns again from the start.
constexpr const char* kLinkDashes[] = {"", "16 6", "16 4 3 4", "7 5", "16 4 3 4 3 4", "2 4", "7 3 7 9", "2 3 2 9"};
constexpr int kLinkDashCount = 8;

// ---- text ---------------------------------------------------------------------------------

// Widths in tenths of an em: full-width characters 10, the others 6 (a proportional Latin
// average, on the wide side so nothing overflows its box).
int char_units(char32_t c) { return (is_wide(c) || c == U'…') ? 10 : 6; }

int text_units(std::u32string_view s) {
    int w = 0;
    for (char32_t c : s) w += char_units(c);
    return w;
}

int text_width(const std::string& s, int font_size) { return (text_units(to_u32(s)) * font_size + 9) / 10; }

// Japanese line-break rules (禁則): these never start a line, those never end one; a line
// may well end after a closing one.
bool no_line_start(char32_t c) {
    static constexpr std::u32string_view s =
        U"、。，．,.・：；:;？！?!ー―〜）)］]｝}」』】〕〉》〟’”ゝゞヽヾ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";
    return s.find(c) != std::u32string_view::npos;
}
bool closing(char32_t c) {
    static constexpr std::u32string_view s = U"、。，．,.・：；:;？！?!）)］]｝}」』】〕〉》〟’”";
    return s.find(c) != std::u32string_view::npos;
}
bool no_line_end(char32_t c) {
    static constexpr std::u32string_view s = U"（(［[｛{「『【〔〈《〝‘“";
    return s.find(c) != std::u32string_view::npos;
}

// 1 hiragana, 2 katakana, 3 kanji, 4 Latin letters and digits, 0 anything else.
int script(char32_t c) {
    if (c >= 0x3041 && c <= 0x309F) return 1;
    if ((c >= 0x30A0 && c <= 0x30FF) || (c >= 0xFF66 && c <= 0xFF9F)) return 2;
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == U'々' || (c >= 0xF900 && c <= 0xFAFF)) return 3;
    if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xFF10 && c <= 0xFF19) ||
        (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A))
        return 4;
    return 0;
}

// Where a name may be broken, as code point offsets strictly inside it: the word boundaries of
// ICU's Japanese dictionary segmentation (あおば|市民|活動|振興|財団), or every position when
// ICU gives none; never against the 禁則 rules. (ICU's dictionary belongs to the ICU build, so
// a different ICU version may break a name elsewhere; one build always gives the same bytes.)
std::vector<size_t> break_points(const std::u32string& s, icu::BreakIterator* words) {
    std::vector<size_t> out;
    auto allowed = [&](size_t b) { return b > 0 && b < s.size() && !no_line_start(s[b]) && !no_line_end(s[b - 1]); };
    if (words) {
        const icu::UnicodeString u = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(s.data()),
                                                                  static_cast<int32_t>(s.size()));
        words->setText(u);
        std::vector<size_t> bounds = {0};
        for (int32_t p = words->next(); p != icu::BreakIterator::DONE; p = words->next())
            bounds.push_back(static_cast<size_t>(u.countChar32(0, p)));
        // A run of one-kana segments is a word the dictionary does not know (あおば|た|す|け|あいの|会):
        // it stays whole.
        auto single_kana = [&](size_t i) {
            return i + 1 < bounds.size() && bounds[i + 1] == bounds[i] + 1 && (script(s[bounds[i]]) == 1 || script(s[bounds[i]]) == 2);
        };
        for (size_t i = 1; i + 1 < bounds.size(); ++i)
            if (allowed(bounds[i]) && !(single_kana(i - 1) && single_kana(i) && script(s[bounds[i] - 1]) == script(s[bounds[i]])))
                out.push_back(bounds[i]);
    }
    if (out.empty())
        for (size_t b = 1; b < s.size(); ++b)
            if (allowed(b)) out.push_back(b);
    return out;
}

// s[begin, end) without the spaces at either end.
std::u32string_view trimmed(const std::u32string& s, size_t begin, size_t end) {
    while (begin < end && is_space(s[begin])) ++begin;
    while (end > begin && is_space(s[end - 1])) --end;
    return std::u32string_view(s).substr(begin, end - begin);
}

// The longest s[begin, b) that fits budget, b a break point (or the end of s); a shorter one
// than half the budget is refused for a hard cut at the budget instead.
size_t fill_line(const std::u32string& s, size_t begin, const std::vector<size_t>& breaks, int budget) {
    size_t best = 0;
    if (text_units(trimmed(s, begin, s.size())) <= budget) return s.size();
    for (size_t b : breaks)
        if (b > begin && text_units(trimmed(s, begin, b)) <= budget) best = b;
    if (best && text_units(trimmed(s, begin, best)) * 2 >= budget) return best;
    size_t e = begin;
    while (e < s.size() && is_space(s[e])) ++e;
    const size_t start = e;
    int w = 0;
    while (e < s.size() && w + char_units(s[e]) <= budget) w += char_units(s[e++]);
    size_t k = e;
    while (k > start + 1 && k < s.size() && (no_line_start(s[k]) || no_line_end(s[k - 1]))) --k;
    if (k < s.size() && !no_line_start(s[k]) && !no_line_end(s[k - 1])) e = k;
    return std::max(e, start + 1);
}

// A name in at most two lines of 8 full-width characters. Two lines are split at the most even
// break point (a space or an opening bracket counts as 3 and 2 characters of evenness). A
// longer name fills both lines and ends the second with …, and truncated is set: the caller
// then puts the whole name in a <title>, so no name is cut silently.
std::vector<std::string> name_lines(const std::string& name, icu::BreakIterator* words, bool& truncated) {
    truncated = false;
    const std::u32string s = to_u32(trim(name));
    if (s.empty()) return {};
    if (text_units(s) <= kLineBudget) return {from_u32(s)};
    const std::vector<size_t> breaks = break_points(s, words);
    auto best_split = [&](const std::vector<size_t>& candidates) -> size_t {
        size_t best = 0;
        long long best_score = 0;
        for (size_t b : candidates) {
            const int w1 = text_units(trimmed(s, 0, b)), w2 = text_units(trimmed(s, b, s.size()));
            if (w1 == 0 || w2 == 0 || w1 > kLineBudget || w2 > kLineBudget) continue;
            long long score = -std::abs(w1 - w2);
            if (is_space(s[b]) || is_space(s[b - 1])) score += 30;
            else if (no_line_end(s[b]) || closing(s[b - 1])) score += 20;
            else if (script(s[b - 1]) != script(s[b])) score += 5;  // フードバンク|あおば
            // A one-kanji word after the break is most likely the suffix of the word before it
            // (自治|会, あおば|市): keep it there.
            const auto next = std::upper_bound(candidates.begin(), candidates.end(), b);
            if (script(s[b]) == 3 && (next == candidates.end() ? s.size() : *next) == b + 1) score -= 10;
            if (!best || score > best_score) {
                best = b;
                best_score = score;
            }
        }
        return best;
    };
    size_t b = best_split(breaks);
    if (!b) {
        std::vector<size_t> every;
        for (size_t i = 1; i < s.size(); ++i)
            if (!no_line_start(s[i]) && !no_line_end(s[i - 1])) every.push_back(i);
        b = best_split(every);
    }
    if (b) return {from_u32(trimmed(s, 0, b)), from_u32(trimmed(s, b, s.size()))};
    truncated = true;
    const size_t e1 = fill_line(s, 0, breaks, kLineBudget);
    if (text_units(trimmed(s, e1, s.size())) <= kLineBudget) {  // the hard cut made room after all
        truncated = false;
        return {from_u32(trimmed(s, 0, e1)), from_u32(trimmed(s, e1, s.size()))};
    }
    const size_t e2 = fill_line(s, e1, breaks, kLineBudget - char_units(U'…'));
    return {from_u32(trimmed(s, 0, e1)), from_u32(trimmed(s, e1, e2)) + "…"};
}

// ---- nodes --------------------------------------------------------------------------------

struct Node {
    std::string org;       // organization id, or ""
    std::string name;      // the member's own name field, or ""
    std::string label;     // what is written in the box
    std::string category;
    bool observer = false;
    bool centre = false;
    bool linked = false;
    int x = 0, y = 0;      // centre of the box
    int hw = kNodeW / 2, hh = kNodeH / 2;
    std::vector<std::string> lines;
    bool truncated = false;
};

struct Box {
    int x0, y0, x1, y1;
};

Box node_box(const Node& n, int pad) { return {n.x - n.hw - pad, n.y - n.hh - pad, n.x + n.hw + pad, n.y + n.hh + pad}; }
bool inside(const Box& b, long long x, long long y) { return x > b.x0 && x < b.x1 && y > b.y0 && y < b.y1; }
bool overlap(const Box& a, const Box& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

std::string organization_name(const Site& site, int ix, const std::string& id) {
    if (ix < 0 || ix >= static_cast<int>(site.organizations.size())) {
        const auto it = site.organization_by_id.find(id);
        ix = it == site.organization_by_id.end() ? -1 : it->second;
    }
    if (ix >= 0 && ix < static_cast<int>(site.organizations.size()) && !site.organizations[ix].name.empty())
        return site.organizations[ix].name;
    return id;
}

// ---- routing ------------------------------------------------------------------------------

struct Route {
    int x0 = 0, y0 = 0, cx = 0, cy = 0, x1 = 0, y1 = 0;
    bool curved = false;
    Box label{0, 0, 0, 0};
    int lx = 0, ly = 0;  // label centre
};

long long isqrt(long long v) {
    if (v <= 0) return 0;
    long long r = static_cast<long long>(std::sqrt(static_cast<double>(v)));
    while (r * r > v) --r;
    while ((r + 1) * (r + 1) <= v) ++r;
    return r;
}

// Where the ray from n's centre toward (tx, ty) leaves its box, gap units outside it.
std::pair<int, int> exit_point(const Node& n, long long tx, long long ty, int gap) {
    const long long dx = tx - n.x, dy = ty - n.y;
    const long long hw = n.hw + gap, hh = n.hh + gap;
    if (dx == 0 && dy == 0) return {n.x, n.y};
    if (std::llabs(dx) * hh >= std::llabs(dy) * hw)
        return {static_cast<int>(n.x + (dx > 0 ? hw : -hw)), static_cast<int>(n.y + dy * hw / std::llabs(dx))};
    return {static_cast<int>(n.x + dx * hh / std::llabs(dy)), static_cast<int>(n.y + (dy > 0 ? hh : -hh))};
}

// The point at t = j / steps on the (quadratic) route.
std::pair<long long, long long> at(const Route& r, long long j, long long steps) {
    const long long a = steps - j, d = steps * steps;
    return {(a * a * r.x0 + 2 * a * j * r.cx + j * j * r.x1) / d, (a * a * r.y0 + 2 * a * j * r.cy + j * j * r.y1) / d};
}

class Layout {
public:
    Layout(std::vector<Node>& nodes, int height, int mid_x, int mid_y)
        : nodes_(nodes), height_(height), mid_x_(mid_x), mid_y_(mid_y) {}

    // The route for a line from node a to node b, with a label of lw × lh (0 × 0: none). Tries a
    // straight line, then curves bent further and further to either side (the side toward the
    // middle first), and keeps the first that passes through no other box and whose label
    // touches no box and no earlier label; failing that, the one that does least harm.
    Route route(int a, int b, int lw, int lh) {
        const int lo = std::min(a, b), hi = std::max(a, b);
        const long long dx = nodes_[hi].x - nodes_[lo].x, dy = nodes_[hi].y - nodes_[lo].y;
        const long long len = std::max(1LL, isqrt(dx * dx + dy * dy));
        const long long mx = (nodes_[a].x + nodes_[b].x) / 2, my = (nodes_[a].y + nodes_[b].y) / 2;
        // The normal (-dy, dx) points to the middle, or it is turned round.
        const int side = (-dy * (mid_x_ - mx) + dx * (mid_y_ - my)) >= 0 ? 1 : -1;
        std::vector<int> bends = {0};
        for (int k : {35, 55, 80, 120, 170, 230, 300, 400}) {
            bends.push_back(side * k);
            bends.push_back(-side * k);
        }
        std::vector<int>& used = used_bends_[static_cast<long long>(lo) * 100000 + hi];
        Route best;
        long long best_score = -1;
        int best_bend = 0;
        for (size_t i = 0; i < bends.size(); ++i) {
            const int d = bends[i];
            if (std::find(used.begin(), used.end(), d) != used.end()) continue;  // a second link of the same pair
            Route r;
            r.curved = d != 0;
            const long long cx = mx + (-dy * d) / len, cy = my + (dx * d) / len;
            const auto [x0, y0] = exit_point(nodes_[a], r.curved ? cx : nodes_[b].x, r.curved ? cy : nodes_[b].y, 2);
            const auto [x1, y1] = exit_point(nodes_[b], r.curved ? cx : nodes_[a].x, r.curved ? cy : nodes_[a].y, 4);
            r.x0 = x0, r.y0 = y0, r.x1 = x1, r.y1 = y1;
            r.cx = r.curved ? static_cast<int>(cx) : (x0 + x1) / 2;
            r.cy = r.curved ? static_cast<int>(cy) : (y0 + y1) / 2;
            long long score = static_cast<long long>(i) + path_cost(r, a, b) + (lw > 0 ? place_label(r, lw, lh) : 0);
            if (best_score < 0 || score < best_score) {
                best = r;
                best_score = score;
                best_bend = d;
            }
            if (score == static_cast<long long>(i)) break;  // nothing in the way
        }
        if (best_score >= 0) {
            used.push_back(best_bend);  // the next link of the same pair takes another bend
            if (lw > 0) labels_.push_back(best.label);
        }
        return best;
    }

private:
    long long path_cost(const Route& r, int a, int b) const {
        constexpr int kSteps = 48;
        long long cost = 0;
        std::vector<char> hit_node(nodes_.size(), 0), hit_label(labels_.size(), 0);
        for (int j = 0; j <= kSteps; ++j) {
            const auto [x, y] = at(r, j, kSteps);
            if (x < 2 || x > kWidth - 2 || y < 2 || y > height_ - 2) cost += 1000;
            for (size_t k = 0; k < nodes_.size(); ++k)
                if (static_cast<int>(k) != a && static_cast<int>(k) != b && !hit_node[k] && inside(node_box(nodes_[k], 3), x, y)) {
                    hit_node[k] = 1;
                    cost += 200;
                }
            for (size_t k = 0; k < labels_.size(); ++k)
                if (!hit_label[k] && inside(labels_[k], x, y)) {
                    hit_label[k] = 1;
                    cost += 8;
                }
        }
        return cost;
    }

    // Puts the label at the middle of the route or a little to either side, where it is free.
    long long place_label(Route& r, int lw, int lh) const {
        long long best = -1;
        for (int j : {5, 4, 6, 3, 7}) {
            const auto [x, y] = at(r, j, 10);
            const Box box{static_cast<int>(x) - lw / 2, static_cast<int>(y) - lh / 2, static_cast<int>(x) - lw / 2 + lw,
                          static_cast<int>(y) - lh / 2 + lh};
            long long cost = j == 5 ? 0 : 1;
            if (box.x0 < 1 || box.x1 > kWidth - 1 || box.y0 < 1 || box.y1 > height_ - 1) cost += 1000;
            for (const Node& n : nodes_)
                if (overlap(box, node_box(n, 5))) cost += 60;
            for (const Box& l : labels_)
                if (overlap(box, Box{l.x0 - 2, l.y0 - 2, l.x1 + 2, l.y1 + 2})) cost += 40;
            if (best < 0 || cost < best) {
                best = cost;
                r.label = box;
                r.lx = static_cast<int>(x);
                r.ly = static_cast<int>(y);
            }
            if (cost == 0) break;
        }
        return best;
    }

    std::vector<Node>& nodes_;
    int height_, mid_x_, mid_y_;
    std::vector<Box> labels_;
    std::unordered_map<long long, std::vector<int>> used_bends_;
};

std::string path_d(const Route& r) {
    std::string d = "M" + std::to_string(r.x0) + " " + std::to_string(r.y0);
    if (r.curved) d += "Q" + std::to_string(r.cx) + " " + std::to_string(r.cy) + " ";
    else d += "L";
    return d + std::to_string(r.x1) + " " + std::to_string(r.y1);
}

std::string dash_attr(const char* dash) {
    return *dash ? std::string(" stroke-dasharray=\"") + dash + "\"" : std::string();
}

std::string node_svg(const Node& n) {
    std::string s = std::string("<g class=\"node") + (n.centre ? " secretariat" : "") + (n.observer ? " observer" : "") + "\">\n";
    if (n.truncated) s += "<title>" + escape_html(n.label) + "</title>\n";
    const int x0 = n.x - n.hw, y0 = n.y - n.hh;
    s += "<rect x=\"" + std::to_string(x0) + "\" y=\"" + std::to_string(y0) + "\" width=\"" + std::to_string(2 * n.hw) +
         "\" height=\"" + std::to_string(2 * n.hh) + "\" rx=\"" + (n.centre ? "8" : "6") + "\" fill=\"#fff\" stroke=\"" +
         kSvgInk + "\" stroke-width=\"" + (n.centre ? "4" : "1.5") + "\"" + (n.observer ? dash_attr(kObserverDash) : "") + "/>\n";
    // Baselines: the name block is centred in the box (in its upper part for the secretariat).
    const int name_mid = n.centre ? y0 + 26 : n.y;
    const int first = n.lines.size() > 1 ? name_mid - 3 : name_mid + 5;
    if (!n.lines.empty()) {
        s += "<text text-anchor=\"middle\"" + std::string(n.centre ? " font-weight=\"bold\"" : "") + ">";
        for (size_t i = 0; i < n.lines.size(); ++i)
            s += "<tspan x=\"" + std::to_string(n.x) + "\" y=\"" + std::to_string(first + static_cast<int>(i) * kLinePitch) + "\">" +
                 escape_html(n.lines[i]) + "</tspan>";
        s += "</text>\n";
    }
    if (n.centre)
        s += "<text x=\"" + std::to_string(n.x) + "\" y=\"" + std::to_string(y0 + 2 * n.hh - 10) +
             "\" text-anchor=\"middle\" font-size=\"" + std::to_string(kLabelFont) + "\">事務局</text>\n";
    s += "</g>\n";
    return s;
}

}  // namespace

std::string network_diagram_svg(const Site& site, const Network& n, std::string_view id_prefix) {
    if (n.links.empty() && n.members.size() < 2) return "";
    // "nd-aoba-" and "nd-aoba" both give nd-aoba-title: the separator is not doubled.
    std::string id = svg_id(id_prefix);
    while (id.size() > 1 && (id.back() == '-' || id.back() == '_')) id.pop_back();

    // Nodes: members, then the convener if it is not one, then observers; one per organization
    // (or per name, for members that are not records).
    std::vector<Node> nodes;
    auto add = [&](Node nd) -> int {
        for (size_t i = 0; i < nodes.size(); ++i) {
            const Node& e = nodes[i];
            if (!nd.org.empty() ? e.org == nd.org : (e.org.empty() && e.name == nd.name && e.label == nd.label))
                return static_cast<int>(i);
        }
        nodes.push_back(std::move(nd));
        return static_cast<int>(nodes.size()) - 1;
    };
    auto member_node = [&](const NetworkMember& m, bool observer) {
        Node nd;
        nd.org = m.organization;
        nd.name = m.name;
        nd.category = m.category;
        nd.observer = observer;
        if (m.organization_ix >= 0 && m.organization_ix < static_cast<int>(site.organizations.size()))
            nd.label = site.organizations[m.organization_ix].name;
        if (nd.label.empty()) nd.label = !m.name.empty() ? m.name : m.organization;
        return nd;
    };
    auto org_node = [&](const std::string& org, int ix) {
        Node nd;
        nd.org = org;
        nd.label = organization_name(site, ix, org);
        return nd;
    };
    for (const NetworkMember& m : n.members) add(member_node(m, false));
    if (!n.convener.empty()) add(org_node(n.convener, n.convener_ix));
    for (const NetworkMember& m : n.observers) add(member_node(m, true));
    int centre = -1;
    if (!n.secretariat.empty()) {
        centre = add(org_node(n.secretariat, n.secretariat_ix));
        nodes[centre].centre = true;
        nodes[centre].observer = false;
        nodes[centre].hw = kCentreW / 2;
        nodes[centre].hh = kCentreH / 2;
    }
    {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getJapanese(), status));
        if (U_FAILURE(status)) words.reset();
        for (Node& nd : nodes) {
            if (trim(nd.label).empty()) nd.label = "？";
            nd.lines = name_lines(nd.label, words.get(), nd.truncated);
        }
    }

    // Link ends: an organization id, else a member's name, else the name written in a box.
    std::unordered_map<std::string, int> by_key;
    for (size_t i = 0; i < nodes.size(); ++i)
        for (const std::string* k : {&nodes[i].org, &nodes[i].name, &nodes[i].label})
            if (!k->empty()) by_key.emplace(*k, static_cast<int>(i));
    struct Edge {
        int from, to;
        std::string label;
        int style;
    };
    std::vector<Edge> edges;
    const std::vector<std::string>& known = network_link_labels();
    std::vector<std::string> unknown;  // labels outside the list, in first-appearance order
    for (const NetworkLink& l : n.links) {
        const auto f = by_key.find(l.from), t = by_key.find(l.to);
        if (f == by_key.end() || t == by_key.end() || f->second == t->second) continue;  // check reports these
        int style = static_cast<int>(std::find(known.begin(), known.end(), l.label) - known.begin());
        if (style == static_cast<int>(known.size())) {
            const auto u = std::find(unknown.begin(), unknown.end(), l.label);
            style += static_cast<int>(u - unknown.begin());
            if (u == unknown.end()) unknown.push_back(l.label);
        }
        edges.push_back({f->second, t->second, l.label, style});
        nodes[f->second].linked = nodes[t->second].linked = true;
    }

    // The ring: every node but the centre, categories kept together in first-appearance order.
    std::vector<int> ring;
    {
        std::vector<std::string> categories;
        for (const Node& nd : nodes)
            if (!nd.centre && std::find(categories.begin(), categories.end(), nd.category) == categories.end())
                categories.push_back(nd.category);
        for (const std::string& c : categories)
            for (size_t i = 0; i < nodes.size(); ++i)
                if (!nodes[i].centre && nodes[i].category == c) ring.push_back(static_cast<int>(i));
    }
    // Slots go clockwise from the top left corner: the top row (kMaxRowSlots at most), the right
    // column, the bottom row, the left column. More nodes make the side columns longer, so the
    // drawing grows taller, never wider, and the text keeps its size.
    const int k = static_cast<int>(ring.size());
    const int row_slots = k <= 1 ? 3 : std::clamp((k + 3) / 4 + 1, 2, kMaxRowSlots);
    const int column_slots = std::max(0, (k - 2 * row_slots + 1) / 2);
    const int ring_height = std::max(kMinRingHeight, (column_slots + 1) * kSlotY);
    const int left = kMargin + kNodeW / 2, right = kWidth - kMargin - kNodeW / 2;
    const int top = kMargin + kNodeH / 2, bottom = top + ring_height;
    std::vector<std::pair<int, int>> slots;
    for (int i = 0; i < row_slots; ++i) slots.push_back({left + i * (right - left) / (row_slots - 1), top});
    for (int j = 1; j <= column_slots; ++j) slots.push_back({right, top + j * ring_height / (column_slots + 1)});
    for (int i = row_slots - 1; i >= 0; --i) slots.push_back({left + i * (right - left) / (row_slots - 1), bottom});
    for (int j = column_slots; j >= 1; --j) slots.push_back({left, top + j * ring_height / (column_slots + 1)});
    const int capacity = static_cast<int>(slots.size());
    for (int i = 0; i < k; ++i) {
        const auto [x, y] = slots[k == 1 ? 1 : static_cast<size_t>(i) * capacity / k];
        nodes[ring[i]].x = x;
        nodes[ring[i]].y = y;
    }
    const int mid_x = kWidth / 2, mid_y = (top + bottom) / 2;
    if (centre >= 0) {
        nodes[centre].x = mid_x;
        nodes[centre].y = mid_y;
    }
    const int drawing_height = bottom + kNodeH / 2 + kMargin;

    // Routes: the links in file order, then the thin lines.
    Layout layout(nodes, drawing_height, mid_x, mid_y);
    std::vector<Route> routes;
    for (const Edge& e : edges) routes.push_back(layout.route(e.from, e.to, text_width(e.label, kLabelFont) + 8, 16));
    // A member (or observer) that no link mentions is still drawn, and joined to the secretariat
    // by a thin grey line without arrow or label, so that it does not look left out. Members
    // with at least one link get no such line: their links place them.
    std::vector<Route> thin;
    if (centre >= 0)
        for (int i : ring)
            if (!nodes[i].linked) thin.push_back(layout.route(i, centre, 0, 0));

    // The legend: 凡例, the line of each label used, then the thin line and the dashed border
    // when the drawing has them; items flow left to right and wrap.
    struct Item {
        int kind;  // 0 heading, 1 link style, 2 thin line, 3 observer
        int style;
        std::string text;
    };
    std::vector<Item> items = {{0, 0, "凡例"}};
    {
        std::vector<int> styles;
        for (const Edge& e : edges)
            if (std::find(styles.begin(), styles.end(), e.style) == styles.end()) styles.push_back(e.style);
        std::sort(styles.begin(), styles.end());
        for (int st : styles) {
            const std::string& text = st < static_cast<int>(known.size()) ? known[st] : unknown[st - known.size()];
            items.push_back({1, st, text});
        }
    }
    if (!thin.empty()) items.push_back({2, 0, "つながりの記載がないメンバー"});
    bool any_observer = false;
    for (const Node& nd : nodes) any_observer = any_observer || (nd.observer && !nd.centre);
    if (any_observer) items.push_back({3, 0, "オブザーバー（点線の枠）"});
    std::string legend;
    int lx = kMargin, ly = drawing_height;
    for (const Item& it : items) {
        const int sample = it.kind == 0 ? 0 : 44 + 8;
        const int w = sample + text_width(it.text, kFont) + 24;
        if (lx > kMargin && lx + w - 24 > kWidth - kMargin) {
            lx = kMargin + text_width("凡例", kFont) + 24;
            ly += kLegendRow;
        }
        const std::string mid = std::to_string(ly + 12);
        if (it.kind == 1)
            legend += "<path d=\"M" + std::to_string(lx) + " " + mid + "H" + std::to_string(lx + 40) + "\" fill=\"none\" stroke=\"" +
                      kSvgInk + "\" stroke-width=\"2\"" + dash_attr(kLinkDashes[it.style % kLinkDashCount]) + " marker-end=\"url(#" +
                      id + "-arrow)\"/>\n";
        else if (it.kind == 2)
            legend += "<path d=\"M" + std::to_string(lx) + " " + mid + "H" + std::to_string(lx + 44) + "\" fill=\"none\" stroke=\"" +
                      kFaint + "\" stroke-width=\"1\"/>\n";
        else if (it.kind == 3)
            legend += "<rect x=\"" + std::to_string(lx + 2) + "\" y=\"" + std::to_string(ly + 3) +
                      "\" width=\"40\" height=\"18\" rx=\"4\" fill=\"#fff\" stroke=\"" + kSvgInk + "\" stroke-width=\"1.5\"" +
                      dash_attr(kObserverDash) + "/>\n";
        legend += "<text x=\"" + std::to_string(lx + sample) + "\" y=\"" + std::to_string(ly + 17) + "\"" +
                  (it.kind == 0 ? " font-weight=\"bold\"" : "") + ">" + escape_html(it.text) + "</text>\n";
        lx += w;
    }
    const int height = ly + kLegendRow + 6;

    // 事務局は…。メンバー N 団体、つながり M 本。
    std::string desc;
    if (centre >= 0) {
        desc = "事務局は" + nodes[centre].label;
        if (!n.convener.empty() && n.convener != n.secretariat) desc += "、招集は" + organization_name(site, n.convener_ix, n.convener);
        desc += "。";
    } else {
        desc = "事務局の記載はありません。";
    }
    desc += "メンバー " + std::to_string(n.members.size()) + " 団体、";
    if (!n.observers.empty()) desc += "オブザーバー " + std::to_string(n.observers.size()) + " 団体、";
    desc += "つながり " + std::to_string(edges.size()) + " 本。";

    std::string s = svg_open(id, n.name + "の関係図", desc, kWidth * 10LL, height * 10LL, kFont, "chart network-diagram");
    s += "<defs>\n<marker id=\"" + id +
         "-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"10\" markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" "
         "orient=\"auto\"><path d=\"M0 0L10 5L0 10Z\" fill=\"" +
         kSvgInk + "\"/></marker>\n</defs>\n";
    for (const Route& r : thin)
        s += "<path class=\"member-line\" d=\"" + path_d(r) + "\" fill=\"none\" stroke=\"" + kFaint + "\" stroke-width=\"1\"/>\n";
    for (size_t i = 0; i < edges.size(); ++i)
        s += "<path class=\"link\" d=\"" + path_d(routes[i]) + "\" fill=\"none\" stroke=\"" + kSvgInk + "\" stroke-width=\"2\"" +
             dash_attr(kLinkDashes[edges[i].style % kLinkDashCount]) + " marker-end=\"url(#" + id + "-arrow)\"/>\n";
    for (const Node& nd : nodes) s += node_svg(nd);
    for (size_t i = 0; i < edges.size(); ++i) {
        const Route& r = routes[i];
        s += "<rect x=\"" + std::to_string(r.label.x0) + "\" y=\"" + std::to_string(r.label.y0) + "\" width=\"" +
             std::to_string(r.label.x1 - r.label.x0) + "\" height=\"" + std::to_string(r.label.y1 - r.label.y0) + "\" fill=\"#fff\"/>\n";
        s += "<text class=\"link-label\" x=\"" + std::to_string(r.lx) + "\" y=\"" + std::to_string(r.ly + 4) +
             "\" text-anchor=\"middle\" font-size=\"" + std::to_string(kLabelFont) + "\">" + escape_html(edges[i].label) + "</text>\n";
    }
    s += legend;
    s += "</svg>";
    return s;
}

}  // namespace tsunagu
