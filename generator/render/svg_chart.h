// Charts for the fund pages as inline SVG strings, written by the tool (no chart library).
// Every chart is role="img" with a <title> and a <desc> (aria-labelledby), carries its labels
// and amounts as text inside the drawing, tells series apart by pattern or marker shape as well
// as colour (each colour ≥ 3:1 against white), and scales to its container (viewBox, width
// 100%). Amounts are whole yen, printed "1,234,567円"; coordinates are computed in integers, so
// the same data gives the same bytes. The page shows the same numbers in a <table> beside the
// chart: the chart is a picture of the table, never the only place a number is.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/money.h"

namespace tsunagu {

// Amounts are written with text/money.h's yen_amount ("1,234,567円", "0円"; record_views'
// yen_text says 無料 for 0, right for fees, wrong for money).

// Shared by every inline SVG the tool writes (these charts, render/network_diagram.h).

// Text and lines are drawn in this ink (≈ 17:1 against white).
inline constexpr const char* kSvgInk = "#1a1a1a";

// raw with only [A-Za-z0-9_-] kept, starting with a letter ("chart-" is put in front otherwise):
// safe inside id="…" and url(#…).
std::string svg_id(std::string_view raw);

// The opening <svg> tag (role="img", viewBox, width 100%, aria-labelledby "ID-title ID-desc",
// default font size and ink) followed by <title id="ID-title"> and <desc id="ID-desc">, both
// escaped. id must already be an svg_id; width and height are in tenths of a user unit.
std::string svg_open(const std::string& id, std::string_view title, std::string_view desc, long long width_tenths,
                     long long height_tenths, int font_size = 15, std::string_view css_class = "chart");

struct ChartText {
    std::string id;     // unique within the page; only [A-Za-z0-9_-] are kept
    std::string title;  // short: 寄付の内訳（令和7年度）
    std::string desc;   // a sentence before the generated summary of the values, or ""
};

struct ChartDatum {
    std::string label;
    long long value = 0;
};

// One bar per item, longest = the largest value; each item's label and amount (and its share
// of the total when show_share) are written above its bar. "" when items is empty.
std::string bar_chart_svg(const ChartText& text, const std::vector<ChartDatum>& items, bool show_share = true);

struct StackedRow {
    std::string label;              // 令和7年度
    std::vector<long long> values;  // one per segment label, in that order
};

// One horizontal bar per row split into segments (事業費 / 管理費), each segment filled with its
// own pattern and named with its amount under the bar. "" when there are no rows or segments.
std::string stacked_bar_chart_svg(const ChartText& text, const std::vector<std::string>& segment_labels,
                                  const std::vector<StackedRow>& rows);

struct ChartSeries {
    std::string label;              // 寄付
    std::vector<long long> values;  // one per x label (missing ones count as 0)
};

// Lines with points across the x labels (fiscal years): one marker shape and dash pattern per
// series, a legend that repeats them, the y axis in yen. A single x label gives points only.
// "" when there are no x labels or no series.
std::string trend_chart_svg(const ChartText& text, const std::vector<std::string>& x_labels,
                            const std::vector<ChartSeries>& series);

}  // namespace tsunagu
