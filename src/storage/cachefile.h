#pragma once

#include <QString>

namespace bulletin {

// What lies at a cache's path, read before SQLite opens it. SQLite takes a missing or
// zero-length file for a new database and writes to it, and reports a file cut short
// only when a query reaches a missing page: Database asks this first.
//
// The rule for a zero-length file: Bulletin builds a new cache under another name and
// moves it into place once its schema is complete (Database::open), so it never leaves
// an empty file at a cache's path itself. A zero-length cache is one whose data was lost
// (a copy cut short, a disk that lost it): it is Empty, damaged, and left alone.
//
// Whether the file can be written is asked of the system (access(2)), which answers for
// root too: a read-only mount (EROFS) or an immutable file (EPERM) stops root, permission
// bits do not.
//
// Plain value, reads the file's first 100 bytes; any thread.
class CacheFile final
{
public:
    enum class State {
        Missing, // nothing there: a new cache is made
        Present, // an SQLite file at least as long as its header says, or shorter with a
                 // write-ahead log beside it that holds the rest (pages unchecked)
        Empty, // zero bytes, and no write-ahead log with pages beside it
        NotSQLite, // does not begin with SQLite's header: damaged, or another program's file
        Truncated, // shorter than its header says, no log beside it: a copy or a write cut short
        NotAFile, // a folder, a device such as /dev/null, ...
        Unreadable, // the system refuses to read it (its words in problem())
    };

    static CacheFile inspect(const QString &path);

    State state() const { return m_state; }
    // Whether the problem is damage to what was a cache: the window offers the newest backup
    // or a new cache then.
    bool isDamaged() const;
    // One line saying what is wrong, naming the file; empty for Missing and Present.
    QString problem() const;

    // Whether Bulletin may write the file and create the files SQLite keeps beside it
    // (its write-ahead log); when not, why, in words ("it is on a read-only file system").
    bool isWritable() const { return m_readOnlyReason.isEmpty(); }
    QString readOnlyReason() const { return m_readOnlyReason; }

private:
    QString m_path;
    State m_state = State::Missing;
    QString m_detail;
    QString m_readOnlyReason;
};

} // namespace bulletin
