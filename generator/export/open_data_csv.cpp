#include "export/open_data_csv.h"

#include <algorithm>
#include <cstdio>

#include "model/open_data_columns.h"
#include "model/taxonomy.h"
#include "render/record_views.h"
#include "text/codes.h"
#include "text/normalize.h"

namespace tsunagu {

namespace {

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
    for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) s.replace(p, from.size(), to);
    return s;
}

// A value that goes into a ';'-joined cell: its own ';' is written full-width, so the cell
// still splits into the same values.
std::string list_item(std::string_view v) { return replace_all(std::string(v), ";", "；"); }

std::string join_list(const std::vector<std::string>& values) {
    std::string out;
    for (const std::string& v : values) {
        if (v.empty()) continue;
        if (!out.empty()) out += ';';
        out += list_item(v);
    }
    return out;
}

std::string hhmm(int minutes) {
    if (minutes < 0) return {};
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", (minutes / 60) % 100, minutes % 60);
    return buf;
}

std::string tri(Tri t) { return t == Tri::yes ? "1" : t == Tri::no ? "0" : ""; }

std::string degrees(const GeoPoint& p, bool lat) {
    if (!p.present) return {};
    return degrees_text(lat ? p.lat : p.lon);
}

// 開催曜日: the weekdays the rules name, written 月火水木金土日 (the standard's order and form).
std::string weekday_letters(const Schedule& s) {
    uint8_t days = 0;
    for (const Recurrence& r : s.rules) {
        if (r.kind == RecurrenceKind::daily) days = 0x7F;
        else if (r.kind != RecurrenceKind::monthly_day && r.kind != RecurrenceKind::days_unstated) days |= r.weekdays;
    }
    static const char* const kLetters[] = {"日", "月", "火", "水", "木", "金", "土"};
    std::string out;
    for (int d : {1, 2, 3, 4, 5, 6, 0})
        if (days & weekday_bit(d)) out += kLetters[d];
    return out;
}

// 開催頻度 in words: 毎週, 隔週, 毎月, 月2回, 不定期 … one per distinct kind of rule.
std::string frequency_text(const Schedule& s) {
    std::vector<std::string> parts;
    for (const Recurrence& r : s.rules) {
        std::string f;
        switch (r.kind) {
            case RecurrenceKind::weekly: f = "毎週"; break;
            case RecurrenceKind::daily: f = "毎日"; break;
            case RecurrenceKind::every_n_weeks: f = r.interval_weeks == 2 ? "隔週" : std::to_string(r.interval_weeks) + "週ごと"; break;
            case RecurrenceKind::monthly_nth_weekday:
            case RecurrenceKind::monthly_day: f = "毎月"; break;
            case RecurrenceKind::irregular:
                if (r.times_per_month > 0) {
                    f = (r.interval_months > 1 ? std::to_string(r.interval_months) + "か月に" : std::string("月")) +
                        std::to_string(r.times_per_month) +
                        (r.times_per_month_max > r.times_per_month ? "〜" + std::to_string(r.times_per_month_max) : "") + "回";
                } else if (r.times_per_year > 0) {
                    f = "年" + std::to_string(r.times_per_year) + "回";
                } else {
                    f = "不定期";
                }
                break;
            case RecurrenceKind::days_unstated: break;
        }
        if (!f.empty() && std::find(parts.begin(), parts.end(), f) == parts.end()) parts.push_back(f);
    }
    return join_list(parts);
}

// The first stated time range of the schedule, for 開催開始時間 / 開催終了時間.
TimeRange first_times(const Schedule& s) {
    for (const Recurrence& r : s.rules)
        for (const TimeRange& t : r.times)
            if (t.start >= 0 || t.end >= 0) return t;
    return {};
}

std::string fee_for(const Activity& a, std::string_view person) {
    for (const Fee& f : a.fees)
        if (f.person == person && f.amount_yen) return std::to_string(*f.amount_yen);
    return {};
}

// tsunagu_参加費一覧: "person:amount[:note]" per fee; ':' and ';' inside values full-width.
std::string fee_list(const Activity& a) {
    auto part = [](const std::string& v) { return replace_all(replace_all(v, ":", "："), ";", "；"); };
    std::string out;
    for (const Fee& f : a.fees) {
        if (!out.empty()) out += ';';
        out += part(f.person) + ":" + (f.amount_yen ? std::to_string(*f.amount_yen) : std::string());
        if (!f.note.empty()) out += ":" + part(f.note);
    }
    return out;
}

std::string municipality_name(const Site& site, int code_area_ix, const std::string& code) {
    if (code_area_ix >= 0) return site.areas[code_area_ix].name;
    for (const Area& a : site.areas)
        if (!code.empty() && a.code == code) return a.name;
    return {};
}

struct Place {
    std::string code, prefecture, municipality;
};

Place place_of(const Site& site, const std::vector<int>& areas_ix) {
    int code_area = -1;
    const std::string code = municipality_code_for(site, areas_ix.empty() ? -1 : areas_ix.front(), &code_area);
    return Place{code, std::string(prefecture_name(code)), municipality_name(site, code_area, code)};
}

std::vector<std::string> area_ids(const Site& site, const std::vector<int>& ixs) {
    std::vector<std::string> out;
    for (int i : ixs)
        if (i >= 0) out.push_back(site.areas[i].meta.id);
    return out;
}

std::string kana(const std::string& reading) { return hiragana_to_katakana(nfkc(reading)); }

template <size_t N>
void add_names(const std::array<std::string_view, N>& names, std::vector<std::string>& fields) {
    for (std::string_view c : names) fields.emplace_back(c);
}

}  // namespace

std::string csv_cell_text(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '\r') {
            out += ' ';
            if (i + 1 < value.size() && value[i + 1] == '\n') ++i;  // CRLF is one break, one space
        } else if (c == '\n' || c == '\t') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

void append_csv_row(std::string& out, const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        const std::string v = csv_cell_text(fields[i]);
        if (v.find_first_of(",\"") == std::string::npos) {
            out += v;
        } else {
            out += '"';
            for (char c : v) {
                if (c == '"') out += '"';
                out += c;
            }
            out += '"';
        }
    }
    out += "\r\n";
}

std::string municipality_code_for(const Site& site, int area_ix, int* code_area_ix) {
    if (code_area_ix) *code_area_ix = -1;
    // Parents are followed at most as many steps as there are areas, so a cycle cannot hang.
    for (size_t steps = 0; area_ix >= 0 && area_ix < static_cast<int>(site.areas.size()) && steps <= site.areas.size(); ++steps) {
        const Area& a = site.areas[area_ix];
        if (!a.code.empty()) {
            if (code_area_ix) *code_area_ix = area_ix;
            return a.code;
        }
        area_ix = a.parent_ix;
    }
    return site.config.municipality_code;
}

CsvTable activities_csv(const Site& site, std::string_view prefix) {
    CsvTable t;
    t.text = prefix;
    std::vector<std::string> row;
    add_names(kKodomoShokudoColumns, row);
    add_names(kTsunaguActivityColumns, row);
    append_csv_row(t.text, row);
    for (const Activity& a : site.activities) {
        const Place p = place_of(site, a.areas_ix);
        const Organization* org = a.organization_ix >= 0 ? &site.organizations[a.organization_ix] : nullptr;
        const TimeRange times = first_times(a.schedule);
        // A private home's venue was cut to its 町丁目 and a rounded point by resolve/privacy;
        // 方書 (room, building) would point at the house again and its name often names the
        // family (山田様宅), so both stay empty whatever they hold, as on the pages.
        const Venue& v = a.venue;
        row = {
            p.code, a.meta.id, p.prefecture, p.municipality, a.name, kana(a.reading), a.summary, join_list(a.content_types),
            v.address, v.private_home ? std::string() : v.address_detail, degrees(v.geo, true), degrees(v.geo, false),
            a.contact.phone, a.contact.phone_note, "", "", "", a.contact.fax, a.contact.url, a.contact.email,
            a.contact.person_role, "", "", org ? org->corporate_number : "", org ? org->name : "",
            frequency_text(a.schedule), weekday_letters(a.schedule), a.schedule.text, hhmm(times.start), hhmm(times.end),
            a.schedule.note, a.eligibility, fee_for(a, "幼児"), fee_for(a, "小学生"), fee_for(a, "中学生"),
            fee_for(a, "高校生"), fee_for(a, "大人"), a.fee_note, a.booking, "",
            a.capacity ? std::to_string(*a.capacity) : "", "", "", "", "", "", "", "", a.accessibility.note,
            // tsunagu columns
            a.meta.id, a.reading, join_list(a.aliases), join_list(a.content_types), a.form, a.place_type,
            join_list(a.target_people), join_list(a.fields), a.organization, join_list(a.areas), v.private_home ? "" : v.name,
            v.private_home ? "1" : "0", a.schedule.text, fee_list(a), a.registration, tri(a.accessibility.barrier_free),
            tri(a.accessibility.pickup), tri(a.accessibility.wheelchair_toilet), join_list(a.languages), a.status,
            a.meta.source, to_iso(a.meta.as_of), to_iso(a.meta.last_confirmed), to_iso(a.start_date),
        };
        append_csv_row(t.text, row);
        ++t.rows;
    }
    return t;
}

const std::vector<std::string_view>& consultation_csv_columns() {
    // 公共施設一覧's names where they fit (名称, 種類, 住所, 方書, 緯度, 経度, 電話番号, FAX番号,
    // メールアドレス, URL, 利用可能曜日, 開始時間, 終了時間, 利用可能日時特記事項, 説明, 備考);
    // the rest say what a consultation point has that a facility does not.
    static const std::vector<std::string_view> c = {
        "全国地方公共団体コード", "ID", "都道府県", "市区町村名", "名称", "名称_カナ", "種類", "通称", "別名",
        "住所", "方書", "緯度", "経度", "電話番号", "電話番号_連絡先備考", "FAX番号", "メールアドレス", "URL",
        "利用可能曜日", "開始時間", "終了時間", "利用可能日時特記事項", "相談内容", "対象", "相談方法",
        "対象地域ID", "運営団体ID", "運営団体名", "法人番号", "料金", "説明", "状況", "出典", "時点", "最終確認日",
    };
    return c;
}

CsvTable consultation_csv(const Site& site) {
    CsvTable t;
    std::vector<std::string> row(consultation_csv_columns().begin(), consultation_csv_columns().end());
    append_csv_row(t.text, row);
    for (const ConsultationPoint& c : site.consultation_points) {
        const Place p = place_of(site, c.areas_covered_ix);
        const Organization* org = c.organization_ix >= 0 ? &site.organizations[c.organization_ix] : nullptr;
        const TimeRange times = first_times(c.hours);
        row = {
            p.code, c.meta.id, p.prefecture, p.municipality, c.name, kana(c.reading), c.generic_type, c.local_alias,
            join_list(c.aliases), c.venue.address, c.venue.private_home ? std::string() : c.venue.address_detail,
            degrees(c.venue.geo, true), degrees(c.venue.geo, false), c.contact.phone, c.contact.phone_note, c.contact.fax,
            c.contact.email, c.contact.url, weekday_letters(c.hours), hhmm(times.start), hhmm(times.end), c.hours.text,
            join_list(c.topics), join_list(c.target_people), join_list(c.channels), join_list(c.areas_covered),
            c.organization, org ? org->name : "", org ? org->corporate_number : "", c.fee_note, c.summary, c.status,
            c.meta.source, to_iso(c.meta.as_of), to_iso(c.meta.last_confirmed),
        };
        append_csv_row(t.text, row);
        ++t.rows;
    }
    return t;
}

const std::vector<std::string_view>& organization_csv_columns() {
    static const std::vector<std::string_view> c = {
        "全国地方公共団体コード", "ID", "都道府県", "市区町村名", "名称", "名称_カナ", "別名", "法人の種類", "法人番号",
        "設立", "住所", "電話番号", "電話番号_連絡先備考", "FAX番号", "メールアドレス", "URL", "連絡先名称",
        "活動地域ID", "活動数", "相談窓口数", "出典", "時点", "最終確認日",
    };
    return c;
}

CsvTable organizations_csv(const Site& site) {
    CsvTable t;
    std::vector<std::string> row(organization_csv_columns().begin(), organization_csv_columns().end());
    append_csv_row(t.text, row);
    for (const Organization& o : site.organizations) {
        const Place p = place_of(site, o.areas_served_ix);
        row = {
            p.code, o.meta.id, p.prefecture, p.municipality, o.name, kana(o.reading), join_list(o.aliases), o.legal_form,
            o.corporate_number, to_iso(o.founded), o.address, o.contact.phone, o.contact.phone_note, o.contact.fax,
            o.contact.email, o.contact.url, o.contact.person_role, join_list(area_ids(site, o.areas_served_ix)),
            std::to_string(o.activities_ix.size()), std::to_string(o.consultation_ix.size()), o.meta.source,
            to_iso(o.meta.as_of), to_iso(o.meta.last_confirmed),
        };
        append_csv_row(t.text, row);
        ++t.rows;
    }
    return t;
}

CsvTable codes_csv() {
    CsvTable t;
    append_csv_row(t.text, {"分類", "分類名", "コード", "ラベル", "英語"});
    static const std::pair<Vocabulary, const char*> kVocabularies[] = {
        {Vocabulary::content_type, "活動の内容"}, {Vocabulary::form, "活動の形態"},
        {Vocabulary::place_type, "居場所の種類"}, {Vocabulary::target_people, "対象"},
        {Vocabulary::field, "分野"},              {Vocabulary::status, "状況"},
        {Vocabulary::legal_form, "法人の種類"},   {Vocabulary::channel, "相談方法"},
        {Vocabulary::area_level, "地域の階層"},
    };
    for (const auto& [v, title] : kVocabularies)
        for (const Term& term : terms(v)) {
            append_csv_row(t.text, {std::string(vocabulary_name(v)), title, std::string(term.slug), std::string(term.label),
                                    std::string(term.en)});
            ++t.rows;
        }
    return t;
}

std::vector<ColumnDescription> activity_column_descriptions() {
    static const std::string_view kStandard[49] = {
        "活動地域の市区町村のコード（6桁）", "レコードのID", "都道府県名", "市区町村名", "活動の名前",
        "名前の読み（全角カタカナ）", "活動の概要", "活動の内容（複数は ; 区切り）", "会場の住所（個人宅は町丁目まで）",
        "会場の建物名・部屋（個人宅は空欄）", "緯度（個人宅は約500m単位に丸めた値）", "経度（同上）",
        "公開している電話番号", "電話番号の備考", "（使っていません）", "（使っていません）", "（使っていません）",
        "FAX番号", "ウェブサイト", "メールアドレス", "問い合わせ先の担当（役割）", "（使っていません）",
        "（使っていません）", "運営団体の法人番号", "運営団体の名前", "開催の頻度（毎週、隔週、毎月、月1回 など）",
        "開催する曜日（月火水木金土日）", "開催日時（記載どおり）", "開始時刻（HH:MM）", "終了時刻（HH:MM）",
        "開催日時の補足", "参加条件", "参加費：幼児（円）", "参加費：小学生（円）", "参加費：中学生（円）",
        "参加費：高校生（円）", "参加費：大人（円）", "参加費の補足", "予約方法", "（使っていません）", "定員",
        "（使っていません）", "（使っていません）", "（使っていません）", "（使っていません）", "（使っていません）",
        "（使っていません）", "（使っていません）", "設備・配慮についての補足",
    };
    static const std::string_view kOwn[24] = {
        "tsunaguのID（取り込みで保たれます）", "読み（記載どおり）", "別名", "活動の内容（コード表 content_types のラベル）",
        "活動の形態（form）", "居場所の種類（place_type）", "対象（target_people）", "分野（fields）", "運営団体のID",
        "活動地域のID", "会場名（個人宅は空欄）", "個人宅なら 1", "開催日時（記載どおり）",
        "すべての参加費（対象:金額:備考 を ; 区切り。金額なしは未記載）", "登録・会員制", "バリアフリー（1 あり、0 なし、空欄 不明）",
        "送迎（同上）", "車いす用トイレ（同上）", "対応言語", "状況（活動中、休止中、終了）", "出典", "時点", "最終確認日",
        "活動を始めた年月",
    };
    std::vector<ColumnDescription> out;
    for (size_t i = 0; i < kKodomoShokudoColumns.size(); ++i) out.push_back({kKodomoShokudoColumns[i], kStandard[i]});
    for (size_t i = 0; i < kTsunaguActivityColumns.size(); ++i) out.push_back({kTsunaguActivityColumns[i], kOwn[i]});
    return out;
}

}  // namespace tsunagu
