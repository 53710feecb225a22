#pragma once

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <memory>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace bulletin::sql {

// Times are stored as Unix seconds; an invalid QDateTime is NULL.
inline QVariant fromTime(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toSecsSinceEpoch())
                          : QVariant(QMetaType(QMetaType::LongLong));
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

// The bound values of an IN list of ids, for placeholders(ids.size()).
inline QVariantList idValues(const QList<qint64> &ids)
{
    QVariantList out;
    out.reserve(ids.size());
    for (qint64 id : ids)
        out.append(id);
    return out;
}

// The SQLite handle under a Qt SQL connection; nullptr when the connection is not SQLite's.
sqlite3 *nativeHandle(const QSqlDatabase &db);

// Prepares and runs a query with positional bound values; logs and returns false on error.
bool run(QSqlQuery &query, const QString &sql, const QVariantList &values = {});

// Why writes fail, in words a user can act on. The helpers here note each failed statement
// of a connection (noteFailure(), for code that runs its own); lastFailure() words the most
// recent one since the connection's outermost Transaction began ("the disk is full",
// "another program is writing to it", ...), or is empty when none was noted. SQLite's own
// error code cannot serve: the rollback after a failure resets it.
void noteFailure(const QSqlDatabase &db);
void clearFailure(const QSqlDatabase &db);
QString lastFailure(const QSqlDatabase &db);
// `message`, then ": " and lastFailure() when there is one.
QString withReason(const QString &message, const QSqlDatabase &db);
// Stops what runs on the connection of `handle` as soon as it can (sqlite3_interrupt); the
// statement fails. The one call here that may come from another thread than the
// connection's, while the connection stays open.
void interrupt(sqlite3 *handle);
// The words for an SQLite result code (primary or extended); empty for SQLITE_OK.
QString failureWords(int code);

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

// A statement prepared on the connection's own SQLite handle, for the few that a refresh
// runs for every story it stores. Binding through QSqlQuery wraps each value in a QVariant,
// names each position with QString::arg and hands text to SQLite as UTF-16 for it to
// convert back: a third of what storing a story cost. Positions start at 1, as in SQL.
// Text is bound as QSqlQuery binds it: a null QString is NULL.
class NativeStatement
{
public:
    NativeStatement(sqlite3 *handle, const char *sql); // logs when it cannot be prepared
    ~NativeStatement();
    NativeStatement(const NativeStatement &) = delete;
    NativeStatement &operator=(const NativeStatement &) = delete;

    bool isValid() const { return m_statement != nullptr; }

    void bind(int position, qint64 value);
    void bind(int position, const QString &text);
    void bindNullIfEmpty(int position, const QString &text);
    void bindTime(int position, const QDateTime &time); // an invalid time is NULL
    void bindBlob(int position, const QByteArray &bytes); // a null QByteArray is NULL

    // Runs a statement that returns no rows, then resets it. False on error (logged).
    bool exec();
    // Steps to the first row: true when there is one, to read with int64() and text()
    // before reset(). False when there is none or on error (logged).
    bool first();
    qint64 int64(int column) const;
    QString text(int column) const;
    // Ready to run again: bindings cleared, no read left open.
    void reset();

private:
    bool step(bool *row);

    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    const char *m_sql = nullptr;
    QList<QByteArray> m_texts; // the UTF-8 and blobs bound, kept until reset()
};

// NativeStatements prepared once per connection, by their SQL text (a string literal).
// Destroy it before the connection closes.
class NativeStatements
{
public:
    explicit NativeStatements(QSqlDatabase db);
    NativeStatements(const NativeStatements &) = delete;
    NativeStatements &operator=(const NativeStatements &) = delete;
    ~NativeStatements();

    // nullptr when the connection is not SQLite's or the statement cannot be prepared.
    NativeStatement *get(const char *sql);
    qint64 lastInsertId() const;
    // Rows changed on the connection since it opened, however they were changed.
    qint64 totalChanges() const;

private:
    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;
    std::unordered_map<const char *, std::unique_ptr<NativeStatement>> m_statements;
};

} // namespace bulletin::sql
