#include <iostream>
#include <string>

#include "commands/pipeline.h"

namespace tsunagu {

int check_command(const CliOptions& options) {
    Diagnostics diags;
    Site site = load_and_check(options.source, options, diags);
    const bool failed = has_errors(diags);
    report(diags);
    if (!failed && !options.quiet)
        std::cout << "tsunagu check: 問題はありません (no errors) — 活動 " << site.activities.size() << "、団体 "
                  << site.organizations.size() << "、相談窓口 " << site.consultation_points.size() << "、地域 "
                  << site.areas.size()
                  << (site.funds.empty() ? std::string()
                                         : "、基金 " + std::to_string(site.funds.size()) + "（年度 " +
                                               std::to_string(site.fund_years.size()) + "、助成 " +
                                               std::to_string(site.grants.size()) + "）")
                  << (site.cases.empty() ? std::string() : "、事例 " + std::to_string(site.cases.size()))
                  << (site.networks.empty() ? std::string()
                                            : "、ネットワーク " + std::to_string(site.networks.size()) + "（年次報告 " +
                                                  std::to_string(site.reports.size()) + "）")
                  << "\n";
    return failed ? kExitDataErrors : kExitOk;
}

}  // namespace tsunagu
