#pragma once

#include <QSqlDatabase>
#include <QString>

namespace bulletin {
class Cache;
}

namespace bench {

// What the generated cache holds, for the measurements that need particular stories.
struct CacheInfo
{
    QString path;
    int stories = 0;
    int feeds = 0;
    int folders = 0;
    qint64 bigFeedId = 0; // the feed with 10,000 stories
    qint64 mediumFeedId = 0; // the feed with 500 stories
    qint64 folderId = 0; // a folder of several feeds
    int bookmarks = 0;
    int advisories = 0;
    int withRelated = 0;
    double generateSeconds = 0; // 0 when an existing cache was reused
    qint64 fileBytes = 0;
};

// Generates (or reuses, when `path` holds a complete cache of the same size and generator
// version) a cache of `stories` stories through the real storage code. On failure returns
// false and sets *error.
bool generateCache(const QString &path, int stories, int feeds, bool fresh, CacheInfo *info,
                   QString *error);

// Indexes the stories stored with indexing deferred, in large batches, then merges the
// search indexes' segments as the refresh's writer does. On failure sets *error.
bool indexAndMerge(bulletin::Cache &cache, QString *error);

// Makes every story of the feed unread again (the generated state of the 10,000-story feed).
void markFeedUnread(QSqlDatabase db, qint64 feedId);

} // namespace bench
