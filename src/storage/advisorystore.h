#pragma once

#include "core/article.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace bulletin {

// Advisories across all sources: CAP alerts, article sections and user rules. This header
// is the whole public API of the advisories table for reading and dismissing them (they
// are written with their story by ArticleStore::upsert).
// Not thread-safe: use it on the thread that opened its connection.
class AdvisoryStore final
{
public:
    struct Record
    {
        qint64 storyId = 0;
        QString storyTitle;
        QString source;
        Advisory advisory;
        bool dismissed = false;
    };

    explicit AdvisoryStore(QSqlDatabase db);

    // Active ones first (most severe, then soonest to expire), then expired, superseded and
    // cancelled ones, newest first.
    QList<Record> advisories(bool activeOnly) const;
    // The most severe active advisory the user has not dismissed, for the window banner.
    std::optional<Record> mostSevereActive() const;
    bool setDismissed(qint64 storyId, bool dismissed);

    static int severityRank(const QString &severity); // Extreme 4 .. Unknown/empty 0

private:
    QSqlDatabase m_db;
};

} // namespace bulletin
