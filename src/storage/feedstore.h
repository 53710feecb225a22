#pragma once

#include "storage/records.h"

#include <QList>
#include <QSqlDatabase>

#include <memory>
#include <optional>

namespace bulletin {

namespace sql {
class StatementCache;
}

// Feeds (subscriptions and local sources) and their folders. This header is the whole
// public API of the feed tables; SQL stays behind it, always with bound parameters.
// Not thread-safe: use it on the thread that opened its connection.
class FeedStore final
{
public:
    explicit FeedStore(QSqlDatabase db);
    FeedStore(FeedStore &&) noexcept;
    FeedStore &operator=(FeedStore &&) noexcept;
    ~FeedStore();

    // Subscriptions --------------------------------------------------------------------
    // Adds a subscription, or returns the existing one with the same URL.
    std::optional<qint64> addSubscription(const QString &url, const QString &title,
                                          qint64 folderId = 0, QString *error = nullptr);
    // A local source (plain-text imports, feed files) by name or by file URL: found or made.
    std::optional<qint64> localSource(const QString &title, const QString &url = {});

    // Every feed but those being removed, with unread counts (total 0), by folder then title.
    QList<FeedRecord> feeds() const;
    // The same list without counting stories (unread and total are 0): what choosing the
    // feeds to refresh needs. Counting reads the unread index of every feed.
    QList<FeedRecord> feedSettingsList() const;
    bool hasFeeds() const; // any subscription or local source at all (not being removed)
    std::optional<FeedRecord> feed(qint64 id) const; // with unread and total counts
    // The same record without counting its stories (unread and total are 0): what a write
    // to the feed needs, once per response during a refresh.
    std::optional<FeedRecord> feedSettings(qint64 id) const;
    std::optional<FeedRecord> feedByUrl(const QString &url) const;

    bool rename(qint64 feedId, const QString &title);
    bool moveToFolder(qint64 feedId, qint64 folderId);
    bool setUrl(qint64 feedId, const QString &url);
    // The address the user gives a feed: what the old one's server said (validators, its
    // last error, failures and backoff) does not carry over, so the next fetch is a full one.
    // False when another feed has that address.
    bool setAddress(qint64 feedId, const QString &url);
    // The feed's own refresh interval in minutes; 0 for the default.
    bool setRefreshMinutes(qint64 feedId, int minutes);
    bool setAlertSource(qint64 feedId, bool alertSource);
    // Whether the feed's last full read carried CAP alerts (the refresh's writer says so).
    bool setCarriesAlerts(qint64 feedId, bool carriesAlerts);
    bool setSiteUrl(qint64 feedId, const QString &siteUrl);
    // Removes the feed and its stories in one transaction. Bookmarks keep their snapshots.
    // For a feed of thousands of stories that takes seconds; the window uses beginRemove.
    bool remove(qint64 feedId);
    // Unsubscribes at once: the feed leaves every list of feeds (so no refresh asks it
    // again), and its stories go later, a bounded number at a time, through purgeRemoved().
    // Subscribing to it again (or asking for the same local source) before then keeps it,
    // with the stories it still has.
    bool beginRemove(qint64 feedId);
    bool hasRemovals() const; // whether a feed is waiting for purgeRemoved()
    // Deletes up to `stories` stories of the feeds being removed, in one transaction, then
    // each such feed that has none left. 1 while some remain, 0 once none do, -1 on error.
    int purgeRemoved(int stories);

    // Refresh bookkeeping. `warning` says what the read recovered from (empty when nothing).
    bool recordSuccess(qint64 feedId, const QByteArray &etag, const QString &lastModified,
                       int ttlMinutes, const QString &warning = {});
    bool recordFailure(qint64 feedId, const QString &error, const QDateTime &retryAfter);

    // Folders ----------------------------------------------------------------------------
    QList<FolderRecord> folders() const;
    // Finds or makes the folder path ("News/Europe" as {"News","Europe"}); 0 for an empty path.
    qint64 folderForPath(const QStringList &path);
    bool renameFolder(qint64 folderId, const QString &name);
    bool removeFolder(qint64 folderId); // its feeds move to the top level

private:
    // A feed found again by addSubscription or localSource is no longer being removed.
    qint64 keep(qint64 feedId);
    // Whether a feed matches `condition` (SQL over `feeds`); nullopt when the query fails.
    std::optional<bool> anyFeed(const char *condition) const;

    QSqlDatabase m_db;
    // The prepared statements of the one-feed reads and of what a refresh writes for every
    // response (recordSuccess, recordFailure), as ArticleStore keeps those of every story.
    std::unique_ptr<sql::StatementCache> m_statements;
};

} // namespace bulletin
