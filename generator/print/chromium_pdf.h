// Printing HTML to PDF with headless Chromium, driven over the DevTools protocol pipe
// (--remote-debugging-pipe: commands on the browser's fd 3, replies on its fd 4, each message JSON
// ended by a NUL byte). No Node, no websocket, no network: the browser is started with every
// host name mapped to nothing, and only file:// pages are opened.
//
// The page's own CSS decides the paper: printToPDF is called with preferCSSPageSize, so @page
// { size; margin } in the print stylesheet is what sets the PDF's page size and margins.
#pragma once

#include <string>
#include <vector>

namespace tsunagu {

struct PdfPrintOptions {
    // The browser to run; "" = find one: $TSUNAGU_CHROMIUM, /usr/bin/chromium,
    // /usr/bin/chromium-browser, /usr/bin/google-chrome, then those names on $PATH.
    std::string chromium = "";
    int timeout_ms = 120000;  // the whole job: launch, every file, shutdown
};

struct PdfPrintResult {
    bool ok = false;
    std::string pdf;                 // the PDF bytes (when ok)
    std::string error_ja, error_en;  // when !ok: why, in Japanese and in English
};

// The browser to use: preferred when it is given (and executable), else the search above.
// "" when none is installed (or the given path / $TSUNAGU_CHROMIUM is not an executable file).
std::string find_chromium(const std::string& preferred);

// Prints each HTML file (absolute path; a relative one is taken from the current directory)
// to PDF in one browser session: the browser is launched once, each file gets its own tab, one
// after another. One result per path, in order. A file that cannot be printed (missing, load
// error, renderer crash) gets an error result and the others are still printed; when the browser
// itself is missing, dies or the time runs out, every file not yet printed gets an error.
// Never leaves the browser process or its temporary profile directory behind.
std::vector<PdfPrintResult> print_html_files_to_pdf(const std::vector<std::string>& html_paths,
                                                    const PdfPrintOptions& opt);

}  // namespace tsunagu
