#pragma once

#include "core/html/htmltokenizer.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>

namespace bulletin {

// What the reader may do with an article's HTML.
struct SanitizeOptions
{
    bool allowRemoteContent = false; // user allowed remote images for this story/feed
    QString baseUrl; // article link, for resolving relative href/src
    bool textOnly = false; // only SanitizedHtml::text is wanted: html stays empty
};

// A link whose visible text misleads about its target (see assessLink).
struct FlaggedLink
{
    QString href; // exactly as it appears in the sanitised HTML
    QString reason; // the warning shown on hover and before opening it
};

// The result of sanitising: HTML that is safe to give a QTextBrowser, and the text it shows.
struct SanitizedHtml
{
    QString html; // safe HTML for a QTextBrowser
    QString text; // the plain text the user sees (same text is indexed for search)
    QStringList blockedUrls; // remote resources that were not loaded (images etc.), each
                             // once, in document order
    QList<FlaggedLink> flaggedLinks; // deceptive links, in document order
};

// Turns untrusted article HTML into a small, well-formed HTML subset that QTextBrowser
// renders: an allow-list of text elements (unknown ones lose their tags, keep their text),
// no attributes but a few harmless ones (no style, no on*), links only to absolute http,
// https or mailto URLs (relative ones resolved against options.baseUrl, dropped without
// one), no scripts, styles, forms or frames (an <iframe> becomes a link to its source).
// Remote images are loaded only with options.allowRemoteContent; otherwise they become
// "[alt text]" (or "[image]") and their URLs go to blockedUrls. Tracking pixels (1x1) are
// never loaded and always listed. Inline data:image/ sources (not SVG) are kept. Links
// whose text misleads about their target (see assessLink) keep their href, get the reason
// as their title and a visible " ⚠" after them. Pure function, thread-safe.
SanitizedHtml sanitizeHtml(QStringView html, const SanitizeOptions &options = {});

// How far the sanitiser has read, for a caller that maps the text back to the markup (see
// htmlWithoutText): called after each token with the token, where it ends in the input and
// how long SanitizedHtml::text is so far (before its trailing white space is trimmed).
// Positions are in htmlWithLineFeeds(html), the input as the sanitiser reads it.
using SanitizeObserver
    = std::function<void(const HtmlToken &token, qsizetype inputEnd, qsizetype textLength)>;
SanitizedHtml sanitizeHtml(QStringView html, const SanitizeOptions &options,
                           const SanitizeObserver &observer);

// HTML5 input preprocessing: CR LF and lone CR become LF.
QString htmlWithLineFeeds(QStringView html);

} // namespace bulletin
