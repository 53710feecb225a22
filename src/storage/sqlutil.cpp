#include "storage/sqlutil.h"

#include "storage/storagelog.h"
#include "storage/summaryrow.h"

#include <QSqlError>

namespace bulletin::sql {

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql)) {
        qCWarning(lcStorage) << "prepare failed:" << query.lastError().text() << sql;
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qCWarning(lcStorage) << "query failed:" << query.lastError().text() << sql;
        return false;
    }
    return true;
}

StatementCache::StatementCache(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QSqlQuery *StatementCache::run(const QString &sql, const QVariantList &values)
{
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.prepare(sql)) {
            qCWarning(lcStorage) << "prepare failed:" << query.lastError().text() << sql;
            return nullptr;
        }
        it = m_queries.insert(sql, query);
    }
    QSqlQuery &query = it.value();
    query.finish();
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec()) {
        qCWarning(lcStorage) << "query failed:" << query.lastError().text() << sql;
        return nullptr;
    }
    return &query;
}

StorySummary readSummary(const QSqlQuery &q)
{
    StorySummary s;
    s.id = q.value(0).toLongLong();
    s.guid = q.value(1).toString();
    s.title = q.value(2).toString();
    s.link = q.value(3).toString();
    s.source = q.value(4).toString();
    s.feedId = q.value(5).toLongLong();
    s.published = toTime(q.value(6));
    s.sortDate = q.value(7).toLongLong();
    s.read = q.value(8).toBool();
    s.bookmarked = q.value(9).toBool();
    s.hasAdvisory = q.value(10).toBool();
    s.headlineOnly = q.value(11).toBool();
    return s;
}

Advisory readAdvisory(const QSqlQuery &q, int first)
{
    Advisory v;
    int c = first;
    v.origin = q.value(c++).toString();
    v.headline = q.value(c++).toString();
    v.text = q.value(c++).toString();
    v.instruction = q.value(c++).toString();
    v.severity = q.value(c++).toString();
    v.urgency = q.value(c++).toString();
    v.certainty = q.value(c++).toString();
    v.issuer = q.value(c++).toString();
    v.area = q.value(c++).toString();
    v.effective = toTime(q.value(c++));
    v.onset = toTime(q.value(c++));
    v.expires = toTime(q.value(c++));
    v.status = q.value(c++).toString();
    v.msgType = q.value(c++).toString();
    v.identifier = q.value(c++).toString();
    v.sender = q.value(c++).toString();
    const QString refs = q.value(c++).toString();
    if (!refs.isEmpty())
        v.references = refs.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    v.status = shownStatus(v.status, v.expires);
    return v;
}

QString shownStatus(const QString &status, const QDateTime &expires)
{
    if (status == QLatin1String("active") && expires.isValid() && expires < QDateTime::currentDateTimeUtc())
        return QStringLiteral("expired");
    return status;
}

} // namespace bulletin::sql
