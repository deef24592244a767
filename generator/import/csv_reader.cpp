#include "import/csv_reader.h"

#include <algorithm>
#include <map>

namespace tsunagu {

namespace {

constexpr int kReportsPerCode = 10;

bool is_pad(char c) { return c == ' ' || c == '\t'; }

// Drops an incomplete UTF-8 sequence left at the end of s by a byte-count cut.
void drop_partial_utf8(std::string& s) {
    size_t i = s.size();
    size_t back = 0;
    while (i > 0 && back < 4 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) { --i; ++back; }
    if (i == 0) return;
    const auto lead = static_cast<unsigned char>(s[i - 1]);
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (lead >= 0x80 && back + 1 < need) s.resize(i - 1);
}

// Removes what a BOM can turn into at the start of the text.
size_t stray_prefix_length(std::string_view s) {
    static constexpr std::string_view kinds[] = {"\xEF\xBB\xBF", "\xEF\xBF\xBD", "?", "\xC3\xAF\xC2\xBB\xC2\xBF"};
    size_t pos = 0;
    for (bool found = true; found;) {
        found = false;
        for (std::string_view k : kinds) {
            if (s.substr(pos, k.size()) == k) { pos += k.size(); found = true; }
        }
    }
    return pos;
}

class Parser {
public:
    Parser(std::string_view text, const std::string& file, const CsvLimits& limits, CsvDocument& out)
        : s_(text), file_(file), limits_(limits), out_(out) {}

    void run() {
        const size_t prefix = stray_prefix_length(s_);
        if (prefix > 0) {
            report(Diagnostic{Severity::note, "csv.stray_prefix", pos_at(1),
                              "先頭の BOM・「?」などの余分な文字（" + std::to_string(prefix) + " バイト）を取り除きました",
                              "removed " + std::to_string(prefix) + " stray bytes (BOM, '?') before the first cell", {}});
            pos_ = prefix;
        }
        while (pos_ < s_.size()) {
            if (!read_row()) break;
        }
        if (!out_.skipped_lines.empty()) {
            const std::string n = std::to_string(out_.skipped_lines.size());
            out_.diagnostics.push_back(Diagnostic{
                Severity::note, "csv.blank_rows", pos_at(out_.skipped_lines.front()),
                "空の行（空行・カンマだけの行）を " + n + " 行読み飛ばしました",
                "skipped " + n + " empty rows (blank or only commas)", {}});
        }
        for (const auto& [code, n] : suppressed_) {
            if (n <= kReportsPerCode) continue;
            out_.diagnostics.push_back(Diagnostic{
                Severity::note, code, SourcePos{file_, 0, 0},
                "同じ問題がほかに " + std::to_string(n - kReportsPerCode) + " 件あります",
                std::to_string(n - kReportsPerCode) + " more of the same", {}});
        }
    }

private:
    SourcePos pos_at(int line) const { return SourcePos{file_, line, 0}; }

    void report(Diagnostic d) {
        if (++suppressed_[d.code] <= kReportsPerCode) out_.diagnostics.push_back(std::move(d));
    }

    // Consumes one line end at pos_ if there is one.
    bool take_line_end() {
        if (pos_ >= s_.size()) return false;
        if (s_[pos_] == '\n') { ++pos_; ++line_; return true; }
        if (s_[pos_] == '\r') {
            ++pos_;
            if (pos_ < s_.size() && s_[pos_] == '\n') ++pos_;
            ++line_;
            return true;
        }
        return false;
    }

    // Appends text to field, up to the field limit.
    void append(std::string& field, std::string_view text, bool& too_long) {
        const size_t room = limits_.max_field_bytes > field.size() ? limits_.max_field_bytes - field.size() : 0;
        if (text.size() > room) {
            too_long = true;
            text = text.substr(0, room);
        }
        field.append(text);
    }

    // Reads one field starting at pos_; stops at ',' / line end / EOF without consuming it.
    void read_field(std::string& field, int row_line) {
        bool too_long = false;
        while (pos_ < s_.size() && is_pad(s_[pos_])) ++pos_;
        if (pos_ < s_.size() && s_[pos_] == '"') {
            const int open_line = line_;
            ++pos_;
            bool closed = false;
            while (pos_ < s_.size()) {
                const size_t stop = s_.find_first_of("\"\r\n", pos_);
                const size_t end = stop == std::string_view::npos ? s_.size() : stop;
                append(field, s_.substr(pos_, end - pos_), too_long);
                pos_ = end;
                if (pos_ >= s_.size()) break;
                if (s_[pos_] == '"') {
                    if (pos_ + 1 < s_.size() && s_[pos_ + 1] == '"') {
                        append(field, "\"", too_long);
                        pos_ += 2;
                        continue;
                    }
                    ++pos_;
                    closed = true;
                    break;
                }
                take_line_end();
                append(field, "\n", too_long);
            }
            if (!closed) {
                report(make_error("csv.unterminated_quote", pos_at(open_line),
                                  "この行で始まる「\"」が閉じられないままファイルが終わっています",
                                  "the quote opened on this line is never closed before the end of the file"));
            }
            const size_t after = pos_;
            while (pos_ < s_.size() && is_pad(s_[pos_])) ++pos_;
            if (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '\r' && s_[pos_] != '\n') {
                report(make_warning("csv.text_after_quote", pos_at(line_),
                                    "閉じた「\"」の後ろに文字があります。そのままつなげて読みました",
                                    "text after a closing quote; it was appended to the field"));
                pos_ = after;
                read_unquoted(field, too_long);
            }
        } else {
            read_unquoted(field, too_long);
        }
        if (too_long) {
            drop_partial_utf8(field);
            report(make_error("csv.field_too_long", pos_at(row_line),
                              "項目が長すぎます（" + std::to_string(limits_.max_field_bytes) + " バイトまで）。超えた分は捨てました",
                              "field longer than " + std::to_string(limits_.max_field_bytes) + " bytes; the rest was dropped"));
        }
    }

    void read_unquoted(std::string& field, bool& too_long) {
        const size_t stop = s_.find_first_of(",\r\n", pos_);
        const size_t end = stop == std::string_view::npos ? s_.size() : stop;
        std::string_view text = s_.substr(pos_, end - pos_);
        while (!text.empty() && is_pad(text.back())) text.remove_suffix(1);
        pos_ = end;
        append(field, text, too_long);
        while (!field.empty() && is_pad(field.back())) field.pop_back();
    }

    // Reads one row; false when the cell limit stops the whole file.
    bool read_row() {
        CsvRow row;
        row.line = line_;
        std::string scratch;  // fields beyond max_fields are parsed here and dropped
        bool too_many = false;
        for (;;) {
            if (row.fields.size() < limits_.max_fields) {
                row.fields.emplace_back();
                read_field(row.fields.back(), row.line);
            } else {
                too_many = true;
                scratch.clear();
                read_field(scratch, row.line);
            }
            if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
            take_line_end();
            break;
        }
        if (too_many) {
            report(make_error("csv.too_many_fields", pos_at(row.line),
                              "1 行の項目が多すぎます（" + std::to_string(limits_.max_fields) + " 個まで）。超えた分は捨てました",
                              "more than " + std::to_string(limits_.max_fields) + " fields in one row; the rest were dropped"));
        }
        const bool blank = std::all_of(row.fields.begin(), row.fields.end(), [](const std::string& f) { return f.empty(); });
        if (blank) {
            out_.skipped_lines.push_back(row.line);
            return true;
        }
        cells_ += row.fields.size();
        if (cells_ > limits_.max_cells) {
            report(make_error("csv.too_many_cells", pos_at(row.line),
                              "ファイルが大きすぎます（項目は全部で " + std::to_string(limits_.max_cells) + " 個まで）。この行から後は読みません",
                              "the file has more than " + std::to_string(limits_.max_cells) + " cells; reading stopped at this row"));
            return false;
        }
        out_.rows.push_back(std::move(row));
        return true;
    }

    std::string_view s_;
    const std::string& file_;
    const CsvLimits& limits_;
    CsvDocument& out_;
    size_t pos_ = 0;
    int line_ = 1;
    size_t cells_ = 0;
    std::map<std::string, int> suppressed_;
};

}  // namespace

CsvDocument read_csv(std::string_view utf8, const std::string& file, const CsvLimits& limits) {
    CsvDocument out;
    Parser(utf8, file, limits, out).run();
    return out;
}

std::optional<size_t> find_header(const std::vector<CsvRow>& rows, const std::function<bool(const CsvRow&)>& is_header) {
    for (size_t i = 0; i < rows.size(); ++i)
        if (is_header(rows[i])) return i;
    return std::nullopt;
}

bool has_cell(const CsvRow& row, std::string_view cell) {
    return std::find(row.fields.begin(), row.fields.end(), cell) != row.fields.end();
}

}  // namespace tsunagu
