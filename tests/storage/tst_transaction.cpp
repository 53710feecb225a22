#include "storage/database.h"
#include "storage/sqlutil.h"
#include "storage/transaction.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace bulletin;

namespace {

bool insert(Database &db, const char *key)
{
    return QSqlQuery(db.connection())
        .exec(QStringLiteral("INSERT INTO meta(key, value) VALUES ('%1', 'v')")
                  .arg(QLatin1String(key)));
}

QString keys(Database &db)
{
    QSqlQuery q(db.connection());
    QStringList found;
    q.exec(QStringLiteral("SELECT key FROM meta ORDER BY key"));
    while (q.next())
        found << q.value(0).toString();
    return found.join(QLatin1Char(','));
}

// Another program's connection that holds the cache's write lock until it gives it up.
class LockHolder final
{
public:
    explicit LockHolder(const QString &path)
    {
        QString error;
        if (!m_db.open(path, &error)
            || !QSqlQuery(m_db.connection()).exec(QStringLiteral("BEGIN IMMEDIATE")))
            qFatal("cannot take the lock: %s", qPrintable(error));
    }
    void release()
    {
        if (std::exchange(m_holding, false))
            QSqlQuery(m_db.connection()).exec(QStringLiteral("ROLLBACK"));
    }

private:
    Database m_db;
    bool m_holding = true;
};

// A busy handler for `db` that gives up at once, and lets the lock go at that moment: as
// when another program held the lock for the whole busy timeout and finished just after.
void giveUpThenRelease(Database &db, LockHolder *holder)
{
    sqlite3_busy_handler(
        sql::nativeHandle(db.connection()),
        [](void *lock, int) {
            static_cast<LockHolder *>(lock)->release();
            return 0;
        },
        holder);
}

} // namespace

class tst_Transaction final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rollsBackUnlessCommitted()
    {
        QTemporaryDir dir;
        Database db;
        QString error;
        QVERIFY(db.open(dir.filePath(QStringLiteral("c.sqlite")), &error));
        {
            Transaction t(db.connection());
            QVERIFY(insert(db, "a"));
        }
        QCOMPARE(keys(db), QString());
        {
            Transaction t(db.connection());
            QVERIFY(insert(db, "a"));
            QVERIFY(t.commit());
        }
        QCOMPARE(keys(db), QStringLiteral("a"));
    }

    void insideAnotherIsASavepoint()
    {
        QTemporaryDir dir;
        Database db;
        Database other; // another connection to the same file, on the same thread
        QString error;
        QVERIFY(db.open(dir.filePath(QStringLiteral("c.sqlite")), &error));
        QVERIFY(other.open(dir.filePath(QStringLiteral("c.sqlite")), &error));
        {
            Transaction outer(db.connection());
            QVERIFY(outer.isActive());
            QVERIFY(insert(db, "a"));
            {
                Transaction kept(db.connection());
                QVERIFY(kept.isActive());
                QVERIFY(insert(db, "b"));
                QVERIFY(kept.commit());
            }
            {
                Transaction dropped(db.connection());
                QVERIFY(insert(db, "c"));
                {
                    Transaction deeper(db.connection());
                    QVERIFY(insert(db, "d"));
                    QVERIFY(deeper.commit());
                }
            } // rolled back: c, and d with it
            QCOMPARE(keys(db), QStringLiteral("a,b"));
            QCOMPARE(keys(other), QString()); // nothing is committed before the outer commit
            QVERIFY(outer.commit());
        }
        QCOMPARE(keys(other), QStringLiteral("a,b"));
        {
            Transaction outer(db.connection());
            {
                Transaction inner(db.connection());
                QVERIFY(insert(db, "e"));
                QVERIFY(inner.commit());
            }
        } // the outer one rolls back what its savepoint kept
        QCOMPARE(keys(other), QStringLiteral("a,b"));
        // After all that, a transaction is a transaction of its own again.
        {
            Transaction t(db.connection());
            QVERIFY(insert(db, "f"));
            QVERIFY(t.commit());
        }
        QCOMPARE(keys(other), QStringLiteral("a,b,f"));
    }

    void writesNothingWhenItCannotBegin()
    {
        // Another program held the write lock for the whole busy timeout and let it go just
        // after: the statements that follow the failed BEGIN would each commit on their own.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        Database db;
        QString error;
        QVERIFY(db.open(path, &error));
        LockHolder other(path);
        giveUpThenRelease(db, &other);
        {
            Transaction t(db.connection());
            QVERIFY(!t.isActive());
            QCOMPARE(
                sql::lastFailure(db.connection()),
                QStringLiteral("another program is writing to it (try again when it is done)"));
            QVERIFY(!insert(db, "a"));
            {
                Transaction inner(db.connection());
                QVERIFY(!inner.isActive());
                QVERIFY(!insert(db, "b"));
                QVERIFY(!inner.commit());
            }
            QVERIFY(!insert(db, "c"));
            QVERIFY(!t.commit());
        }
        QCOMPARE(keys(db), QString());
        // The connection is whole again once the failed transaction is gone.
        QVERIFY(insert(db, "d"));
        QCOMPARE(keys(db), QStringLiteral("d"));
    }

    void writesNothingAfterSQLiteRolledItBack()
    {
        // SQLITE_FULL or SQLITE_IOERR in one statement can make SQLite roll the whole
        // transaction back and go on in autocommit mode: the rest of the import would
        // then commit story by story (one of them without its body). A ROLLBACK of its
        // own does here what SQLite does then.
        QTemporaryDir dir;
        Database db;
        QString error;
        QVERIFY(db.open(dir.filePath(QStringLiteral("c.sqlite")), &error));
        {
            Transaction t(db.connection());
            QVERIFY(insert(db, "a"));
            QVERIFY(QSqlQuery(db.connection()).exec(QStringLiteral("ROLLBACK")));
            QVERIFY(!insert(db, "b"));
            {
                Transaction inner(db.connection());
                QVERIFY(!inner.isActive());
                QVERIFY(!insert(db, "c"));
                QVERIFY(!inner.commit());
            }
            QVERIFY(!t.commit());
        }
        QCOMPARE(keys(db), QString());
        {
            Transaction t(db.connection());
            QVERIFY(insert(db, "d"));
            QVERIFY(t.commit());
        }
        QCOMPARE(keys(db), QStringLiteral("d"));
    }

    void statementsAfterACommitCommitOnTheirOwn()
    {
        // Only an open transaction holds statements back: once it has committed, the code
        // after it in the same scope writes as usual.
        QTemporaryDir dir;
        Database db;
        QString error;
        QVERIFY(db.open(dir.filePath(QStringLiteral("c.sqlite")), &error));
        Transaction t(db.connection());
        QVERIFY(insert(db, "a"));
        QVERIFY(t.commit());
        QVERIFY(insert(db, "b"));
        QCOMPARE(keys(db), QStringLiteral("a,b"));
    }
};

QTEST_GUILESS_MAIN(tst_Transaction)
#include "tst_transaction.moc"
