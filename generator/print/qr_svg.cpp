#include "print/qr_svg.h"

#include <qrencode.h>

#include <cstdio>
#include <memory>

#include "render/mustache.h"

namespace tsunagu {

std::string qr_svg(std::string_view text, std::string_view label, double size_mm) {
    const std::string data(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(data.c_str(), 0, QR_ECLEVEL_M), QRcode_free);
    if (!code) return {};
    const int n = code->width;
    constexpr int kQuiet = 4;
    const int total = n + 2 * kQuiet;
    // One path of unit squares, runs of dark modules in a row merged into one rectangle.
    std::string d;
    for (int y = 0; y < n; ++y) {
        int x = 0;
        while (x < n) {
            if (!(code->data[y * n + x] & 1)) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < n && (code->data[y * n + x + run] & 1)) ++run;
            d += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h" + std::to_string(run) + "v1h-" +
                 std::to_string(run) + "z";
            x += run;
        }
    }
    char size[32];
    std::snprintf(size, sizeof size, "%.1fmm", size_mm);
    return "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(total) + " " +
           std::to_string(total) + "\" width=\"" + size + "\" height=\"" + size + "\" role=\"img\" aria-label=\"" +
           mustache::escape_html(label) + "\" shape-rendering=\"crispEdges\"><rect width=\"" + std::to_string(total) + "\" height=\"" +
           std::to_string(total) + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + d + "\"/></svg>";
}

}  // namespace tsunagu
