#include "render/json_ld.h"

#include <cstdio>

#include "render/links.h"
#include "text/schedule_schema_org.h"

namespace tsunagu {

using nlohmann::json;

namespace {

json postal_address(const std::string& address) {
    return json{{"@type", "PostalAddress"}, {"streetAddress", address}, {"addressCountry", "JP"}};
}

// Private homes never get coordinates, even rounded ones: a point on a map is too exact.
json place(const Venue& v) {
    json p{{"@type", "Place"}};
    if (!v.name.empty() && !v.private_home) p["name"] = v.name;
    if (!v.address.empty()) p["address"] = postal_address(v.address);
    if (v.geo.present && !v.private_home)
        p["geo"] = json{{"@type", "GeoCoordinates"}, {"latitude", v.geo.lat}, {"longitude", v.geo.lon}};
    return p;
}

void add_contact(json& j, const Contact& c) {
    if (!c.phone.empty()) j["telephone"] = c.phone;
    if (!c.fax.empty()) j["faxNumber"] = c.fax;
    if (!mailto_href(c.email).empty()) j["email"] = c.email;
    if (is_http_url(c.url)) j["sameAs"] = c.url;
}

const char* organization_type(const std::string& legal_form) {
    if (legal_form == "行政") return "GovernmentOrganization";
    if (legal_form == "株式会社" || legal_form == "合同会社") return "Corporation";
    if (legal_form == "協同組合" || legal_form == "医療法人" || legal_form.empty()) return "Organization";
    return "NGO";  // NPOs, foundations, associations, 社協, 自治会 and voluntary groups
}

json organization_ref(const Site& site, int org_ix, const std::string& base_url) {
    const Organization& o = site.organizations[org_ix];
    json j{{"@type", organization_type(o.legal_form)}, {"name", o.name}};
    std::string url = absolute_url(base_url, organization_path(o.meta.id));
    if (!url.empty()) j["url"] = url;
    return j;
}

std::string hhmm(int minutes) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 100, minutes % 60);
    return buf;
}

}  // namespace

json opening_hours(const Schedule& s) {
    static const char* kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    json out = json::array();
    if (!s.understood) return out;
    for (const Recurrence& r : s.rules) {
        uint8_t days = 0;
        if (r.kind == RecurrenceKind::daily) days = 0x7F;
        else if (r.kind == RecurrenceKind::weekly) days = r.weekdays;
        if (days == 0) continue;
        json day_list = json::array();
        for (int d = 0; d < 7; ++d)
            if (days & weekday_bit(d)) day_list.push_back(std::string("https://schema.org/") + kDays[d]);
        for (const TimeRange& t : r.times) {
            if (t.start < 0 || t.end < 0) continue;
            json spec{{"@type", "OpeningHoursSpecification"}, {"dayOfWeek", day_list}, {"opens", hhmm(t.start)}, {"closes", hhmm(t.end)}};
            if (!s.valid_from.empty() && s.valid_from.day > 0) spec["validFrom"] = to_iso(s.valid_from);
            if (!s.valid_until.empty() && s.valid_until.day > 0) spec["validThrough"] = to_iso(s.valid_until);
            out.push_back(std::move(spec));
        }
    }
    return out;
}

json activity_json_ld(const Site& site, int ix, const std::string& base_url) {
    const Activity& a = site.activities[ix];
    const bool has_venue = !a.venue.name.empty() || !a.venue.address.empty();
    // A 居場所 with a fixed venue is a place people go to; everything else is a recurring event.
    const bool is_place = has_venue && !a.place_type.empty() && a.place_type != "訪問型";
    json j{{"@context", "https://schema.org"}, {"@type", is_place ? json::array({"Place", "CivicStructure"}) : json("Event")},
           {"name", a.name}};
    std::string url = absolute_url(base_url, activity_path(a.meta.id));
    if (!url.empty()) {
        j["@id"] = url;
        j["url"] = url;
    }
    if (!a.summary.empty()) j["description"] = a.summary;
    if (!a.aliases.empty()) j["alternateName"] = a.aliases;
    if (!a.contact.phone.empty()) j["telephone"] = a.contact.phone;

    json schedule = schedule_to_schema_org(a.schedule);
    json offers = json::array();
    for (const Fee& f : a.fees) {
        if (!f.amount_yen) continue;
        json offer{{"@type", "Offer"}, {"price", *f.amount_yen}, {"priceCurrency", "JPY"}};
        if (!f.person.empty()) offer["name"] = f.person;
        if (!f.note.empty()) offer["description"] = f.note;
        offers.push_back(std::move(offer));
    }

    if (is_place) {
        if (!a.venue.address.empty()) j["address"] = postal_address(a.venue.address);
        if (a.venue.geo.present && !a.venue.private_home)
            j["geo"] = json{{"@type", "GeoCoordinates"}, {"latitude", a.venue.geo.lat}, {"longitude", a.venue.geo.lon}};
        // A place's own hours where the model can state them; its gatherings as an Event.
        json hours = opening_hours(a.schedule);
        if (!hours.empty()) j["openingHoursSpecification"] = hours;
        if (!schedule.empty() || !offers.empty()) {
            json ev{{"@type", "Event"}, {"name", a.name}};
            if (!schedule.empty()) ev["eventSchedule"] = schedule;
            if (!offers.empty()) ev["offers"] = offers;
            if (a.organization_ix >= 0) ev["organizer"] = organization_ref(site, a.organization_ix, base_url);
            if (!url.empty()) ev["location"] = json{{"@id", url}};
            j["event"] = std::move(ev);
        }
    } else {
        if (!schedule.empty()) j["eventSchedule"] = schedule;
        if (has_venue) j["location"] = place(a.venue);
        if (a.organization_ix >= 0) j["organizer"] = organization_ref(site, a.organization_ix, base_url);
        if (!offers.empty()) j["offers"] = offers;
        j["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode";
        if (a.status == "休止中") j["eventStatus"] = "https://schema.org/EventPostponed";
        else if (a.status == "終了") j["eventStatus"] = "https://schema.org/EventCancelled";
        else j["eventStatus"] = "https://schema.org/EventScheduled";
    }
    return j;
}

json organization_json_ld(const Site& site, int ix, const std::string& base_url) {
    const Organization& o = site.organizations[ix];
    json j{{"@context", "https://schema.org"}, {"@type", organization_type(o.legal_form)}, {"name", o.name}};
    std::string url = absolute_url(base_url, organization_path(o.meta.id));
    if (!url.empty()) {
        j["@id"] = url;
        j["url"] = url;
    }
    if (!o.aliases.empty()) j["alternateName"] = o.aliases;
    if (!o.address.empty()) j["address"] = postal_address(o.address);
    add_contact(j, o.contact);
    if (!o.corporate_number.empty())
        j["identifier"] = json{{"@type", "PropertyValue"}, {"propertyID", "JP-JCN"}, {"value", o.corporate_number}};
    if (!o.founded.empty()) j["foundingDate"] = to_iso(o.founded);
    json areas = json::array();
    for (int a : o.areas_served_ix)
        if (a >= 0 && a < static_cast<int>(site.areas.size()))
            areas.push_back({{"@type", "AdministrativeArea"}, {"name", site.areas[a].name}});
    if (!areas.empty()) j["areaServed"] = areas;
    return j;
}

json consultation_json_ld(const Site& site, int ix, const std::string& base_url) {
    const ConsultationPoint& p = site.consultation_points[ix];
    bool government = p.organization_ix >= 0 && site.organizations[p.organization_ix].legal_form == "行政";
    json j{{"@context", "https://schema.org"}, {"@type", government ? "GovernmentService" : "Service"}, {"name", p.name}};
    std::string url = absolute_url(base_url, consultation_path(p.meta.id));
    if (!url.empty()) {
        j["@id"] = url;
        j["url"] = url;
    }
    if (!p.generic_type.empty()) j["serviceType"] = p.generic_type;
    if (!p.summary.empty()) j["description"] = p.summary;
    json alt = json::array();
    if (!p.local_alias.empty()) alt.push_back(p.local_alias);
    for (const std::string& a : p.aliases) alt.push_back(a);
    if (!alt.empty()) j["alternateName"] = alt;
    json areas = json::array();
    for (int a : p.areas_covered_ix)
        if (a >= 0 && a < static_cast<int>(site.areas.size()))
            areas.push_back({{"@type", "AdministrativeArea"}, {"name", site.areas[a].name}});
    if (!areas.empty()) j["areaServed"] = areas;
    json hours = opening_hours(p.hours);
    if (!hours.empty()) j["hoursAvailable"] = hours;
    if (p.organization_ix >= 0) {
        json provider = organization_ref(site, p.organization_ix, base_url);
        j[government ? "serviceOperator" : "provider"] = provider;
        if (government) j["provider"] = provider;
    }
    json channel{{"@type", "ServiceChannel"}};
    if (!p.contact.phone.empty()) channel["servicePhone"] = json{{"@type", "ContactPoint"}, {"telephone", p.contact.phone}};
    if (!p.venue.name.empty() || !p.venue.address.empty()) channel["serviceLocation"] = place(p.venue);
    if (channel.size() > 1) j["availableChannel"] = channel;
    if (!p.topics.empty()) j["keywords"] = p.topics;
    return j;
}

std::string json_for_script(const json& j) {
    std::string raw = j.dump(-1, ' ', false, json::error_handler_t::replace);
    std::string out;
    out.reserve(raw.size() + 16);
    for (char c : raw) {
        switch (c) {
            case '<': out += "\\u003c"; break;
            case '>': out += "\\u003e"; break;
            case '&': out += "\\u0026"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace tsunagu
