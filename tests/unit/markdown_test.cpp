#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "render/markdown.h"

using namespace tsunagu;
using namespace std::string_literals;

namespace {

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("markdown: ordinary CommonMark and GFM") {
    CHECK(render_markdown("**見守り**とサロン") == "<p><strong>見守り</strong>とサロン</p>\n");
    CHECK(render_markdown("# 見出し") == "<h1>見出し</h1>\n");
    CHECK(contains(render_markdown("- 一\n- 二\n"), "<li>一</li>"));
    const std::string table = render_markdown("| 曜日 | 時間 |\n|:--|--:|\n| 水 | 10:00 |\n");
    CHECK(contains(table, "<table>"));
    CHECK(contains(table, "<th style=\"text-align: left\">曜日</th>"));
    CHECK_FALSE(contains(table, "align=\""));
    CHECK(contains(render_markdown("~~中止~~"), "<del>中止</del>"));
    // One tilde is a range in Japanese text, never strikethrough.
    CHECK(render_markdown("10時~12時、14時~16時") == "<p>10時~12時、14時~16時</p>\n");
    CHECK(render_markdown("") == "");
}

TEST_CASE("markdown: heading offset") {
    MarkdownOptions o;
    o.heading_offset = 1;
    CHECK(render_markdown("# 活動内容\n\n###### 六", o) == "<h2>活動内容</h2>\n<h6>六</h6>\n");
    o.heading_offset = -3;
    CHECK(render_markdown("## 二", o) == "<h1>二</h1>\n");
}

TEST_CASE("markdown: soft line breaks between Japanese characters are removed") {
    struct { const char* in; const char* out; } cases[] = {
        {"月に2回、自治会館で\n開いています。", "<p>月に2回、自治会館で開いています。</p>\n"},
        {"はじめての方も\nどうぞ。", "<p>はじめての方もどうぞ。</p>\n"},
        {"漢字。\n「かぎ」", "<p>漢字。「かぎ」</p>\n"},
        {"**強調**\nです", "<p><strong>強調</strong>です</p>\n"},
        {"English\nwords", "<p>English\nwords</p>\n"},
        {"日本語\nEnglish", "<p>日本語\nEnglish</p>\n"},
        {"English\n日本語", "<p>English\n日本語</p>\n"},
        {"한국어\n한국어", "<p>한국어\n한국어</p>\n"},
        {"改行  \nあり", "<p>改行<br />\nあり</p>\n"},  // a hard break stays
    };
    for (auto& c : cases) CHECK_MESSAGE(render_markdown(c.in) == c.out, std::string(c.in));
}

TEST_CASE("markdown: emphasis next to Japanese punctuation") {
    struct { const char* in; const char* out; } cases[] = {
        {"これは**「重要なこと」**です。", "<p>これは<strong>「重要なこと」</strong>です。</p>\n"},
        {"はじめての方も**「手ぶらで」**どうぞ。", "<p>はじめての方も<strong>「手ぶらで」</strong>どうぞ。</p>\n"},
        {"**（注）**会費は年1000円", "<p><strong>（注）</strong>会費は年1000円</p>\n"},
        {"会場は*「集会所」*です", "<p>会場は<em>「集会所」</em>です</p>\n"},
        {"とても***「大切」***です", "<p>とても<em><strong>「大切」</strong></em>です</p>\n"},
        {"**「[案内](https://example.org/)」**を見る",
         "<p><strong>「<a href=\"https://example.org/\">案内</a>」</strong>を見る</p>\n"},
        {"**「外側*内側*」**です", "<p><strong>「外側<em>内側</em>」</strong>です</p>\n"},
        {"- 項目の**「a」**です", "<ul>\n<li>項目の<strong>「a」</strong>です</li>\n</ul>\n"},
        {"> 引用の**「b」**です", "<blockquote>\n<p>引用の<strong>「b」</strong>です</p>\n</blockquote>\n"},
        // Escaped asterisks stay literal.
        {"これは\\*\\*「重要」\\*\\*です", "<p>これは**「重要」**です</p>\n"},
        // Lone or spaced asterisks are not emphasis.
        {"5 * 3 = 15", "<p>5 * 3 = 15</p>\n"},
        {"** 「x」 **", "<p>** 「x」 **</p>\n"},
        {"※印は**必須", "<p>※印は**必須</p>\n"},
        {"`は**「コード」**です`", "<p><code>は**「コード」**です</code></p>\n"},
        // Each pair closes where the author meant, also across lines.
        {"これは**「重要なこと」**です。\n改行も**（注）**", "<p>これは<strong>「重要なこと」</strong>です。改行も<strong>（注）</strong></p>\n"},
        {"「~~中止~~」と~~「中止」~~です", "<p>「<del>中止</del>」と<del>「中止」</del>です</p>\n"},
        // ASCII neighbours keep CommonMark's rule.
        {"x**(y)**z", "<p>x**(y)**z</p>\n"},
        // The characters used internally survive when the text itself contains them.
        {"⸮は**「a」**です⸙⁖", "<p>⸮は<strong>「a」</strong>です⸙⁖</p>\n"},
        {"⸮は**「a」**です⸙⁖⸼", "<p>⸮は**「a」**です⸙⁖⸼</p>\n"},  // all four taken: CommonMark as is
        {"は**「⸮」**で", "<p>は<strong>「⸮」</strong>で</p>\n"},
        {"⸮⸙は**「a」**で", "<p>⸮⸙は<strong>「a」</strong>で</p>\n"},
        {"```は**「\nは**「x」**で\n```", "<pre><code class=\"language-は**「\">は**「x」**で\n</code></pre>\n"},
        {"[は**「x」**で](https://example.org/は**「)", "<p><a href=\"https://example.org/%E3%81%AF**%E3%80%8C\">は<strong>「x」</strong>で</a></p>\n"},
    };
    for (auto& c : cases) CHECK_MESSAGE(render_markdown(c.in) == c.out, std::string(c.in));
    const std::string cell = render_markdown("| a | b |\n|---|---|\n| あ**「c」**い | \\*\\*「d」\\*\\* |\n");
    CHECK(contains(cell, "<td>あ<strong>「c」</strong>い</td>"));
    CHECK(contains(cell, "<td>**「d」**</td>"));
}

TEST_CASE("markdown: raw HTML never passes through") {
    const char* hostile[] = {
        "<script>alert(1)</script>",
        "前<script>alert(1)</script>後",
        "<img src=x onerror=alert(1)>",
        "文中の<img src=x onerror=alert(1)>画像",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<div onclick=\"alert(1)\">クリック</div>",
        "<style>body{display:none}</style>",
    };
    for (const char* h : hostile) {
        const std::string out = render_markdown(h);
        CHECK_MESSAGE(!contains(out, "<script"), std::string(h));
        CHECK_MESSAGE(!contains(out, "<img"), std::string(h));
        CHECK_MESSAGE(!contains(out, "<iframe"), std::string(h));
        CHECK_MESSAGE(!contains(out, "onerror"), std::string(h));
        CHECK_MESSAGE(!contains(out, "onclick"), std::string(h));
        CHECK_MESSAGE(!contains(out, "<style"), std::string(h));
        CHECK_MESSAGE(!contains(out, "javascript:"), std::string(h));
    }
}

TEST_CASE("markdown: dangerous link and image URLs are dropped") {
    struct { const char* in; const char* out; } cases[] = {
        {"[x](javascript:alert(1))", "<p>x</p>\n"},
        {"[x](JavaScript:alert(1))", "<p>x</p>\n"},
        {"[x](vbscript:msgbox)", "<p>x</p>\n"},
        {"[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>\n"},
        {"![写真](data:image/png;base64,AAAA)", "<p>写真</p>\n"},
        {"![x](javascript:alert(1))", "<p>x</p>\n"},
        {"[x](java&#x73;cript:alert(1))", "<p>x</p>\n"},
        {"[x](<java\tscript:alert(1)>)", "<p>x</p>\n"},
        {"[x](file:///etc/passwd)", "<p>x</p>\n"},
        {"<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n"},
        {"[**太字**](javascript:x)", "<p><strong>太字</strong></p>\n"},
    };
    for (auto& c : cases) CHECK_MESSAGE(render_markdown(c.in) == c.out, std::string(c.in));
    CHECK(render_markdown("[案内](https://example.org/)") == "<p><a href=\"https://example.org/\">案内</a></p>\n");
    CHECK(render_markdown("[電話](tel:0420001234)") == "<p><a href=\"tel:0420001234\">電話</a></p>\n");
    CHECK(render_markdown("[メール](mailto:info@example.org)") ==
          "<p><a href=\"mailto:info@example.org\">メール</a></p>\n");
    CHECK(render_markdown("[次へ](about.html#top)") == "<p><a href=\"about.html#top\">次へ</a></p>\n");
    CHECK(render_markdown("![会場](static/hall.jpg)") == "<p><img src=\"static/hall.jpg\" alt=\"会場\" /></p>\n");
}

TEST_CASE("markdown: bare URLs stop at Japanese text") {
    CHECK(render_markdown("詳しくはhttps://example.org/をご覧ください。") ==
          "<p>詳しくは<a href=\"https://example.org/\">https://example.org/</a>をご覧ください。</p>\n");
    CHECK(render_markdown("https://example.org/です。") ==
          "<p><a href=\"https://example.org/\">https://example.org/</a>です。</p>\n");
    CHECK(render_markdown("www.example.org/あ") ==
          "<p><a href=\"http://www.example.org/\">www.example.org/</a>あ</p>\n");
    CHECK(render_markdown("https://example.org/a b") ==
          "<p><a href=\"https://example.org/a\">https://example.org/a</a> b</p>\n");
}

TEST_CASE("markdown: hostile bytes") {
    CHECK(render_markdown("a\0b"s) == "<p>a\xEF\xBF\xBD" "b</p>\n");
    CHECK(render_markdown("\xFF\xFE**x**") == "<p>\xEF\xBF\xBD\xEF\xBF\xBD<strong>x</strong></p>\n");
    const std::string deep(5000, '>');
    CHECK_FALSE(render_markdown(deep + " 深い").empty());
    const std::string stars(3000, '*');
    CHECK_FALSE(render_markdown("あ" + stars + "「x」" + stars + "い").empty());
    std::string brackets;
    for (int i = 0; i < 2000; ++i) brackets += "**「";
    CHECK_FALSE(render_markdown(brackets).empty());
}

TEST_CASE("markdown_to_plain_text") {
    struct { const char* in; const char* out; } cases[] = {
        {"**見守り**と*サロン*", "見守りとサロン"},
        {"# 見出し\n\n本文です。\n次の行", "見出し 本文です。次の行"},
        {"English\nwords", "English words"},
        {"これは**「重要」**です", "これは「重要」です"},
        {"[案内](https://example.org/)を見る", "案内を見る"},
        {"![会場の写真](hall.jpg)", "会場の写真"},
        {"<script>alert(1)</script>\n\n本文", "本文"},
        {"前<b>太</b>後", "前太後"},
        {"- 一\n- 二", "一 二"},
        {"| a | b |\n|---|---|\n| 1 | 2 |", "a b 1 2"},
        {"`code`　と　全角", "code と 全角"},
        {"", ""},
    };
    for (auto& c : cases) CHECK_MESSAGE(markdown_to_plain_text(c.in) == c.out, std::string(c.in));
}

TEST_CASE("markdown renders the same in parallel threads") {
    const std::string md = "これは**「重要なこと」**です。\n次の行\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    const std::string expected = render_markdown(md);
    std::vector<std::thread> threads;
    std::vector<int> mismatches(4, 0);
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 300; ++i)
                if (render_markdown(md) != expected) ++mismatches[t];
        });
    for (auto& th : threads) th.join();
    for (int m : mismatches) CHECK(m == 0);
}
