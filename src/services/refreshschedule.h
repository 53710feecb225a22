#pragma once

#include "net/backoff.h"
#include "storage/records.h"

#include <QDateTime>

namespace bulletin {

// When feeds are due. A feed's own refresh_minutes wins over the default; the publisher's
// TTL (RSS <ttl>, or Cache-Control max-age, stored together as ttl_minutes) is a lower
// bound on the interval, itself capped so one odd header cannot silence a feed for weeks.
//
// Alert sources (a feed the user marked as one, or a feed that carries CAP alerts) have a
// default of their own, a few minutes: a new public warning should not wait an hour for
// the news feeds' interval. Conditional GET makes their frequent fetches mostly 304s.
struct RefreshSchedule
{
    int defaultMinutes = 60;
    int alertMinutes = 5; // the default of alert sources
    int minimumMinutes = 5; // never poll a server more often than this
    int maximumTtlMinutes = 24 * 60;
    BackoffPolicy backoff;
};

// The earliest time the feed should be fetched again: never-fetched feeds are due at once;
// failing feeds wait out the backoff (and any Retry-After); the others wait their interval
// after the last success. Invalid for the feeds not fetched here (isFetchedHere). Pure.
QDateTime nextRefreshTime(const FeedRecord &feed, const RefreshSchedule &schedule);

bool isRefreshDue(const FeedRecord &feed, const QDateTime &now, const RefreshSchedule &schedule);

// Whether Bulletin fetches the feed itself: a subscription, but neither a local source
// (nothing to fetch) nor a sync account's feed (its server fetches it, and a sync brings
// its stories). Refresh, OPML export and the feed's health ask this.
bool isFetchedHere(const FeedRecord &feed);

// Whether the feed is refreshed on the alert sources' interval.
bool isAlertFeed(const FeedRecord &feed);

} // namespace bulletin
