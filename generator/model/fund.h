// 助け合い基金: a fund, its fiscal years and its grants, as plain structs (see DOMAIN.md).
// The money flow is 寄付 → 基金 → 助成 → 活動 → 報告; check/fund_check.* makes sure the books
// balance to the yen before anything is published. Amounts are whole yen (long long).
// Fields named *_ix are filled by resolve (indexes into Site's vectors; -1 = none).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/figure.h"
#include "model/records.h"

namespace tsunagu {

// A member of a selection or audit body: a role, never a private name unless published.
struct BodyMember {
    std::string role;          // 学識経験者, 民生委員・児童委員, 税理士 …
    int count = 1;
    std::string name;          // only when the fund publishes it (e.g. a chair who agreed)
};

// 配分委員会 (selection) or 監査委員会 / 監事 / 外部監査 (audit).
struct FundBody {
    std::string name;          // 配分委員会
    std::string kind;          // 内部委員会, 第三者委員会, 外部監査, 監事 …
    std::vector<BodyMember> members;
    std::string note;
};

// 行政マッチング: a partner adds `ratio` yen per donated yen, up to `cap_yen` per fiscal year.
struct MatchingRule {
    std::string partner;       // 佐賀県
    double ratio = 1.0;        // 1.0 = 1:1
    std::optional<long long> cap_yen;
    std::string applies_to;    // which donations count (e.g. 指定寄付)
    Date valid_from;
    Date valid_until;
    std::string note;
};

// 分野指定 (a field), 冠基金 (named after a donor), 事業指定 (one project).
struct FundProgramme {
    std::string id;            // ASCII, unique within the fund
    std::string name;          // たすけあい基金
    std::string kind;          // 分野指定, 冠基金, 事業指定, 一般
    std::string description;   // Markdown
    std::vector<std::string> content_types;  // what it supports (content_type labels)
    Date started;
    Date ended;
};

struct Fund {
    RecordMeta meta;
    std::string name;
    std::string reading;
    std::string operator_org;  // organization id
    std::vector<LegalFormChange> legal_form_history;
    Date founded;
    std::optional<long long> founding_capital_yen;  // 設立時財産
    std::string mission;       // Markdown
    std::string description;   // Markdown
    FundBody selection_body;
    FundBody audit_body;
    std::vector<MatchingRule> matching;
    std::vector<std::string> donation_channels;  // 窓口, 銀行振込, クレジットカード, 募金箱, 遺贈 …
    std::vector<FundProgramme> programmes;
    std::string url;           // the fund's own site
    bool sample = false;       // example data: pages say サンプル
    bool real = false;         // a real fund profiled from a public source (no books published here)

    // resolve
    int operator_ix = -1;
    std::vector<int> years_ix;   // FundYear indexes, by fiscal year
    std::vector<int> grants_ix;  // Grant indexes, by award date then id
};

// Donations of one donor type through one channel, summed: donors are never listed one by one.
struct DonationLine {
    std::string donor_type;    // 個人, 法人, 団体, 匿名, 行政マッチング
    std::string channel;       // one of the fund's donation_channels ("" = not broken down)
    std::optional<long long> count;  // number of gifts, when known
    long long amount_yen = 0;
    std::string programme;     // programme id when designated ("" = undesignated)
    std::string note;
    int line = 0;
};

// A donor named on the pages: only with recorded consent. Without consent the name stays in
// the data (the fund's own ledger) and never reaches any output.
struct NamedDonor {
    std::string name;
    std::string donor_type;    // 個人, 法人, 団体
    std::optional<long long> amount_yen;  // shown only when amount_published
    bool consent = false;      // 公表の同意
    Date consent_date;
    bool amount_published = false;
    std::string programme;     // 冠基金 of this donor, if any
    int line = 0;
};

// 活動計算書 lines: 受取利息, 雑収益 … (income) and 人件費, 印刷製本費 … (costs).
struct AccountLine {
    std::string line;          // the 勘定科目 as the fund names it
    std::string category;      // costs: 事業費 or 管理費; income: "" 
    long long amount_yen = 0;
    std::string note;
    int line_no = 0;
};

struct FundYear {
    RecordMeta meta;           // id: <fund>-<fiscal year>, e.g. aoba-tasukeai-2025
    std::string fund;          // fund id
    int fiscal_year = 0;       // 2025 = 2025-04-01 … 2026-03-31 (令和7年度)
    long long opening_balance_yen = 0;
    std::vector<DonationLine> donations;
    std::vector<NamedDonor> named_donors;
    std::vector<AccountLine> other_income;
    std::vector<AccountLine> costs;
    long long closing_balance_yen = 0;
    std::string audit_opinion; // 適正, 限定付適正 …
    Date audit_date;
    std::string audit_by;      // 監査委員会, 監事, ○○税理士事務所
    std::string note;          // Markdown: what happened that year

    // resolve
    int fund_ix = -1;
    std::vector<int> grants_ix;  // grants awarded in this fiscal year
};

struct Disbursement {
    Date date;
    long long amount_yen = 0;
    int line = 0;
};

struct Grant {
    RecordMeta meta;
    std::string fund;          // fund id
    std::string programme;     // programme id of the fund
    int fiscal_year = 0;
    std::string title;         // 事業名
    std::string recipient;     // organization id
    std::string activity;      // activity id (optional)
    std::string form;          // 助成の形: 活動費助成, 設備費助成, 立ち上げ助成 …
    std::string purpose;       // 事業内容 (Markdown)
    std::string use_of_funds;  // 助成金の使途
    long long amount_awarded_yen = 0;
    std::vector<Disbursement> disbursements;
    Date award_date;
    Date period_from;
    Date period_to;
    std::vector<std::string> areas;            // area ids
    std::vector<std::string> beneficiaries;    // target_people labels
    std::string beneficiaries_note;            // 主な受益者 in words
    std::string status = "交付決定";           // 交付決定, 交付中, 完了, 取消
    std::string report;        // the grantee's results report (Markdown)
    std::vector<Figure> report_figures;
    std::vector<Photo> report_photos;
    Date report_date;

    // resolve
    int fund_ix = -1;
    int recipient_ix = -1;
    int activity_ix = -1;
    std::vector<int> areas_ix;
    long long disbursed_yen() const {
        long long s = 0;
        for (const Disbursement& d : disbursements) s += d.amount_yen;
        return s;
    }
};

}  // namespace tsunagu
