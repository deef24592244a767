#include "print/pdf_post.h"

// qpdf 11: no PointerHolder compatibility (and no #warning about it).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNameTreeObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <cctype>
#include <exception>
#include <memory>
#include <set>

namespace tsunagu {

namespace {

using OH = QPDFObjectHandle;

std::unique_ptr<QPDF> open_pdf(const std::string& bytes) {
    auto q = std::make_unique<QPDF>();
    q->setSuppressWarnings(true);  // warnings are collected with getWarnings(), never printed
    // processMemoryFile does not copy: bytes must outlive q (the callers keep it in scope).
    q->processMemoryFile("input.pdf", bytes.data(), bytes.size());
    return q;
}

void collect_warnings(QPDF& q, std::vector<std::string>& out) {
    for (const auto& w : q.getWarnings()) out.push_back(w.what());
}

// "/name" → "name"
std::string strip_slash(const std::string& name) {
    return !name.empty() && name[0] == '/' ? name.substr(1) : name;
}

// The explicit destination array of a destination value: the array itself or the /D of a dictionary.
OH explicit_dest(OH v) {
    if (v.isDictionary()) v = v.getKey("/D");
    if (v.isArray() && v.getArrayNItems() >= 1) return v;
    return OH::newNull();
}

// Every named destination of the document, name → explicit destination array.
// The catalog /Dests dictionary first, then the /Names /Dests name tree (which wins on a clash).
std::map<std::string, OH> all_named_dests(QPDF& q) {
    std::map<std::string, OH> out;
    OH root = q.getRoot();
    OH dests = root.getKey("/Dests");
    if (dests.isDictionary()) {
        for (const auto& key : dests.getKeys()) {
            OH d = explicit_dest(dests.getKey(key));
            if (!d.isNull()) out[strip_slash(key)] = d;
        }
    }
    OH names = root.getKey("/Names");
    if (names.isDictionary()) {
        OH tree = names.getKey("/Dests");
        if (tree.isDictionary()) {
            QPDFNameTreeObjectHelper helper(tree, q);
            for (auto& [name, value] : helper.getAsMap()) {
                OH d = explicit_dest(value);
                if (!d.isNull()) out[name] = d;
            }
        }
    }
    return out;
}

// 0-based page index of an explicit destination, or -1.
int dest_page_index(OH dest, const std::map<QPDFObjGen, int>& page_index, int page_count) {
    if (!dest.isArray() || dest.getArrayNItems() < 1) return -1;
    OH page = dest.getArrayItem(0);
    if (page.isIndirect()) {
        auto it = page_index.find(page.getObjGen());
        return it == page_index.end() ? -1 : it->second;
    }
    // Not allowed for local destinations, but some writers put the 0-based page number there.
    if (page.isInteger()) {
        long long i = page.getIntValue();
        return i >= 0 && i < page_count ? static_cast<int>(i) : -1;
    }
    return -1;
}

std::map<QPDFObjGen, int> page_indexes(QPDF& q) {
    std::map<QPDFObjGen, int> m;
    const auto& pages = q.getAllPages();
    for (size_t i = 0; i < pages.size(); ++i) m[pages[i].getObjGen()] = static_cast<int>(i);
    return m;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// ISO 8601 (YYYY-MM-DD[THH:MM[:SS]][Z|±HH:MM]) → PDF date string (D:YYYYMMDDHHmmSSOHH'mm').
// A date without a time is written as D:YYYYMMDD (a time would be invented). "" when malformed.
std::string pdf_date(const std::string& iso) {
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return "";
    std::string y = iso.substr(0, 4), mo = iso.substr(5, 2), d = iso.substr(8, 2);
    if (!all_digits(y) || !all_digits(mo) || !all_digits(d)) return "";
    std::string out = "D:" + y + mo + d;
    if (iso.size() == 10) return out;
    if (iso[10] != 'T' && iso[10] != ' ') return "";
    size_t p = 11;
    auto two = [&](std::string& dst) {
        if (p + 2 > iso.size() || !all_digits(std::string_view(iso).substr(p, 2))) return false;
        dst = iso.substr(p, 2);
        p += 2;
        return true;
    };
    std::string hh, mm, ss = "00";
    if (!two(hh) || p >= iso.size() || iso[p++] != ':' || !two(mm)) return "";
    if (p < iso.size() && iso[p] == ':') {
        ++p;
        if (!two(ss)) return "";
        while (p < iso.size() && (iso[p] == '.' || std::isdigit(static_cast<unsigned char>(iso[p])))) ++p;  // fraction
    }
    out += hh + mm + ss;
    if (p == iso.size()) return out;
    if (iso[p] == 'Z' && p + 1 == iso.size()) return out + "Z";
    if (iso[p] == '+' || iso[p] == '-') {
        char sign = iso[p++];
        std::string oh, om;
        if (!two(oh)) return "";
        if (p < iso.size() && iso[p] == ':') ++p;
        if (!two(om) || p != iso.size()) return "";
        return out + sign + oh + "'" + om + "'";
    }
    return "";
}

// Info dictionary, catalog /Lang and /ViewerPreferences. source_info, when given, is the Info
// dictionary of another document whose Producer/Creator are carried over (the imposed copy).
void apply_metadata(QPDF& q, const PdfMetadata& meta, OH source_info, std::vector<std::string>& warnings) {
    OH trailer = q.getTrailer();
    OH info = trailer.getKey("/Info");
    if (!info.isDictionary()) {
        info = q.makeIndirectObject(OH::newDictionary());
        trailer.replaceKey("/Info", info);
    }
    if (source_info.isDictionary()) {
        for (const char* key : {"/Producer", "/Creator", "/Title", "/Author", "/Subject", "/Keywords"}) {
            OH v = source_info.getKey(key);
            if (v.isString()) info.replaceKey(key, OH::newString(v.getStringValue()));
        }
    }
    if (!meta.title.empty()) info.replaceKey("/Title", OH::newUnicodeString(meta.title));
    if (!meta.author.empty()) info.replaceKey("/Author", OH::newUnicodeString(meta.author));
    if (!meta.subject.empty()) info.replaceKey("/Subject", OH::newUnicodeString(meta.subject));
    std::string date = meta.creation_date_iso.empty() ? "" : pdf_date(meta.creation_date_iso);
    if (!meta.creation_date_iso.empty() && date.empty())
        warnings.push_back("creation date '" + meta.creation_date_iso + "' is not ISO 8601; dates left out");
    if (date.empty()) {
        // The browser's dates are the wall clock: never keep them, or builds would differ.
        info.removeKey("/CreationDate");
        info.removeKey("/ModDate");
    } else {
        info.replaceKey("/CreationDate", OH::newString(date));
        info.replaceKey("/ModDate", OH::newString(date));
    }

    OH root = q.getRoot();
    if (!meta.language.empty()) root.replaceKey("/Lang", OH::newUnicodeString(meta.language));
    OH vp = root.getKey("/ViewerPreferences");
    if (!vp.isDictionary()) {
        vp = OH::newDictionary();
        root.replaceKey("/ViewerPreferences", vp);
    }
    vp.replaceKey("/DisplayDocTitle", OH::newBool(true));
}

// Builds /Outlines from the items. Items whose destination is unknown get no /Dest (and a warning).
void write_outline(QPDF& q, const std::vector<PdfOutlineItem>& items, std::vector<std::string>& warnings) {
    OH root = q.getRoot();
    root.removeKey("/Outlines");
    if (items.empty()) return;
    const auto dests = all_named_dests(q);

    struct Node {
        OH oh;
        int parent = -1;  // -1: the /Outlines root
        std::vector<int> kids;
        int descendants = 0;
    };
    std::vector<Node> nodes;
    std::vector<int> top;
    std::vector<std::pair<int, int>> stack;  // (level, node)
    for (const auto& item : items) {
        int level = std::max(0, item.level);
        // A level deeper than one below the previous item nests directly under it.
        level = std::min(level, stack.empty() ? 0 : stack.back().first + 1);
        while (!stack.empty() && stack.back().first >= level) stack.pop_back();
        Node n;
        n.oh = q.makeIndirectObject(OH::newDictionary());
        n.oh.replaceKey("/Title", OH::newUnicodeString(item.title));
        auto it = dests.find(item.destination);
        if (it != dests.end()) {
            OH dest = it->second;
            n.oh.replaceKey("/Dest", dest.shallowCopy());
        } else {
            warnings.push_back("outline item '" + item.title + "': no named destination '" + item.destination + "'");
        }
        n.parent = stack.empty() ? -1 : stack.back().second;
        int idx = static_cast<int>(nodes.size());
        nodes.push_back(std::move(n));
        if (nodes[idx].parent < 0) top.push_back(idx);
        else nodes[nodes[idx].parent].kids.push_back(idx);
        for (int p = nodes[idx].parent; p >= 0; p = nodes[p].parent) ++nodes[p].descendants;
        stack.emplace_back(level, idx);
    }

    OH outlines = q.makeIndirectObject(OH::newDictionary());
    outlines.replaceKey("/Type", OH::newName("/Outlines"));
    auto link_siblings = [&](OH parent, const std::vector<int>& kids) {
        if (kids.empty()) return;
        parent.replaceKey("/First", nodes[kids.front()].oh);
        parent.replaceKey("/Last", nodes[kids.back()].oh);
        for (size_t i = 0; i < kids.size(); ++i) {
            OH o = nodes[kids[i]].oh;
            o.replaceKey("/Parent", parent);
            if (i > 0) o.replaceKey("/Prev", nodes[kids[i - 1]].oh);
            if (i + 1 < kids.size()) o.replaceKey("/Next", nodes[kids[i + 1]].oh);
        }
    };
    link_siblings(outlines, top);
    for (auto& n : nodes) {
        link_siblings(n.oh, n.kids);
        // Every item open: /Count is the number of visible descendants.
        if (n.descendants > 0) n.oh.replaceKey("/Count", OH::newInteger(n.descendants));
    }
    outlines.replaceKey("/Count", OH::newInteger(static_cast<long long>(nodes.size())));
    root.replaceKey("/Outlines", outlines);
    root.replaceKey("/PageMode", OH::newName("/UseOutlines"));
}

void write_page_labels(QPDF& q, int front_matter_pages, int pages) {
    OH root = q.getRoot();
    front_matter_pages = std::clamp(front_matter_pages, 0, pages);
    OH nums = OH::newArray();
    auto label = [](const char* style) {
        OH d = OH::newDictionary();
        d.replaceKey("/S", OH::newName(style));
        return d;
    };
    if (front_matter_pages > 0) {
        nums.appendItem(OH::newInteger(0));
        nums.appendItem(label("/r"));
    }
    if (front_matter_pages < pages) {
        nums.appendItem(OH::newInteger(front_matter_pages));
        nums.appendItem(label("/D"));  // /St defaults to 1
    }
    OH labels = OH::newDictionary();
    labels.replaceKey("/Nums", nums);
    root.replaceKey("/PageLabels", q.makeIndirectObject(labels));
}

std::string write_pdf(QPDF& q) {
    QPDFWriter w(q);
    w.setOutputMemory();
    w.setObjectStreamMode(qpdf_o_generate);
    w.setCompressStreams(true);
    w.setDecodeLevel(qpdf_dl_generalized);  // re-encode LZW/ASCII-filtered streams with Flate
    w.setPreserveEncryption(false);
    w.setDeterministicID(true);  // /ID from the content: same input, same bytes
    w.write();
    auto buf = w.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
}

// The imposed document: a new PDF whose pages are the A4 landscape sheet sides, each drawing two
// source pages as form XObjects. Only the page content travels: the outline, named destinations,
// link annotations, page labels and structure tree of the source are dropped on purpose (they
// refer to the A5 pages, which the print shop's file does not have). The caller writes the
// metadata. src must stay alive until out is written (the form XObjects' data is read from it).
void impose_saddle_stitch(QPDF& src, QPDF& out) {
    auto src_pages = QPDFPageDocumentHelper(src).getAllPages();
    const int n = static_cast<int>(src_pages.size());
    std::map<int, OH> forms;  // 0-based source page → form XObject in out
    auto form_for = [&](int i) {
        auto it = forms.find(i);
        if (it != forms.end()) return it->second;
        OH fo = out.copyForeignObject(src_pages[i].getFormXObjectForPage());
        forms[i] = fo;
        return fo;
    };
    const double w = kA4LandscapeWidthPt, h = kA4LandscapeHeightPt;
    QPDFPageDocumentHelper out_pages(out);
    for (auto [left, right] : saddle_stitch_order(n)) {
        OH xobjects = OH::newDictionary();
        OH resources = OH::newDictionary();
        resources.replaceKey("/XObject", xobjects);
        OH page = OH::newDictionary();
        page.replaceKey("/Type", OH::newName("/Page"));
        page.replaceKey("/MediaBox", OH::newArray(QPDFObjectHandle::Rectangle(0, 0, w, h)));
        page.replaceKey("/Resources", resources);
        page = out.makeIndirectObject(page);
        QPDFPageObjectHelper ph(page);
        std::string content;
        auto place = [&](int number, double llx) {
            if (number > n) return;  // padding: a blank half
            OH fo = form_for(number - 1);
            std::string name = "/P" + std::to_string(number);
            xobjects.replaceKey(name, fo);
            // Centred in its half; shrunk if the page is larger than A5, never enlarged.
            content += ph.placeFormXObject(fo, name, QPDFObjectHandle::Rectangle(llx, 0, llx + w / 2, h),
                                           true, true, false);
        };
        place(left, 0);
        place(right, w / 2);
        page.replaceKey("/Contents", out.newStream(content));
        out_pages.addPage(ph, false);
    }
}

void fail(PdfPostResult& r, const std::string& ja, const std::string& en, const std::string& what) {
    r.ok = false;
    r.pdf.clear();
    r.error_ja = ja + ": " + what;
    r.error_en = en + ": " + what;
}

// ---- fonts -------------------------------------------------------------------------------------

bool has_font_file(OH descriptor) {
    return descriptor.isDictionary() &&
           (descriptor.getKey("/FontFile").isStream() || descriptor.getKey("/FontFile2").isStream() ||
            descriptor.getKey("/FontFile3").isStream());
}

struct FontWalker {
    std::set<QPDFObjGen> seen;  // indirect resources, XObjects, patterns and fonts already visited
    std::vector<PdfFontInfo> fonts;

    bool first_visit(OH& o) {
        if (!o.isIndirect()) return true;
        return seen.insert(o.getObjGen()).second;
    }

    void font(OH f, const std::string& resource_name) {
        if (!f.isDictionary() || !first_visit(f)) return;
        PdfFontInfo info;
        OH subtype = f.getKey("/Subtype");
        if (subtype.isName()) info.subtype = strip_slash(subtype.getName());
        OH base = f.getKey("/BaseFont");
        if (base.isName()) info.name = strip_slash(base.getName());
        if (info.subtype == "Type3") {
            OH nm = f.getKey("/Name");
            if (info.name.empty()) info.name = nm.isName() ? strip_slash(nm.getName()) : strip_slash(resource_name);
            info.embedded = true;  // glyphs are content streams of the PDF
            resources(f.getKey("/Resources"));
        } else if (info.subtype == "Type0") {
            OH desc = f.getKey("/DescendantFonts");
            if (desc.isArray() && desc.getArrayNItems() > 0) {
                OH cid = desc.getArrayItem(0);
                if (cid.isDictionary()) info.embedded = has_font_file(cid.getKey("/FontDescriptor"));
            }
        } else {
            info.embedded = has_font_file(f.getKey("/FontDescriptor"));
        }
        fonts.push_back(std::move(info));
    }

    // Resources of a form XObject or tiling pattern (a stream).
    void stream_resources(OH s) {
        if (!s.isStream() || !first_visit(s)) return;
        resources(s.getDict().getKey("/Resources"));
    }

    void resources(OH res) {
        if (!res.isDictionary() || !first_visit(res)) return;
        OH fonts_dict = res.getKey("/Font");
        if (fonts_dict.isDictionary())
            for (const auto& key : fonts_dict.getKeys()) font(fonts_dict.getKey(key), key);
        OH xobjects = res.getKey("/XObject");
        if (xobjects.isDictionary())
            for (const auto& key : xobjects.getKeys()) {
                OH x = xobjects.getKey(key);
                if (x.isStream() && x.getDict().getKey("/Subtype").isNameAndEquals("/Form")) stream_resources(x);
            }
        OH patterns = res.getKey("/Pattern");
        if (patterns.isDictionary())
            for (const auto& key : patterns.getKeys()) stream_resources(patterns.getKey(key));
    }
};

}  // namespace

std::vector<std::pair<int, int>> saddle_stitch_order(int page_count) {
    std::vector<std::pair<int, int>> sides;
    if (page_count <= 0) return sides;
    const int n = (page_count + 3) / 4 * 4;
    for (int s = 0; s < n / 2; ++s) {
        if (s % 2 == 0) sides.emplace_back(n - s, s + 1);
        else sides.emplace_back(s + 1, n - s);
    }
    return sides;
}

std::map<std::string, int> named_destination_pages(const std::string& pdf_bytes, std::string* error) {
    std::map<std::string, int> out;
    try {
        auto q = open_pdf(pdf_bytes);
        const auto index = page_indexes(*q);
        const int count = static_cast<int>(index.size());
        for (auto& [name, dest] : all_named_dests(*q)) {
            int i = dest_page_index(dest, index, count);
            if (i >= 0) out[name] = i + 1;
        }
        if (error) error->clear();
    } catch (const std::exception& e) {
        out.clear();
        if (error) *error = e.what();
    }
    return out;
}

int pdf_page_count(const std::string& pdf_bytes) {
    try {
        auto q = open_pdf(pdf_bytes);
        return static_cast<int>(q->getAllPages().size());
    } catch (const std::exception&) {
        return -1;
    }
}

PdfPostResult post_process_pdf(const std::string& pdf_bytes, const PdfPostOptions& opt) {
    PdfPostResult r;
    std::unique_ptr<QPDF> q;
    try {
        q = open_pdf(pdf_bytes);
    } catch (const std::exception& e) {
        fail(r, "PDF を読み込めませんでした", "could not read the PDF", e.what());
        return r;
    }
    try {
        const int pages = static_cast<int>(q->getAllPages().size());
        if (pages == 0) {
            fail(r, "PDF にページがありません", "the PDF has no pages", "0 pages");
            return r;
        }
        if (opt.impose_a5_saddle_stitch) {
            QPDF out;
            out.setSuppressWarnings(true);
            out.emptyPDF();
            impose_saddle_stitch(*q, out);
            apply_metadata(out, opt.meta, q->getTrailer().getKey("/Info"), r.warnings);
            r.pdf = write_pdf(out);
            r.pages = static_cast<int>(out.getAllPages().size());
            collect_warnings(out, r.warnings);
        } else {
            if (!opt.outline.empty()) write_outline(*q, opt.outline, r.warnings);
            write_page_labels(*q, opt.front_matter_pages, pages);
            apply_metadata(*q, opt.meta, OH::newNull(), r.warnings);
            r.pdf = write_pdf(*q);
            r.pages = pages;
        }
        collect_warnings(*q, r.warnings);
        r.ok = true;
    } catch (const std::exception& e) {
        fail(r, "PDF の後処理に失敗しました", "PDF post-processing failed", e.what());
    }
    return r;
}

std::vector<PdfFontInfo> pdf_fonts(const std::string& pdf_bytes) {
    try {
        auto q = open_pdf(pdf_bytes);
        FontWalker walker;
        for (auto& page : QPDFPageDocumentHelper(*q).getAllPages())
            walker.resources(page.getAttribute("/Resources", false));
        return walker.fonts;
    } catch (const std::exception&) {
        return {};
    }
}

}  // namespace tsunagu
