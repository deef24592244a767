#include "render/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

#include "text/utf8.h"

namespace tsunagu {

namespace {

// Tables, ~~strikethrough~~ (two tildes only: "10時~12時、14時~16時" must not strike through)
// and bare URLs. Raw HTML is dropped because CMARK_OPT_UNSAFE is never set.
constexpr int kParseOptions = CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
// style="text-align…" rather than align="…", which HTML5 validators reject as obsolete.
constexpr int kRenderOptions = CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;

// The extension registry is a process-wide list; fill it exactly once.
void ensure_extensions() {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

// The input as cmark saw it, split into lines, for mapping text nodes back to their source.
struct Source {
    std::string text;
    std::vector<std::string_view> lines;

    explicit Source(std::string_view md) {
        // cmark would turn NULs and bad bytes into U+FFFD itself; doing it first keeps the
        // columns it reports valid for `text`.
        text = sanitize_utf8(md);
        std::string clean;
        clean.reserve(text.size());
        for (char c : text) {
            if (c == '\0') clean += "\xEF\xBF\xBD";
            else clean += c;
        }
        text.swap(clean);
        size_t start = 0;
        for (size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n' || text[i] == '\r') {
                lines.emplace_back(text.data() + start, i - start);
                if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
                start = i + 1;
            }
        }
        lines.emplace_back(text.data() + start, text.size() - start);
    }
};

// Parser and tree, freed together.
struct Document {
    cmark_parser* parser = nullptr;
    cmark_node* root = nullptr;
    ~Document() {
        if (root) cmark_node_free(root);
        if (parser) cmark_parser_free(parser);
    }
};

bool parse(const Source& src, Document& doc) {
    ensure_extensions();
    doc.parser = cmark_parser_new(kParseOptions);
    if (!doc.parser) return false;
    for (const char* name : {"table", "strikethrough", "autolink"})
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(doc.parser, ext);
    cmark_parser_feed(doc.parser, src.text.data(), src.text.size());
    doc.root = cmark_parser_finish(doc.parser);
    return doc.root != nullptr;
}

std::vector<cmark_node*> collect(cmark_node* root, bool (*pred)(cmark_node*)) {
    std::vector<cmark_node*> out;
    cmark_iter* it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
        if (ev == CMARK_EVENT_ENTER && pred(cmark_iter_get_node(it))) out.push_back(cmark_iter_get_node(it));
    cmark_iter_free(it);
    return out;
}

cmark_node_type type_of(cmark_node* n) { return cmark_node_get_type(n); }
std::string_view literal_of(cmark_node* n) {
    const char* s = cmark_node_get_literal(n);
    return s ? std::string_view(s) : std::string_view();
}

void remove_node(cmark_node* n) {
    cmark_node_unlink(n);
    cmark_node_free(n);
}

// Moves n's children in front of n and deletes n.
void unwrap(cmark_node* n) {
    while (cmark_node* c = cmark_node_first_child(n)) {
        cmark_node_unlink(c);
        if (!cmark_node_insert_before(n, c)) cmark_node_free(c);
    }
    remove_node(n);
}

cmark_node* new_text(std::string_view s) {
    cmark_node* t = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(t, std::string(s).c_str());
    return t;
}

// ---- characters next to a node --------------------------------------------------------

constexpr char32_t kNothing = 0xFFFFFFFF;  // the node holds no characters: look further

char32_t edge_char(cmark_node* n, bool last) {
    switch (type_of(n)) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE: {
        const std::string_view s = literal_of(n);
        if (s.empty()) return kNothing;
        return last ? last_code_point(s) : first_code_point(s);
    }
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK: return '\n';
    case CMARK_NODE_HTML_INLINE: return 0;  // dropped from output; unknown
    default: break;
    }
    for (cmark_node* c = last ? cmark_node_last_child(n) : cmark_node_first_child(n); c;
         c = last ? cmark_node_previous(c) : cmark_node_next(c)) {
        const char32_t r = edge_char(c, last);
        if (r != kNothing) return r;
    }
    return kNothing;
}

// The character just before / after n among its siblings; 0 at the edge of the parent.
char32_t char_before(cmark_node* n) {
    for (cmark_node* p = cmark_node_previous(n); p; p = cmark_node_previous(p))
        if (const char32_t r = edge_char(p, true); r != kNothing) return r;
    return 0;
}
char32_t char_after(cmark_node* n) {
    for (cmark_node* p = cmark_node_next(n); p; p = cmark_node_next(p))
        if (const char32_t r = edge_char(p, false); r != kNothing) return r;
    return 0;
}

// ---- pass: unsafe URLs -----------------------------------------------------------------

// Relative URLs and http(s), mailto, tel. cmark's safe mode already blanks javascript: and
// friends, but lets data:image/… through; we allow only what a directory page needs.
bool safe_url(std::string_view url) {
    std::string u;  // browsers ignore tabs and newlines inside a URL and spaces around it
    for (char c : url)
        if (static_cast<unsigned char>(c) > 0x20) u += c;
    const size_t colon = u.find(':');
    if (colon == std::string::npos) return true;
    const size_t path = u.find_first_of("/?#");
    if (path != std::string::npos && path < colon) return true;  // "a/b:c" is a relative path
    std::string scheme = u.substr(0, colon);
    for (char& c : scheme) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
}

void drop_unsafe_links(cmark_node* root) {
    auto nodes = collect(root, [](cmark_node* n) {
        return type_of(n) == CMARK_NODE_LINK || type_of(n) == CMARK_NODE_IMAGE;
    });
    for (cmark_node* n : nodes) {
        const char* url = cmark_node_get_url(n);
        if (!safe_url(url ? url : "")) unwrap(n);  // keep the link text / the image's alt text
    }
}

// ---- pass: bare URLs followed by Japanese ----------------------------------------------

// GFM's autolink runs to the next space, so "https://example.org/です。" links the Japanese
// too. No wide character belongs in a URL written bare in Japanese text: end the link there.
void trim_autolinks(cmark_node* root, const Source& src) {
    auto links = collect(root, [](cmark_node* n) { return type_of(n) == CMARK_NODE_LINK; });
    for (cmark_node* link : links) {
        cmark_node* text = cmark_node_first_child(link);
        if (!text || cmark_node_next(text) || type_of(text) != CMARK_NODE_TEXT) continue;
        const std::string label(literal_of(text));
        const char* u = cmark_node_get_url(link);
        const std::string url = u ? u : "";
        if (url.size() < label.size() || url.compare(url.size() - label.size(), label.size(), label) != 0) continue;
        const std::string prefix = url.substr(0, url.size() - label.size());
        if (prefix != "" && prefix != "http://" && prefix != "mailto:") continue;
        // <https://…> written with angle brackets is the author's explicit choice.
        const int line = cmark_node_get_start_line(link), col = cmark_node_get_start_column(link);
        if (line >= 1 && static_cast<size_t>(line) <= src.lines.size() && col >= 1 &&
            static_cast<size_t>(col) <= src.lines[line - 1].size() && src.lines[line - 1][col - 1] == '<')
            continue;
        size_t cut = std::string::npos;
        for (size_t pos = 0; pos < label.size();) {
            const size_t at = pos;
            if (is_wide(decode_utf8(label, pos))) { cut = at; break; }
        }
        if (cut == std::string::npos || cut == 0) continue;
        const std::string head = label.substr(0, cut);
        cmark_node_set_url(link, (prefix + head).c_str());
        cmark_node_set_literal(text, head.c_str());
        cmark_node* tail = new_text(std::string_view(label).substr(cut));
        if (!cmark_node_insert_after(link, tail)) cmark_node_free(tail);
    }
}

// ---- pass: soft breaks between wide characters -----------------------------------------

void remove_cjk_softbreaks(cmark_node* root) {
    auto breaks = collect(root, [](cmark_node* n) { return type_of(n) == CMARK_NODE_SOFTBREAK; });
    for (cmark_node* br : breaks)
        if (is_wide(char_before(br)) && is_wide(char_after(br))) remove_node(br);
}

// ---- pass: emphasis CommonMark leaves as text ------------------------------------------

int kDelimiterTag;  // user_data marker for text nodes that are a run of '*'

// For each byte of a text node's literal: did it come from a plain '*' in the source (not
// "\*", not an entity)? Aligns the literal with its source line; false when that fails, and
// then no asterisk of the node is treated as markup.
bool plain_asterisks(cmark_node* t, const Source& src, std::string_view lit, std::vector<bool>& plain) {
    const int line = cmark_node_get_start_line(t), col = cmark_node_get_start_column(t);
    if (line < 1 || static_cast<size_t>(line) > src.lines.size() || col < 1) return false;
    const std::string_view s = src.lines[line - 1];
    size_t i = static_cast<size_t>(col - 1);
    if (i > s.size()) return false;
    if (!lit.empty() && lit[0] != ' ' && lit[0] != '\t')
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;  // indentation cmark dropped
    plain.assign(lit.size(), false);
    for (size_t j = 0; j < lit.size();) {
        if (i >= s.size()) return false;
        if (s[i] == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1])) &&
            lit[j] == s[i + 1]) {
            i += 2, ++j;  // escaped: stays literal
        } else if (s[i] == lit[j]) {
            plain[j] = s[i] == '*';
            ++i, ++j;
        } else {
            return false;
        }
    }
    return true;
}

// Splits a text node so that each run of plain '*' is a node of its own, tagged.
void split_delimiters(cmark_node* t, const Source& src) {
    const std::string lit(literal_of(t));
    if (lit.find('*') == std::string::npos) return;
    std::vector<bool> plain;
    if (!plain_asterisks(t, src, lit, plain)) return;
    size_t start = 0;
    bool changed = false;
    for (size_t i = 0; i < lit.size();) {
        if (!plain[i]) { ++i; continue; }
        size_t end = i;
        while (end < lit.size() && plain[end]) ++end;
        if (i > start) cmark_node_insert_before(t, new_text(std::string_view(lit).substr(start, i - start)));
        cmark_node* run = new_text(std::string_view(lit).substr(i, end - i));
        cmark_node_set_user_data(run, &kDelimiterTag);
        cmark_node_insert_before(t, run);
        changed = true;
        start = i = end;
    }
    if (!changed) return;
    if (start < lit.size()) cmark_node_insert_before(t, new_text(std::string_view(lit).substr(start)));
    remove_node(t);
}

bool is_delimiter(cmark_node* n) {
    return type_of(n) == CMARK_NODE_TEXT && cmark_node_get_user_data(n) == &kDelimiterTag;
}

// Wraps the siblings strictly between opener and closer in EMPH / STRONG / both.
cmark_node* wrap(cmark_node* opener, cmark_node* closer, size_t len) {
    cmark_node* outer = cmark_node_new(len == 2 ? CMARK_NODE_STRONG : CMARK_NODE_EMPH);
    cmark_node* inner = outer;
    if (len == 3) {
        inner = cmark_node_new(CMARK_NODE_STRONG);
        cmark_node_append_child(outer, inner);
    }
    if (!cmark_node_insert_before(opener, outer)) {
        cmark_node_free(outer);
        return closer;
    }
    for (cmark_node* n = cmark_node_next(opener); n && n != closer;) {
        cmark_node* next = cmark_node_next(n);
        cmark_node_unlink(n);
        if (!cmark_node_append_child(inner, n)) cmark_node_free(n);
        n = next;
    }
    remove_node(opener);
    remove_node(closer);
    return outer;
}

// Pairs the left-over runs among one parent's children with relaxed flanking rules: a run
// opens when a non-space follows it and closes when a non-space precedes it, so punctuation
// such as 「」（） next to the asterisks no longer matters.
void pair_delimiters(cmark_node* parent) {
    std::vector<cmark_node*> openers;
    for (cmark_node* c = cmark_node_first_child(parent); c;) {
        cmark_node* next = cmark_node_next(c);
        if (is_delimiter(c)) {
            const size_t len = literal_of(c).size();
            const char32_t before = char_before(c), after = char_after(c);
            const bool can_close = before != 0 && !is_space(before);
            const bool can_open = after != 0 && !is_space(after);
            bool closed = false;
            if (len <= 3 && can_close) {
                for (size_t k = openers.size(); k-- > 0;) {
                    if (literal_of(openers[k]).size() != len || cmark_node_next(openers[k]) == c) continue;
                    cmark_node* w = wrap(openers[k], c, len);
                    openers.resize(k);
                    next = cmark_node_next(w);
                    closed = true;
                    break;
                }
            }
            if (!closed && len <= 3 && can_open) openers.push_back(c);
        }
        c = next;
    }
}

void fix_emphasis(cmark_node* root, const Source& src) {
    auto texts = collect(root, [](cmark_node* n) {
        return type_of(n) == CMARK_NODE_TEXT && literal_of(n).find('*') != std::string_view::npos;
    });
    if (texts.empty()) return;
    std::vector<cmark_node*> parents;
    for (cmark_node* t : texts) {
        cmark_node* p = cmark_node_parent(t);
        if (parents.empty() || parents.back() != p) parents.push_back(p);
        split_delimiters(t, src);
    }
    for (cmark_node* p : parents) pair_delimiters(p);
    cmark_consolidate_text_nodes(root);
}

// ---- pass: heading levels --------------------------------------------------------------

void shift_headings(cmark_node* root, int offset) {
    if (offset == 0) return;
    for (cmark_node* h : collect(root, [](cmark_node* n) { return type_of(n) == CMARK_NODE_HEADING; })) {
        int level = cmark_node_get_heading_level(h) + offset;
        cmark_node_set_heading_level(h, level < 1 ? 1 : level > 6 ? 6 : level);
    }
}

bool build_tree(const Source& src, Document& doc) {
    if (!parse(src, doc)) return false;
    drop_unsafe_links(doc.root);
    trim_autolinks(doc.root, src);
    fix_emphasis(doc.root, src);
    remove_cjk_softbreaks(doc.root);
    return true;
}

}  // namespace

std::string render_markdown(std::string_view md, const MarkdownOptions& options) {
    try {
        const Source src(md);
        Document doc;
        if (!build_tree(src, doc)) return {};
        shift_headings(doc.root, options.heading_offset);
        char* html = cmark_render_html(doc.root, kRenderOptions, cmark_parser_get_syntax_extensions(doc.parser));
        if (!html) return {};
        std::string out(html);
        cmark_get_default_mem_allocator()->free(html);
        return out;
    } catch (...) {
        return {};
    }
}

std::string markdown_to_plain_text(std::string_view md) {
    try {
        const Source src(md);
        Document doc;
        if (!build_tree(src, doc)) return {};
        std::string raw;
        cmark_iter* it = cmark_iter_new(doc.root);
        cmark_event_type ev;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
            cmark_node* n = cmark_iter_get_node(it);
            const cmark_node_type t = type_of(n);
            if (ev == CMARK_EVENT_ENTER) {
                if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE || t == CMARK_NODE_CODE_BLOCK) raw += literal_of(n);
                else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) raw += ' ';
            } else if (ev == CMARK_EVENT_EXIT && cmark_node_first_child(n) &&
                       (t & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_INLINE) {
                raw += ' ';  // between blocks, table cells, list items
            }
            if (t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_THEMATIC_BREAK) raw += ' ';
        }
        cmark_iter_free(it);
        // Collapse every run of whitespace (U+3000 included) into one space.
        std::string out;
        bool space = false;
        for (size_t pos = 0; pos < raw.size();) {
            const char32_t c = decode_utf8(raw, pos);
            if (is_space(c)) { space = true; continue; }
            if (space && !out.empty()) out += ' ';
            space = false;
            append_utf8(out, c);
        }
        return out;
    } catch (...) {
        return {};
    }
}

}  // namespace tsunagu
