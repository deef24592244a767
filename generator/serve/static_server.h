// serve: the built site over HTTP for preview. 127.0.0.1 unless asked otherwise.
#pragma once

#include <filesystem>
#include <string>

namespace tsunagu {

struct ServeOptions {
    std::filesystem::path root;  // the output folder
    std::string bind = "127.0.0.1";
    int port = 8080;
    // The path of the site's public URL ("/aoba/"): the site answers there too, as deployed,
    // so pages that link from it (404.html) work in preview.
    std::string base_path = "/";
};

// Blocks until the server stops. Returns false when it could not listen.
bool serve_static(const ServeOptions& options, std::string& error);

// Maps a request path to a file under root: "/" → index.html, "/a/" → a/index.html.
// Empty when the path is unsafe (.., NUL, backslash) or leaves root.
std::string safe_request_path(const std::string& url_path);
// The same after removing base_path from the front when it is there.
std::string safe_request_path(const std::string& url_path, const std::string& base_path);

}  // namespace tsunagu
