#include "check/difficulty_check.h"

#include <set>

#include "load/field_reader.h"

namespace tsunagu {

namespace {

// Every word in `words` that is not in `known` is a warning at its own line.
void check_words(const Difficulty& d, const char* field, const std::vector<std::string>& words,
                 const std::set<std::string>& known, const std::vector<std::string>& known_list, const char* what_ja,
                 const char* what_en, Diagnostics& diags) {
    for (size_t i = 0; i < words.size(); ++i) {
        if (known.count(words[i])) continue;
        Diagnostic diag = make_warning(
            std::string("difficulty.") + field, field_position(d.meta, field, static_cast<int>(i)),
            std::string(field) + " の \"" + words[i] + "\" は、どの相談窓口の" + what_ja + "にもありません",
            std::string(field) + ": no consultation point has \"" + words[i] + "\" among its " + what_en);
        const std::string m = closest_match(words[i], known_list);
        if (!m.empty()) diag.hint = "「" + m + "」のことですか？ (did you mean \"" + m + "\"?)";
        diags.push_back(std::move(diag));
    }
}

}  // namespace

void check_difficulties(const Site& site, Diagnostics& diags) {
    if (site.difficulties.empty()) return;
    std::set<std::string> topics, types;
    for (const ConsultationPoint& p : site.consultation_points) {
        topics.insert(p.topics.begin(), p.topics.end());
        if (!p.generic_type.empty()) types.insert(p.generic_type);
    }
    const std::vector<std::string> topic_list(topics.begin(), topics.end());
    const std::vector<std::string> type_list(types.begin(), types.end());
    for (const Difficulty& d : site.difficulties) {
        check_words(d, "topics", d.topics, topics, topic_list, "相談内容（topics）", "topics", diags);
        check_words(d, "consultation_types", d.consultation_types, types, type_list, "種類（generic_type）",
                    "generic types", diags);
    }
}

}  // namespace tsunagu
