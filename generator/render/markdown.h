// Markdown → HTML for descriptions and content pages (cmark-gfm with tables, ~~strikethrough~~
// and autolinks). Raw HTML never passes through and only http(s), mailto and tel links (and
// relative ones) survive. Japanese fixes on top of CommonMark: a soft line break between two
// wide characters is removed (CSS Text 3), and **「強調」** / *（注）* become emphasis even
// where CommonMark's flanking rules leave the asterisks as text. Safe to call from many threads.
#pragma once

#include <string>
#include <string_view>

namespace tsunagu {

struct MarkdownOptions {
    // Added to every heading level (clamped to 1..6): 1 makes a description's "#" an <h2>
    // inside a page whose title is the <h1>.
    int heading_offset = 0;
};

std::string render_markdown(std::string_view md, const MarkdownOptions& options = {});

// The text only, for meta descriptions and search: no markup, raw HTML dropped, images by
// their alt text, whitespace collapsed to single spaces, trimmed.
std::string markdown_to_plain_text(std::string_view md);

}  // namespace tsunagu
