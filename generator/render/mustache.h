// Our own Mustache engine: templates are compiled once into a tree (partials linked by pointer
// at compile time) and rendered many times from several threads at once. A compiled
// TemplateSet is never modified after loading, so rendering needs no locks.
//
// Supported: {{name}} (HTML-escaped), {{{name}}} and {{& name}} (raw), dotted names, {{.}},
// sections over lists / objects / truthy values, inverted sections, comments, partials,
// set-delimiter, and the spec's standalone-line and partial-indentation rules. Not supported:
// lambdas and template inheritance. One deliberate difference from the spec: an empty string
// is falsey (as in JavaScript Mustache), so {{#summary}}<p>{{summary}}</p>{{/summary}} works.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/diagnostic.h"

namespace tsunagu::mustache {

struct Template;

enum class NodeKind : uint8_t { text, variable, raw_variable, section, inverted, partial };

struct Node {
    NodeKind kind = NodeKind::text;
    bool line_start = false;         // begins a source line: gets a partial's indentation
    std::string text;                // text: the literal; partial: the indentation of a standalone tag
    std::vector<std::string> path;   // variable / section name split at '.'; empty = "{{.}}"
    std::vector<Node> children;      // section / inverted
    std::string partial_name;
    const Template* partial = nullptr;  // linked by TemplateSet; null only while compiling
    int line = 0;                    // 1-based line of the tag, for diagnostics
};

struct Template {
    std::string name;                // "layout", "partials/card": path under templates/ without .mustache
    std::string file;                // path shown in diagnostics
    std::vector<Node> nodes;
};

// name → compiled template. std::map keeps node addresses stable, so partial pointers stay valid.
struct TemplateSet {
    std::map<std::string, Template, std::less<>> templates;

    const Template* find(std::string_view name) const;
};

// Parses one template. Syntax errors are added to diags (code template.syntax) with file and line;
// partials are left unlinked.
Template compile(std::string_view source, std::string name, std::string file, Diagnostics& diags);

// Compiles every source (name → text) and links partials; a partial that is not in the set is a
// template.partial_missing error. file_of maps a name to the path shown in diagnostics
// (default: name + ".mustache").
TemplateSet compile_set(const std::map<std::string, std::string>& sources, Diagnostics& diags,
                        const std::map<std::string, std::string>& file_of = {});

// Loads every *.mustache under dir (recursively); the name is the relative path without extension.
TemplateSet load_templates(const std::filesystem::path& dir, Diagnostics& diags);

// Appends the rendering to out.
void render(const Template& t, const nlohmann::json& view, std::string& out);
std::string render(const Template& t, const nlohmann::json& view);

// HTML-escapes & < > " ' — the same escaping {{name}} applies.
void append_escaped(std::string& out, std::string_view s);
std::string escape_html(std::string_view s);

}  // namespace tsunagu::mustache
