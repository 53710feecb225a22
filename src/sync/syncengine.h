#pragma once

#include "storage/accountstore.h"
#include "sync/remoteaccount.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace bulletin {

class Cache;

// What one sync of one account did.
struct SyncReport
{
    qint64 accountId = 0;
    bool ok = false;
    int pushed = 0;       // changes the server took
    int pulled = 0;       // stories stored and states taken from the server
    RemoteError error;    // why it stopped, when !ok
};

// Brings one account and the cache in step, whatever the account's kind:
// 1. push: the changes waiting in the cache (AccountStore::pending) go to the server in
//    batches, one call per batch of the same change; each batch leaves the queue once the
//    server has taken it;
// 2. pull: the server's categories and feeds become the account's folders and feeds; its new
//    stories (newer than the newest one stored) are stored page by page as ordinary stories;
//    then the read, starred and note state of stories already cached is compared, with the
//    cheapest lists that find a change: the starred list, the stories read in the last day,
//    and the unread list of each feed whose unread count differs from the cache's (of every
//    feed, when the last sync is more than a day old).
// A change made here and not yet sent wins over the server's state of that story until it
// is sent: the server's state is not applied to a story with a change of the same field
// waiting. The server never makes the cache delete a bookmark's snapshot, and nothing local
// is deleted because a sync failed: a failure stops the sync where it is, with what was
// written so far kept (each page and each batch is its own transaction).
//
// Synchronous and not thread-safe: SyncService runs it on the sync's own thread, with its
// own Cache; the command line runs it on its only thread.
class SyncEngine final
{
public:
    SyncEngine(Cache &cache, qint64 accountId, RemoteAccount &remote);

    SyncReport sync();
    // The parts of sync(), for a caller that wants one of them.
    RemoteError push(int *pushed);
    RemoteError pull(int *pulled);

    // Feeds of the account, through the server. A feed subscribed or moved is pulled at once.
    RemoteError subscribe(const QString &url, qint64 folderId, qint64 *feedId);
    RemoteError unsubscribe(qint64 feedId);
    RemoteError moveFeed(qint64 feedId, qint64 folderId);
    // Asks the server to fetch the account's feeds (or the one given) now; then pull().
    RemoteError updateFeeds(qint64 feedId = 0);

    // A day: a sync later than this after the last one compares every unread story, since
    // the server's list of recently read ones covers a day.
    static constexpr qint64 kRecentlyReadSeconds = 20 * 3600;

private:
    RemoteError pullTree(QHash<QString, int> *unreadByFeed);
    RemoteError pullNewStories(int *pulled);
    RemoteError pullState(const QHash<QString, int> &unreadByFeed, int *pulled);
    // Lists every headline of the query, page by page.
    RemoteError listAll(HeadlineQuery query, QList<RemoteHeadline> *headlines);
    // Stores one page of new stories in one transaction.
    bool storePage(const QList<RemoteHeadline> &page, int *stored);
    // Applies the server's read state to the stories (by remote id) in one transaction,
    // leaving out those with a read change waiting, and to `stories`, the caller's copy of
    // them. Returns how many changed, or -1 when the cache could not be written.
    int applyRead(QHash<QString, AccountStory> &stories, const QSet<QString> &remoteIds, bool read);
    qint64 feedFor(const RemoteHeadline &headline);

    Cache &m_cache;
    AccountStore m_accounts;
    qint64 m_accountId;
    RemoteAccount &m_remote;
};

} // namespace bulletin

Q_DECLARE_METATYPE(bulletin::SyncReport)
