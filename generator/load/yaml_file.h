// Reads one YAML or JSON file into a yaml-cpp tree. JSON is read as YAML (a subset), so both
// kinds of file give exact line:column positions to every later diagnostic.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "model/diagnostic.h"

namespace tsunagu {

// Largest data file read; a bigger one is reported, not loaded (hostile or mistaken input).
constexpr size_t kMaxDataFileBytes = 64u << 20;

// rel_path is used in diagnostics. Returns nullopt after adding a diagnostic on a syntax error,
// invalid UTF-8 or an unreadable file.
std::optional<YAML::Node> parse_yaml_text(std::string_view text, const std::string& rel_path, Diagnostics& diags,
                                          int line_offset = 0);

// Reads a whole file; nullopt (with a diagnostic) when it cannot be read or is too large.
std::optional<std::string> read_text_file(const std::string& abs_path, const std::string& rel_path, Diagnostics& diags);

// 1-based position of a node.
inline SourcePos node_pos(const YAML::Node& n, const std::string& file, int line_offset = 0) {
    const YAML::Mark m = n.Mark();
    if (m.line < 0) return SourcePos{file, 0, 0};
    return SourcePos{file, m.line + 1 + line_offset, m.column + 1};
}

}  // namespace tsunagu
