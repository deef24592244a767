#include "export/hsds.h"

#include <algorithm>
#include <cstdio>

#include "export/open_data_csv.h"
#include "export/uuid.h"
#include "model/taxonomy.h"
#include "render/links.h"
#include "text/codes.h"

namespace tsunagu {

using nlohmann::json;

namespace {

// The namespace of every tsunagu export id: UUIDv5 of a fixed URL in the RFC 9562 URL namespace.
const UuidBytes& export_namespace() {
    static const UuidBytes ns = [] {
        UuidBytes url_ns{};
        parse_uuid("6ba7b811-9dad-11d1-80b4-00c04fd430c8", url_ns);
        return uuid_v5(url_ns, "https://tsunagu.invalid/open-data/hsds");
    }();
    return ns;
}

std::string hhmm_jst(int minutes) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d+09:00", (minutes / 60) % 100, minutes % 60);
    return buf;
}

std::string day_iso(const Date& d) { return !d.empty() && d.day > 0 ? to_iso(d) : std::string(); }

void set_if(json& j, const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const std::string& s : v) {
        if (s.empty()) continue;
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

const char* service_status(const std::string& status) {
    if (status == "休止中") return "temporarily closed";
    if (status == "終了") return "defunct";
    return "active";
}

// iCalendar BYDAY codes, Monday first (HSDS's wkst is MO).
std::string byday(uint8_t days, const std::vector<int>& nths) {
    static const char* const kCodes[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
    std::vector<std::string> parts;
    const std::vector<int> plain{0};
    for (int n : nths.empty() ? plain : nths)
        for (int d : {1, 2, 3, 4, 5, 6, 0})
            if (days & weekday_bit(d)) parts.push_back((n == 0 ? std::string() : std::to_string(n)) + kCodes[d]);
    return join(parts, ",");
}

// What the RRULE subset cannot say but readers need: holiday and year-end closures, remarks.
std::string schedule_notes(const Schedule& s, const Recurrence* r) {
    std::vector<std::string> parts;
    if (r && r->approximate) parts.push_back("原則として");
    if (s.closed_on_holidays) parts.push_back("祝日は休み");
    if (s.closed_year_end) parts.push_back("年末年始（12月29日〜1月3日）は休み");
    if (!s.except_dates.empty()) {
        std::vector<std::string> dates;
        for (const Date& d : s.except_dates) dates.push_back(to_iso(d));
        parts.push_back("休み: " + join(dates, ", "));
    }
    if (!s.note.empty()) parts.push_back(s.note);
    return join(parts, "。");
}

struct Ids {
    const Site& site;
    std::string operator()(std::string_view kind, std::string_view key) const { return hsds_id(site, kind, key); }
};

// Schedules of one service: one row per rule and time range that HSDS's RRULE subset can state
// (weekly, every n weeks, monthly by nth weekday or by day, held in every month); anything else
// (不定期, a rule for some months only, unreadable text) is carried by the description, which is
// always the original text, in a single row.
void add_schedules(const Ids& id, const Schedule& s, const std::string& owner_key, const std::string& service_id, HsdsTable& rows) {
    if (s.empty() || !rows.keep) return;
    size_t structured = 0;
    if (s.understood) {
        for (size_t i = 0; i < s.rules.size(); ++i) {
            const Recurrence& r = s.rules[i];
            if (r.months != 0) continue;
            json base{{"service_id", service_id}, {"description", s.text}, {"wkst", "MO"}, {"timezone", 9}};
            switch (r.kind) {
                case RecurrenceKind::weekly: base["freq"] = "WEEKLY", base["byday"] = byday(r.weekdays, {}); break;
                case RecurrenceKind::daily: base["freq"] = "WEEKLY", base["byday"] = byday(0x7F, {}); break;
                case RecurrenceKind::every_n_weeks:
                    base["freq"] = "WEEKLY", base["byday"] = byday(r.weekdays, {}), base["interval"] = r.interval_weeks;
                    // The phase of 隔週 is its anchor date; without one the interval alone is ambiguous.
                    if (r.anchor.empty()) continue;
                    base["dtstart"] = to_iso(r.anchor);
                    break;
                case RecurrenceKind::monthly_nth_weekday:
                    base["freq"] = "MONTHLY", base["byday"] = byday(r.weekdays, r.nths);
                    break;
                case RecurrenceKind::monthly_day: {
                    std::vector<std::string> days;
                    for (int d : r.month_days) days.push_back(std::to_string(d));
                    base["freq"] = "MONTHLY", base["bymonthday"] = join(days, ",");
                    break;
                }
                case RecurrenceKind::irregular:
                case RecurrenceKind::days_unstated: continue;
            }
            if (base.contains("byday") && base["byday"].get_ref<const std::string&>().empty()) continue;
            set_if(base, "valid_from", day_iso(s.valid_from));
            set_if(base, "valid_to", day_iso(s.valid_until));
            set_if(base, "notes", schedule_notes(s, &r));
            std::vector<TimeRange> times = r.times;
            if (times.empty()) times.push_back(TimeRange{});
            for (size_t k = 0; k < times.size(); ++k) {
                json row = base;
                row["id"] = id("schedule", owner_key + "/" + std::to_string(i) + "/" + std::to_string(k));
                if (times[k].start >= 0) row["opens_at"] = hhmm_jst(times[k].start);
                if (times[k].end >= 0) row["closes_at"] = hhmm_jst(times[k].end);
                rows.add(row);
                ++structured;
            }
        }
    }
    if (structured == 0) {
        json row{{"id", id("schedule", owner_key + "/text")}, {"service_id", service_id}, {"description", s.text}};
        set_if(row, "valid_from", day_iso(s.valid_from));
        set_if(row, "valid_to", day_iso(s.valid_until));
        set_if(row, "notes", schedule_notes(s, nullptr));
        rows.add(row);
    }
}

HsdsTable named(const char* object, const char* file, const char* title) {
    HsdsTable t;
    t.object = object;
    t.file = file;
    t.title = title;
    return t;
}

struct Tables {
    HsdsTable organizations = named("organization", "organizations.json", "団体");
    HsdsTable organization_identifiers = named("organization_identifier", "organization_identifiers.json", "団体の識別子・法人番号");
    HsdsTable services = named("service", "services.json", "サービス（活動・相談窓口）");
    HsdsTable locations = named("location", "locations.json", "場所");
    HsdsTable addresses = named("address", "addresses.json", "住所");
    HsdsTable service_at_locations = named("service_at_location", "service_at_locations.json", "サービスと場所の対応");
    HsdsTable schedules = named("schedule", "schedules.json", "開催日時");
    HsdsTable cost_options = named("cost_option", "cost_options.json", "参加費");
    HsdsTable contacts = named("contact", "contacts.json", "問い合わせ先");
    HsdsTable phones = named("phone", "phones.json", "電話・FAX");
    HsdsTable accessibility = named("accessibility", "accessibility.json", "バリアフリー");
    HsdsTable taxonomies = named("taxonomy", "taxonomies.json", "分類");
    HsdsTable taxonomy_terms = named("taxonomy_term", "taxonomy_terms.json", "分類の項目");
    HsdsTable attributes = named("attribute", "attributes.json", "サービスの分類");
};

// Phones and contacts of one owner (a service or an organization): only what the record
// publishes; a private-home note never gets here (check refuses it).
void add_contact_rows(const Ids& id, const Contact& c, const char* owner_field, const std::string& owner_id,
                      const std::string& owner_key, Tables& t) {
    if (t.phones.keep && !c.phone.empty()) {
        json p{{"id", id("phone", owner_key + "/phone")}, {owner_field, owner_id}, {"number", c.phone}, {"type", "voice"}};
        set_if(p, "description", c.phone_note);
        t.phones.add(std::move(p));
    }
    if (t.phones.keep && !c.fax.empty())
        t.phones.add(json{{"id", id("phone", owner_key + "/fax")}, {owner_field, owner_id}, {"number", c.fax}, {"type", "fax"}});
    const bool email = !mailto_href(c.email).empty();
    if (t.contacts.keep && (!c.person_role.empty() || email)) {
        // HSDS's contact.name is a person's name; tsunagu publishes roles only, so the role is the title.
        json row{{"id", id("contact", owner_key)}, {owner_field, owner_id}};
        set_if(row, "title", c.person_role);
        if (email) row["email"] = c.email;
        t.contacts.add(row);
    }
}

// A record's venue as a location with its address and accessibility; returns the location id or "".
std::string add_location(const Ids& id, const Site& site, const Venue& v, const Accessibility* access,
                         const std::vector<int>& areas_ix, const std::string& org_id, const std::string& owner_key, Tables& t) {
    if (v.name.empty() && v.address.empty() && !v.geo.present) return {};
    const std::string loc_id = id("location", owner_key);
    if (t.locations.keep) {
        json loc{{"id", loc_id}, {"location_type", "physical"}};
        // A private home's venue name ("世話人の自宅") says nothing a reader can use and the address
        // and point were already coarsened by resolve/privacy; the description says why they are vague.
        if (v.private_home) loc["description"] = "個人宅のため、住所は町丁目まで、位置は約500mの精度で示しています。";
        else set_if(loc, "name", v.name);
        if (v.geo.present) {
            loc["latitude"] = v.geo.lat;
            loc["longitude"] = v.geo.lon;
        }
        set_if(loc, "organization_id", org_id);
        t.locations.add(std::move(loc));
    }

    if (t.addresses.keep && !v.address.empty()) {
        int code_area = -1;
        const std::string code = municipality_code_for(site, areas_ix.empty() ? -1 : areas_ix.front(), &code_area);
        std::string city;
        if (code_area >= 0) city = site.areas[code_area].name;
        else
            for (const Area& a : site.areas)
                if (!code.empty() && a.code == code) city = a.name;
        // postal_code is required by HSDS but tsunagu's data has no postal codes: written empty.
        json addr{{"id", id("address", owner_key)}, {"location_id", loc_id}, {"address_1", v.address}, {"city", city},
                  {"state_province", std::string(prefecture_name(code))}, {"postal_code", ""}, {"country", "JP"},
                  {"address_type", "physical"}};
        if (!v.private_home) set_if(addr, "address_2", v.address_detail);
        t.addresses.add(std::move(addr));
    }

    if (access && t.accessibility.keep) {
        std::vector<std::string> parts;
        auto say = [&](Tri value, const char* what) {
            if (value == Tri::yes) parts.push_back(std::string(what) + "あり");
            else if (value == Tri::no) parts.push_back(std::string(what) + "なし");
        };
        say(access->barrier_free, "バリアフリー");
        say(access->wheelchair_toilet, "車いす用トイレ");
        say(access->pickup, "送迎");
        if (!parts.empty() || !access->note.empty()) {
            json row{{"id", id("accessibility", owner_key)}, {"location_id", loc_id}};
            set_if(row, "description", join(parts, "、"));
            set_if(row, "details", access->note);
            t.accessibility.add(row);
        }
    }
    return loc_id;
}

// The vocabularies that classify services, with the HSDS link_type their attributes use.
struct TaxonomyInfo {
    Vocabulary v;
    const char* title;
};
constexpr TaxonomyInfo kTaxonomies[] = {
    {Vocabulary::content_type, "活動の内容"}, {Vocabulary::target_people, "対象"}, {Vocabulary::form, "活動の形態"},
    {Vocabulary::place_type, "居場所の種類"}, {Vocabulary::field, "分野"},         {Vocabulary::channel, "相談方法"},
};

void add_attributes(const Ids& id, Vocabulary v, const std::vector<std::string>& labels, const std::string& service_id,
                    const std::string& owner_key, Tables& t) {
    if (!t.attributes.keep) return;
    for (const std::string& label : labels) {
        const Term* term = find_term(v, label);
        if (!term) continue;
        const std::string vocab(vocabulary_name(v));
        t.attributes.add(json{{"id", id("attribute", owner_key + "/" + vocab + "/" + std::string(term->slug))},
                                         {"link_id", service_id},
                                         {"link_type", vocab},
                                         {"link_entity", "service"},
                                         {"taxonomy_term_id", id("taxonomy_term", vocab + "/" + std::string(term->slug))},
                                         {"label", std::string(term->label)}});
    }
}

std::string description_of(const std::string& summary, const std::string& markdown) {
    if (summary.empty()) return markdown;
    if (markdown.empty()) return summary;
    return summary + "\n\n" + markdown;
}

}  // namespace

std::string hsds_id(const Site& site, std::string_view kind, std::string_view key) {
    std::string name = site.config.municipality_code;
    name += '/';
    name += kind;
    name += '/';
    name += key;
    return format_uuid(uuid_v5(export_namespace(), name));
}

namespace {

// One pass over every record: each row is built and counted; only tables with keep get text.
void build_tables(const Site& site, const std::string& base_url, Tables& t) {
    const Ids id{site};

    for (const TaxonomyInfo& info : kTaxonomies) {
        if (!t.taxonomies.keep && !t.taxonomy_terms.keep) break;
        const std::string vocab(vocabulary_name(info.v));
        const std::string tax_id = id("taxonomy", vocab);
        t.taxonomies.add(json{{"id", tax_id},
                                         {"name", "tsunagu " + vocab},
                                         {"description", std::string(info.title) + "（tsunagu の語彙。opendata/codes.csv と同じ）"},
                                         {"version", "1"}});
        for (const Term& term : terms(info.v))
            t.taxonomy_terms.add(json{{"id", id("taxonomy_term", vocab + "/" + std::string(term.slug))},
                                                 {"code", std::string(term.slug)},
                                                 {"name", std::string(term.label)},
                                                 {"description", std::string(term.en)},
                                                 {"taxonomy_id", tax_id},
                                                 {"taxonomy", "tsunagu " + vocab},
                                                 {"language", "ja"}});
    }

    for (const Organization& o : site.organizations) {
        const std::string key = "organization:" + o.meta.id;
        const std::string org_id = id("organization", o.meta.id);
        if (t.organizations.keep) {
        json row{{"id", org_id}, {"name", o.name}};
        // description is required; an organization without one is described by its legal form.
        row["description"] = !o.description.empty() ? o.description : o.legal_form.empty() ? o.name : o.name + "（" + o.legal_form + "）";
        set_if(row, "alternate_name", join(o.aliases, "、"));
        if (!mailto_href(o.contact.email).empty()) row["email"] = o.contact.email;
        if (is_http_url(o.contact.url)) row["website"] = o.contact.url;
        set_if(row, "legal_status", o.legal_form);
        if (!o.founded.empty()) row["year_incorporated"] = o.founded.year;
        set_if(row, "uri", absolute_url(base_url, organization_path(o.meta.id)));
        t.organizations.add(row);
        }
        if (t.organization_identifiers.keep && !o.corporate_number.empty())
            t.organization_identifiers.add(json{{"id", id("organization_identifier", o.meta.id)},
                                                           {"organization_id", org_id},
                                                           {"identifier_scheme", "JP-JCN"},
                                                           {"identifier_type", "法人番号"},
                                                           {"identifier", o.corporate_number}});
        add_contact_rows(id, o.contact, "organization_id", org_id, key, t);
    }

    auto org_id_of = [&](int ix) { return ix >= 0 ? id("organization", site.organizations[ix].meta.id) : std::string(); };

    for (const Activity& a : site.activities) {
        const std::string key = "activity:" + a.meta.id;
        const std::string svc_id = id("service", key);
        const std::string org_id = org_id_of(a.organization_ix);
        if (t.services.keep) {
        json row{{"id", svc_id}, {"name", a.name}, {"status", service_status(a.status)}};
        set_if(row, "organization_id", org_id);
        set_if(row, "alternate_name", join(a.aliases, "、"));
        set_if(row, "description", description_of(a.summary, a.description));
        set_if(row, "url", absolute_url(base_url, activity_path(a.meta.id)));
        if (!mailto_href(a.contact.email).empty()) row["email"] = a.contact.email;
        set_if(row, "eligibility_description", a.eligibility);
        set_if(row, "fees_description", a.fee_note);
        std::vector<std::string> process;
        if (!a.booking.empty()) process.push_back("予約：" + a.booking);
        if (!a.registration.empty()) process.push_back("登録：" + a.registration);
        set_if(row, "application_process", join(process, "。"));
        set_if(row, "assured_date", day_iso(a.meta.last_confirmed));
        if (a.status != "活動中") row["alert"] = a.status + "です。";
        t.services.add(row);
        }

        const std::string loc_id = add_location(id, site, a.venue, &a.accessibility, a.areas_ix, org_id, key, t);
        if (t.service_at_locations.keep && !loc_id.empty())
            t.service_at_locations.add(json{{"id", id("service_at_location", key)}, {"service_id", svc_id}, {"location_id", loc_id}});
        add_schedules(id, a.schedule, key, svc_id, t.schedules);
        for (size_t i = 0; t.cost_options.keep && i < a.fees.size(); ++i) {
            const Fee& f = a.fees[i];
            json c{{"id", id("cost_option", key + "/" + std::to_string(i))}, {"service_id", svc_id}, {"currency", "JPY"}};
            // HSDS 3.0 has no eligibility on a cost option; option ("conditions") says who pays it.
            set_if(c, "option", f.person);
            if (f.amount_yen) c["amount"] = *f.amount_yen;
            set_if(c, "amount_description", f.note);
            t.cost_options.add(std::move(c));
        }
        add_contact_rows(id, a.contact, "service_id", svc_id, key, t);
        add_attributes(id, Vocabulary::content_type, a.content_types, svc_id, key, t);
        add_attributes(id, Vocabulary::target_people, a.target_people, svc_id, key, t);
        add_attributes(id, Vocabulary::form, {a.form}, svc_id, key, t);
        add_attributes(id, Vocabulary::place_type, {a.place_type}, svc_id, key, t);
        add_attributes(id, Vocabulary::field, a.fields, svc_id, key, t);
    }

    for (const ConsultationPoint& c : site.consultation_points) {
        const std::string key = "consultation:" + c.meta.id;
        const std::string svc_id = id("service", key);
        const std::string org_id = org_id_of(c.organization_ix);
        if (t.services.keep) {
        json row{{"id", svc_id}, {"name", c.name}, {"status", service_status(c.status)}};
        set_if(row, "organization_id", org_id);
        std::vector<std::string> names;
        if (!c.local_alias.empty()) names.push_back(c.local_alias);
        for (const std::string& al : c.aliases) names.push_back(al);
        set_if(row, "alternate_name", join(names, "、"));
        std::string desc = description_of(c.summary, c.description);
        if (!c.topics.empty()) desc += (desc.empty() ? "" : "\n\n") + std::string("相談できること：") + join(c.topics, "、");
        set_if(row, "description", desc);
        set_if(row, "url", absolute_url(base_url, consultation_path(c.meta.id)));
        if (!mailto_href(c.contact.email).empty()) row["email"] = c.contact.email;
        set_if(row, "fees_description", c.fee_note);
        set_if(row, "application_process", c.channels.empty() ? std::string() : "相談方法：" + join(c.channels, "、"));
        set_if(row, "assured_date", day_iso(c.meta.last_confirmed));
        if (c.status != "活動中") row["alert"] = c.status + "です。";
        t.services.add(row);
        }

        const std::string loc_id = add_location(id, site, c.venue, nullptr, c.areas_covered_ix, org_id, key, t);
        if (t.service_at_locations.keep && !loc_id.empty())
            t.service_at_locations.add(json{{"id", id("service_at_location", key)}, {"service_id", svc_id}, {"location_id", loc_id}});
        add_schedules(id, c.hours, key, svc_id, t.schedules);
        add_contact_rows(id, c.contact, "service_id", svc_id, key, t);
        add_attributes(id, Vocabulary::target_people, c.target_people, svc_id, key, t);
        add_attributes(id, Vocabulary::channel, c.channels, svc_id, key, t);
    }

}

std::vector<HsdsTable*> all_tables(Tables& t) {
    return {&t.organizations, &t.organization_identifiers, &t.services, &t.locations, &t.addresses, &t.service_at_locations,
            &t.schedules, &t.cost_options, &t.contacts, &t.phones, &t.accessibility, &t.taxonomies, &t.taxonomy_terms,
            &t.attributes};
}

}  // namespace

void HsdsTable::add(const json& row) {
    ++rows;
    if (!keep) return;
    text += rows == 1 ? "[\n" : ",\n";
    text += row.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string_view HsdsTable::finish() {
    text += rows == 0 ? "[]\n" : "\n]\n";
    return text;
}

std::vector<HsdsTable> hsds_tables(const Site& site, const std::string& base_url,
                                   const std::function<void(HsdsTable&)>& sink) {
    std::vector<HsdsTable> out;
    // The biggest tables get passes of their own; a pass builds only the rows of the tables it keeps.
    for (int pass = 0; pass < 3; ++pass) {
        Tables t;
        for (HsdsTable* table : all_tables(t))
            table->keep = pass == 0 ? table == &t.attributes : pass == 1 ? table == &t.services : table != &t.attributes && table != &t.services;
        build_tables(site, base_url, t);
        for (HsdsTable* table : all_tables(t)) {
            if (!table->keep) continue;
            sink(*table);
            table->text = std::string();
            out.push_back(std::move(*table));
        }
    }
    // Back to the fixed order of all_tables for the index.
    Tables order;
    auto rank = [&](const HsdsTable& x) {
        int i = 0;
        for (const HsdsTable* table : all_tables(order)) {
            if (table->object == x.object) return i;
            ++i;
        }
        return i;
    };
    std::stable_sort(out.begin(), out.end(), [&](const HsdsTable& a, const HsdsTable& b) { return rank(a) < rank(b); });
    return out;
}

std::string hsds_datapackage_json(const Site& site, const std::vector<HsdsTable>& tables) {
    json resources = json::array();
    for (const HsdsTable& t : tables)
        resources.push_back(json{{"name", t.object},
                                 {"path", t.file},
                                 {"title", t.title},
                                 {"format", "json"},
                                 {"mediatype", "application/json"},
                                 {"encoding", "utf-8"},
                                 {"schema", "https://github.com/openreferral/specification/blob/3.0/schema/" + t.object + ".json"},
                                 {"count", t.rows}});
    json pkg{{"profile", "data-package"},
             {"name", "tsunagu-hsds"},
             {"title", site.config.title.empty() ? std::string("HSDS 3.0") : site.config.title + " HSDS 3.0"},
             {"description", "Open Referral HSDS 3.0 の表形式（一つの表を一つのJSON配列に）。行は *_id で結びつきます。"},
             {"hsds_version", "3.0"},
             {"resources", std::move(resources)}};
    if (!site.config.publisher.empty()) pkg["publisher"] = site.config.publisher;
    return pkg.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace tsunagu
