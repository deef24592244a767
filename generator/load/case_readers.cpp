#include "load/case_readers.h"

#include <algorithm>

#include "load/source_files.h"
#include "load/yaml_file.h"
#include "text/codes.h"
#include "text/wareki.h"

namespace tsunagu {

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : "・") + x;
    return s;
}

// A value that must be one of a short list: an error with the list (and the closest) otherwise.
void one_of(FieldReader& r, const char* key, std::string& value, const std::vector<std::string>& allowed) {
    if (value.empty() || contains(allowed, value)) return;
    const std::string near = closest_match(value, allowed);
    r.diags().push_back(make_error(
        "field.value", r.pos_of(key),
        std::string(key) + " の「" + value + "」は使えません。" + (near.empty() ? "" : "「" + near + "」のことですか？ ") +
            "使える値: " + joined(allowed),
        std::string(key) + ": \"" + value + "\" is not a known value" + (near.empty() ? "" : " (did you mean \"" + near + "\"?)") +
            "; known values: " + joined(allowed)));
    value.clear();
}

void read_source_ref(FieldReader& r, SourceRef& out) {
    auto m = r.mapping("source");
    if (!m) {
        if (!r.has("source"))
            r.diags().push_back(make_error("field.missing", r.pos(), "「source」（出典: document, publisher, year, page）がありません",
                                           "field source (document, publisher, year, page) is missing"));
        return;
    }
    FieldReader s(*m, r.file(), r.diags(), "source.", r.line_offset());
    s.text("document", out.document, Need::required);
    s.text("publisher", out.publisher);
    s.integer("year", out.year, 1868, 2200);
    s.text("page", out.page);
    s.text("section", out.section);
    s.url("url", out.url);
    s.finish();
}

std::optional<PrintedValue> printed_value(FieldReader& r, const char* key) {
    std::optional<double> v;
    int decimals = 0;
    r.number(key, v, 0, 1e12, &decimals);
    if (!v) return std::nullopt;
    return PrintedValue{*v, decimals, r.pos_of(key)};
}

void read_profile(FieldReader& r, CaseProfile& p) {
    auto m = r.mapping("profile");
    if (!m) return;
    FieldReader f(*m, r.file(), r.diags(), "profile.", r.line_offset());
    p.present = true;
    f.date("as_of", p.as_of);
    if (p.as_of.empty())
        r.diags().push_back(make_error("field.missing", f.pos(), "自治体概要（profile）には時点（as_of）を書いてください",
                                       "profile needs an as_of date: figures without a date mislead"));
    f.integer("population", p.population, 0, 200000000LL);
    f.integer("households", p.households, 0, 100000000LL);
    f.number("aging_rate", p.aging_rate, 0, 100);
    f.number("area_km2", p.area_km2, 0, 400000);
    f.integer("elementary_schools", p.elementary_schools, 0, 100000);
    f.integer("junior_high_schools", p.junior_high_schools, 0, 100000);
    f.text("schools_scope", p.schools_scope);
    f.text("activity_area", p.activity_area);
    f.text("note", p.note);
    if (auto pm = f.mapping("printed")) {
        FieldReader q(*pm, r.file(), r.diags(), "profile.printed.", r.line_offset());
        p.printed.area_per_person_km2 = printed_value(q, "area_per_person_km2");
        p.printed.density_per_km2 = printed_value(q, "density_per_km2");
        p.printed.persons_per_household = printed_value(q, "persons_per_household");
        q.finish();
    }
    f.finish();
}

void read_named_roles(FieldReader& r, const char* key, const char* role_key, std::vector<NamedRole>& out) {
    for_each_mapping(r, key, "{name: 名前, ...}", [&](FieldReader& e, int) {
        NamedRole n;
        e.text("name", n.name, Need::required);
        e.text(role_key, n.role);
        e.text("note", n.note);
        out.push_back(std::move(n));
    });
}

void read_figures(FieldReader& r, const char* key, std::vector<Figure>& out) {
    for_each_mapping(r, key, "{label: 項目, value: 数, unit: 単位}", [&](FieldReader& e, int) {
        Figure f;
        e.text("label", f.label, Need::required);
        std::optional<double> v;
        e.number("value", v, -1e15, 1e15);
        if (!v && !e.has("value"))
            e.diags().push_back(make_error("field.missing", e.pos(), "「" + std::string(key) + ".value」がありません（必須です）",
                                           "field " + std::string(key) + ".value is missing (required)"));
        f.value = v.value_or(0);
        e.text("unit", f.unit);
        e.boolean("approximate", f.approximate);
        e.date("as_of", f.as_of);
        e.text("note", f.note);
        out.push_back(std::move(f));
    });
}

// A member or observer: {organization: id} or {name: …}, with category, role, count.
void read_members(FieldReader& r, const char* key, std::vector<NetworkMember>& out, RecordMeta& meta, const char* field) {
    for_each_mapping(r, key, "{organization: 団体のid か name: 名前, category: 分類}", [&](FieldReader& e, int line) {
        NetworkMember m;
        m.line = line;
        e.id("organization", m.organization, Need::optional);
        e.text("name", m.name);
        if (m.organization.empty() && m.name.empty())
            e.diags().push_back(make_error("field.missing", e.pos(), std::string(key) + " には organization か name を書いてください",
                                           std::string(key) + " entries need organization (an id) or name"));
        e.text("category", m.category, Need::required);
        e.text("role", m.role);
        std::optional<int> count;
        e.integer("count", count, 1, 10000);
        m.count = count.value_or(1);
        if (!m.organization.empty())
            meta.field_pos.push_back(FieldPos{field, static_cast<int>(out.size()), e.pos_of("organization").line,
                                              e.pos_of("organization").column});
        out.push_back(std::move(m));
    });
}

}  // namespace

CaseStudy read_case_study(FieldReader& r) {
    CaseStudy c;
    r.meta_fields_without_source(c.meta);
    r.text("title", c.title, Need::required);
    r.reading("reading", c.reading);
    r.text("theme", c.theme, Need::required);
    r.text("tier", c.tier, Need::required);
    one_of(r, "tier", c.tier, case_tiers());
    r.texts("elements", c.elements);
    for (std::string& e : c.elements) one_of(r, "elements", e, case_elements());
    std::erase(c.elements, std::string());
    r.term_list("content_types", Vocabulary::content_type, c.content_types);

    if (auto m = r.mapping("subject")) {
        FieldReader s(*m, r.file(), r.diags(), "subject.", r.line_offset());
        for_each_mapping(s, "municipalities", "{code: 全国地方公共団体コード, name: 名前}", [&](FieldReader& e, int) {
            CaseMunicipality mu;
            e.text("code", mu.code, Need::required);
            e.text("name", mu.name, Need::required);
            if (!mu.code.empty() && !valid_municipality_code(mu.code)) {
                e.diags().push_back(make_error("area.code", e.pos_of("code"),
                                               "全国地方公共団体コード \"" + mu.code + "\" が正しくありません（6桁、最後の1桁は検査数字）",
                                               "municipality code \"" + mu.code + "\" is invalid (6 digits, the last a check digit)"));
                mu.code.clear();
            }
            c.municipalities.push_back(std::move(mu));
        });
        if (auto om = s.mapping("organization")) {
            FieldReader o(*om, r.file(), r.diags(), "subject.organization.", r.line_offset());
            o.text("name", c.subject_organization, Need::required);
            o.term("legal_form", Vocabulary::legal_form, c.subject_legal_form);
            o.finish();
        }
        s.finish();
        if (c.municipalities.empty() && c.subject_organization.empty())
            r.diags().push_back(make_error("field.missing", s.pos(),
                                           "subject には municipalities（自治体）か organization（団体）を書いてください",
                                           "subject needs municipalities or an organization"));
    } else {
        r.diags().push_back(make_error("field.missing", r.pos(), "「subject」（事例の主体: 自治体か団体）がありません",
                                       "field subject (the municipality or organisation of the case) is missing"));
    }

    read_profile(r, c.profile);
    for_each_mapping(r, "components", "{kind: 種類, name: 名前}", [&](FieldReader& e, int) {
        CaseComponent k;
        e.text("kind", k.kind, Need::required);
        e.text("name", k.name, Need::required);
        e.integer("count", k.count, 0, 10000000);
        e.date("started", k.started);
        e.text("note", k.note);
        c.components.push_back(std::move(k));
    });
    for_each_mapping(r, "timeline", "{date: 日付, event: できごと}", [&](FieldReader& e, int) {
        TimelineEntry t;
        std::string written;
        if (e.has("date")) e.text("date", written);
        if (const auto fy = parse_fiscal_year(written); fy && written.find("度") != std::string::npos) {
            t.fiscal_year = *fy;
            t.date = Date{*fy, 4, 0};
        } else {
            e.date("date", t.date);
        }
        if (t.date.empty() && !e.has("date"))
            e.diags().push_back(make_error("field.missing", e.pos(), "timeline.date がありません（和暦でも西暦でも書けます）",
                                           "timeline.date is missing (和暦 or 西暦)"));
        e.text("event", t.event, Need::required);
        c.timeline.push_back(std::move(t));
    });
    std::stable_sort(c.timeline.begin(), c.timeline.end(),
                     [](const TimelineEntry& a, const TimelineEntry& b) { return a.date < b.date; });
    read_named_roles(r, "partners", "role", c.partners);
    read_named_roles(r, "funding", "kind", c.funding);
    r.texts("effects", c.effects);
    read_figures(r, "figures", c.figures);
    read_source_ref(r, c.source);
    r.text("narrative", c.narrative);
    r.finish();
    return c;
}

Network read_network(FieldReader& r) {
    Network n;
    r.meta_fields(n.meta);
    r.text("name", n.name, Need::required);
    r.text("nickname", n.nickname);
    r.reading("reading", n.reading);
    r.text("kind", n.kind, Need::required);
    one_of(r, "kind", n.kind, network_kinds());
    r.ref("area", n.area, n.meta, Need::required);
    r.ref("convener", n.convener, n.meta);
    r.ref("secretariat", n.secretariat, n.meta);
    if (auto m = r.mapping("chair")) {
        FieldReader c(*m, r.file(), r.diags(), "chair.", r.line_offset());
        c.text("role", n.chair_role, Need::required);
        c.ref("organization", n.chair_organization, n.meta);
        c.finish();
    }
    read_members(r, "members", n.members, n.meta, "members");
    read_members(r, "observers", n.observers, n.meta, "observers");
    r.text("frequency", n.frequency);
    r.date("founded", n.founded);
    for_each_mapping(r, "precursors", "{name: 名前, from: 開始, to: 終了}", [&](FieldReader& e, int) {
        Precursor p;
        e.text("name", p.name, Need::required);
        e.date("from", p.from);
        e.date("to", p.to);
        e.text("note", p.note);
        n.precursors.push_back(std::move(p));
    });
    for_each_mapping(r, "links", "{from: 団体, to: 団体, label: 関係}", [&](FieldReader& e, int line) {
        NetworkLink l;
        l.line = line;
        e.text("from", l.from, Need::required);
        e.text("to", l.to, Need::required);
        e.text("label", l.label, Need::required);
        one_of(e, "label", l.label, network_link_labels());
        n.links.push_back(std::move(l));
    });
    for_each_mapping(r, "meetings", "{date: 日付, title: 名前}", [&](FieldReader& e, int) {
        Meeting m;
        e.date("date", m.date);
        if (m.date.empty() && !e.has("date"))
            e.diags().push_back(make_error("field.missing", e.pos(), "meetings.date がありません", "meetings.date is missing"));
        e.text("title", m.title);
        if (auto am = e.mapping("attendance")) {
            for (const auto& kv : *am) {
                const std::string sector = kv.first.as<std::string>("");
                const std::string value = kv.second.IsScalar() ? kv.second.Scalar() : "";
                const auto count = parse_decimal(value);
                if (sector.empty() || !count || *count < 0 || *count != static_cast<int>(*count) || *count > 100000) {
                    e.diags().push_back(make_error("field.type", node_pos(kv.second, r.file(), r.line_offset()),
                                                   "meetings.attendance は「分野: 人数」で、人数は0以上の整数です",
                                                   "meetings.attendance must map a sector to a whole number of people"));
                    continue;
                }
                m.attendance.emplace_back(sector, static_cast<int>(*count));
            }
        }
        e.texts("agenda", m.agenda);
        e.texts("decisions", m.decisions);
        n.meetings.push_back(std::move(m));
    });
    std::stable_sort(n.meetings.begin(), n.meetings.end(), [](const Meeting& a, const Meeting& b) { return a.date < b.date; });
    for_each_mapping(r, "outputs", "{title: 名前, date: 日付, kind: 種類}", [&](FieldReader& e, int) {
        NetworkOutput o;
        e.text("title", o.title, Need::required);
        e.date("date", o.date);
        e.text("kind", o.kind);
        e.url("url", o.url);
        n.outputs.push_back(std::move(o));
    });
    r.text("description", n.description);
    r.finish();
    return n;
}

CouncilReport read_council_report(FieldReader& r) {
    CouncilReport c;
    r.meta_fields(c.meta);
    r.ref("council", c.council, c.meta, Need::required);
    r.fiscal_year("fiscal_year", c.fiscal_year, Need::required);
    r.text("title", c.title);
    r.text("vision", c.vision, Need::required);
    r.text("summary", c.summary);
    for_each_mapping(r, "needs", "{area: 地域, content_type: 活動の種類, text: 内容}", [&](FieldReader& e, int line) {
        FoundNeed nd;
        nd.line = line;
        e.id("area", nd.area, Need::required);
        e.term("content_type", Vocabulary::content_type, nd.content_type);
        e.date("found", nd.found);
        e.text("how", nd.how);
        e.text("text", nd.text, Need::required);
        c.needs.push_back(std::move(nd));
    });
    for_each_mapping(r, "indicators", "{label: 指標, unit: 単位, values: [...]}", [&](FieldReader& e, int) {
        Indicator ind;
        e.text("label", ind.label, Need::required);
        e.text("unit", ind.unit);
        e.text("source", ind.source, Need::required);
        e.text("scope", ind.scope);
        for_each_mapping(e, "values", "{year: 年度, value: 値}", [&](FieldReader& v, int) {
            IndicatorValue iv;
            v.fiscal_year("year", iv.year, Need::required);
            std::optional<double> value;
            v.number("value", value, -1e15, 1e15);
            if (!value && !v.has("value"))
                v.diags().push_back(make_error("field.missing", v.pos(), "values.value がありません", "values.value is missing"));
            iv.value = value.value_or(0);
            for (const IndicatorValue& seen : ind.values)
                if (seen.year == iv.year && iv.year != 0)
                    v.diags().push_back(make_error("report.indicator_year", v.pos_of("year"),
                                                   "指標「" + ind.label + "」に " + std::to_string(iv.year) + "年度 が2回あります",
                                                   "indicator \"" + ind.label + "\" has fiscal year " + std::to_string(iv.year) + " twice"));
            ind.values.push_back(iv);
        });
        std::stable_sort(ind.values.begin(), ind.values.end(),
                         [](const IndicatorValue& a, const IndicatorValue& b) { return a.year < b.year; });
        c.indicators.push_back(std::move(ind));
    });
    for_each_mapping(r, "computed_indicators", "{label: 指標, content_type: 活動の種類}", [&](FieldReader& e, int) {
        ComputedIndicator ci;
        e.text("label", ci.label, Need::required);
        e.term("content_type", Vocabulary::content_type, ci.content_type, Need::required);
        e.boolean("per_1000_aged_65plus", ci.per_1000_aged_65plus);
        c.computed_indicators.push_back(std::move(ci));
    });
    for_each_mapping(r, "plans", "{text: 計画, area: 地域, content_type: 活動の種類}", [&](FieldReader& e, int line) {
        ReportPlan p;
        p.line = line;
        e.text("text", p.text, Need::required);
        e.id("area", p.area, Need::optional);
        e.term("content_type", Vocabulary::content_type, p.content_type);
        c.plans.push_back(std::move(p));
    });
    r.finish();
    return c;
}

GapMatrixSpec load_gap_matrix(const std::filesystem::path& source_dir, Diagnostics& diags) {
    GapMatrixSpec spec;
    const std::string rel = "data/gap-matrix.yaml";
    std::error_code ec;
    const auto path = source_dir / rel;
    if (!std::filesystem::is_regular_file(path, ec)) return spec;
    auto text = read_text_file(path.string(), rel, diags);
    if (!text) return spec;
    auto doc = parse_yaml_text(*text, rel, diags);
    if (!doc) return spec;
    if (!doc->IsMap()) {
        diags.push_back(make_error("field.type", SourcePos{rel, 1, 1}, "gap-matrix.yaml は「キー: 値」で書いてください",
                                   "gap-matrix.yaml must be a mapping"));
        return spec;
    }
    FieldReader r(*doc, rel, diags);
    spec.pos = r.pos();
    r.text("source", spec.source, Need::required);
    r.text("note", spec.note);
    r.term_list("forms", Vocabulary::form, spec.forms, Need::required);
    if (auto rows = r.mapping("rows")) {
        for (const auto& kv : *rows) {
            const SourcePos at = node_pos(kv.first, rel);
            const std::string label = kv.first.as<std::string>("");
            const Term* t = find_term(Vocabulary::content_type, label);
            if (!t) {
                diags.push_back(make_error("field.value", at, "rows の「" + label + "」は活動の種類ではありません。使える値: " +
                                                                  known_labels(Vocabulary::content_type),
                                           "rows: \"" + label + "\" is not a content type; known values: " +
                                               known_labels(Vocabulary::content_type)));
                continue;
            }
            std::vector<char> marks;
            bool ok = kv.second.IsSequence() && kv.second.size() == spec.forms.size();
            if (ok)
                for (const auto& cell : kv.second) {
                    const std::string m = cell.IsScalar() ? cell.Scalar() : "";
                    if (m == "○" || m == "◯" || m == "〇") marks.push_back('o');
                    else if (m == "△") marks.push_back('t');
                    else if (m == "×" || m == "☓" || m == "✕") marks.push_back('x');
                    else ok = false;
                }
            if (!ok) {
                diags.push_back(make_error("field.value", at,
                                           "rows の「" + label + "」は、forms と同じ数（" + std::to_string(spec.forms.size()) +
                                               "）の ○・△・× のリストで書いてください",
                                           "rows: \"" + label + "\" must be a list of " + std::to_string(spec.forms.size()) +
                                               " marks (○, △ or ×), one per form"));
                continue;
            }
            spec.content_types.emplace_back(t->label);
            spec.suitability.push_back(std::move(marks));
        }
    }
    r.finish();
    spec.present = !spec.forms.empty() && !spec.content_types.empty();
    return spec;
}

}  // namespace tsunagu
