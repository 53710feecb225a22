#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace bulletin {

// An account on a sync server, as the cache keeps it.
struct AccountRecord
{
    qint64 id = 0;
    QString kind; // "ttrss"
    QString url; // the server's base address
    QString user;
    QDateTime lastSync; // the last sync that finished without error; invalid before one
    QString lastError; // in words; empty after a sync without error
    QString sinceId; // the newest remote story id stored
    int pending = 0; // changes waiting to be sent
};

// A feed of an account as the cache maps it.
struct AccountFeed
{
    qint64 feedId = 0;
    QString remoteId;
    QString title;
    QString url; // the feed's address, as the server has it
    qint64 folderId = 0;
};

// A story of an account as it stands here: what pulling the server's state compares.
struct AccountStory
{
    qint64 articleId = 0;
    QString remoteId;
    qint64 feedId = 0;
    bool unread = false;
    bool starred = false; // bookmarked
    QString note; // the bookmark's
};

// A change made here that waits to be sent: the latest value of one field of one story.
struct PendingChange
{
    qint64 id = 0;
    QString remoteId;
    enum class Field { Read, Starred, Note };
    Field field = Field::Read;
    bool value = false; // read / starred
    QString note; // note: the text ("" clears it)
};

// Accounts on sync servers, the mapping of the server's ids to the cache's folders, feeds
// and stories, and the changes waiting to be sent. This header is the whole public API of
// the accounts, account_articles, sync_pending and sync_applying tables and of the account
// columns of feeds and folders (schema 13).
//
// Changes wait in sync_pending without any call here: the cache's triggers queue a read
// mark, a bookmark, an unbookmark or a note of an account's story in the same transaction
// as the change itself. The server's own state is applied between beginApplying() and
// endApplying() inside one Transaction, so that it is not queued to go back.
//
// Not thread-safe: use it on the thread that opened its connection.
class AccountStore final
{
public:
    explicit AccountStore(QSqlDatabase db);

    // Accounts -----------------------------------------------------------------------------
    // Adds an account; an account of the same kind, address and user is an error.
    std::optional<qint64> add(const QString &kind, const QString &url, const QString &user,
                              QString *error);
    QList<AccountRecord> accounts() const; // not those being removed, by id
    std::optional<AccountRecord> account(qint64 id) const;
    // After a sync: an empty error records success (and the time); otherwise the error is
    // kept and the last successful sync's time stays.
    bool recordSync(qint64 id, const QString &error,
                    const QDateTime &when = QDateTime::currentDateTimeUtc());
    bool setSinceId(qint64 id, const QString &sinceId);
    // Removes the account at once from every list: its changes waiting to be sent are
    // dropped, its feeds are unsubscribed (FeedStore::purgeRemoved deletes their stories in
    // steps; bookmarks keep their snapshots and notes and become local bookmarks), and the
    // account row goes once they have (purgeRemovedAccounts).
    bool beginRemove(qint64 id);
    // Deletes the accounts being removed that have no feeds left. False on error.
    bool purgeRemovedAccounts();

    // Folders and feeds --------------------------------------------------------------------
    QHash<QString, qint64> folders(qint64 accountId) const; // remote id -> folder id
    // The folder with this remote id, renamed to `title` where it changed, or a new one.
    std::optional<qint64> ensureFolder(qint64 accountId, const QString &remoteId,
                                       const QString &title);
    bool removeFolder(qint64 folderId); // its feeds move to the top level
    QHash<QString, AccountFeed> feeds(qint64 accountId) const; // by remote id
    // The feed with this remote id, its title, address and folder updated where they
    // changed, or a new one.
    std::optional<qint64> ensureFeed(qint64 accountId, const AccountFeed &feed);
    std::optional<qint64> feedAccount(qint64 feedId) const; // nullopt for a local feed
    // Every feed of an account, with its account: whose a story is, by its feed id.
    QHash<qint64, qint64> feedAccounts() const;

    // Stories ------------------------------------------------------------------------------
    // Stories of the account that the cache holds, by remote id: what a sync compares with
    // the server's lists, read a part at a time so that a sync with nothing new reads little
    // whatever the size of the cache.
    // - those of these remote ids (any number: they are asked for in slices);
    QHash<QString, AccountStory> stories(qint64 accountId, const QSet<QString> &remoteIds) const;
    // - those bookmarked here (= starred);
    QHash<QString, AccountStory> starredStories(qint64 accountId) const;
    // - those unread here, of one feed or (0) of every feed of the account;
    QHash<QString, AccountStory> unreadStories(qint64 accountId, qint64 feedId = 0) const;
    // How many stories of each feed of the account are unread here, by feed id (feeds
    // without one are left out).
    QHash<qint64, int> unreadCounts(qint64 accountId) const;
    // Records that each story (by article id) is the server's remote id; one already mapped
    // stays as it is. One prepared statement for them all: a page of new stories at a time.
    bool mapStories(qint64 accountId, const QList<std::pair<qint64, QString>> &stories);
    std::optional<QString> remoteId(qint64 articleId) const;
    std::optional<qint64> storyAccount(qint64 articleId) const; // nullopt for a local story

    // Changes waiting to be sent -----------------------------------------------------------
    QList<PendingChange> pending(qint64 accountId, int limit = -1) const; // oldest first
    int pendingCount(qint64 accountId) const;
    // The remote ids that have a change of `field` waiting: the server's state of those
    // fields is not applied until it is sent.
    QSet<QString> pendingIds(qint64 accountId, PendingChange::Field field) const;
    // Drops the changes that were sent, by PendingChange::id. A change queued again since
    // (a new row) stays.
    bool clearPending(const QList<qint64> &ids);

    // The server's state -------------------------------------------------------------------
    // Call inside a Transaction: the writes until endApplying() are not queued as changes.
    bool beginApplying();
    bool endApplying();

private:
    QSqlDatabase m_db;
};

} // namespace bulletin
