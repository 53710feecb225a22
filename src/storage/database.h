#pragma once

#include "storage/transaction.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace bulletin {

// The cache: one SQLite file opened with WAL, synchronous=NORMAL and foreign keys on, its
// schema brought to the latest version by the numbered scripts in resources/migrations.
//
// What open() accepts, and what it leaves alone (CacheFile tells what lies at the path):
// - a missing file becomes a new cache, built under another name and moved into place
//   once complete: Bulletin never leaves an empty or half-made cache at the path;
// - an empty (0 bytes), cut short or non-SQLite file, another program's SQLite database,
//   a file that is not a regular one (/dev/null) and a cache whose tables cannot be read
//   are refused, untouched, with one line naming the file and what is wrong;
// - a cache that cannot be written (read-only mount or folder, immutable file) opens
//   read-only when its schema is the latest, for reading and exporting; isReadOnly() says
//   so and writes fail. One that needs upgrading is refused then.
// The contents of pages are not checked here (a full check reads the whole file): see
// IntegrityCheck.
//
// Before a migration runs on an existing cache the file is copied to
// "<file>.backup-v<old version>". A cache written by a newer Bulletin (user_version above
// latestSchemaVersion()) is refused and never written to.
//
// A Database owns one named Qt SQL connection, which belongs to the thread that opened it.
// Open a second Database on the same file for another thread.
class Database final
{
public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) and migrates. On failure returns false and sets *error to
    // one line a user can act on, and problem() says what kind of failure it was.
    bool open(const QString &path, QString *error);
    void close();

    enum class Problem {
        None,
        Damaged, // empty, cut short, not SQLite, or its tables cannot be read
        Foreign, // another program's SQLite database
        Newer, // written by a newer Bulletin
        Unusable, // not a file, cannot be read, locked, disk full: the file itself may be fine
    };
    Problem problem() const { return m_problem; } // of the last open()

    bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    QString readOnlyReason() const
    {
        return m_readOnlyReason;
    } // e.g. "its folder is on a read-only file system"

    bool isOpen() const;
    QString path() const { return m_path; }
    QSqlDatabase connection() const;
    int schemaVersion() const;
    QString backupPath() const { return m_backupPath; } // empty unless open() made one

    // Copies what the write-ahead log holds into the file itself; no connection does it on
    // its own after a commit (see configure() in database.cpp). Returns whether all of it
    // was copied (false when a reader still needed part of it, or on error).
    // It first gives back some of the pages the cache's writes freed (giveBackFreePages,
    // for about kFreePagesBudget): the refresh's writer and an import call it after their work.
    bool checkpoint();
    // Has this connection's own commits checkpoint (PASSIVE) once the write-ahead log holds
    // more than `bytes` (0: never, the default), as SQLite's wal_autocheckpoint does, on
    // this connection only: the refresh's writer sets it through its long work after a
    // refresh (indexing, merging, a backlog of related coverage), which keeps the log
    // bounded, while the window's commits never checkpoint.
    void setCheckpointThreshold(qint64 bytes);

    // Gives free pages back to the file system, a few hundred at a time (each step a write
    // transaction of its own), until no more than a little is free or `budget` has gone:
    // deleting stories and merging the search index leave pages free in the file, which
    // SQLite would otherwise only reuse. For a cache made by this version or a later one, or
    // compacted since (auto_vacuum=INCREMENTAL); older caches keep their free pages for reuse.
    // Returns whether more is left to give back. On the thread that owns the connection, outside a
    // transaction.
    bool giveBackFreePages(std::chrono::milliseconds budget);
    static constexpr std::chrono::milliseconds kFreePagesBudget{100};
    static constexpr qint64 kFreePagesStep = 512; // 2 MiB of 4 KiB pages
    static constexpr qint64 kFreePagesKept = 256; // 1 MiB

    static int latestSchemaVersion();
    static QString defaultPath(); // in QStandardPaths::AppDataLocation

private:
    struct Identity
    {
        int version = 0;
        QStringList tables;
        bool foreign = false;
    };

    bool openAndMigrate(const QString &path, QString *error);
    bool create(const QString &path, QString *error);
    bool connectTo(const QString &path, QString *error);
    std::optional<Identity> identify(QSqlDatabase &db, QString *error);
    bool migrate(int from, QString *error);

    QString m_connectionName;
    QString m_path;
    QString m_backupPath;
    QString m_readOnlyReason;
    Problem m_problem = Problem::None;
};

} // namespace bulletin
