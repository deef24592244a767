// tsunagu handbook [--source DIR] [--out DIR] [--pdf] [NAME...]
//
// Writes OUT/ID/print.html for every handbook (or the named ones). With --pdf it also prints
// each through headless Chromium (print/chromium_pdf), reads the page of every anchor from the
// PDF's named destinations, renders print.html again with those numbers in the table of
// contents, the index and the cross-references, and prints again until the numbers stop
// changing; then libqpdf adds the outline, page labels and metadata and compresses
// (print/pdf_post): OUT/ID/handbook.pdf, and OUT/ID/booklet.pdf (A5 saddle-stitch on A4) for a
// handbook with booklet: true. The last print.html carries the final numbers.
// Without a browser it says how to install one and still writes print.html.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "commands/build_date.h"
#include "commands/pipeline.h"
#include "print/chromium_pdf.h"
#include "print/handbook_html.h"
#include "print/pdf_post.h"
#include "render/render_site.h"
#include "text/wareki.h"
#include "write/staged_output.h"

namespace tsunagu {

namespace fs = std::filesystem;

namespace {

constexpr int kMaxPasses = 4;  // numbers settle after two passes; a TOC that grows a page may need three

struct Job {
    const Handbook* handbook;
    PageNumbers numbers;
    HandbookHtml html;
    std::string pdf;
    bool stable = false;
    int passes = 0;
};

// A fresh temporary folder for the passes' HTML (the browser reads files).
fs::path make_temp_dir() {
    std::string tmpl = (fs::temp_directory_path() / "tsunagu-handbook-XXXXXX").string();
    if (!mkdtemp(tmpl.data())) return {};
    return tmpl;
}

PageNumbers numbers_for(const std::map<std::string, int>& dests, const std::vector<std::string>& anchors) {
    PageNumbers out;
    for (const std::string& a : anchors)
        if (auto it = dests.find(a); it != dests.end()) out[a] = it->second;
    return out;
}

std::string iso_date(const Date& d) { return d.empty() ? std::string() : to_iso(d); }

}  // namespace

int handbook_command(const CliOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    const fs::path source = options.source;
    const fs::path out = options.out.empty() ? source / "print" : fs::path(options.out);
    Diagnostics diags;
    Site site = load_and_check(source, options, diags);
    if (has_errors(diags) || !output_is_safe(source, out, diags)) {
        report(diags);
        std::cerr << "tsunagu handbook: エラーのため冊子を作りませんでした (no handbook made because of errors)\n";
        return kExitDataErrors;
    }
    std::vector<const Handbook*> chosen;
    for (const std::string& name : options.handbooks) {
        auto it = site.handbook_by_id.find(name);
        if (it == site.handbook_by_id.end()) {
            std::string known;
            for (const Handbook& h : site.handbooks) known += (known.empty() ? "" : ", ") + h.meta.id;
            std::cerr << "tsunagu handbook: 冊子「" << name << "」がありません。あるもの: " << known << " (no handbook \"" << name
                      << "\"; known: " << known << ")\n";
            return kExitUsage;
        }
        chosen.push_back(&site.handbooks[it->second]);
    }
    if (options.handbooks.empty())
        for (const Handbook& h : site.handbooks) chosen.push_back(&h);
    if (chosen.empty()) {
        report(diags);
        std::cerr << "tsunagu handbook: handbooks/ に冊子の定義（*.yaml）がありません (no handbook definitions in handbooks/)\n";
        return kExitDataErrors;
    }

    RenderOptions ro;
    ro.theme_dir = theme_dir(source, site.config.theme);
    ro.source_dir = source;
    ro.base_url = options.base_url.empty() ? site.config.base_url : options.base_url;
    ro.threads = options.threads;
    ro.today = build_date(options.today);
    auto prepared = prepare_render(site, ro, diags);
    if (!prepared) {
        report(diags);
        return kExitDataErrors;
    }
    const RenderContext& ctx = prepared->ctx;

    std::vector<Job> jobs;
    for (const Handbook* h : chosen) jobs.push_back(Job{h, {}, render_handbook_html(ctx, *h, {}, ctx.handbook_css, ro.today), {}, false, 0});

    bool printed = false;
    if (options.pdf) {
        PdfPrintOptions po;
        if (find_chromium(po.chromium).empty()) {
            diags.push_back(make_warning("handbook.no_browser", SourcePos{},
                                         "PDF を作るための Chromium が見つかりません。sudo apt-get install chromium で入れてください"
                                         "（print.html は作りました。Chrome や Edge で開いて印刷することもできます）",
                                         "Chromium, which prints the PDFs, is not installed: sudo apt-get install chromium "
                                         "(print.html was written; it also prints from Chrome or Edge)"));
        } else {
            const fs::path tmp = make_temp_dir();
            if (tmp.empty()) {
                diags.push_back(make_error("handbook.temp", SourcePos{}, "一時フォルダを作れません", "cannot make a temporary folder"));
            } else {
                for (int pass = 1; pass <= kMaxPasses; ++pass) {
                    std::vector<std::string> files;
                    std::vector<Job*> printing;
                    for (Job& j : jobs) {
                        if (j.stable) continue;
                        const fs::path f = tmp / (j.handbook->meta.id + "-" + std::to_string(pass) + ".html");
                        std::ofstream(f, std::ios::binary) << j.html.html;
                        files.push_back(f.string());
                        printing.push_back(&j);
                    }
                    if (files.empty()) break;
                    const std::vector<PdfPrintResult> results = print_html_files_to_pdf(files, po);
                    for (size_t k = 0; k < printing.size(); ++k) {
                        Job& j = *printing[k];
                        if (!results[k].ok) {
                            diags.push_back(make_error("handbook.pdf", SourcePos{j.handbook->meta.pos.file, 1, 1},
                                                       "「" + j.handbook->title + "」を PDF にできませんでした: " + results[k].error_ja,
                                                       "could not print " + j.handbook->meta.id + ": " + results[k].error_en));
                            j.stable = true;
                            continue;
                        }
                        ++j.passes;
                        j.pdf = results[k].pdf;
                        const PageNumbers found = numbers_for(named_destination_pages(j.pdf), j.html.anchors);
                        if (found == j.numbers && pass > 1) {
                            j.stable = true;  // the printed numbers are the ones it was rendered with
                            continue;
                        }
                        j.numbers = found;
                        j.html = render_handbook_html(ctx, *j.handbook, j.numbers, ctx.handbook_css, ro.today);
                    }
                }
                for (Job& j : jobs)
                    if (!j.stable && !j.pdf.empty())
                        diags.push_back(make_warning("handbook.unstable", SourcePos{j.handbook->meta.pos.file, 1, 1},
                                                     "「" + j.handbook->title + "」のページ番号が " + std::to_string(kMaxPasses) +
                                                         " 回刷り直しても定まりませんでした。目次の番号を確かめてください",
                                                     "page numbers of " + j.handbook->meta.id + " did not settle after " +
                                                         std::to_string(kMaxPasses) + " passes; check the table of contents"));
                std::error_code ec;
                fs::remove_all(tmp, ec);
                printed = true;
            }
        }
    }
    if (has_errors(diags)) {
        report(diags);
        std::cerr << "tsunagu handbook: エラーのため出力しませんでした (not written because of errors)\n";
        return kExitDataErrors;
    }

    auto staged = StagedOutput::begin(out, diags);
    if (!staged) {
        report(diags);
        return kExitDataErrors;
    }
    size_t pdfs = 0;
    for (Job& j : jobs) {
        const Handbook& h = *j.handbook;
        staged->write(h.meta.id + "/print.html", j.html.html);
        if (!printed || j.pdf.empty()) continue;
        PdfPostOptions post;
        post.meta.title = h.title;
        post.meta.author = h.publisher.empty() ? site.config.publisher : h.publisher;
        post.meta.subject = h.subtitle;
        post.meta.creation_date_iso = iso_date(h.issued.empty() ? ro.today : h.issued);
        for (const HandbookOutline& o : j.html.outline) post.outline.push_back({o.title, o.anchor, o.level});
        PdfPostResult book = post_process_pdf(j.pdf, post);
        if (!book.ok) {
            diags.push_back(make_error("handbook.pdf", SourcePos{h.meta.pos.file, 1, 1}, "「" + h.title + "」の PDF を仕上げられませんでした: " + book.error_ja,
                                       "could not finish the PDF of " + h.meta.id + ": " + book.error_en));
            continue;
        }
        staged->write(h.meta.id + "/handbook.pdf", book.pdf);
        ++pdfs;
        if (h.booklet) {
            PdfPostOptions imposed = post;
            imposed.outline.clear();
            imposed.impose_a5_saddle_stitch = true;
            PdfPostResult sheet = post_process_pdf(j.pdf, imposed);
            if (sheet.ok) staged->write(h.meta.id + "/booklet.pdf", sheet.pdf);
            else
                diags.push_back(make_error("handbook.pdf", SourcePos{h.meta.pos.file, 1, 1}, "「" + h.title + "」の中とじ版を作れませんでした: " + sheet.error_ja,
                                           "could not impose " + h.meta.id + ": " + sheet.error_en));
        }
        if (!options.quiet)
            std::cout << "  " << h.meta.id << ": " << book.pages << " ページ (pages), " << j.passes << " 回印刷 (passes)"
                      << (h.booklet ? ", booklet.pdf" : "") << "\n";
    }
    for (Diagnostic& d : staged->take_diagnostics()) diags.push_back(std::move(d));
    if (has_errors(diags) || !staged->commit(diags)) {
        report(diags);
        std::cerr << "tsunagu handbook: エラーのため出力しませんでした (not written because of errors)\n";
        return kExitDataErrors;
    }
    report(diags);
    if (!options.quiet) {
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
        std::cout << "tsunagu handbook: 冊子 " << jobs.size() << " 件（PDF " << pdfs << " 件）を " << out.string() << " に書きました ("
                  << jobs.size() << " handbooks, " << pdfs << " PDFs written to " << out.string() << " in " << ms.count() << " ms)\n";
    }
    return kExitOk;
}

}  // namespace tsunagu
