#pragma once

#include "core/feeds/parsedfeed.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace bulletin {

// Parses a feed document: RSS 0.90-2.0, RSS 1.0 (RDF), Atom 0.3/1.0, JSON Feed 1.0/1.1, and
// CAP 1.1/1.2 alerts (bare, or carried by Atom/RSS entries). The format is sniffed from the
// content, never from a file name or a Content-Type.
//
// charsetHint is the charset the transport announced (HTTP Content-Type), empty if none.
//
// documentUrl is the address the document was fetched from, after redirects; empty when
// it is not known (a file on disk). Relative URLs resolve against xml:base, and outside any
// xml:base against documentUrl (RFC 3986 5.1): item and feed links, enclosures, Atom
// related and CAP links, media URLs, and every href/src in summaries and content
// (resolveHtmlUrls). Without documentUrl only xml:base resolves them, as the corpus
// contract says, and other relative URLs stay as written.
//
// A pure function: no network, no files, thread-safe. It never crashes or hangs on any
// input and never fetches external entities. Broken but recoverable input (undeclared HTML
// entities, a bare '&', a truncated document) gives a best-effort feed with
// wellFormed == false and a warning; otherwise the result holds a one-line error saying
// what is wrong and where.
//
// Bounded: one text (an item's HTML, a title, ...) keeps at most kMaxTextChars characters
// (inputlimits.h); a longer one is cut, ends with the cut notice, and the feed's warning
// says how many were cut. `bytes` is let go of as soon as it has been read: pass a
// temporary (or std::move) and the document is not held twice while it is parsed.
FeedParseResult parseFeed(QByteArray bytes, const QString &charsetHint = {},
                          const QUrl &documentUrl = {});

} // namespace bulletin
