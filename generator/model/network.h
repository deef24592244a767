// ネットワーク・協議体: councils and networks that connect the people and groups of an area
// (DOMAIN.md "Network / council"), with their meetings, as plain structs.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/date.h"
#include "model/records.h"

namespace tsunagu {

// A member or observer: an organization record of the site (organization = id) or a name.
struct NetworkMember {
    std::string organization;  // organization id, or ""
    std::string name;          // when not a record
    std::string category;      // 自治会・町内会, 社会福祉協議会, 行政 …
    std::string role;          // 委員, 事務局 …
    int count = 1;             // people from it
    int line = 0;

    int organization_ix = -1;  // resolve
};

// One edge of the relationship diagram; from/to are member organization ids or member names.
struct NetworkLink {
    std::string from;
    std::string to;
    std::string label;         // 連携 | バックアップ | 事務局 | 委託 | 助成 | 参加 | 情報提供 | 相談
    int line = 0;
};

struct Meeting {
    Date date;
    std::string title;
    std::vector<std::pair<std::string, int>> attendance;  // sector → people, in file order
    std::vector<std::string> agenda;
    std::vector<std::string> decisions;
};

struct NetworkOutput {
    std::string title;
    Date date;
    std::string kind;          // 報告書 | マップ | 提言 | 冊子 | イベント
    std::string url;
};

struct Precursor {
    std::string name;
    Date from;
    Date to;
    std::string note;
};

struct Network {
    RecordMeta meta;
    std::string name;
    std::string nickname;
    std::string reading;
    std::string kind;          // a network_kinds() label
    std::string area;          // area id
    std::string convener;      // organization id
    std::string secretariat;   // organization id
    std::string chair_role;
    std::string chair_organization;  // organization id, or ""
    std::vector<NetworkMember> members;
    std::vector<NetworkMember> observers;
    std::string frequency;     // 年4回
    Date founded;
    std::vector<Precursor> precursors;
    std::vector<NetworkLink> links;
    std::vector<Meeting> meetings;    // resolve sorts them by date
    std::vector<NetworkOutput> outputs;
    std::string description;   // Markdown

    // resolve
    int area_ix = -1;
    int convener_ix = -1;
    int secretariat_ix = -1;
    int chair_ix = -1;
    std::vector<int> reports_ix;  // council reports, by fiscal year
};

const std::vector<std::string>& network_kinds();
const std::vector<std::string>& network_link_labels();

}  // namespace tsunagu
