#pragma once

#include <QSqlDatabase>

struct sqlite3;

namespace bulletin {

// A write transaction on the connection: rolled back unless committed. Inside another
// Transaction on the same connection (and thread) it is a savepoint of it: its commit keeps
// its changes for the outer one to commit, its rollback undoes only its own.
//
// All or nothing, even when the caller does not look at isActive(): while a Transaction is
// open (constructed, not yet committed or destroyed) no statement on its connection commits
// on its own. That covers the two ways SQLite leaves a connection in autocommit mode under
// a transaction's feet:
// - BEGIN IMMEDIATE fails: another connection held the write lock for the whole busy
//   timeout, or the file cannot be written (read-only, full disk);
// - SQLite rolls the whole transaction back by itself after SQLITE_FULL, SQLITE_IOERR,
//   SQLITE_BUSY or SQLITE_NOMEM in one of its statements.
// Every later write in the transaction's scope then fails (vetoed by the connection's
// commit hook, see guardConnection()) instead of committing one by one, and commit()
// returns false. A Transaction inside one that failed or was rolled back fails too.
//
// Not thread-safe: a Transaction belongs to the thread of its connection.
class Transaction final
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // Whether BEGIN (or SAVEPOINT) succeeded and commit() has not run yet.
    bool isActive() const { return m_active; }
    // False when the transaction never began, was rolled back by SQLite, or COMMIT failed;
    // nothing of it is kept then.
    bool commit();

    // Installs on a connection the commit hook behind the guarantee above. Database does it
    // on every connection it opens; a connection without it still gets isActive() and
    // commit() right, but not the veto on statements that commit on their own.
    static void guardConnection(sqlite3 *handle);

private:
    void rollback();
    void leave();

    QSqlDatabase m_db;
    sqlite3 *m_handle = nullptr;
    bool m_open = false; // counted among the connection's open transactions
    bool m_active = false;
    bool m_nested = false;
};

} // namespace bulletin
