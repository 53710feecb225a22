#include "storage/database.h"

#include "storage/searchrank.h"
#include "storage/sqlutil.h"
#include "storage/storagelog.h"
#include "storage/storybody.h"

#include "storage/cachebackup.h"
#include "storage/cachefile.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QUrl>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>

namespace bulletin {

namespace {

QAtomicInt s_connectionCounter;

// Splits a migration script into statements. Statements end with ';' at the end of a
// line; a CREATE TRIGGER body runs until its "END;".
QStringList splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    bool inTrigger = false;
    const QStringList lines = script.split(QLatin1Char('\n'));
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (current.isEmpty() && (line.isEmpty() || line.startsWith(QLatin1String("--"))))
            continue;
        current += rawLine + QLatin1Char('\n');
        if (line.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive))
            inTrigger = true;
        const bool ends = inTrigger ? line.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0
                                    : line.endsWith(QLatin1Char(';'));
        if (ends) {
            statements << current.trimmed();
            current.clear();
            inTrigger = false;
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

QString migrationScript(int version)
{
    // Scripts are named NNNN_<what>.sql; find the one for this version.
    const QDir dir(QStringLiteral(":/migrations"));
    const QString prefix = QStringLiteral("%1_").arg(version, 4, 10, QLatin1Char('0'));
    const QStringList entries = dir.entryList({prefix + QStringLiteral("*.sql")}, QDir::Files);
    if (entries.isEmpty())
        return {};
    QFile file(dir.filePath(entries.first()));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// Whether every migration after `from` up to `to` says, on its first line, that it only
// adds indexes or changes their settings: "-- additive: ...".
bool onlyAdditive(int from, int to)
{
    for (int version = from + 1; version <= to; ++version) {
        if (!migrationScript(version).startsWith(QLatin1String("-- additive:")))
            return false;
    }
    return true;
}

// SQLite's error in words a user can act on ("the disk is full"), or its own text.
QString words(const QSqlError &error)
{
    const QString known = sql::failureWords(error.nativeErrorCode().toInt());
    return known.isEmpty()
            || known == QString::fromUtf8(sqlite3_errstr(error.nativeErrorCode().toInt()))
        ? error.databaseText()
        : known;
}

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = words(query.lastError());
    return false;
}

// The settings of every connection to a cache (WAL is kept in the file itself). The page
// cache is 16 MiB (SQLite's default is 2 MiB): enough for the story list's indexes, the
// search index's hot pages and a few pages of rows, so that paging and searching a large
// cache read memory rather than the file.
//
// No connection checkpoints on its own (SQLite's default is after any commit that leaves
// 1,000 pages or more in the write-ahead log): that copy is done by whichever commit comes
// along, the window's read marks included, and during a refresh it was a fifth of the
// writer's work. Database::checkpoint() does it instead, called by the refresh's writer
// once its work is done, and SQLite does it when the last connection closes; the writer's
// own commits also do it once the log passes a threshold (setCheckpointThreshold), which
// keeps the log bounded through long work. The log is cut back to 64 MiB once it has been
// copied.
bool configure(QSqlDatabase &db, QString *error)
{
    for (const char *pragma :
         {"PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON", "PRAGMA temp_store=MEMORY",
          "PRAGMA cache_size=-16384", "PRAGMA wal_autocheckpoint=0",
          "PRAGMA journal_size_limit=67108864"}) {
        if (!exec(db, QString::fromLatin1(pragma), error))
            return false;
    }
    Transaction::guardConnection(sql::nativeHandle(db));
    if (!sql::registerSearchRank(db)) {
        if (error)
            *error = QStringLiteral("its SQLite cannot rank search results (FTS5 is missing)");
        return false;
    }
    // The search index's triggers and content view read story bodies through these.
    if (!body::registerFunctions(db)) {
        if (error)
            *error = QStringLiteral("cannot set up reading story bodies");
        return false;
    }
    return true;
}

// Whether a migration freed much of the file and left the mark for compact() (schema 15
// does), or a compaction was cut short.
bool compactPending(QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT 1 FROM meta WHERE key = 'compact_pending'")) && q.next();
}

// Gives the pages a migration freed back to the file system, where the mark says so: VACUUM
// rewrites the file without them (schema 15 freed three quarters of a large cache). It runs
// in a transaction of its own: a kill leaves the file as it was, with the mark, and the
// next start does it again. It needs room for a copy of what the cache keeps (in a
// temporary file, not in memory: that can be gigabytes); without that room, or when it
// fails, the cache stays as it is and works, only larger, and the next start tries again.
void compact(QSqlDatabase &db, const QString &path)
{
    if (!compactPending(db))
        return;
    QSqlQuery q(db);
    qint64 pageSize = 0;
    qint64 freePages = 0;
    qint64 pages = 0;
    if (q.exec(QStringLiteral("PRAGMA page_size")) && q.next())
        pageSize = q.value(0).toLongLong();
    if (q.exec(QStringLiteral("PRAGMA freelist_count")) && q.next())
        freePages = q.value(0).toLongLong();
    if (q.exec(QStringLiteral("PRAGMA page_count")) && q.next())
        pages = q.value(0).toLongLong();
    q.finish();
    const qint64 kept = (pages - freePages) * pageSize;
    // A tenth of the file free is left for the cache's own writes to reuse.
    if (freePages * 10 > pages) {
        const QStorageInfo disk(QFileInfo(path).absolutePath());
        if (disk.bytesAvailable() >= 0 && disk.bytesAvailable() < kept + kept / 10) {
            qCWarning(lcStorage) << "not enough free space to give back"
                                 << freePages * pageSize / (1024 * 1024)
                                 << "MiB that the upgrade freed in" << path
                                 << "; trying again at the next start";
            return;
        }
        QString error;
        exec(db, QStringLiteral("PRAGMA temp_store=FILE"), nullptr);
        // The rewrite also lets the cache give back what it frees from now on
        // (Database::giveBackFreePages), as a cache made new does.
        exec(db, QStringLiteral("PRAGMA auto_vacuum=INCREMENTAL"), nullptr);
        const bool vacuumed = exec(db, QStringLiteral("VACUUM"), &error);
        exec(db, QStringLiteral("PRAGMA temp_store=MEMORY"), nullptr);
        if (!vacuumed) {
            qCWarning(lcStorage) << "cannot give back the space the upgrade freed in" << path << ":"
                                 << error << "; trying again at the next start";
            return;
        }
        qCInfo(lcStorage) << "gave back" << freePages * pageSize / (1024 * 1024) << "MiB of"
                          << path;
    }
    exec(db, QStringLiteral("DELETE FROM meta WHERE key = 'compact_pending'"), nullptr);
}

} // namespace

Database::Database()
    : m_connectionName(QStringLiteral("bulletin-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    close();
}

int Database::latestSchemaVersion()
{
    int version = 0;
    while (!migrationScript(version + 1).isEmpty())
        ++version;
    return version;
}

QString Database::defaultPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("cache.sqlite"));
}

bool Database::open(const QString &path, QString *error)
{
    close();
    m_backupPath.clear();
    m_readOnlyReason.clear();
    m_problem = Problem::None;
    // The checks run in their own function so that every query and connection handle is
    // gone before a failed open removes the connection.
    if (openAndMigrate(path, error))
        return true;
    close();
    if (m_problem == Problem::Damaged) {
        const QString backup = CacheBackup::newest(path);
        *error += backup.isEmpty() ? QStringLiteral("; there is no backup of it")
                                   : QStringLiteral("; the newest backup is %1, of %2")
                                         .arg(backup,
                                              QFileInfo(backup).lastModified().toString(
                                                  QStringLiteral("yyyy-MM-dd HH:mm")));
    }
    return false;
}

bool Database::openAndMigrate(const QString &path, QString *error)
{
    m_path = path;
    const CacheFile file = CacheFile::inspect(path);
    switch (file.state()) {
    case CacheFile::State::Missing:
        if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
            *error
                = QStringLiteral("cannot create the folder %1").arg(QFileInfo(path).absolutePath());
            return false;
        }
        if (!file.isWritable()) {
            *error
                = QStringLiteral("cannot create the cache %1: %2").arg(path, file.readOnlyReason());
            return false;
        }
        if (!create(path, error))
            return false;
        break;
    case CacheFile::State::Present:
        break;
    default:
        m_problem = file.isDamaged() ? Problem::Damaged : Problem::Unusable;
        *error = file.problem();
        return false;
    }
    m_readOnlyReason = file.readOnlyReason();
    if (!connectTo(path, error))
        return false;
    QSqlDatabase db = connection();

    // Read the version and the tables before anything writes: a newer cache, another
    // program's database or a damaged one must stay untouched.
    QString readError;
    const std::optional<Identity> identity = identify(db, &readError);
    if (!identity) {
        *error = readError.arg(path);
        return false;
    }
    const int version = identity->version;
    const int latest = latestSchemaVersion();
    if (identity->foreign) {
        m_problem = Problem::Foreign;
        *error = QStringLiteral(
                     "%1 is not a Bulletin cache: it is another program's SQLite database "
                     "(tables %2); it was left unchanged")
                     .arg(path, identity->tables.join(QStringLiteral(", ")));
        return false;
    }
    if (version > latest) {
        m_problem = Problem::Newer;
        *error = QStringLiteral("the cache %1 was written by a newer version of Bulletin "
                                "(schema %2; this version reads up to %3); it was left unchanged")
                     .arg(path)
                     .arg(version)
                     .arg(latest);
        return false;
    }
    const bool upgrade = version < latest;
    if (isReadOnly()) {
        if (upgrade) {
            *error = QStringLiteral(
                         "the cache %1 is read-only (%2) and an older Bulletin wrote it: it "
                         "must be upgraded from schema %3 to %4 before it can be read; it was "
                         "left unchanged")
                         .arg(path, m_readOnlyReason)
                         .arg(version)
                         .arg(latest);
            return false;
        }
        if (!configure(db, error)) {
            *error = QStringLiteral("cannot set up the cache %1: %2").arg(path, *error);
            return false;
        }
        qCInfo(lcStorage) << "opened" << path << "read-only:" << m_readOnlyReason;
        return true;
    }

    // Back up before anything writes to the file (switching to WAL rewrites its header).
    // A cache left in WAL mode is checkpointed first, so that the copy is complete.
    // Upgrades that only add indexes change no data, and a large cache's copy is long.
    if (upgrade && version > 0 && !onlyAdditive(version, latest)) {
        exec(db, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), nullptr);
        m_backupPath = CacheBackup::pathFor(path, version);
        // Copied under another name first: a full disk leaves the previous backup.
        const QString copying = m_backupPath + QStringLiteral(".new");
        QFile::remove(copying);
        if (!QFile::copy(path, copying)
            || ::rename(QFile::encodeName(copying).constData(),
                        QFile::encodeName(m_backupPath).constData())
                != 0) {
            QFile::remove(copying);
            *error = QStringLiteral(
                         "cannot back up the cache to %1 before upgrading it; it was left "
                         "unchanged (is the disk full?)")
                         .arg(m_backupPath);
            return false;
        }
        qCInfo(lcStorage) << "backed up" << path << "to" << m_backupPath;
    }

    // An upgrade runs with a rollback journal: it may rewrite most of the file, which a
    // write-ahead log would hold in full (and copy back) before the file is done. So does
    // giving back the space a migration freed (compact()), which rewrites the whole file.
    const bool compacting = upgrade || compactPending(db);
    const QString journal = compacting ? QStringLiteral("DELETE") : QStringLiteral("WAL");
    if (!exec(db, QStringLiteral("PRAGMA journal_mode=%1").arg(journal), error)
        || !configure(db, error)) {
        *error = QStringLiteral("cannot set up the cache %1: %2").arg(path, *error);
        return false;
    }

    if (!compacting)
        return true;
    if (upgrade && !migrate(version, error))
        return false;
    compact(db, path);
    if (!exec(db, QStringLiteral("PRAGMA journal_mode=WAL"), error)) {
        *error = QStringLiteral("cannot set up the cache %1: %2").arg(path, *error);
        return false;
    }
    // A migration may point a full-text table at new content (schema 4 does), which this
    // connection's parsed schema does not know yet: open it again.
    db.close();
    if (!db.open() || !configure(db, error)) {
        *error = QStringLiteral("cannot open the cache %1 after upgrading it: %2")
                     .arg(path, db.isOpen() ? *error : words(db.lastError()));
        return false;
    }
    return true;
}

bool Database::connectTo(const QString &path, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (isReadOnly()) {
        // SQLite reads a cache in WAL mode read-only only where its shared-memory file
        // exists or can be made; on a read-only mount it cannot, and the file is read as
        // immutable (no locks, nothing beside it). Its URI form needs the path encoded.
        const bool shm = QFileInfo::exists(path + QStringLiteral("-shm"));
        options += QStringLiteral(";QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI");
        db.setDatabaseName(
            QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded)
            + (shm ? QStringLiteral("?mode=ro") : QStringLiteral("?immutable=1")));
    } else {
        db.setDatabaseName(path);
    }
    db.setConnectOptions(options);
    if (!db.open()) {
        *error = QStringLiteral("cannot open the cache %1: %2").arg(path, words(db.lastError()));
        return false;
    }
    return true;
}

std::optional<Database::Identity> Database::identify(QSqlDatabase &db, QString *error)
{
    Identity identity;
    QSqlQuery query(db);
    const auto failed = [&] {
        const int code = query.lastError().nativeErrorCode().toInt();
        const QString reason = words(query.lastError());
        if ((code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB) {
            m_problem = Problem::Damaged;
            *error = QStringLiteral("the cache %1 is damaged: ") + reason
                + QStringLiteral(" (its list of tables cannot be read); it was left unchanged");
        } else {
            *error = QStringLiteral("cannot read the cache %1: ") + reason
                + QStringLiteral("; it was left unchanged");
        }
        return std::nullopt;
    };
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return failed();
    identity.version = query.value(0).toInt();
    if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' "
                                   "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")))
        return failed();
    while (query.next())
        identity.tables << query.value(0).toString();
    query.finish();
    // Schema 1 made these; no schema since has dropped one. A file without tables is an
    // empty SQLite database: nothing in it to lose, so it becomes a cache.
    const QStringList ours = {QStringLiteral("articles"), QStringLiteral("bookmarks"),
                              QStringLiteral("feeds"), QStringLiteral("meta")};
    const bool hasOurs = std::all_of(ours.cbegin(), ours.cend(), [&](const QString &table) {
        return identity.tables.contains(table);
    });
    identity.foreign = identity.version == 0 ? !identity.tables.isEmpty() : !hasOurs;
    return identity;
}

bool Database::create(const QString &path, QString *error)
{
    // Built under another name and moved into place once its schema is complete, so that
    // a kill or a full disk on the way leaves no cache at all rather than an empty or half-made
    // one (see CacheFile on a zero-length file).
    const QString building
        = QStringLiteral("%1.new-%2").arg(path).arg(QCoreApplication::applicationPid());
    for (const QString &leftover : {building, building + QStringLiteral("-journal")})
        QFile::remove(leftover);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(building);
        // Before the first table: the file can then give back pages its stories freed
        // (giveBackFreePages), which a cache without it can only do by rewriting itself.
        const bool made = db.open() && configure(db, error)
            && exec(db, QStringLiteral("PRAGMA auto_vacuum=INCREMENTAL"), error)
            && migrate(0, error);
        if (!made && !db.isOpen())
            *error = words(db.lastError());
        db.close();
        if (!made) {
            *error = QStringLiteral("cannot create the cache %1: %2").arg(path, *error);
            QFile::remove(building);
            QFile::remove(building + QStringLiteral("-journal"));
            return false;
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    if (!QFile::rename(building, path)) {
        QFile::remove(building);
        *error = QStringLiteral("cannot create the cache %1: another file took its place meanwhile")
                     .arg(path);
        return false;
    }
    return true;
}

bool Database::giveBackFreePages(std::chrono::milliseconds budget)
{
    QSqlDatabase db = connection();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA auto_vacuum")) || !q.next() || q.value(0).toInt() != 2)
        return false; // made by an older version and not compacted since
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        qint64 freePages = 0;
        qint64 pages = 0;
        if (q.exec(QStringLiteral("PRAGMA freelist_count")) && q.next())
            freePages = q.value(0).toLongLong();
        if (q.exec(QStringLiteral("PRAGMA page_count")) && q.next())
            pages = q.value(0).toLongLong();
        // A little is kept for the next writes to reuse rather than grow the file again.
        const qint64 slack = std::max<qint64>(kFreePagesKept, pages / 64);
        if (freePages <= slack)
            return false;
        if (timer.elapsed() >= budget.count())
            return true;
        const qint64 step = std::min<qint64>(freePages - slack, kFreePagesStep);
        // Its own write transaction: moves pages from the end of the file into free ones
        // and cuts the end off, so a reader or the window's writes wait for one step only.
        // (SQLite's own API: the pragma gives back one page a step, which QSqlQuery takes
        // for a statement without rows and steps once.)
        q.finish();
        sqlite3 *handle = sql::nativeHandle(db);
        const QByteArray pragma = "PRAGMA incremental_vacuum(" + QByteArray::number(step) + ")";
        if (!handle
            || sqlite3_exec(handle, pragma.constData(), nullptr, nullptr, nullptr) != SQLITE_OK) {
            qCWarning(lcStorage) << "cannot give back free pages:"
                                 << (handle ? sqlite3_errmsg(handle) : "not SQLite");
            return false;
        }
    }
}

bool Database::checkpoint()
{
    giveBackFreePages(kFreePagesBudget);
    QSqlQuery q(connection());
    // PASSIVE: copies what no reader still needs, without waiting for readers or writers.
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) || !q.next()) {
        qCWarning(lcStorage) << "checkpoint failed:" << q.lastError().text();
        return false;
    }
    // busy, frames in the log, frames copied (-1 and -1 outside WAL mode)
    return q.value(0).toInt() == 0 && q.value(1).toInt() == q.value(2).toInt();
}

void Database::setCheckpointThreshold(qint64 bytes)
{
    QSqlQuery q(connection());
    qint64 pageSize = 4096;
    if (q.exec(QStringLiteral("PRAGMA page_size")) && q.next())
        pageSize = std::max<qint64>(512, q.value(0).toLongLong());
    const qint64 pages = bytes > 0 ? std::max<qint64>(1, bytes / pageSize) : 0;
    if (!q.exec(QStringLiteral("PRAGMA wal_autocheckpoint=%1").arg(pages)))
        qCWarning(lcStorage) << "cannot set the checkpoint threshold:" << q.lastError().text();
}

bool Database::migrate(int from, QString *error)
{
    QSqlDatabase db = connection();
    const int latest = latestSchemaVersion();
    // Migrations may rebuild a table (create, copy, drop, rename): with foreign keys on,
    // dropping the old table would delete every row that refers to it. They run with
    // foreign keys off, and each checks its references before it commits.
    // (The pragma cannot change inside a transaction, hence here.)
    exec(db, QStringLiteral("PRAGMA foreign_keys=OFF"), nullptr);
    const auto restoreForeignKeys = qScopeGuard(
        [&db] { exec(db, QStringLiteral("PRAGMA foreign_keys=ON"), nullptr); });
    for (int version = from + 1; version <= latest; ++version) {
        const QString script = migrationScript(version);
        Transaction transaction(db);
        QString stepError;
        if (!transaction.isActive()) {
            *error = QStringLiteral("upgrading the cache to schema %1 failed: %2")
                         .arg(version)
                         .arg(sql::lastFailure(db));
            return false;
        }
        for (const QString &statement : splitStatements(script)) {
            if (!exec(db, statement, &stepError)) {
                *error = QStringLiteral("upgrading the cache to schema %1 failed: %2")
                             .arg(version)
                             .arg(stepError);
                return false;
            }
        }
        QSqlQuery check(db);
        if (!check.exec(QStringLiteral("PRAGMA foreign_key_check")) || check.next()) {
            *error = QStringLiteral("upgrading the cache to schema %1 failed: %2")
                         .arg(version)
                         .arg(check.isActive() ? QStringLiteral("a reference in table %1 is broken")
                                                     .arg(check.value(0).toString())
                                               : check.lastError().text());
            return false;
        }
        check.finish();
        if (!exec(db, QStringLiteral("PRAGMA user_version=%1").arg(version), &stepError)
            || !transaction.commit()) {
            *error = QStringLiteral("upgrading the cache to schema %1 failed: %2")
                         .arg(version)
                         .arg(stepError.isEmpty() ? sql::lastFailure(db) : stepError);
            return false;
        }
    }
    // One line for the whole upgrade: a new cache runs every migration.
    if (from == 0)
        qCInfo(lcStorage) << "cache created at schema" << latest;
    else
        qCInfo(lcStorage) << "cache migrated from schema" << from << "to" << latest;
    return true;
}

void Database::close()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && connection().isOpen();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const
{
    QSqlQuery query(connection());
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
        return query.value(0).toInt();
    return -1;
}

} // namespace bulletin
