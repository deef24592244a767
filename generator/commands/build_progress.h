// What a long build tells the person waiting for it: on a terminal (stdout is a tty and CI is
// not set), one line per stage as it finishes (段階, count, elapsed); with --verbose, the time of
// every stage as a table on stderr after the build; nothing with --quiet or in CI.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace tsunagu {

class BuildProgress {
public:
    BuildProgress(bool verbose, bool quiet);

    // Starts timing a stage; ends the previous one.
    void stage(const char* name_ja, const char* name_en);
    // Ends the current stage, with what it handled ("172 件の活動"), shown on a terminal.
    void done(const std::string& what = {});
    // --verbose: every stage's milliseconds, then the total.
    void summary() const;

    bool interactive() const { return interactive_; }

private:
    struct Stage {
        std::string ja, en, what;
        long long ms = 0;
    };
    bool verbose_ = false;
    bool interactive_ = false;
    bool running_ = false;
    std::chrono::steady_clock::time_point started_, stage_started_;
    std::vector<Stage> stages_;
};

}  // namespace tsunagu
