#pragma once

#include "core/opml/opmldocument.h"

#include <QByteArray>

namespace bulletin {

// Reads OPML 1.0 and 2.0 subscription lists.
//
// Outlines with an xmlUrl are feeds; outlines without one are folders (their text names the
// folder), nested to any depth. Feeds that appear more than once (same URL, compared after
// normalising the host and the "feed:" pseudo-scheme) are merged into the first one. Entries
// without a usable http(s) xmlUrl are skipped and reported in problems with their line.
//
// Safe on hostile input: entity declarations are refused (no "billion laughs"), nothing is
// fetched, and nesting depth only costs memory proportional to the file, never stack.
OpmlParseResult parseOpml(const QByteArray &data);

} // namespace bulletin
