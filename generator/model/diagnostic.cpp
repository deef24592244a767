#include "model/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace tsunagu {

Diagnostic make_error(std::string code, SourcePos pos, std::string ja, std::string en) {
    return Diagnostic{Severity::error, std::move(code), std::move(pos), std::move(ja), std::move(en), {}};
}

Diagnostic make_warning(std::string code, SourcePos pos, std::string ja, std::string en) {
    return Diagnostic{Severity::warning, std::move(code), std::move(pos), std::move(ja), std::move(en), {}};
}

static const char* severity_word(Severity s) {
    switch (s) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::note: return "note";
    }
    return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out;
    if (!d.pos.file.empty()) {
        out += d.pos.file;
        if (d.pos.line > 0) {
            out += ':' + std::to_string(d.pos.line);
            if (d.pos.column > 0) out += ':' + std::to_string(d.pos.column);
        }
        out += ": ";
    }
    out += severity_word(d.severity);
    out += ": ";
    out += d.code;
    out += ": ";
    out += d.ja;
    out += " (";
    out += d.en;
    out += ")";
    if (!d.hint.empty()) {
        out += "\n  hint: ";
        out += d.hint;
    }
    return out;
}

bool has_errors(const Diagnostics& ds) {
    return std::any_of(ds.begin(), ds.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

size_t count(const Diagnostics& ds, Severity s) {
    return static_cast<size_t>(std::count_if(ds.begin(), ds.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

void sort_diagnostics(Diagnostics& ds) {
    std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.pos.file, a.pos.line, a.pos.column, a.code) <
               std::tie(b.pos.file, b.pos.line, b.pos.column, b.code);
    });
}

}  // namespace tsunagu
