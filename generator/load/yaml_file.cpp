#include "load/yaml_file.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "text/utf8.h"

namespace tsunagu {

static bool is_json_path(const std::string& p) { return p.size() >= 5 && p.compare(p.size() - 5, 5, ".json") == 0; }

std::optional<YAML::Node> parse_yaml_text(std::string_view text, const std::string& rel_path, Diagnostics& diags,
                                          int line_offset) {
    const char* code = is_json_path(rel_path) ? "json.syntax" : "yaml.syntax";
    if (!is_valid_utf8(text)) {
        diags.push_back(make_error("file.encoding", SourcePos{rel_path, 0, 0},
                                   "UTF-8 として読めない文字があります。UTF-8 で保存してください",
                                   "the file is not valid UTF-8; save it as UTF-8"));
        return std::nullopt;
    }
    if (text.find('\0') != std::string_view::npos) {
        diags.push_back(make_error("file.encoding", SourcePos{rel_path, 0, 0}, "ファイルに NUL 文字が含まれています",
                                   "the file contains NUL bytes"));
        return std::nullopt;
    }
    // A leading byte-order mark is common in files saved by Windows editors; it is not content.
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    // YAML accepts what JSON forbids (",,", comments, bare words): hold JSON files to JSON's grammar.
    if (is_json_path(rel_path)) {
        try {
            [[maybe_unused]] const auto parsed = nlohmann::json::parse(text.begin(), text.end());
        } catch (const nlohmann::json::parse_error& e) {
            int line = 1, col = 1;
            for (size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
                if (text[i] == '\n') ++line, col = 1;
                else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
            }
            std::string msg = e.what();
            // "[json.exception.parse_error.101] parse error at line 3, column 11: syntax error …": keep the reason.
            if (auto at = msg.find("column "); at != std::string::npos)
                if (auto colon = msg.find(": ", at); colon != std::string::npos) msg = msg.substr(colon + 2);
            diags.push_back(make_error(code, SourcePos{rel_path, line + line_offset, col}, "JSON の書式の誤りで読めません: " + msg,
                                       "JSON syntax error: " + msg));
            return std::nullopt;
        }
    }
    try {
        return YAML::Load(std::string(text));
    } catch (const YAML::ParserException& e) {
        if (e.msg == "bad file" || e.msg.find("recursion") != std::string::npos) {
            // yaml-cpp's words for nesting deeper than it will follow.
            diags.push_back(make_error(code, SourcePos{rel_path, e.mark.line >= 0 ? e.mark.line + 1 + line_offset : 0, 0},
                                       "入れ子が深すぎて読めません", "nesting is too deep to read"));
            return std::nullopt;
        }
        SourcePos pos{rel_path, e.mark.line >= 0 ? e.mark.line + 1 + line_offset : 0,
                      e.mark.column >= 0 ? e.mark.column + 1 : 0};
        diags.push_back(make_error(code, pos, "書式の誤りで読めません: " + e.msg, "syntax error: " + e.msg));
    } catch (const std::exception& e) {
        diags.push_back(make_error(code, SourcePos{rel_path, 0, 0}, std::string("読み込めません: ") + e.what(),
                                   std::string("cannot read: ") + e.what()));
    }
    return std::nullopt;
}

std::optional<std::string> read_text_file(const std::string& abs_path, const std::string& rel_path, Diagnostics& diags) {
    std::ifstream in(abs_path, std::ios::binary);
    if (!in) {
        diags.push_back(make_error("file.read", SourcePos{rel_path, 0, 0}, "ファイルを開けません", "cannot open the file"));
        return std::nullopt;
    }
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size > static_cast<std::streamoff>(kMaxDataFileBytes)) {
        diags.push_back(make_error("file.too_large", SourcePos{rel_path, 0, 0},
                                   "ファイルが大きすぎます（64MB まで）。分けてください",
                                   "the file is too large (64 MB at most); split it"));
        return std::nullopt;
    }
    std::string s(size > 0 ? static_cast<size_t>(size) : 0u, '\0');
    in.read(s.data(), static_cast<std::streamsize>(s.size()));
    return s;
}

}  // namespace tsunagu
