#include "storage/advisorystore.h"

#include "storage/sqlutil.h"
#include "storage/summaryrow.h"

#include <QSqlQuery>

#include <algorithm>

namespace bulletin {

AdvisoryStore::AdvisoryStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

int AdvisoryStore::severityRank(const QString &severity)
{
    const QString s = severity.toLower();
    if (s == QLatin1String("extreme"))
        return 4;
    if (s == QLatin1String("severe"))
        return 3;
    if (s == QLatin1String("moderate"))
        return 2;
    if (s == QLatin1String("minor"))
        return 1;
    return 0;
}

QList<AdvisoryStore::Record> AdvisoryStore::advisories(bool activeOnly) const
{
    QList<Record> records;
    QSqlQuery q(m_db);
    if (!sql::run(q,
                  QStringLiteral("SELECT v.article_id, a.title, f.title, v.dismissed, %1 "
                                 "FROM advisories v JOIN articles a ON a.id = v.article_id "
                                 "JOIN feeds f ON f.id = a.feed_id "
                                 "ORDER BY coalesce(v.effective, a.sort_date) DESC, v.id DESC")
                      .arg(QLatin1String(sql::kAdvisoryColumns))))
        return records;
    while (q.next()) {
        Record r;
        r.storyId = q.value(0).toLongLong();
        r.storyTitle = q.value(1).toString();
        r.source = q.value(2).toString();
        r.dismissed = q.value(3).toBool();
        r.advisory = sql::readAdvisory(q, 4);
        if (activeOnly && r.advisory.status != QLatin1String("active"))
            continue;
        records << r;
    }
    std::stable_sort(records.begin(), records.end(), [](const Record &a, const Record &b) {
        const bool activeA = a.advisory.status == QLatin1String("active");
        const bool activeB = b.advisory.status == QLatin1String("active");
        if (activeA != activeB)
            return activeA;
        if (!activeA)
            return false; // the rest stay newest first
        const int rankA = severityRank(a.advisory.severity);
        const int rankB = severityRank(b.advisory.severity);
        if (rankA != rankB)
            return rankA > rankB;
        const QDateTime expiresA = a.advisory.expires;
        const QDateTime expiresB = b.advisory.expires;
        if (expiresA.isValid() != expiresB.isValid())
            return expiresA.isValid();
        return expiresA.isValid() && expiresA < expiresB;
    });
    return records;
}

std::optional<AdvisoryStore::Record> AdvisoryStore::mostSevereActive() const
{
    for (const Record &r : advisories(true)) {
        if (!r.dismissed)
            return r;
    }
    return std::nullopt;
}

bool AdvisoryStore::setDismissed(qint64 storyId, bool dismissed)
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("UPDATE advisories SET dismissed = ? WHERE article_id = ?"),
                    {dismissed ? 1 : 0, storyId});
}

} // namespace bulletin
