#include "index/tokenizer.h"

#include <algorithm>

#include <unicode/uchar.h>

#include "text/normalize.h"
#include "text/utf8.h"

namespace tsunagu {

namespace {

enum class Kind { separator, japanese, word };

// Japanese characters are the ones worth cutting into bigrams (no spaces between words);
// everything else with letters or digits is written with spaces and searched as words.
Kind kind_of(char32_t c) {
    if ((c >= 0x3041 && c <= 0x309F) || (c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
        (c >= 0x3005 && c <= 0x3007) || c == 0x303B || c == 0x303C || is_ideograph(c))
        return Kind::japanese;
    const int32_t mask = U_MASK(u_charType(static_cast<UChar32>(c)));
    if (mask & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) return Kind::word;
    return Kind::separator;
}

struct Run {
    std::u32string text;
    Kind kind;
};

std::vector<Run> runs_of(std::string_view text) {
    std::vector<size_t> breaks;
    const std::u32string out = normalize_for_search_u32(text, &breaks);
    std::vector<Run> runs;
    size_t next_break = 0;
    Kind current = Kind::separator;
    for (size_t i = 0; i < out.size(); ++i) {
        bool boundary = false;
        while (next_break < breaks.size() && breaks[next_break] <= i) {
            if (breaks[next_break] == i) boundary = true;
            ++next_break;
        }
        const Kind k = kind_of(out[i]);
        if (k == Kind::separator) {
            current = Kind::separator;
            continue;
        }
        if (boundary || k != current || runs.empty()) runs.push_back({std::u32string(), k});
        current = k;
        runs.back().text += out[i];
    }
    return runs;
}

void japanese_tokens(const std::u32string& run, bool singles, std::vector<std::string>& out) {
    if (run.size() == 1) {
        out.push_back(from_u32(run));
        return;
    }
    for (size_t i = 0; i + 1 < run.size(); ++i) out.push_back(from_u32(run.substr(i, 2)));
    if (singles)
        for (char32_t c : run) out.push_back(encode_utf8(c));
}

std::vector<std::string> tokens(std::string_view text, bool index) {
    std::vector<std::string> out;
    for (const Run& r : runs_of(text)) {
        if (r.kind == Kind::japanese) japanese_tokens(r.text, index, out);
        else out.push_back(from_u32(r.text));
    }
    if (index) {
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }
    return out;
}

}  // namespace

std::vector<std::string> search_runs(std::string_view text) {
    try {
        std::vector<std::string> out;
        for (const Run& r : runs_of(text)) out.push_back(from_u32(r.text));
        return out;
    } catch (...) {
        return {};
    }
}

std::vector<std::string> tokenize_for_index(std::string_view text) {
    try {
        return tokens(text, true);
    } catch (...) {
        return {};
    }
}

std::vector<std::string> tokenize_query(std::string_view text) {
    try {
        return tokens(text, false);
    } catch (...) {
        return {};
    }
}

}  // namespace tsunagu
