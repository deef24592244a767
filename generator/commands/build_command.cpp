#include <chrono>
#include <iostream>

#include "commands/build_date.h"
#include "commands/build_progress.h"
#include "commands/pipeline.h"
#include "index/search_index.h"
#include "load/source_files.h"
#include "render/render_site.h"
#include "write/staged_output.h"

namespace tsunagu {

namespace fs = std::filesystem;

bool output_is_safe(const fs::path& source, const fs::path& out, Diagnostics& diags) {
    std::error_code ec;
    const fs::path s = fs::weakly_canonical(source, ec);
    const fs::path o = fs::weakly_canonical(out, ec);
    if (is_inside(o, s)) {
        diags.push_back(make_error("output.invalid", SourcePos{out.string(), 0, 0},
                                   "出力先がサイトのフォルダそのもの、またはその親です。別のフォルダを指定してください",
                                   "the output folder is the source folder or contains it; choose another folder"));
        return false;
    }
    return true;
}

BuildRun run_build(const CliOptions& options, BuildProgress* progress) {
    const auto started = std::chrono::steady_clock::now();
    BuildRun run;
    const fs::path source = options.source;
    const fs::path out = output_dir(options);
    Diagnostics& diags = run.diags;
    Site site = load_and_check(source, options, diags, progress);
    run.base_url = site.config.base_url;
    if (has_errors(diags) || !output_is_safe(source, out, diags)) return run;
    auto staged = StagedOutput::begin(out, diags);
    if (!staged) return run;
    RenderOptions ro;
    ro.theme_dir = theme_dir(source, site.config.theme);
    ro.source_dir = source;
    ro.base_url = site.config.base_url;
    ro.threads = options.threads;
    ro.today = build_date(options.today);
    EmitFile emit = [&staged](const std::string& rel, std::string_view content) { staged->write(rel, content); };
    if (progress) progress->stage("描画", "render");
    render_site(site, ro, emit, diags);
    if (progress) progress->done(std::to_string(staged->files_written()) + " ファイル (files)");
    if (progress) progress->stage("索引", "index");
    SearchIndexOptions so;
    so.threads = static_cast<unsigned>(options.threads);
    write_search_index(site, emit, so);
    if (progress) progress->done();

    // The site's own static files (photos), copied as they are.
    if (progress) progress->stage("書き出し", "write");
    for (const SourceFile& f : list_source_files(source, "static", {}, diags)) staged->copy(f.abs, f.rel);

    for (Diagnostic& d : staged->take_diagnostics()) diags.push_back(std::move(d));
    const bool committed = !has_errors(diags) && staged->commit(diags);
    if (progress) progress->done(std::to_string(staged->files_written()) + " ファイル (files)");
    if (!committed) return run;
    run.ok = true;
    run.files_written = staged->files_written();
    run.elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
    return run;
}

int build_command(const CliOptions& options, std::string* base_url) {
    BuildProgress progress(options.verbose, options.quiet);
    BuildRun run = run_build(options, &progress);
    progress.summary();
    if (base_url) *base_url = run.base_url;
    report(run.diags);
    if (!run.ok) {
        std::cerr << "tsunagu build: エラーのため出力しませんでした。前回の出力はそのままです "
                     "(not written because of errors; the previous output is unchanged)\n";
        return kExitDataErrors;
    }
    if (!options.quiet) {
        const std::string out = output_dir(options).string();
        std::cout << "tsunagu build: " << run.files_written << " ファイルを " << out << " に書きました (" << run.files_written
                  << " files written to " << out << " in " << run.elapsed_ms << " ms)\n";
    }
    return kExitOk;
}

}  // namespace tsunagu
