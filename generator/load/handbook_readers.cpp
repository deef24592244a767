#include "load/handbook_readers.h"

#include "load/source_files.h"
#include "load/yaml_file.h"

namespace tsunagu {

namespace {

struct KindName {
    const char* name;
    HandbookSectionKind kind;
};
constexpr KindName kKinds[] = {
    {"area", HandbookSectionKind::area},       {"consultation", HandbookSectionKind::consultation},
    {"fund-year", HandbookSectionKind::fund_year}, {"report", HandbookSectionKind::report},
    {"cases", HandbookSectionKind::cases},     {"markdown", HandbookSectionKind::markdown},
};

std::string kind_list() {
    std::string s;
    for (const KindName& k : kKinds) s += (s.empty() ? "" : ", ") + std::string(k.name);
    return s;
}

// `file` is kept in body until read_handbook_files replaces it with the file's text.
constexpr const char* kFileMark = "\x01file:";

}  // namespace

Handbook read_handbook(FieldReader& r) {
    Handbook h;
    r.meta_fields(h.meta);
    r.text("title", h.title, Need::required);
    r.text("subtitle", h.subtitle);
    r.text("paper", h.paper);
    if (h.paper.empty()) h.paper = "A5";
    if (h.paper != "A4" && h.paper != "A5") {
        r.diags().push_back(make_error("field.value", r.pos_of("paper"), "paper は A4 か A5 です（いまは「" + h.paper + "」）",
                                       "paper must be A4 or A5, not \"" + h.paper + "\""));
        h.paper = "A5";
    }
    std::string audience;
    r.text("audience", audience);
    if (!audience.empty() && audience != "large-print" && audience != "standard")
        r.diags().push_back(make_error("field.value", r.pos_of("audience"),
                                       "audience は large-print（大きな文字、既定）か standard です",
                                       "audience must be large-print (the default) or standard"));
    h.large_print = audience != "standard";
    r.text("publisher", h.publisher);
    r.date("issued", h.issued);
    r.boolean("booklet", h.booklet);
    if (h.booklet && h.paper != "A5")
        r.diags().push_back(make_error("field.value", r.pos_of("booklet"), "中とじの冊子（booklet）は A5 の冊子だけで作れます",
                                       "booklet (saddle-stitch imposition) needs paper: A5"));
    for_each_mapping(r, "sections", "{kind: 種類, ...}", [&](FieldReader& e, int line) {
        HandbookSection s;
        s.line = line;
        std::string kind;
        e.text("kind", kind, Need::required);
        bool known = false;
        for (const KindName& k : kKinds)
            if (kind == k.name) {
                s.kind = k.kind;
                known = true;
            }
        if (!known && !kind.empty())
            e.diags().push_back(make_error("field.value", e.pos_of("kind"),
                                           "sections.kind の「" + kind + "」は使えません。使える値: " + kind_list(),
                                           "sections.kind \"" + kind + "\" is unknown; known kinds: " + kind_list()));
        e.text("title", s.title);
        const Need area_need = s.kind == HandbookSectionKind::area ? Need::required : Need::optional;
        e.id("area", s.area, area_need);
        e.id("fund", s.fund, s.kind == HandbookSectionKind::fund_year ? Need::required : Need::optional);
        e.fiscal_year("fiscal_year", s.fiscal_year, s.kind == HandbookSectionKind::fund_year ? Need::required : Need::optional);
        e.id("report", s.report, s.kind == HandbookSectionKind::report ? Need::required : Need::optional);
        e.texts("cases", s.cases);
        if (s.kind == HandbookSectionKind::cases && s.cases.empty())
            e.diags().push_back(make_error("field.missing", e.pos(), "cases の章には、載せる事例の id を cases に並べてください",
                                           "a cases section needs the ids of its cases in cases"));
        std::string body, file;
        e.text("body", body);
        e.text("file", file);
        if (s.kind == HandbookSectionKind::markdown && body.empty() && file.empty())
            e.diags().push_back(make_error("field.missing", e.pos(), "markdown の章には body（本文）か file（.md のファイル）を書いてください",
                                           "a markdown section needs body (the text) or file (a .md file)"));
        s.body = file.empty() ? body : kFileMark + file;
        h.sections.push_back(std::move(s));
    });
    if (h.sections.empty())
        r.diags().push_back(make_error("field.missing", r.pos(), "冊子に章（sections）がありません", "the handbook has no sections"));
    r.finish();
    return h;
}

void read_handbook_files(const std::filesystem::path& source_dir, std::vector<Handbook>& handbooks, Diagnostics& diags) {
    const std::string mark = kFileMark;
    for (Handbook& h : handbooks)
        for (HandbookSection& s : h.sections) {
            if (s.body.rfind(mark, 0) != 0) continue;
            const std::string rel = std::filesystem::path(s.body.substr(mark.size())).lexically_normal().generic_string();
            s.body.clear();
            const SourcePos at{h.meta.pos.file, s.line, 1};
            const auto abs = source_dir / rel;
            std::error_code ec;
            if (rel.empty() || rel.rfind("..", 0) == 0 || std::filesystem::path(rel).is_absolute() || !is_inside(source_dir, abs) ||
                abs.extension() != ".md") {
                diags.push_back(make_error("handbook.file", at, "file はサイトのフォルダの中の .md ファイルを指してください（いまは「" + rel + "」）",
                                           "file must name a .md file inside the site folder, not \"" + rel + "\""));
                continue;
            }
            if (!std::filesystem::is_regular_file(abs, ec)) {
                diags.push_back(make_error("handbook.file", at, "ファイル " + rel + " がありません", "the file " + rel + " does not exist"));
                continue;
            }
            if (auto text = read_text_file(abs.string(), rel, diags)) s.body = *text;
        }
}

}  // namespace tsunagu
