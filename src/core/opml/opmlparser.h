#pragma once

#include "core/opml/opmldocument.h"

#include <QByteArray>
#include <QString>

namespace bulletin {

// Reads OPML 1.0 and 2.0 subscription lists.
//
// Outlines with an xmlUrl are feeds; outlines without one are folders (their text names the
// folder), nested to any depth. Feeds that appear more than once (same URL, compared after
// normalising the host and the "feed:" pseudo-scheme) are merged into the first one. Entries
// without a usable http(s) xmlUrl are skipped and reported in problems with their line.
//
// Safe on hostile input: entity declarations are refused (no "billion laughs"), nothing is
// fetched (neither an external DTD nor an entity), elements nested deeper than
// kMaxNestingDepth (inputlimits.h) are refused, and time is linear in the file. Bounded: one
// file gives at most 10,000 feeds (the first problem then says how many more it listed and where
// they start), and at most 100 problems are listed, then how many more there were.
OpmlParseResult parseOpml(const QByteArray &data);

// "feed:" is a pseudo-scheme some sites and browsers put in subscription links
// ("feed://example.org/rss", "feed:https://example.org/rss"); it means plain HTTP(S). Returns
// the address without it (other addresses as given).
QString withoutFeedScheme(const QString &raw);

} // namespace bulletin
