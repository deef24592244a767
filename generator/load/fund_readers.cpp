#include "load/fund_readers.h"

#include <algorithm>
#include <charconv>
#include <optional>

#include "load/record_readers.h"
#include "load/yaml_file.h"
#include "text/wareki.h"

namespace tsunagu {

namespace {

void read_body(FieldReader& r, const char* key, FundBody& out) {
    auto m = r.mapping(key);
    if (!m) return;
    FieldReader b(*m, r.file(), r.diags(), std::string(key) + ".", r.line_offset());
    b.text("name", out.name);
    b.text("kind", out.kind);
    b.text("note", out.note);
    for_each_mapping(b, "members", "{role: 役割, count: 人数}", [&](FieldReader& e, int) {
        BodyMember mem;
        e.text("role", mem.role, Need::required);
        std::optional<int> count;
        e.integer("count", count, 1, 1000);
        mem.count = count.value_or(1);
        e.text("name", mem.name);
        out.members.push_back(std::move(mem));
    });
    b.finish();
}

void read_account_lines(FieldReader& r, const char* key, std::vector<AccountLine>& out, bool costs) {
    for_each_mapping(r, key, "{line: 科目, amount: 金額}", [&](FieldReader& e, int line) {
        AccountLine a;
        a.line_no = line;
        e.text("line", a.line, Need::required);
        std::optional<long long> amount;
        e.yen("amount", amount, Need::required);
        a.amount_yen = amount.value_or(0);
        if (costs) {
            e.text("category", a.category, Need::required);
            if (!a.category.empty() && a.category != "事業費" && a.category != "管理費")
                e.diags().push_back(make_error("field.value", e.pos_of("category"),
                                               "category は 事業費 か 管理費 です（いまは「" + a.category + "」）",
                                               "category must be 事業費 or 管理費, not \"" + a.category + "\""));
        }
        e.text("note", a.note);
        out.push_back(std::move(a));
    });
}

// Keeps where a field was written, so check/fund_check can point at the exact line.
void keep_position(FieldReader& r, RecordMeta& meta, const char* key) {
    if (!r.has(key)) return;
    const SourcePos p = r.pos_of(key);
    meta.field_pos.push_back(FieldPos{key, -1, p.line, p.column});
}

}  // namespace

Fund read_fund(FieldReader& r) {
    Fund f;
    r.meta_fields(f.meta);
    r.text("name", f.name, Need::required);
    r.reading("reading", f.reading);
    r.ref("operator", f.operator_org, f.meta, Need::required);
    read_legal_form_history(r, f.legal_form_history);
    r.date("founded", f.founded);
    r.yen("founding_capital", f.founding_capital_yen);
    r.text("mission", f.mission);
    r.text("description", f.description);
    read_body(r, "selection_body", f.selection_body);
    read_body(r, "audit_body", f.audit_body);
    for_each_mapping(r, "matching", "{partner: 相手, ratio: 倍率, cap: 上限}", [&](FieldReader& e, int) {
        MatchingRule m;
        e.text("partner", m.partner, Need::required);
        std::string ratio;
        e.text("ratio", ratio);
        if (!ratio.empty()) {
            const auto v = parse_decimal(ratio);
            if (v && *v > 0 && *v <= 100) m.ratio = *v;
            else
                e.diags().push_back(make_error("field.value", e.pos_of("ratio"), "ratio「" + ratio + "」は正の数で書いてください（1 は 1:1）",
                                               "ratio \"" + ratio + "\" must be a positive number (1 = 1:1)"));
        }
        e.yen("cap", m.cap_yen);
        e.text("applies_to", m.applies_to);
        e.date("valid_from", m.valid_from);
        e.date("valid_until", m.valid_until);
        e.text("note", m.note);
        f.matching.push_back(std::move(m));
    });
    r.texts("donation_channels", f.donation_channels);
    for_each_mapping(r, "programmes", "{id: 英数字, name: 名前, kind: 種類}", [&](FieldReader& e, int) {
        FundProgramme p;
        e.id("id", p.id);
        e.text("name", p.name, Need::required);
        e.text("kind", p.kind);
        e.text("description", p.description);
        e.term_list("content_types", Vocabulary::content_type, p.content_types);
        e.date("started", p.started);
        e.date("ended", p.ended);
        f.programmes.push_back(std::move(p));
    });
    r.url("url", f.url);
    r.boolean("sample", f.sample);
    r.boolean("real", f.real);
    r.finish();
    return f;
}

FundYear read_fund_year(FieldReader& r) {
    FundYear y;
    r.meta_fields(y.meta);
    r.ref("fund", y.fund, y.meta, Need::required);
    r.fiscal_year("fiscal_year", y.fiscal_year, Need::required);
    std::optional<long long> opening, closing;
    r.yen("opening_balance", opening, Need::required);
    r.yen("closing_balance", closing, Need::required);
    y.opening_balance_yen = opening.value_or(0);
    y.closing_balance_yen = closing.value_or(0);
    keep_position(r, y.meta, "opening_balance");
    keep_position(r, y.meta, "closing_balance");
    keep_position(r, y.meta, "fiscal_year");
    for_each_mapping(r, "donations", "{donor_type: 種類, amount: 金額}", [&](FieldReader& e, int line) {
        DonationLine d;
        d.line = line;
        e.text("donor_type", d.donor_type, Need::required);
        e.text("channel", d.channel);
        e.integer("count", d.count, 0, 100000000);
        std::optional<long long> amount;
        e.yen("amount", amount, Need::required);
        d.amount_yen = amount.value_or(0);
        e.text("programme", d.programme);
        e.text("note", d.note);
        y.donations.push_back(std::move(d));
    });
    for_each_mapping(r, "named_donors", "{name: 名前, consent: true}", [&](FieldReader& e, int line) {
        NamedDonor d;
        d.line = line;
        e.text("name", d.name, Need::required);
        e.text("donor_type", d.donor_type);
        e.yen("amount", d.amount_yen);
        e.boolean("consent", d.consent);
        e.date("consent_date", d.consent_date);
        e.boolean("amount_published", d.amount_published);
        e.text("programme", d.programme);
        y.named_donors.push_back(std::move(d));
    });
    read_account_lines(r, "other_income", y.other_income, false);
    read_account_lines(r, "costs", y.costs, true);
    if (auto m = r.mapping("audit")) {
        FieldReader a(*m, r.file(), r.diags(), "audit.", r.line_offset());
        a.text("opinion", y.audit_opinion);
        a.date("date", y.audit_date);
        a.text("by", y.audit_by);
        a.finish();
    }
    r.text("note", y.note);
    r.finish();
    return y;
}

Grant read_grant(FieldReader& r) {
    Grant g;
    r.meta_fields(g.meta);
    r.ref("fund", g.fund, g.meta, Need::required);
    r.ref("programme", g.programme, g.meta, Need::required);
    r.fiscal_year("fiscal_year", g.fiscal_year, Need::required);
    keep_position(r, g.meta, "fiscal_year");
    keep_position(r, g.meta, "amount_awarded");
    r.text("title", g.title, Need::required);
    r.ref("recipient", g.recipient, g.meta, Need::required);
    r.ref("activity", g.activity, g.meta);
    r.text("form", g.form);
    r.text("purpose", g.purpose);
    r.text("use_of_funds", g.use_of_funds);
    std::optional<long long> awarded;
    r.yen("amount_awarded", awarded, Need::required);
    g.amount_awarded_yen = awarded.value_or(0);
    for_each_mapping(r, "disbursements", "{date: 日付, amount: 金額}", [&](FieldReader& e, int line) {
        Disbursement d;
        d.line = line;
        e.date("date", d.date);
        if (d.date.empty() || d.date.day == 0)
            e.diags().push_back(make_error("field.missing", e.pos(), "支払いには日付（年月日）が必要です",
                                           "a disbursement needs a full date"));
        std::optional<long long> amount;
        e.yen("amount", amount, Need::required);
        d.amount_yen = amount.value_or(0);
        g.disbursements.push_back(d);
    });
    r.date("award_date", g.award_date);
    keep_position(r, g.meta, "award_date");
    if (auto m = r.mapping("period")) {
        FieldReader p(*m, r.file(), r.diags(), "period.", r.line_offset());
        p.date("from", g.period_from);
        p.date("to", g.period_to);
        p.finish();
    }
    r.refs("areas", g.areas, g.meta);
    r.term_list("beneficiaries", Vocabulary::target_people, g.beneficiaries);
    r.text("beneficiaries_note", g.beneficiaries_note);
    r.text("status", g.status);
    if (g.status.empty()) g.status = "交付決定";
    static const char* statuses[] = {"交付決定", "交付中", "完了", "取消"};
    if (std::none_of(std::begin(statuses), std::end(statuses), [&](const char* s) { return g.status == s; }))
        r.diags().push_back(make_error("field.value", r.pos_of("status"),
                                       "status は 交付決定・交付中・完了・取消 のどれかです（いまは「" + g.status + "」）",
                                       "status must be 交付決定, 交付中, 完了 or 取消, not \"" + g.status + "\""));
    r.text("report", g.report);
    r.date("report_date", g.report_date);
    for_each_mapping(r, "report_figures", "{label: 項目, value: 数, unit: 単位}", [&](FieldReader& e, int) {
        Figure fig;
        e.text("label", fig.label, Need::required);
        std::string value;
        e.text("value", value, Need::required);
        if (const auto v = parse_decimal(value)) fig.value = *v;
        else if (!value.empty())
            e.diags().push_back(make_error("field.type", e.pos_of("value"), "value「" + value + "」は数で書いてください",
                                           "value \"" + value + "\" must be a number"));
        e.text("unit", fig.unit);
        e.boolean("approximate", fig.approximate);
        g.report_figures.push_back(std::move(fig));
    });
    read_photos(r, g.report_photos, "report_photos");
    r.finish();
    return g;
}

}  // namespace tsunagu
