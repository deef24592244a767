#include "render/mustache.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace tsunagu::mustache {
namespace {

using json = nlohmann::json;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (is_blank(s.front()) || s.front() == '\n' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (is_blank(s.back()) || s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::vector<std::string> split_name(std::string_view name) {
    std::vector<std::string> path;
    if (name == ".") return path;
    size_t start = 0;
    while (true) {
        size_t dot = name.find('.', start);
        path.emplace_back(name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return path;
}

std::string join_name(const std::vector<std::string>& path) {
    if (path.empty()) return ".";
    std::string s;
    for (size_t i = 0; i < path.size(); ++i) {
        if (i) s += '.';
        s += path[i];
    }
    return s;
}

class Parser {
public:
    Parser(std::string_view src, const std::string& file, Diagnostics& diags) : src_(src), file_(file), diags_(diags) {}

    std::vector<Node> parse() {
        std::vector<Node> root;
        size_t pos = 0;
        size_t text_start = 0;
        while (true) {
            size_t p = src_.find(open_, pos);
            if (p == std::string_view::npos) {
                flush_text(container(root), text_start, src_.size());
                break;
            }
            size_t q = p + open_.size();
            char type = 0;
            if (q < src_.size() && std::string_view("#^/!>&{=").find(src_[q]) != std::string_view::npos) type = src_[q++];
            std::string close_seq = close_;
            if (type == '{') close_seq = "}" + close_;
            else if (type == '=') close_seq = "=" + close_;
            size_t e = src_.find(close_seq, q);
            if (e == std::string_view::npos) {
                error(p, "タグが閉じていません（" + close_seq + " がありません）",
                      "unclosed tag: no " + close_seq + " after " + open_);
                flush_text(container(root), text_start, src_.size());
                break;
            }
            std::string_view content = trim(src_.substr(q, e - q));
            size_t tag_end = e + close_seq.size();

            // Standalone: a non-output tag alone on its line loses the line's whitespace and newline.
            size_t line_begin = p;
            while (line_begin > 0 && src_[line_begin - 1] != '\n') --line_begin;
            bool standalone = false;
            size_t after = tag_end;
            if (type != 0 && type != '&' && type != '{' && line_begin >= text_start &&
                std::all_of(src_.begin() + line_begin, src_.begin() + p, is_blank)) {
                while (after < src_.size() && is_blank(src_[after])) ++after;
                if (after == src_.size()) standalone = true;
                else if (src_[after] == '\n') { standalone = true; ++after; }
                else if (src_[after] == '\r' && after + 1 < src_.size() && src_[after + 1] == '\n') { standalone = true; after += 2; }
            }
            bool at_line_start = p == 0 || src_[p - 1] == '\n';
            std::vector<Node>& here = container(root);
            if (standalone) {
                flush_text(here, text_start, line_begin);
                pos = after;
            } else {
                flush_text(here, text_start, p);
                pos = tag_end;
                // A tag that prints nothing at the start of a line still carries the line's
                // partial indentation (the spec indents the partial's source, tag lines included).
                if (at_line_start && type != 0 && type != '&' && type != '{') push_indent_marker(here);
            }
            text_start = pos;
            int line = line_of(p);

            switch (type) {
                case '!': break;
                case '=': {
                    std::string_view inner = trim(content);
                    size_t sp = inner.find_first_of(" \t");
                    std::string_view a = sp == std::string_view::npos ? inner : inner.substr(0, sp);
                    std::string_view b = sp == std::string_view::npos ? std::string_view{} : trim(inner.substr(sp));
                    if (a.empty() || b.empty() || b.find_first_of(" \t=") != std::string_view::npos || a.find('=') != std::string_view::npos) {
                        error(p, "区切り記号の指定が読めません", "cannot read the set-delimiter tag");
                    } else {
                        open_ = std::string(a);
                        close_ = std::string(b);
                    }
                    break;
                }
                case '#':
                case '^': {
                    if (!check_name(p, content)) break;
                    Node n;
                    n.kind = type == '#' ? NodeKind::section : NodeKind::inverted;
                    n.path = split_name(content);
                    n.line = line;
                    open_sections_.push_back(std::move(n));
                    break;
                }
                case '/': {
                    std::vector<std::string> path = split_name(content);
                    if (open_sections_.empty()) {
                        error(p, "閉じタグ {{/" + std::string(content) + "}} に対応する開きタグがありません",
                              "closing tag {{/" + std::string(content) + "}} without an open section");
                        break;
                    }
                    if (open_sections_.back().path != path) {
                        const Node& o = open_sections_.back();
                        error(p, "閉じタグ {{/" + std::string(content) + "}} が " + std::to_string(o.line) + "行目の {{#" + join_name(o.path) + "}} と一致しません",
                              "closing tag {{/" + std::string(content) + "}} does not match {{#" + join_name(o.path) + "}} opened on line " + std::to_string(o.line));
                        break;
                    }
                    Node done = std::move(open_sections_.back());
                    open_sections_.pop_back();
                    container(root).push_back(std::move(done));
                    break;
                }
                case '>': {
                    if (content.empty()) { error(p, "部品（パーシャル）の名前がありません", "partial tag without a name"); break; }
                    Node n;
                    n.kind = NodeKind::partial;
                    n.partial_name = std::string(content);
                    n.line = line;
                    if (standalone) {
                        n.text = std::string(src_.substr(line_begin, p - line_begin));
                        n.line_start = true;
                    }
                    container(root).push_back(std::move(n));
                    break;
                }
                default: {  // 0, '&', '{'
                    if (!check_name(p, content)) break;
                    Node n;
                    n.kind = type == 0 ? NodeKind::variable : NodeKind::raw_variable;
                    n.path = split_name(content);
                    n.line = line;
                    n.line_start = at_line_start;
                    container(root).push_back(std::move(n));
                    break;
                }
            }
        }
        for (auto it = open_sections_.rbegin(); it != open_sections_.rend(); ++it) {
            diags_.push_back(make_error("template.syntax", SourcePos{file_, it->line, 0},
                                        "セクション {{#" + join_name(it->path) + "}} が閉じられていません",
                                        "section {{#" + join_name(it->path) + "}} is never closed"));
        }
        return root;
    }

private:
    std::vector<Node>& container(std::vector<Node>& root) {
        return open_sections_.empty() ? root : open_sections_.back().children;
    }

    void flush_text(std::vector<Node>& into, size_t begin, size_t end) {
        if (end <= begin) return;
        Node n;
        n.kind = NodeKind::text;
        n.text = std::string(src_.substr(begin, end - begin));
        n.line_start = begin == 0 || src_[begin - 1] == '\n';
        n.line = line_of(begin);
        into.push_back(std::move(n));
    }

    void push_indent_marker(std::vector<Node>& into) {
        Node n;
        n.kind = NodeKind::text;
        n.line_start = true;
        into.push_back(std::move(n));
    }

    bool check_name(size_t p, std::string_view name) {
        if (name.empty() || name.find_first_of(" \t\n") != std::string_view::npos) {
            error(p, "タグの名前「" + std::string(name) + "」が読めません", "cannot read the tag name \"" + std::string(name) + "\"");
            return false;
        }
        return true;
    }

    // Positions only move forward, so counting newlines incrementally keeps parsing linear.
    int line_of(size_t p) {
        if (p < counted_pos_) {
            counted_pos_ = 0;
            counted_line_ = 1;
        }
        counted_line_ += static_cast<int>(std::count(src_.begin() + counted_pos_, src_.begin() + p, '\n'));
        counted_pos_ = p;
        return counted_line_;
    }

    void error(size_t p, std::string ja, std::string en) {
        diags_.push_back(make_error("template.syntax", SourcePos{file_, line_of(p), 0}, std::move(ja), std::move(en)));
    }

    std::string_view src_;
    const std::string& file_;
    Diagnostics& diags_;
    std::string open_ = "{{";
    std::string close_ = "}}";
    std::vector<Node> open_sections_;
    size_t counted_pos_ = 0;
    int counted_line_ = 1;
};

void link(std::vector<Node>& nodes, const TemplateSet& set, const Template& owner, Diagnostics& diags) {
    for (Node& n : nodes) {
        if (n.kind == NodeKind::partial) {
            n.partial = set.find(n.partial_name);
            if (!n.partial)
                diags.push_back(make_error("template.partial_missing", SourcePos{owner.file, n.line, 0},
                                           "部品（パーシャル）「" + n.partial_name + "」が見つかりません",
                                           "partial \"" + n.partial_name + "\" not found"));
        }
        link(n.children, set, owner, diags);
    }
}

// The context stack: innermost last. Views are only read, never copied.
using Stack = std::vector<const json*>;

const json* lookup(const Stack& stack, const std::vector<std::string>& path) {
    if (path.empty()) return stack.back();
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
        const json* c = *it;
        if (!c->is_object()) continue;
        auto found = c->find(path[0]);
        if (found == c->end()) continue;
        // Only the first name searches the stack; the rest must resolve inside it.
        const json* v = &*found;
        for (size_t k = 1; k < path.size(); ++k) {
            if (!v->is_object()) return nullptr;
            auto f = v->find(path[k]);
            if (f == v->end()) return nullptr;
            v = &*f;
        }
        return v;
    }
    return nullptr;
}

bool truthy(const json* v) {
    if (!v) return false;
    switch (v->type()) {
        case json::value_t::null: return false;
        case json::value_t::boolean: return v->get<bool>();
        case json::value_t::string: return !v->get_ref<const std::string&>().empty();
        case json::value_t::array: return !v->empty();
        default: return true;
    }
}

void append_value(std::string& out, const json& v, bool escape) {
    switch (v.type()) {
        case json::value_t::null: return;
        case json::value_t::string: {
            const std::string& s = v.get_ref<const std::string&>();
            if (escape) append_escaped(out, s);
            else out += s;
            return;
        }
        case json::value_t::number_integer: out += std::to_string(v.get<long long>()); return;
        case json::value_t::number_unsigned: out += std::to_string(v.get<unsigned long long>()); return;
        case json::value_t::boolean: out += v.get<bool>() ? "true" : "false"; return;
        default: {
            std::string s = v.dump();
            if (escape) append_escaped(out, s);
            else out += s;
        }
    }
}

void append_indented(std::string& out, const std::string& text, bool line_start, const std::string& indent) {
    if (indent.empty()) {
        out += text;
        return;
    }
    if (line_start) out += indent;
    for (size_t i = 0; i < text.size(); ++i) {
        out += text[i];
        if (text[i] == '\n' && i + 1 < text.size()) out += indent;
    }
}

void render_nodes(const std::vector<Node>& nodes, Stack& stack, const std::string& indent, std::string& out) {
    for (const Node& n : nodes) {
        switch (n.kind) {
            case NodeKind::text: append_indented(out, n.text, n.line_start, indent); break;
            case NodeKind::variable:
            case NodeKind::raw_variable: {
                if (n.line_start) out += indent;
                if (const json* v = lookup(stack, n.path)) append_value(out, *v, n.kind == NodeKind::variable);
                break;
            }
            case NodeKind::section: {
                const json* v = lookup(stack, n.path);
                if (!truthy(v)) break;
                if (v->is_array()) {
                    for (const json& item : *v) {
                        stack.push_back(&item);
                        render_nodes(n.children, stack, indent, out);
                        stack.pop_back();
                    }
                } else {
                    stack.push_back(v);
                    render_nodes(n.children, stack, indent, out);
                    stack.pop_back();
                }
                break;
            }
            case NodeKind::inverted:
                if (!truthy(lookup(stack, n.path))) render_nodes(n.children, stack, indent, out);
                break;
            case NodeKind::partial:
                if (!n.partial) break;
                // A standalone partial indents every line of itself; an inline one indents nothing.
                if (n.line_start) render_nodes(n.partial->nodes, stack, indent + n.text, out);
                else render_nodes(n.partial->nodes, stack, std::string(), out);
                break;
        }
    }
}

}  // namespace

const Template* TemplateSet::find(std::string_view name) const {
    auto it = templates.find(name);
    return it == templates.end() ? nullptr : &it->second;
}

Template compile(std::string_view source, std::string name, std::string file, Diagnostics& diags) {
    Template t;
    t.name = std::move(name);
    t.file = std::move(file);
    Parser parser(source, t.file, diags);
    t.nodes = parser.parse();
    return t;
}

TemplateSet compile_set(const std::map<std::string, std::string>& sources, Diagnostics& diags,
                        const std::map<std::string, std::string>& file_of) {
    TemplateSet set;
    for (const auto& [name, text] : sources) {
        auto f = file_of.find(name);
        std::string file = f != file_of.end() ? f->second : name + ".mustache";
        set.templates.emplace(name, compile(text, name, std::move(file), diags));
    }
    for (auto& [name, t] : set.templates) link(t.nodes, set, t, diags);
    return set;
}

TemplateSet load_templates(const std::filesystem::path& dir, Diagnostics& diags) {
    namespace fs = std::filesystem;
    std::map<std::string, std::string> sources;
    std::map<std::string, std::string> files;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        diags.push_back(make_error("template.missing", SourcePos{dir.generic_string(), 0, 0},
                                   "テンプレートのフォルダがありません", "template folder not found"));
        return {};
    }
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file() || it->path().extension() != ".mustache") continue;
        fs::path rel = fs::relative(it->path(), dir, ec);
        std::string name = rel.replace_extension().generic_string();
        std::ifstream in(it->path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in && !in.eof()) {
            diags.push_back(make_error("template.read", SourcePos{it->path().generic_string(), 0, 0},
                                       "テンプレートを読めません", "cannot read the template"));
            continue;
        }
        sources[name] = text.str();
        files[name] = it->path().generic_string();
    }
    return compile_set(sources, diags, files);
}

void render(const Template& t, const nlohmann::json& view, std::string& out) {
    Stack stack;
    stack.reserve(16);
    stack.push_back(&view);
    render_nodes(t.nodes, stack, std::string(), out);
}

std::string render(const Template& t, const nlohmann::json& view) {
    std::string out;
    render(t, view, out);
    return out;
}

void append_escaped(std::string& out, std::string_view s) {
    size_t run = 0;  // copy unescaped runs in one go
    for (size_t i = 0; i < s.size(); ++i) {
        const char* rep = nullptr;
        switch (s[i]) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'': rep = "&#39;"; break;
            default: continue;
        }
        out.append(s.data() + run, i - run);
        out += rep;
        run = i + 1;
    }
    out.append(s.data() + run, s.size() - run);
}

std::string escape_html(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    append_escaped(out, s);
    return out;
}

}  // namespace tsunagu::mustache
