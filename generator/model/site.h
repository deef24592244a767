// The whole site after loading and resolving: config plus every record, sorted by id.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "model/case_study.h"
#include "model/council_report.h"
#include "model/fund.h"
#include "model/handbook.h"
#include "model/network.h"
#include "model/records.h"

namespace tsunagu {

struct SiteConfig {
    SourcePos pos;
    std::string title;
    std::string description;
    std::string municipality_code;  // 6 digits, validated with its check digit
    std::string base_url;           // absolute, ends with '/'
    std::string language = "ja";
    std::string areas_file = "data/areas.yaml";
    std::string theme = "default";
    std::string publisher;          // 発行: e.g. ○○市社会福祉協議会
    bool sample = false;            // label every page サンプル
};

struct Site {
    SiteConfig config;
    std::vector<Area> areas;
    std::vector<Organization> organizations;
    std::vector<Activity> activities;
    std::vector<ConsultationPoint> consultation_points;
    std::vector<ContentPage> pages;
    std::vector<SynonymGroup> synonyms;      // data/synonyms.yaml, in file order
    std::vector<Difficulty> difficulties;    // 困りごと; resolve sorts them by order, then id
    std::vector<Fund> funds;                 // 助け合い基金 (data/funds/)
    std::vector<FundYear> fund_years;        // one per fund and fiscal year (data/fund-years/)
    std::vector<Grant> grants;               // data/grants/
    std::vector<CaseStudy> cases;            // 事例 (data/cases/)
    std::vector<Network> networks;           // ネットワーク・協議体 (data/networks/)
    std::vector<CouncilReport> reports;      // 協議体の年次報告 (data/council-reports/)
    GapMatrixSpec gap_matrix;                // data/gap-matrix.yaml (optional)
    std::vector<Handbook> handbooks;         // 冊子 (handbooks/*.yaml)

    // resolve: id → index
    std::unordered_map<std::string, int> area_by_id;
    std::unordered_map<std::string, int> organization_by_id;
    std::unordered_map<std::string, int> activity_by_id;
    std::unordered_map<std::string, int> consultation_by_id;
    std::unordered_map<std::string, int> fund_by_id;
    std::unordered_map<std::string, int> fund_year_by_id;
    std::unordered_map<std::string, int> grant_by_id;
    std::unordered_map<std::string, int> case_by_id;
    std::unordered_map<std::string, int> network_by_id;
    std::unordered_map<std::string, int> report_by_id;
    std::unordered_map<std::string, int> handbook_by_id;
    std::vector<int> root_areas;  // areas without a parent, sorted by id
};

}  // namespace tsunagu
