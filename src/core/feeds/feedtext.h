#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace bulletin {

// The text rules of the feed formats (see the corpus README, "Text"): how a title or a
// summary written as HTML, XHTML or plain text becomes plain text.

// RSS/RDF titles carry no type: read one as HTML when, after XML decoding, it has an HTML
// end tag (</b>) or an HTML character reference (&amp;, &#8217;) and no tag or reference
// that HTML does not know. Otherwise it is plain text, so "1 < 2" stays "1 < 2".
bool rssTitleLooksLikeHtml(QStringView title);

// Atom text constructs (and Atom 0.3 content): the kind of text an element holds.
enum class TextKind { Text, Html, Xhtml };

// From the type and mode attributes (Atom 1.0 "text"/"html"/"xhtml", Atom 0.3 MIME types
// and mode="escaped"); hasElements says whether the element had child elements.
TextKind textKindOf(QStringView type, QStringView mode, bool hasElements);

// A URL from a feed (a link, an enclosure, an xml:base) made absolute against base, the
// way RFC 3986 resolves a reference; url itself, exactly as written, when it is absolute
// (it has a scheme), when base is empty, when url is empty (an empty link is no link) or
// when the result would not be a valid URL.
QString resolveUrl(const QString &base, const QString &url);

// "jane@example.com (Jane Doe)" -> "Jane Doe"; "Jane Doe <jane@example.com>" -> "Jane Doe";
// a bare name or a bare e-mail address stays as it is.
QString authorName(QStringView rssAuthor);

// A duration as podcasts write it (itunes:duration, media:content's duration): seconds
// ("3723", "3723.5"), "MM:SS" or "HH:MM:SS". Nothing for anything else, a negative value or
// more than a year.
std::optional<qint64> parseDuration(const QString &text);

} // namespace bulletin
