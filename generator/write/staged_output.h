// write: pages → output folder, all or nothing. Files go to a temporary folder beside the
// output; commit() swaps it in with one rename (renameat2 RENAME_EXCHANGE when the output
// exists), so readers and later failed builds never see half a site.
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "model/diagnostic.h"

namespace tsunagu {

// A file named like this marks a folder as tsunagu's output, so a build never replaces
// a folder that holds anything else (a mistyped --out must not wipe someone's documents).
inline constexpr const char* kOutputMarker = ".tsunagu-output";

class StagedOutput {
public:
    // Creates the temporary folder. nullopt with a diagnostic when out is unusable.
    static std::optional<StagedOutput> begin(const std::filesystem::path& out, Diagnostics& diags);

    StagedOutput(StagedOutput&&) noexcept;
    StagedOutput& operator=(StagedOutput&&) = delete;
    ~StagedOutput();  // removes the temporary folder unless committed

    // Thread-safe. rel_path must be a clean relative path ('/'-separated, no "..", no NUL);
    // anything else is refused with an error diagnostic.
    void write(const std::string& rel_path, std::string_view content);
    // Copies a file into the output.
    void copy(const std::filesystem::path& from, const std::string& rel_path);

    // Swaps the finished folder in. Returns false (with diagnostics) if that failed.
    bool commit(Diagnostics& diags);
    // Diagnostics from write()/copy(), collected across threads.
    Diagnostics take_diagnostics();
    size_t files_written() const { return files_written_; }

private:
    StagedOutput(std::filesystem::path out, std::filesystem::path tmp) : out_(std::move(out)), tmp_(std::move(tmp)) {}
    std::optional<std::filesystem::path> target(const std::string& rel_path);

    std::filesystem::path out_;
    std::filesystem::path tmp_;
    bool committed_ = false;
    std::mutex mutex_;  // guards diags_, created_dirs_, files_written_
    Diagnostics diags_;
    std::set<std::string> created_dirs_;
    size_t files_written_ = 0;
};

// True for "a/b.html"; false for "", "/a", "a/../b", "a\\b", names with NUL or control characters.
bool is_safe_relative_path(std::string_view rel_path);

}  // namespace tsunagu
