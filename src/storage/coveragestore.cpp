#include "storage/coveragestore.h"

#include "storage/sqlutil.h"

#include <QSqlQuery>

namespace bulletin {

namespace {

// Bound parameters per IN list: well below SQLite's limit, and lists here are short.
constexpr int kIdsPerStatement = 500;

} // namespace

CoverageStore::CoverageStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool CoverageStore::isIndexed(qint64 storyId) const
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("SELECT 1 FROM coverage_events WHERE story_id = ?"),
                    {storyId})
        && q.next();
}

QHash<qint64, QList<CoverageLink>> CoverageStore::links(const QList<qint64> &storyIds,
                                                        int limit) const
{
    QHash<qint64, QList<CoverageLink>> out;
    for (qsizetype start = 0; start < storyIds.size(); start += kIdsPerStatement) {
        const QList<qint64> batch = storyIds.mid(start, kIdsPerStatement);
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!sql::run(q,
                      QStringLiteral("SELECT story_id FROM coverage_events WHERE story_id IN (%1)")
                          .arg(sql::placeholders(batch.size())),
                      sql::idValues(batch)))
            continue;
        while (q.next())
            out.insert(q.value(0).toLongLong(), {});
        q.finish();
        if (!sql::run(
                q,
                QStringLiteral("SELECT story_id, other_id, score FROM coverage_links "
                               "WHERE story_id IN (%1) ORDER BY story_id, score DESC, other_id")
                    .arg(sql::placeholders(batch.size())),
                sql::idValues(batch)))
            continue;
        while (q.next()) {
            const auto it = out.find(q.value(0).toLongLong());
            if (it != out.end() && it->size() < limit)
                it->append({q.value(1).toLongLong(), q.value(2).toDouble()});
        }
    }
    return out;
}

QList<qint64> CoverageStore::pending(int limit) const
{
    QList<qint64> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // Newest first: after an upgrade or a big import, today's stories get their coverage
    // before last year's. A story waiting for the search index has no headline there yet.
    if (!sql::run(q,
                  QStringLiteral(
                      "SELECT a.id FROM articles a "
                      "WHERE NOT EXISTS (SELECT 1 FROM coverage_events e WHERE e.story_id = a.id) "
                      "AND NOT EXISTS (SELECT 1 FROM articles_fts_pending p WHERE p.id = a.id) "
                      "ORDER BY a.id DESC LIMIT ?"),
                  {limit}))
        return out;
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

std::optional<qint64> CoverageStore::eventOf(qint64 storyId) const
{
    QSqlQuery q(m_db);
    if (sql::run(q, QStringLiteral("SELECT event_id FROM coverage_events WHERE story_id = ?"),
                 {storyId})
        && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

QHash<qint64, StoryEvent> CoverageStore::events(const QList<qint64> &storyIds) const
{
    QHash<qint64, StoryEvent> out;
    for (qsizetype start = 0; start < storyIds.size(); start += kIdsPerStatement) {
        const QList<qint64> batch = storyIds.mid(start, kIdsPerStatement);
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!sql::run(q,
                      QStringLiteral(
                          "SELECT e.story_id, e.event_id, "
                          "(SELECT count(DISTINCT a.feed_id) FROM coverage_events m "
                          "JOIN articles a ON a.id = m.story_id WHERE m.event_id = e.event_id) "
                          "FROM coverage_events e WHERE e.story_id IN (%1)")
                          .arg(sql::placeholders(batch.size())),
                      sql::idValues(batch)))
            continue;
        while (q.next())
            out.insert(q.value(0).toLongLong(), {q.value(1).toLongLong(), q.value(2).toInt()});
    }
    return out;
}

bool CoverageStore::addLinks(qint64 storyId, const QList<CoverageLink> &links)
{
    QSqlQuery q(m_db);
    // Links are worked out before the transaction that stores them: a story deleted
    // meanwhile gets none (its foreign key would fail the whole store).
    if (!q.prepare(
            QStringLiteral("INSERT INTO coverage_links(story_id, other_id, score) SELECT ?, ?, ? "
                           "WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?) "
                           "AND EXISTS (SELECT 1 FROM articles WHERE id = ?) "
                           "ON CONFLICT (story_id, other_id) DO UPDATE SET "
                           "score = min(score, excluded.score)")))
        return false;
    for (const CoverageLink &link : links) {
        if (link.id == storyId)
            continue;
        for (const auto &[from, to] : {std::pair(storyId, link.id), std::pair(link.id, storyId)}) {
            q.addBindValue(from);
            q.addBindValue(to);
            q.addBindValue(link.score);
            q.addBindValue(from);
            q.addBindValue(to);
            if (!q.exec())
                return false;
        }
    }
    return true;
}

bool CoverageStore::setEvent(qint64 storyId, qint64 eventId)
{
    QSqlQuery q(m_db);
    return sql::run(
        q,
        QStringLiteral("INSERT INTO coverage_events(story_id, event_id) SELECT ?, ? "
                       "WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?) "
                       "ON CONFLICT (story_id) DO UPDATE SET event_id = excluded.event_id"),
        {storyId, eventId, storyId});
}

} // namespace bulletin
