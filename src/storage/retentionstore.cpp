#include "storage/retentionstore.h"

#include "storage/sqlutil.h"

#include <QSqlQuery>
#include <QStringList>

namespace bulletin {

RetentionStore::RetentionStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

int RetentionStore::prune(qint64 feedId, const Limits &limits, const QList<qint64> &keep)
{
    const bool byAge = limits.olderThan.isValid();
    const bool byCount = limits.maxCount > 0;
    if (!byAge && !byCount)
        return 0;

    QString sql = QStringLiteral("DELETE FROM articles WHERE feed_id = ?");
    QVariantList values{feedId};
    if (limits.keepUnread)
        sql += QStringLiteral(" AND id NOT IN (SELECT id FROM unread_articles)");
    if (limits.keepBookmarked)
        sql += QStringLiteral(
            " AND NOT EXISTS (SELECT 1 FROM bookmarks b WHERE b.article_id = articles.id)");
    if (!keep.isEmpty()) {
        for (qint64 id : keep)
            values << id;
        sql += QStringLiteral(" AND id NOT IN (%1)").arg(sql::placeholders(keep.size()));
    }
    QStringList reasons;
    if (byAge) {
        reasons << QStringLiteral("sort_date < ?");
        values << limits.olderThan.toSecsSinceEpoch();
    }
    if (byCount) {
        reasons << QStringLiteral("id NOT IN (SELECT id FROM articles WHERE feed_id = ? "
                                  "ORDER BY sort_date DESC, id DESC LIMIT ?)");
        values << feedId << limits.maxCount;
    }
    sql += QStringLiteral(" AND (%1)").arg(reasons.join(QStringLiteral(" OR ")));

    QSqlQuery q(m_db);
    if (!sql::run(q, sql, values))
        return -1;
    return q.numRowsAffected();
}

} // namespace bulletin
