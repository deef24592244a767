#include "index/search_records.h"

#include <cmath>

#include "index/schedule_json.h"
#include "model/taxonomy.h"
#include "render/links.h"
#include "render/record_views.h"

namespace tsunagu {

namespace {

long long e5(double degrees) { return std::llround(degrees * 100000.0); }

std::string area_names(const Site& site, const std::vector<int>& area_ixs) {
    std::string out;
    for (int a : area_ixs) {
        if (a < 0 || a >= static_cast<int>(site.areas.size())) continue;
        if (!out.empty()) out += "、";
        out += site.areas[a].name;
    }
    return out;
}

uint32_t term_bits(Vocabulary v, const std::vector<std::string>& labels) {
    uint32_t bits = 0;
    for (const std::string& l : labels)
        if (int t = term_index(v, l); t >= 0 && t < 31) bits |= 1u << t;
    return bits;
}

int weekday_bits(const Schedule& s) {
    if (!s.understood) return 0;
    int bits = 0;
    for (const Recurrence& r : s.rules) switch (r.kind) {
            case RecurrenceKind::daily: bits |= 0x7f; break;
            case RecurrenceKind::weekly:
            case RecurrenceKind::monthly_nth_weekday:
            case RecurrenceKind::every_n_weeks:
            case RecurrenceKind::irregular: bits |= r.weekdays; break;
            default: break;
        }
    return bits;
}

int time_of_day_bits(const Schedule& s) {
    int bits = 0;
    for (const Recurrence& r : s.rules)
        for (const TimeRange& t : r.times) {
            if (t.start < 0) continue;
            bits |= t.start < 12 * 60 ? 1 : t.start < 17 * 60 ? 2 : 4;
        }
    return bits;
}

// Free when every stated fee is 0 yen, or no amount is stated and the note says 無料;
// paid when any stated fee is above 0; otherwise unknown.
int fee_code(const std::vector<Fee>& fees, const std::string& note) {
    bool any = false, paid = false;
    for (const Fee& f : fees)
        if (f.amount_yen) {
            any = true;
            paid |= *f.amount_yen > 0;
        }
    if (paid) return 2;
    if (any) return 1;
    return note.find("無料") != std::string::npos ? 1 : 0;
}

int access_bits(const Accessibility& a) {
    return (a.barrier_free == Tri::yes ? 1 : 0) | (a.pickup == Tri::yes ? 2 : 0) | (a.wheelchair_toilet == Tri::yes ? 4 : 0);
}

// The schedule as schedule_json, or 0 (short) when nothing can be computed from it.
nlohmann::json schedule_value(const Schedule& s) {
    nlohmann::json j = schedule_json(s);
    return j.is_null() ? nlohmann::json(0) : j;
}

nlohmann::json vocabulary(Vocabulary v) {
    nlohmann::json out = nlohmann::json::array();
    for (const Term& t : terms(v)) out.push_back({std::string(t.slug), std::string(t.label)});
    return out;
}

}  // namespace

nlohmann::json search_meta_row(const Site& site, size_t doc) {
    if (doc < site.activities.size()) {
        const Activity& a = site.activities[doc];
        const GeoPoint& g = a.venue.geo;
        return {a.meta.id, a.name, activity_path(a.meta.id), 0, join_labels(a.content_types), area_names(site, a.areas_ix),
                a.summary, a.reading, schedule_value(a.schedule), g.present ? e5(g.lat) : 0, g.present ? e5(g.lon) : 0,
                a.venue.private_home ? 1 : 0, a.status};
    }
    if (doc >= site.activities.size() + site.consultation_points.size()) {
        const Organization& o = site.organizations[doc - site.activities.size() - site.consultation_points.size()];
        return {o.meta.id, o.name, organization_path(o.meta.id), 2, o.legal_form, area_names(site, o.areas_served_ix),
                "", o.reading, 0, 0, 0, 0, ""};
    }
    const ConsultationPoint& c = site.consultation_points[doc - site.activities.size()];
    const GeoPoint& g = c.venue.geo;
    std::string type = c.local_alias.empty() ? c.generic_type : c.local_alias;
    if (type.empty()) type = "相談窓口";
    return {c.meta.id, c.name, consultation_path(c.meta.id), 1, type, area_names(site, c.areas_covered_ix),
            c.summary, c.reading, schedule_value(c.hours), g.present ? e5(g.lat) : 0, g.present ? e5(g.lon) : 0,
            c.venue.private_home ? 1 : 0, c.status};
}

nlohmann::json search_facet_columns(const Site& site, size_t begin, size_t end) {
    nlohmann::json k = nlohmann::json::array(), ct = k, fm = k, tg = k, ar = k, wd = k, td = k, fe = k, ac = k, st = k, la = k,
                   lo = k, sc = k;
    for (size_t doc = begin; doc < end; ++doc) {
        if (doc < site.activities.size()) {
            const Activity& a = site.activities[doc];
            const uint32_t types = term_bits(Vocabulary::content_type, a.content_types);
            k.push_back(0);
            ct.push_back(types ? types : 1u << 31);
            fm.push_back(term_index(Vocabulary::form, a.form));
            tg.push_back(term_bits(Vocabulary::target_people, a.target_people));
            ar.push_back(a.areas_ix);
            wd.push_back(weekday_bits(a.schedule));
            td.push_back(time_of_day_bits(a.schedule));
            fe.push_back(fee_code(a.fees, a.fee_note));
            ac.push_back(access_bits(a.accessibility));
            st.push_back(term_index(Vocabulary::status, a.status));
            la.push_back(a.venue.geo.present ? e5(a.venue.geo.lat) : 0);
            lo.push_back(a.venue.geo.present ? e5(a.venue.geo.lon) : 0);
            sc.push_back(schedule_value(a.schedule));
        } else if (doc >= site.activities.size() + site.consultation_points.size()) {
            const Organization& o = site.organizations[doc - site.activities.size() - site.consultation_points.size()];
            k.push_back(2);
            ct.push_back(1u << 31);
            fm.push_back(-1);
            tg.push_back(0);
            ar.push_back(o.areas_served_ix);
            for (nlohmann::json* col : {&wd, &td, &fe, &ac, &la, &lo, &sc}) col->push_back(0);
            st.push_back(-1);
        } else {
            const ConsultationPoint& c = site.consultation_points[doc - site.activities.size()];
            k.push_back(1);
            ct.push_back(1u << 31);
            fm.push_back(-1);
            tg.push_back(term_bits(Vocabulary::target_people, c.target_people));
            ar.push_back(c.areas_covered_ix);
            wd.push_back(weekday_bits(c.hours));
            td.push_back(time_of_day_bits(c.hours));
            fe.push_back(fee_code({}, c.fee_note));
            ac.push_back(0);
            st.push_back(term_index(Vocabulary::status, c.status));
            la.push_back(c.venue.geo.present ? e5(c.venue.geo.lat) : 0);
            lo.push_back(c.venue.geo.present ? e5(c.venue.geo.lon) : 0);
            sc.push_back(schedule_value(c.hours));
        }
    }
    return {{"k", k}, {"ct", ct}, {"fm", fm}, {"tg", tg}, {"ar", ar}, {"wd", wd}, {"td", td},
            {"fe", fe}, {"ac", ac}, {"st", st}, {"la", la}, {"lo", lo}, {"sc", sc}};
}

nlohmann::json search_manifest_vocabularies(const Site& site) {
    nlohmann::json areas = nlohmann::json::array();
    for (const Area& a : site.areas)
        areas.push_back({a.meta.id, a.name, a.parent_ix, a.center.present ? e5(a.center.lat) : 0,
                         a.center.present ? e5(a.center.lon) : 0, a.towns, a.reading});
    return {{"content_types", vocabulary(Vocabulary::content_type)},
            {"forms", vocabulary(Vocabulary::form)},
            {"targets", vocabulary(Vocabulary::target_people)},
            {"statuses", vocabulary(Vocabulary::status)},
            {"areas", areas}};
}

}  // namespace tsunagu
