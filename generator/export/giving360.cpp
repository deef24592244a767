#include "export/giving360.h"

#include <nlohmann/json.hpp>

#include "export/open_data_csv.h"
#include "render/markdown.h"
#include "text/utf8.h"

namespace tsunagu {

namespace {

using nlohmann::json;

std::string prefix(const Site& site) {
    return "360G-tsunagu-" + (site.config.municipality_code.empty() ? std::string("site") : site.config.municipality_code) + "-";
}

// "2025-04-01"; month-precision dates as "2025-04" (the standard allows omitting the day).
std::string iso(const Date& d) { return d.empty() ? std::string() : to_iso(d); }

const std::vector<std::string_view>& csv_columns() {
    static const std::vector<std::string_view> cols = {
        "Identifier", "Title", "Description", "Currency", "Amount Awarded", "Amount Disbursed", "Award Date", "URL",
        "Planned Dates:Start Date", "Planned Dates:End Date", "Recipient Org:Identifier", "Recipient Org:Name",
        "Funding Org:Identifier", "Funding Org:Name", "Grant Programme:Code", "Grant Programme:Title",
        "Beneficiary Location:Name", "Beneficiary Location:Country Code", "Beneficiary Location:Geographic Code",
        "Last modified", "Data Source"};
    return cols;
}

}  // namespace

std::string giving360_org_id(const Site& site, const Organization& o) {
    if (!o.corporate_number.empty()) return "JP-JCN-" + o.corporate_number;
    return prefix(site) + o.meta.id;
}

Giving360 giving360_export(const Site& site, const std::string& base_url) {
    Giving360 out;
    json grants = json::array();
    std::string csv;
    std::vector<std::string> header;
    for (auto c : csv_columns()) header.emplace_back(c);
    append_csv_row(csv, header);
    for (const Fund& fund : site.funds) {
        if (fund.operator_ix < 0) continue;
        const Organization& funder = site.organizations[fund.operator_ix];
        for (int gi : fund.grants_ix) {
            const Grant& g = site.grants[gi];
            if (g.status == "取消" || g.recipient_ix < 0) continue;
            const Organization& recipient = site.organizations[g.recipient_ix];
            const std::string id = prefix(site) + g.meta.id;
            const std::string url = base_url + "grants/" + g.meta.id + ".html";
            std::string description = trim(markdown_to_plain_text(g.purpose));
            if (description.empty()) description = g.title;
            json j = {
                {"id", id},
                {"title", g.title},
                {"description", description},
                {"currency", "JPY"},
                {"amountAwarded", g.amount_awarded_yen},
                {"amountDisbursed", g.disbursed_yen()},
                {"awardDate", iso(g.award_date)},
                {"url", url},
                {"recipientOrganization", json::array({{{"id", giving360_org_id(site, recipient)}, {"name", recipient.name}}})},
                {"fundingOrganization",
                 json::array({{{"id", giving360_org_id(site, funder)}, {"name", funder.name}, {"department", fund.name}}})},
                {"dataSource", base_url + "opendata/360giving.json"},
            };
            if (!g.meta.last_confirmed.empty()) j["dateModified"] = iso(g.meta.last_confirmed);
            std::string programme_title;
            for (const FundProgramme& p : fund.programmes)
                if (p.id == g.programme) programme_title = p.name;
            if (!g.programme.empty())
                j["grantProgramme"] = json::array({{{"code", fund.meta.id + "/" + g.programme}, {"title", programme_title}}});
            if (!g.period_from.empty() || !g.period_to.empty()) {
                json pd = json::object();
                if (!g.period_from.empty()) pd["startDate"] = iso(g.period_from);
                if (!g.period_to.empty()) pd["endDate"] = iso(g.period_to);
                j["plannedDates"] = json::array({pd});
            }
            json locations = json::array();
            std::string first_location, first_code;
            for (int a : g.areas_ix) {
                const std::string code = municipality_code_for(site, a);
                json loc = {{"name", site.areas[a].name}, {"countryCode", "JP"}};
                if (!code.empty()) loc["geoCode"] = code;
                if (first_location.empty()) {
                    first_location = site.areas[a].name;
                    first_code = code;
                }
                locations.push_back(std::move(loc));
            }
            if (!locations.empty()) j["beneficiaryLocation"] = std::move(locations);
            if (!g.beneficiaries.empty()) {
                json cls = json::array();
                for (const std::string& b : g.beneficiaries)
                    cls.push_back({{"vocabulary", "tsunagu:target_people"}, {"title", b}});
                j["classifications"] = std::move(cls);
            }
            append_csv_row(csv, {id, g.title, description, "JPY", std::to_string(g.amount_awarded_yen),
                                 std::to_string(g.disbursed_yen()), iso(g.award_date), url, iso(g.period_from),
                                 iso(g.period_to), giving360_org_id(site, recipient), recipient.name,
                                 giving360_org_id(site, funder), funder.name, g.programme.empty() ? "" : fund.meta.id + "/" + g.programme,
                                 programme_title, first_location, first_location.empty() ? "" : "JP", first_code,
                                 iso(g.meta.last_confirmed), base_url + "opendata/360giving.csv"});
            grants.push_back(std::move(j));
            ++out.grants;
        }
    }
    out.json = json{{"grants", std::move(grants)}}.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
    out.csv = std::move(csv);
    return out;
}

}  // namespace tsunagu
