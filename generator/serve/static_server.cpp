#include "serve/static_server.h"

#include <httplib.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "write/staged_output.h"

namespace tsunagu {

namespace fs = std::filesystem;

std::string safe_request_path(const std::string& url_path) {
    // httplib has already percent-decoded the path once; anything still encoded stays literal.
    std::string p = url_path;
    while (!p.empty() && p.front() == '/') p.erase(0, 1);
    if (p.empty() || p.back() == '/') p += "index.html";
    if (!is_safe_relative_path(p)) return {};
    return p;
}

std::string safe_request_path(const std::string& url_path, const std::string& base_path) {
    if (base_path.size() > 1 && url_path.compare(0, base_path.size(), base_path) == 0)
        return safe_request_path(url_path.substr(base_path.size() - 1));
    return safe_request_path(url_path);
}

static const char* mime_type(const std::string& path) {
    const std::string ext = fs::path(path).extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".json") return "application/json; charset=utf-8";
    if (ext == ".xml") return "application/xml; charset=utf-8";
    if (ext == ".txt") return "text/plain; charset=utf-8";
    if (ext == ".csv") return "text/csv; charset=utf-8";
    if (ext == ".ics") return "text/calendar; charset=utf-8";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".png") return "image/png";
    if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
    if (ext == ".webp") return "image/webp";
    if (ext == ".gif") return "image/gif";
    if (ext == ".pdf") return "application/pdf";
    if (ext == ".woff2") return "font/woff2";
    return "application/octet-stream";
}

bool serve_static(const ServeOptions& options, std::string& error) {
    httplib::Server server;
    const fs::path root = fs::weakly_canonical(options.root);
    server.Get(R"(.*)", [root, base = options.base_path](const httplib::Request& req, httplib::Response& res) {
        const std::string rel = safe_request_path(req.path, base);
        std::error_code ec;
        fs::path file = rel.empty() ? fs::path() : root / rel;
        if (!rel.empty() && fs::is_directory(file, ec)) file /= "index.html";
        // Symlinks inside the output must not lead outside it.
        const fs::path real = rel.empty() ? fs::path() : fs::weakly_canonical(file, ec);
        const std::string real_s = real.string(), root_s = root.string() + "/";
        const bool ok = !rel.empty() && !ec && real_s.compare(0, root_s.size(), root_s) == 0 && fs::is_regular_file(real, ec);
        if (!ok) {
            res.status = 404;
            std::ifstream nf(root / "404.html", std::ios::binary);
            std::stringstream ss;
            ss << nf.rdbuf();
            res.set_content(ss.str(), "text/html; charset=utf-8");
            return;
        }
        std::ifstream in(real, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        res.set_header("Cache-Control", "no-cache");
        res.set_header("X-Content-Type-Options", "nosniff");
        res.set_content(ss.str(), mime_type(real_s));
    });
    if (!server.bind_to_port(options.bind, options.port)) {
        error = "cannot listen on " + options.bind + ":" + std::to_string(options.port);
        return false;
    }
    std::cout << "tsunagu serve: http://" << (options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind)
              << ":" << options.port << "/ （Ctrl+C で終了 / Ctrl+C to stop)" << std::endl;
    return server.listen_after_bind();
}

}  // namespace tsunagu
