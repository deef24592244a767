// `tsunagu new`: the files of a new site, embedded in the binary (new_site_template.cpp).
#pragma once

#include <string_view>
#include <vector>

namespace tsunagu {

struct NewSiteFile {
    std::string_view path;     // fixed, '/'-separated, relative to the new site's folder; never from data
    std::string_view what;     // what the file is, in Japanese, for the list `new` prints
    std::string_view content;  // the file, byte for byte (UTF-8, LF line ends)
};

// Every file `tsunagu new` writes, in the order it writes and lists them.
const std::vector<NewSiteFile>& new_site_files();

}  // namespace tsunagu
