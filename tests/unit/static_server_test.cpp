#include <doctest/doctest.h>

#include "serve/static_server.h"

using namespace tsunagu;

TEST_CASE("request paths map into the output folder only") {
    CHECK(safe_request_path("/") == "index.html");
    CHECK(safe_request_path("/areas/kita.html") == "areas/kita.html");
    CHECK(safe_request_path("/search/") == "search/index.html");
    CHECK(safe_request_path("/../etc/passwd").empty());
    CHECK(safe_request_path("/a/../../etc/passwd").empty());
    CHECK(safe_request_path("/a\\..\\b").empty());
    CHECK(safe_request_path(std::string("/a\0b", 4)).empty());
    // a path still percent-encoded after httplib's decoding is a literal name, never "..":
    CHECK(safe_request_path("/%2e%2e/x") == "%2e%2e/x");
}

TEST_CASE("the site also answers under its public path") {
    CHECK(safe_request_path("/aoba/index.html", "/aoba/") == "index.html");
    CHECK(safe_request_path("/aoba/", "/aoba/") == "index.html");
    CHECK(safe_request_path("/index.html", "/aoba/") == "index.html");
    CHECK(safe_request_path("/aoba/../../etc/passwd", "/aoba/").empty());
    CHECK(safe_request_path("/x.html", "/") == "x.html");
}
