// serve: watches a site's inputs with inotify so the preview can rebuild when an editor saves:
// site.yaml, and every folder under data/, content/, handbooks/, themes/ and static/
// (recursively; folders created later are watched as they appear). Directory symlinks are not
// followed, as the loader does not follow them either.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tsunagu {

class SourceWatcher {
public:
    // nullopt with a message (Japanese and English) when inotify is unavailable.
    static std::optional<SourceWatcher> open(const std::filesystem::path& source, std::string& error);

    SourceWatcher(SourceWatcher&& other) noexcept;
    SourceWatcher& operator=(SourceWatcher&&) = delete;
    ~SourceWatcher();

    // Waits up to timeout_ms for a change, then until quiet_ms pass without another one, so that
    // an editor's save (write, rename, chmod) counts once. The changed paths relative to the
    // source ('/'-separated, sorted, each once); empty when nothing changed in time.
    std::vector<std::string> wait(int timeout_ms, int quiet_ms = 60);

    size_t watched_folders() const { return folders_.size(); }

private:
    explicit SourceWatcher(std::filesystem::path source, int fd) : source_(std::move(source)), fd_(fd) {}
    void watch_tree(const std::string& rel);
    void watch_folder(const std::string& rel);
    // Reads the pending events into changed; returns false when there were none.
    bool drain(std::vector<std::string>& changed);

    std::filesystem::path source_;
    int fd_ = -1;
    std::map<int, std::string> folders_;  // watch descriptor → folder relative to the source ("" = the source)
};

// The inputs a change to rel can affect: true for site.yaml and anything under the watched folders.
bool is_site_input(const std::string& rel);

}  // namespace tsunagu
