#include <iostream>

#include "commands/pipeline.h"
#include "import/import_run.h"

namespace tsunagu {

// Prints one block per file (dataset, encoding, counts), then the diagnostics; exit 1 when a
// file could not be read or recognised, or some row could not become a record.
int import_command(const CliOptions& options) {
    ImportOptions io;
    io.into = options.into;
    for (const std::string& f : options.files) io.files.emplace_back(f);
    io.content_types = options.content_types;
    io.as_of = options.as_of;
    std::error_code ec;
    if (std::filesystem::exists(io.into, ec) && !std::filesystem::is_directory(io.into, ec)) {
        std::cerr << "tsunagu import: --into " << options.into << " はフォルダではありません (is not a folder)\n";
        return kExitUsage;
    }
    std::filesystem::create_directories(io.into, ec);
    if (ec) {
        std::cerr << "tsunagu import: フォルダ " << options.into << " を作れません (cannot create the folder): " << ec.message()
                  << "\n";
        return kExitUsage;
    }
    ImportResult r = run_import(io);
    if (!options.quiet) {
        for (const ImportFileCounts& c : r.files) {
            std::cout << c.file << ": " << (c.dataset.empty() ? "不明なデータ (unknown dataset)" : c.dataset);
            if (!c.encoding.empty()) std::cout << ", " << c.encoding;
            std::cout << "\n  読んだ行 " << c.rows_read << " · 取り込み " << c.imported << "（変更なし " << c.unchanged
                      << "） · 統合 " << c.merged << " · 取り込まず " << c.skipped << " · 非公開にした値 " << c.held_back
                      << "\n  (rows read " << c.rows_read << ", imported " << c.imported << " (unchanged " << c.unchanged
                      << "), merged " << c.merged << ", skipped " << c.skipped << ", values held back " << c.held_back << ")\n";
        }
        if (r.organizations_created)
            std::cout << "団体 " << r.organizations_created << " 件を作りました (" << r.organizations_created
                      << " organizations written)\n";
        std::cout << "報告: " << (std::filesystem::path(options.into) / "import" / "reports").string()
                  << "/ (reports; they list withheld private values — never publish them)\n";
    }
    const bool row_errors = has_errors(r.diagnostics);
    report(r.diagnostics);
    return r.failed || row_errors ? kExitDataErrors : kExitOk;
}

}  // namespace tsunagu
