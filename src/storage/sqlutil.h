#pragma once

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>
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

// "?,?,?": the markers of an IN list of `count` bound values.
inline QString placeholders(qsizetype count)
{
    QString marks = QStringLiteral("?,").repeated(count);
    marks.chop(1);
    return marks;
}

// Prepares and runs a query with positional bound values; logs and returns false on error.
bool run(QSqlQuery &query, const QString &sql, const QVariantList &values = {});

// Statements prepared once and run many times on one connection (SQLite's parse and plan
// cost more than the work of a small insert). Not copyable; destroy it before the
// connection closes.
class StatementCache
{
public:
    explicit StatementCache(QSqlDatabase db);
    StatementCache(const StatementCache &) = delete;
    StatementCache &operator=(const StatementCache &) = delete;

    // Runs `sql` with `values`; the query returned stays valid until the next run of the same
    // text. Read its rows, then let it be: the next run resets it. nullptr on error (logged).
    QSqlQuery *run(const QString &sql, const QVariantList &values = {});

private:
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_queries;
};

// A statement of a StatementCache run for reading, reset when this goes out of scope so
// that it holds no read snapshot open between calls.
class CachedRead
{
public:
    CachedRead(StatementCache &cache, const QString &sql, const QVariantList &values = {})
        : m_query(cache.run(sql, values))
    {
    }
    ~CachedRead()
    {
        if (m_query)
            m_query->finish();
    }
    CachedRead(const CachedRead &) = delete;
    CachedRead &operator=(const CachedRead &) = delete;

    // False when the statement could not run (logged by the cache).
    explicit operator bool() const { return m_query != nullptr; }
    QSqlQuery &operator*() const { return *m_query; }
    QSqlQuery *operator->() const { return m_query; }

private:
    QSqlQuery *m_query;
};

} // namespace bulletin::sql
