// The fixed vocabularies of DOMAIN.md, each term with a stable ASCII slug for URLs and open data.
// Records name terms by their Japanese label; unknown labels are diagnostics that list the known ones.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace tsunagu {

struct Term {
    std::string_view label;  // 交流・サロン
    std::string_view slug;   // salon
    std::string_view en;     // Social gatherings
};

enum class Vocabulary { content_type, form, place_type, target_people, field, status, legal_form, channel, area_level };

std::span<const Term> terms(Vocabulary v);
// nullptr when the label is not a term of the vocabulary.
const Term* find_term(Vocabulary v, std::string_view label);
const Term* find_term_by_slug(Vocabulary v, std::string_view slug);
// Index of the term in terms(v), or -1.
int term_index(Vocabulary v, std::string_view label);
// "見守り、交流・サロン、…" for "known values are …" hints.
std::string known_labels(Vocabulary v);
// Field name used in diagnostics: "content_types", "form", …
std::string_view vocabulary_name(Vocabulary v);

}  // namespace tsunagu
