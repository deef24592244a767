// Grouped lists (organizations by kana row, consultation points by kind of 窓口) split into
// pages: each page repeats the heading of a group it continues, so every page reads on its own.
#pragma once

#include <cstddef>
#include <vector>

namespace tsunagu {

struct GroupSlice {
    size_t group = 0;        // the group's number, as given in group_of
    bool continued = false;  // the group began on an earlier page
    size_t begin = 0;        // entry range [begin, end) in the whole list
    size_t end = 0;
};

// The runs of equal groups among entries [begin, end); group_of[i] is entry i's group, and
// entries of one group are next to each other.
std::vector<GroupSlice> group_slices(const std::vector<size_t>& group_of, size_t begin, size_t end);

}  // namespace tsunagu
