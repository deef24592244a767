#include "write/staged_output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace tsunagu {

namespace fs = std::filesystem;

bool is_safe_relative_path(std::string_view p) {
    if (p.empty() || p.front() == '/' || p.size() > 1024) return false;
    for (char c : p)
        if (c == '\\' || static_cast<unsigned char>(c) < 0x20) return false;
    size_t start = 0;
    while (start <= p.size()) {
        const size_t slash = p.find('/', start);
        const std::string_view seg = p.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (seg.empty() || seg == "." || seg == "..") return false;
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return true;
}

static bool folder_is_replaceable(const fs::path& out, std::string& why) {
    std::error_code ec;
    if (!fs::exists(out, ec)) return true;
    if (!fs::is_directory(out, ec)) {
        why = "file";
        return false;
    }
    if (fs::is_empty(out, ec)) return true;
    if (fs::exists(out / kOutputMarker, ec)) return true;
    why = "foreign";
    return false;
}

std::optional<StagedOutput> StagedOutput::begin(const fs::path& out_in, Diagnostics& diags) {
    const fs::path out = fs::absolute(out_in).lexically_normal();
    const std::string shown = out_in.string();
    std::string why;
    if (!folder_is_replaceable(out, why)) {
        if (why == "file")
            diags.push_back(make_error("output.invalid", SourcePos{shown, 0, 0}, "出力先がフォルダではなくファイルです",
                                       "the output path is a file, not a folder"));
        else
            diags.push_back(make_error("output.foreign", SourcePos{shown, 0, 0},
                                       "出力先のフォルダに tsunagu が作ったものではないファイルがあります。消さないように、空のフォルダか新しい名前を指定してください",
                                       "the output folder holds files tsunagu did not write; to keep them safe, choose an empty or new folder"));
        return std::nullopt;
    }
    std::error_code ec;
    fs::path parent = out.parent_path();
    fs::create_directories(parent, ec);
    std::string pattern = (parent / ("." + out.filename().string() + ".tmp-XXXXXX")).string();
    if (!mkdtemp(pattern.data())) {
        diags.push_back(make_error("output.write", SourcePos{shown, 0, 0},
                                   std::string("一時フォルダを作れません: ") + std::strerror(errno),
                                   std::string("cannot create a temporary folder: ") + std::strerror(errno)));
        return std::nullopt;
    }
    ::chmod(pattern.c_str(), 0755);  // mkdtemp makes it 0700; the published site must be readable
    StagedOutput s(out, fs::path(pattern));
    s.write(kOutputMarker, "This folder was written by tsunagu build and is replaced by the next build.\n");
    return s;
}

StagedOutput::StagedOutput(StagedOutput&& o) noexcept
    : out_(std::move(o.out_)), tmp_(std::move(o.tmp_)), committed_(o.committed_), diags_(std::move(o.diags_)),
      created_dirs_(std::move(o.created_dirs_)), files_written_(o.files_written_) {
    o.committed_ = true;  // the moved-from object must not delete the folder
}

StagedOutput::~StagedOutput() {
    if (committed_ || tmp_.empty()) return;
    std::error_code ec;
    fs::remove_all(tmp_, ec);
}

std::optional<fs::path> StagedOutput::target(const std::string& rel_path) {
    if (!is_safe_relative_path(rel_path)) {
        std::lock_guard lock(mutex_);
        diags_.push_back(make_error("output.path", SourcePos{rel_path, 0, 0}, "出力先のパスが安全ではないので書きません",
                                    "refusing to write an unsafe output path"));
        return std::nullopt;
    }
    fs::path p = tmp_ / rel_path;
    const std::string dir = fs::path(rel_path).parent_path().generic_string();
    if (!dir.empty()) {
        std::lock_guard lock(mutex_);
        if (created_dirs_.insert(dir).second) {
            std::error_code ec;
            fs::create_directories(p.parent_path(), ec);
        }
    }
    return p;
}

void StagedOutput::write(const std::string& rel_path, std::string_view content) {
    auto p = target(rel_path);
    if (!p) return;
    // O_EXCL: two pages claiming one path is a bug we want to hear about, not a silent overwrite.
    const int fd = ::open(p->c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    bool ok = fd >= 0;
    const int open_errno = errno;
    size_t done = 0;
    while (ok && done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            ok = false;
        } else {
            done += static_cast<size_t>(n);
        }
    }
    if (fd >= 0 && ::close(fd) != 0) ok = false;
    std::lock_guard lock(mutex_);
    if (!ok) {
        const int e = fd < 0 ? open_errno : errno;
        diags_.push_back(make_error(e == EEXIST ? "output.collision" : "output.write", SourcePos{rel_path, 0, 0},
                                    std::string("書き込めません: ") + std::strerror(e),
                                    std::string("cannot write: ") + std::strerror(e)));
        return;
    }
    ++files_written_;
}

void StagedOutput::copy(const fs::path& from, const std::string& rel_path) {
    auto p = target(rel_path);
    if (!p) return;
    std::error_code ec;
    fs::copy_file(from, *p, fs::copy_options::none, ec);
    std::lock_guard lock(mutex_);
    if (ec) {
        diags_.push_back(make_error("output.write", SourcePos{rel_path, 0, 0}, "コピーできません: " + ec.message(),
                                    "cannot copy: " + ec.message()));
        return;
    }
    ++files_written_;
}

Diagnostics StagedOutput::take_diagnostics() {
    std::lock_guard lock(mutex_);
    Diagnostics d = std::move(diags_);
    diags_.clear();
    return d;
}

bool StagedOutput::commit(Diagnostics& diags) {
    std::error_code ec;
    const std::string shown = out_.string();
    if (fs::exists(out_, ec)) {
        // Atomic swap: the old site stays whole until the new one is in place.
        if (::renameat2(AT_FDCWD, tmp_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0) {
            diags.push_back(make_error("output.write", SourcePos{shown, 0, 0},
                                       std::string("出力先を入れ替えられません: ") + std::strerror(errno),
                                       std::string("cannot swap the output folder in: ") + std::strerror(errno)));
            return false;
        }
        fs::remove_all(tmp_, ec);  // tmp_ now holds the previous site
    } else if (::rename(tmp_.c_str(), out_.c_str()) != 0) {
        diags.push_back(make_error("output.write", SourcePos{shown, 0, 0},
                                   std::string("出力先を作れません: ") + std::strerror(errno),
                                   std::string("cannot move the output folder in place: ") + std::strerror(errno)));
        return false;
    }
    committed_ = true;
    return true;
}

}  // namespace tsunagu
