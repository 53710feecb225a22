#pragma once

#include "storage/records.h"

#include <QList>
#include <QString>

namespace bulletin {

// Reads the bookmarks of a cache that no longer opens (Database::Problem::Damaged) or that
// a check found damaged, so that they can still be exported: a bookmark is the user's data,
// and a damaged page elsewhere in the file must not take it along.
//
// The damaged file is opened read-only (SQLite's read-only mode, which still reads the
// write-ahead log beside it; else as immutable, which reads nothing but the file) and never
// written: no journal, no repair. Each bookmark is read on its own by its id, the ids taken
// from the table and from its index, so a damaged page loses only the bookmarks it held;
// a story snapshot (text, HTML) or a note that cannot be read leaves the bookmark without it.
// Notes are read from their own table, or from the bookmark's row in a file older than it.
//
// When the damaged file did not give every bookmark whole, the newest backup
// (CacheBackup::newest) fills in: the bookmarks the file listed but could not read, the
// snapshots and notes it lost, and, when the file's list of bookmarks itself could not be read
// through, every backup bookmark that the file does not have (one removed since the backup
// may come back then). Result::summary() says which came from where.
//
// Static, opens and closes its own connections; any thread, no connection of the caller's
// is used.
class BookmarkSalvage final
{
public:
    struct Result
    {
        QList<BookmarkRecord> bookmarks; // newest bookmarked first, as BookmarkStore lists them
        QString cachePath;
        bool cacheReadable = false; // the file opened and its bookmark table could be found
        bool listComplete = false; // the file's list of bookmarks could be read to its end
        int fromCache = 0; // bookmarks read from the damaged file
        int unreadableInCache = 0; // bookmarks it lists whose row could not be read
        int textlessInCache = 0; // bookmarks read from it without the story's text
        int notelessInCache = 0; // bookmarks read from it whose note could not be read
        QString backup; // the backup read, empty when none was needed or there is none
        int fromBackup = 0; // bookmarks the backup gave
        int textsFromBackup = 0; // story texts it gave to bookmarks read from the file
        int notesFromBackup = 0; // notes it gave to bookmarks read from the file

        // Whether the damaged file gave every bookmark whole (the backup was not needed).
        bool cacheComplete() const;
        // One line for the user, naming both files: "12 of the 14 bookmarks read from the
        // damaged cache X; from the backup Y of 2026-12-01 10:00: 2 more".
        QString summary() const;
    };

    static Result read(const QString &cachePath);
};

} // namespace bulletin
