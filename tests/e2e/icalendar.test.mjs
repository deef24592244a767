// The iCalendar feeds of the example site: every activities/ID.ics and areas/ID.ics passes a
// strict RFC 5545 check written here (framing, folding, nesting, required properties, RRULE
// grammar, value types, time zones, TEXT escaping); the right activities have a feed; an area's
// feed holds exactly the events of its activities; pages link the feeds; the preview server
// sends them as text/calendar.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  BIN, SOURCE_DIR, assertBuiltOk, buildExampleOnce, freshOutPath, readRecords, readText, siteSetting, tokenize, walk,
} from './lib.mjs';

let out;
let files;
let icsFiles;
const parsed = new Map();  // rel → {problems, calendar}

before(() => {
  const b = buildExampleOnce('icalendar');
  assertBuiltOk(assert, b);
  out = b.out;
  files = new Set(walk(out));
  icsFiles = [...files].filter((f) => f.endsWith('.ics')).sort();
});

function parsedOf(rel) {
  if (!parsed.has(rel)) parsed.set(rel, checkICalendar(fs.readFileSync(path.join(out, rel))));
  return parsed.get(rel);
}

// ---------------------------------------------------------------------------------------------
// A strict RFC 5545 checker for what tsunagu writes (VCALENDAR with VTIMEZONE and VEVENTs).
// Returns {problems: [string], calendar: {props, components: [{name, props, components}]}}.

const utf8 = new TextDecoder('utf-8', { fatal: true });
const NAME = /^(?:[A-Za-z0-9-]+)$/;
const WEEKDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const FREQS = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const RRULE_KEYS = ['FREQ', 'UNTIL', 'COUNT', 'INTERVAL', 'BYSECOND', 'BYMINUTE', 'BYHOUR', 'BYDAY', 'BYMONTHDAY',
  'BYYEARDAY', 'BYWEEKNO', 'BYMONTH', 'BYSETPOS', 'WKST'];
const TEXT_PROPS = new Set(['SUMMARY', 'LOCATION', 'DESCRIPTION', 'PRODID', 'NAME', 'X-WR-CALNAME', 'TZNAME', 'UID']);
const ONCE_IN_EVENT = ['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'DURATION', 'RRULE', 'SUMMARY', 'LOCATION', 'DESCRIPTION', 'URL'];
// Which component may sit directly inside which.
const CHILDREN = { '': ['VCALENDAR'], VCALENDAR: ['VEVENT', 'VTIMEZONE'], VTIMEZONE: ['STANDARD', 'DAYLIGHT'], VEVENT: ['VALARM'] };

// Physical lines → content lines, checking CRLF, the 75-octet limit and that no fold splits a
// UTF-8 sequence (each physical line must decode on its own).
function unfold(buf, problems) {
  const lines = [];
  let start = 0;
  let n = 0;
  if (buf.length < 2 || buf[buf.length - 2] !== 0x0d || buf[buf.length - 1] !== 0x0a) problems.push('file does not end with CRLF');
  while (start < buf.length) {
    let end = buf.indexOf(0x0a, start);
    if (end < 0) end = buf.length;
    n++;
    if (end < buf.length && (end === start || buf[end - 1] !== 0x0d)) problems.push(`line ${n}: bare LF`);
    const stop = end < buf.length && buf[end - 1] === 0x0d ? end - 1 : end;
    const phys = buf.subarray(start, stop);
    if (phys.includes(0x0d)) problems.push(`line ${n}: bare CR`);
    if (phys.length > 75) problems.push(`line ${n}: ${phys.length} octets (more than 75)`);
    let text;
    try { text = utf8.decode(phys); } catch { problems.push(`line ${n}: not valid UTF-8 on its own (a fold splits a character?)`); text = phys.toString('latin1'); }
    if (text.startsWith(' ') || text.startsWith('\t')) {
      if (lines.length === 0) problems.push(`line ${n}: continuation line at the start`);
      else if (text.length === 1) problems.push(`line ${n}: empty continuation line`);
      else lines[lines.length - 1].text += text.slice(1);
    } else if (text === '') {
      problems.push(`line ${n}: empty line`);
    } else {
      lines.push({ n, text });
    }
    start = end + 1;
  }
  return lines;
}

// "NAME;P=V;P2=\"q\":value" → {name, params: {P: V}, value}; null when malformed.
function parseContentLine(text) {
  const m = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"\x00-\x08\x0a-\x1f\x7f]*"|[^";:,\x00-\x08\x0a-\x1f\x7f]*)(?:,(?:"[^"\x00-\x08\x0a-\x1f\x7f]*"|[^";:,\x00-\x08\x0a-\x1f\x7f]*))*)*):(.*)$/s.exec(text);
  if (!m) return null;
  const params = {};
  for (const p of m[2].match(/;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:]*)(?:,(?:"[^"]*"|[^";:,]*))*/g) ?? []) {
    const eq = p.indexOf('=');
    params[p.slice(1, eq).toUpperCase()] = p.slice(eq + 1);
  }
  return { name: m[1].toUpperCase(), params, value: m[3] };
}

function validDate(s) {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function validDateTime(s) {
  const m = /^(\d{8})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(s);
  return !!m && validDate(m[1]) && +m[2] <= 23 && +m[3] <= 59 && +m[4] <= 60;
}

// Value type of a DTSTART-like property: {kind: 'DATE'|'DATE-TIME', tzid, utc} or a problem string.
function dateProp(p, where) {
  const isDate = (p.params.VALUE ?? 'DATE-TIME').toUpperCase() === 'DATE';
  if (p.params.VALUE !== undefined && !['DATE', 'DATE-TIME'].includes(p.params.VALUE.toUpperCase())) return `${where}: VALUE=${p.params.VALUE}`;
  const values = p.value.split(',');
  for (const v of values) {
    if (isDate ? !validDate(v) : !validDateTime(v)) return `${where}: "${v}" is not a valid ${isDate ? 'DATE' : 'DATE-TIME'}`;
    if (!isDate && p.params.TZID !== undefined && v.endsWith('Z')) return `${where}: UTC value "${v}" with a TZID`;
  }
  if (isDate && p.params.TZID !== undefined) return `${where}: TZID on a DATE value`;
  return { kind: isDate ? 'DATE' : 'DATE-TIME', tzid: p.params.TZID, utc: !isDate && values[0].endsWith('Z'), values };
}

// TEXT (§3.3.11): a backslash only before \ ; , n N; no bare ; or , (a single value).
function textProblem(value) {
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') {
      if (!'\\;,nN'.includes(value[i + 1] ?? '')) return `bad escape "\\${value[i + 1] ?? ''}"`;
      i++;
    } else if (c === ';' || c === ',') {
      return `unescaped "${c}"`;
    }
  }
  return null;
}

function rruleProblems(value, start, where) {
  const problems = [];
  const parts = value.split(';');
  const rule = {};
  for (const part of parts) {
    const m = /^([A-Z]+)=([^=;]+)$/.exec(part);
    if (!m) { problems.push(`${where}: RRULE part "${part}" is not KEY=VALUE`); continue; }
    if (!RRULE_KEYS.includes(m[1])) problems.push(`${where}: RRULE key ${m[1]} is not defined`);
    if (m[1] in rule) problems.push(`${where}: RRULE key ${m[1]} twice`);
    rule[m[1]] = m[2];
  }
  if (!rule.FREQ) return [...problems, `${where}: RRULE without FREQ`];
  if (!FREQS.includes(rule.FREQ)) problems.push(`${where}: FREQ=${rule.FREQ}`);
  if (rule.UNTIL && rule.COUNT) problems.push(`${where}: RRULE with both UNTIL and COUNT`);
  const intList = (key, lo, hi, signed) => {
    if (rule[key] === undefined) return;
    for (const x of rule[key].split(',')) {
      const n = Number(x);
      if (!/^[+-]?\d{1,3}$/.test(x) || n === 0 || Math.abs(n) < lo || Math.abs(n) > hi || (!signed && n < 0)) {
        problems.push(`${where}: ${key} value "${x}"`);
      }
    }
  };
  if (rule.INTERVAL !== undefined && !/^[1-9]\d*$/.test(rule.INTERVAL)) problems.push(`${where}: INTERVAL=${rule.INTERVAL}`);
  if (rule.COUNT !== undefined && !/^[1-9]\d*$/.test(rule.COUNT)) problems.push(`${where}: COUNT=${rule.COUNT}`);
  intList('BYMONTHDAY', 1, 31, true);
  intList('BYMONTH', 1, 12, false);
  intList('BYSETPOS', 1, 366, true);
  if (rule.BYMONTHDAY !== undefined && rule.FREQ === 'WEEKLY') problems.push(`${where}: BYMONTHDAY with FREQ=WEEKLY`);
  if (rule.WKST !== undefined && !WEEKDAY.includes(rule.WKST)) problems.push(`${where}: WKST=${rule.WKST}`);
  if (rule.BYDAY !== undefined) {
    for (const d of rule.BYDAY.split(',')) {
      const m = /^([+-]?)(\d{1,2})?(SU|MO|TU|WE|TH|FR|SA)$/.exec(d);
      if (!m) { problems.push(`${where}: BYDAY value "${d}"`); continue; }
      if (m[2] !== undefined) {
        const n = Number(m[2]);
        if (n < 1 || n > 53) problems.push(`${where}: BYDAY ordinal "${d}"`);
        // §3.3.10: an ordinal only with MONTHLY or YEARLY.
        if (!['MONTHLY', 'YEARLY'].includes(rule.FREQ)) problems.push(`${where}: BYDAY "${d}" with FREQ=${rule.FREQ}`);
        if (rule.FREQ === 'MONTHLY' && n > 5) problems.push(`${where}: BYDAY "${d}": no month has ${n} of a weekday`);
      }
    }
  }
  if (rule.UNTIL !== undefined && start && typeof start === 'object') {
    // §3.3.10: UNTIL has DTSTART's value type; UTC when DTSTART has a TZID or is UTC.
    if (start.kind === 'DATE' && !validDate(rule.UNTIL)) problems.push(`${where}: UNTIL=${rule.UNTIL} is not a DATE like DTSTART`);
    if (start.kind === 'DATE-TIME' && (start.tzid || start.utc) && !(validDateTime(rule.UNTIL) && rule.UNTIL.endsWith('Z'))) {
      problems.push(`${where}: UNTIL=${rule.UNTIL} is not a UTC DATE-TIME`);
    }
    if (start.kind === 'DATE-TIME' && !start.tzid && !start.utc && !(validDateTime(rule.UNTIL) && !rule.UNTIL.endsWith('Z'))) {
      problems.push(`${where}: UNTIL=${rule.UNTIL} is not a local DATE-TIME`);
    }
  }
  return problems;
}

function checkICalendar(buf) {
  const problems = [];
  const lines = unfold(buf, problems);
  const root = { name: '', props: [], components: [] };
  const stack = [root];
  for (const { n, text } of lines) {
    const p = parseContentLine(text);
    if (!p) { problems.push(`line ${n}: not a content line: ${text.slice(0, 60)}`); continue; }
    // §3.1: no control characters but HTAB in a value.
    if (/[\x00-\x08\x0a-\x1f\x7f]/.test(p.value)) problems.push(`line ${n}: control character in ${p.name}`);
    if (!NAME.test(p.name)) problems.push(`line ${n}: property name ${p.name}`);
    const top = stack[stack.length - 1];
    if (p.name === 'BEGIN') {
      if (!(CHILDREN[top.name] ?? []).includes(p.value)) problems.push(`line ${n}: BEGIN:${p.value} inside ${top.name || 'the file'}`);
      const c = { name: p.value, props: [], components: [], line: n };
      top.components.push(c);
      stack.push(c);
    } else if (p.name === 'END') {
      if (stack.length === 1 || top.name !== p.value) problems.push(`line ${n}: END:${p.value} closes ${top.name || 'nothing'}`);
      else stack.pop();
    } else if (stack.length === 1) {
      problems.push(`line ${n}: ${p.name} outside VCALENDAR`);
    } else {
      top.props.push({ ...p, line: n });
      if (TEXT_PROPS.has(p.name)) {
        const t = textProblem(p.value);
        if (t) problems.push(`line ${n}: ${p.name}: ${t}`);
      }
    }
  }
  if (stack.length !== 1) problems.push(`unclosed ${stack.slice(1).map((c) => c.name).join(', ')}`);
  if (root.components.length !== 1 || root.components[0].name !== 'VCALENDAR') {
    problems.push('the file is not exactly one VCALENDAR');
    return { problems, calendar: null };
  }
  const cal = root.components[0];
  const propsOf = (c, name) => c.props.filter((p) => p.name === name);
  const one = (c, name, where) => {
    const ps = propsOf(c, name);
    if (ps.length !== 1) problems.push(`${where}: ${ps.length} ${name} properties (want exactly one)`);
    return ps[0];
  };
  const version = one(cal, 'VERSION', 'VCALENDAR');
  if (version && version.value !== '2.0') problems.push(`VERSION:${version.value}`);
  const prodid = one(cal, 'PRODID', 'VCALENDAR');
  if (prodid && prodid.value.trim() === '') problems.push('empty PRODID');
  const calscale = propsOf(cal, 'CALSCALE');
  if (calscale.length > 1 || (calscale[0] && calscale[0].value !== 'GREGORIAN')) problems.push('CALSCALE');
  if (propsOf(cal, 'METHOD').length) problems.push('METHOD in a published feed (it turns the file into an invitation)');
  for (const p of cal.props) {
    if (!['VERSION', 'PRODID', 'CALSCALE', 'NAME'].includes(p.name) && !p.name.startsWith('X-')) problems.push(`VCALENDAR property ${p.name}`);
  }

  const tzids = new Set();
  for (const tz of cal.components.filter((c) => c.name === 'VTIMEZONE')) {
    const id = one(tz, 'TZID', `VTIMEZONE at line ${tz.line}`);
    if (id) {
      if (tzids.has(id.value)) problems.push(`VTIMEZONE ${id.value} twice`);
      tzids.add(id.value);
    }
    if (tz.components.length === 0) problems.push(`VTIMEZONE ${id?.value}: no STANDARD or DAYLIGHT`);
    for (const obs of tz.components) {
      const where = `VTIMEZONE ${id?.value} ${obs.name}`;
      const s = one(obs, 'DTSTART', where);
      if (s && !(validDateTime(s.value) && !s.value.endsWith('Z'))) problems.push(`${where}: DTSTART must be local: ${s.value}`);
      for (const k of ['TZOFFSETFROM', 'TZOFFSETTO']) {
        const o = one(obs, k, where);
        if (o && !/^[+-](?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?$/.test(o.value)) problems.push(`${where}: ${k}:${o.value}`);
      }
    }
  }

  const uids = new Set();
  for (const ev of cal.components.filter((c) => c.name === 'VEVENT')) {
    const where = `VEVENT at line ${ev.line}`;
    for (const k of ONCE_IN_EVENT) if (propsOf(ev, k).length > 1) problems.push(`${where}: ${k} more than once`);
    const uid = one(ev, 'UID', where);
    if (uid) {
      if (uids.has(uid.value)) problems.push(`${where}: UID ${uid.value} repeated in one calendar`);
      uids.add(uid.value);
    }
    const stamp = one(ev, 'DTSTAMP', where);
    if (stamp && !(validDateTime(stamp.value) && stamp.value.endsWith('Z') && Object.keys(stamp.params).length === 0)) {
      problems.push(`${where}: DTSTAMP must be a UTC DATE-TIME: ${stamp.value}`);
    }
    const startProp = one(ev, 'DTSTART', where);
    let start = null;
    const checkTz = (p, what) => {
      if (p.params.TZID !== undefined && !tzids.has(p.params.TZID)) problems.push(`${where}: ${what} TZID=${p.params.TZID} has no VTIMEZONE`);
    };
    if (startProp) {
      start = dateProp(startProp, `${where} DTSTART`);
      if (typeof start === 'string') { problems.push(start); start = null; } else checkTz(startProp, 'DTSTART');
    }
    if (propsOf(ev, 'DTEND').length && propsOf(ev, 'DURATION').length) problems.push(`${where}: DTEND and DURATION`);
    for (const endProp of propsOf(ev, 'DTEND')) {
      const end = dateProp(endProp, `${where} DTEND`);
      if (typeof end === 'string') { problems.push(end); continue; }
      checkTz(endProp, 'DTEND');
      if (start && (end.kind !== start.kind || end.tzid !== start.tzid)) problems.push(`${where}: DTEND's value type differs from DTSTART's`);
      if (start && end.values[0] <= start.values[0]) problems.push(`${where}: DTEND ${end.values[0]} not after DTSTART ${start.values[0]}`);
    }
    for (const k of ['EXDATE', 'RDATE']) {
      for (const p of propsOf(ev, k)) {
        const v = dateProp(p, `${where} ${k}`);
        if (typeof v === 'string') { problems.push(v); continue; }
        checkTz(p, k);
        // §3.8.5.1: EXDATE has DTSTART's value type; tsunagu's RDATEs are dates like DTSTART too.
        if (start && (v.kind !== start.kind || v.tzid !== start.tzid)) problems.push(`${where}: ${k} ${p.value} differs in value type from DTSTART`);
      }
    }
    for (const r of propsOf(ev, 'RRULE')) problems.push(...rruleProblems(r.value, start, where));
    for (const u of propsOf(ev, 'URL')) if (!/^https?:\/\/[^\s"<>\\^`{|}]+$/.test(u.value)) problems.push(`${where}: URL ${u.value}`);
    if (!propsOf(ev, 'SUMMARY').length) problems.push(`${where}: no SUMMARY`);
  }
  if (!tzids.has('Asia/Tokyo')) problems.push('no VTIMEZONE Asia/Tokyo');
  return { problems, calendar: cal };
}

// The calendar's events: [{uid, text}], text being the unfolded content lines of the VEVENT.
function eventsOf(rel) {
  const text = fs.readFileSync(path.join(out, rel), 'utf8').replace(/\r\n[ \t]/g, '');
  return [...text.matchAll(/BEGIN:VEVENT\r\n([\s\S]*?)END:VEVENT\r\n/g)].map((m) => ({
    uid: /^UID:(.*)$/m.exec(m[1])[1].replace(/\r$/, ''),
    text: m[0],
  }));
}

const uidsOf = (rel) => eventsOf(rel).map((e) => e.uid).sort();

// ---------------------------------------------------------------------------------------------

describe('the checker itself', () => {
  const wrap = (lines) => Buffer.from(`${lines.join('\r\n')}\r\n`);
  const frame = (ev) => wrap(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//x//JA', 'BEGIN:VTIMEZONE', 'TZID:Asia/Tokyo',
    'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0900', 'TZOFFSETTO:+0900', 'END:STANDARD', 'END:VTIMEZONE',
    'BEGIN:VEVENT', 'UID:a@x', 'DTSTAMP:20260101T000000Z', 'SUMMARY:s', ...ev, 'END:VEVENT', 'END:VCALENDAR']);

  test('accepts a good calendar', () => {
    const r = checkICalendar(frame(['DTSTART;TZID=Asia/Tokyo:20260408T100000', 'DTEND;TZID=Asia/Tokyo:20260408T120000',
      'RRULE:FREQ=MONTHLY;BYDAY=2SA,-1FR;UNTIL=20270331T145959Z', 'EXDATE;TZID=Asia/Tokyo:20260509T100000']));
    assert.deepEqual(r.problems, []);
  });

  test('rejects what it should', () => {
    const bad = (ev, re) => {
      const r = checkICalendar(frame(ev));
      assert.ok(r.problems.some((p) => re.test(p)), `expected ${re} for ${ev.join(' | ')}, got ${JSON.stringify(r.problems)}`);
    };
    bad(['DTSTART;TZID=Asia/Tokyo:20260408T100000', 'RRULE:BYDAY=SA'], /without FREQ/);
    bad(['DTSTART;TZID=Asia/Tokyo:20260408T100000', 'RRULE:FREQ=WEEKLY;BYDAY=2SA'], /BYDAY "2SA" with FREQ=WEEKLY/);
    bad(['DTSTART;TZID=Asia/Tokyo:20260408T100000', 'RRULE:FREQ=MONTHLY;BYDAY=SAT'], /BYDAY value/);
    bad(['DTSTART;TZID=Asia/Tokyo:20260408T100000', 'RRULE:FREQ=MONTHLY;BYMONTHDAY=32'], /BYMONTHDAY value/);
    bad(['DTSTART;TZID=Asia/Tokyo:20260408T100000', 'RRULE:FREQ=MONTHLY;UNTIL=20270331'], /not a UTC DATE-TIME/);
    bad(['DTSTART;VALUE=DATE:20260408', 'EXDATE;TZID=Asia/Tokyo:20260509T100000'], /differs in value type/);
    bad(['DTSTART;TZID=Europe/Paris:20260408T100000'], /has no VTIMEZONE/);
    bad(['DTSTART;TZID=Asia/Tokyo:20260408T100000', 'LOCATION:a,b'], /unescaped ","/);
    bad(['DTSTART;TZID=Asia/Tokyo:20261308T100000'], /not a valid DATE-TIME/);
    bad([], /0 DTSTART/);
    assert.ok(checkICalendar(Buffer.from('BEGIN:VCALENDAR\nEND:VCALENDAR\n')).problems.some((p) => /bare LF/.test(p)));
    // A fold inside a three-octet character: each physical line must be valid UTF-8 by itself.
    const long = Buffer.from(`DESCRIPTION:${'あ'.repeat(30)}`);
    const split = Buffer.concat([long.subarray(0, 74), Buffer.from('\r\n '), long.subarray(74)]);
    const text = frame(['DTSTART;TZID=Asia/Tokyo:20260408T100000', 'X-PLACEHOLDER:1']).toString('utf8')
      .replace('X-PLACEHOLDER:1', split.toString('latin1'));
    assert.ok(checkICalendar(Buffer.from(text, 'latin1')).problems.some((p) => /not valid UTF-8/.test(p)));
  });
});

describe('every .ics file is valid RFC 5545', () => {
  test('there are activity and area feeds', () => {
    assert.ok(icsFiles.some((f) => f.startsWith('activities/')), 'no activities/*.ics');
    assert.ok(icsFiles.some((f) => f.startsWith('areas/')), 'no areas/*.ics');
  });

  test('strict check of every file', () => {
    const problems = [];
    for (const f of icsFiles) for (const p of parsedOf(f).problems) problems.push(`${f}: ${p}`);
    assert.deepEqual(problems.slice(0, 60), [], `${problems.length} problems (first 60 shown)`);
  });

  test('event URLs are the absolute pages of their activities (base_url is set)', () => {
    const base = siteSetting(SOURCE_DIR, 'base_url');
    assert.ok(base, 'the example site has a base_url');
    const problems = [];
    for (const f of icsFiles) {
      for (const ev of eventsOf(f)) {
        const m = /\r\nURL:(.*)\r\n/.exec(ev.text);
        if (!m) { problems.push(`${f}: ${ev.uid} has no URL`); continue; }
        const rel = m[1].startsWith(base) ? decodeURIComponent(m[1].slice(base.length)) : null;
        if (!rel || !/^activities\/[^/]+\.html$/.test(rel) || !files.has(rel)) problems.push(`${f}: ${ev.uid}: URL ${m[1]} is not an activity page`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('.ics files are not in the sitemap', () => {
    assert.doesNotMatch(readText(out, 'sitemap.xml'), /\.ics</);
  });
});

describe('which activities have a feed', () => {
  const stopped = new Set(['休止中', '終了', 'paused', 'ended']);
  // Schedules whose days are stated (weekly, nth weekday, day of month, every day, weekdays) and
  // nothing that makes them unknowable (irregular, every other week without a start, school breaks).
  const computable = (text) => /毎週|毎月第|毎月最終|毎月\d+日|毎月末日|毎日|平日/.test(text) &&
    !/不定期|隔週|週間ごと|ヶ月に|か月に|隔月|夏休み|冬休み|春休み|長期休/.test(text);
  let records;
  before(() => { records = readRecords(SOURCE_DIR, 'activities'); });

  const scheduleText = (r) => {
    const s = r.get('schedule');
    return typeof s === 'string' ? s : (s && typeof s === 'object' && !Array.isArray(s) ? s.text ?? '' : '');
  };

  test('every active activity with a computable schedule has a feed; stopped ones have none', () => {
    const missing = [];
    const extra = [];
    let withFeed = 0;
    for (const r of records) {
      const feed = `activities/${r.id}.ics`;
      const has = files.has(feed);
      if (has) withFeed++;
      if (stopped.has(r.get('status') ?? '')) {
        if (has) extra.push(`${feed} exists but the activity is ${r.get('status')}`);
      } else if (computable(scheduleText(r)) && !has) {
        missing.push(`${r.id}: "${scheduleText(r)}" has no ${feed}`);
      }
    }
    assert.deepEqual(missing, []);
    assert.deepEqual(extra, []);
    assert.ok(withFeed > 50, `only ${withFeed} activity feeds`);
    assert.ok(records.some((r) => stopped.has(r.get('status') ?? '') && computable(scheduleText(r))),
      'the example has a stopped activity with a computable schedule (so the rule is really tested)');
  });

  test('every activity feed belongs to an activity, has events, and names it', () => {
    const byId = new Map(records.map((r) => [r.id, r]));
    const problems = [];
    for (const f of icsFiles.filter((x) => x.startsWith('activities/'))) {
      const id = decodeURIComponent(f.slice('activities/'.length, -'.ics'.length));
      const r = byId.get(id);
      if (!r) { problems.push(`${f}: no activity ${id}`); continue; }
      const evs = eventsOf(f);
      if (evs.length === 0) problems.push(`${f}: no VEVENT`);
      // A plain-text 不定期 has no dates (the structured form may list extra_dates: those do).
      if (typeof r.get('schedule') === 'string' && /不定期/.test(scheduleText(r)) && !computable(scheduleText(r))) {
        problems.push(`${f}: irregular schedule "${scheduleText(r)}" has a feed`);
      }
      const name = String(r.get('name')).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,');
      for (const ev of evs) if (!ev.text.includes(`\r\nSUMMARY:${name}\r\n`)) problems.push(`${f}: ${ev.uid}: SUMMARY is not the name ${name}`);
      for (const ev of evs) if (!ev.uid.startsWith(`${id}-`)) problems.push(`${f}: UID ${ev.uid} does not start with the id`);
    }
    assert.deepEqual(problems, []);
  });
});

describe('area feeds', () => {
  let areas;
  let activities;
  const subtree = new Map();  // area id → Set of it and its descendants
  before(() => {
    areas = readRecords(SOURCE_DIR, 'areas');
    activities = readRecords(SOURCE_DIR, 'activities');
    const children = new Map();
    for (const a of areas) {
      const p = a.get('parent');
      if (p) children.set(p, [...(children.get(p) ?? []), a.id]);
    }
    const collect = (id, set) => { set.add(id); for (const c of children.get(id) ?? []) collect(c, set); return set; };
    for (const a of areas) subtree.set(a.id, collect(a.id, new Set()));
  });

  // The UIDs an area's feed must hold: those of the feeds of the activities in its subtree.
  const expectedUids = (areaId) => {
    const uids = [];
    for (const r of activities) {
      const rAreas = [r.get('areas') ?? []].flat();
      if (!rAreas.some((x) => subtree.get(areaId).has(x))) continue;
      const feed = `activities/${r.id}.ics`;
      if (files.has(feed)) uids.push(...uidsOf(feed));
    }
    return uids.sort();
  };

  test('every area has a feed', () => {
    const missing = areas.map((a) => `areas/${a.id}.ics`).filter((f) => !files.has(f));
    assert.deepEqual(missing, []);
  });

  test('a 地区 feed holds exactly the UIDs of its activities\' feeds', () => {
    const chiku = areas.filter((a) => a.get('level') === '地区');
    assert.ok(chiku.length > 0, 'the example has 地区');
    let nonEmpty = 0;
    for (const a of chiku) {
      const got = uidsOf(`areas/${a.id}.ics`);
      if (got.length) nonEmpty++;
      assert.deepEqual(got, expectedUids(a.id), `areas/${a.id}.ics`);
    }
    assert.ok(nonEmpty > 0, 'every 地区 feed is empty');
  });

  test('every other area too, the root holding every activity event; events identical to the activity feeds\'', () => {
    const all = icsFiles.filter((f) => f.startsWith('activities/')).flatMap((f) => eventsOf(f));
    const byUid = new Map(all.map((e) => [e.uid, e.text]));
    for (const a of areas) {
      const rel = `areas/${a.id}.ics`;
      assert.deepEqual(uidsOf(rel), expectedUids(a.id), rel);
      for (const ev of eventsOf(rel)) assert.equal(ev.text, byUid.get(ev.uid), `${rel}: ${ev.uid} differs from the activity's feed`);
    }
    const roots = areas.filter((a) => !a.get('parent'));
    const rootUids = roots.flatMap((a) => uidsOf(`areas/${a.id}.ics`)).sort();
    const inSomeArea = new Set(activities.filter((r) => [r.get('areas') ?? []].flat().length).map((r) => r.id));
    const expected = all.filter((e) => inSomeArea.has(e.uid.replace(/-\d+@.*$/, ''))).map((e) => e.uid).sort();
    assert.deepEqual(rootUids, expected);
  });
});

describe('links to the feeds', () => {
  // Every <a type="text/calendar"> of a page: [{from, href, target}].
  const calendarLinks = (rel) => tokenize(readText(out, rel))
    .filter((t) => t.type === 'tag' && t.name === 'a' && t.attrs.type === 'text/calendar')
    .map((t) => ({ href: t.attrs.href, target: decodeURIComponent(new URL(t.attrs.href, `file:///ROOT/${rel}`).pathname.slice('/ROOT/'.length)) }));

  test('activity pages link their feed when, and only when, it exists', () => {
    const problems = [];
    for (const f of [...files].filter((x) => /^activities\/[^/]+\.html$/.test(x))) {
      const feed = f.replace(/\.html$/, '.ics');
      const links = calendarLinks(f);
      if (files.has(feed)) {
        if (links.length !== 1 || links[0].target !== feed) problems.push(`${f}: want one link to ${feed}, got ${JSON.stringify(links)}`);
      } else if (links.length) {
        problems.push(`${f}: links ${JSON.stringify(links)} but has no feed`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('area pages link their feed when it has events; every link resolves to an .ics file', () => {
    const problems = [];
    let linked = 0;
    for (const f of [...files].filter((x) => /^areas\/[^/]+\.html$/.test(x) && x !== 'areas/index.html')) {
      const feed = f.replace(/\.html$/, '.ics');
      const links = calendarLinks(f);
      const events = files.has(feed) ? eventsOf(feed).length : 0;
      if (events > 0 && (links.length !== 1 || links[0].target !== feed)) problems.push(`${f}: want one link to ${feed}`);
      if (events === 0 && links.length) problems.push(`${f}: links an empty feed`);
      for (const l of links) if (!files.has(l.target)) problems.push(`${f}: ${l.href} → ${l.target} does not exist`);
      linked += links.length;
      if (links.length && !/カレンダーに取り込む（iCalendar 形式）/.test(readText(out, f))) problems.push(`${f}: link text`);
    }
    assert.deepEqual(problems, []);
    assert.ok(linked > 0, 'no area page links a feed');
  });
});

describe('the preview server', () => {
  let proc;
  let port;
  after(() => { if (proc) proc.kill('SIGTERM'); });

  test('serves .ics as text/calendar; charset=utf-8', async () => {
    port = await new Promise((resolve, reject) => {
      const s = net.createServer();
      s.on('error', reject);
      s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
    });
    const serveOut = freshOutPath(`icalendar-serve-${process.pid}`);
    proc = spawn(BIN, ['serve', '--source', SOURCE_DIR, '--out', serveOut, '--port', String(port), '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d) => { stderr += d; });
    const feed = icsFiles.find((f) => f.startsWith('areas/'));
    const deadline = Date.now() + 120_000;
    let res;
    for (;;) {
      try { res = await fetch(`http://127.0.0.1:${port}/${feed}`); break; } catch {
        if (Date.now() > deadline) throw new Error(`tsunagu serve did not answer within 120 s:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), fs.readFileSync(path.join(out, feed)));
  });
});
