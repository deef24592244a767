#include "load/source_files.h"

#include <algorithm>
#include <system_error>

namespace tsunagu {

namespace fs = std::filesystem;

bool is_inside(const fs::path& root, const fs::path& p) {
    std::error_code ec;
    const fs::path r = fs::weakly_canonical(root, ec);
    if (ec) return false;
    const fs::path c = fs::weakly_canonical(p, ec);
    if (ec) return false;
    auto rit = r.begin();
    auto cit = c.begin();
    for (; rit != r.end(); ++rit, ++cit) {
        if (rit->empty()) continue;  // trailing separator
        if (cit == c.end() || *rit != *cit) return false;
    }
    return true;
}

static std::string lower_ext(const fs::path& p) {
    std::string e = p.extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e;
}

std::vector<SourceFile> list_source_files(const fs::path& root, const std::string& subdir,
                                          const std::vector<std::string>& exts, Diagnostics& diags) {
    std::vector<SourceFile> out;
    const fs::path dir = root / subdir;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        const std::string fname = p.filename().string();
        if (!fname.empty() && fname[0] == '.') {  // .git, editor swap files
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        std::error_code sec;
        const bool is_link = it->is_symlink(sec);
        if (it->is_directory(sec)) continue;  // directory symlinks are not followed by the iterator
        if (!it->is_regular_file(sec)) continue;
        if (!exts.empty() && std::find(exts.begin(), exts.end(), lower_ext(p)) == exts.end()) continue;
        const std::string rel = fs::relative(p, root, sec).generic_string();
        if (is_link && !is_inside(root, p)) {
            diags.push_back(make_error("file.outside_source", SourcePos{rel, 0, 0},
                                       "このファイルはサイトのフォルダの外を指すリンクなので読みません",
                                       "this file is a link to somewhere outside the site folder; it is not read"));
            continue;
        }
        out.push_back(SourceFile{p, rel});
    }
    if (ec)
        diags.push_back(make_error("file.read", SourcePos{subdir, 0, 0}, "フォルダを読めません: " + ec.message(),
                                   "cannot read the folder: " + ec.message()));
    std::sort(out.begin(), out.end(), [](const SourceFile& a, const SourceFile& b) { return a.rel < b.rel; });
    return out;
}

}  // namespace tsunagu
