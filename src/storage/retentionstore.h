#pragma once

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

namespace bulletin {

// Retention deletes: takes old stories out of one feed. This header is the whole public API
// of those deletes; SQL stays behind it, with bound parameters. Bookmarks are never
// deleted here (their story link is cleared by the schema, their snapshot stays).
// Not thread-safe: use it on the thread that opened its connection, inside the caller's
// transaction for the feed.
class RetentionStore final
{
public:
    explicit RetentionStore(QSqlDatabase db);

    struct Limits
    {
        int maxCount = 0; // keep the newest this many (by sort date); 0: no limit
        QDateTime olderThan; // remove stories dated before this; invalid: no limit
        bool keepUnread = true;
        bool keepBookmarked = true;
    };

    // Deletes the feed's stories beyond the limits, except the ids in keep (the stories the
    // feed still lists, which would otherwise come back as new on the next refresh).
    // Returns how many went, or -1 on error.
    int prune(qint64 feedId, const Limits &limits, const QList<qint64> &keep);

private:
    QSqlDatabase m_db;
};

} // namespace bulletin
