// How stages hand finished files to the write stage: a thread-safe sink, so rendering streams
// to disk instead of holding 100,000 pages in memory.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace tsunagu {

// rel_path is '/'-separated and relative to the output root ("activities/x.html").
// Must be safe to call from several threads at once.
using EmitFile = std::function<void(const std::string& rel_path, std::string_view content)>;

}  // namespace tsunagu
