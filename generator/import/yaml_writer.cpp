#include "import/yaml_writer.h"

#include <cctype>

namespace tsunagu {

YamlValue& YamlValue::set(std::string_view key, YamlValue value) {
    for (auto& [k, v] : entries)
        if (k == key) {
            v = std::move(value);
            return v;
        }
    entries.emplace_back(std::string(key), std::move(value));
    return entries.back().second;
}

const YamlValue* YamlValue::find(std::string_view key) const {
    for (const auto& [k, v] : entries)
        if (k == key) return &v;
    return nullptr;
}

void YamlValue::erase(std::string_view key) {
    for (auto it = entries.begin(); it != entries.end(); ++it)
        if (it->first == key) {
            entries.erase(it);
            return;
        }
}

bool YamlValue::empty() const {
    switch (kind) {
        case Kind::text:
        case Kind::raw: return scalar.empty();
        case Kind::list: return items.empty();
        case Kind::map: return entries.empty();
    }
    return true;
}

// Words YAML 1.1 or 1.2 would read as something other than a string.
static bool looks_like_non_string(std::string_view s) {
    static constexpr std::string_view words[] = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"};
    std::string lower;
    for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (auto w : words)
        if (lower == w) return true;
    // Numbers, dates and times in any of YAML's spellings start with a digit, a sign or a dot
    // followed by a digit: quoting them all is simpler than recognising each form.
    const unsigned char c0 = static_cast<unsigned char>(s[0]);
    if (std::isdigit(c0)) return true;
    if ((c0 == '+' || c0 == '-' || c0 == '.') && s.size() > 1 && std::isdigit(static_cast<unsigned char>(s[1]))) return true;
    if (lower == ".inf" || lower == "-.inf" || lower == ".nan") return true;
    return false;
}

std::string yaml_scalar(std::string_view s) {
    bool plain = !s.empty() && !looks_like_non_string(s);
    if (plain) {
        static constexpr std::string_view indicators = "-?:,[]{}#&*!|>'\"%@`";
        if (indicators.find(s[0]) != std::string_view::npos) plain = false;
        if (s.front() == ' ' || s.back() == ' ' || s.back() == ':') plain = false;
        // ", " and "[" are only special inside flow collections, but records use flow lists.
        for (size_t i = 0; plain && i < s.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(s[i]);
            // '?' too: yaml-cpp reads "a?b" inside a flow list as a mapping key indicator.
            if (c < 0x20 || c == 0x7f || c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == '"' ||
                c == '\'' || c == '?')
                plain = false;
            else if (c == ':' && (i + 1 == s.size() || s[i + 1] == ' '))
                plain = false;
            else if (c == '#' && i > 0 && s[i - 1] == ' ')
                plain = false;
        }
        // U+2028/2029 and U+0085 are line breaks to some YAML readers.
        if (s.find("\xE2\x80\xA8") != std::string_view::npos || s.find("\xE2\x80\xA9") != std::string_view::npos ||
            s.find("\xC2\x85") != std::string_view::npos)
            plain = false;
    }
    if (plain) return std::string(s);
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    static constexpr char hex[] = "0123456789abcdef";
                    out += "\\x";
                    out += hex[c >> 4];
                    out += hex[c & 15];
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
    return out;
}

static bool is_scalar(const YamlValue& v) { return v.kind == YamlValue::Kind::text || v.kind == YamlValue::Kind::raw; }

static std::string inline_value(const YamlValue& v);

static std::string inline_scalar(const YamlValue& v) {
    if (v.kind == YamlValue::Kind::raw) return v.scalar;
    // Inside flow collections a multi-line string must stay on one line.
    return yaml_scalar(v.scalar);
}

static std::string inline_value(const YamlValue& v) {
    if (is_scalar(v)) return inline_scalar(v);
    std::string out;
    if (v.kind == YamlValue::Kind::list) {
        out = "[";
        for (size_t i = 0; i < v.items.size(); ++i) out += (i ? ", " : "") + inline_value(v.items[i]);
        return out + "]";
    }
    out = "{";
    for (size_t i = 0; i < v.entries.size(); ++i)
        out += (i ? ", " : "") + yaml_scalar(v.entries[i].first) + ": " + inline_value(v.entries[i].second);
    return out + "}";
}

// A literal block keeps Markdown line breaks readable; it cannot hold trailing spaces on the
// last line or text that starts with a space, so those fall back to a quoted string.
static bool fits_literal_block(const std::string& s) {
    if (s.find('\n') == std::string::npos || s.front() == ' ' || s.front() == '\n') return false;
    for (unsigned char c : s)
        if ((c < 0x20 && c != '\n') || c == 0x7f) return false;
    return s.back() != ' ';
}

static void write_map(const YamlValue& m, int indent, std::string& out);

static void write_entry(const std::string& key, const YamlValue& v, int indent, std::string& out) {
    const std::string pad(static_cast<size_t>(indent), ' ');
    out += pad + yaml_scalar(key) + ":";
    if (v.kind == YamlValue::Kind::text && fits_literal_block(v.scalar)) {
        std::string body = v.scalar;
        const bool trailing_newline = body.back() == '\n';
        while (!body.empty() && body.back() == '\n') body.pop_back();
        out += trailing_newline ? " |\n" : " |-\n";
        size_t start = 0;
        while (start <= body.size()) {
            const size_t nl = body.find('\n', start);
            const std::string line = body.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
            out += line.empty() ? "\n" : pad + "  " + line + "\n";
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
        return;
    }
    if (v.kind == YamlValue::Kind::map && !v.entries.empty()) {
        bool all_scalar = true;
        for (const auto& [k, e] : v.entries) all_scalar = all_scalar && is_scalar(e);
        if (!all_scalar || inline_value(v).size() > 100) {
            out += "\n";
            write_map(v, indent + 2, out);
            return;
        }
    }
    if (v.kind == YamlValue::Kind::list && !v.items.empty() && !is_scalar(v.items[0])) {
        out += "\n";
        for (const YamlValue& item : v.items) out += pad + "  - " + inline_value(item) + "\n";
        return;
    }
    out += " " + inline_value(v) + "\n";
}

static void write_map(const YamlValue& m, int indent, std::string& out) {
    for (const auto& [k, v] : m.entries) write_entry(k, v, indent, out);
}

std::string write_yaml_document(const YamlValue& root) {
    std::string out;
    write_map(root, 0, out);
    return out;
}

}  // namespace tsunagu
