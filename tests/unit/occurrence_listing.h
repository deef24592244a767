// Occurrences as short strings for test tables: "2026-01-10" untimed, "2026-01-10 600-720"
// with start and end minutes (the notation of tests/spec/occurrences.json).
#pragma once

#include <string>
#include <vector>

#include "text/occurrences.h"

namespace tsunagu::test {

inline std::vector<std::string> listed(const std::vector<Occurrence>& os) {
    std::vector<std::string> out;
    for (const Occurrence& o : os) {
        std::string s = to_iso(o.date);
        if (o.time.start >= 0 || o.time.end >= 0)
            s += " " + std::to_string(o.time.start) + "-" + std::to_string(o.time.end);
        out.push_back(s);
    }
    return out;
}

}  // namespace tsunagu::test
