#include "storage/cache.h"

#include "storage/sqlutil.h"

#include <QSqlQuery>

namespace bulletin {

Cache::Cache()
    : m_feeds(QSqlDatabase())
    , m_articles(QSqlDatabase())
    , m_bookmarks(QSqlDatabase())
    , m_advisories(QSqlDatabase())
    , m_searches(QSqlDatabase())
    , m_coverage(QSqlDatabase())
    , m_accounts(QSqlDatabase())
    , m_retention(QSqlDatabase())
{
}

std::unique_ptr<Cache> Cache::open(const QString &path, QString *error, Database::Problem *problem)
{
    std::unique_ptr<Cache> cache(new Cache);
    const bool opened = cache->m_database.open(path, error);
    if (problem)
        *problem = cache->m_database.problem();
    if (!opened)
        return nullptr;
    const QSqlDatabase db = cache->m_database.connection();
    cache->m_feeds = FeedStore(db);
    cache->m_articles = ArticleStore(db);
    cache->m_bookmarks = BookmarkStore(db);
    cache->m_advisories = AdvisoryStore(db);
    cache->m_searches = SearchStore(db);
    cache->m_coverage = CoverageStore(db);
    cache->m_accounts = AccountStore(db);
    cache->m_retention = RetentionStore(db);
    return cache;
}

QString Cache::meta(const QString &key) const
{
    QSqlQuery q(m_database.connection());
    if (sql::run(q, QStringLiteral("SELECT value FROM meta WHERE key = ?"), {key}) && q.next())
        return q.value(0).toString();
    return {};
}

bool Cache::setMeta(const QString &key, const QString &value)
{
    QSqlQuery q(m_database.connection());
    return sql::run(q,
                    QStringLiteral("INSERT INTO meta(key, value) VALUES (?, ?) "
                                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                    {key, value});
}

QString Cache::withReason(const QString &message) const
{
    return sql::withReason(message, m_database.connection());
}

} // namespace bulletin
