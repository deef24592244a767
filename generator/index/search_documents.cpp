#include "index/search_documents.h"

#include <set>

#include "text/normalize.h"

namespace tsunagu {

namespace {

void add(SearchDocument& doc, uint8_t weight, bool single_chars, const std::string& text) {
    if (!text.empty()) doc.fields.push_back({weight, single_chars, text});
}

void add_all(SearchDocument& doc, uint8_t weight, bool single_chars, const std::vector<std::string>& texts) {
    for (const std::string& t : texts) add(doc, weight, single_chars, t);
}

// Area names from each listed area up to the root: a search for the city or the 中学校区 finds
// the activities of every 地区 inside it.
void add_areas(SearchDocument& doc, const Site& site, const std::vector<int>& area_ixs) {
    std::set<int> seen;
    for (int a : area_ixs)
        for (int x = a; x >= 0 && x < static_cast<int>(site.areas.size()) && seen.insert(x).second; x = site.areas[x].parent_ix) {
            add(doc, kWeightPlace, false, site.areas[x].name);
            add_all(doc, kWeightPlace, false, site.areas[x].aliases);
        }
}

void add_organization(SearchDocument& doc, const Site& site, int org_ix) {
    if (org_ix < 0 || org_ix >= static_cast<int>(site.organizations.size())) return;
    const Organization& o = site.organizations[org_ix];
    add(doc, kWeightOrganization, false, o.name);
    add(doc, kWeightOrganization, false, o.reading);
    add_all(doc, kWeightOrganization, false, o.aliases);
}

// A private home's venue name is often a family name (山田様宅): searchable text never carries it.
void add_venue(SearchDocument& doc, const Venue& v) {
    if (!v.private_home) add(doc, kWeightPlace, false, v.name);
    add(doc, kWeightPlace, false, v.address);  // already cut to 町丁目 for a private home
}

}  // namespace

size_t search_document_count(const Site& site) {
    return site.activities.size() + site.consultation_points.size() + site.organizations.size();
}

SynonymMatcher synonym_matcher(const Site& site) {
    SynonymMatcher m;
    for (const SynonymGroup& g : site.synonyms) {
        std::vector<std::string> norm;
        for (const std::string& w : g.terms) norm.push_back(normalize_for_search(w));
        m.groups.push_back(g.terms);
        m.normalized.push_back(std::move(norm));
    }
    return m;
}

std::string SynonymMatcher::expansions(const std::string& normalized_text) const {
    std::string out;
    for (size_t g = 0; g < groups.size(); ++g) {
        bool mentioned = false;
        std::vector<bool> found(groups[g].size());
        for (size_t w = 0; w < groups[g].size(); ++w)
            if (!normalized[g][w].empty() && normalized_text.find(normalized[g][w]) != std::string::npos)
                mentioned = found[w] = true;
        if (!mentioned) continue;
        for (size_t w = 0; w < groups[g].size(); ++w)
            if (!found[w]) out += groups[g][w] + "　";
    }
    return out;
}

SearchDocument search_document(const Site& site, size_t n) {
    SearchDocument doc;
    if (n < site.activities.size()) {
        const Activity& a = site.activities[n];
        doc.kind = SearchKind::activity;
        doc.record_ix = static_cast<int>(n);
        add(doc, kWeightName, true, a.name);
        add(doc, kWeightReading, true, a.reading);
        add_all(doc, kWeightAlias, true, a.aliases);
        add_all(doc, kWeightCategory, true, a.content_types);
        add(doc, kWeightCategory, true, a.form);
        add(doc, kWeightCategory, true, a.place_type);
        add_all(doc, kWeightCategory, true, a.target_people);
        add_all(doc, kWeightCategory, false, a.fields);
        add_organization(doc, site, a.organization_ix);
        add_areas(doc, site, a.areas_ix);
        add_venue(doc, a.venue);
        add(doc, kWeightSummary, false, a.summary);
        add(doc, kWeightSummary, false, a.eligibility);
        add(doc, kWeightSummary, false, a.schedule.text);
        add(doc, kWeightBody, false, a.description);
    } else if (n < site.activities.size() + site.consultation_points.size()) {
        const ConsultationPoint& c = site.consultation_points[n - site.activities.size()];
        doc.kind = SearchKind::consultation;
        doc.record_ix = static_cast<int>(n - site.activities.size());
        add(doc, kWeightName, true, c.name);
        add(doc, kWeightReading, true, c.reading);
        add(doc, kWeightAlias, true, c.generic_type);
        add(doc, kWeightAlias, true, c.local_alias);
        add_all(doc, kWeightAlias, true, c.aliases);
        add(doc, kWeightCategory, true, "相談窓口");
        add_all(doc, kWeightCategory, true, c.topics);
        add_all(doc, kWeightCategory, true, c.target_people);
        add_organization(doc, site, c.organization_ix);
        add_areas(doc, site, c.areas_covered_ix);
        add_venue(doc, c.venue);
        add(doc, kWeightSummary, false, c.summary);
        add(doc, kWeightSummary, false, c.hours.text);
        add(doc, kWeightBody, false, c.description);
    } else {
        const size_t o_ix = n - site.activities.size() - site.consultation_points.size();
        const Organization& o = site.organizations[o_ix];
        doc.kind = SearchKind::organization;
        doc.record_ix = static_cast<int>(o_ix);
        add(doc, kWeightName, true, o.name);
        add(doc, kWeightReading, true, o.reading);
        add_all(doc, kWeightAlias, true, o.aliases);
        add(doc, kWeightCategory, true, o.legal_form);
        add_areas(doc, site, o.areas_served_ix);
        add(doc, kWeightPlace, false, o.address);
        add(doc, kWeightBody, false, o.description);
    }
    return doc;
}

}  // namespace tsunagu
