// QR codes for printed handbooks: libqrencode's modules drawn as one SVG path, so a booklet
// reader's phone can open the record's web page. Error correction M, a 4-module quiet zone.
#pragma once

#include <string>
#include <string_view>

namespace tsunagu {

// An inline <svg> (role="img", aria-label = label) of the QR code of text, or "" when the text
// cannot be encoded (too long). size_mm sets the printed width and height.
std::string qr_svg(std::string_view text, std::string_view label, double size_mm = 20);

}  // namespace tsunagu
