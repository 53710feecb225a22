#pragma once

#include "storage/records.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace bulletin {

// Bookmarks: the user's data. Each keeps a snapshot of its story (title, link, source, date,
// text, HTML) and an optional note, so it outlives the story and its feed. This header is
// the whole public API of the bookmarks table.
// Not thread-safe: use it on the thread that opened its connection.
class BookmarkStore final
{
public:
    explicit BookmarkStore(QSqlDatabase db);

    // Bookmarks the story (taking its snapshot now); a story already bookmarked keeps its
    // bookmark and gets the note if one is given. Returns the bookmark id.
    std::optional<qint64> add(qint64 articleId, const QString &note = {});
    bool removeForArticle(qint64 articleId);
    bool remove(qint64 bookmarkId);
    // Keeps the note as written, line breaks and all (blank lines around it dropped); an
    // empty note removes it. False when there is no such bookmark or the write failed.
    bool setNote(qint64 bookmarkId, const QString &note);

    bool isBookmarked(qint64 articleId) const;
    std::optional<BookmarkRecord> forArticle(qint64 articleId) const;
    std::optional<BookmarkRecord> bookmark(qint64 bookmarkId) const;
    QList<BookmarkRecord> bookmarks() const; // newest first
    // A page of what the Bookmarks list shows, newest first: at most limit bookmarks after
    // the one at `after` (its created time in Unix seconds and its id), with their notes but
    // without the text and HTML snapshots (left empty). The notes are kept apart from the
    // snapshots (schema 12) so that the list never reads those.
    QList<BookmarkRecord> bookmarkPage(const std::optional<StoryCursor> &after, int limit) const;
    int count() const;

private:
    bool writeNote(qint64 bookmarkId, const QString &note);
    QList<BookmarkRecord> select(const QString &where, QVariantList values, bool withContent = true,
                                 int limit = -1) const;

    QSqlDatabase m_db;
};

} // namespace bulletin
