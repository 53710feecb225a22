#pragma once

#include "net/fetchresult.h"

#include <QByteArray>
#include <QString>

namespace bulletin {

// A failed fetch in the words the sources list shows as the feed's last error: it starts
// with what kind of failure it was ("DNS failure", "TLS error", "HTTP 404", "timed out",
// "redirect loop", ...), then the fetcher's detail. Empty for a successful fetch.
QString fetchFailureWords(const FetchResult &result);

// A body that did not parse, in words: "not a feed ..." for a web page or a document that
// is no feed, else "parse error at line N, column M: ..." (or "parse error: <the parser's
// message>" when it names no line, as for JSON).
QString parseFailureWords(const QByteArray &body, const QString &contentType,
                          const QString &parserError);

// A read that recovered from broken input, in the words of the feed's health: "not
// well-formed at line 14, column 1 (premature end of document); 3 stories recovered" for a
// truncated or malformed document, whose stories before the damage are kept, or the
// parser's own warning ("repaired invalid bytes or undeclared entities; 12 stories read").
// Empty when the parser recovered from nothing.
QString recoveryWords(const QString &parserWarning, int stories);

// True when the body is an HTML page rather than a feed (by type, or by its first tag).
bool looksLikeHtml(const QByteArray &body, const QString &contentType);

} // namespace bulletin
