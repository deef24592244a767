#include "load/field_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "load/yaml_file.h"
#include "text/codes.h"
#include "text/normalize.h"
#include "text/schedule_parse.h"
#include "text/utf8.h"
#include "text/wareki.h"

namespace tsunagu {

namespace {

const char* node_kind_ja(const YAML::Node& n) {
    if (n.IsMap()) return "対応表（キー: 値）";
    if (n.IsSequence()) return "リスト";
    if (n.IsNull()) return "空";
    return "文字";
}

const char* node_kind_en(const YAML::Node& n) {
    if (n.IsMap()) return "a mapping";
    if (n.IsSequence()) return "a list";
    if (n.IsNull()) return "empty";
    return "a scalar";
}

std::optional<double> parse_double(const std::string& s) {
    const std::string t = nfkc(trim(s));
    double v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<long long> parse_integer(const std::string& s) {
    std::string t = nfkc(trim(s));
    t.erase(std::remove(t.begin(), t.end(), ','), t.end());  // 1,000
    long long v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size() || t.empty()) return std::nullopt;
    return v;
}

bool in_japan(double lat, double lon) { return lat >= 20.0 && lat <= 46.0 && lon >= 122.0 && lon <= 154.0; }

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b) {
    const std::u32string x = to_u32(a), y = to_u32(b);
    std::vector<size_t> prev(y.size() + 1), cur(y.size() + 1);
    for (size_t j = 0; j <= y.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= x.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= y.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[y.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    size_t best_d = SIZE_MAX;
    const size_t len = utf8_length(word);
    const size_t limit = len <= 3 ? 1 : (len <= 6 ? 2 : 3);
    for (const std::string& c : candidates) {
        const size_t d = edit_distance(word, c);
        if (d < best_d) best_d = d, best = c;
    }
    if (best_d <= limit) return best;
    // A part of one value ("サロン" for 交流・サロン, "移動" for 移動・外出支援): that value, when
    // it is the only one containing the word. Two letters at least, or every kana would match.
    if (len >= 2) {
        std::string only;
        for (const std::string& c : candidates)
            if (c.find(word) != std::string::npos) {
                if (!only.empty()) return std::string();
                only = c;
            }
        return only;
    }
    return std::string();
}

FieldReader::FieldReader(const YAML::Node& map, const std::string& file, Diagnostics& diags, std::string prefix,
                         int line_offset)
    : map_(map), file_(file), diags_(diags), prefix_(std::move(prefix)), line_offset_(line_offset) {}

bool FieldReader::has(const char* key) const {
    if (!map_.IsMap()) return false;
    const YAML::Node n = map_[key];
    return n.IsDefined() && !n.IsNull();
}

SourcePos FieldReader::pos() const { return node_pos(map_, file_, line_offset_); }

SourcePos FieldReader::pos_of(const char* key) const {
    if (map_.IsMap()) {
        const YAML::Node n = map_[key];
        if (n.IsDefined()) {
            SourcePos p = node_pos(n, file_, line_offset_);
            if (p.line > 0) return p;
        }
    }
    return pos();
}

void FieldReader::type_error(const char* key, const YAML::Node& n, const char* expected_ja, const char* expected_en) {
    diags_.push_back(make_error("field.type", node_pos(n, file_, line_offset_),
                                "「" + name(key) + "」は" + expected_ja + "で書いてください（いまは" + node_kind_ja(n) + "）",
                                "field " + name(key) + " must be " + expected_en + ", not " + node_kind_en(n)));
}

void FieldReader::value_error(const char* key, const SourcePos& pos, const std::string& code, const std::string& ja,
                              const std::string& en, std::string hint) {
    Diagnostic d = make_error(code, pos, ja, en);
    d.hint = std::move(hint);
    diags_.push_back(std::move(d));
}

std::optional<YAML::Node> FieldReader::scalar_value(const char* key, const char* expected_ja, const char* expected_en) {
    known_.push_back(key);
    if (!map_.IsMap()) return std::nullopt;
    const YAML::Node n = map_[key];
    if (!n.IsDefined() || n.IsNull()) return std::nullopt;
    if (!n.IsScalar()) {
        type_error(key, n, expected_ja, expected_en);
        return std::nullopt;
    }
    return n;
}

void FieldReader::text(const char* key, std::string& out, Need need) {
    if (auto n = scalar_value(key, "文字", "text")) {
        out = trim(n->Scalar());
    }
    missing_if_empty(key, out.empty(), need);
}

std::vector<YAML::Node> FieldReader::scalar_items(const char* key, const char* expected_ja, const char* expected_en) {
    known_.push_back(key);
    std::vector<YAML::Node> items;
    if (!map_.IsMap()) return items;
    const YAML::Node n = map_[key];
    if (!n.IsDefined() || n.IsNull()) return items;
    if (n.IsScalar()) {
        items.push_back(n);
    } else if (n.IsSequence()) {
        for (const YAML::Node& e : n) {
            if (e.IsScalar()) items.push_back(e);
            else type_error(key, e, expected_ja, expected_en);
        }
    } else {
        type_error(key, n, expected_ja, expected_en);
    }
    return items;
}

void FieldReader::missing_if_empty(const char* key, bool empty, Need need, std::string hint) {
    if (need == Need::required && empty)
        value_error(key, pos_of(key), "field.missing", "「" + name(key) + "」がありません（必須です）",
                    "required field " + name(key) + " is missing", std::move(hint));
}

void FieldReader::texts(const char* key, std::vector<std::string>& out, Need need) {
    for (const YAML::Node& e : scalar_items(key, "文字のリスト", "a list of text")) {
        std::string t = trim(e.Scalar());
        if (!t.empty()) out.push_back(std::move(t));
    }
    missing_if_empty(key, out.empty(), need);
}

void FieldReader::texts(const char* key, std::vector<std::string>& out, RecordMeta& meta, Need need) {
    for (const YAML::Node& e : scalar_items(key, "文字のリスト", "a list of text")) {
        std::string t = trim(e.Scalar());
        if (t.empty()) continue;
        const SourcePos p = node_pos(e, file_, line_offset_);
        meta.field_pos.push_back(FieldPos{key, static_cast<int>(out.size()), p.line, p.column});
        out.push_back(std::move(t));
    }
    missing_if_empty(key, out.empty(), need);
}

void FieldReader::integer(const char* key, std::optional<long long>& out, long long min, long long max) {
    if (auto n = scalar_value(key, "整数", "a whole number")) {
        auto v = parse_integer(n->Scalar());
        if (!v) {
            value_error(key, node_pos(*n, file_, line_offset_), "field.type",
                        "「" + name(key) + "」は整数で書いてください（いまは \"" + n->Scalar() + "\"）",
                        "field " + name(key) + " must be a whole number, not \"" + n->Scalar() + "\"");
        } else if (*v < min || *v > max) {
            value_error(key, node_pos(*n, file_, line_offset_), "field.value",
                        "「" + name(key) + "」は " + std::to_string(min) + "〜" + std::to_string(max) + " の範囲で書いてください",
                        "field " + name(key) + " must be between " + std::to_string(min) + " and " + std::to_string(max));
        } else {
            out = *v;
        }
    }
}

void FieldReader::yen(const char* key, std::optional<long long>& out, Need need) {
    if (auto n = scalar_value(key, "金額（円）", "an amount in yen")) {
        std::string t = nfkc(trim(n->Scalar()));
        if (t.size() > 3 && t.substr(t.size() - 3) == "円") t.resize(t.size() - 3);  // 1,000円
        const SourcePos at = node_pos(*n, file_, line_offset_);
        if (t.find('.') != std::string::npos) {
            value_error(key, at, "money.not_whole_yen",
                        "「" + name(key) + "」の " + n->Scalar() + " は円未満を含みます。金額は1円単位の整数で書いてください",
                        "field " + name(key) + ": " + n->Scalar() + " is not a whole number of yen");
        } else if (auto v = parse_integer(t); !v) {
            value_error(key, at, "field.type", "「" + name(key) + "」は金額（円の整数）で書いてください（いまは "" + n->Scalar() + ""）",
                        "field " + name(key) + " must be an amount in whole yen, not "" + n->Scalar() + """);
        } else if (*v < 0) {
            value_error(key, at, "money.negative", "「" + name(key) + "」が負の金額です（" + n->Scalar() + "）",
                        "field " + name(key) + " is negative (" + n->Scalar() + ")");
        } else if (*v > 1'000'000'000'000LL) {
            value_error(key, at, "field.value", "「" + name(key) + "」が大きすぎます（1兆円まで）",
                        "field " + name(key) + " is larger than 1,000,000,000,000 yen");
        } else {
            out = *v;
        }
        return;
    }
    missing_if_empty(key, !out.has_value(), need);
}

void FieldReader::integer(const char* key, std::optional<int>& out, int min, int max) {
    std::optional<long long> v;
    integer(key, v, min, max);
    if (v) out = static_cast<int>(*v);
}

std::optional<double> parse_decimal(std::string_view text) {
    double v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || p != text.data() + text.size()) return std::nullopt;
    return v;
}

void FieldReader::number(const char* key, std::optional<double>& out, double min, double max, int* decimals_out) {
    if (auto n = scalar_value(key, "数", "a number")) {
        std::string t = nfkc(trim(n->Scalar()));
        std::erase(t, ',');
        const SourcePos at = node_pos(*n, file_, line_offset_);
        const auto v = parse_decimal(t);
        if (!v) {
            value_error(key, at, "field.type", "「" + name(key) + "」は数で書いてください（いまは \"" + n->Scalar() + "\"）",
                        "field " + name(key) + " must be a number, not \"" + n->Scalar() + "\"");
        } else if (*v < min || *v > max) {
            value_error(key, at, "field.value", "「" + name(key) + "」の " + n->Scalar() + " は範囲の外です",
                        "field " + name(key) + ": " + n->Scalar() + " is out of range");
        } else {
            out = *v;
            if (decimals_out) {
                const size_t dot = t.find('.');
                *decimals_out = dot == std::string::npos ? 0 : static_cast<int>(t.size() - dot - 1);
            }
        }
    }
}

void FieldReader::fiscal_year(const char* key, int& out, Need need) {
    std::string t;
    text(key, t, need);
    if (t.empty()) return;
    if (auto fy = parse_fiscal_year(t)) {
        out = *fy;
        return;
    }
    const std::string n = nfkc(t);
    if (n.size() == 4 && n.find_first_not_of("0123456789") == std::string::npos) {
        out = std::stoi(n);
        return;
    }
    value_error(key, pos_of(key), "field.value", "年度「" + t + "」を読めません（2025 や 令和7年度 と書いてください）",
                "cannot read the fiscal year \"" + t + "\" (write 2025 or 令和7年度)");
}

void FieldReader::boolean(const char* key, bool& out) {
    Tri t = Tri::unknown;
    tri(key, t);
    if (t != Tri::unknown) out = t == Tri::yes;
}

void FieldReader::tri(const char* key, Tri& out) {
    if (auto n = scalar_value(key, "true か false", "true or false")) {
        const std::string s = nfkc(trim(n->Scalar()));
        if (s == "true" || s == "yes" || s == "あり" || s == "はい") {
            out = Tri::yes;
        } else if (s == "false" || s == "no" || s == "なし" || s == "いいえ") {
            out = Tri::no;
        } else {
            value_error(key, node_pos(*n, file_, line_offset_), "field.type",
                        "「" + name(key) + "」は true か false で書いてください（いまは \"" + n->Scalar() + "\"）",
                        "field " + name(key) + " must be true or false, not \"" + n->Scalar() + "\"");
        }
    }
}

void FieldReader::date(const char* key, Date& out) {
    if (auto n = scalar_value(key, "日付", "a date")) {
        const std::string s = trim(n->Scalar());
        const std::string digits = nfkc(s);
        if (auto d = parse_date_text(s)) {
            out = *d;
        } else if (digits.size() == 4 && digits.find_first_not_of("0123456789") == std::string::npos &&
                   std::stoi(digits) >= 1868) {
            out = Date{std::stoi(digits), 0, 0};  // a bare year (YAML reads 2018 as a number): year precision
        } else {
            value_error(key, node_pos(*n, file_, line_offset_), "date.invalid",
                        "「" + name(key) + "」の日付 \"" + s + "\" を読めません（例: 2026-10-01、令和8年10月1日）",
                        "cannot read \"" + s + "\" in " + name(key) + " as a date (e.g. 2026-10-01)");
        }
    }
}

void FieldReader::dates(const char* key, std::vector<Date>& out) {
    std::vector<std::string> raw;
    texts(key, raw);
    for (const std::string& s : raw) {
        if (auto d = parse_date_text(s); d && d->day != 0) {
            out.push_back(*d);
        } else {
            value_error(key, pos_of(key), "date.invalid", "「" + name(key) + "」の日付 \"" + s + "\" を読めません",
                        "cannot read \"" + s + "\" in " + name(key) + " as a date");
        }
    }
}

static const Term* lookup_term(Vocabulary v, const std::string& value) {
    if (const Term* t = find_term(v, value)) return t;
    if (const Term* t = find_term_by_slug(v, value)) return t;
    const std::string n = nfkc(value);  // 交流･サロン with a half-width dot, full-width letters
    if (const Term* t = find_term(v, n)) return t;
    for (const Term& t : terms(v))
        if (nfkc(std::string(t.label)) == n) return &t;
    return nullptr;
}

static std::string term_hint(Vocabulary v, const std::string& value) {
    std::vector<std::string> labels;
    for (const Term& t : terms(v)) labels.emplace_back(t.label);
    const std::string m = closest_match(value, labels);
    std::string hint = m.empty() ? std::string() : "「" + m + "」のことですか？ (did you mean \"" + m + "\"?) ";
    return hint + "使える値 (known values): " + known_labels(v);
}

void FieldReader::term(const char* key, Vocabulary v, std::string& out, Need need) {
    if (auto n = scalar_value(key, "文字", "text")) {
        const std::string s = trim(n->Scalar());
        if (const Term* t = lookup_term(v, s)) {
            out = std::string(t->label);
        } else {
            value_error(key, node_pos(*n, file_, line_offset_), "field.value",
                        "「" + name(key) + "」の値 \"" + s + "\" は使えません", "unknown value \"" + s + "\" for " + name(key),
                        term_hint(v, s));
        }
    } else {
        missing_if_empty(key, out.empty(), need, term_hint(v, ""));
    }
}

void FieldReader::term_list(const char* key, Vocabulary v, std::vector<std::string>& out, Need need) {
    bool reported = false;
    for (const YAML::Node& e : scalar_items(key, "文字のリスト", "a list of text")) {
        const std::string s = trim(e.Scalar());
        if (const Term* t = lookup_term(v, s)) {
            if (std::find(out.begin(), out.end(), t->label) == out.end()) out.emplace_back(t->label);
        } else {
            value_error(key, node_pos(e, file_, line_offset_), "field.value", "「" + name(key) + "」の値 \"" + s + "\" は使えません",
                        "unknown value \"" + s + "\" for " + name(key), term_hint(v, s));
            reported = true;
        }
    }
    // Values were written but none is known: each has its own error above; "missing" would only repeat them.
    if (!reported) missing_if_empty(key, out.empty(), need, term_hint(v, ""));
}

void FieldReader::geo(const char* key, GeoPoint& out) {
    known_.push_back(key);
    if (!map_.IsMap()) return;
    const YAML::Node n = map_[key];
    if (!n.IsDefined() || n.IsNull()) return;
    std::optional<double> lat, lon;
    if (n.IsMap()) {
        FieldReader r(n, file_, diags_, name(key) + ".", line_offset_);
        std::string a, b;
        r.text("lat", a);
        r.text("lon", b);
        r.finish();
        if (a.empty() || b.empty()) {
            value_error(key, node_pos(n, file_, line_offset_), "field.missing",
                        "「" + name(key) + "」には lat（緯度）と lon（経度）の両方が必要です",
                        name(key) + " needs both lat and lon");
            return;
        }
        lat = parse_double(a);
        lon = parse_double(b);
    } else if (n.IsSequence() && n.size() == 2 && n[0].IsScalar() && n[1].IsScalar()) {
        lat = parse_double(n[0].Scalar());
        lon = parse_double(n[1].Scalar());
    } else {
        type_error(key, n, "{lat: 緯度, lon: 経度}", "{lat: …, lon: …}");
        return;
    }
    const SourcePos p = node_pos(n, file_, line_offset_);
    if (!lat || !lon) {
        value_error(key, p, "field.type", "「" + name(key) + "」の緯度・経度を数として読めません",
                    "cannot read the latitude/longitude of " + name(key) + " as numbers");
        return;
    }
    if (!in_japan(*lat, *lon)) {
        if (in_japan(*lon, *lat)) {
            value_error(key, p, "geo.swapped", "「" + name(key) + "」の緯度と経度が入れ替わっているようです",
                        "latitude and longitude of " + name(key) + " look swapped",
                        "lat: " + std::to_string(*lon) + ", lon: " + std::to_string(*lat));
        } else {
            value_error(key, p, "geo.outside_japan", "「" + name(key) + "」の位置が日本の外です",
                        "the point in " + name(key) + " lies outside Japan");
        }
        return;
    }
    out = GeoPoint{*lat, *lon, true};
}

static bool has_allowed_scheme(const std::string& url) {
    std::string lower;
    for (char c : url.substr(0, 8)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.rfind("https://", 0) == 0 || lower.rfind("http://", 0) == 0;
}

void FieldReader::url(const char* key, std::string& out) {
    std::string s;
    text(key, s);
    if (s.empty()) return;
    const bool bad_chars = s.find_first_of(" \t\r\n<>\"'`") != std::string::npos;
    if (!has_allowed_scheme(s) || bad_chars) {
        value_error(key, pos_of(key), "url.scheme",
                    "「" + name(key) + "」の URL \"" + s + "\" は使えません（http:// か https:// で始まる URL だけが使えます）",
                    "URL \"" + s + "\" in " + name(key) + " is not allowed: only http:// and https:// URLs are published");
        return;
    }
    out = s;
}

void FieldReader::reading(const char* key, std::string& out) {
    text(key, out);
    if (!out.empty() && !is_kana_reading(out)) {
        value_error(key, pos_of(key), "field.value",
                    "「" + name(key) + "」はひらがなかカタカナで書いてください（いまは \"" + out + "\"）",
                    "the reading in " + name(key) + " must be hiragana or katakana, not \"" + out + "\"");
        out.clear();
    }
}

void FieldReader::id(const char* key, std::string& out, Need need) {
    text(key, out, need);
    if (!out.empty() && !is_valid_id(out)) {
        value_error(key, pos_of(key), "id.invalid",
                    "id \"" + out + "\" は使えません。半角英小文字・数字・ハイフンで 64 文字まで（例: sakura-salon）",
                    "id \"" + out + "\" is invalid: use a-z, 0-9 and '-', at most 64 characters (e.g. sakura-salon)");
        out.clear();
    }
}

void FieldReader::ref(const char* key, std::string& out, RecordMeta& meta, Need need) {
    text(key, out, need);
    if (!out.empty()) {
        const SourcePos p = pos_of(key);
        meta.field_pos.push_back(FieldPos{key, -1, p.line, p.column});
    }
}

void FieldReader::refs(const char* key, std::vector<std::string>& out, RecordMeta& meta, Need need) {
    for (const YAML::Node& e : scalar_items(key, "id のリスト", "a list of ids")) {
        const std::string s = trim(e.Scalar());
        if (s.empty()) continue;
        const SourcePos p = node_pos(e, file_, line_offset_);
        meta.field_pos.push_back(FieldPos{key, static_cast<int>(out.size()), p.line, p.column});
        out.push_back(s);
    }
    missing_if_empty(key, out.empty(), need);
}

void FieldReader::schedule(const char* key, Schedule& out) {
    known_.push_back(key);
    if (!map_.IsMap()) return;
    const YAML::Node n = map_[key];
    if (!n.IsDefined() || n.IsNull()) return;
    std::string text_value;
    SourcePos text_pos = node_pos(n, file_, line_offset_);
    std::optional<FieldReader> sub;
    if (n.IsScalar()) {
        text_value = trim(n.Scalar());
    } else if (n.IsMap()) {
        sub.emplace(n, file_, diags_, name(key) + ".", line_offset_);
        sub->text("text", text_value, Need::required);
        text_pos = sub->pos_of("text");
    } else {
        type_error(key, n, "文字（例: 毎週水曜 10:00〜12:00）", "text (e.g. 毎週水曜 10:00〜12:00)");
        return;
    }
    Diagnostics problems;
    out = parse_schedule(text_value, problems);
    for (Diagnostic& d : problems) {
        d.pos = text_pos;
        diags_.push_back(std::move(d));
    }
    if (sub) {
        sub->date("valid_from", out.valid_from);
        sub->date("valid_until", out.valid_until);
        sub->dates("except_dates", out.except_dates);
        sub->dates("extra_dates", out.extra_dates);
        sub->text("note", out.note);
        sub->finish();
        if (!out.valid_from.empty() && !out.valid_until.empty() && out.valid_until < out.valid_from)
            value_error(key, sub->pos_of("valid_until"), "date.invalid", "valid_until が valid_from より前です",
                        "valid_until is before valid_from");
    }
}

void FieldReader::contact(const char* key, Contact& out) {
    auto m = mapping(key);
    if (!m) return;
    FieldReader r(*m, file_, diags_, name(key) + ".", line_offset_);
    r.text("phone", out.phone);
    out.phone = normalize_phone(out.phone);
    r.text("phone_note", out.phone_note);
    r.text("fax", out.fax);
    out.fax = normalize_phone(out.fax);
    r.text("email", out.email);
    r.url("url", out.url);
    r.text("person_role", out.person_role);
    r.finish();
    if (!out.email.empty() && (out.email.find('@') == std::string::npos ||
                               out.email.find_first_of(" \t<>\"'`:/") != std::string::npos)) {
        value_error("email", r.pos_of("email"), "field.value", "メールアドレス \"" + out.email + "\" の形が正しくありません",
                    "\"" + out.email + "\" is not an email address");
        out.email.clear();
    }
    if (!out.phone_note.empty() && is_private_home_note(out.phone_note)) {
        value_error("phone_note", r.pos_of("phone_note"), "privacy.private_phone",
                    "連絡先の備考「" + out.phone_note + "」から、個人宅の電話番号と読めます。公開できません。番号を削除し、団体の連絡先を書いてください",
                    "the note \"" + out.phone_note + "\" marks this as a private home number, which must not be published; remove it");
        out.phone.clear();
        out.phone_note.clear();
    }
}

void FieldReader::venue(const char* key, Venue& out, RecordMeta& meta) {
    auto m = mapping(key);
    if (!m) return;
    FieldReader r(*m, file_, diags_, name(key) + ".", line_offset_);
    r.text("name", out.name);
    r.text("address", out.address);
    r.text("address_detail", out.address_detail);
    r.geo("geo", out.geo);
    r.boolean("private_home", out.private_home);
    r.finish();
}

void FieldReader::meta_fields(RecordMeta& meta) {
    meta_fields_without_source(meta);
    text("source", meta.source);
}

void FieldReader::meta_fields_without_source(RecordMeta& meta) {
    meta.pos = pos();
    id("id", meta.id);
    date("as_of", meta.as_of);
    date("last_confirmed", meta.last_confirmed);
}

std::optional<YAML::Node> FieldReader::mapping(const char* key) {
    known_.push_back(key);
    if (!map_.IsMap()) return std::nullopt;
    const YAML::Node n = map_[key];
    if (!n.IsDefined() || n.IsNull()) return std::nullopt;
    if (!n.IsMap()) {
        type_error(key, n, "対応表（キー: 値）", "a mapping");
        return std::nullopt;
    }
    return n;
}

std::vector<YAML::Node> FieldReader::sequence(const char* key) {
    known_.push_back(key);
    std::vector<YAML::Node> out;
    if (!map_.IsMap()) return out;
    const YAML::Node n = map_[key];
    if (!n.IsDefined() || n.IsNull()) return out;
    if (n.IsSequence()) {
        for (const YAML::Node& e : n) out.push_back(e);
    } else if (n.IsMap()) {
        out.push_back(n);
    } else {
        type_error(key, n, "リスト", "a list");
    }
    return out;
}

void FieldReader::finish() {
    if (!map_.IsMap()) return;
    std::vector<std::string> known(known_.begin(), known_.end());
    std::vector<std::string> seen;
    for (auto it = map_.begin(); it != map_.end(); ++it) {
        if (!it->first.IsScalar()) {
            diags_.push_back(make_error("field.type", node_pos(it->first, file_, line_offset_), "キーは文字で書いてください",
                                        "keys must be text"));
            continue;
        }
        const std::string k = it->first.Scalar();
        // YAML parsers keep one of two equal keys silently; the other value would be lost.
        if (std::find(seen.begin(), seen.end(), k) != seen.end()) {
            diags_.push_back(make_error("field.duplicate", node_pos(it->first, file_, line_offset_),
                                        "「" + name(k.c_str()) + "」が二度書かれています。一つにしてください",
                                        "field " + name(k.c_str()) + " is written twice; keep one"));
            continue;
        }
        seen.push_back(k);
        if (std::find(known.begin(), known.end(), k) != known.end()) continue;
        Diagnostic d = make_error("field.unknown", node_pos(it->first, file_, line_offset_),
                                  "「" + name(k.c_str()) + "」という項目はありません", "unknown field " + name(k.c_str()));
        const std::string m = closest_match(k, known);
        if (!m.empty()) d.hint = "「" + m + "」のことですか？ (did you mean \"" + m + "\"?)";
        diags_.push_back(std::move(d));
    }
}

}  // namespace tsunagu
