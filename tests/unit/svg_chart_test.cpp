// Inline SVG charts: balanced markup, the accessible name and description, escaped text, bars in
// proportion to their values, the zero, single-value and empty cases, and stable bytes.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "render/svg_chart.h"

using namespace tsunagu;

namespace {

// Every element is closed in order (self-closing ones count as closed): a small XML check, enough
// for the markup the charts write (no comments, no CDATA, attribute values escaped).
bool balanced(const std::string& s) {
    std::vector<std::string> stack;
    size_t i = 0;
    while ((i = s.find('<', i)) != std::string::npos) {
        const size_t end = s.find('>', i);
        if (end == std::string::npos) return false;
        std::string tag = s.substr(i + 1, end - i - 1);
        i = end + 1;
        if (tag.empty()) return false;
        if (tag[0] == '/') {
            if (stack.empty() || stack.back() != tag.substr(1)) return false;
            stack.pop_back();
        } else if (tag.back() != '/') {
            stack.push_back(tag.substr(0, tag.find_first_of(" \n")));
        }
    }
    return stack.empty();
}

// No raw '<' or '&' inside text or attribute values: every '&' starts an entity.
bool entities_ok(const std::string& s) {
    static const std::regex amp("&(?!(amp|lt|gt|quot|#39);)");
    return !std::regex_search(s, amp);
}

std::vector<double> bar_widths(const std::string& svg, const char* cls = "bar") {
    std::vector<double> out;
    const std::regex re(std::string("width=\"([0-9.]+)\" height=\"[0-9.]+\" fill=\"[^\"]+\"[^>]*class=\"") + cls + "\"");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back(std::stod((*it)[1].str()));
    return out;
}

size_t count_of(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("bar chart: accessible name, description, structure") {
    const std::string svg = bar_chart_svg({"donors-2025", "寄付の内訳", "寄付者の種類ごとの金額です。"},
                                          {{"個人", 1830000}, {"法人", 1200000}, {"匿名", 84213}});
    REQUIRE(!svg.empty());
    CHECK(svg.rfind("<svg ", 0) == 0);
    CHECK(svg.find("role=\"img\"") != std::string::npos);
    CHECK(svg.find("aria-labelledby=\"donors-2025-title donors-2025-desc\"") != std::string::npos);
    CHECK(svg.find("<title id=\"donors-2025-title\">寄付の内訳</title>") != std::string::npos);
    CHECK(svg.find("<desc id=\"donors-2025-desc\">寄付者の種類ごとの金額です。 個人 1,830,000円") != std::string::npos);
    CHECK(svg.find("viewBox=\"0 0 ") != std::string::npos);
    CHECK(svg.find("width=\"100%\"") != std::string::npos);
    CHECK(balanced(svg));
    CHECK(entities_ok(svg));
    // Labels and amounts are text in the drawing, with each one's share.
    CHECK(svg.find(">個人<tspan") != std::string::npos);
    CHECK(svg.find("1,830,000円（58.8%）") != std::string::npos);
    CHECK(svg.find("合計 3,114,213円") != std::string::npos);
}

TEST_CASE("bar chart: bars are proportional to the values") {
    const std::string svg = bar_chart_svg({"c", "t", ""}, {{"a", 400}, {"b", 100}, {"c", 200}, {"d", 300}});
    const std::vector<double> w = bar_widths(svg);
    REQUIRE(w.size() == 4);
    CHECK(w[0] == doctest::Approx(4 * w[1]).epsilon(0.002));
    CHECK(w[2] == doctest::Approx(2 * w[1]).epsilon(0.002));
    CHECK(w[3] == doctest::Approx(3 * w[1]).epsilon(0.002));
    CHECK(w[0] > w[3]);
}

TEST_CASE("bar chart: hostile labels are escaped") {
    const std::string svg = bar_chart_svg({"x\"><script>", "<b>題</b> & \"引用\"", "説明 <i>"},
                                          {{"<script>alert(1)</script>", 5}, {"A & B 'q'", 7}});
    CHECK(svg.find("<script>") == std::string::npos);
    CHECK(svg.find("<b>") == std::string::npos);
    CHECK(svg.find("<i>") == std::string::npos);
    CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(svg.find("A &amp; B &#39;q&#39;") != std::string::npos);
    CHECK(svg.find("&lt;b&gt;題&lt;/b&gt; &amp; &quot;引用&quot;") != std::string::npos);
    // The id keeps only safe characters.
    CHECK(svg.find("id=\"xscript-title\"") != std::string::npos);
    CHECK(balanced(svg));
    CHECK(entities_ok(svg));
}

TEST_CASE("bar chart: zero, single value and empty data") {
    CHECK(bar_chart_svg({"e", "空", ""}, {}).empty());

    const std::string zeros = bar_chart_svg({"z", "ゼロ", ""}, {{"個人", 0}, {"法人", 0}});
    REQUIRE(!zeros.empty());
    CHECK(bar_widths(zeros).empty());  // nothing to draw, but the labels say 0円
    CHECK(count_of(zeros, "0円") >= 2);
    CHECK(zeros.find("無料") == std::string::npos);
    CHECK(zeros.find("nan") == std::string::npos);
    CHECK(balanced(zeros));

    const std::string one = bar_chart_svg({"s", "一つ", ""}, {{"個人", 5000}});
    const std::vector<double> w = bar_widths(one);
    REQUIRE(w.size() == 1);
    CHECK(w[0] > 400);
    CHECK(one.find("5,000円（100%）") != std::string::npos);
    CHECK(balanced(one));
}

TEST_CASE("bar chart: the same data gives the same bytes") {
    std::vector<ChartDatum> d = {{"a", 123456789}, {"b", 3}, {"c", 98765}};
    CHECK(bar_chart_svg({"d", "t", "x"}, d) == bar_chart_svg({"d", "t", "x"}, d));
}

TEST_CASE("stacked bar: segments by pattern with direct labels") {
    const std::string svg = stacked_bar_chart_svg({"costs", "運営費の内訳", ""}, {"事業費", "管理費"},
                                                  {{"令和6年度", {300000, 100000}}, {"令和7年度", {150000, 50000}}});
    REQUIRE(!svg.empty());
    CHECK(balanced(svg));
    CHECK(entities_ok(svg));
    CHECK(svg.find("role=\"img\"") != std::string::npos);
    CHECK(svg.find("<pattern id=\"costs-p1\"") != std::string::npos);
    CHECK(svg.find("fill=\"url(#costs-p1)\"") != std::string::npos);
    CHECK(svg.find("事業費 300,000円（75%）") != std::string::npos);
    CHECK(svg.find("管理費 50,000円（25%）") != std::string::npos);
    CHECK(svg.find("合計 400,000円") != std::string::npos);
    const std::vector<double> w = bar_widths(svg, "segment");
    REQUIRE(w.size() == 4);
    CHECK(w[0] == doctest::Approx(3 * w[1]).epsilon(0.01));
    CHECK(w[0] + w[1] == doctest::Approx(2 * (w[2] + w[3])).epsilon(0.01));
    CHECK(stacked_bar_chart_svg({"x", "t", ""}, {"事業費"}, {}).empty());
    CHECK(stacked_bar_chart_svg({"x", "t", ""}, {}, {{"a", {1}}}).empty());
    const std::string zero = stacked_bar_chart_svg({"x", "t", ""}, {"事業費", "管理費"}, {{"令和7年度", {0, 0}}});
    CHECK(balanced(zero));
    CHECK(bar_widths(zero, "segment").empty());
}

TEST_CASE("trend chart: a line per series, shapes and a legend") {
    const std::string svg = trend_chart_svg({"trend", "年度ごとの推移", ""}, {"令和5年度", "令和6年度", "令和7年度"},
                                            {{"寄付", {1000000, 2000000, 3000000}}, {"助成", {500000, 900000, 1200000}},
                                             {"年度末残高", {0, 300000, -20000}}});
    REQUIRE(!svg.empty());
    CHECK(balanced(svg));
    CHECK(entities_ok(svg));
    CHECK(count_of(svg, "<polyline ") == 3);
    CHECK(count_of(svg, "<g class=\"series\"") == 3);
    CHECK(svg.find(">寄付</text>") != std::string::npos);
    CHECK(svg.find(">令和6年度</text>") != std::string::npos);
    CHECK(svg.find("stroke-dasharray=\"8 4\"") != std::string::npos);  // the second series is dashed
    CHECK(svg.find(">0円</text>") != std::string::npos);
    CHECK(svg.find("寄付：令和5年度 1,000,000円、令和6年度 2,000,000円、令和7年度 3,000,000円。") != std::string::npos);

    const std::string one = trend_chart_svg({"t1", "t", ""}, {"令和7年度"}, {{"寄付", {5}}});
    CHECK(balanced(one));
    CHECK(count_of(one, "<polyline ") == 0);
    CHECK(count_of(one, "<circle ") >= 1);

    const std::string zeros = trend_chart_svg({"t0", "t", ""}, {"a", "b"}, {{"寄付", {0, 0}}});
    CHECK(balanced(zeros));
    CHECK(zeros.find("nan") == std::string::npos);

    CHECK(trend_chart_svg({"t", "t", ""}, {}, {{"寄付", {}}}).empty());
    CHECK(trend_chart_svg({"t", "t", ""}, {"a"}, {}).empty());
}
