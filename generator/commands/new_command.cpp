// `tsunagu new DIR`: a new, minimal, valid site for editors to start from (see new_site_writer.h).
#include <algorithm>
#include <iostream>
#include <string>

#include "commands/new_site_template.h"
#include "commands/new_site_writer.h"
#include "commands/pipeline.h"

namespace tsunagu {

namespace {

// The folder as a shell word the editor can copy: quoted only when it needs to be.
std::string shell_word(const std::string& s) {
    if (!s.empty() && s.find_first_of(" \t\n'\"\\$`!*?[]{}()<>|&;#~=%") == std::string::npos && s[0] != '-') return s;
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

}  // namespace

int new_command(const CliOptions& options) {
    const std::string& dir = options.new_dir;
    const NewSiteResult r = write_new_site(dir);
    switch (r.status) {
        case NewSiteStatus::not_empty:
            std::cerr << "tsunagu new: フォルダ " << dir
                      << " は空ではありません。上書きしないよう、何も書きませんでした。まだない（または空の）フォルダを指定してください"
                         " (the folder "
                      << dir << " is not empty; nothing was written, as new never overwrites: name a folder that does not exist or is empty)\n";
            return kExitUsage;
        case NewSiteStatus::not_a_directory:
            std::cerr << "tsunagu new: " << dir << " はフォルダではありません。何も書きませんでした (" << dir
                      << " exists and is not a folder; nothing was written)\n";
            return kExitUsage;
        case NewSiteStatus::failed:
            std::cerr << "tsunagu new: " << r.error_ja << "。作りかけのファイルは消しました (" << r.error_en
                      << "; the files made so far were removed)\n";
            return kExitDataErrors;
        case NewSiteStatus::ok:
            break;
    }
    if (options.quiet) return kExitOk;
    std::cout << "tsunagu new: 新しいサイトを " << dir << " に作りました (made a new site in " << dir << ")\n\n";
    size_t width = 0;
    for (const NewSiteFile& f : new_site_files()) width = std::max(width, f.path.size());
    for (const NewSiteFile& f : new_site_files())
        std::cout << "  " << f.path << std::string(width - f.path.size() + 2, ' ') << f.what << "\n";
    std::cout << "\n記録は架空の「みほん市」の記入例です。書き方は各ファイルの「#」のメモと README.md にあります。\n"
                 "(The records are examples for the fictional みほん市; each file explains its fields, README.md the rest.)\n\n"
                 "次のコマンド (next):\n"
              << "  cd " << shell_word(dir) << "\n"
              << "  tsunagu check           データを確かめる (check the data)\n"
                 "  tsunagu serve           作って http://127.0.0.1:8080/ で見る (build and preview)\n"
                 "  tsunagu build           公開用のサイトを site/ に作る (build the site into site/)\n"
                 "  tsunagu handbook --pdf  冊子を PDF にする (print the handbooks as PDF; needs Chromium)\n";
    return kExitOk;
}

}  // namespace tsunagu
