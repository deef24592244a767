// Writes the records the importer makes as YAML that people can read and edit: a top-level
// block mapping in a fixed key order, short lists and small mappings in flow style, long text
// as a literal block. Every string is quoted unless it reads back as the same plain string,
// so a name like "yes", "0120" or "- 見守り" can never turn into a boolean, a number or a list.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tsunagu {

struct YamlValue {
    enum class Kind { text, raw, list, map };
    Kind kind = Kind::text;
    std::string scalar;                                   // text: the string; raw: written as is (numbers, true)
    std::vector<YamlValue> items;                         // list
    std::vector<std::pair<std::string, YamlValue>> entries;  // map, in order

    static YamlValue text(std::string s) { return YamlValue{Kind::text, std::move(s), {}, {}}; }
    static YamlValue raw(std::string s) { return YamlValue{Kind::raw, std::move(s), {}, {}}; }
    static YamlValue list() { return YamlValue{Kind::list, {}, {}, {}}; }
    static YamlValue map() { return YamlValue{Kind::map, {}, {}, {}}; }

    // map: sets key (replacing an earlier value of the same key, keeping its place).
    YamlValue& set(std::string_view key, YamlValue value);
    // map: the value of key, or nullptr.
    const YamlValue* find(std::string_view key) const;
    void erase(std::string_view key);
    bool empty() const;
};

// A scalar as YAML: plain when that reads back unchanged as a string, else double-quoted.
std::string yaml_scalar(std::string_view s);

// A whole document whose root is a map (one record), ending with a newline.
std::string write_yaml_document(const YamlValue& root);

}  // namespace tsunagu
