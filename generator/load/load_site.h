// load: files → records. Reads site.yaml, the areas file, data/<kind>/ and content/, in parallel,
// and returns every record with every problem found, sorted so the result never depends on timing.
#pragma once

#include <filesystem>

#include "model/diagnostic.h"
#include "model/site.h"

namespace tsunagu {

struct LoadOptions {
    unsigned threads = 0;  // 0 = all cores
};

// The returned Site is unresolved: references are ids only (see resolve/).
Site load_site(const std::filesystem::path& source_dir, Diagnostics& diags, const LoadOptions& options = {});

// Splits "---\nYAML\n---\nbody" into front matter and body; front_matter_line is the
// 1-based line where the YAML starts. Returns false when there is no front matter.
bool split_front_matter(std::string_view text, std::string_view& front_matter, std::string_view& body);

}  // namespace tsunagu
