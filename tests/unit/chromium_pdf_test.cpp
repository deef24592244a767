// Printing HTML to PDF with headless Chromium over the DevTools pipe. The tests that need a real
// browser skip themselves (with a message) when none is installed; the rest use stand-ins.
#include <doctest/doctest.h>

#define POINTERHOLDER_TRANSITION 4  // qpdf: use std::shared_ptr, no PointerHolder warning
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "print/chromium_pdf.h"

using namespace tsunagu;
namespace fs = std::filesystem;

namespace {

fs::path scratch_dir(const std::string& name) {
    // A space and Japanese in the path, so the file:// URL has to be percent-encoded.
    fs::path d = fs::temp_directory_path() / ("tsunagu-pdf-" + std::to_string(::getpid())) / ("印刷 " + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

void write_file(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

const char* kSampleHtml = R"(<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<title>印刷テスト</title>
<style>
@page { size: A5; margin: 15mm }
body { font-family: sans-serif; }
.next { break-before: page; }
</style>
</head>
<body>
<h1>地域のつながり</h1>
<p>これは日本語の本文です。<a href="#sec2">第二節へ進む</a></p>
<h2 id="sec2" class="next">第二節</h2>
<p>二ページ目の本文です。</p>
</body>
</html>
)";

// The profile directories the printer makes; none may be left after a call.
std::set<std::string> profile_dirs() {
    std::set<std::string> out;
    std::error_code ec;
    for (auto& e : fs::directory_iterator(fs::temp_directory_path(), ec)) {
        std::string n = e.path().filename().string();
        if (n.rfind("tsunagu-chromium-", 0) == 0) out.insert(n);
    }
    return out;
}

void check_nothing_left(const std::set<std::string>& before) {
    for (const auto& d : profile_dirs()) CHECK_MESSAGE(before.count(d) == 1, "profile dir left: " << d);
    int status = 0;
    CHECK(::waitpid(-1, &status, WNOHANG) <= 0);  // no unreaped child
}

struct PdfFacts {
    int pages = 0;
    double width = 0, height = 0;  // first page's MediaBox, pt
};

PdfFacts inspect(const std::string& pdf) {
    QPDF q;
    q.processMemoryFile("printed.pdf", pdf.data(), pdf.size());
    PdfFacts f;
    auto pages = QPDFPageDocumentHelper(q).getAllPages();
    f.pages = static_cast<int>(pages.size());
    if (!pages.empty()) {
        auto r = pages[0].getMediaBox().getArrayAsRectangle();
        f.width = r.urx - r.llx;
        f.height = r.ury - r.lly;
    }
    return f;
}

}  // namespace

TEST_CASE("find_chromium: an explicit path that is not there finds nothing") {
    CHECK(find_chromium("/nonexistent/chromium") == "");
    fs::path d = scratch_dir("find");
    write_file(d / "not-a-program", "text\n");
    fs::permissions(d / "not-a-program", fs::perms::owner_read | fs::perms::owner_write);
    CHECK(find_chromium((d / "not-a-program").string()) == "");  // exists, not executable
    CHECK(find_chromium(d.string()) == "");                       // a directory
    CHECK(find_chromium("/bin/sh") == "/bin/sh");
    fs::remove_all(d.parent_path());
}

TEST_CASE("print_html_files_to_pdf: no browser → error with install hint, for every file") {
    PdfPrintOptions opt;
    opt.chromium = "/nonexistent/chromium";
    auto results = print_html_files_to_pdf({"/tmp/a.html", "/tmp/b.html"}, opt);
    REQUIRE(results.size() == 2);
    for (const auto& r : results) {
        CHECK_FALSE(r.ok);
        CHECK(r.pdf.empty());
        CHECK(r.error_ja.find("apt-get install chromium") != std::string::npos);
        CHECK(r.error_en.find("apt-get install chromium") != std::string::npos);
        CHECK(r.error_ja.find("見つからない") != std::string::npos);
        CHECK(r.error_en.find("/nonexistent/chromium") != std::string::npos);
    }
}

TEST_CASE("print_html_files_to_pdf: nothing to print launches nothing") {
    PdfPrintOptions opt;
    opt.chromium = "/nonexistent/chromium";
    CHECK(print_html_files_to_pdf({}, opt).empty());
}

TEST_CASE("print_html_files_to_pdf: a browser that exits at once → error, nothing left behind") {
    auto before = profile_dirs();
    fs::path d = scratch_dir("exit");
    write_file(d / "a.html", kSampleHtml);
    PdfPrintOptions opt;
    opt.chromium = "/bin/false";
    opt.timeout_ms = 20000;
    auto t0 = std::chrono::steady_clock::now();
    auto results = print_html_files_to_pdf({(d / "a.html").string(), (d / "a.html").string()}, opt);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    REQUIRE(results.size() == 2);
    for (const auto& r : results) {
        CHECK_FALSE(r.ok);
        CHECK(r.error_en.find("exited unexpectedly") != std::string::npos);
        CHECK(r.error_ja.find("終了しました") != std::string::npos);
    }
    CHECK(ms < 10000);
    check_nothing_left(before);
    fs::remove_all(d.parent_path());
}

TEST_CASE("print_html_files_to_pdf: a protocol error reply is reported with its message") {
    // A stand-in browser that answers the first command with an error and exits; the printer
    // then writes Browser.close into a closed pipe, which must not kill the test with SIGPIPE.
    auto before = profile_dirs();
    fs::path d = scratch_dir("error");
    write_file(d / "a.html", kSampleHtml);
    fs::path fake = d / "fake-browser";
    write_file(fake, "#!/bin/sh\nprintf '{\"id\":1,\"error\":{\"code\":-32000,\"message\":\"boom\"}}\\000' >&4\n"
                     "sleep 0.3\n");
    fs::permissions(fake, fs::perms::owner_all);
    PdfPrintOptions opt;
    opt.chromium = fake.string();
    opt.timeout_ms = 20000;
    auto results = print_html_files_to_pdf({(d / "a.html").string()}, opt);
    REQUIRE(results.size() == 1);
    CHECK_FALSE(results[0].ok);
    CHECK(results[0].error_en.find("boom") != std::string::npos);
    CHECK(results[0].error_en.find("Target.createTarget") != std::string::npos);
    CHECK(results[0].error_ja.find("boom") != std::string::npos);
    check_nothing_left(before);
    fs::remove_all(d.parent_path());
}

TEST_CASE("print_html_files_to_pdf: a browser that never answers is killed at the deadline") {
    auto before = profile_dirs();
    fs::path d = scratch_dir("hang");
    write_file(d / "a.html", kSampleHtml);
    fs::path fake = d / "silent-browser";
    write_file(fake, "#!/bin/sh\nsleep 30\n");
    fs::permissions(fake, fs::perms::owner_all);
    PdfPrintOptions opt;
    opt.chromium = fake.string();
    opt.timeout_ms = 500;
    auto t0 = std::chrono::steady_clock::now();
    auto results = print_html_files_to_pdf({(d / "a.html").string()}, opt);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    REQUIRE(results.size() == 1);
    CHECK_FALSE(results[0].ok);
    CHECK(results[0].error_en.find("did not finish in time") != std::string::npos);
    CHECK(ms < 5000);
    check_nothing_left(before);
    fs::remove_all(d.parent_path());
}

TEST_CASE("print_html_files_to_pdf: real Chromium prints A5 pages; a missing file does not stop the others") {
    if (find_chromium("").empty()) {
        MESSAGE("no Chromium installed (apt-get install chromium): skipping the real print test");
        return;
    }
    auto before = profile_dirs();
    fs::path d = scratch_dir("real");
    write_file(d / "sample.html", kSampleHtml);
    PdfPrintOptions opt;

    auto t0 = std::chrono::steady_clock::now();
    auto single = print_html_files_to_pdf({(d / "sample.html").string()}, opt);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("launch + print + close of the tiny file: " << ms << " ms");
    REQUIRE(single.size() == 1);
    INFO(single[0].error_en);
    REQUIRE(single[0].ok);
    CHECK(single[0].error_en.empty());
    CHECK(single[0].pdf.rfind("%PDF-", 0) == 0);
    PdfFacts f = inspect(single[0].pdf);
    CHECK(f.pages == 2);
    CHECK(std::abs(f.width - 419.53) < 1.0);
    CHECK(std::abs(f.height - 595.28) < 1.0);

    auto results = print_html_files_to_pdf(
        {(d / "missing.html").string(), (d / "sample.html").string(), "/nonexistent/dir/x.html"}, opt);
    REQUIRE(results.size() == 3);
    CHECK_FALSE(results[0].ok);
    CHECK(results[0].error_en.find("does not exist") != std::string::npos);
    CHECK(results[0].error_ja.find("missing.html") != std::string::npos);
    INFO(results[1].error_en);
    REQUIRE(results[1].ok);
    CHECK(inspect(results[1].pdf).pages == 2);
    CHECK_FALSE(results[2].ok);

    check_nothing_left(before);
    fs::remove_all(d.parent_path());
}
