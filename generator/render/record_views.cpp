#include "render/record_views.h"

#include <cstdio>

#include "render/links.h"
#include "text/money.h"
#include "text/schedule_format.h"
#include "text/wareki.h"

namespace tsunagu {

using nlohmann::json;

json contact_view(const Contact& c) {
    json v;
    v["phone"] = c.phone;
    v["phone_href"] = tel_href(c.phone);
    v["phone_note"] = c.phone_note;
    v["fax"] = c.fax;
    v["email"] = c.email;
    v["email_href"] = mailto_href(c.email);
    v["url"] = c.url;
    v["url_href"] = is_http_url(c.url) ? c.url : "";
    v["person_role"] = c.person_role;
    v["present"] = !(c.phone.empty() && c.fax.empty() && c.email.empty() && c.url.empty() && c.person_role.empty());
    return v;
}

// A private home shows only its (already cut) address: its name is often a family name.
json venue_view(const Venue& venue) {
    if (venue.private_home)
        return json{{"present", !venue.address.empty()}, {"name", ""}, {"address", venue.address}, {"address_detail", ""},
                    {"private_home", true}};
    return json{{"present", !(venue.name.empty() && venue.address.empty())},
                {"name", venue.name},
                {"address", venue.address},
                {"address_detail", venue.private_home ? std::string() : venue.address_detail},
                {"private_home", venue.private_home}};
}

json date_view(const Date& d) {
    if (d.empty()) return json{{"present", false}, {"text", ""}, {"iso", ""}};
    // <time datetime> takes "2014" for a year alone, not to_iso's "2014-00".
    std::string iso = d.month == 0 ? std::to_string(d.year) : to_iso(d);
    return json{{"present", true}, {"text", format_date_ja(d)}, {"iso", iso}};
}

json dual_date_view(const Date& d) {
    json v = date_view(d);
    if (d.empty()) return v;
    const std::string wareki = to_wareki(d);
    const std::string seireki = v["text"].get<std::string>();
    if (!wareki.empty() && wareki != seireki) v["text"] = seireki + "（" + wareki + "）";
    return v;
}

json term_links(Vocabulary v, const std::vector<std::string>& labels) {
    json out = json::array();
    for (const std::string& label : labels) {
        const Term* t = find_term(v, label);
        std::string url;
        if (t && v == Vocabulary::content_type) url = category_path(t->slug);
        else if (t && v == Vocabulary::target_people) url = target_path(t->slug);
        out.push_back({{"label", label}, {"url", url}});
    }
    return out;
}

json area_links(const Site& site, const std::vector<int>& area_ixs) {
    json out = json::array();
    for (int a : area_ixs) {
        if (a < 0 || a >= static_cast<int>(site.areas.size())) continue;
        out.push_back({{"name", site.areas[a].name}, {"url", area_path(site.areas[a].meta.id)}});
    }
    return out;
}

std::string yen_text(long long amount) { return amount == 0 ? std::string("無料") : yen_amount(amount); }

std::string count_text(long long n, const char* unit) { return grouped_number(n) + unit; }

std::string figure_text(const Figure& f) {
    const long long tenths = static_cast<long long>(f.value * 10 + (f.value < 0 ? -0.5 : 0.5));
    std::string s = count_text(tenths / 10, "");
    if (tenths % 10) s += "." + std::to_string((tenths < 0 ? -tenths : tenths) % 10);
    return (f.approximate ? "約" : "") + s + f.unit;
}

std::string join_labels(const std::vector<std::string>& labels, const char* sep) {
    std::string out;
    for (const std::string& l : labels) {
        if (!out.empty()) out += sep;
        out += l;
    }
    return out;
}

std::string inactive_status(const std::string& status) {
    return status == "活動中" || status.empty() ? std::string() : status;
}

// Degrees with at most 6 decimals (≈ 10 cm), trailing zeros cut: the same text on every build.
std::string degrees_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    std::string t = buf;
    while (!t.empty() && t.back() == '0') t.pop_back();
    if (!t.empty() && t.back() == '.') t.pop_back();
    return t == "-0" ? "0" : t;
}

json map_point_view(const Venue& venue) {
    if (!venue.geo.present) return false;
    // A private home's point is already rounded (resolve/privacy.cpp); approx makes the map draw an area, not a pin.
    return json{{"lat", degrees_text(venue.geo.lat)}, {"lon", degrees_text(venue.geo.lon)}, {"approx", venue.private_home}};
}

json activity_card(const Site& site, int ix) {
    const Activity& a = site.activities[ix];
    std::vector<std::string> area_names;
    for (int ai : a.areas_ix)
        if (ai >= 0 && ai < static_cast<int>(site.areas.size())) area_names.push_back(site.areas[ai].name);
    return json{{"url", activity_path(a.meta.id)},
                {"name", a.name},
                {"reading", a.reading},
                {"summary", a.summary},
                {"status_note", inactive_status(a.status)},
                {"schedule", format_schedule(a.schedule)},
                {"area_names", join_labels(area_names)},
                {"types", join_labels(a.content_types)},
                {"geo", map_point_view(a.venue)},
                {"confirmed", json{{"present", false}}}};
}

json consultation_card(const Site& site, int ix) {
    const ConsultationPoint& p = site.consultation_points[ix];
    return json{{"url", consultation_path(p.meta.id)},
                {"name", p.name},
                {"reading", p.reading},
                {"summary", p.summary},
                {"generic_type", p.generic_type},
                {"local_alias", p.local_alias},
                {"status_note", inactive_status(p.status)},
                {"hours", format_schedule(p.hours)},
                {"phone", p.contact.phone},
                {"phone_href", tel_href(p.contact.phone)}};
}

json organization_card(const Site& site, int ix) {
    const Organization& o = site.organizations[ix];
    return json{{"url", organization_path(o.meta.id)}, {"name", o.name}, {"reading", o.reading}, {"legal_form", o.legal_form}};
}

}  // namespace tsunagu
