// The open data every build writes under opendata/: the 自治体標準 CSV tables against the column
// contract in generator/model/open_data_columns.h and the example data; the HSDS 3.0 tables
// against the required fields, types, enums and formats of the HSDS 3.0 schemas, with every
// *_id resolving and ids recomputed here as UUIDv5; the Atom feed against RFC 4287 and the data;
// the index page against the files; every page's JSON-LD structurally; and no private-home
// venue name, street address or exact point anywhere in opendata/.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';

import {
  REPO_DIR, SOURCE_DIR, assertBuiltOk, build, buildExampleOnce, copyFixture, dataFiles, hashTree, htmlFiles, jsonLdBlocks,
  isPrintDocument, readRecords, siteSetting, startTags, walk,
} from './lib.mjs';

// ---------------------------------------------------------------------------------------------
// Small readers

// RFC 4180 with CRLF line ends only: returns {rows, problems}. A bare LF or CR anywhere, a quote
// inside an unquoted field, or a line break inside a quoted field is a problem (the export
// promises none).
function parseCsv(text) {
  const rows = [];
  const problems = [];
  let row = [];
  let i = 0;
  let line = 1;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) { problems.push(`line ${line}: unterminated quoted field`); break; }
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        if (c === '\r' || c === '\n') problems.push(`line ${line}: line break inside a quoted field`);
        field += c;
        i++;
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') problems.push(`line ${line}: text after a closing quote`);
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') problems.push(`line ${line}: quote inside an unquoted field`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') { i++; continue; }
    if (text[i] === '\r' && text[i + 1] === '\n') { i += 2; rows.push(row); row = []; line++; continue; }
    if (i >= text.length) { problems.push('the last line does not end with CRLF'); rows.push(row); break; }
    problems.push(`line ${line}: bare ${text[i] === '\n' ? 'LF' : 'CR'}`);
    i++;
    rows.push(row);
    row = [];
    line++;
  }
  return { rows, problems };
}

function readCsv(out, rel) {
  const buf = fs.readFileSync(path.join(out, rel));
  const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  const { rows, problems } = parseCsv(text);
  assert.deepEqual(problems, [], `${rel} is not clean RFC 4180 with CRLF`);
  const [header, ...data] = rows;
  for (const [k, r] of data.entries()) assert.equal(r.length, header.length, `${rel} row ${k + 2} has ${r.length} fields, header ${header.length}`);
  return { buf, header, data, objects: data.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]]))) };
}

// The string literals of one std::array in open_data_columns.h: the test follows the contract.
function contractColumns(name) {
  const src = fs.readFileSync(path.join(REPO_DIR, 'generator', 'model', 'open_data_columns.h'), 'utf8');
  const start = src.indexOf(`${name} = {`);
  assert.ok(start >= 0, `${name} not found in open_data_columns.h`);
  const block = src.slice(start, src.indexOf('};', start))
    .split('\n').map((l) => l.replace(/\/\/.*$/, '')).join('\n');
  return [...block.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
}

// Top-level venue fields of the activity files, read from the YAML text (readRecords only sees
// top-level scalars): [{id, name, address, lat, lon, privateHome}].
function venues(source) {
  const out = [];
  for (const file of dataFiles(source, 'activities')) {
    const text = fs.readFileSync(file, 'utf8');
    const id = /^id:\s*(\S+)/m.exec(text)?.[1];
    const block = /^venue:\s*\n((?:[ \t]+.*\n?)*)/m.exec(text)?.[1] ?? '';
    const inline = /^venue:\s*\{(.*)\}\s*$/m.exec(text)?.[1] ?? '';
    const field = (k) => {
      const m = new RegExp(`^\\s+${k}:\\s*(.+?)\\s*$`, 'm').exec(block) ?? new RegExp(`(?:^|[{,])\\s*${k}:\\s*([^,}]+)`).exec(inline);
      return m ? m[1].replace(/^["']|["']$/g, '') : undefined;
    };
    const geo = /geo:\s*\{\s*lat:\s*([-\d.]+),\s*lon:\s*([-\d.]+)/.exec(block + inline);
    out.push({ id, name: field('name'), address: field('address'), lat: geo?.[1], lon: geo?.[2], privateHome: field('private_home') === 'true' });
  }
  return out;
}

// UUIDv5 (RFC 9562) computed independently of the C++ SHA-1.
function uuidV5(namespace, name) {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(Buffer.concat([ns, Buffer.from(name, 'utf8')])).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
const EXPORT_NAMESPACE = uuidV5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'https://tsunagu.invalid/open-data/hsds');
const hsdsId = (code, kind, key) => uuidV5(EXPORT_NAMESPACE, `${code}/${kind}/${key}`);

function municipalityCheckDigitOk(code) {
  if (!/^\d{6}$/.test(code)) return false;
  const sum = [6, 5, 4, 3, 2].reduce((s, w, k) => s + w * Number(code[k]), 0);
  return (11 - (sum % 11)) % 10 === Number(code[5]);
}

// ---------------------------------------------------------------------------------------------
// HSDS 3.0: per object, the fields its schema defines (nested arrays left out: the tabular form
// links rows by *_id), which are required, their types, formats and enums, and which *_id
// points at which table. From the HSDS 3.0 schema reference (schema/*.json of
// openreferral/specification); in the tabular layout the foreign keys are required too.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const DAY = '(MO|TU|WE|TH|FR|SA|SU)';
const WEEKLY_BYDAY = new RegExp(`^${DAY}(,${DAY})*$`);
const MONTHLY_BYDAY = new RegExp(`^(-?[1-5])?${DAY}(,(-?[1-5])?${DAY})*$`);
const BYMONTHDAY = /^-?\d{1,2}(,-?\d{1,2})*$/;
const URI = /^https?:\/\/\S+$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

const HSDS = {
  organization: {
    fields: { id: 'uuid', name: 'string', alternate_name: 'string', description: 'string', email: 'email', website: 'uri',
      tax_status: 'string', tax_id: 'string', year_incorporated: 'number', legal_status: 'string', logo: 'string', uri: 'uri',
      parent_organization_id: 'uuid' },
    required: ['id', 'name', 'description'],
    refs: { parent_organization_id: 'organization' },
  },
  organization_identifier: {
    fields: { id: 'uuid', organization_id: 'uuid', identifier_scheme: 'string', identifier_type: 'string', identifier: 'string' },
    required: ['id', 'organization_id', 'identifier_type', 'identifier'],
    refs: { organization_id: 'organization' },
  },
  service: {
    fields: { id: 'uuid', organization_id: 'uuid', program_id: 'uuid', name: 'string', alternate_name: 'string', description: 'string',
      url: 'uri', email: 'email', status: 'string', interpretation_services: 'string', application_process: 'string',
      fees_description: 'string', wait_time: 'string', fees: 'string', accreditations: 'string', eligibility_description: 'string',
      minimum_age: 'number', maximum_age: 'number', assured_date: 'date', assurer_email: 'email', licenses: 'string', alert: 'string',
      last_modified: 'string' },
    required: ['id', 'name', 'status'],
    enums: { status: ['active', 'inactive', 'defunct', 'temporarily closed'] },
    refs: { organization_id: 'organization' },
  },
  location: {
    fields: { id: 'uuid', location_type: 'string', url: 'uri', organization_id: 'uuid', name: 'string', alternate_name: 'string',
      description: 'string', transportation: 'string', latitude: 'number', longitude: 'number', external_identifier: 'string',
      external_identifier_type: 'string' },
    required: ['id', 'location_type'],
    enums: { location_type: ['physical', 'postal', 'virtual'] },
    refs: { organization_id: 'organization' },
  },
  address: {
    fields: { id: 'uuid', location_id: 'uuid', attention: 'string', address_1: 'string', address_2: 'string', city: 'string',
      region: 'string', state_province: 'string', postal_code: 'string', country: 'string', address_type: 'string' },
    required: ['id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type', 'location_id'],
    enums: { address_type: ['physical', 'postal', 'virtual'] },
    refs: { location_id: 'location' },
  },
  service_at_location: {
    fields: { id: 'uuid', service_id: 'uuid', location_id: 'uuid', description: 'string' },
    required: ['id', 'service_id', 'location_id'],
    refs: { service_id: 'service', location_id: 'location' },
  },
  schedule: {
    fields: { id: 'uuid', service_id: 'uuid', location_id: 'uuid', service_at_location_id: 'uuid', valid_from: 'date', valid_to: 'date',
      dtstart: 'date', timezone: 'number', until: 'date', count: 'number', wkst: 'string', freq: 'string', interval: 'number',
      byday: 'string', byweekno: 'string', bymonthday: 'string', byyearday: 'string', description: 'string', opens_at: 'time',
      closes_at: 'time', schedule_link: 'uri', attending_type: 'string', notes: 'string' },
    required: ['id'],
    enums: { freq: ['WEEKLY', 'MONTHLY'], wkst: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] },
    refs: { service_id: 'service', location_id: 'location', service_at_location_id: 'service_at_location' },
  },
  cost_option: {
    fields: { id: 'uuid', service_id: 'uuid', valid_from: 'date', valid_to: 'date', option: 'string', currency: 'string',
      amount: 'number', amount_description: 'string' },
    required: ['id', 'service_id'],
    refs: { service_id: 'service' },
  },
  contact: {
    fields: { id: 'uuid', organization_id: 'uuid', service_id: 'uuid', service_at_location_id: 'uuid', location_id: 'uuid',
      name: 'string', title: 'string', department: 'string', email: 'email' },
    required: ['id'],
    refs: { organization_id: 'organization', service_id: 'service', service_at_location_id: 'service_at_location', location_id: 'location' },
  },
  phone: {
    fields: { id: 'uuid', location_id: 'uuid', service_id: 'uuid', organization_id: 'uuid', contact_id: 'uuid',
      service_at_location_id: 'uuid', number: 'string', extension: 'number', type: 'string', description: 'string' },
    required: ['id', 'number'],
    enums: { type: ['text', 'voice', 'fax', 'cell', 'video', 'pager', 'textphone'] },
    refs: { location_id: 'location', service_id: 'service', organization_id: 'organization', contact_id: 'contact',
      service_at_location_id: 'service_at_location' },
  },
  accessibility: {
    fields: { id: 'uuid', location_id: 'uuid', description: 'string', details: 'string', url: 'uri' },
    required: ['id'],
    refs: { location_id: 'location' },
  },
  taxonomy: {
    fields: { id: 'uuid', name: 'string', description: 'string', uri: 'uri', version: 'string' },
    required: ['id', 'name', 'description'],
  },
  taxonomy_term: {
    fields: { id: 'uuid', code: 'string', name: 'string', description: 'string', parent_id: 'uuid', taxonomy: 'string',
      language: 'string', taxonomy_id: 'uuid', term_uri: 'uri' },
    required: ['id', 'name', 'description'],
    refs: { parent_id: 'taxonomy_term', taxonomy_id: 'taxonomy' },
  },
  attribute: {
    fields: { id: 'uuid', link_id: 'uuid', taxonomy_term_id: 'uuid', link_type: 'string', link_entity: 'string', value: 'string',
      label: 'string' },
    required: ['id', 'taxonomy_term_id', 'link_id', 'link_entity'],
    refs: { taxonomy_term_id: 'taxonomy_term' },
  },
};

function checkValue(kind, value) {
  switch (kind) {
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'uuid': return typeof value === 'string' && UUID.test(value);
    case 'date': return typeof value === 'string' && DATE.test(value);
    case 'time': return typeof value === 'string' && TIME.test(value);
    case 'uri': return typeof value === 'string' && URI.test(value);
    case 'email': return typeof value === 'string' && EMAIL.test(value);
    default: return typeof value === 'string';
  }
}

// Every problem of the tables as a string: unknown fields, missing required ones, wrong types
// and formats, enum values, duplicate ids, references that do not resolve.
function hsdsProblems(tables) {
  const problems = [];
  const ids = {};
  for (const [object, rows] of Object.entries(tables)) {
    ids[object] = new Set();
    for (const row of rows) {
      if (ids[object].has(row.id)) problems.push(`${object}: duplicate id ${row.id}`);
      ids[object].add(row.id);
    }
  }
  for (const [object, rows] of Object.entries(tables)) {
    const spec = HSDS[object];
    if (!spec) { problems.push(`unknown HSDS object ${object}`); continue; }
    for (const row of rows) {
      const where = `${object} ${row.id}`;
      for (const [k, v] of Object.entries(row)) {
        if (!(k in spec.fields)) problems.push(`${where}: field ${k} is not in the HSDS 3.0 ${object} schema`);
        else if (!checkValue(spec.fields[k], v)) problems.push(`${where}: ${k} = ${JSON.stringify(v)} is not a valid ${spec.fields[k]}`);
      }
      for (const k of spec.required) if (!(k in row)) problems.push(`${where}: required ${k} missing`);
      for (const [k, allowed] of Object.entries(spec.enums ?? {}))
        if (k in row && !allowed.includes(row[k])) problems.push(`${where}: ${k} = ${row[k]} not one of ${allowed.join(', ')}`);
      for (const [k, target] of Object.entries(spec.refs ?? {}))
        if (k in row && !ids[target]?.has(row[k])) problems.push(`${where}: ${k} ${row[k]} does not resolve to a ${target}`);
      if (object === 'attribute' && row.link_entity === 'service' && !ids.service.has(row.link_id))
        problems.push(`${where}: link_id ${row.link_id} is not a service`);
      if (object === 'schedule') {
        if (row.freq === 'WEEKLY' && row.byday !== undefined && !WEEKLY_BYDAY.test(row.byday)) problems.push(`${where}: WEEKLY byday ${row.byday}`);
        if (row.freq === 'MONTHLY' && row.byday !== undefined && !MONTHLY_BYDAY.test(row.byday)) problems.push(`${where}: MONTHLY byday ${row.byday}`);
        if (row.bymonthday !== undefined && (row.freq !== 'MONTHLY' || !BYMONTHDAY.test(row.bymonthday))) problems.push(`${where}: bymonthday ${row.bymonthday}`);
        if (row.freq && row.byday === undefined && row.bymonthday === undefined) problems.push(`${where}: freq without byday or bymonthday`);
        if (row.interval !== undefined && !row.dtstart) problems.push(`${where}: interval needs dtstart`);
        if (!row.service_id && !row.location_id && !row.service_at_location_id) problems.push(`${where}: linked to nothing`);
      }
      if (object === 'phone' && !row.service_id && !row.organization_id && !row.location_id && !row.contact_id)
        problems.push(`${where}: linked to nothing`);
      if (object === 'location' && ('latitude' in row) !== ('longitude' in row)) problems.push(`${where}: latitude without longitude`);
    }
  }
  return problems;
}

function readHsds(out) {
  const dir = path.join(out, 'opendata', 'hsds');
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'datapackage.json'), 'utf8'));
  const tables = {};
  for (const r of pkg.resources) {
    const rows = JSON.parse(fs.readFileSync(path.join(dir, r.path), 'utf8'));
    assert.ok(Array.isArray(rows), `${r.path} is not a JSON array`);
    assert.equal(rows.length, r.count, `${r.path}: datapackage.json says ${r.count} rows`);
    tables[r.name] = rows;
  }
  return { pkg, tables };
}

// ---------------------------------------------------------------------------------------------

let out;
let baseUrl;
let code;
let activities;
let consultation;
let organizations;

before(() => {
  const b = buildExampleOnce('open-data');
  assertBuiltOk(assert, b);
  out = b.out;
  baseUrl = siteSetting(SOURCE_DIR, 'base_url');
  code = String(siteSetting(SOURCE_DIR, 'municipality_code'));
  activities = readRecords(SOURCE_DIR, 'activities');
  consultation = readRecords(SOURCE_DIR, 'consultation');
  organizations = readRecords(SOURCE_DIR, 'organizations');
});

describe('自治体標準 CSV', () => {
  test('activities.csv: the contract header, one row per activity (ended and paused too), in id order', () => {
    const csv = readCsv(out, 'opendata/activities.csv');
    assert.notEqual(csv.buf[0], 0xef, 'activities.csv must not start with a BOM');
    const expected = [...contractColumns('kKodomoShokudoColumns'), ...contractColumns('kTsunaguActivityColumns')];
    assert.equal(contractColumns('kKodomoShokudoColumns').length, 49);
    assert.deepEqual(csv.header, expected);
    const ids = activities.map((r) => r.id).sort();
    assert.deepEqual(csv.objects.map((o) => o.ID), ids);
    assert.deepEqual(csv.objects.map((o) => o['tsunagu_活動ID']), ids);
    const statuses = new Set(csv.objects.map((o) => o['tsunagu_状況']));
    for (const s of statuses) assert.ok(['活動中', '休止中', '終了'].includes(s), `status ${s}`);
    assert.ok(statuses.size > 1, 'the example has paused or ended activities and they are exported');
  });

  test('activities-bom.csv is the same bytes after one UTF-8 BOM', () => {
    const plain = fs.readFileSync(path.join(out, 'opendata', 'activities.csv'));
    const bom = fs.readFileSync(path.join(out, 'opendata', 'activities-bom.csv'));
    assert.deepEqual([...bom.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(bom.subarray(3).equals(plain));
  });

  test('activities.csv values: codes, 都道府県, kana, times, weekdays, coordinates, data fields', () => {
    const { objects } = readCsv(out, 'opendata/activities.csv');
    const byId = new Map(activities.map((r) => [r.id, r]));
    for (const o of objects) {
      const rec = byId.get(o.ID);
      const where = `activity ${o.ID}`;
      assert.ok(municipalityCheckDigitOk(o['全国地方公共団体コード']), `${where}: code ${o['全国地方公共団体コード']}`);
      if (o['全国地方公共団体コード'].startsWith('13')) assert.equal(o['都道府県'], '東京都', where);
      assert.ok(o['都道府県'].length > 0 && o['市区町村名'].length > 0, `${where}: 都道府県 and 市区町村名`);
      assert.equal(o['名称'], String(rec.get('name')), where);
      assert.match(o['名称_カナ'], /^[\u30A1-\u30FA\u30FC\u30FB\s0-9A-Za-z０-９Ａ-Ｚａ-ｚ・]*$/u, `${where}: 名称_カナ ${o['名称_カナ']} is full-width katakana`);
      assert.doesNotMatch(o['名称_カナ'], /[\u3041-\u3096]/u, `${where}: no hiragana left in 名称_カナ`);
      assert.equal(o['tsunagu_読み'], String(rec.get('reading') ?? ''), where);
      for (const k of ['開催開始時間', '開催終了時間']) assert.match(o[k], /^(\d{2}:\d{2})?$/, `${where}: ${k} ${o[k]}`);
      assert.match(o['開催曜日'], /^月?火?水?木?金?土?日?$/u, `${where}: 開催曜日 ${o['開催曜日']}`);
      for (const k of ['緯度', '経度']) if (o[k] !== '') assert.ok(Number.isFinite(Number(o[k])), `${where}: ${k} ${o[k]}`);
      const schedule = rec.get('schedule');
      if (typeof schedule === 'string') assert.equal(o['tsunagu_開催日時'], schedule.replace(/\r?\n/g, ' '), where);
      for (const k of ['tsunagu_個人宅', 'tsunagu_バリアフリー', 'tsunagu_送迎', 'tsunagu_車いす用トイレ']) assert.match(o[k], /^[01]?$/, `${where}: ${k}`);
      if (rec.get('status')) assert.equal(o['tsunagu_状況'], String(rec.get('status')), where);
      if (rec.get('last_confirmed')) assert.equal(o['tsunagu_最終確認日'], String(rec.get('last_confirmed')), where);
    }
    // A 毎月第1・第3水曜 13:30〜15:00 schedule gives 水, 13:30, 15:00.
    const hinata = objects.find((o) => o.ID === 'kita-kitanodai-hinatabokko');
    assert.equal(hinata['開催曜日'], '水');
    assert.equal(hinata['開催開始時間'], '13:30');
    assert.equal(hinata['開催終了時間'], '15:00');
    assert.equal(hinata['方書'], '');
    assert.equal(hinata['tsunagu_個人宅'], '1');
  });

  test('consultation.csv, organizations.csv and codes.csv: one row per record or term', () => {
    const c = readCsv(out, 'opendata/consultation.csv');
    assert.deepEqual(c.objects.map((o) => o.ID), consultation.map((r) => r.id).sort());
    for (const o of c.objects) assert.ok(municipalityCheckDigitOk(o['全国地方公共団体コード']), `consultation ${o.ID}`);
    const g = readCsv(out, 'opendata/organizations.csv');
    assert.deepEqual(g.objects.map((o) => o.ID), organizations.map((r) => r.id).sort());
    const codes = readCsv(out, 'opendata/codes.csv');
    assert.deepEqual(codes.header, ['分類', '分類名', 'コード', 'ラベル', '英語']);
    const salon = codes.objects.find((o) => o['分類'] === 'content_types' && o['ラベル'] === '交流・サロン');
    assert.equal(salon?.['コード'], 'salon');
    const keys = codes.objects.map((o) => `${o['分類']}/${o['コード']}`);
    assert.equal(new Set(keys).size, keys.length, 'codes are unique within a vocabulary');
  });
});

describe('HSDS 3.0', () => {
  let tables;
  before(() => { ({ tables } = readHsds(out)); });

  test('every table validates: fields, required, types, formats, enums, unique ids, references', () => {
    for (const object of ['organization', 'service', 'location', 'service_at_location', 'schedule', 'cost_option', 'contact', 'phone',
      'accessibility', 'taxonomy', 'taxonomy_term', 'attribute'])
      assert.ok(object in tables, `no ${object} table`);
    const problems = hsdsProblems(tables);
    assert.deepEqual(problems.slice(0, 30), [], `${problems.length} problems`);
  });

  test('ids are UUIDv5 of the record, so they are the same in every build', () => {
    const services = new Map(tables.service.map((s) => [s.id, s]));
    for (const r of activities) {
      const s = services.get(hsdsId(code, 'service', `activity:${r.id}`));
      assert.ok(s, `no service for activity ${r.id}`);
      assert.equal(s.name, String(r.get('name')));
      assert.equal(s.url, `${baseUrl}activities/${r.id}.html`);
    }
    for (const r of consultation) {
      const s = services.get(hsdsId(code, 'service', `consultation:${r.id}`));
      assert.ok(s, `no service for consultation point ${r.id}`);
      assert.equal(s.url, `${baseUrl}consultation/${r.id}.html`);
    }
    const orgIds = new Set(tables.organization.map((o) => o.id));
    for (const r of organizations) assert.ok(orgIds.has(hsdsId(code, 'organization', r.id)), `organization ${r.id}`);
    assert.equal(tables.service.length, activities.length + consultation.length);
  });

  test('schedules: the RRULE subset for 第1・第3水曜, the text as description, irregular only as text', () => {
    const sid = hsdsId(code, 'service', 'activity:kita-kitanodai-hinatabokko');
    const rows = tables.schedule.filter((s) => s.service_id === sid);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].freq, 'MONTHLY');
    assert.equal(rows[0].byday, '1WE,3WE');
    assert.equal(rows[0].opens_at, '13:30+09:00');
    assert.equal(rows[0].closes_at, '15:00+09:00');
    assert.equal(rows[0].description, '毎月第1・第3水曜 13:30〜15:00');
    for (const s of tables.schedule) assert.ok(typeof s.description === 'string' && s.description.length > 0, `schedule ${s.id} keeps the text`);
    const textOnly = tables.schedule.filter((s) => !s.freq);
    for (const s of textOnly) for (const k of ['byday', 'bymonthday', 'interval', 'opens_at']) assert.ok(!(k in s), `text-only schedule ${s.id} has ${k}`);
  });

  test('cost options in JPY; taxonomy terms for content types, targets and forms', () => {
    for (const c of tables.cost_option) assert.equal(c.currency, 'JPY');
    const sid = hsdsId(code, 'service', 'activity:kita-kitanodai-hinatabokko');
    const fee = tables.cost_option.find((c) => c.service_id === sid);
    assert.equal(fee.amount, 100);
    assert.equal(fee.option, '参加者');
    const taxonomies = new Set(tables.taxonomy.map((t) => t.name));
    for (const v of ['content_types', 'target_people', 'form']) assert.ok(taxonomies.has(`tsunagu ${v}`), v);
    const terms = new Map(tables.taxonomy_term.map((t) => [t.id, t]));
    const labels = tables.attribute.filter((a) => a.link_id === sid).map((a) => terms.get(a.taxonomy_term_id).name).sort();
    assert.deepEqual(labels, ['ご近所', '一人暮らし', '交流・サロン', '自然発生', '見守り', '高齢・介護', '高齢者'].sort());
  });
});

describe('Atom feed', () => {
  let xml;
  before(() => { xml = fs.readFileSync(path.join(out, 'opendata', 'updates.atom'), 'utf8'); });

  test('well-formed Atom with the required elements', () => {
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    // Balanced tags and only the five XML entities.
    const stack = [];
    for (const m of xml.matchAll(/<(\/?)([A-Za-z][\w:-]*)[^>]*?(\/?)>/g)) {
      if (m[3] === '/') continue;
      if (m[1] === '/') assert.equal(stack.pop(), m[2], `unbalanced </${m[2]}>`);
      else stack.push(m[2]);
    }
    assert.deepEqual(stack, []);
    for (const m of xml.matchAll(/&([^;\s]*);/g)) assert.ok(['amp', 'lt', 'gt', 'quot', 'apos'].includes(m[1]), `entity &${m[1]};`);
    const feedHead = xml.slice(0, xml.indexOf('<entry>'));
    for (const el of ['title', 'id', 'updated', 'author']) assert.match(feedHead, new RegExp(`<${el}[ >]`), `feed has <${el}>`);
    assert.match(feedHead, /<link rel="self" type="application\/atom\+xml" href="https:\/\/[^"]+opendata\/updates.atom"\/>/);
  });

  test('the 50 most recently changed records, newest first, ties by id', () => {
    const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => ({
      id: /<id>([^<]+)<\/id>/.exec(m[1])[1],
      updated: /<updated>([^<]+)<\/updated>/.exec(m[1])[1],
      href: /<link rel="alternate" type="text\/html" href="([^"]+)"\/>/.exec(m[1])?.[1],
      summary: /<summary type="text">([^<]*)<\/summary>/.exec(m[1])?.[1],
    }));
    const day = (v) => {
      const s = v ? String(v) : '';
      return /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : /^\d{4}-\d{2}$/.test(s) ? `${s}-01` : '';
    };
    const all = [];
    for (const [records, dir] of [[activities, 'activities'], [consultation, 'consultation'], [organizations, 'organizations']])
      for (const r of records) {
        const d = [day(r.get('last_confirmed')), day(r.get('as_of'))].sort().pop();
        if (d) all.push({ date: d, id: r.id, url: `${baseUrl}${dir}/${r.id}.html` });
      }
    all.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const expected = all.slice(0, 50);
    assert.equal(entries.length, expected.length);
    assert.deepEqual(entries.map((e) => e.id), expected.map((e) => e.url));
    for (const [k, e] of entries.entries()) {
      assert.match(e.updated, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
      assert.equal(e.updated.slice(0, 10), expected[k].date);
      assert.equal(e.href, expected[k].url);
      assert.ok(e.summary, `entry ${e.id} has a summary`);
    }
    assert.equal(/<feed[\s\S]*?<updated>([^<]+)<\/updated>/.exec(xml)[1], entries[0].updated);
  });

  test('every page links the feed in its head', () => {
    for (const rel of htmlFiles(out).filter((f) => !isPrintDocument(f))) {
      const links = startTags(fs.readFileSync(path.join(out, rel), 'utf8'), 'link')
        .filter((t) => t.attrs.rel === 'alternate' && t.attrs.type === 'application/atom+xml');
      assert.equal(links.length, 1, `${rel}: one Atom link`);
      if (rel === '404.html') continue;  // served at any depth: it links from the base path
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), links[0].attrs.href));
      assert.equal(target, 'opendata/updates.atom', rel);
    }
  });
});

describe('determinism', () => {
  test('opendata/ is byte-identical with one thread and with all of them', () => {
    const one = build(SOURCE_DIR, `open-data-1thread-${process.pid}`, ['--threads', '1']);
    assertBuiltOk(assert, one);
    assert.deepEqual(hashTree(path.join(one.out, 'opendata')), hashTree(path.join(out, 'opendata')));
  });
});

describe('the open-data page', () => {
  test('lists every file under opendata/ with its real size and record count', () => {
    const html = fs.readFileSync(path.join(out, 'opendata', 'index.html'), 'utf8');
    const files = walk(path.join(out, 'opendata')).filter((f) => f !== 'index.html');
    const hrefs = startTags(html, 'a').map((t) => t.attrs.href);
    for (const f of files) assert.ok(hrefs.includes(f), `the page links ${f}`);
    for (const f of files) {
      const bytes = fs.statSync(path.join(out, 'opendata', f)).size;
      assert.ok(html.includes(`${bytes.toLocaleString('en-US')} バイト`), `${f}: ${bytes} bytes shown`);
    }
    assert.ok(html.includes(`${activities.length} 件`), 'activity count shown');
    for (const col of contractColumns('kKodomoShokudoColumns')) assert.ok(html.includes(`<th scope="row">${col}</th>`), `column ${col} described`);
    assert.ok(hrefs.some((h) => /^\.\.\/areas\/[^/]+\.ics$/.test(h)), 'links the area calendars');
  });

  test('linked from the footer of every page', () => {
    for (const rel of htmlFiles(out)) {
      if (rel === '404.html' || isPrintDocument(rel)) continue;
      const html = fs.readFileSync(path.join(out, rel), 'utf8');
      const footer = html.slice(html.indexOf('<footer'));
      const ok = startTags(footer, 'a').some((t) => path.posix.normalize(path.posix.join(path.posix.dirname(rel), t.attrs.href)) === 'opendata/index.html');
      assert.ok(ok, `${rel}: footer links opendata/index.html`);
    }
  });
});

describe('JSON-LD on every page', () => {
  const TOP = new Set(['Place', 'CivicStructure', 'Event', 'Organization', 'NGO', 'GovernmentOrganization', 'Corporation', 'Service',
    'GovernmentService', 'BreadcrumbList', 'FundingScheme', 'MonetaryGrant']);
  const DAYS = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((d) => `https://schema.org/${d}`));

  function typesOf(node) { return Array.isArray(node['@type']) ? node['@type'] : [node['@type']]; }

  // Walks every object, calling fn(node, key) for those with an @type.
  function visit(node, fn, key = '') {
    if (Array.isArray(node)) { for (const n of node) visit(n, fn, key); return; }
    if (!node || typeof node !== 'object') return;
    if ('@type' in node) fn(node, key);
    for (const [k, v] of Object.entries(node)) visit(v, fn, k);
  }

  test('parses, with allowed types, names, absolute urls, numeric geo and well-formed schedules', () => {
    const privateAddresses = new Map(venues(SOURCE_DIR).filter((v) => v.privateHome).map((v) => [v.id, v]));
    let pages = 0;
    for (const rel of htmlFiles(out)) {
      const blocks = jsonLdBlocks(fs.readFileSync(path.join(out, rel), 'utf8'));
      for (const text of blocks) {
        pages++;
        const doc = JSON.parse(text);
        assert.equal(doc['@context'], 'https://schema.org', rel);
        for (const t of typesOf(doc)) assert.ok(TOP.has(t), `${rel}: @type ${t}`);
        if (typesOf(doc).includes('BreadcrumbList')) continue;
        assert.ok(typeof doc.name === 'string' && doc.name.length > 0, `${rel}: name`);
        assert.equal(doc.url, `${baseUrl}${rel}`, `${rel}: url is the page's absolute URL`);
        visit(doc, (node, key) => {
          const types = typesOf(node);
          if ('url' in node) assert.ok(node.url.startsWith(baseUrl) || /^https?:\/\//.test(node.url), `${rel}: ${key}.url ${node.url}`);
          if (types.includes('GeoCoordinates')) {
            assert.equal(typeof node.latitude, 'number', `${rel}: latitude`);
            assert.equal(typeof node.longitude, 'number', `${rel}: longitude`);
            assert.ok(Math.abs(node.latitude) <= 90 && Math.abs(node.longitude) <= 180, rel);
          }
          if (types.includes('OpeningHoursSpecification')) {
            assert.ok(Array.isArray(node.dayOfWeek) && node.dayOfWeek.length > 0, `${rel}: dayOfWeek`);
            for (const d of node.dayOfWeek) assert.ok(DAYS.has(d), `${rel}: dayOfWeek ${d}`);
            assert.match(node.opens, /^\d{2}:\d{2}(:\d{2})?$/, rel);
            assert.match(node.closes, /^\d{2}:\d{2}(:\d{2})?$/, rel);
          }
          if (types.includes('Schedule')) {
            assert.equal(key, 'eventSchedule', `${rel}: a Schedule sits in eventSchedule`);
            assert.match(node.repeatFrequency ?? '', /^P\d+[DWM]$/, `${rel}: repeatFrequency`);
            for (const d of [node.byDay ?? []].flat()) assert.ok(DAYS.has(d), `${rel}: byDay ${d}`);
            for (const w of [node.byMonthWeek ?? []].flat()) assert.ok(Number.isInteger(w) && w >= -1 && w <= 5 && w !== 0, `${rel}: byMonthWeek ${w}`);
            for (const k of ['startTime', 'endTime']) if (k in node) assert.match(node[k], /^\d{2}:\d{2}:\d{2}$/, `${rel}: ${k}`);
            if ('scheduleTimezone' in node) assert.equal(node.scheduleTimezone, 'Asia/Tokyo');
          }
        });
        const id = /^activities\/(.+)\.html$/.exec(rel)?.[1];
        if (id && privateAddresses.has(id)) {
          const v = privateAddresses.get(id);
          visit(doc, (node) => {
            assert.ok(!typesOf(node).includes('GeoCoordinates'), `${rel}: a private home has no coordinates`);
            if (typesOf(node).includes('PostalAddress')) assert.doesNotMatch(node.streetAddress, /丁目.+|\d+-\d+/u, `${rel}: ${node.streetAddress}`);
            if (typesOf(node).includes('Place') && v.name) assert.notEqual(node.name, v.name, `${rel}: venue name of a private home`);
          });
        }
      }
    }
    assert.ok(pages > 100, `JSON-LD found on ${pages} pages`);
  });
});

// ---------------------------------------------------------------------------------------------
// Privacy: private-home venues' names, full street addresses and exact points never reach
// opendata/. The example's private homes are written as 町丁目 already; the `good` fixture's
// engawa-cafe has a full address and an exact point, which resolve must coarsen.

function privateLeaks(outDir, source) {
  const leaks = [];
  const homes = venues(source).filter((v) => v.privateHome);
  assert.ok(homes.length > 0, `${source} has private-home venues`);
  const names = new Set(readRecords(source, 'activities').map((r) => String(r.get('name'))));
  const files = walk(path.join(outDir, 'opendata'));
  const texts = files.map((f) => [f, fs.readFileSync(path.join(outDir, 'opendata', f), 'utf8')]);
  for (const v of homes) {
    const needles = [];
    // A venue name that is also the activity's own name is public; 世話人の自宅 or 山田様宅 are not.
    if (v.name && !names.has(v.name)) needles.push(v.name);
    if (v.address && /丁目.+|\d+-\d+/u.test(v.address)) needles.push(v.address, v.address.replace(/^.*丁目/u, ''));
    if (v.lat && v.lat.replace(/^-?\d+\./, '').length > 3) needles.push(v.lat, v.lon);
    for (const n of needles)
      for (const [f, text] of texts) if (n && text.includes(n)) leaks.push(`${f} contains ${n} (private home ${v.id})`);
  }
  return { leaks, homes };
}

describe('privacy', () => {
  test('the example: no private-home venue name or street address in opendata/', () => {
    const { leaks, homes } = privateLeaks(out, SOURCE_DIR);
    assert.deepEqual(leaks, []);
    assert.ok(homes.some((h) => h.id === 'kita-kitanodai-hinatabokko') && homes.some((h) => h.id === 'kita-sakuragaoka-engawa-ochakai'));
    const text = fs.readFileSync(path.join(out, 'opendata', 'activities.csv'), 'utf8');
    assert.ok(!text.includes('世話人の自宅'));
  });

  test('the good fixture: a full private address and exact point are cut to 町丁目 and a rounded point', () => {
    const src = copyFixture('good');
    const b = build(src, `open-data-good-${process.pid}`);
    assertBuiltOk(assert, b);
    const { leaks } = privateLeaks(b.out, src);
    assert.deepEqual(leaks, []);
    const { objects } = readCsv(b.out, 'opendata/activities.csv');
    const row = objects.find((o) => o.ID === 'engawa-cafe');
    assert.equal(row['住所'], 'テスト市桜ヶ丘2丁目');
    assert.equal(row['方書'], '');
    assert.equal(row['tsunagu_会場名'], '');
    assert.equal(Number(row['緯度']), 35.7);
    assert.equal(Number(row['経度']), 139.75);
    const { tables } = readHsds(b.out);
    assert.deepEqual(hsdsProblems(tables), []);
    const loc = tables.location.find((l) => l.id === hsdsId('132993', 'location', 'activity:engawa-cafe'));
    assert.ok(loc && !('name' in loc), 'a private home location has no name');
    // 隔週火曜 with a valid_from: WEEKLY, interval 2, dtstart, valid_from/valid_to.
    const sched = tables.schedule.filter((s) => s.service_id === hsdsId('132993', 'service', 'activity:engawa-cafe'));
    assert.ok(sched.length >= 1);
    for (const s of sched) assert.equal(s.description, '隔週火曜 13:30〜15:00');
  });
});
