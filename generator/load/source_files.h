// Lists the files of a site's source folder safely: sorted, hidden files skipped, directory
// symlinks never followed (no loops), and file symlinks that lead outside the source refused.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace tsunagu {

struct SourceFile {
    std::filesystem::path abs;
    std::string rel;  // '/'-separated, relative to the source root (used in diagnostics)
};

// Files under root/subdir whose extension is one of exts (lower case, with dot; empty = any), sorted by rel.
std::vector<SourceFile> list_source_files(const std::filesystem::path& root, const std::string& subdir,
                                          const std::vector<std::string>& exts, Diagnostics& diags);

// True when p (after resolving symlinks) lies inside root.
bool is_inside(const std::filesystem::path& root, const std::filesystem::path& p);

}  // namespace tsunagu
