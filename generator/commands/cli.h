// The command line contract of DESIGN.md, parsed into a plain struct.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tsunagu {

struct CliOptions {
    std::string command;          // build, check, serve, import, handbook, new ("" with --help/--version)
    std::string source = ".";
    std::string out;              // "" = <source>/site
    std::string base_url;         // overrides site.yaml
    std::string bind = "127.0.0.1";
    std::string today;            // --today YYYY-MM-DD: the build date pages compute 次回 from ("" = build_date.h)
    int port = 8080;
    bool help = false;
    bool version = false;
    bool quiet = false;
    bool verbose = false;         // --verbose: the time of every stage
    int threads = 0;
    // import
    std::string into;                        // --into DIR: the site folder records are written to
    std::vector<std::string> files;          // the CSV files to import
    std::vector<std::string> content_types;  // --content-type LABEL (repeatable)
    std::string as_of;                       // --as-of YYYY-MM-DD
    // handbook
    bool pdf = false;                        // --pdf: print through Chromium too
    std::vector<std::string> handbooks;      // handbook ids (none = every handbook)
    // new
    std::string new_dir;                     // the folder to make the new site in
};

// nullopt with a message in error when the arguments are not usable (exit code 2).
std::optional<CliOptions> parse_cli(const std::vector<std::string>& args, std::string& error);

std::string usage_text();

}  // namespace tsunagu
