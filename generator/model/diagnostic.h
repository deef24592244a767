// Diagnostics are values: every stage returns them, none throws them across stages.
// Each carries a stable code, a position when there is one, and Japanese and English text.
#pragma once

#include <string>
#include <vector>

namespace tsunagu {

// A place in a source file. line and column are 1-based; 0 means "unknown".
struct SourcePos {
    std::string file;  // path relative to the site source directory
    int line = 0;
    int column = 0;
};

enum class Severity { error, warning, note };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;  // stable, e.g. "schedule.weekday", "ref.dangling"
    SourcePos pos;
    std::string ja;    // 日本語の説明
    std::string en;    // English explanation
    std::string hint;  // optional "did you mean …" / "known values are …" (bilingual text)
};

using Diagnostics = std::vector<Diagnostic>;

Diagnostic make_error(std::string code, SourcePos pos, std::string ja, std::string en);
Diagnostic make_warning(std::string code, SourcePos pos, std::string ja, std::string en);

// "path:line:col: error: code: 日本語 (English)" — one line, plus "  hint: …" when there is a hint.
std::string format_diagnostic(const Diagnostic& d);

bool has_errors(const Diagnostics& ds);
size_t count(const Diagnostics& ds, Severity s);

// Sorts by file, line, column, code so output is deterministic whatever order stages ran in.
void sort_diagnostics(Diagnostics& ds);

}  // namespace tsunagu
