// Reads the Japanese schedule text people write (毎月第2・第4水曜 10:00〜12:00（祝日は休み）) into
// the recurrence model of model/schedule.h. The text is always kept; whatever cannot be read is
// reported and never guessed. The behaviour is pinned by the table in
// tests/unit/schedule_parse_test.cpp.
#pragma once

#include <string_view>

#include "model/diagnostic.h"
#include "model/schedule.h"

namespace tsunagu {

// Parses `text` (kept verbatim in Schedule::text). Full-width digits, colons and tildes, the
// various dashes and spaces, and the separators 、・,/ are normalised first.
//
// When some part cannot be read, Schedule::understood is false and one warning with code
// `schedule.unreadable` naming the unread parts is appended to `problems` (pos is left empty:
// the caller knows file and line). The rules then hold only what could be read; consumers that
// compute dates ("open today", iCalendar, schema.org) must check `understood` first, and
// display shows the original text.
//
// Accepted, by example: 毎週水曜 / 毎週月、水、金曜日 / 月・水・金 / 月火木金 / 平日 / 毎日 / 土日 /
// 土日祝 / 毎月第2・第4土曜 / 第2・4火曜日 / 第一土曜日 / 毎月最終金曜日 / 第2火曜・第4木曜 /
// 毎月15日 / 毎月10日・25日 / 毎月末日 / 隔週火曜 / 3週間ごと / 2ヶ月に1回 第2火曜日 /
// 月1回不定期 / 月1〜2回 / 月1回程度 / 月1回土曜日 / 土曜の不定期開催 / 不定期 / 年4回 /
// 原則… / …だが変動あり / 10時〜12時 / 10:00-12:00 / 午前10時～午後3時 / 午後1時半〜3時 /
// 17時30分～ / 10:00〜 / 夏休み期間 / 祝日は休み / 祝日・年末年始は休み / 8月は休み /
// （8月を除く） / 4月〜3月 / 夏季（4月～10月）18:00 / 2026年4月から / 2026年4月〜2027年3月 /
// 令和8年度 / several parts separated by 、 or spaces.
Schedule parse_schedule(std::string_view text, Diagnostics& problems);

// 開催頻度 codes of the 自治体標準オープンデータセット 子ども食堂一覧: not decoded here. The
// definition of the code list could not be found (searched 2026: "子ども食堂一覧 開催頻度 コード"),
// and a code is not a schedule, so no frequency_code_hint() is offered. The real files suggest
// 1 = 毎日, 2 = 週に複数回, 3 = 週1回, 4 = 月2回, 5 = 月1回, 7 = その他 (e.g. code 1 comes with
// 月火水木金土日, code 5 with 毎月第４または第５金曜日), but that is an inference, not a definition.

}  // namespace tsunagu
