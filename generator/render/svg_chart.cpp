#include "render/svg_chart.h"

#include <algorithm>

#include "render/mustache.h"

namespace tsunagu {

namespace {

using mustache::escape_html;

// Colours for bars, segments and lines: each ≥ 3:1 against white (WCAG 1.4.11), and never the
// only difference — patterns and marker shapes carry the same distinction.
constexpr const char* kInk = kSvgInk;
constexpr const char* kColours[] = {"#1f5f8b", "#a8431b", "#2e6b30", "#6a3d9a", "#505050"};
constexpr int kColourCount = 5;
constexpr const char* kDashes[] = {"", "8 4", "2 4", "10 4 2 4", "4 2"};
constexpr const char* kSegmentPatternNames[] = {"塗りつぶし", "斜線", "点", "格子", "横線"};
constexpr int kFontSize = 15;
constexpr int kSmallFont = 13;

// Coordinates are kept in tenths of a user unit and printed with at most one decimal.
std::string num(long long tenths) {
    const bool neg = tenths < 0;
    const long long a = neg ? -tenths : tenths;
    std::string s = (neg ? "-" : "") + std::to_string(a / 10);
    if (a % 10) s += "." + std::to_string(a % 10);
    return s;
}

// value / whole × span, rounded, without overflow or floating point.
long long scale(long long value, long long whole, long long span) {
    if (whole <= 0 || value <= 0) return 0;
    const __int128 v = static_cast<__int128>(value) * span;
    return static_cast<long long>((v + whole / 2) / whole);
}

// "45.3%" of total (tenths of a percent, rounded).
std::string share_text(long long value, long long total) {
    if (total <= 0 || value < 0) return "";
    const long long t = static_cast<long long>((static_cast<__int128>(value) * 1000 + total / 2) / total);
    return num(t) + "%";
}

std::string chart_open(const std::string& id, const ChartText& text, long long width, long long height,
                       const std::string& summary) {
    std::string desc = text.desc;
    if (!summary.empty()) desc += (desc.empty() ? "" : " ") + summary;
    return svg_open(id, text.title, desc, width, height, kFontSize);
}

std::string text_el(long long x, long long y, const std::string& content, const std::string& attrs = "") {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + (attrs.empty() ? "" : " " + attrs) + ">" + content + "</text>\n";
}

std::string rect_el(long long x, long long y, long long w, long long h, const std::string& fill, const std::string& extra = "") {
    return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\" fill=\"" +
           fill + "\"" + (extra.empty() ? "" : " " + extra) + "/>\n";
}

// Segment fills: solid, diagonal stripes, dots, a grid, horizontal stripes (then round again).
std::string pattern_defs(const std::string& id, size_t count) {
    std::string s = "<defs>\n";
    for (size_t i = 1; i < count; ++i) {
        const std::string colour = kColours[i % kColourCount];
        const std::string pid = id + "-p" + std::to_string(i);
        switch (i % 5) {
            case 1:
                s += "<pattern id=\"" + pid + "\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                     "<rect width=\"8\" height=\"8\" fill=\"#fff\"/><rect width=\"4\" height=\"8\" fill=\"" + colour + "\"/></pattern>\n";
                break;
            case 2:
                s += "<pattern id=\"" + pid + "\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\">"
                     "<rect width=\"7\" height=\"7\" fill=\"#fff\"/><circle cx=\"3.5\" cy=\"3.5\" r=\"2.2\" fill=\"" + colour + "\"/></pattern>\n";
                break;
            case 3:
                s += "<pattern id=\"" + pid + "\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">"
                     "<rect width=\"8\" height=\"8\" fill=\"#fff\"/><path d=\"M0 0H8M0 0V8\" stroke=\"" + colour +
                     "\" stroke-width=\"3\"/></pattern>\n";
                break;
            case 4:
                s += "<pattern id=\"" + pid + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
                     "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><rect width=\"6\" height=\"3\" fill=\"" + colour + "\"/></pattern>\n";
                break;
            default:  // i % 5 == 0 and i > 0: solid in another colour
                break;
        }
    }
    s += "</defs>\n";
    return s;
}

std::string segment_fill(const std::string& id, size_t i) {
    if (i % 5 == 0) return kColours[i % kColourCount];
    return "url(#" + id + "-p" + std::to_string(i) + ")";
}

// Marker shapes for the trend chart, centred on (x, y) in tenths.
std::string marker(size_t i, long long x, long long y, const std::string& colour) {
    const std::string stroke = "stroke=\"" + colour + "\" stroke-width=\"2\"";
    switch (i % 5) {
        case 0: return "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"5\" fill=\"" + colour + "\"/>\n";
        case 1: return rect_el(x - 45, y - 45, 90, 90, colour);
        case 2:
            return "<path d=\"M" + num(x) + " " + num(y - 60) + "L" + num(x + 55) + " " + num(y + 40) + "L" + num(x - 55) + " " +
                   num(y + 40) + "Z\" fill=\"" + colour + "\"/>\n";
        case 3:
            return "<path d=\"M" + num(x) + " " + num(y - 60) + "L" + num(x + 60) + " " + num(y) + "L" + num(x) + " " + num(y + 60) +
                   "L" + num(x - 60) + " " + num(y) + "Z\" fill=\"#fff\" " + stroke + "/>\n";
        default:
            return "<path d=\"M" + num(x - 50) + " " + num(y - 50) + "L" + num(x + 50) + " " + num(y + 50) + "M" + num(x - 50) + " " +
                   num(y + 50) + "L" + num(x + 50) + " " + num(y - 50) + "\" fill=\"none\" stroke=\"" + colour +
                   "\" stroke-width=\"3\"/>\n";
    }
}

// 1, 2 or 5 × 10^k, at least raw.
long long nice_step(long long raw) {
    if (raw <= 1) return 1;
    long long p = 1;
    while (p <= raw / 10) p *= 10;
    for (long long m : {1LL, 2LL, 5LL, 10LL})
        if (m * p >= raw) return m * p;
    return 10 * p;
}

}  // namespace

std::string svg_id(std::string_view raw) {
    std::string id;
    for (char c : raw)
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') id += c;
    if (id.empty() || !((id[0] >= 'A' && id[0] <= 'Z') || (id[0] >= 'a' && id[0] <= 'z'))) id = "chart-" + id;
    return id;
}

std::string svg_open(const std::string& id, std::string_view title, std::string_view desc, long long width_tenths,
                     long long height_tenths, int font_size, std::string_view css_class) {
    std::string s;
    s += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"" + escape_html(css_class) + "\" role=\"img\" viewBox=\"0 0 " +
         num(width_tenths) + " " + num(height_tenths) + "\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" aria-labelledby=\"" +
         id + "-title " + id + "-desc\" font-size=\"" + std::to_string(font_size) + "\" fill=\"" + kInk + "\">\n";
    s += "<title id=\"" + id + "-title\">" + escape_html(title) + "</title>\n";
    s += "<desc id=\"" + id + "-desc\">" + escape_html(desc) + "</desc>\n";
    return s;
}

std::string bar_chart_svg(const ChartText& text, const std::vector<ChartDatum>& items, bool show_share) {
    if (items.empty()) return "";
    const std::string id = svg_id(text.id);
    constexpr long long kWidth = 4800;  // tenths: 480 units
    constexpr long long kRow = 540, kBarTop = 240, kBarHeight = 200, kPad = 40;
    long long max = 0, total = 0;
    for (const ChartDatum& d : items) {
        max = std::max(max, d.value);
        if (d.value > 0) total += d.value;
    }
    std::string summary;
    for (const ChartDatum& d : items) {
        if (!summary.empty()) summary += "、";
        summary += d.label + " " + yen_amount(d.value);
        if (show_share && total > 0 && d.value >= 0) summary += "（" + share_text(d.value, total) + "）";
    }
    summary += "。";
    if (items.size() > 1) summary += "合計 " + yen_amount(total) + "。";

    const long long height = kPad * 2 + kRow * static_cast<long long>(items.size()) - (kRow - kBarTop - kBarHeight);
    std::string s = chart_open(id, text, kWidth, height, summary);
    long long y = kPad;
    for (const ChartDatum& d : items) {
        std::string amount = yen_amount(d.value);
        if (show_share && total > 0 && d.value >= 0) amount += "（" + share_text(d.value, total) + "）";
        s += "<text x=\"10\" y=\"" + num(y + 160) + "\">" + escape_html(d.label) + "<tspan dx=\"10\" font-weight=\"bold\">" +
             escape_html(amount) + "</tspan></text>\n";
        const long long w = scale(d.value, max, kWidth - 20);
        if (w > 0) s += rect_el(10, y + kBarTop, w, kBarHeight, kColours[0], "class=\"bar\"");
        y += kRow;
    }
    s += "</svg>";
    return s;
}

std::string stacked_bar_chart_svg(const ChartText& text, const std::vector<std::string>& segment_labels,
                                  const std::vector<StackedRow>& rows) {
    if (rows.empty() || segment_labels.empty()) return "";
    const std::string id = svg_id(text.id);
    constexpr long long kWidth = 4800, kPad = 40, kBarHeight = 260, kLegendLine = 240;
    const size_t nseg = segment_labels.size();
    std::vector<long long> totals;
    long long max = 0;
    for (const StackedRow& r : rows) {
        long long t = 0;
        for (size_t i = 0; i < nseg && i < r.values.size(); ++i) t += std::max(0LL, r.values[i]);
        totals.push_back(t);
        max = std::max(max, t);
    }
    auto value_of = [&](const StackedRow& r, size_t i) { return i < r.values.size() ? r.values[i] : 0; };

    std::string summary;
    for (size_t r = 0; r < rows.size(); ++r) {
        if (!summary.empty()) summary += " ";
        summary += rows[r].label + "：";
        for (size_t i = 0; i < nseg; ++i) {
            if (i) summary += "、";
            summary += segment_labels[i] + " " + yen_amount(value_of(rows[r], i));
            if (totals[r] > 0) summary += "（" + share_text(value_of(rows[r], i), totals[r]) + "）";
        }
        summary += "、合計 " + yen_amount(totals[r]) + "。";
    }

    const long long row_height = 220 + kBarHeight + 60 + kLegendLine * static_cast<long long>(nseg) + 120;
    const long long height = kPad * 2 + row_height * static_cast<long long>(rows.size()) - 120;
    std::string s = chart_open(id, text, kWidth, height, summary);
    s += pattern_defs(id, nseg);
    long long y = kPad;
    for (size_t r = 0; r < rows.size(); ++r) {
        const StackedRow& row = rows[r];
        s += "<text x=\"0\" y=\"" + num(y + 160) + "\">" + escape_html(row.label) + "<tspan dx=\"10\" font-weight=\"bold\">合計 " +
             escape_html(yen_amount(totals[r])) + "</tspan></text>\n";
        const long long bar_y = y + 220;
        long long cum = 0;
        for (size_t i = 0; i < nseg; ++i) {
            const long long v = std::max(0LL, value_of(row, i));
            const long long x0 = 10 + scale(cum, max, kWidth - 20);
            cum += v;
            const long long x1 = 10 + scale(cum, max, kWidth - 20);
            if (x1 > x0)
                s += rect_el(x0, bar_y, x1 - x0, kBarHeight, segment_fill(id, i),
                             "stroke=\"" + std::string(kInk) + "\" stroke-width=\"1\" class=\"segment\"");
        }
        long long ly = bar_y + kBarHeight + 60;
        for (size_t i = 0; i < nseg; ++i) {
            s += rect_el(10, ly + 20, 180, 180, segment_fill(id, i), "stroke=\"" + std::string(kInk) + "\" stroke-width=\"1\"");
            std::string label = segment_labels[i] + " " + yen_amount(value_of(row, i));
            if (totals[r] > 0) label += "（" + share_text(value_of(row, i), totals[r]) + "）";
            s += text_el(280, ly + 170, escape_html(label));
            ly += kLegendLine;
        }
        y += row_height;
    }
    s += "</svg>";
    return s;
}

std::string trend_chart_svg(const ChartText& text, const std::vector<std::string>& x_labels,
                            const std::vector<ChartSeries>& series) {
    if (x_labels.empty() || series.empty()) return "";
    const std::string id = svg_id(text.id);
    const size_t n = x_labels.size();
    auto value_at = [](const ChartSeries& s, size_t i) { return i < s.values.size() ? s.values[i] : 0LL; };

    long long lo = 0, hi = 0;
    for (const ChartSeries& se : series)
        for (size_t i = 0; i < n; ++i) {
            lo = std::min(lo, value_at(se, i));
            hi = std::max(hi, value_at(se, i));
        }
    const long long step = nice_step(std::max(1LL, (hi - lo + 3) / 4));
    const long long bottom = lo < 0 ? -((-lo + step - 1) / step) * step : 0;
    long long top = hi > 0 ? ((hi + step - 1) / step) * step : 0;
    if (top == bottom) top = bottom + step;

    constexpr long long kWidth = 5600, kLeft = 1200, kRight = 200, kTop = 120, kPlot = 2400;
    const long long columns = 3, legend_rows = (static_cast<long long>(series.size()) + columns - 1) / columns;
    const long long axis_y = kTop + kPlot;
    const long long height = axis_y + 400 + legend_rows * 260 + 40;
    auto y_of = [&](long long v) {
        return kTop + static_cast<long long>((static_cast<__int128>(top - v) * kPlot + (top - bottom) / 2) / (top - bottom));
    };
    auto x_of = [&](size_t i) {
        const long long inner_left = kLeft + 400, inner_right = kWidth - kRight - 400;
        if (n == 1) return (inner_left + inner_right) / 2;
        return inner_left + static_cast<long long>(i) * (inner_right - inner_left) / static_cast<long long>(n - 1);
    };

    std::string summary;
    for (const ChartSeries& se : series) {
        if (!summary.empty()) summary += " ";
        summary += se.label + "：";
        for (size_t i = 0; i < n; ++i) summary += (i ? "、" : "") + x_labels[i] + " " + yen_amount(value_at(se, i));
        summary += "。";
    }

    std::string s = chart_open(id, text, kWidth, height, summary);
    // Grid lines and the yen scale.
    for (long long v = bottom; v <= top; v += step) {
        const long long y = y_of(v);
        s += "<path d=\"M" + num(kLeft) + " " + num(y) + "H" + num(kWidth - kRight) + "\" stroke=\"" +
             (v == 0 ? std::string(kInk) : std::string("#8c8c8c")) + "\" stroke-width=\"1\"" + (v == 0 ? "" : " stroke-dasharray=\"2 3\"") + "/>\n";
        s += text_el(kLeft - 80, y + 45, escape_html(yen_amount(v)), "text-anchor=\"end\" font-size=\"" + std::to_string(kSmallFont) + "\"");
    }
    for (size_t i = 0; i < n; ++i)
        s += text_el(x_of(i), axis_y + 280, escape_html(x_labels[i]), "text-anchor=\"middle\" font-size=\"" + std::to_string(kSmallFont) + "\"");
    s += "<path d=\"M" + num(kLeft) + " " + num(kTop) + "V" + num(axis_y) + "\" stroke=\"" + kInk + "\" stroke-width=\"1\"/>\n";

    for (size_t k = 0; k < series.size(); ++k) {
        const std::string colour = kColours[k % kColourCount];
        const std::string dash = kDashes[k % 5];
        s += "<g class=\"series\">\n";
        if (n > 1) {
            std::string points;
            for (size_t i = 0; i < n; ++i) points += (i ? " " : "") + num(x_of(i)) + "," + num(y_of(value_at(series[k], i)));
            s += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2.5\"" +
                 (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>\n";
        }
        for (size_t i = 0; i < n; ++i) s += marker(k, x_of(i), y_of(value_at(series[k], i)), colour);
        s += "</g>\n";
    }

    // Legend: the line's dash and the marker, then the name.
    for (size_t k = 0; k < series.size(); ++k) {
        const std::string colour = kColours[k % kColourCount];
        const std::string dash = kDashes[k % 5];
        const long long lx = 100 + static_cast<long long>(k % columns) * 1850;
        const long long ly = axis_y + 520 + static_cast<long long>(k / columns) * 260;
        s += "<path d=\"M" + num(lx) + " " + num(ly) + "H" + num(lx + 400) + "\" stroke=\"" + colour + "\" stroke-width=\"2.5\"" +
             (dash.empty() ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>\n";
        s += marker(k, lx + 200, ly, colour);
        s += text_el(lx + 480, ly + 50, escape_html(series[k].label));
    }
    s += "</svg>";
    return s;
}

}  // namespace tsunagu
