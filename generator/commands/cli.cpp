#include "commands/cli.h"

#include <charconv>
#include <set>

#include "model/date.h"
#include "model/taxonomy.h"

namespace tsunagu {

std::string usage_text() {
    return R"(tsunagu — 地域の支え合い情報をウェブサイトにする (builds community mutual-aid directory sites)

使い方 (usage):
  tsunagu build  [--source DIR] [--out DIR] [--base-url URL]   サイトを作る (build the site; default source ., out SOURCE/site)
  tsunagu check  [--source DIR]                                データを確かめる (check the data; exit 1 on any error)
  tsunagu serve  [--source DIR] [--out DIR] [--port 8080] [--bind 127.0.0.1]
                                                               作って手元で表示する (build, then serve for preview)
  tsunagu import --into DIR [--content-type 種類] [--as-of YYYY-MM-DD] FILE...
                                                               オープンデータの CSV を取り込む (import open-data CSVs
                                                               as records into the site folder DIR)
  tsunagu handbook [--source DIR] [--out DIR] [--pdf] [NAME...]
                                                               印刷用の冊子を作る (print.html of each handbook; with
                                                               --pdf also handbook.pdf and booklet.pdf; default out
                                                               SOURCE/print)
  tsunagu new DIR  新しいサイトを作る (make a new, minimal, valid site in DIR)
  tsunagu --help | --version

options:
  --source DIR     サイトのフォルダ (site folder with site.yaml)
  --out DIR        出力先 (output folder; replaced as a whole, only if tsunagu wrote it)
  --base-url URL   公開する URL (public URL, for sitemap.xml and JSON-LD; overrides site.yaml)
  --port N         serve: ポート番号 (port, default 8080)
  --bind ADDR      serve: 待ち受けるアドレス (address, default 127.0.0.1)
  --threads N      並列数 (threads; default all cores)
  --today DATE     build/serve: 次回の開催日を数える基準日 YYYY-MM-DD (the date pages count upcoming
                   dates from; default TSUNAGU_TODAY, SOURCE_DATE_EPOCH, else today in Japan)
  --quiet          成功時の表示を省く (print nothing on success)
  --verbose        段階ごとの時間を表示する (print the time of every stage: load, resolve, check,
                   render, index, write); a terminal also shows each stage as it finishes
  --pdf            handbook: Chromium で PDF も作る (also print PDFs through Chromium)
  --into DIR       import: 取り込み先のサイトのフォルダ (site folder to write records into; made if missing)
  --content-type T import: 種類が分からない行に使う活動の種類 (content type for rows that do not tell;
                   repeatable; e.g. 交流・サロン)
  --as-of DATE     import: 取り込んだ記録の時点 YYYY-MM-DD (as-of date of the imported records)

exit codes: 0 成功 (ok), 1 データの誤り (errors in the data), 2 使い方の誤り (usage error)
)";
}

std::optional<CliOptions> parse_cli(const std::vector<std::string>& args, std::string& error) {
    CliOptions o;
    static const std::set<std::string> commands = {"build", "check", "serve", "import", "handbook", "new"};
    auto need_value = [&](size_t& i, const std::string& name, std::string& out) {
        if (i + 1 >= args.size() || args[i + 1].empty()) {
            error = name + " には値が必要です (" + name + " needs a value)";
            return false;
        }
        out = args[++i];
        return true;
    };
    auto need_int = [&](size_t& i, const std::string& name, int& out, int lo, int hi) {
        std::string v;
        if (!need_value(i, name, v)) return false;
        int n = 0;
        auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        if (ec != std::errc() || p != v.data() + v.size() || n < lo || n > hi) {
            error = name + " の値 \"" + v + "\" が正しくありません (" + name + ": invalid value \"" + v + "\")";
            return false;
        }
        out = n;
        return true;
    };
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            o.help = true;
        } else if (a == "--version" || a == "-V") {
            o.version = true;
        } else if (a == "--quiet" || a == "-q") {
            o.quiet = true;
        } else if (a == "--verbose" || a == "-v") {
            o.verbose = true;
        } else if (a == "--source") {
            if (!need_value(i, a, o.source)) return std::nullopt;
        } else if (a == "--out") {
            if (!need_value(i, a, o.out)) return std::nullopt;
        } else if (a == "--base-url") {
            if (!need_value(i, a, o.base_url)) return std::nullopt;
        } else if (a == "--bind") {
            if (!need_value(i, a, o.bind)) return std::nullopt;
        } else if (a == "--port") {
            if (!need_int(i, a, o.port, 1, 65535)) return std::nullopt;
        } else if (a == "--today") {
            if (!need_value(i, a, o.today)) return std::nullopt;
            const Date d = parse_iso_date(o.today);
            if (d.day == 0 || !is_valid_date(d)) {
                error = "--today の値 \"" + o.today + "\" が日付 (YYYY-MM-DD) ではありません (--today: \"" + o.today +
                        "\" is not a date YYYY-MM-DD)";
                return std::nullopt;
            }
        } else if (a == "--into") {
            if (!need_value(i, a, o.into)) return std::nullopt;
        } else if (a == "--content-type") {
            std::string v;
            if (!need_value(i, a, v)) return std::nullopt;
            o.content_types.push_back(v);
        } else if (a == "--as-of") {
            if (!need_value(i, a, o.as_of)) return std::nullopt;
            const Date d = parse_iso_date(o.as_of);
            if (d.day == 0 || !is_valid_date(d)) {
                error = "--as-of の値 \"" + o.as_of + "\" が日付 (YYYY-MM-DD) ではありません (--as-of: \"" + o.as_of +
                        "\" is not a date YYYY-MM-DD)";
                return std::nullopt;
            }
        } else if (a == "--pdf") {
            o.pdf = true;
        } else if (a == "--threads") {
            if (!need_int(i, a, o.threads, 0, 1024)) return std::nullopt;
        } else if (!a.empty() && a[0] == '-') {
            error = "知らないオプションです: " + a + " (unknown option " + a + ")";
            return std::nullopt;
        } else if (o.command.empty() && commands.count(a)) {
            o.command = a;
        } else if (o.command == "import") {
            o.files.push_back(a);
        } else if (o.command == "handbook") {
            o.handbooks.push_back(a);
        } else if (o.command == "new" && o.new_dir.empty()) {
            o.new_dir = a;
        } else if (o.command.empty()) {
            error = "知らないコマンドです: " + a + " (unknown command " + a + ")";
            return std::nullopt;
        } else {
            error = "余分な引数です: " + a + " (unexpected argument " + a + ")";
            return std::nullopt;
        }
    }
    if (o.command.empty() && !o.help && !o.version) {
        error = "コマンドを指定してください (no command given)";
        return std::nullopt;
    }
    if (o.command != "serve" && (o.port != 8080 || o.bind != "127.0.0.1")) {
        error = "--port と --bind は serve だけで使えます (--port and --bind are for serve only)";
        return std::nullopt;
    }
    if (o.pdf && o.command != "handbook") {
        error = "--pdf は handbook だけで使えます (--pdf is for handbook only)";
        return std::nullopt;
    }
    if (o.command == "check" && (!o.out.empty() || !o.base_url.empty() || !o.today.empty())) {
        error = "check は --out / --base-url / --today を使いません (check takes no --out, --base-url or --today)";
        return std::nullopt;
    }
    if (o.command == "new") {
        if (o.new_dir.empty()) {
            error = "new には作るフォルダ DIR が必要です（例: tsunagu new mysite） (new needs a folder: tsunagu new DIR)";
            return std::nullopt;
        }
        if (!o.out.empty() || !o.base_url.empty() || !o.today.empty() || o.source != ".") {
            error = "new は --source / --out / --base-url / --today を使いません (new takes only DIR, not --source, --out, --base-url or --today)";
            return std::nullopt;
        }
    }
    const bool import_only = !o.into.empty() || !o.content_types.empty() || !o.as_of.empty();
    if (o.command != "import" && import_only) {
        error = "--into / --content-type / --as-of は import だけで使えます (--into, --content-type and --as-of are for import only)";
        return std::nullopt;
    }
    if (o.command == "import") {
        if (o.into.empty()) {
            error = "import には --into DIR が必要です (import needs --into DIR)";
            return std::nullopt;
        }
        if (o.files.empty()) {
            error = "取り込む CSV ファイルを指定してください (import needs at least one FILE)";
            return std::nullopt;
        }
        if (!o.out.empty() || !o.base_url.empty() || !o.today.empty() || o.source != ".") {
            error = "import は --source / --out / --base-url / --today を使いません (import takes --into, not --source, --out, --base-url or --today)";
            return std::nullopt;
        }
        for (const std::string& t : o.content_types)
            if (!find_term(Vocabulary::content_type, t)) {
                error = "--content-type \"" + t + "\" は活動の種類にありません。使える値: " + known_labels(Vocabulary::content_type) +
                        " (unknown content type \"" + t + "\")";
                return std::nullopt;
            }
    }
    if (!o.base_url.empty() && o.base_url.rfind("http://", 0) != 0 && o.base_url.rfind("https://", 0) != 0) {
        error = "--base-url は http:// か https:// で始めてください (--base-url must start with http:// or https://)";
        return std::nullopt;
    }
    return o;
}

}  // namespace tsunagu
