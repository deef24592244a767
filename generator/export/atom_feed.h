// opendata/updates.atom: an Atom feed (RFC 4287) of the records changed most recently, so a
// reader, a portal or another site can follow new and re-confirmed activities, consultation
// points and organizations without scraping.
#pragma once

#include <string>
#include <string_view>

#include "model/site.h"

namespace tsunagu {

inline constexpr size_t kAtomFeedEntries = 50;

// XML character data / attribute escaping (& < > " '), dropping characters XML 1.0 forbids.
std::string xml_escape(std::string_view s);

// The kAtomFeedEntries records with the latest max(last_confirmed, as_of), newest first, ties
// by kind and id; records with neither date are left out (an entry needs an <updated>).
// entries_written receives how many entries the feed holds.
std::string atom_feed(const Site& site, const std::string& base_url, size_t* entries_written = nullptr);

}  // namespace tsunagu
