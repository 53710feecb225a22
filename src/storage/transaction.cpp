#include "storage/transaction.h"

#include "storage/sqlutil.h"
#include "storage/storagelog.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace bulletin {

namespace {

// What the commit hook needs to know about a connection of this thread.
struct Guard
{
    int open = 0; // Transactions constructed and not yet committed or destroyed
    bool committing = false; // the outermost one is running its COMMIT
};

// By SQLite handle, for the connections of this thread that have a Transaction open (a
// connection belongs to one thread, and so does its commit hook's call). An entry goes
// when its last Transaction does, so that a handle's address reused by a later
// connection finds none.
thread_local QHash<sqlite3 *, Guard> t_guards;

// SQLite's commit hook: a non-zero return turns the commit into a rollback and fails the
// statement. Only the outermost Transaction's own COMMIT may commit while one is open.
int vetoStrayCommit(void *handle)
{
    const auto it = t_guards.constFind(static_cast<sqlite3 *>(handle));
    if (it == t_guards.cend() || it->open == 0 || it->committing)
        return 0;
    qCWarning(lcStorage) << "a statement tried to commit on its own inside a transaction that "
                            "is no longer open; it was undone";
    return 1;
}

bool exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    sql::noteFailure(db);
    qCWarning(lcStorage) << sql << "failed:" << query.lastError().text();
    return false;
}

} // namespace

void Transaction::guardConnection(sqlite3 *handle)
{
    if (handle)
        sqlite3_commit_hook(handle, &vetoStrayCommit, handle);
}

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
    , m_handle(sql::nativeHandle(m_db))
{
    Guard &guard = t_guards[m_handle];
    m_nested = guard.open > 0;
    ++guard.open;
    m_open = true;
    if (!m_nested) {
        sql::clearFailure(m_db);
        // IMMEDIATE takes the write lock up front (waiting up to the busy timeout), so a
        // transaction that reads before it writes cannot fail half-way because another
        // connection (the refresh writer, or the window marking a story read) wrote meanwhile.
        m_active = exec(m_db, QStringLiteral("BEGIN IMMEDIATE"));
        return;
    }
    // The outer transaction failed to begin or SQLite rolled it back: a savepoint now would
    // begin a transaction of its own and commit at its release.
    const bool outerOpen = m_handle && !sqlite3_get_autocommit(m_handle);
    m_active = outerOpen && exec(m_db, QStringLiteral("SAVEPOINT nested"));
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
    leave();
}

void Transaction::leave()
{
    if (!m_open)
        return;
    m_open = false;
    m_active = false;
    const auto it = t_guards.find(m_handle);
    if (it != t_guards.end() && --it->open <= 0)
        t_guards.erase(it);
}

void Transaction::rollback()
{
    // A savepoint is undone, then taken off the stack; the outer transaction goes on.
    // Either may find the transaction already gone (rolled back by SQLite): nothing to undo.
    if (m_nested) {
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK TO nested"));
        QSqlQuery(m_db).exec(QStringLiteral("RELEASE nested"));
    } else if (m_handle == nullptr || !sqlite3_get_autocommit(m_handle)) {
        QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    }
}

bool Transaction::commit()
{
    if (!m_active) {
        leave();
        return false;
    }
    bool committed = false;
    if (m_nested) {
        committed = exec(m_db, QStringLiteral("RELEASE nested"));
    } else if (m_handle && sqlite3_get_autocommit(m_handle)) {
        // SQLite rolled the transaction back after a failed statement: nothing to commit.
        qCWarning(lcStorage) << "the transaction was rolled back by SQLite before its commit";
    } else {
        Guard &guard = t_guards[m_handle];
        guard.committing = true;
        committed = exec(m_db, QStringLiteral("COMMIT"));
        guard.committing = false;
    }
    if (!committed)
        rollback();
    leave();
    return committed;
}

} // namespace bulletin
