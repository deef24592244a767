// The export stage's building blocks: SHA-1 and UUIDv5 against published vectors, CSV quoting
// and line-break folding, the prefecture table, municipality codes from the area tree, the
// activities table against the column contract, HSDS schedules, and Atom escaping and order.
#include <doctest/doctest.h>

#include <map>

#include "export/atom_feed.h"
#include "export/hsds.h"
#include "export/open_data_csv.h"
#include "export/uuid.h"
#include "model/open_data_columns.h"
#include "text/codes.h"

using namespace tsunagu;

namespace {

std::string hex(const Sha1Digest& d) {
    static const char* digits = "0123456789abcdef";
    std::string s;
    for (uint8_t b : d) s += digits[b >> 4], s += digits[b & 15];
    return s;
}

Site small_site() {
    Site site;
    site.config.title = "テスト市 <ガイド>";
    site.config.municipality_code = "132993";
    site.config.base_url = "https://example.org/t/";
    Area city;
    city.meta.id = "city";
    city.name = "テスト市";
    city.code = "132993";
    Area district;
    district.meta.id = "north";
    district.name = "北地区";
    district.parent = "city";
    district.parent_ix = 0;
    site.areas = {city, district};
    Activity a;
    a.meta.id = "salon";
    a.meta.last_confirmed = Date{2026, 10, 1};
    a.name = "サロン \"ひだまり\", 北";
    a.reading = "さろんひだまり";
    a.summary = "一行目\r\n二行目\n三行目";
    a.areas = {"north"};
    a.areas_ix = {1};
    a.venue.name = "山田様宅";
    a.venue.address = "テスト市北町2丁目";
    a.venue.address_detail = "離れ";
    a.venue.private_home = true;
    a.schedule.text = "毎月第2・最終土曜 10:00〜12:00";
    Recurrence r;
    r.kind = RecurrenceKind::monthly_nth_weekday;
    r.weekdays = weekday_bit(6);
    r.nths = {2, -1};
    r.times = {TimeRange{600, 720}};
    a.schedule.rules = {r};
    a.schedule.closed_on_holidays = true;
    a.fees = {Fee{"大人", 100, "お茶代; 菓子"}, Fee{"子ども", 0, ""}, Fee{"会員", std::nullopt, "年会費に含む"}};
    a.status = "休止中";
    Activity b;
    b.meta.id = "walk";
    b.meta.as_of = Date{2026, 11, 0};
    b.name = "散歩の会 & <仲間>";
    b.schedule.text = "月1回不定期";
    Recurrence irregular;
    irregular.kind = RecurrenceKind::irregular;
    irregular.times_per_month = 1;
    b.schedule.rules = {irregular};
    site.activities = {a, b};
    return site;
}

}  // namespace

TEST_CASE("sha1: FIPS 180 test vectors, including the two-block padding case") {
    CHECK(hex(sha1("")) == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    CHECK(hex(sha1("abc")) == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(hex(sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    CHECK(hex(sha1(std::string(1000000, 'a'))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST_CASE("uuid_v5: RFC 9562 appendix example and round trip through text") {
    UuidBytes dns{};
    REQUIRE(parse_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430c8", dns));
    CHECK(format_uuid(uuid_v5(dns, "www.example.com")) == "2ed6657d-e927-568b-95e1-2665a8aea6a2");
    UuidBytes bad{};
    CHECK_FALSE(parse_uuid("6ba7b810-9dad-11d1-80b4-00c04fd430c", bad));
    CHECK_FALSE(parse_uuid("6ba7b810x9dad-11d1-80b4-00c04fd430c8", bad));
}

TEST_CASE("csv: quoting, doubled quotes, line breaks and tabs folded to spaces, CRLF") {
    std::string out;
    append_csv_row(out, {"a", "b,c", "say \"hi\"", "one\r\ntwo\nthree\rfour", "tab\there", ""});
    CHECK(out == "a,\"b,c\",\"say \"\"hi\"\"\",one two three four,tab here,\r\n");
}

TEST_CASE("prefecture_name: the first two digits of a code") {
    CHECK(prefecture_name("011002") == "北海道");
    CHECK(prefecture_name("132993") == "東京都");
    CHECK(prefecture_name("271004") == "大阪府");
    CHECK(prefecture_name("472018") == "沖縄県");
    CHECK(prefecture_name("482000").empty());
    CHECK(prefecture_name("00").empty());
    CHECK(prefecture_name("x1").empty());
}

TEST_CASE("activities_csv: the contract header, derived columns, a private home, every activity") {
    const Site site = small_site();
    const CsvTable t = activities_csv(site);
    CHECK(t.rows == 2);
    std::string header;
    std::vector<std::string> names;
    for (auto c : kKodomoShokudoColumns) names.emplace_back(c);
    for (auto c : kTsunaguActivityColumns) names.emplace_back(c);
    append_csv_row(header, names);
    REQUIRE(t.text.starts_with(header));
    const std::string row = t.text.substr(header.size(), t.text.find("\r\n", header.size()) - header.size() + 2);
    // 全国地方公共団体コード from the parent area, 都道府県 from its first digits.
    CHECK(row.starts_with("132993,salon,東京都,テスト市,\"サロン \"\"ひだまり\"\", 北\",サロンヒダマリ,一行目 二行目 三行目,"));
    CHECK(row.find(",テスト市北町2丁目,,") != std::string::npos);  // 方書 empty for a private home
    CHECK(row.find("山田様宅") == std::string::npos);
    CHECK(row.find("離れ") == std::string::npos);
    CHECK(row.find(",毎月,土,毎月第2・最終土曜 10:00〜12:00,10:00,12:00,") != std::string::npos);
    CHECK(row.find(",大人:100:お茶代； 菓子;子ども:0;会員::年会費に含む,") != std::string::npos);
    CHECK(row.find(",100,") != std::string::npos);  // 参加費_大人
    CHECK(row.find(",休止中,") != std::string::npos);
    CHECK(t.text.find("\n", 0) == t.text.find("\r\n") + 1);
    CHECK(t.text.find("walk,") != std::string::npos);
    CHECK(t.text.find(",月1回,") != std::string::npos);
}

TEST_CASE("municipality_code_for: nearest coded area, else the site's code") {
    Site site = small_site();
    int from = -2;
    CHECK(municipality_code_for(site, 1, &from) == "132993");
    CHECK(from == 0);
    site.areas[0].code.clear();
    site.config.municipality_code = "011002";
    CHECK(municipality_code_for(site, 1, &from) == "011002");
    CHECK(from == -1);
    CHECK(municipality_code_for(site, -1) == "011002");
}

TEST_CASE("hsds: deterministic ids, nth-weekday schedules, text-only irregular schedules, costs") {
    const Site site = small_site();
    CHECK(hsds_id(site, "service", "activity:salon") == hsds_id(site, "service", "activity:salon"));
    CHECK(hsds_id(site, "service", "activity:salon") != hsds_id(site, "service", "activity:walk"));
    std::map<std::string, nlohmann::json> parsed;
    const auto tables = hsds_tables(site, site.config.base_url, [&](HsdsTable& t) { parsed[t.object] = nlohmann::json::parse(t.finish()); });
    REQUIRE(tables.size() == parsed.size());
    for (const HsdsTable& t : tables) CHECK(parsed[t.object].size() == t.rows);
    CHECK(tables.front().object == "organization");  // back in the fixed order after the passes
    CHECK(tables.back().object == "attribute");
    const nlohmann::json* schedules = &parsed["schedule"];
    const nlohmann::json* costs = &parsed["cost_option"];
    const nlohmann::json* services = &parsed["service"];
    const nlohmann::json* locations = &parsed["location"];
    REQUIRE(schedules);
    REQUIRE(schedules->size() == 2);
    const auto& monthly = (*schedules)[0];
    CHECK(monthly["freq"] == "MONTHLY");
    CHECK(monthly["byday"] == "2SA,-1SA");
    CHECK(monthly["opens_at"] == "10:00+09:00");
    CHECK(monthly["closes_at"] == "12:00+09:00");
    CHECK(monthly["notes"] == "祝日は休み");
    const auto& irregular = (*schedules)[1];
    CHECK_FALSE(irregular.contains("freq"));
    CHECK(irregular["description"] == "月1回不定期");
    REQUIRE(costs);
    REQUIRE(costs->size() == 3);
    CHECK((*costs)[0]["amount"] == 100);
    CHECK((*costs)[0]["currency"] == "JPY");
    CHECK((*costs)[0]["option"] == "大人");
    CHECK_FALSE((*costs)[2].contains("amount"));  // not stated is not free
    REQUIRE(services);
    CHECK((*services)[0]["status"] == "temporarily closed");
    CHECK((*services)[0]["url"] == "https://example.org/t/activities/salon.html");
    REQUIRE(locations);
    REQUIRE(locations->size() == 1);
    CHECK_FALSE((*locations)[0].contains("name"));  // 山田様宅 is never written
}

TEST_CASE("atom_feed: escaped text, newest first, undated records left out") {
    Site site = small_site();
    size_t n = 0;
    const std::string feed = atom_feed(site, site.config.base_url, &n);
    CHECK(n == 2);
    CHECK(feed.find("<title>テスト市 &lt;ガイド&gt; 更新情報</title>") != std::string::npos);
    CHECK(feed.find("散歩の会 &amp; &lt;仲間&gt;") != std::string::npos);
    // 2026-11 (as_of, month precision) is newer than 2026-10-01.
    CHECK(feed.find("walk.html") < feed.find("salon.html"));
    CHECK(feed.find("<updated>2026-11-01T00:00:00+09:00</updated>") != std::string::npos);
    site.activities[1].meta.as_of = Date{};
    atom_feed(site, site.config.base_url, &n);
    CHECK(n == 1);
    // Without base_url, ids are tag: URIs.
    const std::string tagged = atom_feed(site, "", &n);
    CHECK(tagged.find("<id>tag:132993.tsunagu.invalid,2000:activity/salon</id>") != std::string::npos);
    CHECK(xml_escape(std::string("a\x01" "b'\"")) == "ab&apos;&quot;");
}
