#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "commands/cli.h"
#include "serve/static_server.h"

using namespace tsunagu;
namespace fs = std::filesystem;

namespace {

using Kind = ResolvedPath::Kind;

fs::path scratch(const char* name) {
    fs::path d = fs::temp_directory_path() / ("tsunagu-unit-serve-" + std::to_string(::getpid())) / name;
    fs::remove_all(d);
    fs::create_directories(d);
    return fs::canonical(d);
}

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

// An output folder with a secret file beside it (outside) and the links a careless or hostile
// site could contain.
struct Site {
    fs::path top, root, secret;
    Site() {
        top = scratch("site");
        root = top / "out";
        secret = top / "secret.txt";
        write(secret, "SECRET");
        write(root / "index.html", "home");
        write(root / "about.html", "about");
        write(root / "areas" / "index.html", "areas");
        write(root / "areas" / "kita.html", "kita");
        write(root / "assets" / "style.css", "body{}");
        write(root / "名前" / "index.html", "japanese folder");
        fs::create_directories(root / "empty");
        fs::create_symlink(secret, root / "secret-link.txt");
        fs::create_symlink(top, root / "outside-dir");
        fs::create_symlink("../../secret.txt", root / "assets" / "relative-escape.txt");
        fs::create_symlink("loop-b", root / "loop-a");
        fs::create_symlink("loop-a", root / "loop-b");
        fs::create_symlink("about.html", root / "about-link.html");  // stays inside: fine
        fs::create_directories(root / "escape-index");
        fs::create_symlink(secret, root / "escape-index" / "index.html");
        ::mkfifo((root / "pipe.txt").c_str(), 0600);
    }
    ~Site() {
        std::error_code ec;
        fs::remove_all(top, ec);
    }
};

}  // namespace

TEST_CASE("request paths map into the output folder only") {
    CHECK(safe_request_path("/") == "index.html");
    CHECK(safe_request_path("/areas/kita.html") == "areas/kita.html");
    CHECK(safe_request_path("/search/") == "search/index.html");
    CHECK(safe_request_path("/../etc/passwd").empty());
    CHECK(safe_request_path("/a/../../etc/passwd").empty());
    CHECK(safe_request_path("/a/./b.html").empty());
    CHECK(safe_request_path("/a//b.html").empty());
    CHECK(safe_request_path("/..").empty());
    CHECK(safe_request_path("/../").empty());
    CHECK(safe_request_path("/a\\..\\b").empty());
    CHECK(safe_request_path("/..\\..\\etc\\passwd").empty());
    CHECK(safe_request_path(std::string("/a\0b", 4)).empty());
    CHECK(safe_request_path(std::string("/index.html\0.png", 16)).empty());
    CHECK(safe_request_path("/a\r\nb").empty());
    // overlong UTF-8 for "." ("%c0%ae" decoded) and other broken bytes are refused outright
    CHECK(safe_request_path("/\xc0\xae\xc0\xae/etc/passwd").empty());
    CHECK(safe_request_path("/\xe0\x80\xae/x").empty());
    CHECK(safe_request_path("/\xff.html").empty());
    CHECK(safe_request_path("/名前/") == "名前/index.html");
    // a path still percent-encoded after httplib's decoding is a literal name, never "..":
    CHECK(safe_request_path("/%2e%2e/x") == "%2e%2e/x");
    // absolute paths stay under the folder: "//etc/passwd" is etc/passwd inside it
    CHECK(safe_request_path("//etc/passwd") == "etc/passwd");
}

TEST_CASE("the site also answers under its public path") {
    CHECK(safe_request_path("/aoba/index.html", "/aoba/") == "index.html");
    CHECK(safe_request_path("/aoba/", "/aoba/") == "index.html");
    CHECK(safe_request_path("/index.html", "/aoba/") == "index.html");
    CHECK(safe_request_path("/aoba/../../etc/passwd", "/aoba/").empty());
    CHECK(safe_request_path("/x.html", "/") == "x.html");
}

TEST_CASE("resolve_request serves regular files inside the folder and nothing else") {
    Site s;
    const fs::path& root = s.root;
    auto kind = [&](const std::string& p) { return resolve_request(root, p).kind; };

    SUBCASE("files and index pages") {
        CHECK(resolve_request(root, "/").file == root / "index.html");
        CHECK(resolve_request(root, "/about.html").file == root / "about.html");
        CHECK(resolve_request(root, "/areas/").file == root / "areas" / "index.html");
        CHECK(resolve_request(root, "/areas/kita.html").file == root / "areas" / "kita.html");
        CHECK(resolve_request(root, "/名前/").file == root / "名前" / "index.html");
        // a link that stays inside is followed; the real path is what gets opened
        CHECK(resolve_request(root, "/about-link.html").file == root / "about.html");
    }
    SUBCASE("folders redirect to their slash form, and have no listing") {
        const ResolvedPath r = resolve_request(root, "/areas");
        CHECK(r.kind == Kind::redirect);
        CHECK(r.location == "/areas/");
        CHECK(resolve_request(root, "/名前").location == "/%E5%90%8D%E5%89%8D/");
        CHECK(kind("/empty") == Kind::not_found);
        CHECK(kind("/empty/") == Kind::not_found);
        CHECK(kind("/assets/") == Kind::not_found);
        CHECK(kind("/about.html/") == Kind::not_found);
        // "//areas" must not turn into a protocol-relative "//areas/" redirect
        CHECK(resolve_request(root, "//areas").location == "/areas/");
    }
    SUBCASE("links that lead outside, loops and special files") {
        CHECK(kind("/secret-link.txt") == Kind::forbidden);
        CHECK(kind("/outside-dir/secret.txt") == Kind::forbidden);
        CHECK(kind("/outside-dir/") == Kind::forbidden);
        CHECK(kind("/assets/relative-escape.txt") == Kind::forbidden);
        CHECK(kind("/escape-index/") == Kind::forbidden);
        CHECK(kind("/escape-index") == Kind::forbidden);
        CHECK(kind("/loop-a") == Kind::not_found);
        CHECK(kind("/loop-b/") == Kind::not_found);
        CHECK(kind("/pipe.txt") == Kind::forbidden);
    }
    SUBCASE("traversal in every spelling") {
        std::string absolute = "/";
        absolute += s.secret.string();  // "//tmp/…/secret.txt": a path under the folder, not the file
        for (const std::string& p : std::vector<std::string>{absolute, "/../secret.txt", "/areas/../../secret.txt", "/..", "/../", "/./index.html",
                                    "/..\\secret.txt", "/areas\\..\\..\\secret.txt", "/%2e%2e/secret.txt", "/%2e%2e%2fsecret.txt",
                                    "/\xc0\xae\xc0\xae/secret.txt", "/no-such.html", "/index.html/.."}) {
            CAPTURE(p);
            const ResolvedPath r = resolve_request(root, p);
            CHECK(r.kind != Kind::file);
            CHECK(r.kind != Kind::redirect);
        }
        CHECK(kind(std::string("/index.html\0.png", 16)) == Kind::not_found);
        CHECK(kind(std::string("/\0", 2)) == Kind::not_found);
    }
    SUBCASE("under the public path") {
        CHECK(resolve_request(root, "/aoba/", "/aoba/").file == root / "index.html");
        CHECK(resolve_request(root, "/aoba/areas/kita.html", "/aoba/").file == root / "areas" / "kita.html");
        CHECK(resolve_request(root, "/aoba/areas", "/aoba/").location == "/aoba/areas/");
        CHECK(resolve_request(root, "/aoba", "/aoba/").location == "/aoba/");
        CHECK(resolve_request(root, "/about.html", "/aoba/").file == root / "about.html");
        CHECK(resolve_request(root, "/aoba/../secret.txt", "/aoba/").kind == Kind::not_found);
    }
}

TEST_CASE("content types carry a charset for text") {
    CHECK(mime_type_for("a/index.html") == "text/html; charset=utf-8");
    CHECK(mime_type_for("A.HTML") == "text/html; charset=utf-8");
    CHECK(mime_type_for("style.css") == "text/css; charset=utf-8");
    CHECK(mime_type_for("app.js") == "text/javascript; charset=utf-8");
    CHECK(mime_type_for("m.mjs") == "text/javascript; charset=utf-8");
    CHECK(mime_type_for("data.json") == "application/json; charset=utf-8");
    CHECK(mime_type_for("sitemap.xml") == "application/xml; charset=utf-8");
    CHECK(mime_type_for("icon.svg") == "image/svg+xml; charset=utf-8");
    CHECK(mime_type_for("robots.txt") == "text/plain; charset=utf-8");
    CHECK(mime_type_for("events.ics") == "text/calendar; charset=utf-8");
    CHECK(mime_type_for("site.webmanifest") == "application/manifest+json; charset=utf-8");
    CHECK(mime_type_for("feed.atom") == "application/atom+xml; charset=utf-8");
    CHECK(mime_type_for("activities.csv") == "text/csv; charset=utf-8");
    CHECK(mime_type_for("handbook.pdf") == "application/pdf");
    CHECK(mime_type_for("a.png") == "image/png");
    CHECK(mime_type_for("a.jpg") == "image/jpeg");
    CHECK(mime_type_for("a.JPEG") == "image/jpeg");
    CHECK(mime_type_for("a.webp") == "image/webp");
    CHECK(mime_type_for("font.woff2") == "font/woff2");
    CHECK(mime_type_for("no-extension") == "application/octet-stream");
    CHECK(mime_type_for("archive.unknown") == "application/octet-stream");
    CHECK(mime_type_for(".html") == "application/octet-stream");  // a dot file, not an extension
}

TEST_CASE("strict UTF-8") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("ascii/path.html"));
    CHECK(is_valid_utf8("名前/つなぐ"));
    CHECK(is_valid_utf8("\xf0\x9f\x98\x80"));       // U+1F600
    CHECK_FALSE(is_valid_utf8("\xc0\xae"));         // overlong "."
    CHECK_FALSE(is_valid_utf8("\xc1\x9c"));         // overlong "\"
    CHECK_FALSE(is_valid_utf8("\xe0\x80\xae"));     // three-byte overlong "."
    CHECK_FALSE(is_valid_utf8("\xf0\x80\x80\xae")); // four-byte overlong "."
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));     // a surrogate
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80")); // above U+10FFFF
    CHECK_FALSE(is_valid_utf8("\xe5\x90"));         // cut short
    CHECK_FALSE(is_valid_utf8("\x80"));
    CHECK_FALSE(is_valid_utf8("\xff"));
}

TEST_CASE("HTTP dates") {
    CHECK(http_date(784111777) == "Sun, 06 Nov 1994 08:49:37 GMT");
    CHECK(http_date(0) == "Thu, 01 Jan 1970 00:00:00 GMT");
    CHECK(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == std::optional<std::time_t>(784111777));
    CHECK(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT") == std::optional<std::time_t>(784111777));
    CHECK(parse_http_date("Sun Nov  6 08:49:37 1994") == std::optional<std::time_t>(784111777));
    const std::time_t now = 1796000000;
    CHECK(parse_http_date(http_date(now)) == std::optional<std::time_t>(now));
    CHECK_FALSE(parse_http_date(""));
    CHECK_FALSE(parse_http_date("yesterday"));
    CHECK_FALSE(parse_http_date("Sun, 06 Foo 1994 08:49:37 GMT"));
    CHECK_FALSE(parse_http_date("Sun, 06 Nov 1994 08:49:37 JST"));
    CHECK_FALSE(parse_http_date("Sun, 06 Nov 1994 25:49:37 GMT"));
}

TEST_CASE("If-None-Match") {
    const std::string tag = "W/\"a1-2b-3c\"";
    CHECK(etag_matches(tag, tag));
    CHECK(etag_matches("\"a1-2b-3c\"", tag));  // weak comparison
    CHECK(etag_matches("*", tag));
    CHECK(etag_matches("\"other\", W/\"a1-2b-3c\"", tag));
    CHECK(etag_matches("  \"x,y\" ,W/\"a1-2b-3c\"", tag));
    CHECK_FALSE(etag_matches("\"other\"", tag));
    CHECK_FALSE(etag_matches("", tag));
    CHECK_FALSE(etag_matches("a1-2b-3c", tag));  // not a quoted tag
    CHECK_FALSE(etag_matches("\"a1-2b-3c", tag));
}

TEST_CASE("serve listens on 127.0.0.1 unless asked") {
    CHECK(ServeOptions{}.bind == "127.0.0.1");
    CHECK(CliOptions{}.bind == "127.0.0.1");
    CHECK(ServeOptions{}.threads >= 64);
}

TEST_CASE("a loopback preview answers only to names of this machine (DNS rebinding)") {
    CHECK(is_loopback_bind("127.0.0.1"));
    CHECK(is_loopback_bind("::1"));
    CHECK_FALSE(is_loopback_bind("0.0.0.0"));
    CHECK(host_allowed("127.0.0.1:8080", "127.0.0.1"));
    CHECK(host_allowed("localhost:8080", "127.0.0.1"));
    CHECK(host_allowed("LOCALHOST", "127.0.0.1"));
    CHECK(host_allowed("[::1]:8080", "::1"));
    CHECK(host_allowed("127.0.0.2:9000", "127.0.0.2"));
    CHECK(host_allowed("", "127.0.0.1"));
    CHECK_FALSE(host_allowed("evil.example:8080", "127.0.0.1"));
    CHECK_FALSE(host_allowed("127.0.0.1.evil.example", "127.0.0.1"));
}
