#include "import/row_to_activity.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "import/cell_values.h"
#include "model/taxonomy.h"
#include "resolve/privacy.h"
#include "text/codes.h"
#include "text/normalize.h"
#include "text/schedule_parse.h"
#include "text/utf8.h"
#include "text/wareki.h"

namespace tsunagu {

namespace {

bool contains(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }

SourcePos at(const RowContext& ctx, const CsvRow& row) { return SourcePos{ctx.file, row.line, 0}; }

void warn(const RowContext& ctx, const CsvRow& row, Diagnostics& diags, const char* code, std::string ja,
          std::string en) {
    diags.push_back(make_warning(code, at(ctx, row), std::move(ja), std::move(en)));
}

YamlValue text_list(const std::vector<std::string>& items) {
    YamlValue v = YamlValue::list();
    for (const std::string& s : items) v.items.push_back(YamlValue::text(s));
    return v;
}

// Values joined by ';' (as the standard joins 電話;SMS) or, in hand-typed files, by 、.
// tsunagu's own columns join with ';' only and are read exactly as written.
std::vector<std::string> split_multi(std::string_view cell, bool own_column = false) {
    std::vector<std::string> out;
    std::string cur;
    const std::string n = own_column ? std::string(cell) : nfkc(cell);
    for (size_t pos = 0; pos <= n.size();) {
        if (pos == n.size()) {
            if (!trim(cur).empty()) out.push_back(trim(cur));
            break;
        }
        const size_t before = pos;
        const char32_t c = decode_utf8(n, pos);
        if (c == ';' || (!own_column && c == 0x3001 /* 、 */)) {
            if (!trim(cur).empty()) out.push_back(trim(cur));
            cur.clear();
        } else {
            cur.append(n, before, pos - before);
        }
    }
    return out;
}

// Content types from words in a row's category and name, for datasets that do not say which
// of our content types a row is. Only words that leave no doubt are used.
std::vector<std::string> infer_content_types(std::string_view text) {
    static const std::vector<std::pair<std::string_view, std::string_view>> words = {
        {"子ども食堂", "子ども食堂"}, {"こども食堂", "子ども食堂"}, {"子供食堂", "子ども食堂"},
        {"認知症カフェ", "認知症カフェ"}, {"オレンジカフェ", "認知症カフェ"}, {"配食", "配食"},
        {"サロン", "交流・サロン"}, {"いこいの", "交流・サロン"}, {"憩いの", "交流・サロン"},
        {"通いの場", "介護予防・体操"}, {"介護予防", "介護予防・体操"}, {"体操", "介護予防・体操"},
        {"学習支援", "学習支援"}, {"居宅介護支援", "相談"}, {"相談", "相談"}, {"見守り", "見守り"},
        {"移送", "移動・外出支援"}, {"外出支援", "移動・外出支援"}, {"移動支援", "移動・外出支援"},
        {"家事援助", "家事援助"}, {"生活援助", "家事援助"}, {"会食", "会食"}, {"多世代", "多世代交流"},
        {"就労", "就労・社会参加"},
    };
    std::vector<std::string> out;
    const std::string n = nfkc(text);
    for (const auto& [w, type] : words)
        if (contains(n, w) && std::find(out.begin(), out.end(), type) == out.end()) out.emplace_back(type);
    return out;
}

// "月水金" → "月・水・金曜".
std::string weekday_phrase(const std::string& days) {
    std::string out;
    const std::u32string u = to_u32(days);
    for (size_t i = 0; i < u.size(); ++i) {
        if (i) out += "・";
        append_utf8(out, u[i]);
    }
    return out + "曜";
}

bool text_has_time(std::string_view text) {
    const std::string n = nfkc(text);
    for (size_t i = 0; i + 1 < n.size(); ++i)
        if (n[i] >= '0' && n[i] <= '9' && (n[i + 1] == ':' || std::string_view(n).substr(i + 1, 3) == "時"))
            return true;
    return false;
}

// The 開催頻度 code list has no published definition we could find (see schedule_parse.h); the
// real files suggest 1 毎日, 2 週に複数回, 3 週1回, 4 月2回, 5 月1回. Only codes whose reading
// with the 開催曜日 column is unambiguous are used, and the schedule says it was read from a code.
std::string frequency_phrase(std::string_view code, const WeekdayCell& days) {
    const std::string c = nfkc(code);
    if (c == "1" || c == "2" || c == "3") return "毎週" + weekday_phrase(days.days);
    if (c == "4") return "月2回 " + weekday_phrase(days.days);
    if (c == "5") return "月1回 " + weekday_phrase(days.days);
    return {};
}

struct Fees {
    YamlValue list = YamlValue::list();
    std::vector<std::string> notes;
};

void add_fee(Fees& fees, std::string_view person, std::string_view cell) {
    const std::string v = trim(cell);
    if (v.empty()) return;
    YamlValue fee = YamlValue::map();
    fee.set("person", YamlValue::text(std::string(person)));
    if (auto yen = parse_yen_cell(v)) {
        fee.set("amount", YamlValue::raw(std::to_string(*yen)));
    } else {
        fee.set("note", YamlValue::text(single_line(v)));
    }
    fees.list.items.push_back(std::move(fee));
}

// Degrees that lie in Japan (with its outlying islands): 20–46 N, 122–154 E.
bool is_lat(double v) { return v >= 20 && v <= 46; }
bool is_lon(double v) { return v >= 122 && v <= 154; }

std::string format_degree(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.7f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

bool is_mobile_number(std::string_view phone) {
    const std::string p = normalize_phone(phone);
    return p.rfind("090", 0) == 0 || p.rfind("080", 0) == 0 || p.rfind("070", 0) == 0;
}

}  // namespace

std::string municipality_code_from_cell(std::string_view cell) {
    std::string digits;
    for (char c : nfkc(cell))
        if (c >= '0' && c <= '9') digits += c;
        else if (c != ' ' && c != '-') return {};
    if (digits.size() == 5) digits += municipality_check_digit(digits);
    return digits.size() == 6 && valid_municipality_code(digits) ? digits : std::string();
}

void order_activity_keys(YamlValue& record) {
    static constexpr std::string_view order[] = {
        "id", "name", "reading", "aliases", "summary", "description", "content_types", "form", "place_type",
        "target_people", "fields", "organization", "areas", "venue", "schedule", "fees", "fee_note", "eligibility",
        "registration", "capacity", "booking", "accessibility", "languages", "contact", "status", "start_date",
        "source", "as_of", "last_confirmed"};
    auto rank = [](const std::string& k) {
        for (size_t i = 0; i < std::size(order); ++i)
            if (order[i] == k) return i;
        return std::size(order);
    };
    std::stable_sort(record.entries.begin(), record.entries.end(),
                     [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
}

namespace {

// The columns a main row and a supplement row share: where, when, how much, how to book.
void read_place_and_time(const RowContext& ctx, const CsvRow& row, ImportedActivity& out, Diagnostics& diags) {
    const DatasetLayout& L = *ctx.layout;
    YamlValue& rec = out.record;

    // Venue. A 方書 or 会場 that names someone's home makes the venue a private home: only the
    // 町丁目 and a rounded point are kept, the rest goes to the review list.
    // Addresses as NFKC: ２丁目１－１ and 2丁目1-1 are the same place and should look the same.
    const std::string address = nfkc(single_line(L.cell(row, Col::address)));
    const std::string detail = nfkc(single_line(L.cell(row, Col::address_detail)));
    std::string place = single_line(L.cell(row, Col::place_name));
    if (L.tsunagu_export) place = single_line(L.cell(row, Col::t_venue_name));
    bool private_home = L.tsunagu_export && parse_yes_no_cell(L.cell(row, Col::t_private_home)).value_or(false);
    if (!L.tsunagu_export && (is_private_home_note(detail) || is_private_home_note(place))) {
        private_home = true;
        out.review.push_back({row.line, out.id, "住所・方書", address + (detail.empty() ? "" : " " + detail),
                              "方書・会場名が個人宅を示しているため、町丁目までにして公開します",
                              "the venue is a private home: only the 町丁目 and a rounded point are published", true});
    }
    YamlValue venue = YamlValue::map();
    if (!place.empty() && !(private_home && !L.tsunagu_export)) venue.set("name", YamlValue::text(place));
    if (private_home && !L.tsunagu_export) venue.set("name", YamlValue::text("個人宅"));
    if (!address.empty()) venue.set("address", YamlValue::text(private_home ? address_to_chome(address) : address));
    if (!detail.empty() && !private_home) venue.set("address_detail", YamlValue::text(detail));

    const std::string lat_cell = L.cell(row, Col::lat), lon_cell = L.cell(row, Col::lon);
    auto lat = parse_degree_cell(lat_cell), lon = parse_degree_cell(lon_cell);
    if (lat && lon && *lat == 0 && *lon == 0) lat = lon = std::nullopt;  // a placeholder, not a place
    if (lat && lon) {
        if (!is_lat(*lat) && !is_lon(*lon) && is_lat(*lon) && is_lon(*lat)) {
            std::swap(*lat, *lon);
            warn(ctx, row, diags, "import.coordinates_swapped",
                 "緯度と経度が入れ替わっていたので、入れ替えて読みました（緯度 " + lat_cell + "、経度 " + lon_cell + "）",
                 "latitude and longitude were swapped; read them the other way round");
        }
        if (is_lat(*lat) && is_lon(*lon)) {
            GeoPoint g{*lat, *lon, true};
            if (private_home && !L.tsunagu_export) g = rounded_point(g);
            YamlValue geo = YamlValue::map();
            geo.set("lat", YamlValue::raw(format_degree(g.lat)));
            geo.set("lon", YamlValue::raw(format_degree(g.lon)));
            venue.set("geo", std::move(geo));
        } else {
            warn(ctx, row, diags, "import.coordinates",
                 "緯度・経度（" + lat_cell + ", " + lon_cell + "）が日本の範囲にないので、位置は取り込みませんでした",
                 "latitude/longitude (" + lat_cell + ", " + lon_cell + ") are not in Japan; no position imported");
        }
    } else if (!lat_cell.empty() || !lon_cell.empty()) {
        warn(ctx, row, diags, "import.coordinates",
             "緯度・経度の片方がないか数字ではないので、位置は取り込みませんでした（" + lat_cell + ", " + lon_cell + "）",
             "latitude or longitude is missing or not a number; no position imported");
    }
    if (private_home) venue.set("private_home", YamlValue::raw("true"));
    if (!venue.empty()) rec.set("venue", std::move(venue));

    // Schedule: tsunagu's own text when there is one; else 開催日 as written, else the weekday
    // columns; the times are added when the text has none.
    std::string text;
    std::string note = single_line(L.cell(row, Col::time_note));
    std::string code_note;  // how a 開催頻度 code was read, shown with the schedule
    if (L.tsunagu_export && !L.cell(row, Col::t_schedule).empty()) {
        text = single_line(L.cell(row, Col::t_schedule));
    } else {
        const std::string days = single_line(L.cell(row, Col::days));
        const std::string weekdays = L.cell(row, Col::weekdays);
        const std::string frequency = L.cell(row, Col::frequency);
        auto start = parse_time_cell(L.cell(row, Col::start_time));
        auto end = parse_time_cell(L.cell(row, Col::end_time));
        for (auto [cell, col] : {std::pair{L.cell(row, Col::start_time), "開催開始時間"}, {L.cell(row, Col::end_time), "開催終了時間"}})
            if (!cell.empty() && !parse_time_cell(cell))
                warn(ctx, row, diags, "import.time", std::string(col) + " の「" + cell + "」は時刻として読めませんでした",
                     std::string(col) + " \"" + cell + "\" is not a time");
        if (!days.empty()) {
            text = days;
        } else if (!weekdays.empty()) {
            if (auto wd = parse_weekday_cell(weekdays)) {
                // 利用可能曜日 of a facility or an office is when it is open, every week.
                text = L.kind == DatasetKind::kodomo_shokudo ? frequency_phrase(frequency, *wd)
                                                             : "毎週" + weekday_phrase(wd->days);
                if (text.empty()) {
                    // Without a frequency the days alone do not say how often; keep them as written.
                    text = weekday_phrase(wd->days) + "（頻度の記載なし）";
                } else if (L.kind == DatasetKind::kodomo_shokudo) {
                    code_note = "開催頻度コード" + nfkc(frequency) + "から読んだ頻度です";
                }
                if (wd->holidays) text += "・祝日";
            } else {
                text = single_line(weekdays);
            }
        } else if (!frequency.empty()) {
            warn(ctx, row, diags, "import.frequency_code",
                 "開催頻度「" + frequency + "」はコードで、曜日も開催日もないため、開催日時は空のままです",
                 "開催頻度 \"" + frequency + "\" is a code and no weekday or date is given; the schedule is left empty");
        }
        // Event dates as people read them (2026年12月5日), whatever form the cell used.
        auto date_words = [](const std::string& cell) {
            const auto d = parse_date_text(cell);
            return d && d->day ? format_date_ja(*d) : cell;
        };
        const std::string start_date = date_words(single_line(L.cell(row, Col::start_date)));
        const std::string end_date = date_words(single_line(L.cell(row, Col::end_date)));
        if (text.empty() && !start_date.empty())
            text = start_date + (end_date.empty() || end_date == start_date ? "" : "〜" + end_date);
        if (!text.empty() && !text_has_time(text) && start)
            text += " " + *start + "〜" + (end ? *end : std::string());
        else if (text.empty() && start)
            text = *start + "〜" + (end ? *end : std::string());
    }
    if (!text.empty() && !note.empty() && !L.tsunagu_export) {
        // 祝日は休み in the remarks column is part of the schedule when the parser can read it so.
        Diagnostics ignored;
        const std::string joined = text + "（" + note + "）";
        if (parse_schedule(joined, ignored).understood && parse_schedule(text, ignored).understood) {
            text = joined;
            note.clear();
        }
    }
    if (!code_note.empty()) note = note.empty() ? code_note : note + "。" + code_note;
    if (!text.empty()) {
        Diagnostics problems;
        const Schedule s = parse_schedule(text, problems);
        if (!s.understood)
            warn(ctx, row, diags, "import.schedule_text",
                 "開催日時「" + text + "」は一部が読めないため、文のまま載せます（次回の日付は計算されません）",
                 "the schedule \"" + text + "\" is kept as text (next dates are not computed)");
        if (note.empty()) {
            rec.set("schedule", YamlValue::text(text));
        } else {
            YamlValue sched = YamlValue::map();
            sched.set("text", YamlValue::text(text));
            sched.set("note", YamlValue::text(note));
            rec.set("schedule", std::move(sched));
        }
    }

    // Fees: one per age group; tsunagu's own list when present.
    Fees fees;
    if (L.tsunagu_export && L.has(Col::t_fees)) {
        for (const std::string& item : split_multi(L.cell(row, Col::t_fees), true)) {
            std::vector<std::string> parts;
            size_t start = 0;
            for (size_t i = 0; i <= item.size(); ++i)
                if (i == item.size() || item[i] == ':') {
                    parts.push_back(item.substr(start, i - start));
                    start = i + 1;
                }
            YamlValue fee = YamlValue::map();
            fee.set("person", YamlValue::text(parts[0]));
            if (parts.size() > 1 && !parts[1].empty()) {
                if (auto yen = parse_yen_cell(parts[1])) fee.set("amount", YamlValue::raw(std::to_string(*yen)));
            }
            if (parts.size() > 2 && !parts[2].empty()) fee.set("note", YamlValue::text(parts[2]));
            fees.list.items.push_back(std::move(fee));
        }
    } else {
        add_fee(fees, "幼児", L.cell(row, Col::fee_infant));
        add_fee(fees, "小学生", L.cell(row, Col::fee_elementary));
        add_fee(fees, "中学生", L.cell(row, Col::fee_junior_high));
        add_fee(fees, "高校生", L.cell(row, Col::fee_high_school));
        add_fee(fees, "大人", L.cell(row, Col::fee_adult));
        add_fee(fees, "参加者", L.cell(row, Col::fee_basic));
    }
    if (!fees.list.items.empty()) rec.set("fees", std::move(fees.list));
    std::string fee_note = single_line(L.cell(row, Col::fee_note));
    const std::string fee_detail = single_line(L.cell(row, Col::fee_detail));
    if (!fee_detail.empty()) fee_note = fee_note.empty() ? fee_detail : fee_note + " " + fee_detail;
    if (!fee_note.empty()) rec.set("fee_note", YamlValue::text(fee_note));

    const std::string eligibility = single_line(L.cell(row, Col::eligibility));
    if (!eligibility.empty()) rec.set("eligibility", YamlValue::text(eligibility));
    const std::string capacity = L.cell(row, Col::capacity);
    if (!capacity.empty()) {
        bool approx = false;
        if (auto n = parse_count_cell(capacity, &approx); n && !approx) {
            rec.set("capacity", YamlValue::raw(std::to_string(*n)));
        } else {
            // 約20名 or 20名程度 is not a hard limit: it is shown as written with the booking.
            const std::string was = rec.find("eligibility") ? rec.find("eligibility")->scalar + " " : "";
            rec.set("eligibility", YamlValue::text(trim(was + "定員: " + single_line(capacity))));
        }
    }
    std::string booking;
    if (L.tsunagu_export) booking = single_line(L.cell(row, Col::booking));
    else
        for (const std::string& b : split_multi(L.cell(row, Col::booking))) booking += (booking.empty() ? "" : "・") + b;
    const std::string booking_note = single_line(L.cell(row, Col::booking_note));
    if (!booking_note.empty()) booking = booking.empty() ? booking_note : booking + "（" + booking_note + "）";
    if (!booking.empty()) rec.set("booking", YamlValue::text(booking));
}

void read_contact(const RowContext& ctx, const CsvRow& row, ImportedActivity& out, Diagnostics& diags) {
    const DatasetLayout& L = *ctx.layout;
    YamlValue contact = YamlValue::map();
    auto phone_from = [&](Col phone_col, Col note_col, const char* column) {
        const std::string raw = L.cell(row, phone_col);
        if (raw.empty()) return;
        const std::string note = single_line(L.cell(row, note_col));
        std::string phone = normalize_phone(raw);
        const std::string ext = L.cell(row, Col::extension);
        if (phone_col == Col::phone && !ext.empty()) phone += " 内線" + nfkc(ext);
        if (is_private_home_note(note)) {
            out.review.push_back({row.line, out.id, column, phone + "（" + note + "）",
                                  "備考が個人宅・個人の携帯電話を示すため、公開しません",
                                  "the note marks a private home or a personal mobile; not published", true});
            return;
        }
        if (contact.find("phone")) return;  // one published number; the second stays in the source file
        if (is_mobile_number(phone))
            out.review.push_back({row.line, out.id, column, phone,
                                  "携帯電話の番号です。団体の連絡先として公開してよいか確かめてください",
                                  "a mobile number: check that it is the group's contact and may be published",
                                  false});
        contact.set("phone", YamlValue::text(phone));
        if (!note.empty()) contact.set("phone_note", YamlValue::text(note));
    };
    phone_from(Col::phone, Col::phone_note, "電話番号1");
    phone_from(Col::phone2, Col::phone2_note, "電話番号2");
    const std::string fax = L.cell(row, Col::fax);
    if (!fax.empty()) contact.set("fax", YamlValue::text(normalize_phone(fax)));
    for (auto [col, note_col, column] : {std::tuple{Col::email, Col::email_note, "メールアドレス1"},
                                         std::tuple{Col::email2, Col::email2_note, "メールアドレス2"}}) {
        const std::string email = nfkc(L.cell(row, col));
        if (email.empty() || contact.find("email")) continue;
        const std::string note = single_line(L.cell(row, note_col));
        if (is_private_home_note(note)) {
            out.review.push_back({row.line, out.id, column, email + "（" + note + "）",
                                  "備考が個人の連絡先を示すため、公開しません", "the note marks a personal address; not published",
                                  true});
            continue;
        }
        if (email.find('@') == std::string::npos || email.find_first_of(" \t<>\"'`:/") != std::string::npos) {
            warn(ctx, row, diags, "import.email", "メールアドレス「" + email + "」の形が正しくないので取り込みませんでした",
                 "\"" + email + "\" is not an email address; not imported");
            continue;
        }
        contact.set("email", YamlValue::text(email));
    }
    // tsunagu writes the contact's role (事務局 …) into メールアドレス1_連絡先備考, email or not.
    if (L.tsunagu_export && !L.cell(row, Col::email_note).empty())
        contact.set("person_role", YamlValue::text(single_line(L.cell(row, Col::email_note))));
    // A URL cannot hold white space: a line break inside one is a spreadsheet's wrapping (練馬区's
    // file breaks URLs with CRLF inside quotes), so it is joined back.
    std::string url;
    for (char ch : trim(L.cell(row, Col::url)))
        if (ch != '\n' && ch != '\r' && ch != '\t') url += ch;
    if (!url.empty()) {
        if (url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0) {
            if (url.find_first_of(" \n\t") == std::string::npos) contact.set("url", YamlValue::text(url));
            else warn(ctx, row, diags, "import.url", "URL に空白や改行が入っているので取り込みませんでした",
                      "the URL contains spaces or line breaks; not imported");
        } else {
            warn(ctx, row, diags, "import.url", "URL「" + url + "」が http:// か https:// で始まらないので取り込みませんでした",
                 "URL \"" + url + "\" does not start with http:// or https://; not imported");
        }
    }
    if (!contact.empty()) out.record.set("contact", std::move(contact));
}

}  // namespace

ImportedActivity read_activity_row(const RowContext& ctx, const CsvRow& row, Diagnostics& diags) {
    const DatasetLayout& L = *ctx.layout;
    ImportedActivity out;
    out.line = row.line;
    YamlValue& rec = out.record;
    rec = YamlValue::map();
    const std::string name = single_line(L.cell(row, Col::name));
    out.source_id = trim(L.cell(row, Col::source_id));

    // Municipality: the code column (older files may hold 5 digits without the check digit),
    // else the digits the file name starts with.
    std::string code_cell = L.cell(row, Col::code);
    out.municipality_code = municipality_code_from_cell(code_cell);
    if (out.municipality_code.empty()) {
        std::string lead;
        for (char c : ctx.file_name) {
            if (c < '0' || c > '9') break;
            lead += c;
        }
        out.municipality_code = municipality_code_from_cell(lead);
        if (!code_cell.empty() && !out.municipality_code.empty())
            warn(ctx, row, diags, "import.municipality_code",
                 "全国地方公共団体コード「" + code_cell + "」が正しくないので、ファイル名の " + out.municipality_code + " を使いました",
                 "municipality code \"" + code_cell + "\" is invalid; used " + out.municipality_code + " from the file name");
    }
    out.prefecture = single_line(L.cell(row, Col::prefecture));
    if (out.prefecture.empty() && !out.municipality_code.empty())
        out.prefecture = std::string(prefecture_name(out.municipality_code));
    out.municipality_name = single_line(L.cell(row, Col::municipality));

    // Id: tsunagu's own; else dataset + municipality + source ID, stable across re-imports;
    // a hash of name and address when the ID is empty.
    const std::string prefix = std::string(dataset_id_prefix(L.kind)) +
                               (out.municipality_code.empty() ? "" : "-" + out.municipality_code);
    const std::string tid = trim(L.cell(row, Col::t_id));
    if (L.tsunagu_export && is_valid_id(tid)) {
        out.id = tid;
    } else {
        const std::string part = id_part(out.source_id);
        out.id = prefix + "-" + (part.empty() ? "h" + short_hash(name + "\n" + L.cell(row, Col::address)) : part);
        if (!is_valid_id(out.id)) out.id = prefix + "-h" + short_hash(out.source_id + "\n" + name);
    }
    rec.set("id", YamlValue::text(out.id));
    rec.set("name", YamlValue::text(name));

    std::string reading;
    if (L.tsunagu_export && !L.cell(row, Col::t_reading).empty()) reading = L.cell(row, Col::t_reading);
    else if (!L.cell(row, Col::kana).empty()) reading = reading_from_kana_cell(L.cell(row, Col::kana));
    if (!reading.empty() && !is_kana_reading(reading)) {
        // Readings typed with decoration (〜みんないっしょに〜, （）, ！): the symbols become spaces.
        std::string cleaned;
        for (size_t pos = 0; pos < reading.size();) {
            const size_t before = pos;
            const char32_t c = decode_utf8(reading, pos);
            const std::string one = reading.substr(before, pos - before);
            if (is_kana_reading(one) || c == 0x30FC /* ー */) cleaned += one;
            else if (!cleaned.empty() && cleaned.back() != ' ') cleaned += ' ';
        }
        reading = trim(cleaned);
    }
    if (!reading.empty()) {
        if (is_kana_reading(reading)) {
            rec.set("reading", YamlValue::text(reading));
        } else {
            warn(ctx, row, diags, "import.reading",
                 "名称_カナ「" + L.cell(row, Col::kana) + "」がかなではないので、読みは取り込みませんでした",
                 "名称_カナ \"" + L.cell(row, Col::kana) + "\" is not kana; no reading imported");
        }
    }
    if (L.tsunagu_export && !L.cell(row, Col::t_aliases).empty())
        rec.set("aliases", text_list(split_multi(L.cell(row, Col::t_aliases), true)));

    const std::string purpose = single_line(L.cell(row, Col::purpose));
    const std::string explanation = single_line(L.cell(row, Col::description));
    if (!purpose.empty()) rec.set("summary", YamlValue::text(purpose));
    else if (!explanation.empty() && utf8_length(explanation) <= 80) rec.set("summary", YamlValue::text(explanation));

    // Description: what the row says beyond our fields, one paragraph each.
    std::vector<std::string> paragraphs;
    const std::string category = single_line(L.cell(row, Col::category));
    if (!explanation.empty() && (purpose.empty() ? utf8_length(explanation) > 80 : true)) paragraphs.push_back(explanation);
    if (!category.empty() && !L.tsunagu_export)
        paragraphs.push_back(std::string(L.kind == DatasetKind::care_services ? "サービスの種類" : "区分") + ": " + category);
    if (parse_yes_no_cell(L.cell(row, Col::pantry)).value_or(false))
        paragraphs.push_back("フードパントリー（食品の無料配布）も行っています。");
    if (parse_yes_no_cell(L.cell(row, Col::takeout)).value_or(false))
        paragraphs.push_back("テイクアウト（持ち帰り）もできます。");
    const std::string network = L.cell(row, Col::network);
    if (auto yes = parse_yes_no_cell(network); yes && *yes) paragraphs.push_back("子ども食堂のネットワークに加入しています。");
    else if (!yes && !network.empty()) paragraphs.push_back("加入ネットワーク: " + single_line(network));
    out.school_district = single_line(L.cell(row, Col::school_district));
    if (!out.school_district.empty()) paragraphs.push_back("学区: " + out.school_district);
    if (!L.cell(row, Col::office_number).empty()) paragraphs.push_back("介護保険事業所番号: " + nfkc(L.cell(row, Col::office_number)));
    if (!L.cell(row, Col::access).empty()) paragraphs.push_back("アクセス: " + single_line(L.cell(row, Col::access)));
    if (!L.cell(row, Col::parking).empty()) paragraphs.push_back("駐車場: " + single_line(L.cell(row, Col::parking)));
    const std::string remarks = single_line(L.cell(row, Col::remarks));
    std::string description;
    if (!L.tsunagu_export) {
        if (!remarks.empty()) paragraphs.push_back(remarks);
        for (const std::string& p : paragraphs) description += (description.empty() ? "" : "\n\n") + p;
        if (!description.empty()) rec.set("description", YamlValue::text(description + "\n"));
    }

    // What kind of activity: tsunagu's columns, the dataset itself (子ども食堂一覧), words in the
    // row, or --content-type; when none tells, the caller reports the row.
    std::vector<std::string> types;
    if (L.tsunagu_export) types = split_multi(L.cell(row, Col::t_content_types), true);
    else if (L.kind == DatasetKind::kodomo_shokudo) types = {"子ども食堂"};
    else types = infer_content_types(category + " " + name + " " + purpose);
    if (types.empty()) types = ctx.content_types;
    out.has_content_type = !types.empty();
    if (!types.empty()) rec.set("content_types", text_list(types));
    if (L.tsunagu_export) {
        auto set_text = [&](Col c, const char* key) {
            const std::string v = single_line(L.cell(row, c));
            if (!v.empty()) rec.set(key, YamlValue::text(v));
        };
        auto set_list = [&](Col c, const char* key) {
            auto items = split_multi(L.cell(row, c), true);
            if (!items.empty()) rec.set(key, text_list(items));
        };
        set_text(Col::t_form, "form");
        set_text(Col::t_place_type, "place_type");
        set_list(Col::t_targets, "target_people");
        set_list(Col::t_fields, "fields");
        set_text(Col::t_registration, "registration");
        set_list(Col::t_languages, "languages");
        set_text(Col::t_status, "status");
        set_text(Col::t_source, "source");
        set_text(Col::t_as_of, "as_of");
        set_text(Col::t_last_confirmed, "last_confirmed");
        set_text(Col::t_start_date, "start_date");
        out.organization_id = trim(L.cell(row, Col::t_organization_id));
        out.area_ids = split_multi(L.cell(row, Col::t_area_ids), true);
        YamlValue access = YamlValue::map();
        for (auto [c, key] : {std::pair{Col::t_barrier_free, "barrier_free"}, {Col::t_pickup, "pickup"},
                              {Col::t_wheelchair_toilet, "wheelchair_toilet"}})
            if (auto yes = parse_yes_no_cell(L.cell(row, c))) access.set(key, YamlValue::raw(*yes ? "true" : "false"));
        if (!remarks.empty()) access.set("note", YamlValue::text(remarks));
        if (!access.empty()) rec.set("accessibility", std::move(access));
    } else if (L.kind == DatasetKind::kodomo_shokudo) {
        rec.set("target_people", text_list({"子ども"}));
        rec.set("fields", text_list({"子ども・子育て"}));
    }

    out.organization_name = single_line(L.cell(row, Col::organization));
    const std::string corp = nfkc(L.cell(row, Col::corporate_number));
    if (!corp.empty()) {
        if (valid_corporate_number(corp)) out.corporate_number = corp;
        else warn(ctx, row, diags, "import.corporate_number", "法人番号「" + corp + "」は検査数字が合わないので取り込みませんでした",
                  "法人番号 \"" + corp + "\" fails its check digit; not imported");
    }

    read_place_and_time(ctx, row, out, diags);
    read_contact(ctx, row, out, diags);
    if (!L.cell(row, Col::image).empty() && !L.tsunagu_export)
        warn(ctx, row, diags, "import.image",
             "画像「" + L.cell(row, Col::image) + "」は取り込みません（写真は static/ に置き、photos に書いてください）",
             "the image is not imported (put photos in static/ and list them under photos)");
    return out;
}

void apply_supplement_row(const RowContext& ctx, const CsvRow& row, ImportedActivity& copy, Diagnostics& diags) {
    for (const char* key : {"venue", "schedule", "fees", "fee_note", "eligibility", "capacity", "booking"})
        copy.record.erase(key);
    copy.line = row.line;
    read_place_and_time(ctx, row, copy, diags);
    const std::string remarks = single_line(ctx.layout->cell(row, Col::remarks));
    if (!remarks.empty()) {
        const YamlValue* d = copy.record.find("description");
        copy.record.set("description", YamlValue::text((d ? d->scalar + "\n" : std::string()) + remarks + "\n"));
    }
}

}  // namespace tsunagu
