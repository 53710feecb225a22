#pragma once

#include "net/fetchresult.h"
#include "services/refreshresult.h"
#include "services/retention.h"

#include <QDateTime>

namespace bulletin {

class Cache;

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

private:
    RefreshResult recordFailure(RefreshResult result, const QString &words,
                                const std::optional<QDateTime> &retryAfter);
    bool moveIfRedirected(qint64 feedId, const FetchResult &fetched, RefreshResult *result);

    Cache &m_cache;
};

} // namespace bulletin
