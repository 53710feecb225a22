#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

class QMimeData;

namespace bulletin {

// What a story dragged out of the list carries: its link, for a browser's address bar or
// tab strip, a chat, a mail or a document. Only a web address goes (absolute http or https
// with a host): a feed's link can be anything, and a "javascript:" or "file:" link dropped
// on a browser would run or open what the feed chose. A story without such a link drags
// nothing.
struct StoryLink
{
    QUrl url;
    QString title; // the headline; may be empty
};

// The link a story's stored link gives a drag, or nullopt when it has none to give.
std::optional<QUrl> draggableStoryLink(const QString &link);

// The stories' links as a drag carries them: text/uri-list (the urls), text/plain (one link
// a line), text/x-moz-url (each link with its headline, the UTF-16 pairs Firefox and
// Chromium read for a bookmark's title) and text/html (a link a line, the headline as its
// text, escaped). nullptr when `links` is empty. The caller owns the result.
QMimeData *storyLinksMimeData(const QList<StoryLink> &links);

} // namespace bulletin
