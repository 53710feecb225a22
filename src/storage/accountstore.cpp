#include "storage/accountstore.h"

#include "storage/database.h"
#include "storage/sqlutil.h"

#include <QSqlQuery>

namespace bulletin {

namespace {

constexpr auto kAccountColumns
    = "a.id, a.kind, a.url, a.user, a.last_sync, a.last_error, a.since_id, "
      "(SELECT count(*) FROM sync_pending p WHERE p.account_id = a.id)";

AccountRecord readAccount(const QSqlQuery &q)
{
    AccountRecord r;
    r.id = q.value(0).toLongLong();
    r.kind = q.value(1).toString();
    r.url = q.value(2).toString();
    r.user = q.value(3).toString();
    r.lastSync = sql::toTime(q.value(4));
    r.lastError = q.value(5).toString();
    r.sinceId = q.value(6).toString();
    r.pending = q.value(7).toInt();
    return r;
}

QLatin1String fieldName(PendingChange::Field field)
{
    switch (field) {
    case PendingChange::Field::Read:
        return QLatin1String("read");
    case PendingChange::Field::Starred:
        return QLatin1String("starred");
    case PendingChange::Field::Note:
        break;
    }
    return QLatin1String("note");
}

} // namespace

AccountStore::AccountStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

std::optional<qint64> AccountStore::add(const QString &kind, const QString &url,
                                        const QString &user, QString *error)
{
    QSqlQuery q(m_db);
    if (sql::run(q,
                 QStringLiteral("SELECT id FROM accounts WHERE kind = ? AND url = ? AND user = ?"),
                 {kind, url, user})
        && q.next()) {
        if (error)
            *error = QStringLiteral("there is already an account for %1 at %2 (id %3)")
                         .arg(user, url)
                         .arg(q.value(0).toLongLong());
        return std::nullopt;
    }
    Transaction transaction(m_db);
    if (!transaction.isActive()
        || !sql::run(
            q,
            QStringLiteral("INSERT INTO accounts(kind, url, user, created_at) VALUES (?, ?, ?, ?)"),
            {kind, url, user, QDateTime::currentSecsSinceEpoch()})) {
        if (error)
            *error = sql::withReason(QStringLiteral("cannot write the account to the cache"), m_db);
        return std::nullopt;
    }
    const qint64 id = q.lastInsertId().toLongLong();
    if (!transaction.commit()) {
        if (error)
            *error = sql::withReason(QStringLiteral("cannot write the account to the cache"), m_db);
        return std::nullopt;
    }
    return id;
}

QList<AccountRecord> AccountStore::accounts() const
{
    QSqlQuery q(m_db);
    QList<AccountRecord> result;
    if (!sql::run(q,
                  QStringLiteral("SELECT %1 FROM accounts a WHERE NOT a.removing ORDER BY a.id")
                      .arg(QLatin1String(kAccountColumns))))
        return result;
    while (q.next())
        result << readAccount(q);
    return result;
}

std::optional<AccountRecord> AccountStore::account(qint64 id) const
{
    QSqlQuery q(m_db);
    if (sql::run(q,
                 QStringLiteral("SELECT %1 FROM accounts a WHERE a.id = ? AND NOT a.removing")
                     .arg(QLatin1String(kAccountColumns)),
                 {id})
        && q.next())
        return readAccount(q);
    return std::nullopt;
}

bool AccountStore::recordSync(qint64 id, const QString &error, const QDateTime &when)
{
    QSqlQuery q(m_db);
    if (error.isEmpty())
        return sql::run(
            q, QStringLiteral("UPDATE accounts SET last_sync = ?, last_error = NULL WHERE id = ?"),
            {sql::fromTime(when), id});
    return sql::run(q, QStringLiteral("UPDATE accounts SET last_error = ? WHERE id = ?"),
                    {error, id});
}

bool AccountStore::setSinceId(qint64 id, const QString &sinceId)
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("UPDATE accounts SET since_id = ? WHERE id = ?"),
                    {sinceId, id});
}

bool AccountStore::beginRemove(qint64 id)
{
    Transaction transaction(m_db);
    QSqlQuery q(m_db);
    return transaction.isActive()
        && sql::run(
               q, QStringLiteral("UPDATE accounts SET removing = 1 WHERE id = ? AND NOT removing"),
               {id})
        && q.numRowsAffected() == 1
        && sql::run(q, QStringLiteral("DELETE FROM sync_pending WHERE account_id = ?"), {id})
        && sql::run(q, QStringLiteral("UPDATE feeds SET removing = 1 WHERE account_id = ?"), {id})
        // The folders go now: their feeds leave every list with them.
        && sql::run(q, QStringLiteral("UPDATE feeds SET folder_id = NULL WHERE account_id = ?"),
                    {id})
        && sql::run(q, QStringLiteral("DELETE FROM folders WHERE account_id = ?"), {id})
        && transaction.commit();
}

bool AccountStore::purgeRemovedAccounts()
{
    QSqlQuery q(m_db);
    return sql::run(q,
                    QStringLiteral("DELETE FROM accounts WHERE removing AND NOT EXISTS "
                                   "(SELECT 1 FROM feeds f WHERE f.account_id = accounts.id)"));
}

QHash<QString, qint64> AccountStore::folders(qint64 accountId) const
{
    QSqlQuery q(m_db);
    QHash<QString, qint64> result;
    if (sql::run(q, QStringLiteral("SELECT remote_id, id FROM folders WHERE account_id = ?"),
                 {accountId})) {
        while (q.next())
            result.insert(q.value(0).toString(), q.value(1).toLongLong());
    }
    return result;
}

std::optional<qint64> AccountStore::ensureFolder(qint64 accountId, const QString &remoteId,
                                                 const QString &title)
{
    QSqlQuery q(m_db);
    if (!sql::run(
            q,
            QStringLiteral("SELECT id, name FROM folders WHERE account_id = ? AND remote_id = ?"),
            {accountId, remoteId}))
        return std::nullopt;
    if (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (q.value(1).toString() != title
            && !sql::run(q, QStringLiteral("UPDATE folders SET name = ? WHERE id = ?"),
                         {title, id}))
            return std::nullopt;
        return id;
    }
    if (!sql::run(
            q, QStringLiteral("INSERT INTO folders(name, account_id, remote_id) VALUES (?, ?, ?)"),
            {title, accountId, remoteId}))
        return std::nullopt;
    return q.lastInsertId().toLongLong();
}

bool AccountStore::removeFolder(qint64 folderId)
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("UPDATE feeds SET folder_id = NULL WHERE folder_id = ?"),
                    {folderId})
        && sql::run(q, QStringLiteral("DELETE FROM folders WHERE id = ?"), {folderId});
}

QHash<QString, AccountFeed> AccountStore::feeds(qint64 accountId) const
{
    QSqlQuery q(m_db);
    QHash<QString, AccountFeed> result;
    if (sql::run(q,
                 QStringLiteral("SELECT id, remote_id, title, remote_url, folder_id FROM feeds "
                                "WHERE account_id = ? AND NOT removing"),
                 {accountId})) {
        while (q.next()) {
            AccountFeed f;
            f.feedId = q.value(0).toLongLong();
            f.remoteId = q.value(1).toString();
            f.title = q.value(2).toString();
            f.url = q.value(3).toString();
            f.folderId = q.value(4).toLongLong();
            result.insert(f.remoteId, f);
        }
    }
    return result;
}

std::optional<qint64> AccountStore::ensureFeed(qint64 accountId, const AccountFeed &feed)
{
    QSqlQuery q(m_db);
    const QVariant folder = feed.folderId > 0 ? QVariant(feed.folderId)
                                              : QVariant(QMetaType(QMetaType::LongLong));
    if (!sql::run(q, QStringLiteral("SELECT id FROM feeds WHERE account_id = ? AND remote_id = ?"),
                  {accountId, feed.remoteId}))
        return std::nullopt;
    if (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        // A feed unsubscribed here while its removal was still under way, then found on
        // the server again, is kept.
        if (!sql::run(q,
                      QStringLiteral(
                          "UPDATE feeds SET title = ?, remote_url = ?, folder_id = ?, removing = 0 "
                          "WHERE id = ? AND (title IS NOT ? OR remote_url IS NOT ? "
                          "OR folder_id IS NOT ? OR removing)"),
                      {feed.title, feed.url, folder, id, feed.title, feed.url, folder}))
            return std::nullopt;
        return id;
    }
    if (!sql::run(
            q,
            QStringLiteral(
                "INSERT INTO feeds(kind, title, folder_id, account_id, remote_id, remote_url, "
                "created_at) VALUES ('feed', ?, ?, ?, ?, ?, ?)"),
            {feed.title, folder, accountId, feed.remoteId, sql::nullIfEmpty(feed.url),
             QDateTime::currentSecsSinceEpoch()}))
        return std::nullopt;
    return q.lastInsertId().toLongLong();
}

std::optional<qint64> AccountStore::feedAccount(qint64 feedId) const
{
    QSqlQuery q(m_db);
    if (sql::run(
            q,
            QStringLiteral("SELECT account_id FROM feeds WHERE id = ? AND account_id IS NOT NULL"),
            {feedId})
        && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

QHash<qint64, qint64> AccountStore::feedAccounts() const
{
    QSqlQuery q(m_db);
    QHash<qint64, qint64> result;
    if (sql::run(q,
                 QStringLiteral("SELECT id, account_id FROM feeds WHERE account_id IS NOT NULL"))) {
        while (q.next())
            result.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    }
    return result;
}

std::optional<qint64> AccountStore::storyAccount(qint64 articleId) const
{
    QSqlQuery q(m_db);
    if (sql::run(q, QStringLiteral("SELECT account_id FROM account_articles WHERE article_id = ?"),
                 {articleId})
        && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

namespace {

// A story of an account and its state here; `where` may use m (account_articles), a
// (articles) and b (bookmarks).
bool readStories(QSqlDatabase db, const QString &where, const QVariantList &values,
                 QHash<QString, AccountStory> *stories)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!sql::run(
            q,
            QStringLiteral("SELECT m.article_id, m.remote_id, a.feed_id, "
                           "EXISTS (SELECT 1 FROM unread_articles u WHERE u.id = m.article_id), "
                           "b.id IS NOT NULL, n.note "
                           "FROM account_articles m JOIN articles a ON a.id = m.article_id "
                           "LEFT JOIN bookmarks b ON b.article_id = m.article_id "
                           "LEFT JOIN bookmark_notes n ON n.bookmark_id = b.id WHERE ")
                + where,
            values))
        return false;
    while (q.next()) {
        AccountStory s;
        s.articleId = q.value(0).toLongLong();
        s.remoteId = q.value(1).toString();
        s.feedId = q.value(2).toLongLong();
        s.unread = q.value(3).toBool();
        s.starred = q.value(4).toBool();
        s.note = q.value(5).toString();
        stories->insert(s.remoteId, s);
    }
    return true;
}

// Remote ids asked for at a time: well under SQLite's limit of bound values.
constexpr qsizetype kIdSlice = 500;

} // namespace

QHash<QString, AccountStory> AccountStore::stories(qint64 accountId,
                                                   const QSet<QString> &remoteIds) const
{
    QHash<QString, AccountStory> result;
    const QStringList ids(remoteIds.cbegin(), remoteIds.cend());
    for (qsizetype from = 0; from < ids.size(); from += kIdSlice) {
        const QStringList slice = ids.mid(from, kIdSlice);
        QVariantList values{accountId};
        for (const QString &id : slice)
            values << id;
        if (!readStories(m_db,
                         QStringLiteral("m.account_id = ? AND m.remote_id IN (%1)")
                             .arg(sql::placeholders(slice.size())),
                         values, &result))
            break;
    }
    return result;
}

QHash<QString, AccountStory> AccountStore::starredStories(qint64 accountId) const
{
    QHash<QString, AccountStory> result;
    readStories(m_db, QStringLiteral("m.account_id = ? AND b.id IS NOT NULL"), {accountId},
                &result);
    return result;
}

QHash<QString, AccountStory> AccountStore::unreadStories(qint64 accountId, qint64 feedId) const
{
    QHash<QString, AccountStory> result;
    // From the unread table (a row per unread story) rather than every story of the account.
    const QString unread = feedId > 0
        ? QStringLiteral("SELECT id FROM unread_articles WHERE feed_id = ?")
        : QStringLiteral("SELECT u.id FROM unread_articles u JOIN feeds f ON f.id = u.feed_id "
                         "WHERE f.account_id = ?");
    readStories(m_db, QStringLiteral("m.account_id = ? AND m.article_id IN (%1)").arg(unread),
                {accountId, feedId > 0 ? feedId : accountId}, &result);
    return result;
}

QHash<qint64, int> AccountStore::unreadCounts(qint64 accountId) const
{
    QSqlQuery q(m_db);
    QHash<qint64, int> result;
    if (sql::run(q,
                 QStringLiteral("SELECT u.feed_id, count(*) FROM unread_articles u JOIN feeds f ON "
                                "f.id = u.feed_id "
                                "WHERE f.account_id = ? GROUP BY u.feed_id"),
                 {accountId})) {
        while (q.next())
            result.insert(q.value(0).toLongLong(), q.value(1).toInt());
    }
    return result;
}

bool AccountStore::mapStories(qint64 accountId, const QList<std::pair<qint64, QString>> &stories)
{
    if (stories.isEmpty())
        return true;
    Transaction transaction(m_db);
    QSqlQuery q(m_db);
    if (!transaction.isActive()
        || !q.prepare(
            QStringLiteral("INSERT INTO account_articles(article_id, account_id, remote_id) "
                           "VALUES (?, ?, ?) ON CONFLICT(article_id) DO NOTHING")))
        return false;
    for (const auto &[articleId, remoteId] : stories) {
        q.addBindValue(articleId);
        q.addBindValue(accountId);
        q.addBindValue(remoteId);
        if (!q.exec()) {
            sql::noteFailure(m_db);
            return false;
        }
    }
    return transaction.commit();
}

std::optional<QString> AccountStore::remoteId(qint64 articleId) const
{
    QSqlQuery q(m_db);
    if (sql::run(q, QStringLiteral("SELECT remote_id FROM account_articles WHERE article_id = ?"),
                 {articleId})
        && q.next())
        return q.value(0).toString();
    return std::nullopt;
}

QList<PendingChange> AccountStore::pending(qint64 accountId, int limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QList<PendingChange> result;
    if (!sql::run(q,
                  QStringLiteral("SELECT id, remote_id, field, value, note FROM sync_pending "
                                 "WHERE account_id = ? ORDER BY id LIMIT ?"),
                  {accountId, limit}))
        return result;
    while (q.next()) {
        PendingChange c;
        c.id = q.value(0).toLongLong();
        c.remoteId = q.value(1).toString();
        const QString field = q.value(2).toString();
        c.field = field == QLatin1String("read") ? PendingChange::Field::Read
            : field == QLatin1String("starred")  ? PendingChange::Field::Starred
                                                 : PendingChange::Field::Note;
        c.value = q.value(3).toBool();
        c.note = q.value(4).toString();
        result << c;
    }
    return result;
}

int AccountStore::pendingCount(qint64 accountId) const
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("SELECT count(*) FROM sync_pending WHERE account_id = ?"),
                    {accountId})
            && q.next()
        ? q.value(0).toInt()
        : 0;
}

QSet<QString> AccountStore::pendingIds(qint64 accountId, PendingChange::Field field) const
{
    QSqlQuery q(m_db);
    QSet<QString> result;
    if (sql::run(
            q,
            QStringLiteral("SELECT remote_id FROM sync_pending WHERE account_id = ? AND field = ?"),
            {accountId, fieldName(field)})) {
        while (q.next())
            result.insert(q.value(0).toString());
    }
    return result;
}

bool AccountStore::clearPending(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return true;
    QVariantList values;
    values.reserve(ids.size());
    for (const qint64 id : ids)
        values << id;
    Transaction transaction(m_db);
    QSqlQuery q(m_db);
    return transaction.isActive()
        && sql::run(q,
                    QStringLiteral("DELETE FROM sync_pending WHERE id IN (%1)")
                        .arg(sql::placeholders(ids.size())),
                    values)
        && transaction.commit();
}

bool AccountStore::beginApplying()
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("INSERT OR IGNORE INTO sync_applying(one) VALUES (1)"));
}

bool AccountStore::endApplying()
{
    QSqlQuery q(m_db);
    return sql::run(q, QStringLiteral("DELETE FROM sync_applying"));
}

} // namespace bulletin
