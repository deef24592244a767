// 事例: a case study other councils learn from (DOMAIN.md "Case study"), as a plain struct.
// Derived figures (density, persons per household, area per person) are never stored here:
// model/case_figures computes them from the profile; `printed` keeps what a source printed so
// the check stage can compare.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/figure.h"
#include "model/records.h"

namespace tsunagu {

struct CaseMunicipality {
    std::string code;  // 全国地方公共団体コード, 6 digits (a prefecture: 310000 …)
    std::string name;  // 東京都大田区
};

struct PrintedValue {
    double value = 0;
    int decimals = 0;    // digits after the point as printed: 0.008 → 3 (its rounding step)
    SourcePos pos;
};

struct PrintedFigures {  // as the source printed them; compared, never published as ours
    std::optional<PrintedValue> area_per_person_km2;
    std::optional<PrintedValue> density_per_km2;
    std::optional<PrintedValue> persons_per_household;
};

// 自治体概要: dated; every number optional.
struct CaseProfile {
    bool present = false;
    Date as_of;
    std::optional<long long> population;
    std::optional<long long> households;
    std::optional<double> aging_rate;   // 高齢化率 %
    std::optional<double> area_km2;
    std::optional<int> elementary_schools;
    std::optional<int> junior_high_schools;
    std::string schools_scope;          // 区立のみ / 市立のみ / 公立のみ
    std::string activity_area;          // 本事例の活動領域
    std::string note;
    PrintedFigures printed;
};

struct CaseComponent {   // meetings, desks, posts, places
    std::string kind;    // 会議 | 窓口 | 人 | 拠点 | 場 | 仕組み
    std::string name;
    std::optional<int> count;
    Date started;
    std::string note;
};

struct TimelineEntry {
    Date date;           // read from 和暦 or 西暦; a fiscal year sorts as its April
    int fiscal_year = 0; // when the source gives a 年度 (平成30年度) rather than a date
    std::string event;
};

struct NamedRole {       // partners and funding sources
    std::string name;
    std::string role;    // partners: 協力, 委託 …; funding: 公費, 民間 …
    std::string note;
};

struct SourceRef {
    std::string document;
    std::string publisher;
    std::optional<int> year;
    std::string page;
    std::string section;
    std::string url;
};

struct CaseStudy {
    RecordMeta meta;
    std::string title;
    std::string reading;
    std::string theme;
    std::string tier;                        // 住民に身近な圏域 | 市区町村レベル | 都道府県
    std::vector<std::string> elements;       // 人, 場
    std::vector<std::string> content_types;  // content_type labels
    std::vector<CaseMunicipality> municipalities;
    std::string subject_organization;        // name, when the subject is an organisation
    std::string subject_legal_form;
    CaseProfile profile;
    std::vector<CaseComponent> components;
    std::vector<TimelineEntry> timeline;
    std::vector<NamedRole> partners;
    std::vector<NamedRole> funding;
    std::vector<std::string> effects;
    std::vector<Figure> figures;
    SourceRef source;
    std::string narrative;                   // Markdown
};

// The tiers and element tags a case may carry, in display order.
const std::vector<std::string>& case_tiers();
const std::vector<std::string>& case_elements();

}  // namespace tsunagu
