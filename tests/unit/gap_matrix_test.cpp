// The coverage / gap matrix: counts per content type × form, ratings from data, gaps.
#include <doctest/doctest.h>

#include "model/gap_matrix.h"
#include "model/taxonomy.h"

using namespace tsunagu;

namespace {

Activity activity(const std::string& id, std::vector<std::string> types, const std::string& form, const std::string& status = "活動中") {
    Activity a;
    a.meta.id = id;
    a.content_types = std::move(types);
    a.form = form;
    a.status = status;
    return a;
}

const GapCell& cell(const GapMatrix& m, const char* type, const char* form) {
    return m.cells[term_index(Vocabulary::content_type, type)][term_index(Vocabulary::form, form)];
}

}  // namespace

TEST_CASE("counts per content type and form, each type of an activity in its row; ended and unformed activities noted") {
    Site site;
    site.gap_matrix.present = true;
    site.gap_matrix.forms = {"ご近所", "地縁組織", "居場所"};
    site.gap_matrix.content_types = {"見守り", "配食"};
    site.gap_matrix.suitability = {{'o', 'o', 't'}, {'x', 'x', 'x'}};
    site.activities = {
        activity("a", {"見守り", "交流・サロン"}, "地縁組織"),
        activity("b", {"見守り"}, "地縁組織"),
        activity("c", {"配食"}, "非営利団体"),
        activity("d", {"見守り"}, "ご近所", "終了"),  // ended: not counted
        activity("e", {"会食"}, ""),                  // no form: counted, in no column
    };
    const GapMatrix m = gap_matrix(site, {0, 1, 2, 3, 4});
    CHECK(m.rows.size() == terms(Vocabulary::content_type).size());
    CHECK(m.columns.size() == terms(Vocabulary::form).size());
    CHECK(m.activities == 4);
    CHECK(m.without_form == 1);
    CHECK(cell(m, "見守り", "地縁組織").count == 2);
    CHECK(cell(m, "交流・サロン", "地縁組織").count == 1);
    CHECK(cell(m, "配食", "非営利団体").count == 1);
    CHECK(cell(m, "見守り", "ご近所").count == 0);

    // Ratings come from data: ○ with no activity is a gap; △, × and unrated cells never are.
    CHECK(cell(m, "見守り", "ご近所").suitability == 'o');
    CHECK(cell(m, "見守り", "ご近所").gap);
    CHECK_FALSE(cell(m, "見守り", "地縁組織").gap);      // ○ with activities
    CHECK(cell(m, "見守り", "居場所").suitability == 't');
    CHECK_FALSE(cell(m, "見守り", "居場所").gap);
    CHECK(cell(m, "配食", "ご近所").suitability == 'x');
    CHECK_FALSE(cell(m, "配食", "ご近所").gap);
    CHECK(cell(m, "子ども食堂", "ご近所").suitability == 0);
    CHECK_FALSE(cell(m, "子ども食堂", "ご近所").gap);
    CHECK(m.gaps == 1);
    CHECK(std::string(suitability_mark('o')) == "○");
    CHECK(std::string(suitability_mark('t')) == "△");
    CHECK(std::string(suitability_mark('x')) == "×");
}

TEST_CASE("only the activities given are counted, and without a suitability table there are no gaps") {
    Site site;
    site.activities = {activity("a", {"見守り"}, "ご近所"), activity("b", {"見守り"}, "ご近所")};
    const GapMatrix m = gap_matrix(site, {1});
    CHECK(cell(m, "見守り", "ご近所").count == 1);
    CHECK(m.gaps == 0);
}
