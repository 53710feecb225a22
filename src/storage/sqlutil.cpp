#include "storage/sqlutil.h"

#include "storage/storagelog.h"
#include "storage/summaryrow.h"

#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

namespace bulletin::sql {

namespace {

sqlite3 *driverHandle(const QSqlDriver *driver)
{
    const QVariant handle = driver ? driver->handle() : QVariant();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(handle.constData());
    return nullptr;
}

} // namespace

sqlite3 *nativeHandle(const QSqlDatabase &db)
{
    return driverHandle(db.driver());
}

namespace {

// The last failure noted on each connection of this thread, by SQLite handle.
thread_local QHash<sqlite3 *, int> t_failures;

void note(sqlite3 *handle)
{
    if (!handle)
        return;
    const int code = sqlite3_extended_errcode(handle);
    // The veto of a statement inside a transaction SQLite already rolled back is not why
    // the write failed: keep what made SQLite roll it back.
    if (code != SQLITE_OK && code != SQLITE_CONSTRAINT_COMMITHOOK)
        t_failures.insert(handle, code);
}

} // namespace

void noteFailure(const QSqlDatabase &db)
{
    note(nativeHandle(db));
}

void clearFailure(const QSqlDatabase &db)
{
    t_failures.remove(nativeHandle(db));
}

QString lastFailure(const QSqlDatabase &db)
{
    return failureWords(t_failures.value(nativeHandle(db), SQLITE_OK));
}

void interrupt(sqlite3 *handle)
{
    if (handle)
        sqlite3_interrupt(handle);
}

QString withReason(const QString &message, const QSqlDatabase &db)
{
    const QString reason = lastFailure(db);
    return reason.isEmpty() ? message : QStringLiteral("%1: %2").arg(message, reason);
}

QString failureWords(int code)
{
    switch (code & 0xff) {
    case SQLITE_OK:
        return {};
    case SQLITE_FULL:
        return QStringLiteral("the disk is full");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return QStringLiteral("another program is writing to it (try again when it is done)");
    case SQLITE_READONLY:
        return QStringLiteral("it is read-only");
    case SQLITE_IOERR:
        return QStringLiteral("the disk reported an error");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return QStringLiteral("it is damaged");
    case SQLITE_CANTOPEN:
        return QStringLiteral("a file beside it cannot be created");
    case SQLITE_NOMEM:
        return QStringLiteral("out of memory");
    case SQLITE_CONSTRAINT:
        return code == SQLITE_CONSTRAINT_COMMITHOOK
            ? QStringLiteral("its transaction was interrupted")
            : QStringLiteral("a constraint failed");
    default:
        return QString::fromUtf8(sqlite3_errstr(code));
    }
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql)) {
        note(driverHandle(query.driver()));
        qCWarning(lcStorage) << "prepare failed:" << query.lastError().text() << sql;
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        note(driverHandle(query.driver()));
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
            noteFailure(m_db);
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
        noteFailure(m_db);
        qCWarning(lcStorage) << "query failed:" << query.lastError().text() << sql;
        return nullptr;
    }
    return &query;
}

NativeStatement::NativeStatement(sqlite3 *handle, const char *sql)
    : m_handle(handle)
    , m_sql(sql)
{
    if (sqlite3_prepare_v3(handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr)
        != SQLITE_OK) {
        qCWarning(lcStorage) << "prepare failed:" << sqlite3_errmsg(handle) << sql;
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
    }
}

NativeStatement::~NativeStatement()
{
    sqlite3_finalize(m_statement);
}

void NativeStatement::bind(int position, qint64 value)
{
    sqlite3_bind_int64(m_statement, position, value);
}

void NativeStatement::bind(int position, const QString &text)
{
    if (text.isNull()) {
        sqlite3_bind_null(m_statement, position);
        return;
    }
    m_texts.append(text.toUtf8());
    const QByteArray &utf8 = m_texts.constLast();
    sqlite3_bind_text(m_statement, position, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

void NativeStatement::bindNullIfEmpty(int position, const QString &text)
{
    if (text.isEmpty())
        sqlite3_bind_null(m_statement, position);
    else
        bind(position, text);
}

void NativeStatement::bindBlob(int position, const QByteArray &bytes)
{
    if (bytes.isNull()) {
        sqlite3_bind_null(m_statement, position);
        return;
    }
    m_texts.append(bytes);
    const QByteArray &kept = m_texts.constLast();
    sqlite3_bind_blob(m_statement, position, kept.constData(), int(kept.size()), SQLITE_STATIC);
}

void NativeStatement::bindTime(int position, const QDateTime &time)
{
    if (time.isValid())
        sqlite3_bind_int64(m_statement, position, time.toSecsSinceEpoch());
    else
        sqlite3_bind_null(m_statement, position);
}

bool NativeStatement::step(bool *row)
{
    const int rc = sqlite3_step(m_statement);
    *row = rc == SQLITE_ROW;
    if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        return true;
    note(m_handle);
    qCWarning(lcStorage) << "query failed:" << sqlite3_errmsg(m_handle) << m_sql;
    return false;
}

bool NativeStatement::exec()
{
    bool row = false;
    const bool ok = step(&row);
    reset();
    return ok;
}

bool NativeStatement::first()
{
    bool row = false;
    return step(&row) && row;
}

qint64 NativeStatement::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QString NativeStatement::text(int column) const
{
    const auto *utf8 = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return utf8 ? QString::fromUtf8(utf8, sqlite3_column_bytes(m_statement, column)) : QString();
}

void NativeStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_texts.clear();
}

NativeStatements::NativeStatements(QSqlDatabase db)
    : m_db(std::move(db))
    , m_handle(nativeHandle(m_db))
{
}

NativeStatements::~NativeStatements() = default;

NativeStatement *NativeStatements::get(const char *sql)
{
    if (!m_handle)
        return nullptr;
    auto it = m_statements.find(sql);
    if (it == m_statements.end())
        it = m_statements.emplace(sql, std::make_unique<NativeStatement>(m_handle, sql)).first;
    return it->second->isValid() ? it->second.get() : nullptr;
}

qint64 NativeStatements::lastInsertId() const
{
    return m_handle ? sqlite3_last_insert_rowid(m_handle) : 0;
}

qint64 NativeStatements::totalChanges() const
{
    return m_handle ? sqlite3_total_changes64(m_handle) : 0;
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
    if (status == QLatin1String("active") && expires.isValid()
        && expires < QDateTime::currentDateTimeUtc())
        return QStringLiteral("expired");
    return status;
}

} // namespace bulletin::sql
