// The theme's assets/ folder (style.css, print.css, images) copied as assets/… in the output.
#pragma once

#include <filesystem>
#include <string>

#include "model/diagnostic.h"
#include "model/output.h"

namespace tsunagu {

// Emits every regular file under theme_dir/assets/ in path order. A missing folder is fine
// (a theme may have no assets); an unreadable file is an error.
void emit_theme_assets(const std::filesystem::path& theme_dir, const EmitFile& emit, Diagnostics& diags);

// A theme file's whole content; "" when it is missing. A stylesheet that could close the
// <style> element it is embedded in comes back empty.
std::string read_theme_file(const std::filesystem::path& file);

}  // namespace tsunagu
