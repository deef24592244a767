// The per-document data of the search index that is not tokens: what a result shows (meta),
// what filters, counts and distance ordering read (facet columns), and the manifest's
// vocabularies and area tree. Layouts are documented in search_index.h and read by
// themes/default/assets/js/search.js.
#pragma once

#include <cstddef>

#include <nlohmann/json.hpp>

#include "model/site.h"

namespace tsunagu {

// [id, title, url, kind, categories, areas, summary, reading, schedule, lat, lon, approximate, status]
// kind 0 = activity, 1 = consultation point, 2 = organization; schedule is the schedule_json encoding or 0;
// lat/lon 0 when unknown; approximate 1 for a private home's rounded point.
nlohmann::json search_meta_row(const Site& site, size_t doc);

// Facet columns for documents [begin, end): {k, ct, fm, tg, ar, wd, td, fe, ac, st, la, lo, sc}.
//   k  kind (0/1/2)         ct content-type bits (term order; bit 31 = none known)
//   fm form term or -1     tg target-people bits
//   ar area indexes        wd weekday bits (bit 0 = Sunday), 0 = unknown
//   td time of day bits: 1 morning (starts before 12:00), 2 afternoon (before 17:00), 4 evening
//   fe fee: 0 unknown, 1 free, 2 paid     ac bits: 1 barrier-free, 2 pickup, 4 wheelchair toilet
//   st status term         la/lo latitude/longitude × 100000 rounded, 0 when unknown
//   sc schedule_json or 0
nlohmann::json search_facet_columns(const Site& site, size_t begin, size_t end);

// The vocabularies and area tree: {content_types, forms, targets, statuses: [[slug, label]],
// areas: [[id, name, parent, lat×1e5, lon×1e5, [町名…], reading]]}.
nlohmann::json search_manifest_vocabularies(const Site& site);

}  // namespace tsunagu
