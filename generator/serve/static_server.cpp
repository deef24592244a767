#include "serve/static_server.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <iostream>

#include "render/links.h"
#include "serve/live_reload.h"
#include "write/staged_output.h"

namespace tsunagu {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Paths

bool is_valid_utf8(const std::string& s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    for (size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        if (c < 0x80) { ++i; continue; }
        size_t len;
        char32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; min = 0x10000; }
        else return false;  // a continuation byte, an overlong lead (C0, C1) or F5..FF
        if (i + len > n) return false;
        for (size_t k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

namespace {

struct SplitPath {
    std::string prefix = "/";  // "/" or base_path, as the request used it
    std::string rel;           // without leading or trailing slash; "" for the folder itself
    bool dir_form = false;     // the request ended with "/" (or named the folder itself)
    bool ok = false;
};

SplitPath split_request_path(const std::string& url_path, const std::string& base_path) {
    SplitPath s;
    std::string p = url_path;
    if (base_path.size() > 1 && base_path.back() == '/' && p.compare(0, base_path.size(), base_path) == 0) {
        s.prefix = base_path;
        p.erase(0, base_path.size());
    }
    // httplib has already percent-decoded the path once; anything still encoded stays literal.
    while (!p.empty() && p.front() == '/') p.erase(0, 1);
    s.dir_form = p.empty() || p.back() == '/';
    if (!p.empty() && p.back() == '/') p.pop_back();
    if (!p.empty() && !is_safe_relative_path(p)) return s;  // "..", ".", "a//b", "\\", NUL and controls
    if (!is_valid_utf8(p)) return s;                        // overlong "%c0%ae" and other broken bytes
    s.rel = p;
    s.ok = true;
    return s;
}

bool inside(const fs::path& root, const fs::path& real) {
    const std::string r = root.string(), f = real.string();
    if (f == r) return true;
    if (f.size() <= r.size() || f.compare(0, r.size(), r) != 0) return false;
    return r.back() == '/' || f[r.size()] == '/';
}


}  // namespace

std::string safe_request_path(const std::string& url_path) { return safe_request_path(url_path, "/"); }

std::string safe_request_path(const std::string& url_path, const std::string& base_path) {
    const SplitPath s = split_request_path(url_path, base_path);
    if (!s.ok) return {};
    if (s.rel.empty()) return "index.html";
    return s.dir_form ? s.rel + "/index.html" : s.rel;
}

ResolvedPath resolve_request(const fs::path& root, const std::string& url_path, const std::string& base_path) {
    ResolvedPath r;
    if (base_path.size() > 1 && url_path + "/" == base_path) {  // "/aoba" → "/aoba/"
        r.kind = ResolvedPath::Kind::redirect;
        r.location = base_path;
        return r;
    }
    const SplitPath s = split_request_path(url_path, base_path);
    if (!s.ok) return r;
    std::error_code ec;
    // canonical resolves every symlink (a loop is ELOOP, a missing file ENOENT): the result is
    // where the bytes really are, and that must be inside the output folder.
    const fs::path real = fs::canonical(s.rel.empty() ? root : root / s.rel, ec);
    if (ec) return r;
    if (!inside(root, real)) {
        r.kind = ResolvedPath::Kind::forbidden;
        return r;
    }
    const fs::file_status st = fs::status(real, ec);
    if (ec) return r;
    if (fs::is_directory(st)) {
        const fs::path index = fs::canonical(real / "index.html", ec);
        if (ec) return r;  // a folder without index.html: 404, never a listing
        if (!inside(root, index) || !fs::is_regular_file(index, ec)) {
            r.kind = ResolvedPath::Kind::forbidden;
            return r;
        }
        if (!s.dir_form) {
            r.kind = ResolvedPath::Kind::redirect;
            r.location = s.prefix + url_path_escape(s.rel) + "/";
            return r;
        }
        r.kind = ResolvedPath::Kind::file;
        r.file = index;
        return r;
    }
    if (!fs::is_regular_file(st)) {  // FIFOs, sockets, devices
        r.kind = ResolvedPath::Kind::forbidden;
        return r;
    }
    if (s.dir_form) return r;  // "page.html/"
    r.kind = ResolvedPath::Kind::file;
    r.file = real;
    return r;
}

// ---------------------------------------------------------------------------------------------
// Types, dates, entity tags

std::string mime_type_for(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    struct Entry {
        const char* ext;
        const char* type;
    };
    static const Entry table[] = {
        {".html", "text/html; charset=utf-8"},
        {".htm", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".json", "application/json; charset=utf-8"},
        {".map", "application/json; charset=utf-8"},
        {".geojson", "application/geo+json; charset=utf-8"},
        {".webmanifest", "application/manifest+json; charset=utf-8"},
        {".xml", "application/xml; charset=utf-8"},
        {".xsl", "application/xml; charset=utf-8"},
        {".atom", "application/atom+xml; charset=utf-8"},
        {".rss", "application/rss+xml; charset=utf-8"},
        {".svg", "image/svg+xml; charset=utf-8"},
        {".txt", "text/plain; charset=utf-8"},
        {".md", "text/markdown; charset=utf-8"},
        {".csv", "text/csv; charset=utf-8"},
        {".tsv", "text/tab-separated-values; charset=utf-8"},
        {".ics", "text/calendar; charset=utf-8"},
        {".yaml", "application/yaml; charset=utf-8"},
        {".yml", "application/yaml; charset=utf-8"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".webp", "image/webp"},
        {".avif", "image/avif"},
        {".gif", "image/gif"},
        {".ico", "image/x-icon"},
        {".pdf", "application/pdf"},
        {".woff2", "font/woff2"},
        {".woff", "font/woff"},
        {".ttf", "font/ttf"},
        {".otf", "font/otf"},
        {".wasm", "application/wasm"},
        {".mp4", "video/mp4"},
        {".webm", "video/webm"},
        {".mp3", "audio/mpeg"},
        {".zip", "application/zip"},
        {".gz", "application/gzip"},
    };
    for (const Entry& e : table)
        if (ext == e.ext) return e.type;
    return "application/octet-stream";
}

static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string http_date(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday], tm.tm_mday, kMonths[tm.tm_mon],
                  tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

std::optional<std::time_t> parse_http_date(const std::string& s) {
    int day = 0, year = 0, hh = 0, mm = 0, ss = 0;
    char mon[4] = {0};
    char tail[4] = {0};
    bool parsed = false;
    // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
    if (std::sscanf(s.c_str(), "%*3[A-Za-z], %2d %3[A-Za-z] %4d %2d:%2d:%2d %3s", &day, mon, &year, &hh, &mm, &ss, tail) == 7)
        parsed = true;
    // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
    else if (std::sscanf(s.c_str(), "%*[A-Za-z], %2d-%3[A-Za-z]-%4d %2d:%2d:%2d %3s", &day, mon, &year, &hh, &mm, &ss, tail) == 7) {
        if (year < 100) year += year < 70 ? 2000 : 1900;
        parsed = true;
    }
    // asctime: "Sun Nov  6 08:49:37 1994"
    else if (std::sscanf(s.c_str(), "%*3[A-Za-z] %3[A-Za-z] %d %2d:%2d:%2d %4d", mon, &day, &hh, &mm, &ss, &year) == 6) {
        tail[0] = 'G', tail[1] = 'M', tail[2] = 'T';
        parsed = true;
    }
    if (!parsed || std::string(tail) != "GMT") return std::nullopt;
    int month = -1;
    for (int i = 0; i < 12; ++i)
        if (std::string(mon) == kMonths[i]) month = i;
    if (month < 0 || day < 1 || day > 31 || year < 1970 || hh > 23 || mm > 59 || ss > 60) return std::nullopt;
    std::tm tm{};
    tm.tm_year = year - 1900;
    tm.tm_mon = month;
    tm.tm_mday = day;
    tm.tm_hour = hh;
    tm.tm_min = mm;
    tm.tm_sec = ss;
    return timegm(&tm);
}

bool etag_matches(const std::string& if_none_match, const std::string& etag) {
    auto opaque = [](std::string_view t) {
        if (t.substr(0, 2) == "W/") t.remove_prefix(2);
        return t;
    };
    const std::string_view want = opaque(etag);
    std::string_view v = if_none_match;
    size_t i = 0;
    while (i < v.size()) {
        while (i < v.size() && (v[i] == ' ' || v[i] == '\t' || v[i] == ',')) ++i;
        if (i >= v.size()) break;
        if (v[i] == '*') return true;
        size_t start = i;
        if (v.substr(i, 2) == "W/") i += 2;
        if (i >= v.size() || v[i] != '"') return false;  // not an entity tag list
        const size_t close = v.find('"', i + 1);
        if (close == std::string_view::npos) return false;
        if (opaque(v.substr(start, close + 1 - start)) == want) return true;
        i = close + 1;
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// The server

namespace {

struct OpenedFile {
    std::string body;
    struct stat st {};
};

// Opens a path resolve_request returned: never through a symlink at the last step, never
// anything but a regular file (a FIFO would block a worker), and reads it whole.
std::optional<OpenedFile> read_regular_file(const fs::path& p) {
    const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) return std::nullopt;
    OpenedFile f;
    if (::fstat(fd, &f.st) != 0 || !S_ISREG(f.st.st_mode)) {
        ::close(fd);
        return std::nullopt;
    }
    f.body.reserve(static_cast<size_t>(f.st.st_size));
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0) break;
        f.body.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    return f;
}

std::string entity_tag(const struct stat& st, bool live) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "W/\"%llx-%llx-%llx%s\"", static_cast<unsigned long long>(st.st_ino),
                  static_cast<unsigned long long>(st.st_size),
                  static_cast<unsigned long long>(st.st_mtim.tv_sec) * 1000000000ULL + static_cast<unsigned long long>(st.st_mtim.tv_nsec),
                  live ? "-l" : "");
    return buf;
}

bool is_html(const std::string& type) { return type.rfind("text/html", 0) == 0; }

void not_found(const fs::path& root, const ServeOptions& options, httplib::Response& res, int status) {
    res.status = status;
    res.set_header("Cache-Control", "no-cache");
    if (status == 404) {
        // The site's own 404.html, found the same careful way as any page.
        const ResolvedPath page = resolve_request(root, "/404.html");
        if (page.kind == ResolvedPath::Kind::file)
            if (auto f = read_regular_file(page.file)) {
                res.set_content(options.live ? inject_live_reload(std::move(f->body)) : std::move(f->body), "text/html; charset=utf-8");
                return;
            }
        res.set_content("404 見つかりません (not found)\n", "text/plain; charset=utf-8");
        return;
    }
    res.set_content("403 このファイルは表示できません (forbidden: outside the site folder or not a regular file)\n",
                    "text/plain; charset=utf-8");
}

// httplib's listening socket, to widen its backlog.
class PreviewServer : public httplib::Server {
public:
    socket_t listening_socket() const { return svr_sock_; }
};

}  // namespace

bool is_loopback_bind(const std::string& bind) {
    return bind == "localhost" || bind == "::1" ||
           (bind.rfind("127.", 0) == 0 && bind.find_first_not_of("0123456789.") == std::string::npos);
}

bool host_allowed(const std::string& host_header, const std::string& bind) {
    if (host_header.empty()) return true;  // HTTP/1.0 clients send none; browsers always do
    std::string host = host_header;
    if (!host.empty() && host.front() == '[') {
        const size_t close = host.find(']');
        host = close == std::string::npos ? host : host.substr(1, close - 1);
    } else if (const size_t colon = host.rfind(':'); colon != std::string::npos) {
        host = host.substr(0, colon);
    }
    for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool ipv4_loopback = host.rfind("127.", 0) == 0 && host.find_first_not_of("0123456789.") == std::string::npos;
    return host == "localhost" || host == "::1" || host == bind || ipv4_loopback;
}

bool serve_static(const ServeOptions& options, std::string& error) {
    std::error_code ec;
    const fs::path root = fs::canonical(options.root, ec);
    if (ec || !fs::is_directory(root, ec)) {
        error = "cannot serve " + options.root.string() + ": not a folder";
        return false;
    }
    PreviewServer server;
    const size_t threads = std::max<size_t>(options.threads, 8);
    server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server.set_keep_alive_max_count(100);

    // Only GET and HEAD; every other method is 405. POST, PUT, PATCH, DELETE and OPTIONS with a
    // body go through handlers, so httplib reads (and drops) the body first and a keep-alive
    // connection stays in step; the rest is answered before routing.
    const auto method_not_allowed = [](const httplib::Request&, httplib::Response& res) {
        res.status = 405;
        res.set_header("Allow", "GET, HEAD");
        res.set_content("405 GET と HEAD だけです (method not allowed: GET and HEAD only)\n", "text/plain; charset=utf-8");
    };
    server.set_payload_max_length(1 << 20);  // nothing here reads a body
    server.Post(R"(.*)", method_not_allowed);
    server.Put(R"(.*)", method_not_allowed);
    server.Patch(R"(.*)", method_not_allowed);
    server.Delete(R"(.*)", method_not_allowed);
    server.Options(R"(.*)", method_not_allowed);
    const bool loopback = is_loopback_bind(options.bind);
    server.set_pre_routing_handler([method_not_allowed, loopback, bind = options.bind](const httplib::Request& req, httplib::Response& res) {
        // Bound to loopback, the preview answers only to names of this machine: a web page that
        // points its own host name at 127.0.0.1 (DNS rebinding) cannot read the preview.
        if (loopback && !host_allowed(req.get_header_value("Host"), bind)) {
            res.status = 421;
            res.set_content("421 このプレビューは 127.0.0.1 か localhost で開いてください (open the preview at 127.0.0.1 or localhost)\n",
                            "text/plain; charset=utf-8");
            return httplib::Server::HandlerResponse::Handled;
        }
        if (req.method == "GET" || req.method == "HEAD") return httplib::Server::HandlerResponse::Unhandled;
        // With a body, the handler above answers once httplib has read it; without one (no
        // Content-Length, not chunked) httplib would wait for one until the client hangs up.
        const bool has_body = req.has_header("Content-Length") || req.has_header("Transfer-Encoding");
        static const char* const routed[] = {"POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
        for (const char* m : routed)
            if (req.method == m && has_body) return httplib::Server::HandlerResponse::Unhandled;
        method_not_allowed(req, res);
        return httplib::Server::HandlerResponse::Handled;
    });
    // Every answer, errors included, is taken for what its Content-Type says.
    server.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.has_header("X-Content-Type-Options")) res.set_header("X-Content-Type-Options", "nosniff");
    });

    if (options.live) add_live_reload_routes(server, *options.live);

    server.Get(R"(.*)", [root, &options](const httplib::Request& req, httplib::Response& res) {
        const ResolvedPath r = resolve_request(root, req.path, options.base_path);
        if (r.kind == ResolvedPath::Kind::redirect) {
            const size_t q = req.target.find('?');
            res.set_redirect(r.location + (q == std::string::npos ? "" : req.target.substr(q)), 302);  // not 301: browsers keep those
            res.set_header("Cache-Control", "no-cache");
            return;
        }
        if (r.kind != ResolvedPath::Kind::file) return not_found(root, options, res, r.kind == ResolvedPath::Kind::forbidden ? 403 : 404);
        std::optional<OpenedFile> f = read_regular_file(r.file);
        if (!f) return not_found(root, options, res, 404);

        const std::string type = mime_type_for(r.file.string());
        const bool inject = options.live && is_html(type);
        const std::string etag = entity_tag(f->st, inject);
        const std::string modified = http_date(f->st.st_mtim.tv_sec);
        res.set_header("Cache-Control", "no-cache");
        res.set_header("ETag", etag);
        res.set_header("Last-Modified", modified);

        bool not_modified = false;
        if (req.has_header("If-None-Match")) {
            not_modified = etag_matches(req.get_header_value("If-None-Match"), etag);
        } else if (req.has_header("If-Modified-Since")) {
            const auto since = parse_http_date(req.get_header_value("If-Modified-Since"));
            not_modified = since && f->st.st_mtim.tv_sec <= *since;
        }
        auto body = std::make_shared<std::string>(inject ? inject_live_reload(std::move(f->body)) : std::move(f->body));
        if (not_modified) {
            // No body; the length is the one a 200 would have had (RFC 9110 §8.6), not httplib's "0".
            res.status = 304;
            res.set_header("Content-Length", std::to_string(body->size()));
            return;
        }
        // A sized content provider: httplib sends it as it is (on loopback, compressing only costs
        // time) with its exact length, answers Range requests from it and skips it for HEAD.
        if (body->empty()) return res.set_content(std::string(), type.c_str());
        res.set_content_provider(body->size(), type.c_str(), [body](size_t offset, size_t length, httplib::DataSink& sink) {
            return sink.write(body->data() + offset, std::min(length, body->size() - offset));
        });
    });

    if (!server.bind_to_port(options.bind, options.port)) {
        error = "cannot listen on " + options.bind + ":" + std::to_string(options.port);
        return false;
    }
    // httplib listens with a backlog of 5: many clients connecting at once (a page's assets, a
    // test) would see their connections dropped and retried a second or more later. Calling
    // listen again on the bound socket only widens the queue.
    ::listen(server.listening_socket(), SOMAXCONN);
    std::cout << "tsunagu serve: http://" << (options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind)
              << ":" << options.port << "/ （Ctrl+C で終了 / Ctrl+C to stop)" << std::endl;
    return server.listen_after_bind();
}

}  // namespace tsunagu
