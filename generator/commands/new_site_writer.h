// `tsunagu new DIR`: writes the embedded template site into DIR, which must not exist or be
// empty. Nothing is ever overwritten: every file is created with O_EXCL, and when anything
// fails the files and folders this run created are removed again, so DIR is left as it was.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tsunagu {

enum class NewSiteStatus {
    ok,
    not_empty,        // DIR exists and holds something: nothing was written
    not_a_directory,  // DIR exists and is a file (or another non-folder)
    failed,           // a folder or file could not be made; what was made is removed again
};

struct NewSiteResult {
    NewSiteStatus status = NewSiteStatus::ok;
    std::vector<std::string> written;  // relative paths, in the order of new_site_files()
    std::string error_ja, error_en;    // for failed
};

NewSiteResult write_new_site(const std::filesystem::path& dir);

}  // namespace tsunagu
