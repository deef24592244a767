// serve: the built site over HTTP for preview. 127.0.0.1 unless asked otherwise.
//
// Only GET and HEAD (405 otherwise). A request reaches a file only when its path, decoded once,
// is valid UTF-8 without "..", ".", empty segments, backslashes or control bytes, and the file's
// real path (symlinks resolved) is a regular file inside the output folder; anything else is 404
// (403 when it exists but leads outside the folder or is not a regular file). Directories
// answer with their index.html ("/dir" redirects to "/dir/"), never with a listing. Responses
// carry Cache-Control: no-cache with an ETag and Last-Modified, so the browser revalidates
// every time (304 when nothing changed) and always shows the latest build.
#pragma once

#include <cstddef>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

namespace tsunagu {

class LiveState;

struct ServeOptions {
    std::filesystem::path root;  // the output folder
    std::string bind = "127.0.0.1";
    int port = 8080;
    // The path of the site's public URL ("/aoba/"): the site answers there too, as deployed,
    // so pages that link from it (404.html) work in preview.
    std::string base_path = "/";
    // Live reload (serve/live_reload): when set, its routes are served and HTML pages get its script.
    LiveState* live = nullptr;
    // Worker threads: each open connection (keep-alive, an open tab's event stream) holds one.
    size_t threads = 128;
};

// True for 127.0.0.0/8, ::1 and localhost.
bool is_loopback_bind(const std::string& bind);
// Whether a request's Host header names this machine (localhost, 127.x, ::1 or the bind address,
// any port): a loopback preview refuses other names (DNS rebinding) with 421.
bool host_allowed(const std::string& host_header, const std::string& bind);

// Blocks until the server stops. Returns false when it could not listen.
bool serve_static(const ServeOptions& options, std::string& error);

// Maps a request path to a file under root: "/" → index.html, "/a/" → a/index.html.
// Empty when the path is unsafe (.., NUL, backslash, invalid UTF-8) or leaves root.
std::string safe_request_path(const std::string& url_path);
// The same after removing base_path from the front when it is there.
std::string safe_request_path(const std::string& url_path, const std::string& base_path);

// What a request path (already percent-decoded once, as httplib gives it) leads to.
struct ResolvedPath {
    enum class Kind { file, redirect, not_found, forbidden };
    Kind kind = Kind::not_found;
    std::filesystem::path file;  // file: the real path of a regular file inside root
    std::string location;        // redirect: the same path with "/" added, percent-encoded
};
// canonical_root must already be canonical (std::filesystem::canonical).
ResolvedPath resolve_request(const std::filesystem::path& canonical_root, const std::string& url_path,
                             const std::string& base_path = "/");

// The Content-Type for a file name (by extension, case-insensitive); text types carry charset=utf-8.
std::string mime_type_for(const std::string& path);

// Strict UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool is_valid_utf8(const std::string& s);

// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") and back; parse also takes RFC 850 and asctime.
std::string http_date(std::time_t t);
std::optional<std::time_t> parse_http_date(const std::string& s);

// Whether an If-None-Match value ("*", or a list of entity tags) matches etag (weak comparison).
bool etag_matches(const std::string& if_none_match, const std::string& etag);

}  // namespace tsunagu
