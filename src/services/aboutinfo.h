#pragma once

#include <QString>

namespace bulletin {

class Cache;

// What Help › About and `bulletin --version` say about this Bulletin: its version, the Qt and
// SQLite it runs with (the libraries loaded now, not the ones it was built against) and the
// cache it has open. Gathered on the thread that owns the cache's connection.
struct AboutInfo
{
    QString version; // Bulletin's, e.g. "0.1.0"
    QString qtVersion; // the Qt loaded at run time
    QString sqliteVersion; // the SQLite library behind Qt's driver; empty when it cannot be asked
    QString cachePath; // empty without a cache
    qint64 cacheBytes = -1; // the file and its write-ahead log; -1 when unknown

    // Without a cache: the versions only (the SQLite library is asked through an in-memory
    // database). Needs a QCoreApplication for Qt's SQL driver.
    static AboutInfo current();
    // With the open cache: its path and size too, the SQLite version asked through it.
    static AboutInfo of(Cache &cache);

    // "bulletin 0.1.0 (Qt 6.4.2, SQLite 3.40.1)"
    QString versionLine() const;
};

} // namespace bulletin
