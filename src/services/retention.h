#pragma once

#include <QHash>

namespace bulletin {

// How many stories a feed keeps and for how long. 0 means no limit. Unread and bookmarked
// stories are kept by default; a bookmark itself is never removed by retention (it keeps
// its own snapshot even when its story goes).
struct RetentionLimits
{
    int maxCount = 0;
    int maxAgeDays = 0;
    bool keepUnread = true;
    bool keepBookmarked = true;

    bool isUnlimited() const { return maxCount <= 0 && maxAgeDays <= 0; }
};

// Global limits for every feed, with per-feed overrides.
struct RetentionPolicy
{
    RetentionLimits global;
    QHash<qint64, RetentionLimits> perFeed;

    RetentionLimits limitsFor(qint64 feedId) const { return perFeed.value(feedId, global); }
};

} // namespace bulletin
