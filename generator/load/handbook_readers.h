// Handbook definitions (handbooks/*.yaml): title, paper, audience and an ordered list of sections.
#pragma once

#include <filesystem>

#include "load/field_reader.h"
#include "model/handbook.h"

namespace tsunagu {

Handbook read_handbook(FieldReader& r);

// Reads the Markdown of sections given as `file:` (a path inside the source folder, .md).
void read_handbook_files(const std::filesystem::path& source_dir, std::vector<Handbook>& handbooks, Diagnostics& diags);

}  // namespace tsunagu
