#include "storage/bookmarkstore.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QSqlQuery>

namespace bulletin {

BookmarkStore::BookmarkStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

std::optional<qint64> BookmarkStore::add(qint64 articleId, const QString &note)
{
    if (const auto existing = forArticle(articleId)) {
        if (!note.trimmed().isEmpty())
            setNote(existing->bookmarkId, note);
        return existing->bookmarkId;
    }
    Transaction transaction(m_db);
    QSqlQuery q(m_db);
    if (!transaction.isActive()
        || !sql::run(
            q,
            QStringLiteral(
                "INSERT INTO bookmarks(article_id, guid, feed_url, title, link, "
                "source, published, text, html, created_at) "
                "SELECT a.id, a.guid, f.url, a.title, a.link, f.title, "
                "coalesce(a.published, a.sort_date), body_text(b.body), body_html(b.body), ? "
                "FROM articles a JOIN feeds f ON f.id = a.feed_id "
                "LEFT JOIN article_bodies b ON b.article_id = a.id WHERE a.id = ?"),
            {QDateTime::currentSecsSinceEpoch(), articleId})
        || q.numRowsAffected() != 1)
        return std::nullopt;
    const qint64 id = q.lastInsertId().toLongLong();
    if (!writeNote(id, note) || !transaction.commit())
        return std::nullopt;
    return id;
}

bool BookmarkStore::removeForArticle(qint64 articleId)
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("DELETE FROM bookmarks WHERE article_id = ?"), {articleId});
}

bool BookmarkStore::remove(qint64 bookmarkId)
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("DELETE FROM bookmarks WHERE id = ?"), {bookmarkId});
}

bool BookmarkStore::setNote(qint64 bookmarkId, const QString &note)
{
    Transaction transaction(m_db);
    return transaction.isActive() && writeNote(bookmarkId, note) && transaction.commit();
}

bool BookmarkStore::writeNote(qint64 bookmarkId, const QString &note)
{
    // The user's line breaks are the note's own; only blank lines around it go.
    const QString trimmed = note.trimmed();
    QSqlQuery q(m_db);
    if (trimmed.isEmpty())
        return sql::run(q, QStringLiteral("DELETE FROM bookmark_notes WHERE bookmark_id = ?"),
                        {bookmarkId});
    return sql::run(q,
                    QStringLiteral(
                        "INSERT INTO bookmark_notes(bookmark_id, note) SELECT id, ? FROM bookmarks "
                        "WHERE id = ? ON CONFLICT(bookmark_id) DO UPDATE SET note = excluded.note"),
                    {trimmed, bookmarkId})
        && q.numRowsAffected() == 1;
}

bool BookmarkStore::isBookmarked(qint64 articleId) const
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("SELECT 1 FROM bookmarks WHERE article_id = ?"), {articleId})
        && q.next();
}

std::optional<BookmarkRecord> BookmarkStore::forArticle(qint64 articleId) const
{
    const auto rows = select(QStringLiteral("b.article_id = ?"), {articleId});
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

std::optional<BookmarkRecord> BookmarkStore::bookmark(qint64 bookmarkId) const
{
    const auto rows = select(QStringLiteral("b.id = ?"), {bookmarkId});
    return rows.isEmpty() ? std::nullopt : std::optional(rows.first());
}

QList<BookmarkRecord> BookmarkStore::bookmarks() const
{
    return select({}, {});
}

QList<BookmarkRecord> BookmarkStore::bookmarkPage(const std::optional<StoryCursor> &after,
                                                  int limit) const
{
    if (!after)
        return select({}, {}, false, limit);
    return select(QStringLiteral("(b.created_at, b.id) < (?, ?)"), {after->sortDate, after->id},
                  false, limit);
}

int BookmarkStore::count() const
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("SELECT count(*) FROM bookmarks")) && q.next()
        ? q.value(0).toInt()
        : 0;
}

QList<BookmarkRecord> BookmarkStore::select(const QString &where, QVariantList values,
                                            bool withContent, int limit) const
{
    if (limit >= 0)
        values << limit;
    QSqlQuery q(m_db);
    QList<BookmarkRecord> result;
    if (!sql::run(
            q,
            QStringLiteral(
                "SELECT b.id, b.article_id, b.guid, b.title, b.link, b.source, "
                "b.published, %2, n.note, b.created_at, "
                "a.id IS NULL OR NOT EXISTS (SELECT 1 FROM unread_articles u WHERE u.id = a.id), "
                "EXISTS (SELECT 1 FROM advisories v WHERE v.article_id = b.article_id), b.feed_url "
                "FROM bookmarks b LEFT JOIN articles a ON a.id = b.article_id "
                "LEFT JOIN bookmark_notes n ON n.bookmark_id = b.id %1 "
                "ORDER BY b.created_at DESC, b.id DESC%3")
                .arg(where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where,
                     withContent ? QStringLiteral("b.text, b.html") : QStringLiteral("NULL, NULL"),
                     limit >= 0 ? QStringLiteral(" LIMIT ?") : QString()),
            values))
        return result;
    while (q.next()) {
        BookmarkRecord r;
        r.bookmarkId = q.value(0).toLongLong();
        if (!q.value(1).isNull())
            r.articleId = q.value(1).toLongLong();
        r.guid = q.value(2).toString();
        r.title = q.value(3).toString();
        r.link = q.value(4).toString();
        r.source = q.value(5).toString();
        r.published = sql::toTime(q.value(6));
        r.text = q.value(7).toString();
        r.html = q.value(8).toString();
        r.note = q.value(9).toString();
        r.createdAt = sql::toTime(q.value(10));
        r.read = q.value(11).toBool();
        r.hasAdvisory = q.value(12).toBool();
        r.feedUrl = q.value(13).toString();
        result << r;
    }
    return result;
}

} // namespace bulletin
