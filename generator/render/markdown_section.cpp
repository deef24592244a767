#include "render/markdown_section.h"

#include "render/markdown.h"

namespace tsunagu {

namespace {

// The smallest heading level in rendered HTML, 0 for none. Raw HTML is never passed through by
// render_markdown, so every "<hN" in its output is a real heading.
int top_heading(const std::string& html) {
    int top = 0;
    for (size_t p = html.find("<h"); p != std::string::npos; p = html.find("<h", p + 2)) {
        if (p + 3 >= html.size()) break;
        char d = html[p + 2];
        char after = html[p + 3];
        if (d < '1' || d > '6' || (after != '>' && after != ' ')) continue;
        int level = d - '0';
        if (top == 0 || level < top) top = level;
    }
    return top;
}

}  // namespace

std::string render_markdown_at(std::string_view md, int top_level) {
    std::string html = render_markdown(md);
    int top = top_heading(html);
    if (top == 0 || top == top_level) return html;
    return render_markdown(md, MarkdownOptions{top_level - top});
}

}  // namespace tsunagu
