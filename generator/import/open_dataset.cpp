#include "import/open_dataset.h"

#include <utility>

#include "model/open_data_columns.h"
#include "text/normalize.h"
#include "text/utf8.h"

namespace tsunagu {

namespace {

struct ColumnNames {
    Col col;
    std::vector<std::string_view> names;  // first match wins; compared after NFKC and without spaces
};

// Header names by column, from the dataset definitions and the variants real files use
// (全角括弧, 名称（カナ）, …). NFKC makes （） and () the same before comparing.
const std::vector<ColumnNames>& column_names() {
    static const std::vector<ColumnNames> table = {
        {Col::code, {"全国地方公共団体コード", "都道府県コード又は市区町村コード", "都道府県コードまたは市区町村コード", "市区町村コード", "団体コード", "地方公共団体コード"}},
        {Col::source_id, {"ID", "NO", "No", "番号"}},
        {Col::prefecture, {"都道府県", "都道府県名"}},
        {Col::municipality, {"市区町村名", "地方公共団体名", "市区町村"}},
        {Col::name, {"名称", "介護サービス事業所名称", "イベント名", "施設名", "事業所名", "名前"}},
        {Col::kana, {"名称_カナ", "介護サービス事業所名称_カナ", "イベント名_カナ", "名称カナ", "名称(カナ)", "フリガナ", "ふりがな"}},
        {Col::purpose, {"設置目的"}},
        {Col::category, {"実施支援の主な区分", "実施サービス", "介護サービスの種類", "サービスの種類", "種別", "分類"}},
        {Col::address, {"住所", "所在地", "場所住所", "所在地_連結表記"}},
        {Col::address_detail, {"方書", "場所方書", "所在地_方書"}},
        {Col::place_name, {"場所名称", "会場名", "開催場所"}},
        {Col::lat, {"緯度"}},
        {Col::lon, {"経度"}},
        {Col::phone, {"電話番号1", "電話番号", "連絡先電話番号"}},
        {Col::phone_note, {"電話番号1_連絡先備考", "電話番号_連絡先備考", "連絡先備考"}},
        {Col::phone2, {"電話番号2"}},
        {Col::phone2_note, {"電話番号2_連絡先備考"}},
        {Col::extension, {"内線番号", "連絡先内線番号"}},
        {Col::fax, {"FAX番号", "FAX"}},
        {Col::url, {"URL", "ホームページ", "ホームページURL"}},
        {Col::email, {"メールアドレス1", "メールアドレス"}},
        {Col::email_note, {"メールアドレス1_連絡先備考"}},
        {Col::email2, {"メールアドレス2"}},
        {Col::email2_note, {"メールアドレス2_連絡先備考"}},
        {Col::corporate_number, {"法人番号", "主催者法人番号"}},
        {Col::organization, {"運営団体名", "法人の名称", "団体名", "主催者", "運営主体"}},
        {Col::frequency, {"開催頻度"}},
        {Col::weekdays, {"開催曜日", "利用可能曜日"}},
        {Col::days, {"開催日"}},
        {Col::start_time, {"開催開始時間", "開始時間"}},
        {Col::end_time, {"開催終了時間", "終了時間"}},
        {Col::time_note, {"開催日時特記事項", "利用可能日時特記事項", "開始日時特記事項"}},
        {Col::start_date, {"開始日"}},
        {Col::end_date, {"終了日"}},
        {Col::eligibility, {"参加条件", "対象者"}},
        {Col::fee_infant, {"参加費_幼児"}},
        {Col::fee_elementary, {"参加費_小学生"}},
        {Col::fee_junior_high, {"参加費_中学生"}},
        {Col::fee_high_school, {"参加費_高校生"}},
        {Col::fee_adult, {"参加費_大人"}},
        {Col::fee_basic, {"料金(基本)", "料金"}},
        {Col::fee_detail, {"料金(詳細)"}},
        {Col::fee_note, {"参加費特記事項"}},
        {Col::booking, {"予約方法", "申込方法"}},
        {Col::booking_note, {"予約特記事項", "申込期限"}},
        {Col::capacity, {"定員"}},
        {Col::pantry, {"フードパントリー実施"}},
        {Col::takeout, {"テイクアウト実施"}},
        {Col::school_district, {"学区"}},
        {Col::network, {"ネットワークの加入"}},
        {Col::image, {"画像"}},
        {Col::image_license, {"画像_ライセンス"}},
        {Col::remarks, {"備考"}},
        {Col::description, {"説明", "概要"}},
        {Col::access, {"アクセス方法"}},
        {Col::parking, {"駐車場情報"}},
        {Col::office_number, {"事業所番号", "介護保険事業所番号"}},
    };
    return table;
}

// tsunagu_ columns in the order of kTsunaguActivityColumns.
constexpr std::array<Col, kTsunaguActivityColumns.size()> kTsunaguCols = {
    Col::t_id, Col::t_reading, Col::t_aliases, Col::t_content_types, Col::t_form, Col::t_place_type, Col::t_targets,
    Col::t_fields, Col::t_organization_id, Col::t_area_ids, Col::t_venue_name, Col::t_private_home, Col::t_schedule,
    Col::t_fees, Col::t_registration, Col::t_barrier_free, Col::t_pickup, Col::t_wheelchair_toilet, Col::t_languages,
    Col::t_status, Col::t_source, Col::t_as_of, Col::t_last_confirmed, Col::t_start_date,
};

// Header cells compared after NFKC, without spaces and with '＿' as '_'.
std::string header_key(std::string_view cell) {
    std::string n = nfkc(trim(cell));
    std::string out;
    for (size_t pos = 0; pos < n.size();) {
        const char32_t c = decode_utf8(n, pos);
        if (is_space(c)) continue;
        append_utf8(out, c);
    }
    return out;
}

DatasetLayout map_columns(const CsvRow& header) {
    DatasetLayout layout;
    layout.column.fill(-1);
    std::vector<std::string> keys;
    for (const std::string& f : header.fields) keys.push_back(header_key(f));
    std::vector<bool> used(keys.size(), false);
    auto assign = [&](Col col, std::string_view name) {
        const std::string want = header_key(name);
        for (size_t i = 0; i < keys.size(); ++i)
            if (!used[i] && keys[i] == want) {
                layout.column[static_cast<size_t>(col)] = static_cast<int>(i);
                used[i] = true;
                return true;
            }
        return false;
    };
    for (size_t i = 0; i < kTsunaguCols.size(); ++i) assign(kTsunaguCols[i], kTsunaguActivityColumns[i]);
    for (const ColumnNames& c : column_names())
        for (std::string_view n : c.names)
            if (assign(c.col, n)) break;
    for (size_t i = 0; i < keys.size(); ++i)
        if (!used[i] && !keys[i].empty()) layout.unknown_headers.push_back(trim(header.fields[i]));
    return layout;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string DatasetLayout::cell(const CsvRow& row, Col c) const {
    const int i = column[static_cast<size_t>(c)];
    if (i < 0 || static_cast<size_t>(i) >= row.fields.size()) return {};
    return trim(row.fields[static_cast<size_t>(i)]);
}

std::optional<DatasetLayout> recognise_dataset(const std::vector<CsvRow>& rows, std::string_view file_name,
                                               std::string& why) {
    // A title row or two may come before the header; a header is never further down than this.
    const size_t look = std::min<size_t>(rows.size(), 5);
    for (size_t r = 0; r < look; ++r) {
        DatasetLayout layout = map_columns(rows[r]);
        layout.header_row = r;
        layout.tsunagu_export = layout.has(Col::t_id);
        const CsvRow& h = rows[r];
        auto has_header = [&](std::string_view name) {
            const std::string want = header_key(name);
            for (const std::string& f : h.fields)
                if (header_key(f) == want) return true;
            return false;
        };
        layout.older_layout = has_header("NO") && (has_header("都道府県コード又は市区町村コード") ||
                                                   has_header("都道府県コードまたは市区町村コード"));
        if (has_header("介護サービス事業所名称")) {
            layout.kind = DatasetKind::care_services;
        } else if (has_header("イベント名")) {
            layout.kind = DatasetKind::events;
        } else if (layout.has(Col::name) &&
                   (layout.tsunagu_export || has_header("開催頻度") || has_header("参加費_大人") ||
                    has_header("フードパントリー実施") || has_header("子ども食堂名"))) {
            layout.kind = DatasetKind::kodomo_shokudo;
        } else if (layout.has(Col::name) && (layout.has(Col::address) || layout.has(Col::lat))) {
            layout.kind = DatasetKind::public_facilities;
        } else if (!layout.has(Col::name) && layout.has(Col::source_id) &&
                   (layout.has(Col::address) || layout.has(Col::start_time)) &&
                   (ends_with(file_name, "_tsuika.csv") || ends_with(file_name, "_tsuika.CSV") || !layout.has(Col::code))) {
            layout.kind = DatasetKind::supplement;
        } else {
            continue;
        }
        return layout;
    }
    why = rows.empty() ? "empty" : "no_header";
    return std::nullopt;
}

const char* dataset_name_ja(DatasetKind k) {
    switch (k) {
        case DatasetKind::kodomo_shokudo: return "子ども食堂一覧";
        case DatasetKind::care_services: return "介護サービス事業所一覧";
        case DatasetKind::public_facilities: return "公共施設一覧";
        case DatasetKind::events: return "イベント一覧";
        case DatasetKind::supplement: return "追加情報（_tsuika）";
    }
    return "";
}

const char* dataset_name_en(DatasetKind k) {
    switch (k) {
        case DatasetKind::kodomo_shokudo: return "children's cafeterias";
        case DatasetKind::care_services: return "care service offices";
        case DatasetKind::public_facilities: return "public facilities";
        case DatasetKind::events: return "events";
        case DatasetKind::supplement: return "supplementary venues";
    }
    return "";
}

const char* dataset_id_prefix(DatasetKind k) {
    switch (k) {
        case DatasetKind::kodomo_shokudo: return "kodomo";
        case DatasetKind::care_services: return "kaigo";
        case DatasetKind::public_facilities: return "shisetsu";
        case DatasetKind::events: return "event";
        case DatasetKind::supplement: return "kodomo";
    }
    return "";
}

}  // namespace tsunagu
