// Reads the fields of one YAML mapping into a plain struct, turning every problem into a
// diagnostic at the exact line: wrong types, bad values, unknown keys (with a "did you mean").
// Each accessor also declares its key as known, so finish() can report the keys nobody asked for.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "load/yaml_file.h"
#include "model/date.h"
#include "model/diagnostic.h"
#include "model/records.h"
#include "model/schedule.h"
#include "model/taxonomy.h"

namespace tsunagu {

enum class Need { optional, required };

class FieldReader {
public:
    // prefix names the enclosing field in messages ("venue." for venue's keys).
    FieldReader(const YAML::Node& map, const std::string& file, Diagnostics& diags, std::string prefix = {},
                int line_offset = 0);

    bool has(const char* key) const;
    SourcePos pos_of(const char* key) const;  // the value's position; the mapping's when absent
    SourcePos pos() const;                    // the mapping's position

    void text(const char* key, std::string& out, Need need = Need::optional);
    void texts(const char* key, std::vector<std::string>& out, Need need = Need::optional);
    // texts that later stages compare with other records: each element's position is kept in meta.
    void texts(const char* key, std::vector<std::string>& out, RecordMeta& meta, Need need = Need::optional);
    void integer(const char* key, std::optional<long long>& out, long long min, long long max);
    void integer(const char* key, std::optional<int>& out, int min, int max);
    // Whole yen, 0 or more ("1,000" and "1000円" accepted); decimals and negatives are errors.
    void yen(const char* key, std::optional<long long>& out, Need need = Need::optional);
    // A decimal number ("0.008", "1,234.5", full-width digits); decimals_out, when given, receives
    // the number of digits written after the point (the precision the writer meant).
    void number(const char* key, std::optional<double>& out, double min, double max, int* decimals_out = nullptr);
    // A fiscal year (年度): 2025, "2025", 令和7年度, R7年度, 2025年度 → 2025.
    void fiscal_year(const char* key, int& out, Need need = Need::optional);
    void boolean(const char* key, bool& out);
    void tri(const char* key, Tri& out);
    void date(const char* key, Date& out);
    void dates(const char* key, std::vector<Date>& out);
    void term(const char* key, Vocabulary v, std::string& out, Need need = Need::optional);
    void term_list(const char* key, Vocabulary v, std::vector<std::string>& out, Need need = Need::optional);
    void geo(const char* key, GeoPoint& out);
    void url(const char* key, std::string& out);
    void reading(const char* key, std::string& out);
    void id(const char* key, std::string& out, Need need = Need::required);
    // A reference to another record's id; its position is kept in meta for the check stage.
    void ref(const char* key, std::string& out, RecordMeta& meta, Need need = Need::optional);
    void refs(const char* key, std::vector<std::string>& out, RecordMeta& meta, Need need = Need::optional);
    void schedule(const char* key, Schedule& out);
    void contact(const char* key, Contact& out);
    void venue(const char* key, Venue& out, RecordMeta& meta);
    void meta_fields(RecordMeta& meta);  // id, source, as_of, last_confirmed
    void meta_fields_without_source(RecordMeta& meta);  // id, as_of, last_confirmed: a record whose source is structured

    // Returns the mapping under key after checking it is one (nullopt when absent or wrong type).
    std::optional<YAML::Node> mapping(const char* key);
    // Returns the sequence under key (a single mapping is accepted as a list of one).
    std::vector<YAML::Node> sequence(const char* key);

    // Reports unknown keys. Call once after every field was read.
    void finish();

    const std::string& file() const { return file_; }
    Diagnostics& diags() { return diags_; }
    int line_offset() const { return line_offset_; }

private:
    std::optional<YAML::Node> scalar_value(const char* key, const char* expected_ja, const char* expected_en);
    // A scalar or a list of scalars under key, as a list; other shapes are reported.
    std::vector<YAML::Node> scalar_items(const char* key, const char* expected_ja, const char* expected_en);
    void missing_if_empty(const char* key, bool empty, Need need, std::string hint = {});
    void type_error(const char* key, const YAML::Node& n, const char* expected_ja, const char* expected_en);
    void value_error(const char* key, const SourcePos& pos, const std::string& code, const std::string& ja,
                     const std::string& en, std::string hint = {});
    std::string name(const char* key) const { return prefix_ + key; }

    YAML::Node map_;
    std::string file_;
    Diagnostics& diags_;
    std::string prefix_;
    int line_offset_ = 0;
    std::vector<const char*> known_;
};

// Runs each(reader, line) on every mapping of the list under key (a reader whose messages say
// "key.field"), then reports its unknown keys; other shapes are reported once each.
template <typename F>
void for_each_mapping(FieldReader& r, const char* key, const char* shape_ja, F each);

// A plain decimal number ("1", "0.5", "1200"); nullopt for anything else. from_chars, so no
// exceptions and no locale.
std::optional<double> parse_decimal(std::string_view text);

// Edit distance in code points, for "did you mean" hints.
size_t edit_distance(std::string_view a, std::string_view b);
// The closest candidate within a small distance, or "".
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

template <typename F>
void for_each_mapping(FieldReader& r, const char* key, const char* shape_ja, F each) {
    for (const YAML::Node& n : r.sequence(key)) {
        const SourcePos at = node_pos(n, r.file(), r.line_offset());
        if (!n.IsMap()) {
            r.diags().push_back(make_error("field.type", at, std::string(key) + " の各項目は " + shape_ja + " で書いてください",
                                           std::string("each ") + key + " entry must be a mapping " + shape_ja));
            continue;
        }
        FieldReader e(n, r.file(), r.diags(), std::string(key) + ".", r.line_offset());
        each(e, at.line);
        e.finish();
    }
}

}  // namespace tsunagu
