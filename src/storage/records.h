#pragma once

#include "core/article.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bulletin {

// Rows as the stores hand them out. Plain values; ids are the cache's integer ids.

// A story in a list (the "S" of the command-line JSON).
struct StorySummary
{
    qint64 id = 0;
    QString guid;
    QString title;
    QString link;
    QString source; // the feed's (or local source's) title
    qint64 feedId = 0;
    QDateTime published; // invalid when unknown
    qint64 sortDate = 0; // Unix seconds, the list's sort key together with id
    bool read = false;
    bool bookmarked = false;
    bool hasAdvisory = false;
    bool headlineOnly = false;
};

// A related story as the reader shows it, resolved against the cache where possible.
struct RelatedStory
{
    QString title;
    QString link;
    QString kind; // "publisher" or "coverage"
    std::optional<qint64> id; // the cached story it resolves to
    QString source;
    QDateTime published;
    bool read = false; // coverage only: the user has read that story
};

struct StoryDetail
{
    StorySummary summary;
    QString author;
    QString html; // the stored body (unsanitised; sanitise before display)
    QString text; // plain text of the body, as indexed for search
    QStringList categories;
    QString note; // how the story was made (e.g. "title derived from ...")
    QString bookmarkNote; // the user's note on the story's bookmark, line breaks kept
    std::optional<Advisory> advisory;
    QList<RelatedStory> related; // the publisher's own links, in their order
    QList<Enclosure> enclosures; // podcasts, videos, attached files, in the feed's order
};

struct FolderRecord
{
    qint64 id = 0;
    QString name;
    qint64 parentId = 0; // 0 for a top-level folder
    qint64 accountId = 0; // a sync account's category; 0 for a local folder
};

struct FeedRecord
{
    qint64 id = 0;
    QString kind; // "feed" or "local"
    // A sync account's id for a feed its server fetches (url is empty; Bulletin's own
    // refresh, OPML export and feed health leave it out); 0 for a feed fetched here.
    qint64 accountId = 0;
    QString url;
    QString title;
    QString siteUrl;
    qint64 folderId = 0; // 0 when not in a folder
    bool alertSource = false; // the user's: every story is an advisory
    bool carriesAlerts = false; // the feed's last full read carried CAP alerts
    QByteArray etag;
    QString lastModified;
    QDateTime lastAttempt;
    QDateTime lastSuccess;
    QString lastError;
    QString lastWarning; // what the last successful read recovered from, in words
    int failures = 0;
    QDateTime retryAfter;
    int refreshMinutes = 0;
    int ttlMinutes = 0;
    int unread = 0;
    int total = 0;
};

struct BookmarkRecord
{
    qint64 bookmarkId = 0;
    std::optional<qint64> articleId; // empty once the story left the cache
    QString guid;
    QString title;
    QString link;
    QString source;
    QString feedUrl; // the feed's address when the story was bookmarked
    QDateTime published;
    QString text;
    QString html;
    QString note;
    QDateTime createdAt;
    bool read = false;
    bool hasAdvisory = false;
};

// Which stories a list shows.
struct StoryFilter
{
    // Account: every feed of a sync account (kept last: the settings store the kind's number).
    enum class Kind { All, Unread, Bookmarked, Advisories, Feed, Folder, Account };
    Kind kind = Kind::All;
    qint64 id = 0; // feed, folder or account id
    bool unreadOnly = false;

    friend bool operator==(const StoryFilter &, const StoryFilter &) = default;
    // Names the view, for what is remembered per view ("kind/id/unreadOnly").
    QString key() const
    {
        return QStringLiteral("%1/%2/%3").arg(int(kind)).arg(id).arg(int(unreadOnly));
    }
};

// Keyset position in a story list: the last listed story's sort keys. The date order reads
// (sortDate, id); the headline order (title, id); the source order (source, feedId, sortDate,
// id). See StoryOrder.
struct StoryCursor
{
    qint64 sortDate = 0;
    qint64 id = 0;
    QString title;
    QString source;
    qint64 feedId = 0;
};

} // namespace bulletin
