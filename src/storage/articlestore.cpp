#include "storage/articlestore.h"

#include "core/html/htmlreferences.h"
#include "storage/database.h"
#include "storage/sqlutil.h"
#include "storage/storagelog.h"
#include "storage/storybody.h"
#include "storage/summaryrow.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace bulletin {

namespace {

QByteArray contentHash(const Article &a)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const auto add = [&hash](const QString &value) {
        hash.addData(value.toUtf8());
        hash.addData(QByteArrayView("\x1f", 1));
    };
    add(a.title);
    add(a.link);
    add(a.author);
    add(a.html);
    add(a.text);
    add(a.categories.join(QLatin1Char('\x1e')));
    add(a.published.isValid() ? QString::number(a.published.toSecsSinceEpoch()) : QString());
    add(a.updated.isValid() ? QString::number(a.updated.toSecsSinceEpoch()) : QString());
    if (a.advisory) {
        const Advisory &v = *a.advisory;
        for (const QString &value : {v.headline, v.text, v.instruction, v.severity, v.urgency,
                                     v.certainty, v.issuer, v.area, v.status, v.msgType,
                                     v.identifier, v.sender, v.references.join(QLatin1Char(' '))})
            add(value);
        for (const QDateTime &t : {v.effective, v.onset, v.expires})
            add(t.isValid() ? QString::number(t.toSecsSinceEpoch()) : QString());
    }
    for (const RelatedLink &r : a.related) {
        add(r.title);
        add(r.link);
    }
    // Only stories with enclosures hash them: the stories cached before enclosures were
    // stored keep their hash, and those with enclosures get them at the next refresh.
    for (const Enclosure &e : a.enclosures) {
        add(e.url);
        add(e.type);
        add(e.length ? QString::number(*e.length) : QString());
        add(e.title);
        add(e.durationSeconds ? QString::number(*e.durationSeconds) : QString());
    }
    return hash.result().toHex();
}

bool writeAdvisory(sql::StatementCache &statements, qint64 articleId,
                   const std::optional<Advisory> &advisory, bool isNew)
{
    if (!isNew
        && !statements.run(QStringLiteral("DELETE FROM advisories WHERE article_id = ?"),
                           {articleId}))
        return false;
    if (!advisory)
        return true;
    const Advisory &v = *advisory;
    // An Update or Cancel retires the alerts it references ("sender,identifier,sent"),
    // without deleting their stories.
    for (const QString &reference : v.references) {
        const QStringList parts = reference.split(QLatin1Char(','));
        if (parts.size() < 2)
            continue;
        const QString retired = v.msgType.compare(QLatin1String("Cancel"), Qt::CaseInsensitive) == 0
            ? QStringLiteral("cancelled")
            : QStringLiteral("superseded");
        if (!statements.run(QStringLiteral("UPDATE advisories SET status = ? WHERE sender = ? AND "
                                           "identifier = ? AND article_id <> ?"),
                            {retired, parts.at(0).trimmed(), parts.at(1).trimmed(), articleId}))
            return false;
    }
    return statements.run(
               QStringLiteral(
                   "INSERT INTO advisories(article_id, origin, headline, text, instruction, "
                   "severity, urgency, certainty, issuer, area, effective, onset, expires, "
                   "status, msg_type, identifier, sender, refs) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
               {articleId, v.origin.isEmpty() ? QStringLiteral("section") : v.origin,
                sql::nullIfEmpty(v.headline), sql::nullIfEmpty(v.text),
                sql::nullIfEmpty(v.instruction), sql::nullIfEmpty(v.severity),
                sql::nullIfEmpty(v.urgency), sql::nullIfEmpty(v.certainty),
                sql::nullIfEmpty(v.issuer), sql::nullIfEmpty(v.area), sql::fromTime(v.effective),
                sql::fromTime(v.onset), sql::fromTime(v.expires),
                v.status.isEmpty() ? QStringLiteral("active") : v.status,
                sql::nullIfEmpty(v.msgType), sql::nullIfEmpty(v.identifier),
                sql::nullIfEmpty(v.sender), sql::nullIfEmpty(v.references.join(QLatin1Char(' ')))})
        != nullptr;
}

// Runs a statement whose one parameter is a story's id.
bool execForArticle(sql::NativeStatements &statements, const char *sql, qint64 articleId)
{
    sql::NativeStatement *statement = statements.get(sql);
    if (!statement)
        return false;
    statement->bind(1, articleId);
    return statement->exec();
}

bool writeRelated(sql::NativeStatements &statements, qint64 articleId,
                  const QList<RelatedLink> &related, bool isNew)
{
    // A new story has none yet (its links would have gone with an earlier story of its id).
    if (!isNew
        && !execForArticle(statements, "DELETE FROM related_links WHERE article_id = ?", articleId))
        return false;
    int position = 0;
    for (const RelatedLink &r : related) {
        if (r.title.isEmpty() && r.link.isEmpty())
            continue;
        sql::NativeStatement *insert = statements.get(
            "INSERT INTO related_links(article_id, position, title, "
            "link, kind) VALUES (?, ?, ?, ?, ?)");
        if (!insert)
            return false;
        insert->bind(1, articleId);
        insert->bind(2, position++);
        insert->bind(3, r.title.isEmpty() ? r.link : r.title);
        insert->bindNullIfEmpty(4, r.link);
        insert->bind(5, r.kind);
        if (!insert->exec())
            return false;
    }
    return true;
}

bool writeEnclosures(sql::NativeStatements &statements, qint64 articleId,
                     const QList<Enclosure> &enclosures, bool isNew)
{
    if (!isNew
        && !execForArticle(statements, "DELETE FROM enclosures WHERE article_id = ?", articleId))
        return false;
    int position = 0;
    for (const Enclosure &e : enclosures) {
        if (e.url.isEmpty())
            continue;
        sql::NativeStatement *insert = statements.get(
            "INSERT INTO enclosures(article_id, position, url, type, "
            "length, title, duration) VALUES (?, ?, ?, ?, ?, ?, ?)");
        if (!insert)
            return false;
        insert->bind(1, articleId);
        insert->bind(2, position++);
        insert->bind(3, e.url);
        insert->bindNullIfEmpty(4, e.type);
        if (e.length) // an unbound value is NULL
            insert->bind(5, *e.length);
        insert->bindNullIfEmpty(6, e.title);
        if (e.durationSeconds)
            insert->bind(7, *e.durationSeconds);
        if (!insert->exec())
            return false;
    }
    return true;
}

// The story's HTML and text from its stored body. A damaged one (a bad sector, another
// program's write) leaves the rest of the story readable: the reader, `show` and the
// bookmark's snapshot get what happened in place of the text.
void readBody(const QByteArray &stored, StoryDetail *d)
{
    QString problem;
    if (std::optional<body::Parts> parts = body::unpack(stored, &problem)) {
        d->html = std::move(parts->html);
        d->text = std::move(parts->text);
        return;
    }
    qCWarning(lcStorage) << "the text of story" << d->summary.id << "cannot be read:" << problem;
    d->text = QStringLiteral(
                  "The text of this story is damaged in the cache (%1), so it cannot be shown. "
                  "Its headline, link and marks are kept; open its link to read it.")
                  .arg(problem);
    d->html = QStringLiteral("<p>%1</p>").arg(escapeHtml(d->text));
}

} // namespace

ArticleStore::ArticleStore(QSqlDatabase db)
    : m_db(std::move(db))
    , m_statements(std::make_unique<sql::StatementCache>(m_db))
    , m_native(std::make_unique<sql::NativeStatements>(m_db))
{
}

ArticleStore::ArticleStore(ArticleStore &&) noexcept = default;
ArticleStore &ArticleStore::operator=(ArticleStore &&) noexcept = default;
ArticleStore::~ArticleStore() = default;

ArticleStore::UpsertResult ArticleStore::upsert(qint64 feedId, const Article &article,
                                                const QString &note)
{
    const QString hash = QString::fromLatin1(contentHash(article));
    sql::NativeStatements &statements = *m_native;

    // Find the existing row: same guid, or (for feeds whose guids change) same link and title.
    qint64 existingId = 0;
    QString existingHash;
    const auto find = [&](const char *sql, const QString &first, const QString *second) {
        sql::NativeStatement *q = statements.get(sql);
        if (!q)
            return false;
        q->bind(1, feedId);
        q->bind(2, first);
        if (second)
            q->bind(3, *second);
        const bool found = q->first();
        if (found) {
            existingId = q->int64(0);
            existingHash = q->text(1);
        }
        q->reset();
        return found;
    };
    if (!find("SELECT id, content_hash FROM articles WHERE feed_id = ? AND guid = ?", article.guid,
              nullptr)
        && !article.link.isEmpty()) {
        // "+feed_id" keeps SQLite on the link index: through a feed_id index it would read
        // every story of the feed for each new item (a 10,000-story feed: ~3 ms per item).
        find("SELECT id, content_hash FROM articles WHERE +feed_id = ? AND link = ? AND title = ?",
             article.link, &article.title);
    }
    if (existingId && existingHash == hash)
        return {existingId, UpsertState::Unchanged};

    // The columns both statements below set, from position `at` on.
    const auto bindValues = [&](sql::NativeStatement &q, int at) {
        q.bind(at, article.title);
        q.bindNullIfEmpty(at + 1, article.link);
        q.bindNullIfEmpty(at + 2, article.author);
        q.bindTime(at + 3, article.published);
        q.bindTime(at + 4, article.updated);
        q.bindNullIfEmpty(at + 5, article.categories.join(QLatin1Char('\n')));
        q.bind(at + 6, article.headlineOnly ? 1 : 0);
        q.bindNullIfEmpty(at + 7, note);
        q.bind(at + 8, hash);
    };
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QDateTime date = article.published.isValid() ? article.published : article.updated;
    UpsertResult result;
    if (existingId) {
        // sort_date stays: a story that is edited must not jump to the top of the list.
        sql::NativeStatement *update = statements.get(
            "UPDATE articles SET title = ?, link = ?, author = ?, "
            "published = ?, updated = ?, categories = ?, "
            "headline_only = ?, note = ?, content_hash = ? WHERE id = ?");
        if (!update)
            return {};
        bindValues(*update, 1);
        update->bind(10, existingId);
        if (!update->exec())
            return {};
        result = {existingId, UpsertState::Updated};
    } else {
        // An undated story sorts by when it was first seen (now), but never as newer than
        // its feed says: a story of a feed last updated in 2008 is not news of today.
        const qint64 sortDate = date.isValid() ? date.toSecsSinceEpoch()
            : article.listedBy.isValid()       ? std::min(now, article.listedBy.toSecsSinceEpoch())
                                               : now;
        sql::NativeStatement *insert = statements.get(
            "INSERT INTO articles(feed_id, guid, title, link, author, "
            "published, updated, categories, headline_only, note, "
            "content_hash, sort_date, fetched_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!insert)
            return {};
        insert->bind(1, feedId);
        insert->bind(2, article.guid);
        bindValues(*insert, 3);
        insert->bind(12, sortDate);
        insert->bind(13, now);
        if (!insert->exec())
            return {};
        result = {statements.lastInsertId(), UpsertState::Inserted};
        // A new story is unread; with deferred indexing it waits for indexPending().
        sql::NativeStatement *unread = statements.get(
            "INSERT INTO unread_articles(id, feed_id, sort_date) "
            "VALUES (?, ?, ?)");
        if (!unread)
            return {};
        unread->bind(1, result.id);
        unread->bind(2, feedId);
        unread->bind(3, sortDate);
        if (!unread->exec())
            return {};
        if (m_deferIndexing) {
            sql::NativeStatement *pending = statements.get(
                "INSERT INTO articles_fts_pending(id) VALUES (?)");
            if (!pending)
                return {};
            pending->bind(1, result.id);
            if (!pending->exec())
                return {};
        }
    }
    // After the story row: the search index takes the title from it.
    // Compressed (storybody.h); only a lack of memory makes an empty value of a body.
    const QByteArray packed = body::pack(article.html, article.text);
    if (packed.isNull() && !(article.html.isEmpty() && article.text.isEmpty()))
        return {};
    sql::NativeStatement *body = statements.get(
        "INSERT INTO article_bodies(article_id, body) VALUES (?, ?) "
        "ON CONFLICT (article_id) DO UPDATE SET body = excluded.body");
    if (!body)
        return {};
    body->bind(1, result.id);
    body->bindBlob(2, packed);
    if (!body->exec())
        return {};
    const bool isNew = result.state == UpsertState::Inserted;
    if (!writeAdvisory(*m_statements, result.id, article.advisory, isNew)
        || !writeRelated(statements, result.id, article.related, isNew)
        || !writeEnclosures(statements, result.id, article.enclosures, isNew))
        return {};
    return result;
}

void ArticleStore::setDeferIndexing(bool defer)
{
    m_deferIndexing = defer;
}

int ArticleStore::indexPending(int limit)
{
    QSqlQuery q(m_db);
    // The oldest first, a bounded batch per call, so that one call holds the write lock briefly.
    if (!sql::run(q,
                  QStringLiteral("SELECT count(*), max(id) FROM "
                                 "(SELECT id FROM articles_fts_pending ORDER BY id LIMIT ?)"),
                  {limit})
        || !q.next())
        return -1;
    const int count = q.value(0).toInt();
    const qint64 last = q.value(1).toLongLong();
    q.finish();
    if (count == 0)
        return 0;
    if (!sql::run(
            q,
            QStringLiteral("INSERT INTO articles_fts(rowid, title, text) "
                           "SELECT s.id, s.title, s.text FROM article_search s "
                           "WHERE s.id IN (SELECT id FROM articles_fts_pending WHERE id <= ?)"),
            {last})
        || !sql::run(
            q,
            QStringLiteral("INSERT INTO articles_title_fts(rowid, title) "
                           "SELECT a.id, a.title FROM articles a "
                           "WHERE a.id IN (SELECT id FROM articles_fts_pending WHERE id <= ?)"),
            {last})
        || !sql::run(q, QStringLiteral("DELETE FROM articles_fts_pending WHERE id <= ?"), {last}))
        return -1;
    return count;
}

bool ArticleStore::mergeIndexes(int pages)
{
    // FTS5 tells whether a merge did anything only through the rows it wrote.
    for (const char *table : {"articles_fts", "articles_title_fts"}) {
        const qint64 before = m_native->totalChanges();
        QSqlQuery q(m_db);
        if (!sql::run(q,
                      QStringLiteral("INSERT INTO %1(%1, rank) VALUES ('merge', ?)")
                          .arg(QLatin1String(table)),
                      {pages}))
            return false;
        // The command's own row is one change.
        if (m_native->totalChanges() - before > 1)
            return true;
    }
    return false;
}

int ArticleStore::pendingIndexCount() const
{
    QSqlQuery q(m_db);
    if (sql::run(q, QStringLiteral("SELECT count(*) FROM articles_fts_pending")) && q.next())
        return q.value(0).toInt();
    return 0;
}

std::optional<StorySummary> ArticleStore::summary(qint64 id) const
{
    static const QString sql = QStringLiteral(
                                   "SELECT %1 FROM articles a JOIN feeds f ON f.id = a.feed_id "
                                   "WHERE a.id = ?")
                                   .arg(QLatin1String(sql::kSummaryColumns));
    const sql::CachedRead q(*m_statements, sql, {id});
    if (q && q->next())
        return sql::readSummary(*q);
    return std::nullopt;
}

QList<StorySummary> ArticleStore::summaries(const QList<qint64> &ids) const
{
    QList<StorySummary> result;
    if (ids.isEmpty())
        return result;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QVariantList values;
    for (qint64 id : ids)
        values << id;
    if (!sql::run(q,
                  QStringLiteral("SELECT %1 FROM articles a JOIN feeds f ON f.id = a.feed_id "
                                 "WHERE a.id IN (%2)")
                      .arg(QLatin1String(sql::kSummaryColumns), sql::placeholders(ids.size())),
                  values))
        return result;
    result.reserve(ids.size());
    while (q.next())
        result << sql::readSummary(q);
    return result;
}

std::optional<StoryDetail> ArticleStore::story(qint64 id) const
{
    static const QString storySql
        = QStringLiteral(
              "SELECT %1, a.author, b.body, a.categories, a.note, "
              "(SELECT n.note FROM bookmarks bm JOIN bookmark_notes n ON n.bookmark_id = bm.id "
              "WHERE bm.article_id = a.id) "
              "FROM articles a JOIN feeds f ON f.id = a.feed_id "
              "LEFT JOIN article_bodies b ON b.article_id = a.id WHERE a.id = ?")
              .arg(QLatin1String(sql::kSummaryColumns));
    static const QString advisorySql = QStringLiteral(
                                           "SELECT %1 FROM advisories v WHERE v.article_id = ?")
                                           .arg(QLatin1String(sql::kAdvisoryColumns));
    static const QString relatedSql = QStringLiteral("SELECT title, link, kind FROM related_links "
                                                     "WHERE article_id = ? ORDER BY position");
    StoryDetail d;
    {
        const sql::CachedRead q(*m_statements, storySql, {id});
        if (!q || !q->next())
            return std::nullopt;
        d.summary = sql::readSummary(*q);
        d.author = q->value(12).toString();
        readBody(q->value(13).toByteArray(), &d);
        const QString categories = q->value(14).toString();
        if (!categories.isEmpty())
            d.categories = categories.split(QLatin1Char('\n'));
        d.note = q->value(15).toString();
        d.bookmarkNote = q->value(16).toString();
    }
    {
        const sql::CachedRead q(*m_statements, advisorySql, {id});
        if (q && q->next())
            d.advisory = sql::readAdvisory(*q, 0);
    }
    {
        const sql::CachedRead q(*m_statements, relatedSql, {id});
        while (q && q->next()) {
            RelatedStory r;
            r.title = q->value(0).toString();
            r.link = q->value(1).toString();
            r.kind = q->value(2).toString();
            d.related << r;
        }
    }
    d.enclosures = enclosures(id);
    for (RelatedStory &r : d.related) {
        r.id = resolve(r.link, r.title);
        if (r.id == id)
            r.id.reset();
        if (r.id) {
            if (const auto target = summary(*r.id)) {
                r.source = target->source;
                r.published = target->published;
            }
        }
    }
    return d;
}

QList<Enclosure> ArticleStore::enclosures(qint64 id) const
{
    static const QString sql = QStringLiteral(
        "SELECT url, type, length, title, duration FROM enclosures "
        "WHERE article_id = ? ORDER BY position");
    QList<Enclosure> list;
    const sql::CachedRead q(*m_statements, sql, {id});
    while (q && q->next()) {
        Enclosure e;
        e.url = q->value(0).toString();
        e.type = q->value(1).toString();
        if (!q->value(2).isNull())
            e.length = q->value(2).toLongLong();
        e.title = q->value(3).toString();
        if (!q->value(4).isNull())
            e.durationSeconds = q->value(4).toLongLong();
        list << e;
    }
    return list;
}

std::optional<qint64> ArticleStore::resolve(const QString &link, const QString &title) const
{
    if (!link.isEmpty()) {
        const sql::CachedRead q(*m_statements,
                                QStringLiteral("SELECT id FROM articles WHERE link = ? "
                                               "ORDER BY headline_only, id LIMIT 1"),
                                {link});
        if (q && q->next())
            return q->value(0).toLongLong();
    }
    if (!title.isEmpty()) {
        const sql::CachedRead q(
            *m_statements,
            QStringLiteral("SELECT id FROM articles WHERE title = ? COLLATE NOCASE "
                           "ORDER BY headline_only, id LIMIT 1"),
            {title.trimmed()});
        if (q && q->next())
            return q->value(0).toLongLong();
    }
    return std::nullopt;
}

QString ArticleStore::whereFor(const StoryFilter &filter, QVariantList *values) const
{
    QStringList clauses;
    switch (filter.kind) {
    case StoryFilter::Kind::All:
        break;
    case StoryFilter::Kind::Unread: // read from unread_articles (sourceFor)
        break;
    case StoryFilter::Kind::Bookmarked:
        clauses << QStringLiteral("a.id IN (SELECT article_id FROM bookmarks "
                                  "WHERE article_id IS NOT NULL)");
        break;
    case StoryFilter::Kind::Advisories:
        clauses << QStringLiteral("a.id IN (SELECT article_id FROM advisories)");
        break;
    case StoryFilter::Kind::Feed:
        clauses << QStringLiteral("a.feed_id = ?");
        *values << filter.id;
        break;
    case StoryFilter::Kind::Folder:
        clauses << QStringLiteral(
            "a.feed_id IN (SELECT id FROM feeds WHERE folder_id IN ("
            "WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT f.id FROM folders f "
            "JOIN sub ON f.parent_id = sub.id) SELECT id FROM sub))");
        *values << filter.id;
        break;
    case StoryFilter::Kind::Account:
        clauses << QStringLiteral("a.feed_id IN (SELECT id FROM feeds WHERE account_id = ?)");
        *values << filter.id;
        break;
    }
    return clauses.join(QLatin1String(" AND "));
}

QLatin1String ArticleStore::sourceFor(const StoryFilter &filter)
{
    // unread_articles has the id, feed_id and sort_date of articles, under the same names,
    // and its own (sort_date, id) and (feed_id, sort_date, id) indexes: the clauses of
    // whereFor() read the same over either table.
    return filter.kind == StoryFilter::Kind::Unread || filter.unreadOnly
        ? QLatin1String("unread_articles")
        : QLatin1String("articles");
}

QList<StorySummary> ArticleStore::stories(const StoryFilter &filter,
                                          const std::optional<StoryCursor> &after, int limit,
                                          const StoryOrder &order) const
{
    if (order.key == StoryOrder::Key::Source)
        return storiesBySource(filter, after, limit, order.reversed);
    QVariantList values;
    QStringList where;
    const QLatin1String direction = order.reversed ? QLatin1String(" ASC") : QLatin1String(" DESC");
    if (order.key == StoryOrder::Key::Date) {
        if (const QString clauses = whereFor(filter, &values); !clauses.isEmpty())
            where << clauses;
        if (after) {
            where << QStringLiteral("(a.sort_date, a.id) %1 (?, ?)")
                         .arg(order.reversed ? QLatin1String(">") : QLatin1String("<"));
            values << after->sortDate << after->id;
        }
        return page(sourceFor(filter), where.join(QLatin1String(" AND ")), values,
                    QStringLiteral("a.sort_date%1, a.id%1").arg(direction), limit);
    }
    // Headlines are in articles only: unread stories are the ones with a row in
    // unread_articles, looked up by id while walking a headline index (listing the unread
    // ids first and sorting them would read every unread row for each page).
    StoryFilter readOrNot = filter;
    readOrNot.unreadOnly = false;
    if (readOrNot.kind == StoryFilter::Kind::Unread)
        readOrNot.kind = StoryFilter::Kind::All;
    if (const QString clauses = whereFor(readOrNot, &values); !clauses.isEmpty())
        where << clauses;
    if (sourceFor(filter) != QLatin1String("articles"))
        where << QStringLiteral("EXISTS (SELECT 1 FROM unread_articles u WHERE u.id = a.id)");
    if (after) {
        // The collation on the bound value makes the pair compare as the index sorts.
        where << QStringLiteral("(a.title, a.id) %1 (? COLLATE NOCASE, ?)")
                     .arg(order.reversed ? QLatin1String("<") : QLatin1String(">"));
        values << after->title << after->id;
    }
    const QLatin1String ascending = order.reversed ? QLatin1String(" DESC") : QLatin1String(" ASC");
    return page(QLatin1String("articles"), where.join(QLatin1String(" AND ")), values,
                QStringLiteral("a.title COLLATE NOCASE%1, a.id%1").arg(ascending), limit);
}

QList<StorySummary> ArticleStore::storiesBySource(const StoryFilter &filter,
                                                  const std::optional<StoryCursor> &after,
                                                  int limit, bool reversed) const
{
    // The sources in order, from the cursor's on, that have a story in the view; then each
    // one's stories newest first until the page is full. A source's stories are one range
    // of its (feed_id, sort_date, id) index, so no page reads more than it lists, and
    // sources are few (hundreds) where stories are many.
    QVariantList feedValues;
    QString feedWhere = whereFor(filter, &feedValues);
    feedWhere = QStringLiteral("EXISTS (SELECT 1 FROM %1 a WHERE a.feed_id = f.id%2)")
                    .arg(sourceFor(filter),
                         feedWhere.isEmpty() ? QString() : QStringLiteral(" AND ") + feedWhere);
    if (after) {
        feedWhere += QStringLiteral(" AND (f.title, f.id) %1 (? COLLATE NOCASE, ?)")
                         .arg(reversed ? QLatin1String("<=") : QLatin1String(">="));
        feedValues << after->source << after->feedId;
    }
    const QLatin1String direction = reversed ? QLatin1String(" DESC") : QLatin1String(" ASC");
    QSqlQuery feeds(m_db);
    feeds.setForwardOnly(true);
    QList<StorySummary> result;
    if (!sql::run(feeds,
                  QStringLiteral(
                      "SELECT f.id FROM feeds f WHERE %1 ORDER BY f.title COLLATE NOCASE%2, f.id%2")
                      .arg(feedWhere, direction),
                  feedValues))
        return result;
    QList<qint64> feedIds;
    while (feeds.next())
        feedIds << feeds.value(0).toLongLong();
    feeds.finish();
    for (const qint64 feedId : std::as_const(feedIds)) {
        if (result.size() >= limit)
            break;
        QVariantList values;
        QStringList where;
        if (const QString clauses = whereFor(filter, &values); !clauses.isEmpty())
            where << clauses;
        where << QStringLiteral("a.feed_id = ?");
        values << feedId;
        if (after && feedId == after->feedId) {
            where << QStringLiteral("(a.sort_date, a.id) < (?, ?)");
            values << after->sortDate << after->id;
        }
        result << page(sourceFor(filter), where.join(QLatin1String(" AND ")), values,
                       QStringLiteral("a.sort_date DESC, a.id DESC"), limit - int(result.size()));
    }
    return result;
}

QList<StorySummary> ArticleStore::page(QLatin1String source, const QString &where,
                                       QVariantList values, const QString &orderBy, int limit) const
{
    values << limit;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QList<StorySummary> result;
    // The page's ids come first, from the covering index of the filter and the order, and
    // only those rows are read: a filter that matches many stories out of order (a folder's
    // feeds) would otherwise read and sort every matching row to keep 200.
    if (!sql::run(q,
                  QStringLiteral("SELECT %1 FROM articles a JOIN feeds f ON f.id = a.feed_id "
                                 "WHERE a.id IN (SELECT a.id FROM %2 a %3 ORDER BY %4 LIMIT ?) "
                                 "ORDER BY %4")
                      .arg(QLatin1String(sql::kSummaryColumns), source,
                           where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where, orderBy),
                  values))
        return result;
    result.reserve(limit);
    while (q.next())
        result << sql::readSummary(q);
    return result;
}

int ArticleStore::count(const StoryFilter &filter) const
{
    QVariantList values;
    const QString where = whereFor(filter, &values);
    QSqlQuery q(m_db);
    if (sql::run(q,
                 QStringLiteral("SELECT count(*) FROM %1 a %2")
                     .arg(sourceFor(filter),
                          where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where),
                 values)
        && q.next())
        return q.value(0).toInt();
    return 0;
}

int ArticleStore::unreadCount(const StoryFilter &filter) const
{
    if (filter.kind == StoryFilter::Kind::Advisories) {
        // Kept per feed by triggers (schema 18), beside each feed's unread count.
        QSqlQuery q(m_db);
        if (sql::run(q, QStringLiteral("SELECT coalesce(sum(advisories), 0) FROM feed_unread"))
            && q.next())
            return q.value(0).toInt();
        return 0;
    }
    StoryFilter unread = filter;
    unread.unreadOnly = true;
    return count(unread);
}

bool ArticleStore::setRead(const QList<qint64> &ids, bool read)
{
    Transaction transaction(m_db);
    QSqlQuery q(m_db);
    if (!transaction.isActive()
        || !q.prepare(
            read ? QStringLiteral("DELETE FROM unread_articles WHERE id = ?")
                 : QStringLiteral("INSERT OR IGNORE INTO unread_articles(id, feed_id, sort_date) "
                                  "SELECT id, feed_id, sort_date FROM articles WHERE id = ?")))
        return false;
    for (qint64 id : ids) {
        q.addBindValue(id);
        if (!q.exec()) {
            sql::noteFailure(m_db);
            qCWarning(lcStorage) << "marking read failed:" << q.lastError().text();
            return false;
        }
    }
    return transaction.commit();
}

QList<qint64> ArticleStore::markAllRead(const StoryFilter &filter, bool *ok)
{
    if (ok)
        *ok = false;
    QVariantList values;
    const QString where = whereFor(filter, &values);
    Transaction transaction(m_db);
    if (!transaction.isActive())
        return {};
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // The clauses name the table `a`, and unread_articles has the columns they read: the
    // rows go straight through its feed index, without first listing their ids (a third of
    // the time for a 10,000-story feed). RETURNING hands back what the DELETE removed, so
    // the ids are exactly the stories that were unread, read in the same statement.
    if (!sql::run(q,
                  where.isEmpty()
                      ? QStringLiteral("DELETE FROM unread_articles RETURNING id")
                      : QStringLiteral("DELETE FROM unread_articles AS a WHERE %1 RETURNING id")
                            .arg(where),
                  values))
        return {};
    QList<qint64> changed;
    while (q.next())
        changed << q.value(0).toLongLong();
    if (q.lastError().isValid()) {
        sql::noteFailure(m_db);
        qCWarning(lcStorage) << "marking a view read failed:" << q.lastError().text();
        return {};
    }
    q.finish();
    if (!transaction.commit())
        return {};
    if (ok)
        *ok = true;
    return changed;
}

} // namespace bulletin
