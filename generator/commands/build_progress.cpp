#include "commands/build_progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace tsunagu {

namespace {

long long ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t).count();
}

std::string seconds_text(long long ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f s", static_cast<double>(ms) / 1000.0);
    return buf;
}

}  // namespace

BuildProgress::BuildProgress(bool verbose, bool quiet) : verbose_(verbose && !quiet) {
    const char* ci = std::getenv("CI");
    interactive_ = !quiet && isatty(STDOUT_FILENO) && !(ci && *ci && std::string(ci) != "false");
    started_ = std::chrono::steady_clock::now();
}

void BuildProgress::stage(const char* name_ja, const char* name_en) {
    if (running_) done();
    stages_.push_back({name_ja, name_en, {}, 0});
    stage_started_ = std::chrono::steady_clock::now();
    running_ = true;
}

void BuildProgress::done(const std::string& what) {
    if (!running_) return;
    running_ = false;
    Stage& s = stages_.back();
    s.ms = ms_since(stage_started_);
    s.what = what;
    if (interactive_)
        std::cout << "  " << s.ja << " (" << s.en << ")" << (what.empty() ? "" : "  " + what) << "  " << seconds_text(ms_since(started_))
                  << std::endl;
}

void BuildProgress::summary() const {
    if (!verbose_) return;
    long long total = 0;
    std::cerr << "tsunagu: 段階ごとの時間 (time per stage)\n";
    for (const Stage& s : stages_) {
        total += s.ms;
        char line[160];
        std::snprintf(line, sizeof line, "  %-10s %8lld ms", s.en.c_str(), s.ms);
        std::cerr << line << "  " << s.ja << (s.what.empty() ? "" : "  " + s.what) << "\n";
    }
    char line[80];
    std::snprintf(line, sizeof line, "  %-10s %8lld ms", "total", total);
    std::cerr << line << "\n";
}

}  // namespace tsunagu
