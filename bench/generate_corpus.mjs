#!/usr/bin/env node
// Generates a complete, valid tsunagu site of N activities for benchmarks:
//
//   node bench/generate_corpus.mjs --activities N --out DIR [--seed S] [--municipalities K] [--verify]
//
// Output follows README.md "The data format": site.yaml, data/areas.yaml, one file per record
// under data/organizations/ (~N/20), data/activities/ (N) and data/consultation/ (~N/50),
// content/*.md, and DIR/bench-answers.json: 50 search queries, each with the one record that
// answers it (planted records carry words no other record contains; --verify proves it by
// scanning every file). Same arguments, same bytes: all randomness comes from the seed.
//
// Node 20, no npm packages. Municipalities (names, codes, readings, points) are real, read from
// ../shared/data/localgovjp-utf8.csv; everything below them is invented. Phone numbers are
// 0XX-000-NNNN (a local exchange starting with 0 is never dialable), mail and web addresses use
// the reserved example.org/.com/.net domains.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..');
const CSV = path.resolve(REPO, '../shared/data/localgovjp-utf8.csv');

// ---------------------------------------------------------------------------------------------
// Arguments

function usage(msg) {
  if (msg) process.stderr.write(`generate_corpus: ${msg}\n`);
  process.stderr.write('usage: node bench/generate_corpus.mjs --activities N --out DIR [--seed S] [--municipalities K] [--verify]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const o = { activities: 0, out: '', seed: 1, municipalities: 3, verify: false };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    const next = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === '--activities') o.activities = Number(next());
    else if (a === '--out') o.out = next();
    else if (a === '--seed') o.seed = Number(next());
    else if (a === '--municipalities') o.municipalities = Number(next());
    else if (a === '--verify') o.verify = true;
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown option ${a}`);
  }
  if (!Number.isInteger(o.activities) || o.activities < 100) usage('--activities must be an integer ≥ 100');
  if (!o.out) usage('--out is required');
  if (!Number.isInteger(o.seed)) usage('--seed must be an integer');
  if (!Number.isInteger(o.municipalities) || o.municipalities < 1 || o.municipalities > 20) usage('--municipalities must be 1..20');
  return o;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness (mulberry32)

function makeRng(seed) {
  let s = (seed ^ 0x9e3779b9) >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),  // inclusive
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    // k distinct elements, in the array's order
    some(arr, k) {
      const idx = arr.map((_, i) => i);
      for (let i = 0; i < k; ++i) {
        const j = i + Math.floor(next() * (idx.length - i));
        [idx[i], idx[j]] = [idx[j], idx[i]];
      }
      return idx.slice(0, k).sort((a, b) => a - b).map((i) => arr[i]);
    },
    shuffle(arr) {
      const a = arr.slice();
      for (let i = a.length - 1; i > 0; --i) {
        const j = Math.floor(next() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
  };
  return r;
}

// ---------------------------------------------------------------------------------------------
// Kana helpers: readings are composed part by part alongside the kanji, so they always match.

function toKatakana(s) {
  return s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}
function toHiragana(s) {
  return s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}
// Half-width katakana (ｶﾞ for ガ), as typed on some phones and older systems: the inverse of NFKC.
const HALFWIDTH = (() => {
  const m = new Map([['\u3099', '\uff9e'], ['\u309a', '\uff9f']]);
  for (let c = 0xff66; c <= 0xff9d; ++c) m.set(String.fromCharCode(c).normalize('NFKC'), String.fromCharCode(c));
  return m;
})();
function toHalfwidthKatakana(s) {
  return [...toKatakana(s).normalize('NFD')].map((c) => HALFWIDTH.get(c) ?? c).join('');
}

const ROMAJI = (() => {
  const t = {};
  const rows = {
    あ: 'a', い: 'i', う: 'u', え: 'e', お: 'o', か: 'ka', き: 'ki', く: 'ku', け: 'ke', こ: 'ko',
    さ: 'sa', し: 'shi', す: 'su', せ: 'se', そ: 'so', た: 'ta', ち: 'chi', つ: 'tsu', て: 'te', と: 'to',
    な: 'na', に: 'ni', ぬ: 'nu', ね: 'ne', の: 'no', は: 'ha', ひ: 'hi', ふ: 'fu', へ: 'he', ほ: 'ho',
    ま: 'ma', み: 'mi', む: 'mu', め: 'me', も: 'mo', や: 'ya', ゆ: 'yu', よ: 'yo',
    ら: 'ra', り: 'ri', る: 'ru', れ: 're', ろ: 'ro', わ: 'wa', ゐ: 'i', ゑ: 'e', を: 'o', ん: 'n',
    が: 'ga', ぎ: 'gi', ぐ: 'gu', げ: 'ge', ご: 'go', ざ: 'za', じ: 'ji', ず: 'zu', ぜ: 'ze', ぞ: 'zo',
    だ: 'da', ぢ: 'ji', づ: 'zu', で: 'de', ど: 'do', ば: 'ba', び: 'bi', ぶ: 'bu', べ: 'be', ぼ: 'bo',
    ぱ: 'pa', ぴ: 'pi', ぷ: 'pu', ぺ: 'pe', ぽ: 'po', ぁ: 'a', ぃ: 'i', ぅ: 'u', ぇ: 'e', ぉ: 'o', ゔ: 'vu',
  };
  Object.assign(t, rows);
  const yo = { ゃ: 'a', ゅ: 'u', ょ: 'o' };
  for (const [k, v] of Object.entries(rows)) {
    if (!/i$/.test(v) || k === 'い' || k === 'ぃ') continue;
    for (const [s, vv] of Object.entries(yo)) {
      const base = v.slice(0, -1);
      t[k + s] = base === 'sh' || base === 'ch' || base === 'j' ? base + vv : base + 'y' + vv;
    }
  }
  return t;
})();

function romaji(reading) {
  const s = toHiragana(reading);
  let out = '';
  for (let i = 0; i < s.length; ) {
    const two = s.slice(i, i + 2);
    if (ROMAJI[two] && two.length === 2) { out += ROMAJI[two]; i += 2; continue; }
    const c = s[i];
    if (c === 'っ') {
      const nx = ROMAJI[s.slice(i + 1, i + 3)] || ROMAJI[s[i + 1]] || '';
      out += nx.startsWith('ch') ? 't' : nx.charAt(0);
      i += 1; continue;
    }
    if (ROMAJI[c]) out += ROMAJI[c];
    i += 1;
  }
  return out.replace(/[^a-z0-9]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Tables. Each entry: [kanji, reading, ascii slug]. Nothing here may contain a planted word
// (PLANTED below); --verify checks that no other record matches a query.

const PLACES = [
  ['桜ヶ丘', 'さくらがおか', 'sakuragaoka'], ['緑町', 'みどりちょう', 'midoricho'], ['本町', 'ほんちょう', 'honcho'],
  ['旭町', 'あさひちょう', 'asahicho'], ['栄町', 'さかえちょう', 'sakaecho'], ['東町', 'ひがしまち', 'higashimachi'],
  ['西町', 'にしまち', 'nishimachi'], ['南町', 'みなみまち', 'minamimachi'], ['北町', 'きたまち', 'kitamachi'],
  ['中町', 'なかまち', 'nakamachi'], ['若葉台', 'わかばだい', 'wakabadai'], ['青葉台', 'あおばだい', 'aobadai'],
  ['松原', 'まつばら', 'matsubara'], ['梅ヶ丘', 'うめがおか', 'umegaoka'], ['富士見町', 'ふじみちょう', 'fujimicho'],
  ['日の出町', 'ひのでちょう', 'hinodecho'], ['曙町', 'あけぼのちょう', 'akebonocho'], ['大和町', 'やまとちょう', 'yamatocho'],
  ['宮前', 'みやまえ', 'miyamae'], ['柳町', 'やなぎまち', 'yanagimachi'], ['泉町', 'いずみちょう', 'izumicho'],
  ['幸町', 'さいわいちょう', 'saiwaicho'], ['平和台', 'へいわだい', 'heiwadai'], ['高砂', 'たかさご', 'takasago'],
  ['松が丘', 'まつがおか', 'matsugaoka'], ['駅前', 'えきまえ', 'ekimae'], ['川端', 'かわばた', 'kawabata'],
  ['新町', 'しんまち', 'shinmachi'], ['元町', 'もとまち', 'motomachi'], ['港町', 'みなとまち', 'minatomachi'],
  ['清水', 'しみず', 'shimizu'], ['桜台', 'さくらだい', 'sakuradai'], ['光が丘', 'ひかりがおか', 'hikarigaoka'],
  ['春日町', 'かすがちょう', 'kasugacho'], ['常盤台', 'ときわだい', 'tokiwadai'], ['住吉', 'すみよし', 'sumiyoshi'],
  ['弥生町', 'やよいちょう', 'yayoicho'], ['寿町', 'ことぶきちょう', 'kotobukicho'], ['錦町', 'にしきちょう', 'nishikicho'],
  ['昭和町', 'しょうわちょう', 'showacho'], ['末広町', 'すえひろちょう', 'suehirocho'], ['天神町', 'てんじんちょう', 'tenjincho'],
  ['稲荷町', 'いなりちょう', 'inaricho'], ['城山', 'しろやま', 'shiroyama'], ['小山', 'こやま', 'koyama'],
  ['中島', 'なかじま', 'nakajima'], ['高田', 'たかた', 'takata'], ['森下', 'もりした', 'morishita'],
  ['田町', 'たまち', 'tamachi'], ['荒井', 'あらい', 'arai'], ['西原', 'にしはら', 'nishihara'],
  ['東原', 'ひがしはら', 'higashihara'], ['北野', 'きたの', 'kitano'], ['南台', 'みなみだい', 'minamidai'],
  ['向陽台', 'こうようだい', 'koyodai'], ['緑が丘', 'みどりがおか', 'midorigaoka'], ['藤が丘', 'ふじがおか', 'fujigaoka'],
  ['中央', 'ちゅうおう', 'chuo'], ['大町', 'おおまち', 'omachi'], ['上町', 'かみまち', 'kamimachi'],
  ['下町', 'しもまち', 'shimomachi'], ['石田', 'いしだ', 'ishida'], ['岡本', 'おかもと', 'okamoto'],
  ['広瀬', 'ひろせ', 'hirose'], ['山王', 'さんのう', 'sanno'], ['八幡', 'やはた', 'yahata'],
  ['新田', 'しんでん', 'shinden'], ['池田', 'いけだ', 'ikeda'], ['千代田', 'ちよだ', 'chiyoda'],
  ['和泉', 'いずみ', 'izumi'], ['美園', 'みその', 'misono'], ['星が丘', 'ほしがおか', 'hoshigaoka'],
  ['花園', 'はなぞの', 'hanazono'], ['白金', 'しろがね', 'shirogane'], ['青山', 'あおやま', 'aoyama'],
  ['竹の台', 'たけのだい', 'takenodai'], ['扇町', 'おうぎまち', 'ogimachi'], ['宝町', 'たからまち', 'takaramachi'],
];

const DISTRICTS = [  // 日常生活圏域 (中学校区)
  ['北', 'きた', 'kita'], ['南', 'みなみ', 'minami'], ['東', 'ひがし', 'higashi'], ['西', 'にし', 'nishi'],
  ['中央', 'ちゅうおう', 'chuo'], ['第一', 'だいいち', 'daiichi'], ['第二', 'だいに', 'daini'], ['第三', 'だいさん', 'daisan'],
  ['第四', 'だいよん', 'daiyon'], ['緑ヶ丘', 'みどりがおか', 'midorigaoka'], ['浜', 'はま', 'hama'], ['山手', 'やまて', 'yamate'],
];
const DISTRICT_NOTES = [
  '川沿いの住宅地と団地が広がる地域です。', '駅を中心に商店街と古い住宅地があります。', '丘陵地に戸建て住宅が多い地域です。',
  '農地と集落が点在し、坂道の多い地域です。', '大規模団地があり、高齢化が進んでいます。', '新しいマンションが増え、子育て世帯が多い地域です。',
  '市役所や病院が集まる市の中心部です。', '工場跡地の再開発で人口が増えています。',
];

const NICKS = [
  ['ひだまり', 'ひだまり', 'hidamari'], ['なごみ', 'なごみ', 'nagomi'], ['ほっと', 'ほっと', 'hotto'],
  ['えがお', 'えがお', 'egao'], ['たんぽぽ', 'たんぽぽ', 'tanpopo'], ['ひまわり', 'ひまわり', 'himawari'],
  ['スマイル', 'すまいる', 'smile'], ['あおぞら', 'あおぞら', 'aozora'], ['こもれび', 'こもれび', 'komorebi'],
  ['わいわい', 'わいわい', 'waiwai'], ['ぽかぽか', 'ぽかぽか', 'pokapoka'], ['にこにこ', 'にこにこ', 'nikoniko'],
  ['ゆうゆう', 'ゆうゆう', 'yuyu'], ['いこい', 'いこい', 'ikoi'], ['きずな', 'きずな', 'kizuna'],
  ['ふれあい', 'ふれあい', 'fureai'], ['結', 'ゆい', 'yui'], ['和', 'なごみ', 'nagomi'], ['みのり', 'みのり', 'minori'],
  ['あゆみ', 'あゆみ', 'ayumi'], ['つくし', 'つくし', 'tsukushi'], ['どんぐり', 'どんぐり', 'donguri'],
  ['はなみずき', 'はなみずき', 'hanamizuki'], ['コスモス', 'こすもす', 'cosmos'], ['わかば', 'わかば', 'wakaba'],
  ['まごころ', 'まごころ', 'magokoro'], ['おひさま', 'おひさま', 'ohisama'], ['しおかぜ', 'しおかぜ', 'shiokaze'],
];

// Activity words: the name part, its reading, an id slug, and what the activity is.
// ct: content_types; tp: target_people; fd: fields; pt: place_type candidates ('' = none);
// sched: preferred schedule shapes; fee: fee kind; sum: summaries.
const T = (o) => o;
const ACTIVITY_WORDS = [
  T({ w: 'ふれあいサロン', r: 'ふれあいさろん', s: 'fureai-salon', ct: ['交流・サロン', '介護予防・体操'], tp: ['高齢者', '一人暮らし'], fd: ['高齢・介護'], pt: ['単独', '併設', '自然発生'], sched: ['nth2', 'nth1', 'weekly'], fee: 'tea',
    sum: ['お茶を飲みながらおしゃべりと体操を楽しむ集まりです。', '地域の高齢の方が気軽に立ち寄れるサロンです。', '季節の行事や手作りおやつを楽しむ、ご近所の集まりです。'] }),
  T({ w: 'いきいきサロン', r: 'いきいきさろん', s: 'ikiiki-salon', ct: ['交流・サロン'], tp: ['高齢者'], fd: ['高齢・介護'], pt: ['単独', '併設'], sched: ['nth1', 'nth2'], fee: 'tea',
    sum: ['歌や脳トレ、おしゃべりで毎回にぎやかなサロンです。', '月に一度、集会所でお茶会を開いています。'] }),
  T({ w: '茶話会', r: 'さわかい', s: 'sawakai', ct: ['交流・サロン'], tp: ['誰でも', '一人暮らし'], fd: ['まちづくり'], pt: ['自然発生', '単独'], sched: ['nthLast', 'nth1', 'irregular'], fee: 'tea',
    sum: ['近所の人が自然に集まって始まったお茶の会です。', 'どなたでも参加できる小さなお茶会です。'] }),
  T({ w: '子ども食堂', r: 'こどもしょくどう', s: 'kodomo-shokudo', ct: ['子ども食堂', '会食', '多世代交流'], tp: ['子ども', '子育て中の親子', '誰でも'], fd: ['子ども・子育て'], pt: ['単独', '併設'], sched: ['nth1', 'nth2', 'monthday', 'biweekly'], fee: 'kids',
    sum: ['子どもは無料、大人は300円で温かい夕食を一緒に食べる食堂です。', '地域のボランティアが手作りのごはんを用意しています。', '宿題をしてからみんなでごはんを食べる、子どもの居場所です。'] }),
  T({ w: 'みんなの食堂', r: 'みんなのしょくどう', s: 'minna-shokudo', ct: ['会食', '多世代交流'], tp: ['多世代', '誰でも'], fd: ['まちづくり', '生活困窮'], pt: ['カフェ', '単独'], sched: ['nth1', 'weekly'], fee: 'meal',
    sum: ['子どもから高齢の方まで、誰でも一緒に食べられる食堂です。', '旬の野菜を使った定食をみんなで囲みます。'] }),
  T({ w: '見守り隊', r: 'みまもりたい', s: 'mimamori-tai', ct: ['見守り'], tp: ['一人暮らし', '高齢者'], fd: ['高齢・介護', '防災'], pt: ['訪問型'], sched: ['daily', 'weekdays', 'weeklyMulti'], fee: 'free',
    sum: ['一人暮らしの高齢の方を、声かけと訪問で見守っています。', '登下校の時間に通学路に立ち、子どもと高齢の方を見守ります。'] }),
  T({ w: '安心ネット', r: 'あんしんねっと', s: 'anshin-net', ct: ['見守り', '相談'], tp: ['一人暮らし', '高齢者'], fd: ['高齢・介護', '防災'], pt: ['訪問型', ''], sched: ['weekly', 'irregular'], fee: 'free',
    sum: ['新聞受けや明かりの様子で、さりげなく見守る仕組みです。', '災害時に備えて、支えが必要な方の名簿づくりに協力しています。'] }),
  T({ w: '認知症カフェ', r: 'にんちしょうかふぇ', s: 'ninchisho-cafe', ct: ['認知症カフェ', '相談'], tp: ['認知症の人と家族', '高齢者'], fd: ['高齢・介護', '保健医療'], pt: ['カフェ', '併設'], sched: ['nth1', 'nthLast'], fee: 'tea',
    sum: ['認知症の方とご家族、地域の方が気軽に集えるカフェです。', '専門職が同席し、介護の悩みをその場で相談できます。'] }),
  T({ w: 'オレンジカフェ', r: 'おれんじかふぇ', s: 'orange-cafe', ct: ['認知症カフェ'], tp: ['認知症の人と家族'], fd: ['高齢・介護'], pt: ['カフェ'], sched: ['nth1', 'monthday'], fee: 'tea',
    sum: ['音楽を聴きながらコーヒーを楽しむ、認知症カフェです。', 'ご本人もご家族も、同じテーブルでおしゃべりできます。'] }),
  T({ w: '百歳体操', r: 'ひゃくさいたいそう', s: 'hyakusai-taiso', ct: ['介護予防・体操'], tp: ['高齢者'], fd: ['高齢・介護', '保健医療'], pt: ['単独', '併設'], sched: ['weekly', 'weeklyMulti'], fee: 'free',
    sum: ['おもりを使った体操を、週に一度みんなで続けています。', 'DVDを見ながら椅子に座ってできる筋力体操です。'] }),
  T({ w: '健康体操教室', r: 'けんこうたいそうきょうしつ', s: 'kenko-taiso', ct: ['介護予防・体操'], tp: ['高齢者', '誰でも'], fd: ['保健医療'], pt: ['併設'], sched: ['weekly', 'biweekly'], fee: 'small',
    sum: ['ストレッチと脳トレで、転ばない体づくりをしています。', '地域の体育館で開く、どなたでも参加できる体操教室です。'] }),
  T({ w: 'ラジオ体操の会', r: 'らじおたいそうのかい', s: 'radio-taiso', ct: ['介護予防・体操', '交流・サロン'], tp: ['誰でも', '多世代'], fd: ['保健医療'], pt: ['自然発生'], sched: ['daily'], fee: 'free',
    sum: ['毎朝、公園でラジオ体操をしています。', '雨の日以外は毎朝集まり、体操のあとにおしゃべりを楽しみます。'] }),
  T({ w: '学習支援教室', r: 'がくしゅうしえんきょうしつ', s: 'gakushu-shien', ct: ['学習支援'], tp: ['子ども', '生活困窮者'], fd: ['教育', '子ども・子育て', '生活困窮'], pt: ['単独', '併設'], sched: ['weekly', 'weeklyMulti'], fee: 'free',
    sum: ['小中学生の宿題や受験勉強を、大学生ボランティアが手伝います。', '家庭で勉強しにくい子どもたちのための学習の場です。'] }),
  T({ w: '寺子屋', r: 'てらこや', s: 'terakoya', ct: ['学習支援', '多世代交流'], tp: ['子ども', '多世代'], fd: ['教育'], pt: ['併設'], sched: ['weekly', 'nth2'], fee: 'free',
    sum: ['地域の大人が先生になって、昔遊びや勉強を教えます。', '放課後の子どもたちが安心して過ごせる場所です。'] }),
  T({ w: '配食サービス', r: 'はいしょくさーびす', s: 'haishoku', ct: ['配食', '見守り'], tp: ['高齢者', '一人暮らし'], fd: ['高齢・介護'], pt: ['訪問型'], sched: ['weekdays', 'weeklyMulti'], fee: 'bento',
    sum: ['手作りのお弁当を届けながら、安否を確認しています。', '食事づくりが難しい方に、栄養バランスのよいお弁当を届けます。'] }),
  T({ w: '会食会', r: 'かいしょくかい', s: 'kaishoku', ct: ['会食', '交流・サロン'], tp: ['高齢者', '一人暮らし'], fd: ['高齢・介護'], pt: ['単独'], sched: ['nth1', 'monthday'], fee: 'meal',
    sum: ['一人暮らしの方が集まって、一緒に昼食を楽しむ会です。', 'ボランティアが作る季節の料理をみんなでいただきます。'] }),
  T({ w: 'お助け隊', r: 'おたすけたい', s: 'otasuke-tai', ct: ['家事援助', 'ちょボラ'], tp: ['高齢者', '障がい者・障がい児'], fd: ['高齢・介護', '住まい'], pt: ['訪問型'], sched: ['weekdays', 'irregular'], fee: 'paid',
    sum: ['電球の交換やごみ出しなど、ちょっとした困りごとをお手伝いします。', '庭の草取りや家具の移動を、会員どうしで助け合います。'] }),
  T({ w: 'ちょこっとボランティア', r: 'ちょこっとぼらんてぃあ', s: 'chokotto-volunteer', ct: ['ちょボラ'], tp: ['誰でも'], fd: ['まちづくり'], pt: [''], sched: ['irregular', 'weekly'], fee: 'points',
    sum: ['30分程度のちょっとした手助けを、ポイントと交換で行います。', '空いた時間にできるボランティアを紹介しています。'] }),
  T({ w: '家事サポート', r: 'かじさぽーと', s: 'kaji-support', ct: ['家事援助'], tp: ['高齢者', '子育て中の親子'], fd: ['高齢・介護', '子ども・子育て'], pt: ['訪問型'], sched: ['weekdays'], fee: 'paid',
    sum: ['掃除や買い物、調理などの家事を有償ボランティアが手伝います。', '産前産後の家事や上の子の送り迎えを手伝います。'] }),
  T({ w: 'おでかけ支援', r: 'おでかけしえん', s: 'odekake-shien', ct: ['移動・外出支援'], tp: ['高齢者', '障がい者・障がい児'], fd: ['高齢・介護', '障害'], pt: ['訪問型'], sched: ['weekdays', 'weeklyMulti'], fee: 'ride',
    sum: ['通院や買い物への送迎を、地域の運転ボランティアが行います。', 'バス停まで歩くのが難しい方の外出をお手伝いします。'] }),
  T({ w: '買い物ツアー', r: 'かいものつあー', s: 'kaimono-tour', ct: ['移動・外出支援', '交流・サロン'], tp: ['高齢者'], fd: ['高齢・介護'], pt: [''], sched: ['weekly', 'biweekly'], fee: 'ride',
    sum: ['ワゴン車でスーパーへ出かけ、帰りにお茶を楽しみます。', '買い物に行きにくい地域から、週に一度みんなで出かけます。'] }),
  T({ w: 'よろず相談会', r: 'よろずそうだんかい', s: 'yorozu-sodan', ct: ['相談'], tp: ['誰でも', '生活困窮者'], fd: ['生活困窮', '住まい'], pt: ['併設'], sched: ['nth1', 'monthday'], fee: 'free',
    sum: ['暮らしの困りごとを何でも相談できる会です。', '司法書士や社会福祉士が交代で相談に応じます。'] }),
  T({ w: '子育てひろば', r: 'こそだてひろば', s: 'kosodate-hiroba', ct: ['多世代交流', '相談'], tp: ['子育て中の親子', '女性'], fd: ['子ども・子育て'], pt: ['単独', '併設'], sched: ['weeklyMulti', 'weekly'], fee: 'free',
    sum: ['乳幼児と保護者がのびのび遊べるひろばです。', '子育ての先輩と気軽に話せる、親子の居場所です。'] }),
  T({ w: '多世代交流広場', r: 'たせだいこうりゅうひろば', s: 'tasedai-hiroba', ct: ['多世代交流', '交流・サロン'], tp: ['多世代', '誰でも'], fd: ['まちづくり'], pt: ['単独', 'カフェ'], sched: ['nth2', 'weekly'], fee: 'small',
    sum: ['子どもから高齢の方まで、誰でも立ち寄れる広場です。', '昔遊びや工作を通じて、世代をこえて交流します。'] }),
  T({ w: '男の料理教室', r: 'おとこのりょうりきょうしつ', s: 'otoko-ryori', ct: ['会食', '交流・サロン'], tp: ['男性', '高齢者'], fd: ['高齢・介護', '保健医療'], pt: ['併設'], sched: ['nth1', 'nthLast'], fee: 'meal',
    sum: ['料理を覚えながら仲間づくりをする、男性のための教室です。', '定年後の男性が集まり、作った料理をみんなで食べます。'] }),
  T({ w: 'ママカフェ', r: 'ままかふぇ', s: 'mama-cafe', ct: ['交流・サロン', '相談'], tp: ['女性', '子育て中の親子'], fd: ['子ども・子育て'], pt: ['カフェ'], sched: ['weekly', 'nth2'], fee: 'tea',
    sum: ['子育て中のお母さんが、子ども連れでほっとできるカフェです。', '保育士がいるので、安心しておしゃべりできます。'] }),
  T({ w: '日本語教室', r: 'にほんごきょうしつ', s: 'nihongo', ct: ['学習支援', '多世代交流'], tp: ['外国人'], fd: ['多文化共生', '教育'], pt: ['併設'], sched: ['weekly'], fee: 'free',
    sum: ['外国から来た方のための、やさしい日本語の教室です。', '日本語の勉強と、暮らしの困りごとの相談ができます。'] }),
  T({ w: 'ひきこもり居場所', r: 'ひきこもりいばしょ', s: 'hikikomori-ibasho', ct: ['相談', '就労・社会参加'], tp: ['ひきこもり'], fd: ['生活困窮', '就労'], pt: ['単独'], sched: ['biweekly', 'weekly'], fee: 'free',
    sum: ['外に出るきっかけをつくる、静かで安心な居場所です。', '話さなくても大丈夫。好きなことをして過ごせます。'] }),
  T({ w: 'しごと体験', r: 'しごとたいけん', s: 'shigoto-taiken', ct: ['就労・社会参加'], tp: ['ひきこもり', '障がい者・障がい児', '生活困窮者'], fd: ['就労', '障害'], pt: ['併設'], sched: ['weekdays', 'weeklyMulti'], fee: 'free',
    sum: ['農作業や店番など、短い時間からはたらく体験ができます。', '地域のお店の協力で、無理なくはたらく練習をします。'] }),
  T({ w: 'シニア農園', r: 'しにあのうえん', s: 'senior-farm', ct: ['就労・社会参加', '介護予防・体操'], tp: ['高齢者', '男性'], fd: ['環境', '就労'], pt: ['単独'], sched: ['weeklyMulti', 'weekly'], fee: 'small',
    sum: ['耕作放棄地を借りて、野菜を育てて販売しています。', '土に触れながら体を動かし、収穫を分け合います。'] }),
  T({ w: '花壇づくりの会', r: 'かだんづくりのかい', s: 'kadan', ct: ['多世代交流', 'ちょボラ'], tp: ['誰でも', '多世代'], fd: ['環境', 'まちづくり'], pt: ['自然発生'], sched: ['nth1', 'irregular'], fee: 'free',
    sum: ['駅前の花壇を季節の花でいっぱいにしています。', '花の手入れをしながら、通りがかりの人とおしゃべりします。'] }),
  T({ w: 'みんなのスポーツ交流会', r: 'みんなのすぽーつこうりゅうかい', s: 'sports', ct: ['多世代交流', '介護予防・体操'], tp: ['障がい者・障がい児', '多世代'], fd: ['障害', '保健医療'], pt: ['併設'], sched: ['nth2', 'nth1'], fee: 'free',
    sum: ['障がいのある人もない人も、一緒に体を動かす交流会です。', '車いすでも楽しめる競技を、みんなで練習しています。'] }),
  T({ w: '防災サロン', r: 'ぼうさいさろん', s: 'bosai-salon', ct: ['交流・サロン', '見守り'], tp: ['誰でも', '一人暮らし'], fd: ['防災', 'まちづくり'], pt: ['併設'], sched: ['nthLast', 'nth1'], fee: 'free',
    sum: ['災害への備えを話し合いながら、顔の見える関係をつくります。', '非常食の試食や避難経路の確認をしています。'] }),
  T({ w: 'フードバンク', r: 'ふーどばんく', s: 'food-bank', ct: ['相談', '配食'], tp: ['生活困窮者', '子育て中の親子'], fd: ['生活困窮'], pt: [''], sched: ['monthday', 'nth1'], fee: 'free',
    sum: ['家庭で余った食品を集め、必要な家庭に届けています。', '食品の受け取りと一緒に、暮らしの相談もできます。'] }),
  T({ w: 'すまい相談会', r: 'すまいそうだんかい', s: 'sumai-sodan', ct: ['相談'], tp: ['高齢者', '生活困窮者'], fd: ['住まい'], pt: [''], sched: ['nth1', 'monthday'], fee: 'free',
    sum: ['賃貸住宅探しや住み替えの相談を受け付けています。', '不動産会社と福祉の専門職が一緒に相談に応じます。'] }),
];

// Prefixes that make names such as 桜ヶ丘ふれあいサロン, ひだまり子ども食堂, 緑町地区みんなの食堂.
const VENUE_WORDS = [
  ['自治会館', 'jichikaikan'], ['集会所', 'shukaijo'], ['公民館', 'kominkan'], ['コミュニティセンター', 'community'],
  ['地域福祉センター', 'fukushi'], ['老人憩の家', 'ikoi'], ['児童館', 'jidokan'], ['団地集会所', 'danchi'],
  ['商店街の空き店舗', 'akitenpo'], ['地区会館', 'chikukaikan'], ['まちづくりセンター', 'machizukuri'],
];
const VENUE_DETAILS = ['1階集会室', '2階和室', '大広間', '調理室', '多目的室', '1階ホール', '会議室A', ''];
const CHURCH_WORDS = [['寺', 'でら'], ['神社', 'じんじゃ'], ['教会', 'きょうかい']];

const DESCRIPTION_SENTENCES = [
  (c) => `${c.venue}で${c.when}開いています。`,
  (c) => `はじめての方も**「手ぶらで」**どうぞ。`,
  (c) => `${c.org}が中心になって、${c.start}から続けています。`,
  (c) => `毎回${c.count}人ほどが参加しています。`,
  (c) => `ボランティアも募集しています。${c.contactWord}までお気軽にお問い合わせください。`,
  (c) => `季節ごとに${c.event}を行っています。`,
  (c) => `${c.town}周辺にお住まいの方が多く参加しています。`,
  (c) => `参加される方の体調に合わせて、無理のない内容にしています。`,
  (c) => `会場には${c.barrier}。`,
  (c) => `${c.target}の方を中心に、どなたでも歓迎します。`,
  (c) => `地域包括支援センターや民生委員と連絡を取り合っています。`,
  (c) => `途中からの参加や、途中で帰ることもできます。`,
  (c) => `感染症が流行している時期は、お休みすることがあります。`,
  (c) => `お茶とお菓子を用意してお待ちしています。`,
];
const EVENTS = ['お花見', '流しそうめん', '夏祭り', '敬老会', '芋煮会', 'クリスマス会', '餅つき', '書き初め', '七夕飾り', '月見団子づくり'];
const BARRIERS = ['段差がなく、車いすでも入れます', '入口に段差が1段あります', 'エレベーターがあります', '2階への階段に手すりがあります'];

// ---------------------------------------------------------------------------------------------
// Planted records: words found nowhere else, so each search query has one known answer.
// [kanji, reading, slug]; readings must not occur as substrings of anything generated from the
// tables above (--verify scans every file for every query).

const PLANTED_PLACES = [
  ['鷺ノ森', 'さぎのもり', 'saginomori'], ['蛍ヶ淵', 'ほたるがふち', 'hotarugafuchi'], ['雲雀野', 'ひばりの', 'hibarino'],
  ['翡翠台', 'ひすいだい', 'hisuidai'], ['椿坂', 'つばきざか', 'tsubakizaka'], ['鳩羽町', 'はとばちょう', 'hatobacho'],
  ['柊平', 'ひいらぎだいら', 'hiiragidaira'], ['菫ヶ原', 'すみれがはら', 'sumiregahara'], ['藍染橋', 'あいぞめばし', 'aizomebashi'],
  ['琥珀通', 'こはくどおり', 'kohakudori'], ['楓谷', 'かえでだに', 'kaededani'], ['朧月町', 'おぼろづきちょう', 'oborozukicho'],
  ['茜沢', 'あかねざわ', 'akanezawa'], ['萩の辻', 'はぎのつじ', 'haginotsuji'], ['鈴蘭坂', 'すずらんざか', 'suzuranzaka'],
  ['白鷺台', 'しらさぎだい', 'shirasagidai'], ['千鳥ヶ丘', 'ちどりがおか', 'chidorigaoka'], ['山吹町', 'やまぶきちょう', 'yamabukicho'],
  ['水無月台', 'みなづきだい', 'minazukidai'], ['銀杏並木', 'いちょうなみき', 'ichonamiki'], ['若鮎町', 'わかあゆちょう', 'wakaayucho'],
  ['紫陽花坂', 'あじさいざか', 'ajisaizaka'], ['鶺鴒谷', 'せきれいだに', 'sekireidani'], ['桐ヶ窪', 'きりがくぼ', 'kirigakubo'],
  ['木蓮町', 'もくれんちょう', 'mokurencho'], ['蓬莱橋', 'ほうらいばし', 'horaibashi'], ['鶯谷戸', 'うぐいすやと', 'uguisuyato'],
  ['葦原新田', 'あしはらしんでん', 'ashiharashinden'], ['石榴坂', 'ざくろざか', 'zakurozaka'], ['杜若池', 'かきつばたいけ', 'kakitsubataike'],
  ['榧ノ木', 'かやのき', 'kayanoki'], ['薊野', 'あざみの', 'azamino'], ['樫ノ浦', 'かしのうら', 'kashinoura'],
  ['檜垣内', 'ひがいと', 'higaito'], ['鹿子坂', 'かのこざか', 'kanokozaka'], ['笹目原', 'ささめはら', 'sasamehara'],
];
// Activity kinds found only in planted records (a rare category word is a query of its own).
const PLANTED_KINDS = [
  T({ w: 'フードパントリー', r: 'ふーどぱんとりー', s: 'food-pantry', ct: ['配食', '相談'], tp: ['生活困窮者', '子育て中の親子'], fd: ['生活困窮'], pt: [''], sched: ['monthday'], fee: 'free',
    sum: ['食品や日用品を無料で受け取れる、予約制の受け渡し会です。'] }),
  T({ w: 'うたごえ喫茶', r: 'うたごえきっさ', s: 'utagoe-kissa', ct: ['交流・サロン', '介護予防・体操'], tp: ['高齢者'], fd: ['高齢・介護'], pt: ['カフェ'], sched: ['nth1'], fee: 'tea',
    sum: ['ピアノの伴奏で懐かしい歌をみんなで歌う喫茶です。'] }),
  T({ w: 'ボッチャ倶楽部', r: 'ぼっちゃくらぶ', s: 'boccia', ct: ['多世代交流', '介護予防・体操'], tp: ['障がい者・障がい児', '多世代'], fd: ['障害'], pt: ['併設'], sched: ['weekly'], fee: 'free',
    sum: ['ボールを投げて目標に近づける競技を、誰でも一緒に楽しめます。'] }),
  T({ w: '囲碁将棋道場', r: 'いごしょうぎどうじょう', s: 'igo-shogi', ct: ['交流・サロン'], tp: ['高齢者', '男性'], fd: ['高齢・介護'], pt: ['単独'], sched: ['weeklyMulti'], fee: 'small',
    sum: ['初心者から有段者まで、囲碁と将棋を楽しむ道場です。'] }),
];

// ---------------------------------------------------------------------------------------------
// Vocabulary used for coverage (every value of README's tables appears in the corpus)

const LEGAL_FORMS = ['任意団体', '準備委員会', 'NPO法人', '認定NPO法人', '社会福祉法人', '一般財団法人', '公益財団法人', '一般社団法人',
  '公益社団法人', '協同組合', '株式会社', '合同会社', '医療法人', '行政', '社協', '地区社協', '自治会・町内会'];
const CHANNELS = ['電話', '来所', '訪問', 'メール', 'FAX', 'オンライン'];

// ---------------------------------------------------------------------------------------------
// YAML output: a small emitter for the shapes used here (block mapping at the top; flow lists of
// scalars; flow mappings of scalars; block lists of flow mappings; `|` for multi-line text).

const PLAIN_OK = /^[^\s\-?:,\[\]{}#&*!|>'"%@`~][^\n]*$/;
function scalar(v) {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  if (s === '' || !PLAIN_OK.test(s) || /[,\[\]{}]|: |:$| #|\s$/.test(s) ||
      /^(true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.:]*)$/i.test(s)) return JSON.stringify(s);
  return s;
}
function flowMap(o) {
  return '{' + Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${Array.isArray(v) ? flowList(v) : (typeof v === 'object' ? flowMap(v) : scalar(v))}`).join(', ') + '}';
}
function flowList(a) {
  return '[' + a.map((v) => (typeof v === 'object' ? flowMap(v) : scalar(v))).join(', ') + ']';
}
function yamlRecord(rec, indent = '') {
  let out = '';
  for (const [k, v] of Object.entries(rec)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      if (v.length && typeof v[0] === 'object') {
        out += `${indent}${k}:\n`;
        for (const e of v) out += `${indent}  - ${flowMap(e)}\n`;
      } else {
        out += `${indent}${k}: ${flowList(v)}\n`;
      }
    } else if (v !== null && typeof v === 'object') {
      if (v.__block) {
        out += `${indent}${k}:\n` + yamlRecord(v.__block, indent + '  ');
      } else {
        out += `${indent}${k}: ${flowMap(v)}\n`;
      }
    } else if (typeof v === 'string' && v.includes('\n')) {
      out += `${indent}${k}: |\n` + v.replace(/\n$/, '').split('\n').map((l) => `${indent}  ${l}`).join('\n') + '\n';
    } else {
      out += `${indent}${k}: ${scalar(v)}\n`;
    }
  }
  return out;
}
const block = (o) => ({ __block: o });

// ---------------------------------------------------------------------------------------------
// Municipalities from the shared CSV

function municipalityCheckDigit(first5) {
  const w = [6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 5; ++i) sum += Number(first5[i]) * w[i];
  return String((11 - (sum % 11)) % 10);
}

function loadMunicipalities() {
  let text;
  try {
    text = fs.readFileSync(CSV, 'utf8');
  } catch (e) {
    process.stderr.write(`generate_corpus: cannot read ${CSV}: ${e.message}\n`);
    process.exit(1);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  const head = lines[0].split(',');
  const col = (n) => head.indexOf(n);
  const out = [];
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    if (f.length !== head.length) continue;  // a phrase with a comma: not needed
    const m = { pref: f[col('pref')], name: f[col('city')], kana: f[col('citykana')], lat: Number(f[col('lat')]),
      lon: Number(f[col('lng')]), code: f[col('lgcode')] };
    // Cities only (中学校区 and 地区 fit them), not wards of 政令市 (their names carry a space).
    if (!m.name.endsWith('市') || /\s/.test(m.name) || /\s/.test(m.kana) || !m.kana.endsWith('し')) continue;
    if (!/^[0-9]{6}$/.test(m.code) || municipalityCheckDigit(m.code.slice(0, 5)) !== m.code[5]) continue;
    if (!(m.lat > 24 && m.lat < 46 && m.lon > 123 && m.lon < 146)) continue;
    m.slug = romaji(m.kana.slice(0, -1));
    if (!m.slug) continue;
    out.push(m);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Building the corpus

function pad(n, w) { return String(n).padStart(w, '0'); }
function round(x, d) { const f = 10 ** d; return Math.round(x * f) / f; }

function timeRange(rng, kind) {
  const starts = kind === 'daily' ? ['6:30', '7:00', '7:30', '8:00'] :
    ['9:00', '9:30', '10:00', '10:30', '11:00', '11:30', '13:00', '13:30', '14:00', '15:00', '16:00', '17:00', '18:00'];
  const st = rng.pick(starts);
  const [h, m] = st.split(':').map(Number);
  const dur = kind === 'daily' ? rng.pick([30, 60]) : rng.pick([60, 90, 120, 120, 150, 180]);
  const end = h * 60 + m + dur;
  return `${st}〜${Math.floor(end / 60)}:${pad(end % 60, 2)}`;
}

const WEEKDAYS = ['月', '火', '水', '木', '金', '土', '日'];
function schedule(rng, shape) {
  const wd = () => rng.pick(WEEKDAYS);
  let s;
  switch (shape) {
    case 'weekly': s = `毎週${wd()}曜 ${timeRange(rng)}`; break;
    case 'weeklyMulti': s = `毎週${rng.some(WEEKDAYS.slice(0, 5), rng.int(2, 3)).join('・')}曜 ${timeRange(rng)}`; break;
    case 'weekdays': s = `平日 ${rng.pick(['8:30〜17:15', '9:00〜17:00', '9:00〜12:00', '10:00〜16:00', '13:00〜17:00'])}`; break;
    case 'nth2': { const a = rng.int(1, 2); s = `毎月第${a}・第${a + 2}${wd()}曜 ${timeRange(rng)}`; break; }
    case 'nth1': s = `毎月第${rng.int(1, 4)}${wd()}曜 ${timeRange(rng)}`; break;
    case 'nthLast': s = `毎月最終${wd()}曜 ${timeRange(rng)}`; break;
    case 'monthday': s = `毎月${rng.int(1, 28)}日 ${timeRange(rng)}`; break;
    case 'biweekly': s = `隔週${wd()}曜 ${timeRange(rng)}`; break;
    case 'daily': s = `毎日 ${timeRange(rng, 'daily')}`; break;
    case 'irregular': return '月1回不定期';
    default: throw new Error(`unknown schedule shape ${shape}`);
  }
  return rng.chance(0.25) ? `${s}（祝日は休み）` : s;
}

function fees(rng, kind) {
  switch (kind) {
    case 'tea': return { fees: [{ person: '参加者', amount: rng.pick([100, 100, 200, 300]), note: 'お茶代' }], fee_note: rng.pick(['初回は無料です。', undefined]) };
    case 'kids': return { fees: [{ person: '子ども', amount: 0 }, { person: '大人', amount: rng.pick([300, 300, 400, 500]) }], fee_note: '高校生まで無料です。' };
    case 'meal': return { fees: [{ person: '大人', amount: rng.pick([300, 400, 500]), note: '材料費' }] };
    case 'bento': return { fees: [{ person: '1食', amount: rng.pick([400, 450, 500, 550]) }], fee_note: '容器は回収します。' };
    case 'paid': return { fees: [{ person: '利用者', amount: rng.pick([600, 700, 800, 1000]), note: '1時間あたり' }], fee_note: '年会費1,000円が別にかかります。' };
    case 'ride': return { fees: [{ person: '利用者', amount: rng.pick([100, 200, 300]), note: '1回あたりのガソリン代' }] };
    case 'small': return { fees: [{ person: '参加者', amount: rng.pick([100, 200, 500]), note: '保険料・資料代' }] };
    case 'points': return { fee_note: '謝礼は地域ポイントでお渡しします。' };
    default: return { fees: [{ person: '参加者', amount: 0 }], fee_note: '無料です。' };
  }
}

function phone(areaCode, rng) { return `${areaCode}-000-${pad(rng.int(0, 9999), 4)}`; }

function randomDate(rng, y0, y1) { return `${rng.int(y0, y1)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`; }

function build(opts) {
  const rng = makeRng(opts.seed);
  const all = loadMunicipalities();
  if (all.length < opts.municipalities) throw new Error('not enough municipalities in the CSV');
  const chosen = rng.shuffle(all).slice(0, opts.municipalities);

  // Slugs of planted words must not collide with generated ones; tables are checked here once.
  const tableText = JSON.stringify([PLACES, NICKS, ACTIVITY_WORDS, DISTRICTS, DISTRICT_NOTES, VENUE_WORDS, DESCRIPTION_SENTENCES.map(String), EVENTS]);
  for (const [k, r] of PLANTED_PLACES)
    if (tableText.includes(k) || tableText.includes(r)) throw new Error(`planted word ${k} (${r}) also occurs in the tables`);

  // --- areas
  const areas = [];
  const munis = [];
  const areaIds = new Set();
  for (const m of chosen) {
    const pop = rng.int(40, 400) * 1000 + rng.int(0, 999);
    const root = { id: m.slug, name: m.name, reading: m.kana, level: '市区町村', code: m.code, population: pop,
      households: Math.round(pop / (2.1 + rng.next() * 0.4)), population_65plus: Math.round(pop * (0.22 + rng.next() * 0.12)),
      center: { lat: round(m.lat, 4), lon: round(m.lon, 4) }, description: `${m.pref}${m.name}の全域です。` };
    if (areaIds.has(root.id)) root.id = `${m.slug}-${m.code}`;
    areaIds.add(root.id);
    areas.push(root);
    const areaCode = '0' + pad(rng.int(11, 99), 2);
    const muni = { m, root, areaCode, districts: [], chiku: [], places: rng.shuffle(PLACES) };
    munis.push(muni);
    let placeAt = 0;
    const nDistricts = rng.int(3, 6);
    for (const [dk, dr, ds] of rng.some(DISTRICTS, nDistricts)) {
      const d = { id: `${root.id}-${ds}`, name: `${dk}中学校区`, reading: `${dr}ちゅうがっこうく`, level: '日常生活圏域', parent: root.id,
        description: rng.pick(DISTRICT_NOTES) };
      areas.push(d);
      muni.districts.push(d);
      const nChiku = rng.int(2, 4);
      for (let c = 0; c < nChiku; ++c) {
        const [pk, pr, ps] = muni.places[placeAt++ % muni.places.length];
        const [ek, , es] = muni.places[placeAt++ % muni.places.length];  // a neighbouring 町 in the same 地区
        const center = { lat: round(m.lat + (rng.next() - 0.5) * 0.06, 4), lon: round(m.lon + (rng.next() - 0.5) * 0.07, 4) };
        const towns = [`${pk}1丁目`, `${pk}2丁目`, `${pk}3丁目`, ek];
        const ch = { id: `${root.id}-${ps}`, name: `${pk}地区`, reading: `${pr}ちく`, level: '地区', parent: d.id, towns, center };
        areas.push(ch);
        const chiku = { area: ch, place: [pk, pr, ps], extra: [ek, es], center, district: d, muni, orgs: [], neighbourhoods: [] };
        // Some 地区 have 町内会-level areas below them.
        if (rng.chance(0.4)) {
          const na = { id: `${ch.id}-1`, name: `${pk}一丁目町会`, reading: `${pr}いっちょうめちょうかい`, level: '町内会', parent: ch.id,
            towns: [`${pk}1丁目`] };
          areas.push(na);
          chiku.neighbourhoods.push(na);
        }
        muni.chiku.push(chiku);
      }
    }
  }
  const allChiku = munis.flatMap((mu) => mu.chiku);

  // --- organizations
  const N = opts.activities;
  const nOrgs = Math.max(20, Math.round(N / 20));
  const orgs = [];
  // One 社協 and one 行政 per municipality, used by consultation points.
  for (const mu of munis) {
    const { m, root } = mu;
    mu.shakyo = { id: `${root.id}-shakyo`, name: `${m.name}社会福祉協議会`, reading: `${m.kana}しゃかいふくしきょうぎかい`,
      aliases: [`${m.name.replace(/市$/, '')}社協`], legal_form: '社協', founded: `${rng.int(1955, 1985)}-04`, areas_served: [root.id],
      address: `${m.name}${mu.places[0][0]}1丁目1-1`, contact: { phone: phone(mu.areaCode, rng), fax: phone(mu.areaCode, rng), email: `info@${root.id}-shakyo.example.org`, url: `https://example.org/${root.id}/shakyo/`, person_role: '地域福祉課' },
      description: `${m.name}の地域福祉を進める社会福祉協議会です。ボランティアセンターも運営しています。`, source: `${m.name}社協 団体調査`, as_of: '2026-04-01', last_confirmed: randomDate(rng, 2025, 2026) };
    mu.city = { id: `${root.id}-city`, name: `${m.name}役所 福祉部`, reading: `${m.kana}やくしょ ふくしぶ`, legal_form: '行政', areas_served: [root.id],
      address: `${m.name}${mu.places[0][0]}1丁目2-3`, contact: { phone: phone(mu.areaCode, rng), url: `https://example.org/${root.id}/city/`, person_role: '福祉政策課' },
      description: `${m.name}の福祉部です。`, as_of: '2026-04-01' };
    orgs.push(mu.shakyo, mu.city);
  }
  const ORG_KINDS = [
    // [weight, legal_form, make(place, nick) → {name, reading, slug}]
    [20, '自治会・町内会', (p, n, r) => r.chance(0.5) ? { name: `${p[0]}自治会`, reading: `${p[1]}じちかい`, slug: `${p[2]}-jichikai` } : { name: `${p[0]}町内会`, reading: `${p[1]}ちょうないかい`, slug: `${p[2]}-chonaikai` }],
    [8, '地区社協', (p) => ({ name: `${p[0]}地区社会福祉協議会`, reading: `${p[1]}ちくしゃかいふくしきょうぎかい`, slug: `${p[2]}-chiku-shakyo` })],
    [22, '任意団体', (p, n, r) => r.chance(0.5) ? { name: `${p[0]}${n[0]}の会`, reading: `${p[1]}${n[1]}のかい`, slug: `${p[2]}-${n[2]}-kai` } : { name: `${n[0]}ボランティアの会`, reading: `${n[1]}ぼらんてぃあのかい`, slug: `${n[2]}-volunteer` }],
    [2, '準備委員会', (p) => ({ name: `${p[0]}居場所づくり準備委員会`, reading: `${p[1]}いばしょづくりじゅんびいいんかい`, slug: `${p[2]}-junbi` })],
    [14, 'NPO法人', (p, n) => ({ name: `NPO法人${n[0]}`, reading: `えぬぴーおーほうじん${n[1]}`, slug: `npo-${n[2]}` })],
    [3, '認定NPO法人', (p, n) => ({ name: `認定NPO法人${p[0]}${n[0]}ネット`, reading: `にんていえぬぴーおーほうじん${p[1]}${n[1]}ねっと`, slug: `npo-${p[2]}-${n[2]}-net` })],
    [6, '社会福祉法人', (p, n) => ({ name: `社会福祉法人${n[0]}会`, reading: `しゃかいふくしほうじん${n[1]}かい`, slug: `shafuku-${n[2]}` })],
    [2, '一般財団法人', (p) => ({ name: `一般財団法人${p[0]}振興財団`, reading: `いっぱんざいだんほうじん${p[1]}しんこうざいだん`, slug: `${p[2]}-zaidan` })],
    [1, '公益財団法人', (p) => ({ name: `公益財団法人${p[0]}福祉基金`, reading: `こうえきざいだんほうじん${p[1]}ふくしききん`, slug: `${p[2]}-kikin` })],
    [4, '一般社団法人', (p) => ({ name: `一般社団法人${p[0]}まちづくり協会`, reading: `いっぱんしゃだんほうじん${p[1]}まちづくりきょうかい`, slug: `${p[2]}-machizukuri` })],
    [1, '公益社団法人', (p) => ({ name: `公益社団法人${p[0]}シルバー人材センター`, reading: `こうえきしゃだんほうじん${p[1]}しるばーじんざいせんたー`, slug: `${p[2]}-silver` })],
    [4, '協同組合', (p, n) => ({ name: `${n[0]}生活協同組合`, reading: `${n[1]}せいかつきょうどうくみあい`, slug: `${n[2]}-coop` })],
    [4, '株式会社', (p, n) => ({ name: `株式会社${n[0]}ケア`, reading: `かぶしきがいしゃ${n[1]}けあ`, slug: `${n[2]}-care` })],
    [2, '合同会社', (p, n) => ({ name: `合同会社${p[0]}${n[0]}商店`, reading: `ごうどうがいしゃ${p[1]}${n[1]}しょうてん`, slug: `${p[2]}-${n[2]}-shoten` })],
    [2, '医療法人', (p, n) => ({ name: `医療法人${n[0]}会 ${p[0]}クリニック`, reading: `いりょうほうじん${n[1]}かい ${p[1]}くりにっく`, slug: `${p[2]}-clinic` })],
  ];
  const kindTotal = ORG_KINDS.reduce((s, k) => s + k[0], 0);
  const pickKind = (i) => {
    if (i < ORG_KINDS.length) return ORG_KINDS[i];  // every legal form at least once
    let x = rng.next() * kindTotal;
    for (const k of ORG_KINDS) if ((x -= k[0]) < 0) return k;
    return ORG_KINDS[0];
  };
  const plantedOrgAt = new Set([Math.floor(nOrgs * 0.2), Math.floor(nOrgs * 0.5), Math.floor(nOrgs * 0.8)]);
  const plantedOrgs = [];
  for (let i = orgs.length; i < nOrgs; ++i) {
    const chiku = allChiku[rng.int(0, allChiku.length - 1)];
    const mu = chiku.muni;
    const planted = plantedOrgAt.has(i) ? PLANTED_PLACES[30 + plantedOrgs.length] : null;
    // A planted organization gets a kind whose name carries its place word.
    const kind = planted ? ORG_KINDS[[0, 1, 9][plantedOrgs.length]] : pickKind(i - 2 * munis.length);
    const nick = rng.pick(NICKS);
    const place = planted ?? chiku.place;
    const nm = kind[2](place, nick, rng);
    const o = { id: `${nm.slug}-${pad(i, 5)}`, name: nm.name, reading: nm.reading };
    if (rng.chance(0.15)) o.aliases = [nm.name.replace(/^(NPO法人|認定NPO法人|社会福祉法人|株式会社|合同会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|医療法人)/, '').split(' ')[0] || nick[0]];
    o.legal_form = kind[1];
    if (kind[1] === 'NPO法人' && rng.chance(0.3)) o.legal_form_history = [{ date: `${rng.int(2000, 2012)}-${pad(rng.int(1, 12), 2)}`, form: '任意団体' }, { date: `${rng.int(2013, 2020)}-04`, form: 'NPO法人' }];
    if (kind[1] === '一般財団法人' && rng.chance(0.5)) o.legal_form_history = [{ date: '2012-10', form: '準備委員会' }, { date: '2013-04', form: '一般財団法人' }];
    o.founded = `${rng.int(1960, 2024)}-${pad(rng.int(1, 12), 2)}`;
    o.areas_served = [rng.chance(0.7) ? chiku.area.id : chiku.district.id];
    o.address = `${mu.m.name}${chiku.place[0]}${rng.int(1, 3)}丁目${rng.int(1, 30)}-${rng.int(1, 20)}`;
    o.contact = { phone: phone(mu.areaCode, rng), email: `info-${pad(i, 5)}@example.org`, url: rng.chance(0.4) ? `https://example.org/org/${pad(i, 5)}/` : undefined, person_role: rng.pick(['事務局', '代表', '会長', '福祉部', '広報担当']) };
    if (rng.chance(0.2)) o.disclosures = [{ title: '令和6年度 事業報告書', url: `https://example.org/org/${pad(i, 5)}/report-2024.pdf` }];
    o.description = `${rng.pick(['昭和', '平成', '令和'])}に発足した${kind[1] === '自治会・町内会' ? '自治会' : '団体'}です。${chiku.place[0]}を中心に**${rng.pick(['見守り', '居場所づくり', '食の支援', '子育て支援', '介護予防'])}**に取り組んでいます。`;
    o.source = `${mu.m.name}社協 団体調査`;
    o.as_of = '2026-04-01';
    o.last_confirmed = randomDate(rng, 2025, 2026);
    if (planted) plantedOrgs.push({ rec: o, word: planted });
    else chiku.orgs.push(o);  // planted organizations run no activity, so their name appears on no other page
    orgs.push(o);
  }

  // --- activities
  const plantedActivities = [];  // {index, place, kind}
  const nPlanted = 34;
  const plantedAt = new Map();
  for (let k = 0; k < nPlanted; ++k) plantedAt.set(Math.floor(((k + 0.5) * N) / nPlanted), k);
  const activities = [];
  const formFor = (org, word, r) => {
    if (word.fee === 'paid') return '有償ボランティア';
    if (word.fee === 'points') return '地域通貨';
    switch (org?.legal_form) {
      case '自治会・町内会': case '地区社協': return '地縁組織';
      case '株式会社': case '合同会社': return '営利団体の社会貢献';
      case '任意団体': case '準備委員会': return r.pick(['ご近所', '居場所']);
      default: return '非営利団体';
    }
  };
  for (let i = 0; i < N; ++i) {
    const pk = plantedAt.get(i);
    const planted = pk !== undefined;
    const chiku = allChiku[rng.int(0, allChiku.length - 1)];
    const mu = chiku.muni;
    let word = rng.pick(ACTIVITY_WORDS);
    if (planted && pk >= 26 && pk < 30) word = PLANTED_KINDS[pk - 26];
    // Name: 桜ヶ丘ふれあいサロン / ひだまり子ども食堂 / 桜ヶ丘地区みんなの食堂 / 認知症カフェ「ひだまり」
    const placeWord = planted && pk < 26 && !(pk >= 22) ? PLANTED_PLACES[pk] : chiku.place;
    const nick = rng.pick(NICKS);
    let name, reading;
    const pattern = planted ? 0 : rng.int(0, 9);
    if (pattern <= 4) { name = placeWord[0] + word.w; reading = placeWord[1] + word.r; }
    else if (pattern <= 6) { name = nick[0] + word.w; reading = nick[1] + word.r; }
    else if (pattern === 7) { name = `${placeWord[0]}地区${word.w}`; reading = `${placeWord[1]}ちく${word.r}`; }
    else if (pattern === 8) { name = `${word.w}「${nick[0]}」`; reading = word.r + nick[1]; }
    else { name = `${nick[0]}${word.w}・${chiku.place[0]}`; reading = `${nick[1]}${word.r}・${chiku.place[1]}`; }
    // Planted 町名 (pk 22..25 and the category+町名 queries 30..33) appear only in the venue address.
    const plantedTown = planted && ((pk >= 22 && pk < 26) || pk >= 30) ? PLANTED_PLACES[pk >= 30 ? pk - 4 : pk] : null;
    if (plantedTown) { name = `${nick[0]}${word.w}`; reading = `${nick[1]}${word.r}`; }
    const idPlace = plantedTown ? nick[2] : (pattern <= 4 || pattern === 7 ? placeWord[2] : (pattern === 9 ? `${nick[2]}-${chiku.place[2]}` : nick[2]));
    const id = `${idPlace}-${word.s}-${pad(i, 6)}`;

    // Mostly an organization of the same 地区; else one elsewhere in the city, the 社協, or none.
    let org = null;
    if (chiku.orgs.length && rng.chance(0.8)) org = rng.pick(chiku.orgs);
    else if (rng.chance(0.9)) { const other = rng.pick(mu.chiku); org = other.orgs.length ? rng.pick(other.orgs) : mu.shakyo; }
    const shape = rng.pick(word.sched);
    const when = shape === 'irregular' ? '月に1回ほど' : shape === 'daily' ? '毎朝' : shape === 'weekdays' ? '平日に' : shape.startsWith('weekly') ? '毎週' : shape === 'biweekly' ? '2週間に1回' : '毎月';

    const venueKind = rng.pick(VENUE_WORDS);
    const town = plantedTown ? `${plantedTown[0]}${rng.int(1, 4)}丁目` : rng.chance(0.85) ? `${chiku.place[0]}${rng.int(1, 3)}丁目` : chiku.extra[0];
    const privateHome = !planted && rng.chance(0.04);
    const geo = { lat: round(chiku.center.lat + (rng.next() - 0.5) * 0.01, 5), lon: round(chiku.center.lon + (rng.next() - 0.5) * 0.012, 5) };
    let venue;
    if (privateHome) {
      venue = { name: `${nick[0]}の家`, address: `${mu.m.name}${town}`, geo, private_home: true };
    } else if (rng.chance(0.05)) {
      const [ck] = rng.pick(CHURCH_WORDS);
      venue = { name: `${chiku.place[0]}${ck}`, address: `${mu.m.name}${town}${rng.int(1, 30)}-${rng.int(1, 20)}`, geo };
    } else {
      venue = { name: `${(plantedTown ?? chiku.place)[0]}${venueKind[0]}`, address: `${mu.m.name}${town}${rng.int(1, 30)}-${rng.int(1, 20)}`, geo };
      const det = rng.pick(VENUE_DETAILS);
      if (det) venue.address_detail = det;
    }

    const ctx = {
      venue: venue.name, when, org: org ? org.name : '地域の有志', start: rng.chance(0.7) ? `平成${rng.int(2, 30)}年` : `令和${rng.int(2, 7)}年`,
      count: rng.pick([5, 8, 10, 15, 20, 30]), contactWord: rng.pick(['事務局', '代表', '社協']), event: rng.pick(EVENTS),
      town, barrier: rng.pick(BARRIERS), target: word.tp[0],
    };
    const nSent = rng.int(2, 4);
    const sentences = rng.some(DESCRIPTION_SENTENCES, nSent).map((f) => f(ctx));
    const description = rng.chance(0.5) ? sentences.join('') + '\n' : sentences.slice(0, 1).join('') + '\n' + sentences.slice(1).join('') + '\n';

    const a = { id, name, reading };
    if (rng.chance(0.1)) a.aliases = [word.w];
    a.summary = rng.pick(word.sum);
    a.description = description;
    a.content_types = word.ct.slice(0, rng.int(1, word.ct.length));
    a.form = formFor(org, word, rng);
    const pt = rng.pick(word.pt);
    if (pt) a.place_type = pt;
    a.target_people = word.tp.slice(0, rng.int(1, word.tp.length));
    a.fields = word.fd.slice(0, rng.int(1, word.fd.length));
    if (org) a.organization = org.id;
    a.areas = [chiku.neighbourhoods.length && rng.chance(0.3) ? chiku.neighbourhoods[0].id : chiku.area.id];
    a.venue = block(venue);
    a.schedule = schedule(rng, shape);
    Object.assign(a, fees(rng, word.fee));
    a.eligibility = rng.pick(['どなたでも', `${mu.m.name}にお住まいの方`, `${word.tp[0]}の方`, 'おおむね65歳以上の方']);
    a.registration = rng.pick(['不要', '会員登録が必要です', '不要（初回のみ名前を記入）']);
    if (rng.chance(0.6)) a.capacity = rng.pick([10, 15, 20, 30, 40, 50]);
    a.booking = rng.pick(['予約不要', '前日までに電話で予約', '予約制（定員になり次第締切）']);
    a.accessibility = { barrier_free: rng.chance(0.6), pickup: rng.chance(0.15), wheelchair_toilet: rng.chance(0.3) ? rng.chance(0.5) : undefined };
    if (rng.chance(0.3)) a.accessibility.note = rng.pick(BARRIERS);
    a.languages = rng.chance(0.9) ? ['日本語'] : ['日本語', rng.pick(['やさしい日本語', '英語', '中国語', 'ベトナム語', 'ポルトガル語'])];
    a.contact = { phone: phone(mu.areaCode, rng), phone_note: rng.chance(0.5) ? rng.pick(['平日10時〜16時', '開催日のみ', '社協経由で取り次ぎます']) : undefined, email: rng.chance(0.3) ? `act-${pad(i, 6)}@example.net` : undefined, person_role: rng.pick(['事務局', '代表', '世話人', '自治会福祉部', 'ボランティア担当']) };
    const st = rng.next();
    a.status = planted ? '活動中' : st < 0.9 ? '活動中' : st < 0.97 ? '休止中' : '終了';
    a.start_date = `${rng.int(1995, 2025)}-${pad(rng.int(1, 12), 2)}`;
    a.source = `${mu.m.name}社協 活動調査`;
    a.as_of = '2026-04-01';
    a.last_confirmed = randomDate(rng, 2024, 2026);
    activities.push(a);
    if (planted) plantedActivities.push({ k: pk, rec: a, word, placeWord, plantedTown });
  }

  // --- consultation points
  const nConsult = Math.max(10, Math.round(N / 50));
  const CONSULT = [
    { t: '地域包括支援センター', r: 'ちいきほうかつしえんせんたー', s: 'houkatsu', alias: [['あんしんセンター', 'あんしんせんたー'], ['高齢者あんしん相談センター', 'こうれいしゃあんしんそうだんせんたー']],
      topics: ['介護', '認知症', '物忘れ', '一人暮らし', '虐待', '成年後見'], tp: ['高齢者', '認知症の人と家族'], sum: '高齢の方とご家族の総合相談窓口です。' },
    { t: '自立相談支援機関', r: 'じりつそうだんしえんきかん', s: 'jiritsu', alias: [['くらしとしごとの相談窓口', 'くらしとしごとのそうだんまどぐち']],
      topics: ['生活費', '借金', '仕事探し', '家賃', 'ひきこもり'], tp: ['生活困窮者', 'ひきこもり'], sum: '仕事や生活費、住まいの困りごとを一緒に考える窓口です。' },
    { t: '子育て世代包括支援センター', r: 'こそだてせだいほうかつしえんせんたー', s: 'kosodate', alias: [['子育てほっとステーション', 'こそだてほっとすてーしょん']],
      topics: ['妊娠', '出産', '子育て', '発達', '産後うつ'], tp: ['子育て中の親子', '子ども', '女性'], sum: '妊娠から子育てまで切れ目なく相談できる窓口です。' },
    { t: '障害者相談支援事業所', r: 'しょうがいしゃそうだんしえんじぎょうしょ', s: 'shogai', alias: [['障がい者なんでも相談', 'しょうがいしゃなんでもそうだん']],
      topics: ['福祉サービス', '就労', '住まい', '権利擁護'], tp: ['障がい者・障がい児'], sum: '障がいのある方とご家族の相談を受け付けます。' },
    { t: 'ボランティアセンター', r: 'ぼらんてぃあせんたー', s: 'volunteer', alias: [['ボラセン', 'ぼらせん']],
      topics: ['ボランティア', '活動の立ち上げ', '助成金'], tp: ['誰でも'], sum: 'ボランティアをしたい人と、してほしい人をつなぎます。' },
    { t: '多文化共生センター', r: 'たぶんかきょうせいせんたー', s: 'tabunka', alias: [['外国人相談窓口', 'がいこくじんそうだんまどぐち']],
      topics: ['在留手続き', '子どもの学校', '医療', '通訳'], tp: ['外国人'], sum: '外国から来た方の暮らしの相談を、多言語で受け付けます。' },
  ];
  const consults = [];
  const plantedConsultAt = new Set([Math.floor(nConsult * 0.25), Math.floor(nConsult * 0.5), Math.floor(nConsult * 0.75)]);
  const plantedConsults = [];
  for (let i = 0; i < nConsult; ++i) {
    const chiku = allChiku[rng.int(0, allChiku.length - 1)];
    const mu = chiku.muni;
    const ct = CONSULT[i % CONSULT.length];
    const planted = plantedConsultAt.has(i) ? PLANTED_PLACES[33 + plantedConsults.length] : null;
    const place = planted ?? chiku.place;
    const alias = rng.pick(ct.alias);
    const c = { id: `${mu.root.id}-${place[2]}-${ct.s}-${pad(i, 5)}`, name: `${mu.m.name}${place[0]}${ct.t}`, reading: `${mu.m.kana}${place[1]}${ct.r}`,
      generic_type: ct.t };
    if (rng.chance(0.6) || planted) c.local_alias = `${alias[0]}${place[0]}`;
    c.aliases = [ct.t.replace(/センター$|事業所$|機関$/, '')].filter((x) => x !== ct.t);
    c.summary = ct.sum;
    if (rng.chance(0.5)) c.description = `${chiku.district.name}を担当しています。${rng.pick(['来所が難しい方には訪問もします。', '土曜日も予約制で相談できます。', 'オンラインでの相談もできます。'])}\n`;
    c.topics = rng.some(ct.topics, rng.int(2, ct.topics.length));
    c.target_people = ct.tp;
    c.areas_covered = [chiku.district.id];
    c.channels = i < CHANNELS.length ? [CHANNELS[i]] : rng.some(CHANNELS, rng.int(2, 4));
    c.hours = rng.pick(['平日 8:30〜17:15（祝日は休み）', '平日 8:30〜17:15', '平日 9:00〜17:00（祝日は休み）', '毎週月・水・金曜 9:00〜16:00', '毎週火・木曜 10:00〜16:00']);
    c.organization = rng.chance(0.6) ? mu.shakyo.id : mu.city.id;
    c.venue = { name: `${place[0]}${rng.pick(['地域福祉センター', '保健センター', 'ふれあい会館', '市民センター'])}`, address: `${mu.m.name}${place[0]}${rng.int(1, 3)}丁目${rng.int(1, 30)}-${rng.int(1, 20)}`,
      geo: { lat: round(chiku.center.lat + (rng.next() - 0.5) * 0.006, 5), lon: round(chiku.center.lon + (rng.next() - 0.5) * 0.006, 5) } };
    c.contact = { phone: phone(mu.areaCode, rng), fax: rng.chance(0.7) ? phone(mu.areaCode, rng) : undefined };
    c.fee_note = '相談は無料です。';
    c.status = i === 7 ? '休止中' : '活動中';
    c.last_confirmed = randomDate(rng, 2025, 2026);
    consults.push(c);
    if (planted) plantedConsults.push({ rec: c, word: planted });
  }

  // --- site.yaml and pages
  const names = munis.map((mu) => mu.m.name).join('・');
  const site = {
    title: `${names} 支え合いガイド（ベンチマーク用）`,
    description: `${names}の通いの場・居場所、見守りや生活支援の活動、相談窓口の案内です（架空のデータ）。`,
    municipality_code: munis.length === 1 ? munis[0].m.code : undefined,
    base_url: 'https://example.org/bench/',
    language: 'ja',
    areas_file: 'data/areas.yaml',
    theme: 'default',
    publisher: `${munis[0].m.name}社会福祉協議会（架空）`,
    sample: true,
  };

  // --- answers: 50 queries with one known target each
  const byK = new Map(plantedActivities.map((p) => [p.k, p]));
  const queries = [];
  const add = (q, type, kind, rec, note) => queries.push({ query: q, type, kind, ids: [rec.id], name: rec.name, ...(note ? { note } : {}) });
  for (let k = 0; k < 5; ++k) add(byK.get(k).placeWord[0], 'name-part', 'activity', byK.get(k).rec);
  for (let k = 5; k < 10; ++k) { const p = byK.get(k); add(p.placeWord[0] + [...p.word.w].slice(0, 2).join(''), 'name-part', 'activity', p.rec, 'place word and the first two characters of the activity word'); }
  for (let k = 10; k < 16; ++k) add(byK.get(k).placeWord[1], 'reading-hiragana', 'activity', byK.get(k).rec);
  for (let k = 16; k < 22; ++k) add(toKatakana(byK.get(k).placeWord[1]), 'reading-katakana', 'activity', byK.get(k).rec);
  for (let k = 22; k < 26; ++k) add(byK.get(k).plantedTown[0], 'town', 'activity', byK.get(k).rec, '町名 found only in the venue address');
  for (let k = 26; k < 30; ++k) add(byK.get(k).word.w, 'category-word', 'activity', byK.get(k).rec, 'an activity word used by no other record');
  for (let k = 30; k < 34; ++k) { const p = byK.get(k); add(`${p.word.w} ${p.plantedTown[0]}`, 'category-and-town', 'activity', p.rec, 'all words must match: a common activity word and a 町名 found only in this venue address'); }
  for (const p of plantedOrgs) add(p.word[0], 'organization-name-part', 'organization', p.rec, 'runs no activity, so no other page carries its name');
  for (const p of plantedConsults) add(p.word[0], 'consultation-name-part', 'consultation', p.rec);
  // Queries 41-50 ask again for planted records above, in other scripts: no record changes.
  for (let k = 0; k < 3; ++k) add(toHalfwidthKatakana(byK.get(k).placeWord[1]), 'reading-halfwidth-katakana', 'activity', byK.get(k).rec);
  add(toHalfwidthKatakana(byK.get(26).word.w), 'category-word-halfwidth-katakana', 'activity', byK.get(26).rec);
  const p4 = byK.get(4), p5 = byK.get(5), p9 = byK.get(9), p15 = byK.get(15);
  add(`${toKatakana(p4.placeWord[1])} ${p4.word.w}`, 'mixed', 'activity', p4.rec, 'the place reading in katakana and the activity word as written');
  add(`${p5.placeWord[1]} ${toKatakana(p5.word.r).slice(-3)}`, 'mixed', 'activity', p5.rec, 'the place reading in hiragana and the end of the activity word in katakana');
  add(`${p9.placeWord[0]} ${p9.word.r}`, 'mixed', 'activity', p9.rec, 'the place word in kanji and the activity word\'s reading in hiragana');
  add(`${toHalfwidthKatakana(p15.placeWord[1])} ${[...p15.word.w].slice(0, 2).join('')}`, 'mixed', 'activity', p15.rec, 'the place reading in half-width katakana and the first two characters of the activity word');
  add(toKatakana(plantedOrgs[0].word[1]), 'organization-reading-katakana', 'organization', plantedOrgs[0].rec);
  add(plantedConsults[0].word[1], 'consultation-reading-hiragana', 'consultation', plantedConsults[0].rec);
  if (queries.length !== 50) throw new Error(`expected 50 queries, made ${queries.length}`);

  return { site, areas, orgs, activities, consults, queries, munis };
}

// ---------------------------------------------------------------------------------------------
// Writing

const ABOUT = `---
title: このサイトについて
description: 掲載している情報と更新の方針
order: 1
nav: true
---
このサイトはベンチマーク用に自動生成した**架空のデータ**です。
市町村の名前・コード・位置は実在のものですが、活動・団体・相談窓口はすべて架空です。

電話番号は「000」で始まる市内局番を使っており、実在の番号にはつながりません。
`;
const HOWTO = `---
title: 使い方
description: 活動や相談窓口の探し方
order: 2
nav: true
---
地域やカテゴリー、対象から活動を探せます。

- 地域から探す
- カテゴリーから探す
- 相談窓口を探す
`;

function writeCorpus(out, corpus, opts) {
  fs.rmSync(out, { recursive: true, force: true });
  for (const d of ['data/organizations', 'data/activities', 'data/consultation', 'content', 'static'])
    fs.mkdirSync(path.join(out, d), { recursive: true });
  const files = [];
  const put = (rel, text) => { fs.writeFileSync(path.join(out, rel), text); if (opts.verify) files.push([rel, text]); };
  put('site.yaml', `# Generated by bench/generate_corpus.mjs --activities ${opts.activities} --seed ${opts.seed}; do not edit.\n` + yamlRecord(corpus.site));
  put('data/areas.yaml', corpus.areas.map((a) => {
    const body = yamlRecord(a).split('\n').filter(Boolean);
    return '- ' + body[0] + '\n' + body.slice(1).map((l) => '  ' + l).join('\n') + '\n';
  }).join(''));
  for (const o of corpus.orgs) put(`data/organizations/${o.id}.yaml`, yamlRecord(o));
  for (const a of corpus.activities) put(`data/activities/${a.id}.yaml`, yamlRecord(a));
  for (const c of corpus.consults) put(`data/consultation/${c.id}.yaml`, yamlRecord(c));
  put('content/about.md', ABOUT);
  put('content/how-to-use.md', HOWTO);
  fs.writeFileSync(path.join(out, 'bench-answers.json'), JSON.stringify({
    generator: 'bench/generate_corpus.mjs', seed: opts.seed, activities: corpus.activities.length,
    organizations: corpus.orgs.length, consultation_points: corpus.consults.length, areas: corpus.areas.length,
    municipalities: corpus.munis.map((mu) => ({ name: mu.m.name, code: mu.m.code, id: mu.root.id })),
    about: 'Each query has exactly one correct record (kind + id). Queries with a space need every word to match. Matching is meant after the usual folding (NFKC, katakana = hiragana).',
    queries: corpus.queries,
  }, null, 2) + '\n');
  return files;
}

// Proves each query's answer is unique: folds every file's text (katakana → hiragana, NFKC)
// and counts the files containing every word of the query. Slow (all queries × all files).
function verify(files, queries) {
  const fold = (s) => toHiragana(s.normalize('NFKC').toLowerCase());
  const texts = files.filter(([rel]) => rel.startsWith('data/')).map(([rel, t]) => [rel, fold(t)]);
  let bad = 0;
  for (const q of queries) {
    const words = fold(q.query).split(/\s+/).filter(Boolean);
    const hits = texts.filter(([, t]) => words.every((w) => t.includes(w))).map(([rel]) => rel);
    const dir = { activity: 'activities', organization: 'organizations', consultation: 'consultation' }[q.kind];
    const want = `data/${dir}/${q.ids[0]}.yaml`;
    if (hits.length !== 1 || hits[0] !== want) {
      ++bad;
      process.stderr.write(`verify: query "${q.query}" matches ${hits.length} files (${hits.slice(0, 5).join(', ')}), expected ${want}\n`);
    }
  }
  return bad;
}

// Every value of README's vocabulary table must occur somewhere, so pages for each exist.
const VOCABULARY = {
  content_types: ['見守り', '交流・サロン', 'ちょボラ', '家事援助', '会食', '配食', '移動・外出支援', '子ども食堂', '学習支援', '相談', '介護予防・体操', '認知症カフェ', '多世代交流', '就労・社会参加'],
  form: ['ご近所', '地縁組織', '居場所', '地域通貨', '有償ボランティア', '非営利団体', '営利団体の社会貢献'],
  place_type: ['単独', 'カフェ', '自然発生', '併設', '訪問型'],
  target_people: ['誰でも', '多世代', '高齢者', '一人暮らし', '認知症の人と家族', '障がい者・障がい児', '子ども', '子育て中の親子', '生活困窮者', 'ひきこもり', '外国人', '男性', '女性'],
  fields: ['高齢・介護', '障害', '子ども・子育て', '生活困窮', '保健医療', '就労', '教育', '住まい', '防災', '多文化共生', '環境', 'まちづくり'],
  status: ['活動中', '休止中', '終了'],
  legal_form: LEGAL_FORMS,
  channels: CHANNELS,
  level: ['市区町村', '日常生活圏域', '地区', '町内会'],
};
function checkCoverage(corpus) {
  const seen = {};
  for (const k of Object.keys(VOCABULARY)) seen[k] = new Set();
  const note = (k, v) => { for (const x of [].concat(v ?? [])) seen[k].add(x); };
  for (const a of corpus.activities) {
    note('content_types', a.content_types); note('form', a.form); note('place_type', a.place_type);
    note('target_people', a.target_people); note('fields', a.fields); note('status', a.status);
  }
  for (const c of corpus.consults) { note('target_people', c.target_people); note('channels', c.channels); note('status', c.status); }
  for (const o of corpus.orgs) note('legal_form', o.legal_form);
  for (const a of corpus.areas) note('level', a.level);
  const missing = [];
  for (const [k, values] of Object.entries(VOCABULARY))
    for (const v of values) if (!seen[k].has(v)) missing.push(`${k}: ${v}`);
  for (const [k, s] of Object.entries(seen))
    for (const v of s) if (!VOCABULARY[k].includes(v)) missing.push(`${k}: unknown value ${v}`);
  return missing;
}

const opts = parseArgs(process.argv.slice(2));
const t0 = process.hrtime.bigint();
const corpus = build(opts);
const missing = checkCoverage(corpus);
if (missing.length) process.stderr.write(`generate_corpus: warning: vocabulary not covered: ${missing.join('; ')}\n`);
const t1 = process.hrtime.bigint();
const files = writeCorpus(opts.out, corpus, opts);
const t2 = process.hrtime.bigint();
const ms = (a, b) => Number((b - a) / 1000000n);
process.stdout.write(`generate_corpus: ${corpus.activities.length} activities, ${corpus.orgs.length} organizations, ` +
  `${corpus.consults.length} consultation points, ${corpus.areas.length} areas in ${opts.out} ` +
  `(generate ${ms(t0, t1)} ms, write ${ms(t1, t2)} ms)\n`);
if (opts.verify) {
  const bad = verify(files, corpus.queries);
  if (bad) { process.stderr.write(`verify: ${bad} of ${corpus.queries.length} queries do not have one unique answer\n`); process.exit(1); }
  process.stdout.write(`verify: all ${corpus.queries.length} queries have exactly one matching record (${ms(t2, process.hrtime.bigint())} ms)\n`);
}
