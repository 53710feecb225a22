#include "services/refreshschedule.h"

#include <algorithm>

namespace bulletin {

QDateTime nextRefreshTime(const FeedRecord &feed, const RefreshSchedule &schedule)
{
    if (!isFetchedHere(feed))
        return {};
    if (feed.failures > 0) {
        const QDateTime since = feed.lastAttempt.isValid()
            ? feed.lastAttempt
            : QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
        std::optional<QDateTime> retryAfter;
        if (feed.retryAfter.isValid())
            retryAfter = feed.retryAfter;
        return nextRetryTime(feed.failures, since, retryAfter, schedule.backoff, quint32(feed.id));
    }
    if (!feed.lastSuccess.isValid())
        return QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    int minutes = feed.refreshMinutes > 0 ? feed.refreshMinutes
        : isAlertFeed(feed)               ? schedule.alertMinutes
                                          : schedule.defaultMinutes;
    minutes = std::max(minutes, std::min(feed.ttlMinutes, schedule.maximumTtlMinutes));
    minutes = std::max(minutes, schedule.minimumMinutes);
    return feed.lastSuccess.addSecs(qint64(minutes) * 60);
}

bool isFetchedHere(const FeedRecord &feed)
{
    return feed.kind == QLatin1String("feed") && feed.accountId == 0;
}

bool isAlertFeed(const FeedRecord &feed)
{
    return feed.alertSource || feed.carriesAlerts;
}

bool isRefreshDue(const FeedRecord &feed, const QDateTime &now, const RefreshSchedule &schedule)
{
    const QDateTime next = nextRefreshTime(feed, schedule);
    return next.isValid() && next <= now;
}

} // namespace bulletin
