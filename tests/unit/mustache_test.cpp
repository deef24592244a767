// The Mustache engine pinned by examples from the Mustache spec (interpolation, sections,
// inverted, comments, partials, delimiters), plus our error diagnostics.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <thread>
#include <vector>

#include "render/mustache.h"

using namespace tsunagu;
using nlohmann::json;

namespace {

struct SpecCase {
    const char* name;
    const char* data;      // JSON
    const char* tmpl;
    const char* expected;
    const char* partials;  // JSON object name → source, or nullptr
};

const SpecCase kSpec[] = {
    // interpolation.yml
    {"No Interpolation", "{}", "Hello from {Mustache}!\n", "Hello from {Mustache}!\n", nullptr},
    {"Basic Interpolation", R"({"subject":"world"})", "Hello, {{subject}}!\n", "Hello, world!\n", nullptr},
    {"HTML Escaping", R"({"forbidden":"& \" < >"})", "These characters should be HTML escaped: {{forbidden}}\n",
     "These characters should be HTML escaped: &amp; &quot; &lt; &gt;\n", nullptr},
    {"Triple Mustache", R"({"forbidden":"& \" < >"})", "{{{forbidden}}}\n", "& \" < >\n", nullptr},
    {"Ampersand", R"({"forbidden":"& \" < >"})", "{{&forbidden}}\n", "& \" < >\n", nullptr},
    {"Basic Integer Interpolation", R"({"mph":85})", "\"{{mph}} miles an hour!\"", "\"85 miles an hour!\"", nullptr},
    {"Basic Decimal Interpolation", R"({"power":1.210})", "\"{{power}} jiggawatts!\"", "\"1.21 jiggawatts!\"", nullptr},
    {"Basic Null Interpolation", R"({"cannot":null})", "I ({{cannot}}) be seen!", "I () be seen!", nullptr},
    {"Basic Context Miss Interpolation", "{}", "I ({{cannot}}) be seen!", "I () be seen!", nullptr},
    {"Dotted Names - Basic Interpolation", R"({"person":{"name":"Joe"}})",
     "\"{{person.name}}\" == \"{{#person}}{{name}}{{/person}}\"", "\"Joe\" == \"Joe\"", nullptr},
    {"Dotted Names - Arbitrary Depth", R"({"a":{"b":{"c":{"d":{"e":{"name":"Phil"}}}}}})",
     "\"{{a.b.c.d.e.name}}\" == \"Phil\"", "\"Phil\" == \"Phil\"", nullptr},
    {"Dotted Names - Broken Chains", R"({"a":{}})", "\"{{a.b.c}}\" == \"\"", "\"\" == \"\"", nullptr},
    {"Dotted Names - Broken Chain Resolution", R"({"a":{"b":{}},"c":{"name":"Jim"}})",
     "\"{{a.b.c.name}}\" == \"\"", "\"\" == \"\"", nullptr},
    {"Dotted Names - Initial Resolution",
     R"({"a":{"b":{"c":{"d":{"e":{"name":"Phil"}}}}},"b":{"c":{"d":{"e":{"name":"Wrong"}}}}})",
     "\"{{#a}}{{b.c.d.e.name}}{{/a}}\" == \"Phil\"", "\"Phil\" == \"Phil\"", nullptr},
    {"Dotted Names - Context Precedence", R"({"a":{"b":{}},"b":{"c":"ERROR"}})", "{{#a}}{{b.c}}{{/a}}", "", nullptr},
    {"Implicit Iterators - Basic Interpolation", R"("world")", "Hello, {{.}}!\n", "Hello, world!\n", nullptr},
    {"Implicit Iterators - HTML Escaping", R"("& \" < >")", "{{.}}", "&amp; &quot; &lt; &gt;", nullptr},
    {"Interpolation - Surrounding Whitespace", R"({"string":"---"})", "| {{string}} |", "| --- |", nullptr},
    {"Interpolation - Standalone", R"({"string":"---"})", "  {{string}}\n", "  ---\n", nullptr},
    {"Interpolation With Padding", R"({"string":"---"})", "|{{ string }}|", "|---|", nullptr},
    {"Triple Mustache With Padding", R"({"string":"---"})", "|{{{ string }}}|", "|---|", nullptr},
    {"Ampersand With Padding", R"({"string":"---"})", "|{{& string }}|", "|---|", nullptr},
    {"Apostrophe is escaped", R"({"s":"it's"})", "{{s}}", "it&#39;s", nullptr},

    // sections.yml
    {"Sections - Truthy", R"({"boolean":true})", "\"{{#boolean}}This should be rendered.{{/boolean}}\"",
     "\"This should be rendered.\"", nullptr},
    {"Sections - Falsey", R"({"boolean":false})", "\"{{#boolean}}This should not be rendered.{{/boolean}}\"", "\"\"", nullptr},
    {"Sections - Null is falsey", R"({"null":null})", "\"{{#null}}This should not be rendered.{{/null}}\"", "\"\"", nullptr},
    {"Sections - Context", R"({"context":{"name":"Joe"}})", "\"{{#context}}Hi {{name}}.{{/context}}\"", "\"Hi Joe.\"", nullptr},
    {"Sections - Parent contexts", R"({"a":"foo","b":"wrong","sec":{"b":"bar"},"c":{"d":"baz"}})",
     "\"{{#sec}}{{a}}, {{b}}, {{c.d}}{{/sec}}\"", "\"foo, bar, baz\"", nullptr},
    {"Sections - Variable test", R"({"foo":"bar"})", "\"{{#foo}}{{.}} is {{foo}}{{/foo}}\"", "\"bar is bar\"", nullptr},
    {"Sections - List Contexts",
     R"({"tops":[{"tname":{"upper":"A","lower":"a"},"middles":[{"mname":"1","bottoms":[{"bname":"x"},{"bname":"y"}]}]}]})",
     "{{#tops}}{{#middles}}{{tname.lower}}{{mname}}.{{#bottoms}}{{tname.upper}}{{mname}}{{bname}}.{{/bottoms}}{{/middles}}{{/tops}}",
     "a1.A1x.A1y.", nullptr},
    {"Sections - Deeply Nested Contexts", R"({"a":{"one":1},"b":{"two":2},"c":{"three":3,"d":{"four":4,"five":5}}})",
     "{{#a}}\n{{one}}\n{{#b}}\n{{one}}{{two}}{{one}}\n{{#c}}\n{{one}}{{two}}{{three}}{{two}}{{one}}\n{{#d}}\n"
     "{{one}}{{two}}{{three}}{{four}}{{three}}{{two}}{{one}}\n{{#five}}\n"
     "{{one}}{{two}}{{three}}{{four}}{{five}}{{four}}{{three}}{{two}}{{one}}\n"
     "{{one}}{{two}}{{three}}{{four}}{{.}}6{{.}}{{four}}{{three}}{{two}}{{one}}\n"
     "{{one}}{{two}}{{three}}{{four}}{{five}}{{four}}{{three}}{{two}}{{one}}\n{{/five}}\n"
     "{{one}}{{two}}{{three}}{{four}}{{three}}{{two}}{{one}}\n{{/d}}\n{{one}}{{two}}{{three}}{{two}}{{one}}\n{{/c}}\n"
     "{{one}}{{two}}{{one}}\n{{/b}}\n{{one}}\n{{/a}}\n",
     "1\n121\n12321\n1234321\n123454321\n12345654321\n123454321\n1234321\n12321\n121\n1\n", nullptr},
    {"Sections - List", R"({"list":[{"item":1},{"item":2},{"item":3}]})", "\"{{#list}}{{item}}{{/list}}\"", "\"123\"", nullptr},
    {"Sections - Empty List", R"({"list":[]})", "\"{{#list}}Yay lists!{{/list}}\"", "\"\"", nullptr},
    {"Sections - Doubled", R"({"bool":true,"two":"second"})",
     "{{#bool}}\n* first\n{{/bool}}\n* {{two}}\n{{#bool}}\n* third\n{{/bool}}\n", "* first\n* second\n* third\n", nullptr},
    {"Sections - Nested (Truthy)", R"({"bool":true})", "| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", "| A B C D E |", nullptr},
    {"Sections - Nested (Falsey)", R"({"bool":false})", "| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", "| A  E |", nullptr},
    {"Sections - Context Misses", "{}", "[{{#missing}}Found key 'missing'!{{/missing}}]", "[]", nullptr},
    {"Sections - Implicit Iterator - String", R"({"list":["a","b","c","d","e"]})", "\"{{#list}}({{.}}){{/list}}\"",
     "\"(a)(b)(c)(d)(e)\"", nullptr},
    {"Sections - Implicit Iterator - Integer", R"({"list":[1,2,3,4,5]})", "\"{{#list}}({{.}}){{/list}}\"",
     "\"(1)(2)(3)(4)(5)\"", nullptr},
    {"Sections - Implicit Iterator - Decimal", R"({"list":[1.1,2.2,3.3,4.4,5.5]})", "\"{{#list}}({{.}}){{/list}}\"",
     "\"(1.1)(2.2)(3.3)(4.4)(5.5)\"", nullptr},
    {"Sections - Implicit Iterator - Array", R"({"list":[[1,2,3],["a","b","c"]]})",
     "\"{{#list}}({{#.}}{{.}}{{/.}}){{/list}}\"", "\"(123)(abc)\"", nullptr},
    {"Sections - Dotted Names - Truthy", R"({"a":{"b":{"c":true}}})", "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"Here\"",
     "\"Here\" == \"Here\"", nullptr},
    {"Sections - Dotted Names - Falsey", R"({"a":{"b":{"c":false}}})", "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"\"",
     "\"\" == \"\"", nullptr},
    {"Sections - Dotted Names - Broken Chains", R"({"a":{}})", "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"\"", "\"\" == \"\"", nullptr},
    {"Sections - Surrounding Whitespace", R"({"boolean":true})", " | {{#boolean}}\t|\t{{/boolean}} | \n", " | \t|\t | \n", nullptr},
    {"Sections - Internal Whitespace", R"({"boolean":true})", " | {{#boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n",
     " |  \n  | \n", nullptr},
    {"Sections - Indented Inline Sections", R"({"boolean":true})", " {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n",
     " YES\n GOOD\n", nullptr},
    {"Sections - Standalone Lines", R"({"boolean":true})", "| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n",
     "| This Is\n|\n| A Line\n", nullptr},
    {"Sections - Indented Standalone Lines", R"({"boolean":true})", "| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n",
     "| This Is\n|\n| A Line\n", nullptr},
    {"Sections - Standalone Line Endings", R"({"boolean":true})", "|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", "|\r\n|", nullptr},
    {"Sections - Standalone Without Previous Line", R"({"boolean":true})", "  {{#boolean}}\n#{{/boolean}}\n/", "#\n/", nullptr},
    {"Sections - Standalone Without Newline", R"({"boolean":true})", "#{{#boolean}}\n/\n  {{/boolean}}", "#\n/\n", nullptr},
    {"Sections - Padding", R"({"boolean":true})", "|{{# boolean }}={{/ boolean }}|", "|=|", nullptr},
    // Our one deliberate difference: "" is falsey.
    {"Sections - empty string is falsey", R"({"s":""})", "[{{#s}}x{{/s}}{{^s}}none{{/s}}]", "[none]", nullptr},

    // inverted.yml
    {"Inverted - Falsey", R"({"boolean":false})", "\"{{^boolean}}This should be rendered.{{/boolean}}\"",
     "\"This should be rendered.\"", nullptr},
    {"Inverted - Truthy", R"({"boolean":true})", "\"{{^boolean}}This should not be rendered.{{/boolean}}\"", "\"\"", nullptr},
    {"Inverted - Null is falsey", R"({"null":null})", "\"{{^null}}This should be rendered.{{/null}}\"",
     "\"This should be rendered.\"", nullptr},
    {"Inverted - Context", R"({"context":{"name":"Joe"}})", "\"{{^context}}Hi {{name}}.{{/context}}\"", "\"\"", nullptr},
    {"Inverted - List", R"({"list":[{"n":1},{"n":2},{"n":3}]})", "\"{{^list}}{{n}}{{/list}}\"", "\"\"", nullptr},
    {"Inverted - Empty List", R"({"list":[]})", "\"{{^list}}Yay lists!{{/list}}\"", "\"Yay lists!\"", nullptr},
    {"Inverted - Doubled", R"({"bool":false,"two":"second"})",
     "{{^bool}}\n* first\n{{/bool}}\n* {{two}}\n{{^bool}}\n* third\n{{/bool}}\n", "* first\n* second\n* third\n", nullptr},
    {"Inverted - Context Misses", "{}", "[{{^missing}}Found key 'missing'!{{/missing}}]", "[Found key 'missing'!]", nullptr},
    {"Inverted - Dotted Names - Broken Chains", R"({"a":{}})", "\"{{^a.b.c}}Not Here{{/a.b.c}}\" == \"Not Here\"",
     "\"Not Here\" == \"Not Here\"", nullptr},
    {"Inverted - Standalone Lines", R"({"boolean":false})", "| This Is\n{{^boolean}}\n|\n{{/boolean}}\n| A Line\n",
     "| This Is\n|\n| A Line\n", nullptr},
    {"Inverted - Standalone Without Newline", R"({"boolean":false})", "^{{^boolean}}\n/\n  {{/boolean}}", "^\n/\n", nullptr},

    // comments.yml
    {"Comments - Inline", "{}", "12345{{! Comment Block! }}67890", "1234567890", nullptr},
    {"Comments - Multiline", "{}", "12345{{!\n  This is a\n  multi-line comment...\n}}67890\n", "1234567890\n", nullptr},
    {"Comments - Standalone", "{}", "Begin.\n{{! Comment Block! }}\nEnd.\n", "Begin.\nEnd.\n", nullptr},
    {"Comments - Indented Standalone", "{}", "Begin.\n  {{! Indented Comment Block! }}\nEnd.\n", "Begin.\nEnd.\n", nullptr},
    {"Comments - Standalone Line Endings", "{}", "|\r\n{{! Standalone Comment }}\r\n|", "|\r\n|", nullptr},
    {"Comments - Standalone Without Previous Line", "{}", "  {{! I'm Still Standalone }}\n!", "!", nullptr},
    {"Comments - Standalone Without Newline", "{}", "!\n  {{! I'm Still Standalone }}", "!\n", nullptr},
    {"Comments - Multiline Standalone", "{}", "Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n", "Begin.\nEnd.\n", nullptr},
    {"Comments - Indented Inline", "{}", "  12 {{! 34 }}\n", "  12 \n", nullptr},
    {"Comments - Surrounding Whitespace", "{}", "12345 {{! Comment Block! }} 67890", "12345  67890", nullptr},

    // partials.yml
    {"Partials - Basic Behavior", "{}", "\"{{>text}}\"", "\"from partial\"", R"({"text":"from partial"})"},
    {"Partials - Context", R"({"text":"content"})", "\"{{>partial}}\"", "\"*content*\"", R"({"partial":"*{{text}}*"})"},
    {"Partials - Recursion", R"({"content":"X","nodes":[{"content":"Y","nodes":[]}]})", "{{>node}}", "X<Y<>>",
     R"({"node":"{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"})"},
    {"Partials - Surrounding Whitespace", "{}", "| {{>partial}} |", "| \t|\t |", R"({"partial":"\t|\t"})"},
    {"Partials - Inline Indentation", R"({"data":"|"})", "  {{data}}  {{> partial}}\n", "  |  >\n>\n", R"({"partial":">\n>"})"},
    {"Partials - Standalone Line Endings", "{}", "|\r\n{{>partial}}\r\n|", "|\r\n>|", R"({"partial":">"})"},
    {"Partials - Standalone Without Previous Line", "{}", "  {{>partial}}\n>", "  >\n  >>", R"({"partial":">\n>"})"},
    {"Partials - Standalone Without Newline", "{}", ">\n  {{>partial}}", ">\n  >\n  >", R"({"partial":">\n>"})"},
    {"Partials - Standalone Indentation", R"({"content":"<\n->"})", "\\\n {{>partial}}\n/\n", "\\\n |\n <\n->\n |\n/\n",
     R"({"partial":"|\n{{{content}}}\n|\n"})"},
    {"Partials - Padding Whitespace", R"({"boolean":true})", "|{{> partial }}|", "|[]|", R"({"partial":"[]"})"},
    {"Partials - Nested standalone indentation", "{}", "  {{>outer}}\n", "  a\n    b\n", R"({"outer":"a\n  {{>inner}}\n","inner":"b\n"})"},

    // delimiters.yml
    {"Delimiters - Pair Behavior", R"({"text":"Hey!"})", "{{=<% %>=}}(<%text%>)", "(Hey!)", nullptr},
    {"Delimiters - Special Characters", R"({"text":"It worked!"})", "({{=[ ]=}}[text])", "(It worked!)", nullptr},
    {"Delimiters - Sections", R"({"section":true,"data":"I got interpolated."})",
     "[\n{{#section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|#section|\n  {{data}}\n  |data|\n|/section|\n]\n",
     "[\n  I got interpolated.\n  |data|\n\n  {{data}}\n  I got interpolated.\n]\n", nullptr},
    {"Delimiters - Standalone Tag", "{}", "Begin.\n{{=@ @=}}\nEnd.\n", "Begin.\nEnd.\n", nullptr},
    {"Delimiters - Outlying Whitespace (Inline)", "{}", " | {{=@ @=}}\n", " | \n", nullptr},
    {"Delimiters - Pair with Padding", "{}", "|{{= @   @ =}}|", "||", nullptr},
};

std::string render_case(const SpecCase& c, Diagnostics& diags) {
    std::map<std::string, std::string> sources{{"main", c.tmpl}};
    if (c.partials) {
        json partials = json::parse(c.partials);
        for (auto& [k, v] : partials.items()) sources[k] = v.get<std::string>();
    }
    mustache::TemplateSet set = mustache::compile_set(sources, diags);
    return mustache::render(*set.find("main"), json::parse(c.data));
}

}  // namespace

TEST_CASE("mustache: spec examples") {
    for (const SpecCase& c : kSpec) {
        std::string name = c.name;
        CAPTURE(name);
        Diagnostics diags;
        std::string out = render_case(c, diags);
        CHECK(diags.empty());
        CHECK(out == c.expected);
    }
}

TEST_CASE("mustache: unclosed section is a template.syntax error with file and line") {
    Diagnostics diags;
    mustache::compile_set({{"page", "<p>\n{{#items}}\n{{name}}\n"}}, diags, {{"page", "themes/x/templates/page.mustache"}});
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "template.syntax");
    CHECK(diags[0].pos.file == "themes/x/templates/page.mustache");
    CHECK(diags[0].pos.line == 2);
}

TEST_CASE("mustache: mismatched close tag names both tags") {
    Diagnostics diags;
    mustache::compile_set({{"page", "{{#a}}\n{{#b}}\n{{/a}}\n{{/b}}"}}, diags);
    REQUIRE(!diags.empty());
    CHECK(diags[0].code == "template.syntax");
    CHECK(diags[0].pos.line == 3);
    CHECK(diags[0].en.find("{{#b}}") != std::string::npos);
}

TEST_CASE("mustache: unclosed tag") {
    Diagnostics diags;
    mustache::compile_set({{"page", "a\nb {{name"}}, diags);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "template.syntax");
    CHECK(diags[0].pos.line == 2);
}

TEST_CASE("mustache: missing partial is an error at the tag's line") {
    Diagnostics diags;
    mustache::compile_set({{"layout", "<html>\n\n  {{> header}}\n"}}, diags);
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].code == "template.partial_missing");
    CHECK(diags[0].pos.file == "layout.mustache");
    CHECK(diags[0].pos.line == 3);
}

TEST_CASE("mustache: render appends, and one compiled set renders from many threads") {
    Diagnostics diags;
    auto set = mustache::compile_set({{"t", "{{#items}}<li>{{name}}</li>{{/items}}"}}, diags);
    const mustache::Template& t = *set.find("t");
    json view = {{"items", json::array({{{"name", "<a>"}}, {{"name", "b"}}})}};
    std::string out = "x";
    mustache::render(t, view, out);
    CHECK(out == "x<li>&lt;a&gt;</li><li>b</li>");

    std::vector<std::string> results(8);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < results.size(); ++i)
        threads.emplace_back([&, i] { for (int k = 0; k < 200; ++k) results[i] = mustache::render(t, view); });
    for (auto& th : threads) th.join();
    for (const auto& r : results) CHECK(r == "<li>&lt;a&gt;</li><li>b</li>");
}

TEST_CASE("mustache: escape_html") {
    CHECK(mustache::escape_html("<script>alert('x')</script> & \"q\"") ==
          "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    CHECK(mustache::escape_html("日本語") == "日本語");
}
