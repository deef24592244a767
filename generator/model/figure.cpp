#include "model/figure.h"

#include <string_view>

namespace tsunagu {

namespace {

struct Prefix {
    std::string_view text;
    double factor;
};
constexpr Prefix kPrefixes[] = {{"億", 1e8}, {"万", 1e4}, {"千", 1e3}};

}  // namespace

double figure_base_value(const Figure& f) {
    for (const Prefix& p : kPrefixes)
        if (f.unit.size() > p.text.size() && std::string_view(f.unit).substr(0, p.text.size()) == p.text) return f.value * p.factor;
    return f.value;
}

std::string figure_base_unit(const Figure& f) {
    for (const Prefix& p : kPrefixes)
        if (f.unit.size() > p.text.size() && std::string_view(f.unit).substr(0, p.text.size()) == p.text)
            return f.unit.substr(p.text.size());
    return f.unit;
}

}  // namespace tsunagu
