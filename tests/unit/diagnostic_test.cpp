#include <doctest/doctest.h>

#include "model/diagnostic.h"

using namespace tsunagu;

TEST_CASE("diagnostics print like a compiler's, in Japanese and English") {
    Diagnostic d = make_error("schedule.weekday", SourcePos{"data/places/sakura-salon.yaml", 12, 5},
                              "開催曜日 \"水よう\" は曜日として読めません", "cannot read \"水よう\" as a weekday");
    CHECK(format_diagnostic(d) ==
          "data/places/sakura-salon.yaml:12:5: error: schedule.weekday: 開催曜日 \"水よう\" は曜日として読めません "
          "(cannot read \"水よう\" as a weekday)");
    d.hint = "did you mean 水曜日?";
    CHECK(format_diagnostic(d).find("\n  hint: did you mean") != std::string::npos);
}

TEST_CASE("sorting is by file, line, column") {
    Diagnostics ds = {make_warning("b", {"b.yaml", 1, 1}, "", ""), make_error("a", {"a.yaml", 9, 1}, "", ""),
                      make_error("a", {"a.yaml", 2, 1}, "", "")};
    sort_diagnostics(ds);
    CHECK(ds[0].pos.line == 2);
    CHECK(ds[2].pos.file == "b.yaml");
    CHECK(has_errors(ds));
    CHECK(count(ds, Severity::warning) == 1);
}
