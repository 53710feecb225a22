#pragma once

#include "core/feeds/parsedfeed.h"

#include <QByteArray>
#include <QString>

namespace bulletin {

// Reads JSON Feed 1.0/1.1 (https://www.jsonfeed.org/version/1.1/). Titles and summaries
// are plain text by the spec and are taken as written; content_html is HTML.
// JSON Feed has no xml:base: relative URLs (url, home_page_url, attachments, image and the
// href/src in content_html) resolve against documentUrl, the address the feed came from;
// without one they stay as written. A string longer than kMaxTextChars (inputlimits.h) is
// cut, and the feed's warning says so. `bytes` is let go of once the JSON is read: pass a
// temporary (or std::move) so that the document and the text are not held twice.
FeedParseResult readJsonFeed(QByteArray bytes, const QString &documentUrl = {});

} // namespace bulletin
