#include "render/grouped_pages.h"

namespace tsunagu {

std::vector<GroupSlice> group_slices(const std::vector<size_t>& group_of, size_t begin, size_t end) {
    std::vector<GroupSlice> out;
    for (size_t i = begin; i < end && i < group_of.size(); ++i) {
        if (out.empty() || out.back().group != group_of[i]) {
            GroupSlice s;
            s.group = group_of[i];
            s.continued = i == begin && i > 0 && group_of[i - 1] == group_of[i];
            s.begin = i;
            out.push_back(s);
        }
        out.back().end = i + 1;
    }
    return out;
}

}  // namespace tsunagu
