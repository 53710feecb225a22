#pragma once

#include <QString>
#include <QStringView>
#include <QUrl>

namespace bulletin {

// Which URLs the sanitiser lets through, shared by links and images so that both read a URL
// the way a browser would: references already decoded, TAB/LF/CR removed anywhere, leading
// and trailing controls and white space (including Unicode spaces and U+FEFF) stripped, and
// relative URLs resolved against the article's link. Pure functions, thread-safe.

// The absolute http, https or mailto URL a link may point to, fully percent-encoded; empty
// when the link must lose its target (javascript:, data:, unknown schemes, unresolvable
// relative URLs, anything that hides a scheme behind control characters).
QString safeLinkUrl(QStringView raw, const QUrl &base);

struct ImageSource
{
    enum class Kind { None, Inline, Remote };
    Kind kind = Kind::None; // None: no usable source (missing, script, unknown scheme)
    QString url; // Inline: a data:image/... URL (not SVG); Remote: absolute http(s)
};

ImageSource classifyImageSource(QStringView raw, const QUrl &base);

// Whether url starts with a scheme and its ':' ("https:", "mailto:", "c:"): it is absolute
// (or names something no base changes), never a reference to resolve. Nothing is skipped
// before the scheme.
bool startsWithScheme(QStringView url);

// A relative reference made absolute, read the way safeLinkUrl reads it: the absolute http
// or https URL, fully percent-encoded, that raw leads to from base. Empty when there is
// nothing to resolve: raw has a scheme of its own (or hides one behind control characters),
// is empty, or is only a fragment ("#notes" points into the story itself, whose address is
// not base), or base is not an absolute http(s) URL.
QString resolvedRelativeUrl(QStringView raw, const QUrl &base);

} // namespace bulletin
