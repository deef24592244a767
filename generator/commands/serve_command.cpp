#include <iostream>

#include "commands/pipeline.h"
#include "render/links.h"
#include "serve/static_server.h"

namespace tsunagu {

int serve_command(const CliOptions& options) {
    if (options.bind != "127.0.0.1" && options.bind != "localhost" && options.bind != "::1")
        std::cerr << "tsunagu serve: 警告: " << options.bind
                  << " で待ち受けます。ほかのコンピューターからも見えます (warning: listening on " << options.bind
                  << ", reachable from other machines)\n";
    CliOptions build_options = options;
    build_options.command = "build";
    std::string base_url;
    const int built = build_command(build_options, &base_url);
    const auto out = output_dir(options);
    std::error_code ec;
    if (built != kExitOk && !std::filesystem::exists(out / "index.html", ec)) return built;
    if (built != kExitOk)
        std::cerr << "tsunagu serve: 前回のサイトを表示します (serving the last good site)\n";
    ServeOptions so;
    so.root = out;
    so.bind = options.bind;
    so.port = options.port;
    so.base_path = url_path_of(base_url);
    std::string error;
    if (!serve_static(so, error)) {
        std::cerr << "tsunagu serve: " << error << "\n";
        return kExitUsage;
    }
    return kExitOk;
}

}  // namespace tsunagu
