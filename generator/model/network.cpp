#include "model/network.h"

namespace tsunagu {

const std::vector<std::string>& network_kinds() {
    static const std::vector<std::string> v = {"協議体（第1層）", "協議体（第2層）", "地域ケア会議",
                                               "同種ネットワーク", "異種ネットワーク", "プラットフォーム"};
    return v;
}

const std::vector<std::string>& network_link_labels() {
    static const std::vector<std::string> v = {"連携", "バックアップ", "事務局", "委託", "助成", "参加", "情報提供", "相談"};
    return v;
}

}  // namespace tsunagu
