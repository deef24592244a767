#include "render/assets.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

namespace tsunagu {

void emit_theme_assets(const std::filesystem::path& theme_dir, const EmitFile& emit, Diagnostics& diags) {
    namespace fs = std::filesystem;
    const fs::path dir = theme_dir / "assets";
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file()) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream data;
        data << in.rdbuf();
        if (!in) {
            diags.push_back(make_error("render.asset_read", SourcePos{file.generic_string(), 0, 0},
                                       "テーマのファイルを読めません", "cannot read the theme file"));
            continue;
        }
        emit("assets/" + fs::relative(file, dir, ec).generic_string(), data.str());
    }
}

std::string read_theme_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream data;
    data << in.rdbuf();
    std::string s = data.str();
    if (s.find("</") != std::string::npos) return {};
    return s;
}

}  // namespace tsunagu
