#include <doctest/doctest.h>

#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNameTreeObjectHelper.hh>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageLabelDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cmath>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include "print/pdf_post.h"

using namespace tsunagu;

namespace {

using OH = QPDFObjectHandle;

enum class Dests { None, NameTree, Dictionary };

struct Spec {
    int pages = 3;
    Dests dests = Dests::NameTree;
    bool fonts = false;
    int filler_lines = 0;  // extra drawing operators per page, to give compression something to do
};

OH dest_to(OH page) {
    OH a = OH::newArray();
    a.appendItem(page);
    a.appendItem(OH::newName("/XYZ"));
    a.appendItem(OH::newInteger(0));
    a.appendItem(OH::newReal(595.28, 2));
    a.appendItem(OH::newNull());
    return a;
}

// A test PDF made with qpdf: A5 pages, each with a "% marker-pN" comment in its content stream.
std::string build_pdf(const Spec& spec) {
    QPDF q;
    q.emptyPDF();
    QPDFPageDocumentHelper dh(q);
    std::vector<OH> pages;
    OH helvetica = q.makeIndirectObject(OH::parse("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
    for (int i = 0; i < spec.pages; ++i) {
        std::string content = "% marker-p" + std::to_string(i + 1) + "\n0 0 1 rg 10 10 50 50 re f\n";
        for (int k = 0; k < spec.filler_lines; ++k) content += "10 10 m 200 300 l S\n";
        OH page = OH::parse("<< /Type /Page /MediaBox [0 0 419.53 595.28] >>");
        OH resources = OH::newDictionary();
        page.replaceKey("/Resources", resources);
        if (spec.fonts && i == 0) {
            OH fonts = OH::newDictionary();
            fonts.replaceKey("/F1", helvetica);
            resources.replaceKey("/Font", fonts);
        }
        if (spec.fonts && i == 1) {
            OH descriptor = OH::parse("<< /Type /FontDescriptor /FontName /ABCDEF+NotoSans-Regular /Flags 32 >>");
            descriptor.replaceKey("/FontFile2", q.newStream(std::string("fake TrueType program")));
            OH tt = OH::parse("<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+NotoSans-Regular >>");
            tt.replaceKey("/FontDescriptor", q.makeIndirectObject(descriptor));
            OH fonts = OH::newDictionary();
            fonts.replaceKey("/F2", q.makeIndirectObject(tt));
            fonts.replaceKey("/F1", helvetica);  // the same font object again: listed once
            resources.replaceKey("/Font", fonts);
        }
        if (spec.fonts && i == 2) {
            // A Type0 font used only inside a form XObject.
            OH descriptor = OH::parse("<< /Type /FontDescriptor /FontName /GHIJKL+NotoSansJP-Bold /Flags 4 >>");
            descriptor.replaceKey("/FontFile2", q.newStream(std::string("fake CID TrueType program")));
            OH cid = OH::parse("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GHIJKL+NotoSansJP-Bold >>");
            cid.replaceKey("/FontDescriptor", q.makeIndirectObject(descriptor));
            OH type0 = OH::parse("<< /Type /Font /Subtype /Type0 /BaseFont /GHIJKL+NotoSansJP-Bold /Encoding /Identity-H >>");
            OH desc = OH::newArray();
            desc.appendItem(q.makeIndirectObject(cid));
            type0.replaceKey("/DescendantFonts", desc);
            OH form = q.newStream(std::string("BT /F3 12 Tf (x) Tj ET\n"));
            form.getDict().replaceKey("/Type", OH::newName("/XObject"));
            form.getDict().replaceKey("/Subtype", OH::newName("/Form"));
            form.getDict().replaceKey("/BBox", OH::parse("[0 0 100 100]"));
            OH form_fonts = OH::newDictionary();
            form_fonts.replaceKey("/F3", q.makeIndirectObject(type0));
            OH form_res = OH::newDictionary();
            form_res.replaceKey("/Font", form_fonts);
            form.getDict().replaceKey("/Resources", form_res);
            OH xobjects = OH::newDictionary();
            xobjects.replaceKey("/X1", form);
            resources.replaceKey("/XObject", xobjects);
            content += "/X1 Do\n";
        }
        page.replaceKey("/Contents", q.newStream(content));
        page = q.makeIndirectObject(page);
        dh.addPage(QPDFPageObjectHelper(page), false);
        pages.push_back(page);
    }
    OH root = q.getRoot();
    const int named = std::min(3, spec.pages);
    if (spec.dests == Dests::NameTree) {
        auto tree = QPDFNameTreeObjectHelper::newEmpty(q);
        const char* names[] = {"ch1", "ch2", "地域の居場所"};
        for (int i = 0; i < named; ++i) {
            OH value = dest_to(pages[i]);
            if (i == 1) {  // the dictionary form
                OH d = OH::newDictionary();
                d.replaceKey("/D", value);
                value = d;
            }
            tree.insert(names[i], value);
        }
        OH names_dict = OH::newDictionary();
        names_dict.replaceKey("/Dests", tree.getObjectHandle());
        root.replaceKey("/Names", names_dict);
    } else if (spec.dests == Dests::Dictionary) {
        OH dests = OH::newDictionary();
        for (int i = 0; i < named; ++i) {
            OH value = dest_to(pages[i]);
            if (i == 2) {
                OH d = OH::newDictionary();
                d.replaceKey("/D", value);
                value = q.makeIndirectObject(d);
            }
            dests.replaceKey("/sec" + std::to_string(i + 1), value);
        }
        root.replaceKey("/Dests", q.makeIndirectObject(dests));
    }
    QPDFWriter w(q);
    w.setOutputMemory();
    w.setCompressStreams(false);
    w.setObjectStreamMode(qpdf_o_disable);
    w.setStaticID(true);
    w.write();
    auto buf = w.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
}

// Holds the bytes with the QPDF reading them (processMemoryFile does not copy).
struct Reader {
    std::string bytes;
    QPDF q;
    explicit Reader(std::string b) : bytes(std::move(b)) {
        q.setSuppressWarnings(true);
        q.processMemoryFile("test.pdf", bytes.data(), bytes.size());
    }
};

std::string roman(long long n) {
    const std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                 {90, "xc"},   {50, "l"},   {40, "xl"},  {10, "x"},   {9, "ix"},
                                                 {5, "v"},     {4, "iv"},   {1, "i"}};
    std::string s;
    for (auto [v, r] : table)
        while (n >= v) s += r, n -= v;
    return s;
}

std::string label_text(OH label) {
    if (!label.isDictionary()) return "?";
    long long st = label.getKey("/St").isInteger() ? label.getKey("/St").getIntValue() : 1;
    OH s = label.getKey("/S");
    if (s.isNameAndEquals("/r")) return roman(st);
    if (s.isNameAndEquals("/D")) return std::to_string(st);
    return "?";
}

PdfPostOptions handbook_options() {
    PdfPostOptions opt;
    opt.meta.title = "地域の居場所ハンドブック 2026";
    opt.meta.author = "つなぐ市社会福祉協議会";
    opt.meta.subject = "子ども食堂・サロン・相談窓口の一覧";
    opt.meta.creation_date_iso = "2026-04-01";
    opt.outline = {
        {"第1章 地域の居場所", "ch1", 0},
        {"1.1 子ども食堂", "ch2", 1},
        {"第2章 相談窓口", "地域の居場所", 0},
    };
    opt.front_matter_pages = 2;
    return opt;
}

}  // namespace

TEST_CASE("saddle_stitch_order: booklet order, padded to a multiple of 4") {
    using V = std::vector<std::pair<int, int>>;
    CHECK(saddle_stitch_order(8) == V{{8, 1}, {2, 7}, {6, 3}, {4, 5}});
    CHECK(saddle_stitch_order(5) == V{{8, 1}, {2, 7}, {6, 3}, {4, 5}});
    CHECK(saddle_stitch_order(1) == V{{4, 1}, {2, 3}});
    CHECK(saddle_stitch_order(12).size() == 6);
    CHECK(saddle_stitch_order(12)[5] == std::pair<int, int>{6, 7});
    CHECK(saddle_stitch_order(0).empty());
}

TEST_CASE("named_destination_pages: /Names /Dests name tree and catalog /Dests dictionary") {
    std::string error = "stale";
    auto tree = named_destination_pages(build_pdf({.pages = 4, .dests = Dests::NameTree}), &error);
    CHECK(error.empty());
    CHECK(tree == std::map<std::string, int>{{"ch1", 1}, {"ch2", 2}, {"地域の居場所", 3}});

    auto dict = named_destination_pages(build_pdf({.pages = 4, .dests = Dests::Dictionary}));
    CHECK(dict == std::map<std::string, int>{{"sec1", 1}, {"sec2", 2}, {"sec3", 3}});

    CHECK(named_destination_pages(build_pdf({.pages = 2, .dests = Dests::None})).empty());
    CHECK(pdf_page_count(build_pdf({.pages = 4})) == 4);
}

TEST_CASE("post_process_pdf: outline, page labels, metadata") {
    const std::string input = build_pdf({.pages = 5});
    const auto r = post_process_pdf(input, handbook_options());
    REQUIRE(r.ok);
    CHECK(r.pages == 5);
    CHECK(r.warnings.empty());
    CHECK(r.error_en.empty());

    Reader rd(r.pdf);
    QPDF& q = rd.q;

    SUBCASE("outline nests by level and targets the named destinations' pages") {
        QPDFOutlineDocumentHelper outlines(q);
        REQUIRE(outlines.hasOutlines());
        auto top = outlines.getTopLevelOutlines();
        REQUIRE(top.size() == 2);
        CHECK(top[0].getTitle() == "第1章 地域の居場所");
        CHECK(top[1].getTitle() == "第2章 相談窓口");
        auto kids = top[0].getKids();
        REQUIRE(kids.size() == 1);
        CHECK(kids[0].getTitle() == "1.1 子ども食堂");
        CHECK(top[0].getCount() == 1);
        CHECK(top[1].getKids().empty());
        CHECK(q.getRoot().getKey("/Outlines").getKey("/Count").getIntValue() == 3);
        OH p0 = top[0].getDestPage(), p1 = kids[0].getDestPage(), p2 = top[1].getDestPage();
        REQUIRE(p0.isDictionary());
        REQUIRE(p1.isDictionary());
        REQUIRE(p2.isDictionary());
        CHECK(q.findPage(p0) == 0);
        CHECK(q.findPage(p1) == 1);
        CHECK(q.findPage(p2) == 2);
        CHECK(q.getRoot().getKey("/PageMode").isNameAndEquals("/UseOutlines"));
        // The named destinations themselves survive.
        CHECK(named_destination_pages(r.pdf).size() == 3);
    }

    SUBCASE("page labels: front matter in lower-case roman, then 1, 2, 3") {
        QPDFPageLabelDocumentHelper labels(q);
        REQUIRE(labels.hasPageLabels());
        std::vector<std::string> got;
        for (int i = 0; i < 5; ++i) got.push_back(label_text(labels.getLabelForPage(i)));
        CHECK(got == std::vector<std::string>{"i", "ii", "1", "2", "3"});
    }

    SUBCASE("Info dictionary, /Lang, DisplayDocTitle") {
        OH info = q.getTrailer().getKey("/Info");
        REQUIRE(info.isDictionary());
        OH title = info.getKey("/Title");
        REQUIRE(title.isString());
        CHECK(title.getUTF8Value() == "地域の居場所ハンドブック 2026");
        CHECK(title.getStringValue().substr(0, 2) == "\xFE\xFF");  // UTF-16BE with BOM
        CHECK(info.getKey("/Author").getUTF8Value() == "つなぐ市社会福祉協議会");
        CHECK(info.getKey("/Subject").getUTF8Value() == "子ども食堂・サロン・相談窓口の一覧");
        CHECK(info.getKey("/CreationDate").getStringValue() == "D:20260401");
        CHECK(info.getKey("/ModDate").getStringValue() == "D:20260401");
        CHECK(q.getRoot().getKey("/Lang").getUTF8Value() == "ja");
        CHECK(q.getRoot().getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());
    }
}

TEST_CASE("post_process_pdf: the same bytes every run") {
    const std::string input = build_pdf({.pages = 5, .fonts = true});
    const auto a = post_process_pdf(input, handbook_options());
    const auto b = post_process_pdf(input, handbook_options());
    REQUIRE(a.ok);
    REQUIRE(b.ok);
    CHECK(a.pdf == b.pdf);
    auto opt = handbook_options();
    opt.impose_a5_saddle_stitch = true;
    const auto c = post_process_pdf(input, opt);
    const auto d = post_process_pdf(input, opt);
    REQUIRE(c.ok);
    CHECK(c.pdf == d.pdf);
    // A different build date changes the bytes (the date is really written).
    opt = handbook_options();
    opt.meta.creation_date_iso = "2026-04-02";
    CHECK(post_process_pdf(input, opt).pdf != a.pdf);
}

TEST_CASE("post_process_pdf: streams are compressed") {
    const std::string input = build_pdf({.pages = 3, .filler_lines = 2000});
    const auto r = post_process_pdf(input, handbook_options());
    REQUIRE(r.ok);
    CHECK(r.pdf.size() <= input.size());
    CHECK(r.pdf.size() * 4 < input.size());
    Reader rd(r.pdf);
    OH first = rd.q.getAllPages()[0];
    OH contents = first.getKey("/Contents");
    REQUIRE(contents.isStream());
    CHECK(contents.getDict().getKey("/Filter").isNameAndEquals("/FlateDecode"));
    // The content is still all there.
    CHECK(contents.getStreamData()->getSize() > 2000 * 20);
}

TEST_CASE("post_process_pdf: dates with a time and zone; malformed dates and missing destinations warn") {
    auto opt = handbook_options();
    opt.meta.creation_date_iso = "2026-04-01T09:30:00+09:00";
    opt.outline.push_back({"付録", "no-such-anchor", 0});
    const auto r = post_process_pdf(build_pdf({.pages = 4}), opt);
    REQUIRE(r.ok);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].find("no-such-anchor") != std::string::npos);
    {
        Reader rd(r.pdf);
        CHECK(rd.q.getTrailer().getKey("/Info").getKey("/CreationDate").getStringValue() ==
              "D:20260401093000+09'00'");
        auto top = QPDFOutlineDocumentHelper(rd.q).getTopLevelOutlines();
        REQUIRE(top.size() == 3);
        CHECK(top[2].getTitle() == "付録");
        CHECK(top[2].getDestPage().isNull());
    }

    opt.meta.creation_date_iso = "April 2026";
    opt.outline.pop_back();
    const auto bad = post_process_pdf(build_pdf({.pages = 4}), opt);
    REQUIRE(bad.ok);
    REQUIRE(bad.warnings.size() == 1);
    Reader rd(bad.pdf);
    CHECK_FALSE(rd.q.getTrailer().getKey("/Info").hasKey("/CreationDate"));
}

TEST_CASE("post_process_pdf: outline levels that jump nest under the previous item") {
    PdfPostOptions opt;
    opt.outline = {{"A", "ch1", 0}, {"A.1.1", "ch2", 2}, {"A.2", "ch2", 1}, {"B", "地域の居場所", 0}};
    const auto r = post_process_pdf(build_pdf({.pages = 3}), opt);
    REQUIRE(r.ok);
    Reader rd(r.pdf);
    auto top = QPDFOutlineDocumentHelper(rd.q).getTopLevelOutlines();
    REQUIRE(top.size() == 2);
    auto kids = top[0].getKids();
    REQUIRE(kids.size() == 2);
    CHECK(kids[0].getTitle() == "A.1.1");
    CHECK(kids[1].getTitle() == "A.2");
    CHECK(top[0].getCount() == 2);
    // No front matter: every page is decimal from 1.
    QPDFPageLabelDocumentHelper labels(rd.q);
    CHECK(label_text(labels.getLabelForPage(0)) == "1");
    CHECK(label_text(labels.getLabelForPage(2)) == "3");
}

TEST_CASE("post_process_pdf: A5 saddle-stitch imposition on A4 landscape") {
    auto opt = handbook_options();
    opt.impose_a5_saddle_stitch = true;
    const auto r = post_process_pdf(build_pdf({.pages = 5}), opt);
    REQUIRE(r.ok);
    CHECK(r.pages == 4);

    Reader rd(r.pdf);
    QPDF& q = rd.q;
    auto pages = QPDFPageDocumentHelper(q).getAllPages();
    REQUIRE(pages.size() == 4);
    // {left, right} source page per side; 0 = blank. 8 pages: [8,1] [2,7] [6,3] [4,5], 6-8 blank.
    const std::vector<std::pair<int, int>> expected = {{0, 1}, {2, 0}, {0, 3}, {4, 5}};
    const std::regex placement(R"(([-0-9.]+) ([-0-9.]+) ([-0-9.]+) ([-0-9.]+) ([-0-9.]+) ([-0-9.]+) cm\s*(/\S+) Do)");
    const std::regex marker(R"(% marker-p(\d+))");
    for (size_t s = 0; s < pages.size(); ++s) {
        CAPTURE(s);
        OH box = pages[s].getMediaBox();
        auto rect = box.getArrayAsRectangle();
        CHECK(rect.llx == doctest::Approx(0));
        CHECK(rect.lly == doctest::Approx(0));
        CHECK(rect.urx == doctest::Approx(841.89));
        CHECK(rect.ury == doctest::Approx(595.28));

        std::string content;
        for (auto& c : pages[s].getPageContents()) {
            auto data = c.getStreamData();
            content.append(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
        }
        OH xobjects = pages[s].getObjectHandle().getKey("/Resources").getKey("/XObject");
        std::pair<int, int> got{0, 0};
        for (auto it = std::sregex_iterator(content.begin(), content.end(), placement); it != std::sregex_iterator();
             ++it) {
            const double scale = std::stod((*it)[1]);
            const double tx = std::stod((*it)[5]);
            CHECK(scale == doctest::Approx(1));  // A5 on half an A4: no scaling
            OH fo = xobjects.getKey((*it)[7]);
            REQUIRE(fo.isStream());
            auto data = fo.getStreamData();
            std::string form(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
            std::smatch m;
            REQUIRE(std::regex_search(form, m, marker));
            const int source = std::stoi(m[1]);
            (tx < 841.89 / 2 ? got.first : got.second) = source;
            // Centred in its half.
            CHECK(std::fmod(tx, 841.89 / 2) == doctest::Approx((841.89 / 2 - 419.53) / 2).epsilon(0.001));
        }
        CHECK(got == expected[s]);
    }
    // Print-shop copy: no outline, named destinations or page labels; metadata as usual.
    CHECK_FALSE(q.getRoot().hasKey("/Outlines"));
    CHECK_FALSE(q.getRoot().hasKey("/Names"));
    CHECK_FALSE(q.getRoot().hasKey("/PageLabels"));
    CHECK(q.getTrailer().getKey("/Info").getKey("/Title").getUTF8Value() == "地域の居場所ハンドブック 2026");
    CHECK(q.getRoot().getKey("/Lang").getUTF8Value() == "ja");
}

TEST_CASE("pdf_fonts: subtypes and embedding over pages and form XObjects") {
    const auto fonts = pdf_fonts(build_pdf({.pages = 3, .fonts = true}));
    REQUIRE(fonts.size() == 3);
    CHECK(fonts[0].name == "Helvetica");
    CHECK(fonts[0].subtype == "Type1");
    CHECK_FALSE(fonts[0].embedded);
    CHECK(fonts[1].name == "ABCDEF+NotoSans-Regular");
    CHECK(fonts[1].subtype == "TrueType");
    CHECK(fonts[1].embedded);
    CHECK(fonts[2].name == "GHIJKL+NotoSansJP-Bold");
    CHECK(fonts[2].subtype == "Type0");
    CHECK(fonts[2].embedded);
    // Post-processing keeps them.
    const auto r = post_process_pdf(build_pdf({.pages = 3, .fonts = true}), PdfPostOptions{});
    REQUIRE(r.ok);
    CHECK(pdf_fonts(r.pdf).size() == 3);
}

TEST_CASE("garbage input: ok=false with a message, never a throw") {
    for (const std::string& bad : {std::string("not a pdf"), std::string(), std::string("%PDF-1.7\n%garbage\n")}) {
        CAPTURE(bad);
        PdfPostResult r;
        CHECK_NOTHROW(r = post_process_pdf(bad, handbook_options()));
        CHECK_FALSE(r.ok);
        CHECK_FALSE(r.error_ja.empty());
        CHECK_FALSE(r.error_en.empty());
        CHECK(r.pdf.empty());
        std::string error;
        CHECK(named_destination_pages(bad, &error).empty());
        CHECK_FALSE(error.empty());
        CHECK(pdf_page_count(bad) == -1);
        CHECK(pdf_fonts(bad).empty());
    }
    // A truncated real PDF is repaired or refused, but never crashes.
    const std::string real = build_pdf({.pages = 3});
    CHECK_NOTHROW(post_process_pdf(real.substr(0, real.size() / 2), handbook_options()));
}
