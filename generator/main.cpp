// tsunagu: builds community mutual-aid directory sites from data. See README.md.
#include <iostream>
#include <string>
#include <vector>

#include "commands/cli.h"
#include "commands/pipeline.h"

int main(int argc, char** argv) {
    using namespace tsunagu;
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string error;
    auto options = parse_cli(args, error);
    if (!options) {
        std::cerr << "tsunagu: " << error << "\n\n" << usage_text();
        return kExitUsage;
    }
    if (options->help) {
        std::cout << usage_text();
        return kExitOk;
    }
    if (options->version) {
        std::cout << "tsunagu " << TSUNAGU_VERSION << "\n";
        return kExitOk;
    }
    if (options->command == "import") return import_command(*options);  // --into may not exist yet
    if (options->command == "new") return new_command(*options);        // DIR must not exist yet (or be empty)
    std::error_code ec;
    if (!std::filesystem::is_directory(options->source, ec)) {
        std::cerr << "tsunagu: サイトのフォルダ " << options->source << " がありません (no such folder: " << options->source
                  << ")\n";
        return kExitUsage;
    }
    if (options->command == "build") return build_command(*options);
    if (options->command == "check") return check_command(*options);
    if (options->command == "serve") return serve_command(*options);
    if (options->command == "handbook") return handbook_command(*options);
    std::cerr << usage_text();
    return kExitUsage;
}
