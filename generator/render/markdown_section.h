// Markdown placed under a heading of the page: whatever level its author started at (people
// write "#" or "##" for a page's sections), its top heading becomes top_level, so the page's
// outline never skips a level.
#pragma once

#include <string>
#include <string_view>

namespace tsunagu {

std::string render_markdown_at(std::string_view md, int top_level);

}  // namespace tsunagu
