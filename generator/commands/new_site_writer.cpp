#include "commands/new_site_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "commands/new_site_template.h"
#include "write/staged_output.h"

namespace tsunagu {

namespace fs = std::filesystem;

namespace {

// What this run made, so a failure can take it back (newest first) and leave DIR as it was.
struct Made {
    std::vector<fs::path> dirs;
    std::vector<fs::path> files;

    void undo() {
        std::error_code ec;
        for (auto it = files.rbegin(); it != files.rend(); ++it) fs::remove(*it, ec);
        for (auto it = dirs.rbegin(); it != dirs.rend(); ++it) fs::remove(*it, ec);  // only removes empty folders
    }
};

// Makes dir and the folders above it that are missing, remembering each one it made.
bool make_dirs(const fs::path& dir, Made& made, std::string& why) {
    std::vector<fs::path> missing;
    std::error_code ec;
    for (fs::path p = dir; !p.empty(); p = p.parent_path()) {
        const auto st = fs::symlink_status(p, ec);
        if (fs::exists(st)) break;
        missing.push_back(p);
        if (p == p.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (fs::create_directory(*it, ec)) {
            made.dirs.push_back(*it);
        } else if (ec || !fs::is_directory(*it, ec)) {
            why = it->string();
            return false;
        }
    }
    return true;
}

bool write_new_file(const fs::path& path, std::string_view content, std::string& why) {
    // O_EXCL: an existing file (or a link put there meanwhile) is never opened, let alone overwritten.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) {
        why = std::strerror(errno);
        return false;
    }
    size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            why = std::strerror(errno);
            ::close(fd);
            return false;
        }
        done += static_cast<size_t>(n);
    }
    if (::close(fd) != 0) {
        why = std::strerror(errno);
        return false;
    }
    return true;
}

}  // namespace

NewSiteResult write_new_site(const fs::path& dir) {
    NewSiteResult r;
    std::error_code ec;
    const auto st = fs::status(dir, ec);
    if (fs::exists(st)) {
        if (!fs::is_directory(st)) {
            r.status = NewSiteStatus::not_a_directory;
            return r;
        }
        fs::directory_iterator it(dir, ec);
        if (ec || it != fs::directory_iterator()) {  // unreadable counts as not empty: never guess
            r.status = NewSiteStatus::not_empty;
            return r;
        }
    } else if (fs::is_symlink(fs::symlink_status(dir, ec))) {
        r.status = NewSiteStatus::not_a_directory;  // a dangling link: do not create its target
        return r;
    }

    Made made;
    auto fail = [&](const std::string& ja, const std::string& en) {
        made.undo();
        r.status = NewSiteStatus::failed;
        r.error_ja = ja;
        r.error_en = en;
        r.written.clear();
        return r;
    };
    std::string why;
    if (!make_dirs(dir, made, why))
        return fail("フォルダ " + why + " を作れませんでした", "could not make the folder " + why);
    for (const NewSiteFile& f : new_site_files()) {
        const std::string rel(f.path);
        if (!is_safe_relative_path(rel))  // the names are fixed in the binary; this guards against a slip
            return fail("書き出すファイル名 " + rel + " が正しくありません", "invalid template path " + rel);
        const fs::path target = dir / fs::path(rel);
        if (!make_dirs(target.parent_path(), made, why))
            return fail("フォルダ " + why + " を作れませんでした", "could not make the folder " + why);
        if (!write_new_file(target, f.content, why))
            return fail(target.string() + " を書けませんでした（" + why + "）", "could not write " + target.string() + " (" + why + ")");
        made.files.push_back(target);
        r.written.push_back(rel);
    }
    return r;
}

}  // namespace tsunagu
