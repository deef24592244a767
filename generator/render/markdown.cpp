#include "render/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <unicode/uchar.h>

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

// ---- Japanese emphasis -----------------------------------------------------------------
//
// CommonMark only lets `**` open when it is not squeezed between a letter and punctuation, so
// これは**「重要」**です stays literal (and a later ** may pair with the wrong one). We apply
// the CJK-friendly amendment instead: a delimiter run next to a wide character counts as
// flanking on that side. The parser does the rest (escapes, code spans, link precedence), so
// we only nudge it: a sentinel punctuation character is put on the side that must look like
// punctuation, and removed from the tree after parsing.

constexpr char32_t kSentinels[] = {0x2E2E, 0x2E19, 0x2056, 0x2E3C};  // rare, category Po

bool md_space(char32_t c) {  // CommonMark's Unicode whitespace; 0 = start or end of line
    return c == 0 || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == ' ' ||
           u_charType(static_cast<UChar32>(c)) == U_SPACE_SEPARATOR;
}
bool md_punct(char32_t c) {
    if (c < 0x80) return c > 0x20 && c < 0x7F && std::ispunct(static_cast<int>(c));
    return (U_MASK(u_charType(static_cast<UChar32>(c))) & U_GC_P_MASK) != 0;
}

// Inserts the sentinel beside each run of '*' or '~' whose flanking the amendment changes.
std::string mark_cjk_delimiters(const std::string& text, char32_t sentinel) {
    const std::string mark = encode_utf8(sentinel);
    std::string out;
    out.reserve(text.size() + 16);
    size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c != '*' && c != '~') {
            out += c;
            ++i;
            continue;
        }
        size_t j = i;
        while (j < text.size() && text[j] == c) ++j;
        // A run right after an odd number of backslashes starts with an escaped character.
        size_t bs = 0;
        while (bs < i && text[i - 1 - bs] == '\\') ++bs;
        const size_t run = i + (bs % 2);
        out.append(text, i, run - i);
        if (run < j) {
            char32_t prev = run == 0 ? 0 : last_code_point(std::string_view(text).substr(0, run));
            if (prev == '\n' || prev == '\r') prev = 0;
            size_t after = j;
            const char32_t next = j < text.size() ? decode_utf8(text, after) : 0;
            const bool left = !md_space(next) && (!md_punct(next) || md_space(prev) || md_punct(prev));
            const bool right = !md_space(prev) && (!md_punct(prev) || md_space(next) || md_punct(next));
            const bool cjk_left = !md_space(next) && is_wide(prev);
            const bool cjk_right = !md_space(prev) && is_wide(next);
            if (!left && cjk_left) out += mark;   // は**「 → は⸮**「 : may now open
            out.append(text, run, j - run);
            if (!right && cjk_right) out += mark;  // 」**で → 」**⸮で : may now close
        }
        i = j;
    }
    return out;
}

// The input as cmark sees it.
struct Source {
    std::string text;
    std::string sentinel;  // empty when no Japanese emphasis fix was needed
    std::vector<std::string_view> lines;

    explicit Source(std::string_view md) {
        // cmark would turn NULs and bad bytes into U+FFFD itself; doing it here keeps the
        // positions it reports valid for `text`.
        std::string clean;
        clean.reserve(md.size());
        for (char c : sanitize_utf8(md)) {
            if (c == '\0') clean += "\xEF\xBF\xBD";
            else clean += c;
        }
        text.swap(clean);
        if (text.find_first_of("*~") != std::string::npos) {
            for (char32_t s : kSentinels) {
                const std::string enc = encode_utf8(s);
                if (text.find(enc) != std::string::npos) continue;  // must not collide with input
                std::string marked = mark_cjk_delimiters(text, s);
                if (marked.size() != text.size()) {
                    text.swap(marked);
                    sentinel = enc;
                }
                break;
            }
        }
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
    // cmark-gfm adds its extensions' trigger characters (':' and 'w' for autolink, '~' …) to a
    // process-wide table while it parses inlines and removes them when done, so two parses at
    // once can switch autolinks off in each other (seen: a bare URL left as text in one build
    // out of ten). Parsing is serialized; rendering the trees stays parallel.
    static std::mutex parse_mutex;
    std::lock_guard<std::mutex> lock(parse_mutex);
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

// ---- pass: remove the emphasis sentinels -------------------------------------------------

std::string without(std::string_view s, const std::string& mark) {
    std::string out;
    out.reserve(s.size());
    for (size_t pos = 0;;) {
        const size_t at = s.find(mark, pos);
        out.append(s.substr(pos, at == std::string_view::npos ? std::string_view::npos : at - pos));
        if (at == std::string_view::npos) return out;
        pos = at + mark.size();
    }
}

void strip_sentinels(cmark_node* root, const std::string& mark) {
    if (mark.empty()) return;
    auto has = [&](const char* s) { return s && std::string_view(s).find(mark) != std::string_view::npos; };
    std::vector<cmark_node*> nodes = collect(root, [](cmark_node*) { return true; });
    for (cmark_node* n : nodes) {
        if (const char* lit = cmark_node_get_literal(n); has(lit))
            cmark_node_set_literal(n, without(lit, mark).c_str());
        const cmark_node_type t = type_of(n);
        if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
            if (const char* u = cmark_node_get_url(n); has(u)) cmark_node_set_url(n, without(u, mark).c_str());
            if (const char* ti = cmark_node_get_title(n); has(ti)) cmark_node_set_title(n, without(ti, mark).c_str());
        }
        if (t == CMARK_NODE_CODE_BLOCK)
            if (const char* info = cmark_node_get_fence_info(n); has(info))
                cmark_node_set_fence_info(n, without(info, mark).c_str());
    }
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
    strip_sentinels(doc.root, src.sentinel);
    drop_unsafe_links(doc.root);
    trim_autolinks(doc.root, src);
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
