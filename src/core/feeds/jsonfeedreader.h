#pragma once

#include "core/feeds/parsedfeed.h"

#include <QByteArray>

namespace bulletin {

// Reads JSON Feed 1.0/1.1 (https://www.jsonfeed.org/version/1.1/). Titles and summaries
// are plain text by the spec and are taken as written; content_html is HTML.
FeedParseResult readJsonFeed(const QByteArray &bytes);

} // namespace bulletin
