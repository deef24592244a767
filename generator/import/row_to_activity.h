// One row of an open-data file → one activity record (as YAML to be written), with every
// value cleaned as far as it can be without guessing, and every doubt reported at file:line.
// Rows that hold private data (a phone whose note says 山田様宅, a venue that is someone's home)
// keep it out of the record: the value goes to the review list instead (see import_run.h).
#pragma once

#include <string>
#include <vector>

#include "import/open_dataset.h"
#include "import/yaml_writer.h"
#include "model/diagnostic.h"

namespace tsunagu {

// A value held back from publication, for a person to look at.
struct ReviewItem {
    int line = 0;
    std::string record_id;
    std::string field;       // the column it came from (電話番号1 …)
    std::string value;       // the withheld or doubtful value
    std::string reason_ja;
    std::string reason_en;
    bool withheld = true;    // false: published, but worth a look (a mobile number without a note)
};

struct RowContext {
    std::string file;          // as shown in diagnostics
    std::string file_name;     // the bare name (its leading digits may be the municipality code)
    const DatasetLayout* layout = nullptr;
    std::vector<std::string> content_types;  // --content-type: used when a row's own cannot be told
};

struct ImportedActivity {
    std::string id;
    int line = 0;
    std::string source_id;          // the ID / NO cell as written
    std::string municipality_code;  // 6 digits when known
    std::string municipality_name;
    std::string prefecture;
    std::string organization_name;
    std::string corporate_number;   // valid 法人番号 only
    std::string organization_id;    // tsunagu_運営団体ID (tsunagu's own files)
    std::vector<std::string> area_ids;  // tsunagu_地域ID
    std::string school_district;    // 学区, to find a smaller area by name
    bool has_content_type = true;   // false: nothing told us what kind of activity this is
    YamlValue record;               // the activity, without organization and areas yet
    std::vector<ReviewItem> review;
};

// Reads a row that has a name. Problems go to diags (warnings with the row's file:line).
ImportedActivity read_activity_row(const RowContext& ctx, const CsvRow& row, Diagnostics& diags);

// A supplement (_tsuika) row applied to a copy of the record it adds a venue to: the venue,
// schedule, fees and other cells the row fills replace the base record's.
void apply_supplement_row(const RowContext& ctx, const CsvRow& row, ImportedActivity& copy, Diagnostics& diags);

// Puts a record's keys in the order people expect to read them (id, name, reading, …).
void order_activity_keys(YamlValue& record);

// 5 digits (no check digit) → 6 digits; 6 valid digits as they are; else "".
std::string municipality_code_from_cell(std::string_view cell);

}  // namespace tsunagu
