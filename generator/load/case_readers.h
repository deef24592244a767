// Readers for case studies (data/cases/), networks and councils (data/networks/), council
// annual reports (data/council-reports/) and the suitability table (data/gap-matrix.yaml).
#pragma once

#include <filesystem>

#include "load/field_reader.h"
#include "model/site.h"

namespace tsunagu {

CaseStudy read_case_study(FieldReader& r);
Network read_network(FieldReader& r);
CouncilReport read_council_report(FieldReader& r);
// data/gap-matrix.yaml when it exists; present = false otherwise.
GapMatrixSpec load_gap_matrix(const std::filesystem::path& source_dir, Diagnostics& diags);

}  // namespace tsunagu
