#include "load/record_readers.h"

#include "load/yaml_file.h"
#include "text/codes.h"

namespace tsunagu {

Area read_area(FieldReader& r) {
    Area a;
    r.meta_fields(a.meta);
    r.text("name", a.name, Need::required);
    r.reading("reading", a.reading);
    r.term("level", Vocabulary::area_level, a.level, Need::required);
    r.text("code", a.code);
    if (!a.code.empty() && !valid_municipality_code(a.code)) {
        Diagnostic d = make_error("area.code", r.pos_of("code"),
                                  "全国地方公共団体コード \"" + a.code + "\" が正しくありません（6桁、最後の1桁は検査数字）",
                                  "municipality code \"" + a.code + "\" is invalid (6 digits, the last a check digit)");
        if (a.code.size() >= 5 && a.code.find_first_not_of("0123456789") == std::string::npos)
            d.hint = "検査数字を含めると \"" + a.code.substr(0, 5) + municipality_check_digit(a.code.substr(0, 5)) +
                     "\" です (with its check digit the code is " + a.code.substr(0, 5) +
                     municipality_check_digit(a.code.substr(0, 5)) + ")";
        r.diags().push_back(std::move(d));
    }
    r.ref("parent", a.parent, a.meta);
    r.texts("aliases", a.aliases);
    r.texts("towns", a.towns);
    r.text("description", a.description);
    r.geo("center", a.center);
    r.integer("population", a.population, 0, 100000000);
    r.integer("households", a.households, 0, 100000000);
    r.integer("population_65plus", a.population_65plus, 0, 100000000);
    r.finish();
    return a;
}

void read_legal_form_history(FieldReader& r, std::vector<LegalFormChange>& out) {
    for (const YAML::Node& n : r.sequence("legal_form_history")) {
        if (!n.IsMap()) {
            r.diags().push_back(make_error("field.type", node_pos(n, r.file(), r.line_offset()),
                                           "legal_form_history の各項目は {date: 年月, form: 法人格} で書いてください",
                                           "each legal_form_history entry must be {date: …, form: …}"));
            continue;
        }
        FieldReader e(n, r.file(), r.diags(), "legal_form_history.", r.line_offset());
        LegalFormChange c;
        e.date("date", c.date);
        e.term("form", Vocabulary::legal_form, c.form, Need::required);
        e.finish();
        out.push_back(std::move(c));
    }
}

static void read_links(FieldReader& r, const char* key, std::vector<Link>& out) {
    for (const YAML::Node& n : r.sequence(key)) {
        if (!n.IsMap()) {
            r.diags().push_back(make_error("field.type", node_pos(n, r.file(), r.line_offset()),
                                           std::string(key) + " の各項目は {title: 題名, url: URL} で書いてください",
                                           std::string("each ") + key + " entry must be {title: …, url: …}"));
            continue;
        }
        FieldReader e(n, r.file(), r.diags(), std::string(key) + ".", r.line_offset());
        Link l;
        e.text("title", l.title, Need::required);
        e.url("url", l.url);
        e.finish();
        out.push_back(std::move(l));
    }
}

Organization read_organization(FieldReader& r) {
    Organization o;
    r.meta_fields(o.meta);
    r.text("name", o.name, Need::required);
    r.reading("reading", o.reading);
    r.texts("aliases", o.aliases);
    r.term("legal_form", Vocabulary::legal_form, o.legal_form);
    r.text("corporate_number", o.corporate_number);
    if (!o.corporate_number.empty() && !valid_corporate_number(o.corporate_number)) {
        r.diags().push_back(make_error("field.value", r.pos_of("corporate_number"),
                                       "法人番号 \"" + o.corporate_number + "\" が正しくありません（13桁、先頭は検査数字）",
                                       "corporate number \"" + o.corporate_number + "\" is invalid (13 digits, the first a check digit)"));
        o.corporate_number.clear();
    }
    read_legal_form_history(r, o.legal_form_history);
    r.date("founded", o.founded);
    r.refs("areas_served", o.areas_served, o.meta);
    r.text("description", o.description);
    r.contact("contact", o.contact);
    r.text("address", o.address);
    read_links(r, "disclosures", o.disclosures);
    r.finish();
    return o;
}

static void read_fees(FieldReader& r, std::vector<Fee>& out) {
    for (const YAML::Node& n : r.sequence("fees")) {
        if (!n.IsMap()) {
            r.diags().push_back(make_error("field.type", node_pos(n, r.file(), r.line_offset()),
                                           "fees の各項目は {person: 対象, amount: 金額} で書いてください",
                                           "each fees entry must be {person: …, amount: …}"));
            continue;
        }
        FieldReader e(n, r.file(), r.diags(), "fees.", r.line_offset());
        Fee f;
        e.text("person", f.person);
        e.integer("amount", f.amount_yen, 0, 100000000);
        e.text("note", f.note);
        e.finish();
        out.push_back(std::move(f));
    }
}

void read_photos(FieldReader& r, std::vector<Photo>& out, const char* key) {
    for (const YAML::Node& n : r.sequence(key)) {
        if (!n.IsMap()) {
            r.diags().push_back(make_error("field.type", node_pos(n, r.file(), r.line_offset()),
                                           std::string(key) + " の各項目は {src: ファイル, alt: 説明, credit: 撮影者} で書いてください",
                                           std::string("each ") + key + " entry must be {src: …, alt: …, credit: …}"));
            continue;
        }
        FieldReader e(n, r.file(), r.diags(), std::string(key) + ".", r.line_offset());
        Photo p;
        e.text("src", p.src, Need::required);
        e.text("alt", p.alt, Need::required);
        e.text("credit", p.credit);
        e.finish();
        if (!p.src.empty() && (p.src.find("..") != std::string::npos || p.src[0] == '/' ||
                               p.src.find_first_of(":\\<>\"'`") != std::string::npos)) {
            r.diags().push_back(make_error("field.value", e.pos_of("src"),
                                           "写真のパス \"" + p.src + "\" は使えません（static/ の中のファイル名を書いてください）",
                                           "photo path \"" + p.src + "\" is not allowed: name a file inside static/"));
            continue;
        }
        out.push_back(std::move(p));
    }
}

static void read_accessibility(FieldReader& r, Accessibility& out) {
    auto m = r.mapping("accessibility");
    if (!m) return;
    FieldReader e(*m, r.file(), r.diags(), "accessibility.", r.line_offset());
    e.tri("barrier_free", out.barrier_free);
    e.tri("pickup", out.pickup);
    e.tri("wheelchair_toilet", out.wheelchair_toilet);
    e.text("note", out.note);
    e.finish();
}

Activity read_activity(FieldReader& r) {
    Activity a;
    r.meta_fields(a.meta);
    r.text("name", a.name, Need::required);
    r.reading("reading", a.reading);
    r.texts("aliases", a.aliases);
    r.text("summary", a.summary);
    r.text("description", a.description);
    r.term_list("content_types", Vocabulary::content_type, a.content_types, Need::required);
    r.term("form", Vocabulary::form, a.form);
    r.term("place_type", Vocabulary::place_type, a.place_type);
    r.term_list("target_people", Vocabulary::target_people, a.target_people);
    r.term_list("fields", Vocabulary::field, a.fields);
    r.ref("organization", a.organization, a.meta);
    r.refs("areas", a.areas, a.meta);
    r.venue("venue", a.venue, a.meta);
    r.schedule("schedule", a.schedule);
    read_fees(r, a.fees);
    r.text("fee_note", a.fee_note);
    r.text("eligibility", a.eligibility);
    r.text("registration", a.registration);
    r.integer("capacity", a.capacity, 0, 1000000);
    r.text("booking", a.booking);
    read_accessibility(r, a.accessibility);
    r.texts("languages", a.languages);
    r.contact("contact", a.contact);
    r.term("status", Vocabulary::status, a.status);
    r.date("start_date", a.start_date);
    read_photos(r, a.photos, "photos");
    r.finish();
    return a;
}

ConsultationPoint read_consultation_point(FieldReader& r) {
    ConsultationPoint c;
    r.meta_fields(c.meta);
    r.text("name", c.name, Need::required);
    r.reading("reading", c.reading);
    r.text("generic_type", c.generic_type, Need::required);
    r.text("local_alias", c.local_alias);
    r.texts("aliases", c.aliases);
    r.text("summary", c.summary);
    r.text("description", c.description);
    r.texts("topics", c.topics);
    r.term_list("target_people", Vocabulary::target_people, c.target_people);
    r.refs("areas_covered", c.areas_covered, c.meta);
    r.term_list("channels", Vocabulary::channel, c.channels);
    r.schedule("hours", c.hours);
    r.ref("organization", c.organization, c.meta);
    r.venue("venue", c.venue, c.meta);
    r.contact("contact", c.contact);
    r.text("fee_note", c.fee_note);
    r.term("status", Vocabulary::status, c.status);
    r.finish();
    return c;
}

Difficulty read_difficulty(FieldReader& r) {
    Difficulty d;
    r.meta_fields(d.meta);
    r.text("title", d.title, Need::required);
    r.reading("reading", d.reading);
    r.text("description", d.description);
    r.term_list("content_types", Vocabulary::content_type, d.content_types);
    r.term_list("target_people", Vocabulary::target_people, d.target_people);
    // Free words, matched against the site's consultation points by the check stage (positions kept for it).
    r.texts("topics", d.topics, d.meta);
    r.texts("consultation_types", d.consultation_types, d.meta);
    r.texts("search_words", d.search_words);
    std::optional<int> order;
    r.integer("order", order, -100000, 100000);
    d.order = order.value_or(0);
    r.finish();
    if (d.content_types.empty() && d.topics.empty() && d.consultation_types.empty() && !d.title.empty())
        r.diags().push_back(make_warning("difficulty.empty", r.pos(),
                                         "困りごと「" + d.title + "」から案内する先がありません（content_types か topics か consultation_types を書いてください）",
                                         "difficulty \"" + d.title + "\" leads nowhere: give content_types, topics or consultation_types"));
    return d;
}

SiteConfig read_site_config(FieldReader& r) {
    SiteConfig c;
    c.pos = r.pos();
    r.text("title", c.title, Need::required);
    r.text("description", c.description);
    r.text("municipality_code", c.municipality_code);
    if (!c.municipality_code.empty() && !valid_municipality_code(c.municipality_code))
        r.diags().push_back(make_error("area.code", r.pos_of("municipality_code"),
                                       "全国地方公共団体コード \"" + c.municipality_code + "\" が正しくありません（6桁、最後の1桁は検査数字）",
                                       "municipality code \"" + c.municipality_code + "\" is invalid (6 digits, the last a check digit)"));
    r.url("base_url", c.base_url);
    if (!c.base_url.empty() && c.base_url.back() != '/') c.base_url += '/';
    r.text("language", c.language);
    if (c.language.empty()) c.language = "ja";
    r.text("areas_file", c.areas_file);
    if (c.areas_file.empty()) c.areas_file = "data/areas.yaml";
    r.text("theme", c.theme);
    if (c.theme.empty()) c.theme = "default";
    r.text("publisher", c.publisher);
    r.boolean("sample", c.sample);
    r.finish();
    return c;
}

}  // namespace tsunagu
