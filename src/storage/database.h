#pragma once

#include "storage/transaction.h"

#include <QSqlDatabase>
#include <QString>

namespace bulletin {

// The cache: one SQLite file opened with WAL, synchronous=NORMAL and foreign keys on, its
// schema brought to the latest version by the numbered scripts in resources/migrations.
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
    // one line a user can act on.
    bool open(const QString &path, QString *error);
    void close();

    bool isOpen() const;
    QString path() const { return m_path; }
    QSqlDatabase connection() const;
    int schemaVersion() const;
    QString backupPath() const { return m_backupPath; } // empty unless open() made one

    // Copies what the write-ahead log holds into the file itself; no connection does it on
    // its own after a commit (see configure() in database.cpp). Returns whether all of it
    // was copied (false when a reader still needed part of it, or on error).
    bool checkpoint();

    static int latestSchemaVersion();
    static QString defaultPath(); // in QStandardPaths::AppDataLocation

private:
    bool openAndMigrate(const QString &path, QString *error);
    bool migrate(int from, QString *error);

    QString m_connectionName;
    QString m_path;
    QString m_backupPath;
};

} // namespace bulletin
