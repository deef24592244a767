// The files `tsunagu new` writes: a minimal site of the fictional みほん市 (code 132985) with one
// example of every record kind, each field explained in Japanese for editors who are not
// programmers. One raw string literal per file, written exactly as the file reads.
//
// These files must stay valid: tests/e2e/new_site.test.mjs runs `check` and `build` on a new site
// and accepts no diagnostic of any severity. When README's data format changes, change them too.
#include "commands/new_site_template.h"

namespace tsunagu {

namespace {
// ---- README.md ---------------------------------------------------------------------------------
constexpr std::string_view kReadmeMd = R"~~~(# このサイトの編集のしかた

このフォルダは、tsunagu（つなぐ）で作る「支え合いガイド」のサイトの元になるデータです。
いまは、架空の「みほん市」の記入例が入っています。記入例を自分の地域の情報に書きかえて使います。

ファイルはすべて文字だけのファイル（テキスト）です。メモ帳や VS Code などのエディタで開き、
**文字コードは UTF-8** で保存してください。Word や Excel では編集しないでください。

## フォルダの中身

| 場所 | 中身 |
|---|---|
| `site.yaml` | サイトの名前、市区町村のコード、公開する URL など |
| `data/areas.yaml` | 地域の一覧（市区町村・中学校区・地区） |
| `data/organizations/` | 団体（1ファイルに1団体） |
| `data/activities/` | 活動・居場所（1ファイルに1活動） |
| `data/consultation/` | 相談窓口 |
| `data/difficulties/` | 困りごと（「困りごとから探す」のページ） |
| `data/synonyms.yaml` | 検索で同じものとして扱う言葉 |
| `data/funds/`、`data/fund-years/`、`data/grants/` | 助け合い基金、年度ごとの決算、助成 |
| `data/cases/` | 事例 |
| `data/networks/` | ネットワーク・協議体と会議の記録 |
| `data/council-reports/` | 協議体の年度ごとの活動報告 |
| `data/gap-matrix.yaml` | 活動の種類と形の向き・不向きの表（年次報告に使います） |
| `handbooks/` | 印刷用の冊子 |
| `content/` | 「このサイトについて」などの文章のページ（Markdown） |

それぞれのファイルの中に、項目の意味、使える値、省略できるかどうかを「#」のメモで書いてあります。
使わない種類の記録（基金、事例など）は、フォルダごと消してかまいません。

## 記録を足す

1. 同じ種類の記録を1つコピーします。たとえば `data/activities/hinata-salon.yaml` をコピーして
   `data/activities/kawabe-cafe.yaml` にします。
2. ファイルの中の `id:` を、ファイル名と同じ `kawabe-cafe` にします。id は**半角の英小文字・数字・ハイフン**だけで、
   同じ種類の記録で同じ id は使えません。id はページの URL になるので、公開したあとは変えないでください。
3. 名前や日時などを書きかえます。分からない項目は、行ごと消してかまいません。
4. 団体や地域は id で指します（`organization: hinata-jichikai`、`areas: [higashi-hinata]`）。
   先に団体や地域の記録を作っておきます。
5. 団体に内容を確かめたら、`last_confirmed:`（最終確認日）をその日の日付にします。

書き方のきまり:

- 「キー: 値」の `:` のあとには半角スペースを1つ入れます。
- 字下げには半角スペースを使います（タブは使えません）。
- 日付は `2026-10-01`（年月なら `2026-10`）。`令和8年10月1日` のような和暦も使えます。
- `#` から行の終わりまではメモで、サイトには出ません。

## 確かめる（check）

このフォルダで、次のコマンドを実行します。

```
tsunagu check
```

問題がなければ「問題はありません」と表示されます。問題があると、1行に1つずつ、次のように表示されます。

```
data/activities/kawabe-cafe.yaml:12:5: error: schedule.weekday: 開催曜日 "水よう" は曜日として読めません
```

`data/activities/kawabe-cafe.yaml` がファイル、`12` が行、`5` が行の中の文字の位置です。
エディタでそのファイルのその行を開いて直します。

- `error`（エラー）があると、サイトは作られません。必ず直してください。
- `warning`（警告）は、サイトは作られますが、たいてい書きまちがいです。確かめてください。
- 「〜のことですか？」とあれば、近い正しい書き方の候補です。

## サイトを作る（build）

```
tsunagu build
```

`site/` フォルダに、公開するサイト一式ができます。このフォルダの中身を、そのままウェブサーバーに置きます。
データにエラーがあるときは、前に作ったサイトはそのまま残ります。

## 手元で見る（serve）

```
tsunagu serve
```

ブラウザで http://127.0.0.1:8080/ を開くと、作ったサイトを見られます。終わるときは Ctrl+C を押します。

## 冊子を印刷する（handbook）

`handbooks/` の冊子は、サイトを作るたびに `site/handbooks/ID/print.html` になります。
Chrome か Edge で開いて印刷できます。PDF にするときは次のコマンドです（Chromium が必要です）。

```
tsunagu handbook --pdf
```

`print/higashi-guide/handbook.pdf` ができます。

## 公開してはいけないもの

このフォルダに書いたものは、すべて公開されると考えてください。

- **支援を受けている人の情報**（名前、住所、病気や暮らしの様子）は、どこにも書きません。
- 名簿、参加者の一覧、個人の名前は書きません。団体の担当は「福祉部」のように**係の名前**で書きます。
- 個人のお宅を会場にしている活動は、`venue:` の `private_home: true` にします。
  住所は町丁目まで、地図の位置はおおよそにしてから公開されます。
- 個人のお宅や個人の携帯電話の番号は書きません。電話の備考に「○○様宅」「自宅」「個人宅」と書くと、
  check がエラーにします。団体や社協の番号を書いてください。
- 基金に寄付した人の名前は、公表の同意（`consent: true` と同意の日）があるときだけ出ます。
- 写真は、写っている人の同意を得たものだけを使います。

## 公開する前に

- `site.yaml` の `title`、`municipality_code`、`base_url`、`publisher` を自分の地域のものにします。
- 記入例の記録（みほん市のもの）をすべて自分の地域の記録に入れかえます。
- 本物の情報だけになったら、`site.yaml` の `sample: true` を `false` にします。
- `content/about.md` と `content/accessibility.md` の文章を、自分の団体の言葉に直します。
)~~~";

// ---- site.yaml ---------------------------------------------------------------------------------
constexpr std::string_view kSiteYaml = R"~~~(# サイト全体の設定です。
# 「#」から行の終わりまではメモ（コメント）で、サイトには出ません。
# 「キー: 値」の形で書きます。キー（左側の英字）は変えないでください。

# サイトの名前（必須）。すべてのページの上と、ブラウザのタブに出ます。
title: みほん市 支え合いガイド

# サイトの説明（省略可）。検索サイトの結果やトップページに出ます。
description: みほん市内の通いの場・居場所、見守りや暮らしの手助けの活動、相談窓口の案内です。

# 全国地方公共団体コード（省略可）。6桁の数字で、最後の1桁は検査数字です。
# 必ず " " で囲んでください（囲まないと先頭の 0 が消えることがあります）。
# 132985 は架空の「みほん市」のコードです。自分の市区町村のコードに書きかえてください。
# data/areas.yaml のいちばん上の地域（市区町村）の code と同じにします。
municipality_code: "132985"

# 公開する場所の URL（省略可）。https:// で始め、/ で終わります。
# サイトマップ、冊子の QR コード、オープンデータの URL に使います。
# 公開先が決まったら書きかえてください。
base_url: https://example.org/

# ページの言語。日本語のサイトは ja のままにします。
language: ja

# 地域の一覧のファイル。ふつうは変えません。
areas_file: data/areas.yaml

# 見た目（テーマ）。ふつうは default のままにします。
theme: default

# 発行者（省略可）。ページの下と、冊子の表紙に出ます。
publisher: みほん市社会福祉協議会

# true のあいだは、すべてのページに「サンプル」と表示し、検索サイトに載らないようにします。
# 本物の情報に入れかえて公開するときに、false にしてください。
sample: true
)~~~";

// ---- data/areas.yaml ---------------------------------------------------------------------------
constexpr std::string_view kDataAreasYaml = R"~~~(# 地域の一覧です。市区町村 → 日常生活圏域（中学校区など） → 地区 → 町内会 の順に細かくなります。
# 1つの地域は「- id:」で始まるまとまりです。並べる順番は自由です。
#
# 項目の意味:
#   id          英小文字・数字・ハイフンの名前（必須）。ほかのファイルから、この id で地域を指します。
#               一度公開したら変えないでください（ページの URL になります）。
#   name        地域の名前（必須）
#   reading     名前の読み（ひらがなかカタカナ。省略可）。50音順に並べるのに使います。
#   level       地域の段階（必須）: 市区町村, 日常生活圏域, 地区, 町内会 のどれか
#   parent      ひとつ上の地域の id（いちばん上の市区町村には書きません）
#   code        全国地方公共団体コード（市区町村にだけ書きます。" " で囲みます）
#   population, households, population_65plus
#               人口・世帯数・65歳以上の人口（省略可）。年次報告の「65歳以上1,000人あたり」の計算に使います。
#   center      地図の中心 {lat: 緯度, lon: 経度}（省略可）
#   towns       地区にふくまれる町名・丁目のリスト（省略可）。検索の「町名から探す」に使います。
#   description 地域の説明（省略可）

- id: mihon
  name: みほん市
  reading: みほんし
  level: 市区町村
  code: "132985"
  population: 52000
  households: 24000
  population_65plus: 15600
  center: {lat: 35.6500, lon: 139.4000}
  description: この地域の一覧は記入例です。自分の市区町村の地域に書きかえてください。

- id: higashi
  name: 東中学校区
  reading: ひがしちゅうがっこうく
  level: 日常生活圏域
  parent: mihon
  description: 市の東部。駅の近くの商店街と、古くからの住宅地があります。

- id: nishi
  name: 西中学校区
  reading: にしちゅうがっこうく
  level: 日常生活圏域
  parent: mihon
  description: 市の西部。川沿いの住宅地と畑があり、坂の多い地域です。

- id: higashi-hinata
  name: ひなた地区
  reading: ひなたちく
  level: 地区
  parent: higashi
  towns: [ひなた1丁目, ひなた2丁目, ひなた3丁目]
  center: {lat: 35.6520, lon: 139.4080}

- id: nishi-kawabe
  name: かわべ地区
  reading: かわべちく
  level: 地区
  parent: nishi
  towns: [かわべ町, かわべ台]
  center: {lat: 35.6470, lon: 139.3900}
)~~~";

// ---- data/organizations/mihon-shakyo.yaml ------------------------------------------------------
constexpr std::string_view kDataOrganizationsMihonShakyoYaml = R"~~~(# 団体（活動や相談窓口を運営している団体）の記録です。1つのファイルに1つの団体を書きます。
# ファイル名は id と同じにしておくと探しやすくなります（mihon-shakyo.yaml）。
# 必須なのは id と name だけです。分からない項目は、行ごと消してかまいません。

# 英小文字・数字・ハイフンの名前（必須）。ほかのファイルから、この id で団体を指します。
# ページの URL になるので、一度公開したら変えないでください。
id: mihon-shakyo

# 団体の正式な名前（必須）
name: みほん市社会福祉協議会

# 名前の読み（ひらがなかカタカナ。省略可）。団体の一覧の50音順と、検索に使います。
reading: みほんししゃかいふくしきょうぎかい

# 別の呼び方（省略可）。検索で見つかるようになります。
aliases: [みほん市社協]

# 法人格（省略可）。次のどれかです:
#   任意団体, 準備委員会, NPO法人, 認定NPO法人, 社会福祉法人, 一般財団法人, 公益財団法人,
#   一般社団法人, 公益社団法人, 協同組合, 株式会社, 合同会社, 医療法人, 行政, 社協, 地区社協, 自治会・町内会
legal_form: 社協

# 法人番号（省略可）。13桁で、先頭の1桁は検査数字です。ない団体は書きません。
# corporate_number: "1234567890123"

# 設立（省略可）。2026-04-01 のような日付か、1990-04 のような年月。令和2年4月 のような和暦も使えます。
founded: 1990-04

# 活動している地域の id のリスト（省略可）。data/areas.yaml の id を書きます。
areas_served: [mihon]

# 所在地（省略可）
address: みほん市中央1丁目1-1 みほん市総合福祉センター2階

# 連絡先（省略可）。電話 phone、電話の受付時間など phone_note、FAX fax、メール email、
# ホームページ url、担当 person_role（係の名前。個人の名前は書きません）
contact: {phone: 042-000-0001, phone_note: 平日 8:30〜17:15, email: info@example.org, url: https://example.org/, person_role: 地域福祉推進課}

# 公開している資料（省略可）。{title: 題名, url: URL} のリスト
disclosures:
  - {title: 令和7年度 事業報告書, url: https://example.org/report.pdf}

# 団体の紹介（省略可）。Markdown で書けます（**太字** など）。
# 「|」のあとの行は、行頭を2文字下げて書きます。
description: |
  みほん市の地域福祉を進める団体です。**生活支援コーディネーター**が、地域の支え合いの活動を応援しています。
  この記録は記入例です。自分の団体の情報に書きかえてください。

# どこで確かめた情報か（出典）、いつの時点の情報か（時点）、最後に確かめた日（最終確認日）。
# どの記録にも書けます（省略可）。最終確認日はページに表示されます。
source: みほん市社協 団体調査
as_of: 2026-04-01
last_confirmed: 2026-10-01
)~~~";

// ---- data/organizations/hinata-jichikai.yaml ---------------------------------------------------
constexpr std::string_view kDataOrganizationsHinataJichikaiYaml = R"~~~(# 団体の記録の2つめの例です。住民の団体（自治会）で、サロンを開き、基金の助成を受けています。
# 項目の意味は mihon-shakyo.yaml を見てください。

id: hinata-jichikai
name: ひなた自治会
reading: ひなたじちかい
legal_form: 自治会・町内会
founded: 1975-04
areas_served: [higashi-hinata]
address: みほん市ひなた2丁目
# 代表者の自宅の電話番号は書かないでください。団体の連絡先がないときは、社協の番号を書きます。
contact: {phone: 042-000-0002, phone_note: ひなた自治会館（月・水・金 10時〜15時）, person_role: 自治会福祉部}
description: |
  ひなた1〜3丁目の自治会です。見守りとサロンに取り組んでいます。
source: みほん市社協 団体調査
as_of: 2026-04-01
last_confirmed: 2026-10-01
)~~~";

// ---- data/activities/hinata-salon.yaml ---------------------------------------------------------
constexpr std::string_view kDataActivitiesHinataSalonYaml = R"~~~(# 活動・居場所の記録です。1つのファイルに1つの活動を書きます。
# 新しい活動を足すときは、このファイルをコピーして、ファイル名と id を変えてから書きかえます。
# 必須なのは id、name、content_types の3つだけです。分からない項目は、行ごと消してかまいません。

# 英小文字・数字・ハイフンの名前（必須）。ページの URL（activities/hinata-salon.html）になります。
# 同じ種類の記録で同じ id は使えません。一度公開したら変えないでください。
id: hinata-salon

# 活動の名前（必須）
name: ひなたふれあいサロン

# 名前の読み（ひらがなかカタカナ。省略可）。検索で、読みからも見つかるようになります。
reading: ひなたふれあいさろん

# 別の呼び方（省略可）
aliases: [ひなたサロン]

# ひとことの紹介（省略可）。一覧や検索の結果に出ます。
summary: お茶を飲みながらおしゃべりと体操を楽しむ集まりです。

# くわしい紹介（省略可）。Markdown で書けます。「|」のあとの行は2文字下げます。
description: |
  月に2回、ひなた自治会館で開いています。
  はじめての方も**「手ぶらで」**どうぞ。

# 活動の種類（必須。1つ以上）。次の中から選びます:
#   見守り, 交流・サロン, ちょボラ, 家事援助, 会食, 配食, 移動・外出支援, 子ども食堂, 学習支援,
#   相談, 介護予防・体操, 認知症カフェ, 多世代交流, 就労・社会参加
content_types: [交流・サロン, 介護予防・体操]

# 活動の形（省略可）: ご近所, 地縁組織, 居場所, 地域通貨, 有償ボランティア, 非営利団体, 営利団体の社会貢献
form: 地縁組織

# 場所の形（省略可）: 単独, カフェ, 自然発生, 併設, 訪問型
place_type: 単独

# 対象（省略可）: 誰でも, 多世代, 高齢者, 一人暮らし, 認知症の人と家族, 障がい者・障がい児, 子ども,
#   子育て中の親子, 生活困窮者, ひきこもり, 外国人, 男性, 女性
target_people: [高齢者, 一人暮らし]

# 分野（省略可）: 高齢・介護, 障害, 子ども・子育て, 生活困窮, 保健医療, 就労, 教育, 住まい, 防災,
#   多文化共生, 環境, まちづくり
fields: [高齢・介護]

# 運営している団体の id（省略可）。data/organizations/ にある団体の id を書きます。
organization: hinata-jichikai

# 活動している地域の id のリスト（省略可）。data/areas.yaml の id を書きます。
areas: [higashi-hinata]

# 会場（省略可）
#   name            会場の名前
#   address         住所
#   address_detail  部屋など
#   geo             地図の位置 {lat: 緯度, lon: 経度}（地理院地図などで調べられます）
#   private_home    個人のお宅を会場にしているときは true にします。
#                   true にすると、住所は町丁目まで、地図の位置はおおよそにしてから公開します。
venue:
  name: ひなた自治会館
  address: みほん市ひなた2丁目3-4
  address_detail: 1階集会室
  geo: {lat: 35.6523, lon: 139.4085}
  private_home: false

# いつ開いているか（省略可）。ふだんの言葉で書きます。ツールが読み取って、次の開催日を計算します。
# 読める書き方の例:
#   毎週水曜 10:00〜12:00
#   毎月第2・第4水曜 10:00〜12:00（祝日は休み）
#   毎月最終金曜 13:30〜15:30
#   毎月15日 10:00〜11:30
#   隔週火曜 13:30〜15:00
#   不定期
# 読めない書き方のときは、書いたとおりに表示して、check が警告（warning）を出します。
schedule: 毎月第2・第4水曜 10:00〜12:00（祝日は休み）

# 参加費（省略可）。{person: だれの, amount: 金額（円の整数）, note: 備考} のリスト。無料なら amount: 0
fees:
  - {person: 大人, amount: 100, note: お茶代}

# 参加費についての補足（省略可）
fee_note: 初回は無料です。

# 参加できる人（省略可）
eligibility: どなたでも

# 会員登録が必要か（省略可）
registration: 不要

# 定員（省略可。整数）
capacity: 30

# 予約が必要か（省略可）
booking: 予約不要

# 利用しやすさ（省略可）。barrier_free 段差がないか、pickup 送迎があるか、
# wheelchair_toilet 車いすで使えるトイレがあるか（true か false）、note 補足
accessibility: {barrier_free: true, pickup: false, wheelchair_toilet: false, note: 入口に段差が1段あります}

# 使える言語（省略可）
languages: [日本語]

# 問い合わせ先（省略可）。phone 電話、phone_note 受付時間など、fax、email、url、person_role 担当の係
# 個人のお宅や個人の携帯電話の番号は書かないでください（「○○様宅」「自宅」と書くと check がエラーにします）。
contact: {phone: 042-000-0002, phone_note: 月・水・金 10時〜15時, person_role: ひなた自治会 福祉部}

# 状況（省略可）: 活動中, 休止中, 終了
status: 活動中

# 活動を始めた年月（省略可）
start_date: 2019-04

# 写真（省略可）。写真のファイルは static/photos/ に置き、{src: photos/ファイル名, alt: 写真の説明, credit: 撮影者} と書きます。
# 写っている人の同意を得た写真だけを使ってください。
photos: []

# 出典、時点、最終確認日（省略可）。最終確認日は、団体に内容を確かめた日です。ページに表示されます。
source: みほん市社協 活動調査
as_of: 2026-04-01
last_confirmed: 2026-10-01
)~~~";

// ---- data/consultation/higashi-houkatsu.yaml ---------------------------------------------------
constexpr std::string_view kDataConsultationHigashiHoukatsuYaml = R"~~~(# 相談窓口の記録です。1つのファイルに1つの窓口を書きます。
# 必須なのは id、name、generic_type の3つです。分からない項目は、行ごと消してかまいません。

# 英小文字・数字・ハイフンの名前（必須）。ページの URL（consultation/higashi-houkatsu.html）になります。
id: higashi-houkatsu

# 窓口の正式な名前（必須）
name: みほん市東地域包括支援センター

# 名前の読み（ひらがなかカタカナ。省略可）
reading: みほんしひがしちいきほうかつしえんせんたー

# 窓口の種類（必須）。全国で通じる一般的な名前を書きます。相談窓口の一覧は、この種類ごとに分かれます。
# 例: 地域包括支援センター, 生活困窮者自立相談支援窓口, 子ども家庭支援センター, 障害者相談支援事業所
generic_type: 地域包括支援センター

# 地元での呼び名（省略可）。「あんしんセンター」など、市区町村がつけた愛称
local_alias: あんしん東

# 別の呼び方（省略可）。検索で見つかるようになります。
aliases: [包括, 東包括]

# ひとことの紹介（省略可）
summary: 高齢の方とご家族の総合相談窓口です。

# 相談できること（省略可）。自由な言葉のリストです。
# data/difficulties/ の困りごとの topics は、ここにある言葉と同じにします。
topics: [介護, 認知症, 物忘れ, 一人暮らし, 成年後見]

# 対象（省略可）。活動の target_people と同じ言葉から選びます。
target_people: [高齢者, 認知症の人と家族]

# 担当する地域の id のリスト（省略可）
areas_covered: [higashi]

# 相談の方法（省略可）: 電話, 来所, 訪問, メール, FAX, オンライン
channels: [電話, 来所, 訪問]

# 受付時間（省略可）。活動の schedule と同じように、ふだんの言葉で書きます。
hours: 平日 8:30〜17:15（祝日・年末年始は休み）

# 運営している団体の id（省略可）
organization: mihon-shakyo

# 場所（省略可）。活動の venue と同じ書き方です。
venue: {name: 東地域福祉センター, address: みほん市ひなた1丁目2-3, geo: {lat: 35.6530, lon: 139.4060}}

# 連絡先（省略可）
contact: {phone: 042-000-0003, fax: 042-000-0004}

# 費用について（省略可）
fee_note: 相談は無料です。秘密は守られます。

# 状況（省略可）: 活動中, 休止中, 終了
status: 活動中

source: みほん市 高齢福祉課
as_of: 2026-04-01
last_confirmed: 2026-10-01
)~~~";

// ---- data/difficulties/oya-ninchisho.yaml ------------------------------------------------------
constexpr std::string_view kDataDifficultiesOyaNinchishoYaml = R"~~~(# 困りごとの記録です。住民は「サービスの名前」ではなく「困っていること」から探します。
# 1つのファイルに1つの困りごとを書き、役に立つ活動の種類と相談窓口につなげます。
# 「困りごとから探す」のページ（komarigoto/oya-ninchisho.html）になります。

# 英小文字・数字・ハイフンの名前（必須）
id: oya-ninchisho

# 困りごと（必須）。住民が口にする言葉で書きます。
title: 親が認知症かもしれない

# 読み（ひらがなかカタカナ。省略可）
reading: おやがにんちしょうかもしれない

# 一覧での順番（省略可。小さい数ほど上）
order: 10

# 説明（省略可）。どんな人のためのページか、最初にすること。Markdown で書けます。
description: |
  同じことを何度も聞く、約束を忘れる。そんな様子が気になったら、
  まず**地域包括支援センター**に電話してください。相談は無料です。

# 案内する活動の種類（省略可）。活動の content_types と同じ言葉から選びます。
content_types: [交流・サロン, 介護予防・体操]

# 活動をしぼる対象（省略可）。書くと、この対象（か「誰でも」）の活動だけを案内します。
target_people: [高齢者, 認知症の人と家族]

# 案内する相談窓口（省略可）。
#   topics             相談窓口の topics のどれかと同じ言葉（どの窓口にもない言葉は check が警告します）
#   consultation_types 相談窓口の generic_type と同じ言葉
topics: [認知症, 物忘れ]
consultation_types: [地域包括支援センター]

# サイト内検索へのリンクに使う言葉（省略可）
search_words: [認知症]

# content_types、topics、consultation_types のどれも書かないと、案内先がないので check が警告します。
source: みほん市社協 生活支援コーディネーター
last_confirmed: 2026-10-01
)~~~";

// ---- data/synonyms.yaml ------------------------------------------------------------------------
constexpr std::string_view kDataSynonymsYaml = R"~~~(# 検索で「同じもの」として扱う言葉のまとまりです（このファイルは省略できます）。
# 住民がふだん使う言葉と、正式な名前を、1行に1つのまとまりとして [ ] の中に「,」で区切って書きます。
# どれか1つの言葉で検索すると、同じまとまりのほかの言葉を含む記録も見つかります。
#
# きまり:
#   - 1つのまとまりには2語以上を書きます。
#   - 同じ言葉を2つのまとまりに入れないでください（check が警告します）。
#     ひらがなとカタカナ、全角と半角は同じ言葉とみなします（こども と コドモ は同じ）。

- [地域包括支援センター, 包括, 地域包括, あんしんセンター]
- [社会福祉協議会, 社協]
- [サロン, 茶の間, たまり場]
- [認知症, 物忘れ, もの忘れ]
- [高齢者, お年寄り, シニア]
)~~~";

// ---- data/funds/mihon-tasukeai.yaml ------------------------------------------------------------
constexpr std::string_view kDataFundsMihonTasukeaiYaml = R"~~~(# 助け合い基金の記録です（基金がなければ、data/funds/、data/fund-years/、data/grants/ の3つのフォルダを消してかまいません）。
# 基金は3種類のファイルで書きます:
#   data/funds/ID.yaml            基金そのもの（このファイル）
#   data/fund-years/ID-年度.yaml  年度ごとのお金の出入り（決算）
#   data/grants/ID.yaml           助成1件ごとの記録
# check は、年度ごとの収支が1円まで合っているかを確かめ、合わないときはエラーにします。

# 英小文字・数字・ハイフンの名前（必須）。ページの URL（funds/mihon-tasukeai.html）になります。
id: mihon-tasukeai

# 基金の名前（必須）と読み（省略可）
name: みほん市たすけあい基金
reading: みほんしたすけあいききん

# 運営している団体の id（必須）。data/organizations/ にある団体です。
operator: mihon-shakyo

# 設立の年月（省略可）
founded: 2024-04

# 設立時の財産（省略可）。円の整数で書きます（「,」や「円」は書かなくてかまいません）。
founding_capital: 500000

# 目的（省略可）と説明（省略可）。Markdown で書けます。
mission: |
  市民のみなさんの寄付で、みほん市の**地域の助け合い活動**を支えます。
description: |
  この基金は記入例（架空の基金）です。自分の基金の情報に書きかえてください。

# 助成先を決める委員会（省略可）。委員は役割と人数で書きます。
# 個人の名前は、基金が公表している場合だけ {role: 委員長, name: 名前} のように書きます。
selection_body:
  name: 配分委員会
  kind: 第三者委員会
  members:
    - {role: 学識経験者, count: 1}
    - {role: 民生委員・児童委員, count: 1}
    - {role: 市民活動団体の代表, count: 2}
  note: 委員の任期は2年です。

# お金の出入りを確かめる人（省略可）
audit_body: {name: 監査委員会, kind: 監事, members: [{role: 税理士, count: 1}]}

# 寄付の受け付け方（省略可）。年度のファイルの donations の channel は、この中の言葉を使います。
donation_channels: [窓口, 銀行振込, 募金箱]

# 基金の中のプログラム（省略可）。{id: 英数字, name: 名前, kind: 種類} のリスト。
# 種類の例: 分野指定, 冠基金, 事業指定。助成の記録の programme には、この id を書きます。
programmes:
  - id: tasukeai
    name: たすけあい基金
    kind: 分野指定
    started: 2024-04
    content_types: [見守り, 交流・サロン, 介護予防・体操]
    description: 高齢の方の暮らしを、近所で支える活動を応援します。

# ホームページ（省略可）
url: https://example.org/kikin

# 実在の基金を、公表資料から紹介するだけのときは true（年度と助成の記録は書きません）
real: false

source: みほん市社会福祉協議会
as_of: 2026-04-01
last_confirmed: 2026-10-01
)~~~";

// ---- data/fund-years/mihon-tasukeai-2025.yaml --------------------------------------------------
constexpr std::string_view kDataFundYearsMihonTasukeai2025Yaml = R"~~~(# 基金の1年度分のお金の出入り（決算）です。年度は4月1日から翌年3月31日までです。
# ファイル名と id は「基金の id-年度」にします（mihon-tasukeai-2025）。
# 金額はすべて円の整数です（小数やマイナスは書けません）。
#
# check は次の式が1円まで合うかを確かめます。合わないと、差額を示してエラーにします。
#   期首残高 ＋ 寄付（donations の合計） ＋ その他の収入（other_income の合計）
#   − この年度の4月〜3月に支払った助成（data/grants/ の disbursements の合計）
#   − 経費（costs の合計）
#   ＝ 期末残高
# この例では:
#   500,000 ＋ 253,456 ＋ 12 − 100,000 − 15,000 ＝ 638,468
# 次の年度を足すときは、その年度の opening_balance を、この年度の closing_balance と同じにします。

id: mihon-tasukeai-2025

# 基金の id（必須）
fund: mihon-tasukeai

# 年度（必須）。2025 か 令和7年度 と書きます（2025年4月〜2026年3月）。
fiscal_year: 2025

# 期首残高（必須）
opening_balance: 500000

# 寄付。寄付者の種類と受け付け方ごとに合計して書きます。1人1行にはしません。
#   donor_type  個人, 法人, 団体, 匿名, 行政マッチング, その他 のどれか（必須）
#   channel     受け付け方（基金の donation_channels の言葉）
#   count       件数（省略可）
#   amount      金額の合計（必須）
#   programme   プログラムを指定した寄付なら、その id（省略可）
donations:
  - {donor_type: 個人, channel: 窓口, count: 40, amount: 180000}
  - {donor_type: 団体, channel: 銀行振込, count: 1, amount: 50000, programme: tasukeai}
  - {donor_type: 匿名, channel: 募金箱, amount: 23456}

# 名前を公表する寄付者（省略可）。公表の同意を得た人だけが、ページに名前が出ます。
#   consent: true と consent_date（同意を得た日）を書いたときだけ名前を公表します。
#   amount_published: true のときだけ金額も公表します。
#   同意のない寄付者は consent: false と書くか、そもそも書かないでください。
named_donors:
  - {name: みほん駅前商店会, donor_type: 団体, amount: 50000, consent: true, consent_date: 2025-05-01, amount_published: true}

# その他の収入（省略可）。{line: 科目, amount: 金額}
other_income:
  - {line: 受取利息, amount: 12}

# 経費（省略可）。{line: 科目, category: 事業費 か 管理費, amount: 金額, note: 補足}
costs:
  - {line: 印刷製本費, category: 管理費, amount: 15000, note: 寄付のお願いのチラシ}

# 期末残高（必須）。上の式で計算した額と同じにします。
closing_balance: 638468

# 監査（省略可）。opinion 意見、date 日付、by 監査した人・委員会
audit: {opinion: 適正, date: 2026-05-20, by: 監査委員会}

# この年度のまとめ（省略可。Markdown）
note: |
  はじめての助成として、ひなた自治会のサロンを応援しました。

source: みほん市社協 たすけあい基金 決算書（記入例）
as_of: 2026-03-31
)~~~";

// ---- data/grants/mihon-tasukeai-2025-001.yaml --------------------------------------------------
constexpr std::string_view kDataGrantsMihonTasukeai2025001Yaml = R"~~~(# 助成1件の記録です。ファイル名と id は「基金の id-年度-番号」にすると整理しやすくなります。
# 金額は円の整数です。支払い（disbursements）の合計は、交付決定額（amount_awarded）を超えられません。
# 支払った日の年度（4月〜3月）の決算に、支払いの額が入ります。

id: mihon-tasukeai-2025-001

# 基金の id（必須）と、基金の programmes の id（必須）
fund: mihon-tasukeai
programme: tasukeai

# 助成を決めた年度（必須）。award_date はこの年度の中の日付にします。
fiscal_year: 2025

# 事業の名前（必須）
title: ひなたふれあいサロンの体操用品と会場費

# 助成先の団体の id（必須）
recipient: hinata-jichikai

# 助成した活動の id（省略可）。その活動を運営している団体と、助成先の団体は同じにします。
activity: hinata-salon

# 助成の形（省略可）
form: 活動費助成

# 事業の内容（省略可。Markdown）と、助成金の使い道（省略可）
purpose: |
  サロンで続けている体操のために、いすと体操用のボールをそろえ、会場費にあてます。
use_of_funds: 体操用品、会場費

# 交付決定額（必須）と決定日
amount_awarded: 100000
award_date: 2025-06-15

# 事業の期間（省略可）
period: {from: 2025-07-01, to: 2026-03-31}

# 支払い（省略可）。分けて払ったときは1回ずつ書きます。{date: 年月日, amount: 金額}
disbursements:
  - {date: 2025-07-10, amount: 100000}

# 対象の地域の id（省略可）と、対象の人（活動の target_people と同じ言葉。省略可）
areas: [higashi-hinata]
beneficiaries: [高齢者]
beneficiaries_note: ひなた地区の高齢の方

# 状況: 交付決定, 交付中, 完了, 取消 のどれか（省略すると 交付決定）
status: 完了

# 助成先からの報告（省略可。Markdown）、報告の日、報告の数字
report: |
  いすとボールをそろえ、体操に参加する人が増えました。
report_date: 2026-04-20
report_figures:
  - {label: 延べ参加者, value: 480, unit: 人, approximate: true}

source: みほん市社協 たすけあい基金 助成一覧（記入例）
as_of: 2026-04-20
)~~~";

// ---- data/cases/mihon-hinata-salon.yaml --------------------------------------------------------
constexpr std::string_view kDataCasesMihonHinataSalonYaml = R"~~~(# 事例の記録です。ほかの地域が学べるように、市区町村や社協、住民の団体がつくった仕組みを、
# 数字と出典をそえて書きます。事例集のページ（cases/mihon-hinata-salon.html）になります。
# 文章（narrative）は自分の言葉で書き、数字は出典にあるとおりに書きます。
# この事例は記入例（架空の事例）です。

id: mihon-hinata-salon

# 題名（必須）と読み（省略可）
title: みほん市 ひなた地区の「手ぶらで来られる」サロンづくり
reading: みほんし ひなたちくの さろんづくり

# テーマ（必須）。短い言葉で。事例集のテーマの絞り込みに使います。
theme: 居場所づくり

# 段階（必須）: 住民に身近な圏域, 市区町村レベル, 都道府県 のどれか
tier: 住民に身近な圏域

# 要素（省略可）: 人（人のつながり）, 場（場所） のどちらか、または両方
elements: [人, 場]

# 活動の種類（省略可）。活動の content_types と同じ言葉
content_types: [交流・サロン, 介護予防・体操]

# 事例の主体（必須）。municipalities（自治体。全国地方公共団体コードと名前）か organization（団体）を書きます。
subject:
  municipalities:
    - {code: "132985", name: みほん市}
  organization: {name: ひなた自治会, legal_form: 自治会・町内会}

# 自治体の概要（省略可）。書くときは時点（as_of）が必須です。数字はどれも省略できます。
# 人口密度、1世帯あたり人員、1人あたり面積はツールが計算するので、書かないでください。
profile:
  as_of: 2026-04-01
  population: 52000
  households: 24000
  aging_rate: 30.0
  area_km2: 20.5
  elementary_schools: 6
  junior_high_schools: 2
  schools_scope: 市立のみ
  activity_area: ひなた地区

# 仕組みの部品（省略可）。会議、窓口、人、場所など。{kind: 種類, name: 名前, count: 数, started: 始めた時, note: 補足}
components:
  - {kind: 場, name: ひなたふれあいサロン, count: 1, started: 平成31年4月, note: 月2回}
  - {kind: 人, name: サロンの世話人, count: 8}

# 年表（省略可）。西暦でも和暦でも、年度（令和元年度）でも書けます。
timeline:
  - {date: 平成31年4月, event: 自治会の福祉部が、自治会館でサロンを始めた}
  - {date: 令和7年度, event: たすけあい基金の助成で体操用品をそろえた}

# 協力した団体（省略可）と、資金（省略可）
partners: [{name: みほん市社会福祉協議会, role: 立ち上げの支援}]
funding: [{name: みほん市たすけあい基金, kind: 民間}]

# 効果（省略可）
effects: [一人暮らしの高齢の方が、月に2回は外に出て話す機会ができた]

# 数字（省略可）。{label: 項目, value: 数, unit: 単位, approximate: true で「約」, as_of: 時点}
figures:
  - {label: 1回の参加者, value: 25, unit: 人, approximate: true, as_of: 2026}

# 出典（必須）。document 資料の名前、publisher 発行者、year 年、page ページ
source: {document: みほん市 地域資源調査 報告書（記入例）, publisher: みほん市社会福祉協議会, year: 2026, page: "3"}

# 時点（省略可）
as_of: 2026-04-01

# 事例の本文（省略可。Markdown）
narrative: |
  ひなた自治会の福祉部が、「家にこもりがちな人が気軽に来られる場所を」と、自治会館でサロンを始めました。
  お茶代の100円だけで、予約もいりません。**手ぶらで来られる**ことを大切にしています。
)~~~";

// ---- data/networks/mihon-kyogitai.yaml ---------------------------------------------------------
constexpr std::string_view kDataNetworksMihonKyogitaiYaml = R"~~~(# ネットワーク・協議体の記録です。メンバー、関係の図、会議の記録を書きます。
# ページ（networks/mihon-kyogitai.html）には、関係の図がツールで描かれます。

id: mihon-kyogitai

# 名前（必須）、愛称（省略可）、読み（省略可）
name: みほん市 支え合い推進協議体
nickname: みほん支え合い会議
reading: みほんし ささえあいすいしんきょうぎたい

# 種類（必須）: 協議体（第1層）, 協議体（第2層）, 地域ケア会議, 同種ネットワーク, 異種ネットワーク, プラットフォーム
kind: 協議体（第1層）

# 対象の地域の id（必須）
area: mihon

# 呼びかけた団体（省略可）と事務局（省略可）。団体の id を書きます。
convener: mihon-shakyo
secretariat: mihon-shakyo

# 代表（省略可）。役割で書き、個人の名前は書きません。organization は団体の id（省略可）
chair: {role: 住民組織の代表, organization: hinata-jichikai}

# メンバー。団体の記録があれば organization に id を、なければ name に名前を書きます。
# category は分類（自由な言葉）、role は役割、count は人数（省略可）
members:
  - {organization: mihon-shakyo, category: 社会福祉協議会, role: 事務局}
  - {organization: hinata-jichikai, category: 自治会・町内会, role: 代表}
  - {name: みほん市民生委員・児童委員協議会, category: 民生委員, count: 2}
  - {name: みほん市 高齢福祉課, category: 行政}

# オブザーバー（省略可）。書き方はメンバーと同じです。
observers:
  - {name: 東地域包括支援センター, category: 専門職}

# 開く回数（省略可）と、発足（省略可）
frequency: 年4回
founded: 2024-04

# 関係の図（省略可）。from と to は、メンバー・オブザーバー・呼びかけた団体・事務局の
# organization の id か name と同じにします（ほかの名前はエラーになります）。
# label: 連携, バックアップ, 事務局, 委託, 助成, 参加, 情報提供, 相談 のどれか
links:
  - {from: みほん市 高齢福祉課, to: mihon-shakyo, label: 委託}
  - {from: mihon-shakyo, to: hinata-jichikai, label: バックアップ}
  - {from: みほん市民生委員・児童委員協議会, to: 東地域包括支援センター, label: 相談}

# 会議の記録（省略可）。年次報告は、その年度の会議をここから集めます。
#   attendance は「分野: 人数」。agenda は議題、decisions は決まったこと。
meetings:
  - date: 2025-05-20
    title: 令和7年度 第1回
    attendance: {住民組織: 4, 専門職: 2, 行政: 1, 社協: 2}
    agenda: [地域資源調査の結果]
    decisions: [西中学校区で移動の支援の勉強会を開く]
  - date: 2025-11-18
    title: 令和7年度 第2回
    attendance: {住民組織: 5, 専門職: 2, 行政: 1, 社協: 2}
    agenda: [勉強会の報告]
    decisions: [来年度に担い手講座を開く]

# つくったもの（省略可）。{title: 名前, date: 年月, kind: 種類, url: URL}
outputs:
  - {title: 支え合いマップ（東中学校区）, date: 2026-03, kind: マップ}

# 説明（省略可。Markdown）
description: |
  住民の団体、専門職、行政、社協が集まり、地域に足りない支え合いを話し合う場です。

source: みほん市社会福祉協議会
as_of: 2026-04-01
last_confirmed: 2026-10-01
)~~~";

// ---- data/council-reports/mihon-kyogitai-2025.yaml ---------------------------------------------
constexpr std::string_view kDataCouncilReportsMihonKyogitai2025Yaml = R"~~~(# 協議体の1年度分の活動報告です。人が決めたこと（目指す姿、見つけたニーズ、計画）だけを書きます。
# その年度の会議、始まった活動、地域ごとの「足りない活動」の表（ギャップ・マトリックス）は、
# ほかの記録からツールが組み立てます。ページは reports/mihon-kyogitai-2025.html です。

id: mihon-kyogitai-2025

# 協議体（data/networks/ の id。必須）と年度（必須。2025 か 令和7年度）
council: mihon-kyogitai
fiscal_year: 2025

# 題名（省略可）
title: 令和7年度 みほん市支え合い推進協議体 活動報告

# 目指す地域の姿（必須。Markdown）
vision: |
  坂があっても、ひとりになっても、**歩いて行ける場所に知り合いがいる**まち

# まとめ（省略可。Markdown）
summary: |
  令和7年度は会議を2回開き、西中学校区の移動の支援について話し合いました。

# 見つけたニーズ（省略可）。area は協議体の地域の中の地域 id（外だと check が警告します）。
#   content_type 活動の種類、found 見つけた年月、how 見つけ方、text 内容（必須）
needs:
  - {area: nishi-kawabe, content_type: 移動・外出支援, found: 2025-06, how: 住民座談会, text: 坂の上から買い物に行く足がない}

# 指標（省略可）。数字の出どころ（source。必須）と範囲（scope）を書きます。values は年度ごとの値
indicators:
  - label: サロン・ミニデイの数
    unit: 箇所
    source: みほん市社協 地域資源調査
    scope: 市内全域。社協に登録のあるもの
    values: [{year: 2024, value: 11}, {year: 2025, value: 12}]

# ツールが数える指標（省略可）。地域ごとに、その種類の活動の数を数えます。
#   per_1000_aged_65plus: true で、65歳以上1,000人あたりの数も出します（地域に population_65plus が必要）。
computed_indicators:
  - {label: 交流・サロンの活動数, content_type: 交流・サロン, per_1000_aged_65plus: true}

# 計画（省略可）。text（必須）、area、content_type
plans:
  - {text: 西中学校区で移動支援の担い手講座を開く, area: nishi, content_type: 移動・外出支援}

source: みほん市支え合い推進協議体 事務局
as_of: 2026-03-31
)~~~";

// ---- data/gap-matrix.yaml ----------------------------------------------------------------------
constexpr std::string_view kDataGapMatrixYaml = R"~~~(# 「どの活動の種類に、どの活動の形が向いているか」の表です（このファイルは省略できます）。
# 協議体の年次報告の「ギャップ・マトリックス」で、○ なのに活動がないところを「不足」と示すのに使います。
# forms は活動の形（活動の form と同じ言葉）で、rows の各行は forms と同じ数の ○・△・× です。
# この表は「助け合い活動創出ブック」のマトリックスです。地域で話し合って変えてもかまいません。

source: 助け合い活動創出ブック 改訂版「4. 助け合い活動のマトリックス」
note: ○ 向いている / △ 条件により可能 / × 向いていない（平均的な形態についての評価）
forms: [ご近所, 地縁組織, 居場所, 地域通貨, 有償ボランティア, 非営利団体, 営利団体の社会貢献]
rows:
  見守り:        [○, ○, △, △, △, ○, ○]
  交流・サロン:   [○, ○, ○, ○, ○, ○, ×]
  ちょボラ:      [○, ○, ○, ○, ○, ○, △]
  家事援助:      [△, △, ×, ○, ○, ○, ×]
  会食:          [×, ○, ○, ×, ○, ○, ×]
  配食:          [×, ×, ×, ○, ○, ○, △]
  移動・外出支援: [×, △, ×, ○, ○, ○, ×]
)~~~";

// ---- handbooks/higashi-guide.yaml --------------------------------------------------------------
constexpr std::string_view kHandbooksHigashiGuideYaml = R"~~~(# 印刷用の冊子（ハンドブック）の記録です。ウェブサイトと同じ記録から、紙の冊子をつくります。
# 1つのファイルで1冊です。作った冊子は site/handbooks/higashi-guide/print.html になり、
# ブラウザ（Chrome か Edge）で印刷できます。`tsunagu handbook --pdf` で PDF も作れます。

id: higashi-guide

# 表紙の題名（必須）と副題（省略可）
title: 東中学校区 支え合いガイド
subtitle: 通いの場・見守り・暮らしの手助け・相談窓口

# 紙の大きさ: A5（省略したとき）か A4
paper: A5

# 文字の大きさ: large-print（大きな文字。省略したとき）か standard
audience: large-print

# true にすると、--pdf で中とじ用の booklet.pdf も作ります（A5 のときだけ）
booklet: false

# 表紙の発行日（省略すると、作った日）
issued: 2026-04-01

# 章の並び（必須）。kind で章の種類を選びます:
#   markdown      文章の章。body に本文を書くか、file に .md ファイルを書きます
#   area          地域の活動の章。area に地域の id（その中の地区の活動も入ります）
#   consultation  相談窓口の章。area を書くとその地域を担当する窓口、書かないとすべての窓口
#   fund-year     基金の年度の報告。fund に基金の id、fiscal_year に年度
#   report        協議体の年次報告。report に報告の id
#   cases         事例。cases に事例の id のリスト
sections:
  - kind: markdown
    title: この冊子の使い方
    body: |
      この冊子には、東中学校区で開かれている通いの場や見守りの活動と、困ったときの相談窓口をのせています。

      はじめての方は、行く前に**連絡先に電話**で確かめると安心です。日時や場所が変わることがあります。
  - kind: area
    area: higashi
    title: 東中学校区の活動
  - kind: consultation
    area: higashi
    title: 困ったときの相談窓口

source: みほん市社会福祉協議会
as_of: 2026-04-01
)~~~";

// ---- content/about.md --------------------------------------------------------------------------
constexpr std::string_view kContentAboutMd = R"~~~(---
title: このサイトについて
description: 掲載している情報と、確認・更新の方針
order: 1
nav: true
---
**このサイトはサンプルです。** みほん市は、支え合いの情報サイトの作り方を示すための
架空の市です。掲載している団体、活動、相談窓口、住所、電話番号はすべて架空のものです。

## 掲載している情報

みほん市内で行われている、住民どうしの支え合いの活動と、困ったときの相談先を
まとめています。

- 通いの場・居場所（サロン、子ども食堂、認知症カフェなど）
- 暮らしを支える活動（見守り、配食、ちょっとした困りごとの手伝いなど）
- 相談窓口（地域包括支援センターなど）
- 活動している団体

## 情報の確かめ方

掲載している情報は、みほん市社会福祉協議会が各団体に確認したものです。
活動している団体が公開に同意した内容だけを載せています。
それぞれのページには、情報の出典、時点、**最終確認日**を表示しています。
お出かけの前に、連絡先へお問い合わせください。

## 変更・追加のご連絡

活動の日時や会場が変わったとき、休止・終了したとき、新しく活動を始めたときは、
みほん市社会福祉協議会 地域福祉推進課（電話 042-000-0001、メール info@example.org）まで
お知らせください。
)~~~";

// ---- content/accessibility.md ------------------------------------------------------------------
constexpr std::string_view kContentAccessibilityMd = R"~~~(---
title: ウェブアクセシビリティ方針
description: 目標とする適合レベル、対象範囲、例外、お問い合わせ先
order: 2
nav: true
---
みほん市社会福祉協議会は、高齢の方や障がいのある方をはじめ、だれもがこのサイトの
情報を利用できるよう、ウェブアクセシビリティの確保と向上に取り組みます。

## 目標とする適合レベル

日本産業規格 **「JIS X 8341-3:2016」の適合レベルAA** に準拠することを目標とします。
あわせて、WCAG 2.2 のレベルAAも参考にしています。

## 対象範囲

このサイトのすべてのページを対象とします。

## 例外

次のものは対象から除きます。

- 団体から提供を受けて掲載しているPDFの資料。内容は、できるかぎりページの本文にも書きます。
- 外部のサイトへのリンク先のページ

## 配慮していること

- 文字の大きさは、ブラウザの機能で変えられます。
- 色だけで情報を伝えないようにしています。
- キーボードだけで操作できるようにしています。
- 画像には、内容を説明する文（代替テキスト）をつけています。
- 地図で示す情報は、すべて一覧でも読めます。

## お問い合わせ

使いにくいところ、読みにくいところがありましたら、みほん市社会福祉協議会
地域福祉推進課（電話 042-000-0001、メール info@example.org）までお知らせください。
)~~~";

}  // namespace

const std::vector<NewSiteFile>& new_site_files() {
    static const std::vector<NewSiteFile> files = {
        {"README.md", "編集のしかた（記録の足し方、確かめ方、公開してはいけないもの）", kReadmeMd},
        {"site.yaml", "サイトの設定（名前、市区町村のコード、公開する URL）", kSiteYaml},
        {"data/areas.yaml", "地域（市・中学校区2つ・地区2つ）", kDataAreasYaml},
        {"data/organizations/mihon-shakyo.yaml", "団体の例（社協）", kDataOrganizationsMihonShakyoYaml},
        {"data/organizations/hinata-jichikai.yaml", "団体の例（自治会）", kDataOrganizationsHinataJichikaiYaml},
        {"data/activities/hinata-salon.yaml", "活動・居場所の例（サロン）", kDataActivitiesHinataSalonYaml},
        {"data/consultation/higashi-houkatsu.yaml", "相談窓口の例（地域包括支援センター）", kDataConsultationHigashiHoukatsuYaml},
        {"data/difficulties/oya-ninchisho.yaml", "困りごとの例", kDataDifficultiesOyaNinchishoYaml},
        {"data/synonyms.yaml", "検索で同じものとして扱う言葉", kDataSynonymsYaml},
        {"data/funds/mihon-tasukeai.yaml", "助け合い基金の例", kDataFundsMihonTasukeaiYaml},
        {"data/fund-years/mihon-tasukeai-2025.yaml", "基金の年度の決算の例（1円まで合っています）", kDataFundYearsMihonTasukeai2025Yaml},
        {"data/grants/mihon-tasukeai-2025-001.yaml", "助成の例", kDataGrantsMihonTasukeai2025001Yaml},
        {"data/cases/mihon-hinata-salon.yaml", "事例の例", kDataCasesMihonHinataSalonYaml},
        {"data/networks/mihon-kyogitai.yaml", "ネットワーク・協議体の例", kDataNetworksMihonKyogitaiYaml},
        {"data/council-reports/mihon-kyogitai-2025.yaml", "協議体の年次報告の例", kDataCouncilReportsMihonKyogitai2025Yaml},
        {"data/gap-matrix.yaml", "活動の種類と形の向き・不向きの表", kDataGapMatrixYaml},
        {"handbooks/higashi-guide.yaml", "印刷用の冊子の例（A5 の地域ガイド）", kHandbooksHigashiGuideYaml},
        {"content/about.md", "ページ「このサイトについて」", kContentAboutMd},
        {"content/accessibility.md", "ページ「ウェブアクセシビリティ方針」", kContentAccessibilityMd},
    };
    return files;
}

}  // namespace tsunagu
