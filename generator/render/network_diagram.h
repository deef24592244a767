// The relationship diagram (関係図) of a network or council (協議体) as an inline SVG string,
// drawn by the tool: the secretariat (事務局) in the centre, the other members and observers
// around it on a ring, one line per link with its label written on it.
//
// Like the fund charts (svg_chart.h): role="img" with a <title> and a <desc> (aria-labelledby),
// every user string escaped, integer coordinates, the same input gives the same bytes, and
// nothing is told by colour alone — the links differ by dash pattern and carry their label as
// text, observers have a dashed border, the secretariat a thick one and the word 事務局. All
// styling is presentation attributes in black and grey ink, so the drawing needs no stylesheet
// and prints in black and white. The viewBox is 880 units wide whatever the member count (it
// grows taller instead), so at width 100% of a page column the text stays at 12–13 px.
#pragma once

#include <string>
#include <string_view>

#include "model/network.h"
#include "model/site.h"

namespace tsunagu {

// The diagram of n (a network of site, resolved: organization_ix and secretariat_ix filled).
// id_prefix is made safe with svg_id and starts every id inside the drawing (PREFIX-title,
// PREFIX-desc, PREFIX-arrow; a prefix that ends in '-' gets no second one), so that two
// diagrams on one page don't clash.
// Returns "" when the network has no links and fewer than 2 members.
std::string network_diagram_svg(const Site& site, const Network& n, std::string_view id_prefix);

}  // namespace tsunagu
