#include "storage/feedstore.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QSqlError>
#include <QSqlQuery>

namespace bulletin {

namespace {

#define BULLETIN_FEED_SETTINGS \
    "f.id, f.kind, f.url, f.title, f.site_url, f.folder_id, f.is_alert_source, f.etag, " \
    "f.last_modified, f.last_attempt, f.last_success, f.last_error, f.failures, f.retry_after, " \
    "f.refresh_minutes, f.ttl_minutes, f.last_warning, f.carries_alerts, f.account_id, "
// A feed's unread stories are counted by triggers as they come and go (feed_unread): one row
// per feed, whatever the number of unread stories.
#define BULLETIN_FEED_UNREAD \
    "coalesce((SELECT n.unread FROM feed_unread n WHERE n.feed_id = f.id), 0), "
constexpr auto kFeedColumns = BULLETIN_FEED_SETTINGS BULLETIN_FEED_UNREAD
    "(SELECT count(*) FROM articles a WHERE a.feed_id = f.id)";
// The list of feeds counts unread stories only: counting every story of every feed reads
// the whole articles index (~30 ms at 100,000 stories), at each start and each refresh.
constexpr auto kFeedListColumns = BULLETIN_FEED_SETTINGS BULLETIN_FEED_UNREAD "0";
constexpr auto kFeedSettingsColumns = BULLETIN_FEED_SETTINGS "0, 0";
#undef BULLETIN_FEED_UNREAD
#undef BULLETIN_FEED_SETTINGS

FeedRecord readFeed(const QSqlQuery &q)
{
    FeedRecord r;
    r.id = q.value(0).toLongLong();
    r.kind = q.value(1).toString();
    r.url = q.value(2).toString();
    r.title = q.value(3).toString();
    r.siteUrl = q.value(4).toString();
    r.folderId = q.value(5).toLongLong();
    r.alertSource = q.value(6).toBool();
    r.etag = q.value(7).toString().toUtf8();
    r.lastModified = q.value(8).toString();
    r.lastAttempt = sql::toTime(q.value(9));
    r.lastSuccess = sql::toTime(q.value(10));
    r.lastError = q.value(11).toString();
    r.failures = q.value(12).toInt();
    r.retryAfter = sql::toTime(q.value(13));
    r.refreshMinutes = q.value(14).toInt();
    r.ttlMinutes = q.value(15).toInt();
    r.lastWarning = q.value(16).toString();
    r.carriesAlerts = q.value(17).toBool();
    r.accountId = q.value(18).toLongLong();
    r.unread = q.value(19).toInt();
    r.total = q.value(20).toInt();
    return r;
}

qint64 now()
{
    return QDateTime::currentSecsSinceEpoch();
}

// The feed matching `condition` (with one bound value), read with `columns`.
std::optional<FeedRecord> oneFeed(sql::StatementCache &statements, const char *columns,
                                  const char *condition, const QVariant &value)
{
    const sql::CachedRead q(statements,
                            QStringLiteral("SELECT %1 FROM feeds f WHERE %2")
                                .arg(QLatin1String(columns), QLatin1String(condition)),
                            {value});
    if (q && q->next())
        return readFeed(*q);
    return std::nullopt;
}

} // namespace

FeedStore::FeedStore(QSqlDatabase db)
    : m_db(std::move(db))
    , m_statements(std::make_unique<sql::StatementCache>(m_db))
{
}

FeedStore::FeedStore(FeedStore &&) noexcept = default;
FeedStore &FeedStore::operator=(FeedStore &&) noexcept = default;
FeedStore::~FeedStore() = default;

std::optional<qint64> FeedStore::addSubscription(const QString &url, const QString &title,
                                                 qint64 folderId, QString *error)
{
    if (const auto existing = feedByUrl(url))
        return keep(existing->id);
    QSqlQuery q(m_db);
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO feeds(kind, url, title, folder_id, created_at) "
                                 "VALUES ('feed', ?, ?, ?, ?)"),
                  {url, title.isEmpty() ? url : title,
                   folderId > 0 ? QVariant(folderId) : QVariant(QMetaType(QMetaType::LongLong)),
                   now()})) {
        if (error)
            *error = q.lastError().text();
        return std::nullopt;
    }
    return q.lastInsertId().toLongLong();
}

std::optional<qint64> FeedStore::localSource(const QString &title, const QString &url)
{
    QSqlQuery q(m_db);
    if (!url.isEmpty()) {
        if (const auto existing = feedByUrl(url)) {
            if (!title.isEmpty() && existing->title != title)
                rename(existing->id, title);
            return keep(existing->id);
        }
    } else {
        sql::run(q,
                 QStringLiteral("SELECT id FROM feeds WHERE kind = 'local' AND url IS NULL "
                                "AND title = ?"),
                 {title});
        if (q.next())
            return keep(q.value(0).toLongLong());
    }
    if (!sql::run(q,
                  QStringLiteral("INSERT INTO feeds(kind, url, title, created_at) "
                                 "VALUES ('local', ?, ?, ?)"),
                  {sql::nullIfEmpty(url), title, now()}))
        return std::nullopt;
    return q.lastInsertId().toLongLong();
}

namespace {

QList<FeedRecord> feedList(const QSqlDatabase &db, const char *columns)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QList<FeedRecord> result;
    if (!sql::run(
            q,
            QStringLiteral("SELECT %1 FROM feeds f WHERE NOT f.removing "
                           "ORDER BY f.folder_id IS NOT NULL, f.folder_id, f.title COLLATE NOCASE")
                .arg(QLatin1String(columns))))
        return result;
    while (q.next())
        result << readFeed(q);
    return result;
}

} // namespace

QList<FeedRecord> FeedStore::feeds() const
{
    return feedList(m_db, kFeedListColumns);
}

QList<FeedRecord> FeedStore::feedSettingsList() const
{
    return feedList(m_db, kFeedSettingsColumns);
}

bool FeedStore::hasFeeds() const
{
    return anyFeed("NOT removing").value_or(false);
}

std::optional<FeedRecord> FeedStore::feed(qint64 id) const
{
    return oneFeed(*m_statements, kFeedColumns, "f.id = ?", id);
}

std::optional<FeedRecord> FeedStore::feedSettings(qint64 id) const
{
    return oneFeed(*m_statements, kFeedSettingsColumns, "f.id = ?", id);
}

std::optional<FeedRecord> FeedStore::feedByUrl(const QString &url) const
{
    return oneFeed(*m_statements, kFeedColumns, "f.url = ?", url);
}

bool FeedStore::rename(qint64 feedId, const QString &title)
{
    QSqlQuery q(m_db);
    return !title.trimmed().isEmpty()
        && sql::run(q, QStringLiteral("UPDATE feeds SET title = ? WHERE id = ?"),
                    {title.trimmed(), feedId});
}

bool FeedStore::moveToFolder(qint64 feedId, qint64 folderId)
{
    QSqlQuery q(m_db);
    return sql::run(
        q, QStringLiteral("UPDATE feeds SET folder_id = ? WHERE id = ?"),
        {folderId > 0 ? QVariant(folderId) : QVariant(QMetaType(QMetaType::LongLong)), feedId});
}

bool FeedStore::setUrl(qint64 feedId, const QString &url)
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("UPDATE feeds SET url = ? WHERE id = ?"), {url, feedId});
}

bool FeedStore::setAddress(qint64 feedId, const QString &url)
{
    QSqlQuery q(m_db);
    return sql::run(
        q,
        QStringLiteral(
            "UPDATE feeds SET url = ?, etag = NULL, last_modified = NULL, last_error = NULL, "
            "failures = 0, retry_after = NULL WHERE id = ?"),
        {url, feedId});
}

bool FeedStore::setRefreshMinutes(qint64 feedId, int minutes)
{
    QSqlQuery q(m_db);
    return sql::run(
        q, QStringLiteral("UPDATE feeds SET refresh_minutes = ? WHERE id = ?"),
        {minutes > 0 ? QVariant(minutes) : QVariant(QMetaType(QMetaType::Int)), feedId});
}

bool FeedStore::setAlertSource(qint64 feedId, bool alertSource)
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("UPDATE feeds SET is_alert_source = ? WHERE id = ?"),
                    {alertSource ? 1 : 0, feedId});
}

bool FeedStore::setCarriesAlerts(qint64 feedId, bool carriesAlerts)
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("UPDATE feeds SET carries_alerts = ? WHERE id = ?"),
                    {carriesAlerts ? 1 : 0, feedId});
}

bool FeedStore::setSiteUrl(qint64 feedId, const QString &siteUrl)
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("UPDATE feeds SET site_url = ? WHERE id = ?"),
                    {sql::nullIfEmpty(siteUrl), feedId});
}

bool FeedStore::remove(qint64 feedId)
{
    // Stories go with their feed (ON DELETE CASCADE); bookmarks only lose their link to
    // the story (ON DELETE SET NULL) and keep their snapshot.
    Transaction transaction(m_db);
    QSqlQuery q(m_db);
    return transaction.isActive()
        && sql::run(q, QStringLiteral("DELETE FROM feeds WHERE id = ?"), {feedId})
        && transaction.commit();
}

bool FeedStore::beginRemove(qint64 feedId)
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("UPDATE feeds SET removing = 1 WHERE id = ?"), {feedId})
        && q.numRowsAffected() == 1;
}

bool FeedStore::hasRemovals() const
{
    return anyFeed("removing").value_or(false);
}

int FeedStore::purgeRemoved(int stories)
{
    // Deleting a story deletes its body, search entries, read state and links with it; a
    // bookmark of it keeps its snapshot (ON DELETE SET NULL), as with remove().
    Transaction transaction(m_db);
    QSqlQuery q(m_db);
    if (!transaction.isActive()
        || !sql::run(
            q,
            QStringLiteral("DELETE FROM articles WHERE id IN (SELECT a.id FROM articles a "
                           "WHERE a.feed_id IN (SELECT id FROM feeds WHERE removing) LIMIT ?)"),
            {stories})
        || !sql::run(q,
                     QStringLiteral("DELETE FROM feeds WHERE removing AND NOT EXISTS "
                                    "(SELECT 1 FROM articles a WHERE a.feed_id = feeds.id)")))
        return -1;
    const std::optional<bool> left = anyFeed("removing");
    return left && transaction.commit() ? int(*left) : -1;
}

std::optional<bool> FeedStore::anyFeed(const char *condition) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!sql::run(q,
                  QStringLiteral("SELECT EXISTS (SELECT 1 FROM feeds WHERE %1)")
                      .arg(QLatin1String(condition)))
        || !q.next())
        return std::nullopt;
    return q.value(0).toBool();
}

qint64 FeedStore::keep(qint64 feedId)
{
    QSqlQuery q(m_db);
    sql::run(q, QStringLiteral("UPDATE feeds SET removing = 0 WHERE id = ? AND removing"),
             {feedId});
    return feedId;
}

bool FeedStore::recordSuccess(qint64 feedId, const QByteArray &etag, const QString &lastModified,
                              int ttlMinutes, const QString &warning)
{
    return m_statements->run(
               QStringLiteral("UPDATE feeds SET etag = ?, last_modified = ?, last_attempt = ?, "
                              "last_success = ?, last_error = NULL, failures = 0, "
                              "retry_after = NULL, ttl_minutes = ?, last_warning = ? "
                              "WHERE id = ?"),
               {sql::nullIfEmpty(QString::fromUtf8(etag)), sql::nullIfEmpty(lastModified), now(),
                now(), ttlMinutes > 0 ? QVariant(ttlMinutes) : QVariant(QMetaType(QMetaType::Int)),
                sql::nullIfEmpty(warning), feedId})
        != nullptr;
}

bool FeedStore::recordFailure(qint64 feedId, const QString &error, const QDateTime &retryAfter)
{
    return m_statements->run(
               QStringLiteral("UPDATE feeds SET last_attempt = ?, last_error = ?, "
                              "failures = failures + 1, retry_after = ? WHERE id = ?"),
               {now(), error, sql::fromTime(retryAfter), feedId})
        != nullptr;
}

QList<FolderRecord> FeedStore::folders() const
{
    QSqlQuery q(m_db);
    QList<FolderRecord> result;
    if (!sql::run(q,
                  QStringLiteral("SELECT id, name, parent_id, account_id FROM folders "
                                 "ORDER BY parent_id IS NOT NULL, position, name COLLATE NOCASE")))
        return result;
    while (q.next())
        result << FolderRecord{q.value(0).toLongLong(), q.value(1).toString(),
                               q.value(2).toLongLong(), q.value(3).toLongLong()};
    return result;
}

qint64 FeedStore::folderForPath(const QStringList &path)
{
    qint64 parent = 0;
    for (const QString &rawName : path) {
        const QString name = rawName.trimmed();
        if (name.isEmpty())
            continue;
        QSqlQuery q(m_db);
        sql::run(q,
                 QStringLiteral("SELECT id FROM folders WHERE name = ? AND "
                                "coalesce(parent_id, 0) = ?"),
                 {name, parent});
        if (q.next()) {
            parent = q.value(0).toLongLong();
            continue;
        }
        if (!sql::run(
                q, QStringLiteral("INSERT INTO folders(name, parent_id) VALUES (?, ?)"),
                {name, parent > 0 ? QVariant(parent) : QVariant(QMetaType(QMetaType::LongLong))}))
            return 0;
        parent = q.lastInsertId().toLongLong();
    }
    return parent;
}

bool FeedStore::renameFolder(qint64 folderId, const QString &name)
{
    QSqlQuery q(m_db);
    return !name.trimmed().isEmpty()
        && sql::run(q, QStringLiteral("UPDATE folders SET name = ? WHERE id = ?"),
                    {name.trimmed(), folderId});
}

bool FeedStore::removeFolder(qint64 folderId)
{
    Transaction transaction(m_db);
    QSqlQuery q(m_db);
    return transaction.isActive()
        && sql::run(q, QStringLiteral("UPDATE feeds SET folder_id = NULL WHERE folder_id = ?"),
                    {folderId})
        && sql::run(q, QStringLiteral("DELETE FROM folders WHERE id = ?"), {folderId})
        && transaction.commit();
}

} // namespace bulletin
