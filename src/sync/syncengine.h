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
    int pushed = 0; // changes the server took
    int pulled = 0; // stories stored and states taken from the server
    RemoteError error; // why it stopped, when !ok
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
//    feed, when the last sync is more than a day old). The reads that do not depend on each
//    other go together (RemoteAccount::fetch): the tree, the first page of new stories, the
//    pages of the starred list that the stories starred here fill, and the first page of
//    the recently read; a list goes on page by page only where it is longer. The cache is
//    read a part at a time (the stories those lists name), and written only where something
//    differs: a sync with nothing new costs one round of requests, a few small queries and
//    no write to the stories.
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
    RemoteError pullTree(const RemoteTree &tree, QHash<QString, int> *unreadByFeed);
    // Stores the new stories of the query (since an id): its first page, already read, then
    // the next ones while pages are full.
    RemoteError pullNewStories(HeadlineQuery query, const QList<RemoteHeadline> &firstPage,
                               int *pulled);
    RemoteError pullState(const AccountRecord &account, const QHash<QString, int> &unreadByFeed,
                          const QList<RemoteHeadline> &starred,
                          const QList<RemoteHeadline> &recentlyRead, int *pulled);
    RemoteError pullStars(const QList<RemoteHeadline> &starred, int *pulled);
    // Adds the headlines of the query's pages from query.skip on, page by page.
    RemoteError listFrom(HeadlineQuery query, QList<RemoteHeadline> *headlines);
    // Stores one page of new stories in one transaction.
    bool storePage(const QList<RemoteHeadline> &page, int *stored);
    // Applies the server's read state to those of `stories` (by remote id) in one
    // transaction, leaving out those with a read change waiting. Returns how many changed,
    // or -1 when the cache could not be written.
    int applyRead(const QHash<QString, AccountStory> &stories, const QSet<QString> &remoteIds,
                  bool read);
    qint64 feedFor(const RemoteHeadline &headline);

    Cache &m_cache;
    AccountStore m_accounts;
    qint64 m_accountId;
    RemoteAccount &m_remote;
};

} // namespace bulletin

Q_DECLARE_METATYPE(bulletin::SyncReport)
