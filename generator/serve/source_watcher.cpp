#include "serve/source_watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>

namespace tsunagu {

namespace fs = std::filesystem;

namespace {

constexpr const char* kWatchedFolders[] = {"data", "content", "handbooks", "themes", "static"};
constexpr uint32_t kFolderEvents =
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF;

bool hidden_or_temporary(std::string_view name) {
    // Editors' swap and backup files (.x.swp, x~, #x#, .#x, 4913) are not inputs.
    if (name.empty() || name.front() == '.' || name.back() == '~' || name.front() == '#') return true;
    return name == "4913";
}

std::string join(const std::string& dir, std::string_view name) {
    return dir.empty() ? std::string(name) : dir + "/" + std::string(name);
}

}  // namespace

bool is_site_input(const std::string& rel) {
    if (rel == "site.yaml") return true;
    for (const char* f : kWatchedFolders) {
        const std::string prefix = std::string(f) + "/";
        if (rel == f || rel.rfind(prefix, 0) == 0) return true;
    }
    return false;
}

std::optional<SourceWatcher> SourceWatcher::open(const fs::path& source, std::string& error) {
    const int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) {
        error = std::string("ファイルの変更を見張れません (inotify: ") + std::strerror(errno) + ")";
        return std::nullopt;
    }
    SourceWatcher w(source, fd);
    w.watch_folder("");  // site.yaml, and the top folders when they are created
    for (const char* f : kWatchedFolders) w.watch_tree(f);
    return w;
}

SourceWatcher::SourceWatcher(SourceWatcher&& other) noexcept
    : source_(std::move(other.source_)), fd_(other.fd_), folders_(std::move(other.folders_)) {
    other.fd_ = -1;
}

SourceWatcher::~SourceWatcher() {
    if (fd_ >= 0) close(fd_);
}

void SourceWatcher::watch_folder(const std::string& rel) {
    const fs::path abs = rel.empty() ? source_ : source_ / rel;
    const uint32_t mask = rel.empty() ? (kFolderEvents & ~(IN_DELETE_SELF | IN_MOVE_SELF)) : kFolderEvents;
    const int wd = inotify_add_watch(fd_, abs.c_str(), mask | IN_ONLYDIR | IN_DONT_FOLLOW);
    if (wd >= 0) folders_[wd] = rel;
}

void SourceWatcher::watch_tree(const std::string& rel) {
    std::error_code ec;
    const fs::path abs = source_ / rel;
    if (!fs::is_directory(fs::symlink_status(abs, ec))) return;
    watch_folder(rel);
    for (fs::directory_iterator it(abs, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (hidden_or_temporary(name) || name == "node_modules") continue;
        if (it->is_directory(ec) && !it->is_symlink(ec)) watch_tree(join(rel, name));
    }
}

bool SourceWatcher::drain(std::vector<std::string>& changed) {
    alignas(inotify_event) std::array<char, 64 * 1024> buf;
    bool any = false;
    for (;;) {
        const ssize_t n = read(fd_, buf.data(), buf.size());
        if (n <= 0) break;
        for (ssize_t off = 0; off < n;) {
            const auto* ev = reinterpret_cast<const inotify_event*>(buf.data() + off);
            off += static_cast<ssize_t>(sizeof(inotify_event) + ev->len);
            auto it = folders_.find(ev->wd);
            if (it == folders_.end()) continue;
            const std::string dir = it->second;
            if (ev->mask & IN_IGNORED) {
                folders_.erase(it);
                continue;
            }
            if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
                changed.push_back(dir);
                any = true;
                continue;
            }
            if (ev->len == 0) continue;
            const std::string name(ev->name);
            if (hidden_or_temporary(name)) continue;
            const std::string rel = join(dir, name);
            if (!is_site_input(rel)) continue;
            if ((ev->mask & (IN_CREATE | IN_MOVED_TO)) && (ev->mask & IN_ISDIR)) watch_tree(rel);
            changed.push_back(rel);
            any = true;
        }
    }
    return any;
}

std::vector<std::string> SourceWatcher::wait(int timeout_ms, int quiet_ms) {
    std::vector<std::string> changed;
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return changed;
    drain(changed);
    // Let the save finish: more events within quiet_ms belong to the same change.
    while (poll(&p, 1, quiet_ms) > 0)
        if (!drain(changed)) break;
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    return changed;
}

}  // namespace tsunagu
