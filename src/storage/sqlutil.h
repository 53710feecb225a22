#pragma once

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

namespace bulletin::sql {

// Times are stored as Unix seconds; an invalid QDateTime is NULL.
inline QVariant fromTime(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

inline QDateTime toTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

inline QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

// Prepares and runs a query with positional bound values; logs and returns false on error.
bool run(QSqlQuery &query, const QString &sql, const QVariantList &values = {});

} // namespace bulletin::sql
