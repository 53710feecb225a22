#pragma once

#include "core/advisory/advisoryrules.h"
#include "core/article.h"
#include "net/fetchresult.h"
#include "services/refreshresult.h"
#include "services/retention.h"

#include <QDateTime>

namespace bulletin {

class Cache;
struct ParsedFeed;

// A fetched feed turned into stories, before anything is stored: parsing and cleaning the
// items' HTML is most of a refresh's work and needs no database, so it runs on any thread.
struct PreparedFeed
{
    bool parsed = false;
    QString error; // in words, when the body is not a feed
    QString title; // the feed's own
    QString link;
    QString warning;
    bool carriesAlerts = false; // a CAP alert, or a feed whose entries carry or link them
    int ttlMinutes = 0;
    QList<Article> articles;
    AdvisoryRules rules; // what it was prepared with; store() applies them too
};

// Stores one fetched feed: parses the body, adds new stories, updates changed ones in place
// (keeping read and bookmark state), leaves unchanged ones alone, applies retention, moves
// the subscription on a permanent redirect and records the feed's health (validators and
// TTL on success, the error in words and any Retry-After on failure).
//
// Everything one write() does is one transaction: a kill at any moment leaves the feed as
// it was before or as it is after. Synchronous and not thread-safe: the refresh worker
// runs it on its own thread with its own Cache.
class FeedWriter final
{
public:
    explicit FeedWriter(Cache &cache);

    RefreshResult write(qint64 feedId, const FetchResult &fetched, const RetentionLimits &retention,
                        const QDateTime &now = QDateTime::currentDateTimeUtc());

    // The part of write() that needs no cache (thread-safe): parses a successful, modified
    // response and makes its stories, finding advisory sections by the rules' headings.
    static PreparedFeed prepare(const FetchResult &fetched, const AdvisoryRules &rules,
                                const QDateTime &now = QDateTime::currentDateTimeUtc());
    // write() for a response already prepared (prepare() of the same `fetched`).
    RefreshResult store(qint64 feedId, const FetchResult &fetched, const PreparedFeed &prepared,
                        const RetentionLimits &retention,
                        const QDateTime &now = QDateTime::currentDateTimeUtc());

    // What storeStories() did.
    struct StoredStories
    {
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        int advisories = 0; // added or updated stories that are advisories
        QList<qint64> ids; // each story's id, in the order given
        QString error; // in words, when one could not be stored; the counts are 0 then
    };
    // The stories of one feed (advisory rules applied), as store() and `import` store them:
    // oldest first (feeds list newest first), so that ids keep reading order. Call it inside
    // a Transaction and roll back on an error.
    StoredStories storeStories(qint64 feedId, const QList<Article> &articles);

private:
    RefreshResult recordFailure(RefreshResult result, const QString &words,
                                const std::optional<QDateTime> &retryAfter);
    bool moveIfRedirected(qint64 feedId, const FetchResult &fetched, RefreshResult *result);

    Cache &m_cache;
};

} // namespace bulletin
