// The occurrence engine of the browser, a port of generator/text/occurrences.cpp and
// generator/text/holidays.cpp. A static page's "次回" goes stale the day after it is built, so
// the page carries the schedule (data-schedule, the JSON of generator/index/schedule_json.h) and
// this script recomputes the dates from the visitor's today. Both sides are pinned by one table,
// tests/spec/occurrences.json (run by tests/unit/schedule_json_test.cpp and
// tests/e2e/schedule_js.test.mjs): change a rule here only together with the C++ and the table.
//
// A classic script, not a module: modules do not load from file://, and the site must work
// opened from disk. It sets window.tsunaguSchedule (globalThis in Node, where importing the file
// runs it too).
//
// Calendar math is on whole day numbers (days since 1970-01-01, proleptic Gregorian), never on
// Date objects in the browser's time zone. "Today" is the date in Japan (UTC+9, no DST), where
// the activities are, whatever the visitor's clock zone. Dates in the API may be "YYYY-MM-DD",
// {y, m, d}, a day number, or a Date (an instant: its date in Japan).
(function (root) {
  'use strict';

  const MS_PER_DAY = 86400000;
  const JST_OFFSET_MS = 9 * 3600000;
  const NEXT_HORIZON_DAYS = 400;
  const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

  // --- days -------------------------------------------------------------------------------

  // days_from_civil / civil_from_days of generator/model/date.cpp (H. Hinnant's algorithms).
  function dayNumber(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  }

  function civil(day) {
    const z = day + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
  }

  const isLeap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  function daysInMonth(y, m) {
    return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  }
  // 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday.
  const weekday = (day) => (((day + 4) % 7) + 7) % 7;
  const pad2 = (n) => (n < 10 ? '0' : '') + n;
  function iso(day) {
    const c = civil(day);
    return `${String(c.y).padStart(4, '0')}-${pad2(c.m)}-${pad2(c.d)}`;
  }

  // The day number of a date given in any of the accepted forms; NaN when it is not a date.
  function toDay(x) {
    if (typeof x === 'number') return Number.isInteger(x) ? x : NaN;
    if (x instanceof Date) return Math.floor((x.getTime() + JST_OFFSET_MS) / MS_PER_DAY);
    let y, m, d;
    if (typeof x === 'string') {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(x);
      if (!match) return NaN;
      [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    } else if (x && typeof x === 'object') {
      ({ y, m, d } = x);
    } else {
      return NaN;
    }
    if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1 || m < 1 || m > 12 ||
        d < 1 || d > daysInMonth(y, m)) return NaN;
    return dayNumber(y, m, d);
  }

  // Today in Japan, as a day number; `now` in milliseconds (default: the clock).
  function todayInJapan(now) {
    return Math.floor(((now === undefined ? Date.now() : now) + JST_OFFSET_MS) / MS_PER_DAY);
  }

  // --- national holidays (holidays.cpp) ---------------------------------------------------

  const FIRST_YEAR = 1980;
  const LAST_YEAR = 2099;

  function nthMonday(y, m, n) {
    const firstDow = weekday(dayNumber(y, m, 1));
    return 1 + (8 - firstDow) % 7 + 7 * (n - 1);
  }
  // The 新こよみ便利帳 approximation, valid 1980–2099 (the same double arithmetic as the C++).
  function vernalEquinoxDay(year) {
    const y = year - 1980;
    return Math.trunc(20.8431 + 0.242194 * y - Math.trunc(y / 4));
  }
  function autumnalEquinoxDay(year) {
    const y = year - 1980;
    return Math.trunc(23.2488 + 0.242194 * y - Math.trunc(y / 4));
  }

  // A 国民の祝日 proper (or a day the special laws treat as one), without 振替休日 / 国民の休日.
  function statutoryName(y, m, day) {
    const nthMon = (n) => day === nthMonday(y, m, n);
    switch (m) {
      case 1:
        if (day === 1) return '元日';
        if (y < 2000 ? day === 15 : nthMon(2)) return '成人の日';
        break;
      case 2:
        if (day === 11) return '建国記念の日';
        if (y >= 2020 && day === 23) return '天皇誕生日';
        if (y === 1989 && day === 24) return '昭和天皇の大喪の礼';
        break;
      case 3:
        if (day === vernalEquinoxDay(y)) return '春分の日';
        break;
      case 4:
        if (day === 29) {
          if (y <= 1988) return '天皇誕生日';
          if (y <= 2006) return 'みどりの日';
          return '昭和の日';
        }
        break;
      case 5:
        if (y === 2019 && day === 1) return '天皇の即位の日';
        if (day === 3) return '憲法記念日';
        if (y >= 2007 && day === 4) return 'みどりの日';
        if (day === 5) return 'こどもの日';
        break;
      case 6:
        if (y === 1993 && day === 9) return '皇太子徳仁親王の結婚の儀';
        break;
      case 7:
        // Olympic years moved 海の日 and スポーツの日 next to the opening ceremony.
        if (y === 2020) {
          if (day === 23) return '海の日';
          if (day === 24) return 'スポーツの日';
        } else if (y === 2021) {
          if (day === 22) return '海の日';
          if (day === 23) return 'スポーツの日';
        } else if (y >= 2003) {
          if (nthMon(3)) return '海の日';
        } else if (y >= 1996 && day === 20) {
          return '海の日';
        }
        break;
      case 8:
        if (y === 2020) {
          if (day === 10) return '山の日';
        } else if (y === 2021) {
          if (day === 8) return '山の日';
        } else if (y >= 2016 && day === 11) {
          return '山の日';
        }
        break;
      case 9:
        if (y >= 2003 ? nthMon(3) : day === 15) return '敬老の日';
        if (day === autumnalEquinoxDay(y)) return '秋分の日';
        break;
      case 10:
        if (y === 2020 || y === 2021) break; // moved to July
        if (y >= 2020) {
          if (nthMon(2)) return 'スポーツの日';
        } else if (y >= 2000) {
          if (nthMon(2)) return '体育の日';
        } else if (day === 10) {
          return '体育の日';
        }
        if (y === 2019 && day === 22) return '即位礼正殿の儀';
        break;
      case 11:
        if (day === 3) return '文化の日';
        if (day === 23) return '勤労感謝の日';
        if (y === 1990 && day === 12) return '即位礼正殿の儀';
        break;
      case 12:
        if (y >= 1989 && y <= 2018 && day === 23) return '天皇誕生日';
        break;
      default:
        break;
    }
    return null;
  }

  const inRange = (c) => c.y >= FIRST_YEAR && c.y <= LAST_YEAR;

  function statutory(day) {
    const c = civil(day);
    return inRange(c) && statutoryName(c.y, c.m, c.d) !== null;
  }

  // 振替休日. Until 2006: the Monday after a 祝日 on Sunday. From 2007: the first day after a
  // Sunday 祝日 that is not itself a 祝日 (so 5/6 when 5/3 or 5/4 is a Sunday).
  function isSubstitute(day, y) {
    if (y < 2007) return weekday(day - 1) === 0 && statutory(day - 1);
    for (let k = 1; k <= 7; ++k) {
      if (!statutory(day - k)) return false;
      if (weekday(day - k) === 0) return true;
    }
    return false;
  }

  // 国民の休日 (from 1985-12-27): a day between two 祝日. Until 2006 not on a Sunday.
  const SANDWICH_FROM = dayNumber(1985, 12, 27);
  function isSandwiched(day, y) {
    if (day < SANDWICH_FROM) return false;
    if (y < 2007 && weekday(day) === 0) return false;
    return statutory(day - 1) && statutory(day + 1);
  }

  // Names by day number; a page asks about the same few hundred days again and again.
  const holidayCache = new Map();
  function holidayNameOfDay(day) {
    let name = holidayCache.get(day);
    if (name !== undefined) return name;
    const c = civil(day);
    name = '';
    if (inRange(c)) {
      name = statutoryName(c.y, c.m, c.d) ??
        (isSubstitute(day, c.y) ? '振替休日' : isSandwiched(day, c.y) ? '国民の休日' : '');
    }
    if (holidayCache.size > 5000) holidayCache.clear();
    holidayCache.set(day, name);
    return name;
  }

  // "元日" …, "振替休日", "国民の休日"; "" when the date is not a holiday (or not a date).
  function holidayName(date) {
    const day = toDay(date);
    return Number.isNaN(day) ? '' : holidayNameOfDay(day);
  }
  const isHoliday = (date) => holidayName(date) !== '';

  // --- occurrences (occurrences.cpp) ------------------------------------------------------

  const monthIn = (mask, m) => ((mask >> (m - 1)) & 1) === 1;
  // Weeks counted from Monday so that 隔週土日 keeps Saturday and Sunday in the same week.
  const mondayWeek = (day) => Math.floor((day - 4) / 7);

  function ruleMatches(r, day, c, holiday) {
    if (r.m && !monthIn(r.m, c.m)) return false;
    if (r.h && holiday) return true;
    const dowBit = 1 << weekday(day);
    const w = r.w || 0;
    switch (r.k) {
      case 'w':
        return (w & dowBit) !== 0;
      case 'n': {
        if (!(w & dowBit)) return false;
        const nth = Math.floor((c.d - 1) / 7) + 1;
        const last = c.d + 7 > daysInMonth(c.y, c.m);
        return (r.n || []).some((n) => n === nth || (n === -1 && last));
      }
      case 'd': {
        const last = c.d === daysInMonth(c.y, c.m);
        return (r.d || []).some((n) => n === c.d || (n === -1 && last));
      }
      case 'e': {
        const anchor = toDay(r.a);
        const interval = r.i || 1;
        if (Number.isNaN(anchor) || interval < 1) return false;
        const days = w !== 0 ? w : 1 << weekday(anchor);
        if (!(days & dowBit)) return false;
        return (mondayWeek(day) - mondayWeek(anchor)) % interval === 0;
      }
      case 'a':
        return true;
      default:
        return false;
    }
  }

  function closedBySchedule(s, isoDay, c, holiday) {
    if (s.f && isoDay < s.f) return true;
    if (s.u && s.u < isoDay) return true;
    if (s.cm && monthIn(s.cm, c.m)) return true;
    if (s.ye && ((c.m === 12 && c.d >= 29) || (c.m === 1 && c.d <= 3))) return true;
    if (s.hc && holiday) return true;
    return false;
  }

  // The [start, end] pairs the schedule is held at on `day`, sorted; null when it is not held.
  // An untimed day gives [[-1, -1]].
  function timesOn(s, day) {
    const isoDay = iso(day);
    if (s.x && s.x.includes(isoDay)) return null;
    const rules = Array.isArray(s.r) ? s.r : [];
    const times = [];
    let held = false;
    let untimed = false;
    const add = (ts) => {
      held = true;
      if (!ts || ts.length === 0) untimed = true;
      for (const t of ts || []) {
        if (!times.some((u) => u[0] === t[0] && u[1] === t[1])) times.push([t[0], t[1]]);
      }
    };
    if (s.e && s.e.includes(isoDay)) add(s.et !== undefined ? s.et : rules.length ? rules[0].t : undefined);
    const c = civil(day);
    const holiday = holidayNameOfDay(day) !== '';
    if (!closedBySchedule(s, isoDay, c, holiday)) {
      for (const r of rules) if (r && ruleMatches(r, day, c, holiday)) add(r.t);
    }
    if (!held) return null;
    if (times.length === 0 && untimed) times.push([-1, -1]);
    times.sort((a, b) => (a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]));
    return times;
  }

  const usable = (s) => s !== null && typeof s === 'object' && !Array.isArray(s);

  function heldOn(s, date) {
    const day = toDay(date);
    return usable(s) && !Number.isNaN(day) && timesOn(s, day) !== null;
  }

  // Occurrences from..to inclusive, sorted by date then start time, at most `max` (default
  // 100): [{date: "YYYY-MM-DD", start, end}] with start/end in minutes, -1 = not stated.
  function occurrences(s, from, to, max) {
    const out = [];
    const limit = max === undefined ? 100 : max;
    const first = toDay(from);
    const last = toDay(to);
    if (!usable(s) || Number.isNaN(first) || Number.isNaN(last) || !(limit > 0)) return out;
    for (let day = first; day <= last && out.length < limit; ++day) {
      const times = timesOn(s, day);
      if (!times) continue;
      for (const t of times) {
        if (out.length >= limit) break;
        out.push({ date: iso(day), start: t[0], end: t[1] });
      }
    }
    return out;
  }

  // The first occurrence on or after `from`, looking at most 400 days ahead; null when none.
  function nextOccurrence(s, from) {
    const day = toDay(from);
    if (Number.isNaN(day)) return null;
    return occurrences(s, day, day + NEXT_HORIZON_DAYS, 1)[0] ?? null;
  }

  // "11月26日(水) 10:00〜"; "11月26日(水)" when no start time is stated.
  function formatNext(occ) {
    const day = toDay(occ.date);
    const c = civil(day);
    let s = `${c.m}月${c.d}日(${WEEKDAYS[weekday(day)]})`;
    if (occ.start >= 0) s += ` ${Math.floor(occ.start / 60)}:${pad2(occ.start % 60)}〜`;
    return s;
  }

  // --- the page ---------------------------------------------------------------------------

  // Refreshes every [data-schedule] block an activity page has (see activity.mustache): the
  // 次回 line, the list of dates, the 時点 note, and 今日開催 / 今週開催 badges, which only
  // a script can state truthfully. Without the script the block stays correct as of the build.
  function refreshPage(doc, now) {
    const today = todayInJapan(now);
    const c = civil(today);
    // This week: today to Sunday, weeks starting on Monday as a Japanese calendar shows them.
    const sunday = today + ((7 - weekday(today)) % 7);
    for (const block of doc.querySelectorAll('[data-schedule]')) {
      let s;
      try { s = JSON.parse(block.getAttribute('data-schedule')); } catch (e) { continue; }
      if (!usable(s)) continue;
      const count = Number(block.getAttribute('data-count')) || 5;
      const found = occurrences(s, today, today + NEXT_HORIZON_DAYS, count);
      const next = block.querySelector('[data-next]');
      if (next) next.textContent = found.length ? formatNext(found[0]) : '予定はありません';
      const list = block.querySelector('[data-dates]');
      if (list) {
        list.replaceChildren(...found.map((o) => {
          const li = doc.createElement('li');
          const time = doc.createElement('time');
          time.setAttribute('datetime', o.date);
          time.textContent = formatNext(o);
          li.append(time);
          return li;
        }));
        list.hidden = found.length === 0;
      }
      const asOf = block.querySelector('[data-as-of]');
      if (asOf) asOf.textContent = `${c.y}年${c.m}月${c.d}日時点`;
      const badges = block.querySelector('[data-badges]');
      if (badges) {
        const first = found[0] ? toDay(found[0].date) : NaN;
        const label = first === today ? '今日開催' : first <= sunday ? '今週開催' : '';
        badges.replaceChildren();
        if (label) {
          const b = doc.createElement('span');
          b.className = first === today ? 'badge badge-today' : 'badge badge-week';
          b.textContent = label;
          badges.append(b);
        }
        badges.hidden = !label;
      }
    }
  }

  const api = {
    heldOn, occurrences, nextOccurrence, formatNext, isHoliday, holidayName,
    todayInJapan, toDay, iso, weekday, refreshPage,
  };
  root.tsunaguSchedule = api;
  if (typeof module !== 'undefined' && module.exports) module.exports = api;

  if (typeof document !== 'undefined' && document.querySelectorAll) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => refreshPage(document));
    } else {
      refreshPage(document);
    }
  }
})(typeof window !== 'undefined' ? window : globalThis);
