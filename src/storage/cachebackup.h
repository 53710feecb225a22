#pragma once

#include <QSqlDatabase>
#include <QString>

namespace bulletin {

// The copies Bulletin keeps of a cache, and what it does with a damaged one.
//
// A backup is "<cache>.backup-v<N>": the whole cache as it was at schema N. Database::open
// makes one before a migration that changes data; IntegrityCheck makes one of the current
// schema at most once a day, and only after a check found the cache whole, so that a
// damaged cache never replaces a good backup. The newest backup is the one written last
// among those that CacheFile finds whole (Present); restoring one of an older schema
// upgrades it on the next open.
//
// A damaged cache is never deleted or overwritten: moveAside() renames it (with its
// write-ahead log and shared-memory files) to "<cache>.damaged-<UTC time>", where it stays
// for the user to inspect or delete.
//
// Static functions over files; any thread, but not while a connection has the cache open
// (moveAside, restore) or from two threads on the same cache at once.
class CacheBackup final
{
public:
    static QString pathFor(const QString &cachePath, int schema);
    static QString newest(const QString &cachePath); // empty when there is none

    // Writes a backup of the open cache `db` (any connection, read-only included) at
    // `schema`: a compact copy made by SQLite (VACUUM INTO) under a new name, which
    // replaces the previous backup once complete; a full disk or a kill leaves that one.
    static bool make(const QSqlDatabase &db, const QString &cachePath, int schema, QString *error);

    // Renames the cache and the files SQLite keeps beside it; returns the new name of the
    // cache, or an empty string and *error.
    static QString moveAside(const QString &cachePath, QString *error);

    // Moves the cache aside (when there is one) and puts a copy of `backup` in its place;
    // *movedTo is where the old cache went (empty when there was none).
    static bool restore(const QString &backup, const QString &cachePath, QString *movedTo,
                        QString *error);
};

} // namespace bulletin
