// The privacy rules of DOMAIN.md applied to records before rendering, indexing or export:
// a venue in a private home keeps only its 町丁目 and a rounded point.
#pragma once

#include <string>

#include "model/records.h"

namespace tsunagu {

// "あおば市桜ヶ丘2丁目3-4" → "あおば市桜ヶ丘2丁目"; "あおば市北町1-2-3" → "あおば市北町".
std::string address_to_chome(const std::string& address);
// Rounds a point to a grid of about 500 m so a house cannot be located from it.
GeoPoint rounded_point(const GeoPoint& p);
// Applies both to a venue marked private_home; also drops address_detail (方書).
void protect_private_venue(Venue& v);

}  // namespace tsunagu
