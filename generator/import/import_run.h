// `tsunagu import --into DIR FILE...`: open-data CSVs → record files in a site folder.
//
// What it writes, and what it never touches:
// - DIR/data/activities/<id>.yaml and DIR/data/organizations/<id>.yaml, each starting with a
//   comment line that names the source and carries a checksum of what import wrote. A re-import
//   rewrites such a file only while the checksum still matches: a file someone edited by hand,
//   or a record file that import did not write, is kept and reported, never overwritten.
// - Hand corrections belong in DIR/import/overrides.yaml (id → fields to replace, or
//   `skip: true`), which import reads and never writes; they are applied on every import.
// - DIR/import/reports/<file>.md: per source file, the counts, every diagnostic and the values
//   held back for review (a phone whose note says 山田様宅, a private-home address). DIR/import/
//   is never read by build and never published.
// - When DIR has no site.yaml, a minimal site (site.yaml, data/areas.yaml with each
//   municipality seen) is created so that `tsunagu build --source DIR` works at once.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace tsunagu {

struct ImportOptions {
    std::filesystem::path into;
    std::vector<std::filesystem::path> files;
    std::vector<std::string> content_types;  // --content-type: for rows whose kind cannot be told
    std::string as_of;                       // --as-of YYYY-MM-DD: 時点 of the imported records
};

struct ImportFileCounts {
    std::string file;
    std::string dataset;       // 子ども食堂一覧（新しい形式） …
    std::string encoding;
    int rows_read = 0;         // data rows (not the header, not blank rows)
    int imported = 0;          // written as records (new or updated)
    int unchanged = 0;         // of imported: the record file already said the same
    int merged = 0;            // supplement rows added as a venue of an existing ID
    int skipped = 0;           // rows that did not become a record (each has a diagnostic)
    int held_back = 0;         // values withheld from publication (see the report)
};

struct ImportResult {
    std::vector<ImportFileCounts> files;
    Diagnostics diagnostics;
    int organizations_created = 0;
    bool failed = false;  // a file could not be read or recognised
};

ImportResult run_import(const ImportOptions& options);

}  // namespace tsunagu
