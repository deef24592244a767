// The stages every command shares, strung together: load → resolve → check.
#pragma once

#include <filesystem>

#include "commands/cli.h"
#include "model/diagnostic.h"
#include "model/site.h"

namespace tsunagu {

class BuildProgress;
// progress, when given, times the three stages (load, resolve, check).
Site load_and_check(const std::filesystem::path& source, const CliOptions& options, Diagnostics& diags,
                    BuildProgress* progress = nullptr);

// Prints diagnostics (sorted) to stderr and a summary line when there are any.
void report(Diagnostics& diags);

// Exit codes of the command-line contract.
inline constexpr int kExitOk = 0;
inline constexpr int kExitDataErrors = 1;
inline constexpr int kExitUsage = 2;

// One build without printing: ok when the new site is in place (the old one stays otherwise).
struct BuildRun {
    bool ok = false;
    Diagnostics diags;
    std::string base_url;   // the site's public URL (serve mirrors its path)
    size_t files_written = 0;
    long long elapsed_ms = 0;
};
BuildRun run_build(const CliOptions& options, BuildProgress* progress = nullptr);

// base_url, when given, receives the site's public URL (serve mirrors its path).
int build_command(const CliOptions& options, std::string* base_url = nullptr);
int check_command(const CliOptions& options);
int serve_command(const CliOptions& options);
int import_command(const CliOptions& options);
int handbook_command(const CliOptions& options);
int new_command(const CliOptions& options);

// Refuses an output folder that is the source itself or contains it: replacing it would
// delete the data the site is built from.
bool output_is_safe(const std::filesystem::path& source, const std::filesystem::path& out, Diagnostics& diags);

// The output folder a command uses: --out, or SOURCE/site.
std::filesystem::path output_dir(const CliOptions& options);
// The theme folder: SOURCE/themes/NAME when the site has its own, else the built-in one.
std::filesystem::path theme_dir(const std::filesystem::path& source, const std::string& theme);

}  // namespace tsunagu
