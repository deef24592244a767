#include "model/case_study.h"

namespace tsunagu {

const std::vector<std::string>& case_tiers() {
    static const std::vector<std::string> v = {"住民に身近な圏域", "市区町村レベル", "都道府県"};
    return v;
}

const std::vector<std::string>& case_elements() {
    static const std::vector<std::string> v = {"人", "場"};
    return v;
}

}  // namespace tsunagu
