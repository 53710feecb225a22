#include "storage/bookmarksalvage.h"

#include "storage/cachebackup.h"
#include "storage/cachefile.h"
#include "storage/sqlutil.h"
#include "storage/storagelog.h"

#include <QAtomicInt>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <algorithm>

namespace bulletin {

namespace {

QAtomicInt s_connectionCounter;

// What one file gave.
struct FileRead
{
    bool opened = false; // the file opened and has a bookmark table
    bool listComplete = false; // one of the lists of ids was read to its end
    QList<BookmarkRecord> records;
    QSet<qint64> unreadable; // listed, but the row could not be read
    QSet<qint64> withoutSnapshot; // read, but not its text, HTML and date
    QSet<qint64> withoutNote; // read, but its note could not be
};

// A read-only connection of its own to `path`; `how` is the URI's parameter ("mode=ro" or
// "immutable=1"). Removed from Qt's list of connections when it goes.
class ReadOnlyConnection final
{
public:
    ReadOnlyConnection(const QString &path, const QString &how)
        : m_name(
            QStringLiteral("bulletin-salvage-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setConnectOptions(
            QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=2000"));
        db.setDatabaseName(
            QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded)
            + QLatin1Char('?') + how);
        // A file cut short holds fewer pages than its header says, which SQLite takes as
        // damage before reading any table; with writable_schema it reads the pages there
        // are. The connection is read-only, so nothing is written all the same.
        if (db.open())
            QSqlQuery(db).exec(QStringLiteral("PRAGMA writable_schema = ON"));
    }
    ~ReadOnlyConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    ReadOnlyConnection(const ReadOnlyConnection &) = delete;
    ReadOnlyConnection &operator=(const ReadOnlyConnection &) = delete;

    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
};

// Adds the ids one query lists; true when it read them to the end, false when it stopped
// at a damaged page (the ids before it are kept).
bool listIds(const QSqlDatabase &db, const QString &sql, QList<qint64> *ids)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql))
        return false;
    while (q.next())
        ids->append(q.value(0).toLongLong());
    return !q.lastError().isValid();
}

// Text no bookmark holds: the part of a page past the end of a file cut short reads as zero
// bytes, which SQLite hands over as text of NUL characters when the row's start survived.
bool readsAsZeros(const QString &text)
{
    return text.contains(QChar(0));
}

// The bookmark `id`: the columns before the story's text, which stand on the row's own page;
// nullopt when that cannot be read, or reads as something no bookmark could be (garbage in a
// page that SQLite did not see as damaged).
std::optional<BookmarkRecord> readBookmark(const QSqlDatabase &db, qint64 id)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral(
            "SELECT article_id, guid, title, link, source, published, typeof(title) = 'text' "
            "FROM bookmarks WHERE id = ?")))
        return std::nullopt;
    q.addBindValue(id);
    if (!q.exec() || !q.next() || !q.value(6).toBool())
        return std::nullopt;
    BookmarkRecord r;
    r.bookmarkId = id;
    if (!q.value(0).isNull())
        r.articleId = q.value(0).toLongLong();
    r.guid = q.value(1).toString();
    r.title = q.value(2).toString();
    r.link = q.value(3).toString();
    r.source = q.value(4).toString();
    r.published = sql::toTime(q.value(5));
    if (readsAsZeros(r.title) || readsAsZeros(r.guid) || readsAsZeros(r.link)
        || readsAsZeros(r.source))
        return std::nullopt;
    return r;
}

// The story's text and HTML, then the time it was bookmarked: stored after the text, they
// may stand on pages of their own (overflow pages) and are lost with them.
bool readSnapshot(const QSqlDatabase &db, BookmarkRecord *r)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT text, html, created_at FROM bookmarks WHERE id = ?")))
        return false;
    q.addBindValue(r->bookmarkId);
    if (!q.exec() || !q.next())
        return false;
    r->text = q.value(0).toString();
    r->html = q.value(1).toString();
    r->createdAt = sql::toTime(q.value(2));
    if (readsAsZeros(r->text) || readsAsZeros(r->html)) {
        r->text.clear();
        r->html.clear();
        return false;
    }
    return true;
}

// Whether the file keeps notes in a table of their own (schema 12 on); an older file, such as
// a backup made before that, keeps each in its bookmark's row.
bool hasNoteTable(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral(
               "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bookmark_notes'"))
        && q.next();
}

// The user's note on the bookmark; false when it could not be read (a damaged page), true
// with an empty note when there is none.
bool readNote(const QSqlDatabase &db, bool noteTable, BookmarkRecord *r)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(noteTable
                       ? QStringLiteral("SELECT note FROM bookmark_notes WHERE bookmark_id = ?")
                       : QStringLiteral("SELECT note FROM bookmarks WHERE id = ?")))
        return false;
    q.addBindValue(r->bookmarkId);
    if (!q.exec())
        return false;
    if (q.next()) {
        r->note = q.value(0).toString();
        if (readsAsZeros(r->note)) {
            r->note.clear();
            return false;
        }
        return true;
    }
    return !q.lastError().isValid();
}

// Whether the story is read and carries an advisory, as the Bookmarks view shows them; left
// false when the story's rows cannot be read (an older schema, or damage there).
void readStoryState(const QSqlDatabase &db, BookmarkRecord *r)
{
    if (!r->articleId) {
        r->read = true;
        return;
    }
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT NOT EXISTS (SELECT 1 FROM unread_articles WHERE id = ?), "
                                  "EXISTS (SELECT 1 FROM advisories WHERE article_id = ?)")))
        return;
    q.addBindValue(*r->articleId);
    q.addBindValue(*r->articleId);
    if (q.exec() && q.next()) {
        r->read = q.value(0).toBool();
        r->hasAdvisory = q.value(1).toBool();
    }
}

FileRead readWith(const QString &path, const QString &how)
{
    FileRead file;
    const ReadOnlyConnection connection(path, how);
    const QSqlDatabase db = connection.db();
    if (!db.isOpen())
        return file;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bookmarks'"))
            || !q.next())
            return file;
    }
    file.opened = true;
    // The table's own order and its index's: a damaged page of one leaves the other.
    QList<qint64> ids;
    const bool tableRead = listIds(
        db, QStringLiteral("SELECT id FROM bookmarks NOT INDEXED ORDER BY id"), &ids);
    const bool indexRead = listIds(
        db, QStringLiteral("SELECT id FROM bookmarks INDEXED BY bookmarks_created"), &ids);
    file.listComplete = tableRead || indexRead;
    const bool noteTable = hasNoteTable(db);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (const qint64 id : std::as_const(ids)) {
        std::optional<BookmarkRecord> record = readBookmark(db, id);
        if (!record) {
            file.unreadable.insert(id);
            continue;
        }
        if (!readSnapshot(db, &*record))
            file.withoutSnapshot.insert(id);
        if (!readNote(db, noteTable, &*record))
            file.withoutNote.insert(id);
        readStoryState(db, &*record);
        file.records << *record;
    }
    return file;
}

FileRead readFile(const QString &path)
{
    const CacheFile::State state = CacheFile::inspect(path).state();
    if (state != CacheFile::State::Present && state != CacheFile::State::Truncated)
        return {};
    // Read-only mode reads the write-ahead log too, where the newest bookmarks may be; it
    // needs the log's shared-memory index. Immutable mode reads the file alone.
    FileRead file = readWith(path, QStringLiteral("mode=ro"));
    if (!file.opened)
        file = readWith(path, QStringLiteral("immutable=1"));
    return file;
}

bool sameBookmark(const BookmarkRecord &a, const BookmarkRecord &b)
{
    // The backup is a copy of the same cache, so a bookmark keeps its id in it; an id can be
    // taken again after the newest bookmark is removed, hence the title too.
    return (a.bookmarkId == b.bookmarkId && a.title == b.title)
        || (!a.link.isEmpty() && a.link == b.link) || (!a.guid.isEmpty() && a.guid == b.guid);
}

} // namespace

BookmarkSalvage::Result BookmarkSalvage::read(const QString &cachePath)
{
    Result result;
    result.cachePath = cachePath;
    const FileRead damaged = readFile(cachePath);
    result.cacheReadable = damaged.opened;
    result.listComplete = damaged.listComplete;
    result.bookmarks = damaged.records;
    result.fromCache = int(damaged.records.size());
    result.unreadableInCache = int(damaged.unreadable.size());
    result.textlessInCache = int(damaged.withoutSnapshot.size());
    result.notelessInCache = int(damaged.withoutNote.size());

    if (!result.cacheComplete()) {
        const QString backup = CacheBackup::newest(cachePath);
        const FileRead copy = backup.isEmpty() ? FileRead() : readFile(backup);
        if (copy.opened)
            result.backup = backup;
        for (const BookmarkRecord &saved : copy.records) {
            const auto here = std::find_if(
                result.bookmarks.begin(), result.bookmarks.end(),
                [&](const BookmarkRecord &r) { return sameBookmark(r, saved); });
            if (here != result.bookmarks.end()) {
                // Read from the damaged file without its story's text, or without its note:
                // the backup's. A note that was read is kept, as it may be newer.
                if (damaged.withoutSnapshot.contains(here->bookmarkId)
                    && !copy.withoutSnapshot.contains(saved.bookmarkId)) {
                    here->text = saved.text;
                    here->html = saved.html;
                    here->createdAt = saved.createdAt;
                    ++result.textsFromBackup;
                }
                if (damaged.withoutNote.contains(here->bookmarkId)
                    && !copy.withoutNote.contains(saved.bookmarkId)) {
                    here->note = saved.note;
                    ++result.notesFromBackup;
                }
                continue;
            }
            // With the damaged file's whole list at hand, a bookmark it does not list was
            // removed after the backup: only the ones it lists and lost come back.
            if (damaged.listComplete && !damaged.unreadable.contains(saved.bookmarkId))
                continue;
            result.bookmarks << saved;
            ++result.fromBackup;
        }
    }
    std::sort(result.bookmarks.begin(), result.bookmarks.end(),
              [](const BookmarkRecord &a, const BookmarkRecord &b) {
                  return a.createdAt != b.createdAt ? a.createdAt > b.createdAt
                                                    : a.bookmarkId > b.bookmarkId;
              });
    qCInfo(lcStorage).noquote() << "bookmark salvage:" << result.summary();
    return result;
}

bool BookmarkSalvage::Result::cacheComplete() const
{
    return cacheReadable && listComplete && unreadableInCache == 0 && textlessInCache == 0
        && notelessInCache == 0;
}

QString BookmarkSalvage::Result::summary() const
{
    const auto bookmarks = [](int n) {
        return n == 1 ? QStringLiteral("1 bookmark") : QStringLiteral("%1 bookmarks").arg(n);
    };
    QString line;
    if (!cacheReadable)
        line = QStringLiteral("no bookmark could be read from the damaged cache %1").arg(cachePath);
    else if (!listComplete)
        line
            = QStringLiteral(
                  "%1 read from the damaged cache %2, whose list of bookmarks is damaged (more may "
                  "be missing)")
                  .arg(bookmarks(fromCache), cachePath);
    else if (unreadableInCache > 0)
        line = QStringLiteral("%1 of its %2 read from the damaged cache %3")
                   .arg(fromCache)
                   .arg(bookmarks(fromCache + unreadableInCache), cachePath);
    else if (fromCache == 0)
        line = QStringLiteral("the damaged cache %1 has no bookmarks").arg(cachePath);
    else
        line = QStringLiteral("all %1 read from the damaged cache %2")
                   .arg(bookmarks(fromCache), cachePath);
    if (textlessInCache > 0 && notelessInCache > 0)
        line += QStringLiteral(" (%1 without the story's text, %2 without the note)")
                    .arg(textlessInCache)
                    .arg(notelessInCache);
    else if (textlessInCache > 0)
        line += QStringLiteral(" (%1 without the story's text)").arg(textlessInCache);
    else if (notelessInCache > 0)
        line += QStringLiteral(" (%1 without the note)").arg(notelessInCache);
    if (cacheComplete())
        return line;
    if (backup.isEmpty())
        return line + QStringLiteral("; there is no backup to fill in from");
    line += QStringLiteral("; from the backup %1 of %2: %3 more")
                .arg(backup,
                     QFileInfo(backup).lastModified().toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                .arg(fromBackup);
    if (textsFromBackup > 0)
        line += textsFromBackup == 1 ? QStringLiteral(" and 1 story text")
                                     : QStringLiteral(" and %1 story texts").arg(textsFromBackup);
    if (notesFromBackup > 0)
        line += notesFromBackup == 1 ? QStringLiteral(" and 1 note")
                                     : QStringLiteral(" and %1 notes").arg(notesFromBackup);
    return line;
}

} // namespace bulletin
