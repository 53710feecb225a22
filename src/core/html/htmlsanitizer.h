#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace bulletin {

// What the reader may do with an article's HTML.
struct SanitizeOptions {
    bool allowRemoteContent = false; // user allowed remote images for this story/feed
    QString baseUrl;                 // article link, for resolving relative href/src
};

// The result of sanitising: HTML that is safe to give a QTextBrowser, and the text it shows.
struct SanitizedHtml {
    QString html;            // safe HTML for a QTextBrowser
    QString text;            // the plain text the user sees (same text is indexed for search)
    QStringList blockedUrls; // remote resources that were not loaded (images etc.)
};

// Turns untrusted article HTML into a small, well-formed HTML subset: an allow-list of text
// elements and attributes, links only to http/https/mailto, no scripts, handlers, frames,
// forms or styles, and no remote resources unless options.allowRemoteContent is set (they
// are replaced by their alt text and listed in blockedUrls). Pure function, thread-safe.
SanitizedHtml sanitizeHtml(QStringView html, const SanitizeOptions &options = {});

} // namespace bulletin
