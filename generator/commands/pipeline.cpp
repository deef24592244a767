#include "commands/pipeline.h"

#include <cstdlib>
#include <iostream>

#include "check/check_site.h"
#include "commands/build_progress.h"
#include "load/load_site.h"
#include "resolve/resolve_site.h"

namespace tsunagu {

namespace fs = std::filesystem;

Site load_and_check(const fs::path& source, const CliOptions& options, Diagnostics& diags, BuildProgress* progress) {
    LoadOptions lo;
    lo.threads = static_cast<unsigned>(options.threads);
    if (progress) progress->stage("読み込み", "load");
    Site site = load_site(source, diags, lo);
    if (progress) progress->done(std::to_string(site.activities.size()) + " 件の活動 (activities)");
    if (progress) progress->stage("解決", "resolve");
    resolve_site(site, diags);
    if (progress) progress->done();
    if (progress) progress->stage("確認", "check");
    check_site(site, diags);
    if (progress) progress->done(std::to_string(count(diags, Severity::error)) + " 件のエラー (errors)");
    if (!options.base_url.empty()) {
        site.config.base_url = options.base_url;
        if (site.config.base_url.back() != '/') site.config.base_url += '/';
    }
    return site;
}

void report(Diagnostics& diags) {
    sort_diagnostics(diags);
    for (const Diagnostic& d : diags) std::cerr << format_diagnostic(d) << '\n';
    const size_t errors = count(diags, Severity::error), warnings = count(diags, Severity::warning);
    if (errors || warnings)
        std::cerr << "tsunagu: エラー " << errors << " 件、警告 " << warnings << " 件 (" << errors << " errors, "
                  << warnings << " warnings)\n";
}

fs::path output_dir(const CliOptions& options) {
    return options.out.empty() ? fs::path(options.source) / "site" : fs::path(options.out);
}

fs::path theme_dir(const fs::path& source, const std::string& theme) {
    std::error_code ec;
    const fs::path own = source / "themes" / theme;
    if (fs::is_directory(own / "templates", ec)) return own;
    if (const char* env = std::getenv("TSUNAGU_THEMES_DIR"); env && *env) return fs::path(env) / theme;
    // Installed layout: <prefix>/bin/tsunagu and <prefix>/share/tsunagu/themes; build tree: compile-time path.
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = exe.parent_path().parent_path() / "share" / "tsunagu" / "themes" / theme;
        if (fs::is_directory(installed / "templates", ec)) return installed;
    }
    return fs::path(TSUNAGU_DEFAULT_THEMES_DIR) / theme;
}

}  // namespace tsunagu
