// The columns of the activities table tsunagu exports as 自治体標準 CSV and reads back on import.
// The first 49 are the 自治体標準オープンデータセット 子ども食堂一覧 (newer layout, in its order), so
// any tool that reads that dataset reads our file; tsunagu's own columns follow after 備考, as the
// standard allows for 独自項目. Export writes exactly these headers; import recognises them, and
// when the tsunagu columns are present it reproduces the exported records (the round trip).
#pragma once

#include <array>
#include <string_view>

namespace tsunagu {

inline constexpr std::array<std::string_view, 49> kKodomoShokudoColumns = {
    "全国地方公共団体コード", "ID", "都道府県", "市区町村名", "名称", "名称_カナ", "設置目的", "実施支援の主な区分",
    "住所", "方書", "緯度", "経度", "電話番号1", "電話番号1_連絡先備考", "電話番号2", "電話番号2_連絡先備考",
    "内線番号", "FAX番号", "URL", "メールアドレス1", "メールアドレス1_連絡先備考", "メールアドレス2",
    "メールアドレス2_連絡先備考", "法人番号", "運営団体名", "開催頻度", "開催曜日", "開催日", "開催開始時間",
    "開催終了時間", "開催日時特記事項", "参加条件", "参加費_幼児", "参加費_小学生", "参加費_中学生", "参加費_高校生",
    "参加費_大人", "参加費特記事項", "予約方法", "予約特記事項", "定員", "フードパントリー実施", "テイクアウト実施",
    "学区", "ネットワークの加入", "追加情報NO", "画像", "画像_ライセンス", "備考",
};

// tsunagu's own columns. Multiple values are joined with ';' (as the standard does, e.g. 電話;SMS).
// 参加費一覧 holds every fee as "person:amount" or "person:amount:note" joined with ';' (amount
// empty = not stated; ':' and ';' inside values are written full-width).
// Yes/no columns hold 1 (yes), 0 (no) or nothing (unknown).
inline constexpr std::array<std::string_view, 24> kTsunaguActivityColumns = {
    "tsunagu_活動ID",        // the record id; import keeps it
    "tsunagu_読み",          // reading exactly as recorded (名称_カナ is its katakana form)
    "tsunagu_別名",          // aliases
    "tsunagu_内容",          // content_types (labels of the content_type taxonomy)
    "tsunagu_形態",          // form
    "tsunagu_居場所の種類",  // place_type
    "tsunagu_対象",          // target_people
    "tsunagu_分野",          // fields
    "tsunagu_運営団体ID",    // organization id
    "tsunagu_地域ID",        // area ids
    "tsunagu_会場名",        // venue name
    "tsunagu_個人宅",        // venue is a private home (address and point are already coarsened)
    "tsunagu_開催日時",      // the schedule text exactly as recorded
    "tsunagu_参加費一覧",    // every fee (see above)
    "tsunagu_登録",          // registration
    "tsunagu_バリアフリー",  // accessibility.barrier_free
    "tsunagu_送迎",          // accessibility.pickup
    "tsunagu_車いす用トイレ",  // accessibility.wheelchair_toilet
    "tsunagu_言語",          // languages
    "tsunagu_状況",          // status
    "tsunagu_出典",          // source
    "tsunagu_時点",          // as_of (YYYY-MM-DD or YYYY-MM)
    "tsunagu_最終確認日",    // last_confirmed
    "tsunagu_活動開始",      // start_date (YYYY-MM or YYYY-MM-DD)
};

// Columns that map one to one onto Activity fields on export (the others are derived):
//   名称 = name, 名称_カナ = reading in katakana, 設置目的 = summary, 住所 = venue.address,
//   方書 = venue.address_detail, 緯度/経度 = venue.geo, 電話番号1(+_連絡先備考) = contact.phone(+note),
//   FAX番号 = contact.fax, URL = contact.url, メールアドレス1 = contact.email,
//   メールアドレス1_連絡先備考 = contact.person_role, 法人番号/運営団体名 = the organization's,
//   開催曜日/開催開始時間/開催終了時間 = from the weekly rules of the schedule, 開催日 = schedule text,
//   開催日時特記事項 = schedule note, 参加条件 = eligibility, 参加費_* = fees whose person is
//   幼児/小学生/中学生/高校生/大人, 参加費特記事項 = fee_note, 予約方法 = booking, 定員 = capacity,
//   備考 = accessibility.note.

}  // namespace tsunagu
