// tsunagu serve: build, serve the output on 127.0.0.1, and rebuild whenever an input changes
// (serve/source_watcher, inotify). A build that fails leaves the last good site in place — the
// staged output only swaps in a complete site — and the open tabs show its diagnostics in an
// overlay (serve/live_reload) until a build succeeds again; then they reload.
#include <atomic>
#include <iostream>
#include <thread>

#include "commands/pipeline.h"
#include "render/links.h"
#include "serve/live_reload.h"
#include "serve/source_watcher.h"
#include "serve/static_server.h"

namespace tsunagu {

namespace {

std::string first_lines(const std::vector<std::string>& changed, size_t n) {
    std::string s;
    for (size_t i = 0; i < changed.size() && i < n; ++i) s += (s.empty() ? "" : ", ") + changed[i];
    if (changed.size() > n) s += " …（ほか " + std::to_string(changed.size() - n) + " 件）";
    return s;
}

}  // namespace

int serve_command(const CliOptions& options) {
    if (options.bind != "127.0.0.1" && options.bind != "localhost" && options.bind != "::1")
        std::cerr << "tsunagu serve: 警告: " << options.bind
                  << " で待ち受けます。ほかのコンピューターからも見えます (warning: listening on " << options.bind
                  << ", reachable from other machines)\n";
    CliOptions build_options = options;
    build_options.command = "build";
    BuildRun first = run_build(build_options);
    report(first.diags);
    const auto out = output_dir(options);
    std::error_code ec;
    if (!first.ok && !std::filesystem::exists(out / "index.html", ec)) return kExitDataErrors;
    if (!first.ok) std::cerr << "tsunagu serve: 前回のサイトを表示します (serving the last good site)\n";

    LiveState live;
    if (!first.ok) live.publish(first.diags, false);
    ServeOptions so;
    so.root = out;
    so.bind = options.bind;
    so.port = options.port;
    so.base_path = url_path_of(first.base_url);
    so.live = &live;

    std::string watch_error;
    std::optional<SourceWatcher> watcher = SourceWatcher::open(options.source, watch_error);
    if (!watcher)
        std::cerr << "tsunagu serve: " << watch_error << "。変更しても自動では作り直しません (changes will not rebuild the site)\n";

    std::atomic<bool> serving{true};
    std::thread rebuilder;
    if (watcher)
        rebuilder = std::thread([&] {
            while (serving.load()) {
                const std::vector<std::string> changed = watcher->wait(500);
                if (changed.empty() || !serving.load()) continue;
                BuildRun run = run_build(build_options);
                report(run.diags);
                if (!options.quiet)
                    std::cout << "tsunagu serve: " << first_lines(changed, 3) << " → "
                              << (run.ok ? "作り直しました (rebuilt) " + std::to_string(run.elapsed_ms) + " ms"
                                         : std::string("エラーがあるため前回のサイトのまま (errors: the last good site stays)"))
                              << std::endl;
                live.publish(run.diags, run.ok);
            }
        });
    std::string error;
    const bool listened = serve_static(so, error);
    serving.store(false);
    live.stop();
    if (rebuilder.joinable()) rebuilder.join();
    if (!listened) {
        std::cerr << "tsunagu serve: " << error << "\n";
        return kExitUsage;
    }
    return kExitOk;
}

}  // namespace tsunagu
