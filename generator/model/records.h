// The record kinds of a site, as plain structs with public fields (see DESIGN.md).
// Fields named *_ix are filled by the resolve stage (indexes into Site's vectors; -1 = none).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"
#include "model/diagnostic.h"
#include "model/schedule.h"

namespace tsunagu {

enum class Tri : uint8_t { unknown, yes, no };

struct GeoPoint {
    double lat = 0;
    double lon = 0;
    bool present = false;
};

// Where one field of a record was written, kept for the fields that later stages check
// against other records (references), so their diagnostics point at the exact line.
struct FieldPos {
    const char* field;        // static string: "organization", "areas", "parent" …
    int index;                // element of a list field; -1 for a single value
    int line;
    int column;
};

// What every record carries besides its own fields.
struct RecordMeta {
    std::string id;           // stable ASCII id: [a-z0-9][a-z0-9-]*
    SourcePos pos;            // where the record starts
    std::vector<FieldPos> field_pos;
    std::string source;       // 出典
    Date as_of;               // 時点
    Date last_confirmed;      // 最終確認日
};

// Position of a field (or of element `index` of a list field); the record's start when not kept.
SourcePos field_position(const RecordMeta& meta, std::string_view field, int index = -1);

// Contact details the operator chose to publish. Anything marked private never reaches output.
struct Contact {
    std::string phone;
    std::string phone_note;   // 連絡先備考 (e.g. 受付は平日のみ)
    std::string fax;
    std::string email;
    std::string url;
    std::string person_role;  // a role, never a private person's name (e.g. 事務局)
};

struct Venue {
    std::string name;         // 会場名
    std::string address;      // 住所 (for a private home: only up to 町丁目)
    std::string address_detail;  // 方書 (building, room)
    GeoPoint geo;             // for a private home: a rounded point
    bool private_home = false;   // 個人宅: publish 町丁目 and a rounded point only
};

struct Fee {
    std::string person;       // 大人, 子ども, 小学生, 会員 …
    std::optional<long long> amount_yen;  // 0 = free; nullopt = not stated
    std::string note;
};

struct Accessibility {
    Tri barrier_free = Tri::unknown;  // バリアフリー
    Tri pickup = Tri::unknown;        // 送迎
    Tri wheelchair_toilet = Tri::unknown;
    std::string note;
};

struct Photo {
    std::string src;          // path under the site's static/ folder
    std::string alt;
    std::string credit;
};

struct LegalFormChange {
    Date date;                // month precision allowed
    std::string form;         // a legal_form label
};

struct Link {
    std::string title;
    std::string url;
};

// 圏域: 市区町村 → 日常生活圏域 (中学校区) → 地区 → 町内会.
struct Area {
    RecordMeta meta;
    std::string name;
    std::string reading;
    std::string level;        // an area_level label
    std::string code;         // 全国地方公共団体コード (municipality level only), 6 digits
    std::string parent;       // parent area id ("" for the root)
    std::vector<std::string> aliases;
    std::vector<std::string> towns;  // 町名 in the area (for "pick your 町")
    std::string description;  // Markdown
    GeoPoint center;
    std::optional<long long> population;
    std::optional<long long> households;
    std::optional<long long> population_65plus;

    // resolve
    int parent_ix = -1;
    std::vector<int> children_ix;
    int depth = 0;
};

struct Organization {
    RecordMeta meta;
    std::string name;
    std::string reading;
    std::vector<std::string> aliases;
    std::string legal_form;   // a legal_form label
    std::string corporate_number;  // 法人番号, 13 digits with check digit
    std::vector<LegalFormChange> legal_form_history;
    std::vector<std::string> areas_served;  // area ids
    std::string description;  // Markdown
    Contact contact;
    std::string address;
    std::vector<Link> disclosures;  // 情報公開資料
    Date founded;

    // resolve
    std::vector<int> areas_served_ix;
    std::vector<int> activities_ix;
    std::vector<int> consultation_ix;
    std::vector<int> grants_ix;   // grants received, by award date then id
    std::vector<int> funds_ix;    // funds it operates
};

struct Activity {
    RecordMeta meta;
    std::string name;
    std::string reading;
    std::vector<std::string> aliases;
    std::string summary;      // one line
    std::string description;  // Markdown
    std::vector<std::string> content_types;  // content_type labels
    std::string form;                        // form label
    std::string place_type;                  // place_type label ("" = not a 居場所)
    std::vector<std::string> target_people;  // target_people labels
    std::vector<std::string> fields;         // field labels
    std::string organization;                // organization id
    std::vector<std::string> areas;          // area ids (lowest level that applies)
    Venue venue;
    Schedule schedule;
    std::vector<Fee> fees;
    std::string fee_note;
    std::string eligibility;  // 参加条件
    std::string registration; // 登録・会員制
    std::optional<int> capacity;
    std::string booking;      // 予約方法
    Accessibility accessibility;
    std::vector<std::string> languages;
    Contact contact;
    std::string status = "活動中";  // status label
    Date start_date;
    std::vector<Photo> photos;

    // resolve
    int organization_ix = -1;
    std::vector<int> areas_ix;
};

struct ConsultationPoint {
    RecordMeta meta;
    std::string name;
    std::string reading;
    std::string generic_type;  // 地域包括支援センター, 自立相談支援機関 …
    std::string local_alias;   // あんしんすこやかセンター, 熟年相談室 …
    std::vector<std::string> aliases;
    std::string summary;
    std::string description;   // Markdown
    std::vector<std::string> topics;        // problems handled: 介護, 認知症, 借金 …
    std::vector<std::string> target_people; // target_people labels
    std::vector<std::string> areas_covered; // area ids
    std::vector<std::string> channels;      // channel labels
    Schedule hours;
    std::string organization;
    Venue venue;
    Contact contact;
    std::string fee_note;      // 相談無料 …
    std::string status = "活動中";

    // resolve
    int organization_ix = -1;
    std::vector<int> areas_covered_ix;
};

// A set of words residents use for the same thing (子ども/こども/子供; 地域包括支援センター/包括/熟年相談室).
// Read from data/synonyms.yaml; the search index expands a query with its group.
struct SynonymGroup {
    SourcePos pos;
    std::vector<std::string> terms;
};

// A difficulty a resident starts from (生活のしづらさ), mapped to the activity types and
// consultation points that help: residents describe a problem, not a service type.
struct Difficulty {
    RecordMeta meta;
    std::string title;          // 親が認知症かもしれない
    std::string reading;
    std::string description;    // Markdown: who this is for, first steps
    std::vector<std::string> content_types;       // content_type labels of helpful activities
    std::vector<std::string> target_people;       // target_people labels (optional narrowing)
    std::vector<std::string> topics;              // ConsultationPoint.topics that match
    std::vector<std::string> consultation_types;  // ConsultationPoint.generic_type values
    std::vector<std::string> search_words;        // words for the search box link
    int order = 0;
};

// A Markdown page from content/.
struct ContentPage {
    SourcePos pos;
    std::string slug;          // path without extension, e.g. "about", "guide/how-to-use"
    std::string title;
    std::string description;
    int order = 0;             // position in the navigation
    bool in_nav = false;
    std::string body;          // Markdown
};

}  // namespace tsunagu
