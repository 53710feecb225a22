#include "sync/syncengine.h"

#include "core/feeds/parsedfeed.h"
#include "services/advisorysettings.h"
#include "services/feedarticles.h"
#include "storage/cache.h"
#include "storage/database.h"

#include <QSet>

#include <utility>

namespace bulletin {

namespace {

RemoteError localFailure(const QString &what)
{
    return RemoteError{RemoteError::Kind::Refused,
                       QStringLiteral("cannot write %1 to the cache").arg(what)};
}

// The server's state is written between beginApplying and endApplying, in one transaction,
// so that the cache's triggers do not queue it to go back.
class ApplyingTransaction
{
public:
    ApplyingTransaction(Cache &cache, AccountStore &accounts)
        : m_accounts(accounts)
        , m_transaction(cache.database().connection())
    {
        m_active = m_transaction.isActive() && accounts.beginApplying();
    }
    bool isActive() const { return m_active; }
    bool commit() { return m_active && m_accounts.endApplying() && m_transaction.commit(); }

private:
    AccountStore &m_accounts;
    Transaction m_transaction;
    bool m_active = false;
};

RemoteChange::Field remoteField(PendingChange::Field field)
{
    switch (field) {
    case PendingChange::Field::Read:
        return RemoteChange::Field::Read;
    case PendingChange::Field::Starred:
        return RemoteChange::Field::Starred;
    case PendingChange::Field::Note:
        break;
    }
    return RemoteChange::Field::Note;
}

} // namespace

SyncEngine::SyncEngine(Cache &cache, qint64 accountId, RemoteAccount &remote)
    : m_cache(cache)
    , m_accounts(cache.database().connection())
    , m_accountId(accountId)
    , m_remote(remote)
{
}

SyncReport SyncEngine::sync()
{
    SyncReport report;
    report.accountId = m_accountId;
    report.error = push(&report.pushed);
    if (!report.error)
        report.error = pull(&report.pulled);
    report.ok = !report.error;
    m_accounts.recordSync(m_accountId, report.error.words);
    return report;
}

RemoteError SyncEngine::push(int *pushed)
{
    AccountStore &accounts = m_accounts;
    const QList<PendingChange> changes = accounts.pending(m_accountId);
    // One call per batch of the same change: all stories marked read in one, and so on.
    struct Batch
    {
        RemoteChange change;
        QList<qint64> pendingIds;
    };
    QList<Batch> batches;
    QHash<QString, qsizetype> open; // field and value -> the batch being filled
    for (const PendingChange &pending : changes) {
        const QString key = pending.field == PendingChange::Field::Note
            ? QString() // a note is one story's text: a batch of its own
            : QStringLiteral("%1/%2").arg(int(pending.field)).arg(pending.value);
        qsizetype index = key.isEmpty() ? -1 : open.value(key, -1);
        if (index < 0 || batches[index].change.ids.size() >= m_remote.maxBatch()) {
            Batch batch;
            batch.change.field = remoteField(pending.field);
            batch.change.value = pending.value;
            batch.change.note = pending.note;
            batches << batch;
            index = batches.size() - 1;
            if (!key.isEmpty())
                open.insert(key, index);
        }
        batches[index].change.ids << pending.remoteId;
        batches[index].pendingIds << pending.id;
    }
    for (const Batch &batch : std::as_const(batches)) {
        if (const RemoteError failure = m_remote.send(batch.change))
            return failure;
        // Only the rows sent go: a change queued again meanwhile is a new row and stays.
        if (!accounts.clearPending(batch.pendingIds))
            return localFailure(QStringLiteral("which changes were sent"));
        *pushed += int(batch.pendingIds.size());
    }
    return {};
}

RemoteError SyncEngine::pull(int *pulled)
{
    const auto account = m_accounts.account(m_accountId);
    if (!account)
        return localFailure(QStringLiteral("the account"));
    // A first sync stores every story with its state: there is nothing to compare yet.
    const bool hadStories = !account->sinceId.isEmpty();
    const int pageSize = m_remote.maxPageSize();

    // Everything a sync reads first is asked together (the server may answer side by side):
    // the categories and feeds, the first page of new stories, and for the state of the
    // stories already here, the starred list (as many pages as the stories starred here
    // fill, and one more to see its end) and the first page of the recently read.
    QList<HeadlineQuery> queries;
    HeadlineQuery fresh;
    fresh.set = HeadlineQuery::Set::All;
    fresh.sinceId = account->sinceId;
    fresh.withContent = true;
    fresh.pageSize = pageSize;
    queries << fresh;
    HeadlineQuery starred;
    starred.set = HeadlineQuery::Set::Starred;
    starred.pageSize = pageSize;
    HeadlineQuery recentlyRead;
    recentlyRead.set = HeadlineQuery::Set::RecentlyRead;
    recentlyRead.pageSize = pageSize;
    int starredPages = 0;
    if (hadStories) {
        starredPages = int(m_accounts.starredStories(m_accountId).size() / pageSize) + 1;
        for (int page = 0; page < starredPages; ++page) {
            starred.skip = page * pageSize;
            queries << starred;
        }
        queries << recentlyRead;
    }
    QList<QList<RemoteHeadline>> pages;
    RemoteTree tree;
    if (const RemoteError failure = m_remote.fetch(queries, &pages, &tree))
        return failure;

    QHash<QString, int> unreadByFeed;
    if (const RemoteError failure = pullTree(tree, &unreadByFeed))
        return failure;
    if (const RemoteError failure = pullNewStories(fresh, pages.constFirst(), pulled))
        return failure;
    if (!hadStories)
        return {};

    QList<RemoteHeadline> starredList;
    for (int page = 1; page <= starredPages; ++page)
        starredList += pages.at(page);
    starred.skip = starredPages * pageSize;
    QList<RemoteHeadline> recentlyReadList = pages.constLast();
    recentlyRead.skip = pageSize;
    // A list longer than its first pages goes on from where they ended.
    if (pages.at(starredPages).size() == pageSize) {
        if (const RemoteError failure = listFrom(starred, &starredList))
            return failure;
    }
    if (recentlyReadList.size() == pageSize) {
        if (const RemoteError failure = listFrom(recentlyRead, &recentlyReadList))
            return failure;
    }
    return pullState(*account, unreadByFeed, starredList, recentlyReadList, pulled);
}

RemoteError SyncEngine::pullTree(const RemoteTree &tree, QHash<QString, int> *unreadByFeed)
{
    AccountStore &accounts = m_accounts;
    Transaction transaction(m_cache.database().connection());
    if (!transaction.isActive())
        return localFailure(QStringLiteral("the account's folders and feeds"));
    QHash<QString, qint64> folders = accounts.folders(m_accountId);
    QSet<QString> seenFolders;
    for (const RemoteCategory &category : tree.categories) {
        const auto folderId = accounts.ensureFolder(m_accountId, category.id, category.title);
        if (!folderId)
            return localFailure(QStringLiteral("the account's folders"));
        folders.insert(category.id, *folderId);
        seenFolders.insert(category.id);
    }
    const QHash<QString, AccountFeed> known = accounts.feeds(m_accountId);
    QSet<QString> seenFeeds;
    for (const RemoteFeed &remote : tree.feeds) {
        AccountFeed feed;
        feed.remoteId = remote.id;
        feed.title = remote.title.isEmpty() ? remote.url : remote.title;
        feed.url = remote.url;
        feed.folderId = remote.categoryId.isEmpty() ? 0 : folders.value(remote.categoryId);
        if (!accounts.ensureFeed(m_accountId, feed))
            return localFailure(QStringLiteral("the account's feeds"));
        seenFeeds.insert(remote.id);
        unreadByFeed->insert(remote.id, remote.unread);
    }
    // A feed the server no longer has was unsubscribed elsewhere: it leaves here too (its
    // stories in steps, FeedStore::purgeRemoved; bookmarks keep their snapshots).
    for (const AccountFeed &feed : known) {
        if (!seenFeeds.contains(feed.remoteId) && !m_cache.feeds().beginRemove(feed.feedId))
            return localFailure(QStringLiteral("the account's feeds"));
    }
    for (auto it = folders.cbegin(); it != folders.cend(); ++it) {
        if (!seenFolders.contains(it.key()) && !accounts.removeFolder(it.value()))
            return localFailure(QStringLiteral("the account's folders"));
    }
    return transaction.commit() ? RemoteError{}
                                : localFailure(QStringLiteral("the account's feeds"));
}

RemoteError SyncEngine::listFrom(HeadlineQuery query, QList<RemoteHeadline> *headlines)
{
    query.pageSize = m_remote.maxPageSize();
    for (;; query.skip += query.pageSize) {
        QList<RemoteHeadline> page;
        if (const RemoteError failure = m_remote.headlines(query, &page))
            return failure;
        *headlines += page;
        if (page.size() < query.pageSize)
            return {};
    }
}

RemoteError SyncEngine::pullNewStories(HeadlineQuery query, const QList<RemoteHeadline> &firstPage,
                                       int *pulled)
{
    const qint64 since = query.sinceId.toLongLong();
    qint64 newest = since;
    // Newest first: a story arriving while the pages are read goes before them and only
    // repeats one, never hides one. The newest id is recorded once every page is stored,
    // so a sync cut short starts again from the same place.
    QList<RemoteHeadline> page = firstPage;
    for (query.skip = 0;; query.skip += query.pageSize) {
        if (query.skip > 0) {
            page.clear();
            if (const RemoteError failure = m_remote.headlines(query, &page))
                return failure;
        }
        if (page.size() == query.pageSize) {
            // The server makes the next page while this one is stored.
            HeadlineQuery next = query;
            next.skip += query.pageSize;
            m_remote.readAhead(next);
        }
        if (!storePage(page, pulled))
            return localFailure(QStringLiteral("the account's stories"));
        for (const RemoteHeadline &headline : std::as_const(page))
            newest = std::max(newest, headline.id.toLongLong());
        if (page.size() < query.pageSize)
            break;
    }
    if (newest > since && !m_accounts.setSinceId(m_accountId, QString::number(newest)))
        return localFailure(QStringLiteral("the account"));
    return {};
}

qint64 SyncEngine::feedFor(const RemoteHeadline &headline)
{
    AccountFeed feed;
    feed.remoteId = headline.feedId;
    feed.title = headline.feedTitle.isEmpty() ? headline.feedId : headline.feedTitle;
    const QHash<QString, AccountFeed> known = m_accounts.feeds(m_accountId);
    if (const auto it = known.constFind(headline.feedId); it != known.cend())
        return it->feedId;
    // Subscribed on the server after its feed list was read.
    return m_accounts.ensureFeed(m_accountId, feed).value_or(0);
}

bool SyncEngine::storePage(const QList<RemoteHeadline> &page, int *stored)
{
    if (page.isEmpty())
        return true;
    const AdvisoryRules rules = loadAdvisoryRules(m_cache);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    AccountStore &accounts = m_accounts;
    ApplyingTransaction transaction(m_cache, m_accounts);
    if (!transaction.isActive())
        return false;
    const QSet<QString> pendingRead = accounts.pendingIds(m_accountId, PendingChange::Field::Read);
    const QSet<QString> pendingStar = accounts.pendingIds(m_accountId,
                                                          PendingChange::Field::Starred);
    QHash<QString, qint64> feeds;
    // The page's mappings and read marks go in one statement each, after its stories.
    QList<std::pair<qint64, QString>> mapped;
    QList<qint64> read;
    QList<qint64> unread;
    for (const RemoteHeadline &headline : page) {
        if (headline.feedId.isEmpty() || headline.feedId == QLatin1String("0"))
            continue; // an archived story of a feed the server no longer has
        qint64 &feedId = feeds[headline.feedId];
        if (!feedId)
            feedId = feedFor(headline);
        if (!feedId)
            return false;
        // The same way a refresh makes its stories: sanitised text, advisory sections, the
        // publisher's related links, the user's advisory rules.
        ParsedItem item;
        item.id = headline.guid.isEmpty() ? QStringLiteral("remote:%1").arg(headline.id)
                                          : headline.guid;
        item.title = headline.title;
        item.link = headline.link;
        item.author = headline.author;
        item.updated = headline.updated;
        item.contentHtml = headline.html;
        ParsedFeed feed;
        feed.format = QStringLiteral("rss");
        feed.title = headline.feedTitle;
        feed.items << item;
        QList<Article> articles = articlesFromFeed(feed, now, rules.headings);
        if (articles.isEmpty())
            continue;
        applyAdvisoryRules(articles, rules, false, headline.feedTitle);
        const ArticleStore::UpsertResult result = m_cache.articles().upsert(feedId,
                                                                            articles.first());
        if (result.state == ArticleStore::UpsertState::Failed)
            return false;
        mapped.append({result.id, headline.id});
        if (result.state == ArticleStore::UpsertState::Inserted)
            ++*stored;
        if (!pendingRead.contains(headline.id))
            (headline.unread ? unread : read) << result.id;
        if (!pendingStar.contains(headline.id) && headline.starred
            && !m_cache.bookmarks().add(result.id, headline.note))
            return false;
    }
    return accounts.mapStories(m_accountId, mapped) && m_cache.articles().setRead(read, true)
        && m_cache.articles().setRead(unread, false) && transaction.commit();
}

int SyncEngine::applyRead(const QHash<QString, AccountStory> &stories,
                          const QSet<QString> &remoteIds, bool read)
{
    if (remoteIds.isEmpty())
        return 0;
    const QSet<QString> pending = m_accounts.pendingIds(m_accountId, PendingChange::Field::Read);
    QList<qint64> ids;
    for (const QString &remoteId : remoteIds) {
        const auto it = stories.constFind(remoteId);
        if (it != stories.cend() && it->unread == read && !pending.contains(remoteId))
            ids << it->articleId;
    }
    // Nothing to change is the usual case of a sync with nothing new: no write at all.
    if (ids.isEmpty())
        return 0;
    ApplyingTransaction transaction(m_cache, m_accounts);
    if (!transaction.isActive() || !m_cache.articles().setRead(ids, read) || !transaction.commit())
        return -1;
    return int(ids.size());
}

RemoteError SyncEngine::pullStars(const QList<RemoteHeadline> &starred, int *pulled)
{
    AccountStore &accounts = m_accounts;
    QHash<QString, const RemoteHeadline *> remoteStarred;
    for (const RemoteHeadline &headline : starred)
        remoteStarred.insert(headline.id, &headline);
    // What is starred here, and the stories starred there that are not starred here.
    const QHash<QString, AccountStory> local = accounts.starredStories(m_accountId);
    QSet<QString> starredThere;
    for (auto it = remoteStarred.cbegin(); it != remoteStarred.cend(); ++it) {
        if (!local.contains(it.key()))
            starredThere.insert(it.key());
    }
    const QHash<QString, AccountStory> newlyStarred = accounts.stories(m_accountId, starredThere);
    QSet<qint64> liveFeeds;
    for (const AccountFeed &feed : accounts.feeds(m_accountId))
        liveFeeds.insert(feed.feedId);

    // Nothing differs is the usual case: no write at all.
    QList<std::pair<const AccountStory *, const RemoteHeadline *>> changes;
    for (const AccountStory &story : newlyStarred)
        changes.append({&story, remoteStarred.value(story.remoteId)});
    for (const AccountStory &story : local) {
        const RemoteHeadline *remote = remoteStarred.value(story.remoteId);
        // Unstarred elsewhere, or its note changed. A story whose feed the server no longer
        // lists is left bookmarked: that is no decision of the user's.
        if ((!remote && liveFeeds.contains(story.feedId)) || (remote && remote->note != story.note))
            changes.append({&story, remote});
    }
    if (changes.isEmpty())
        return {};
    ApplyingTransaction transaction(m_cache, m_accounts);
    if (!transaction.isActive())
        return localFailure(QStringLiteral("bookmarks"));
    const QSet<QString> pendingStar = accounts.pendingIds(m_accountId,
                                                          PendingChange::Field::Starred);
    const QSet<QString> pendingNote = accounts.pendingIds(m_accountId, PendingChange::Field::Note);
    for (const auto &[story, remote] : std::as_const(changes)) {
        bool ok = true;
        if (remote && !story->starred && !pendingStar.contains(story->remoteId)) {
            ok = m_cache.bookmarks().add(story->articleId, remote->note).has_value();
            ++*pulled;
        } else if (remote && story->starred && !pendingNote.contains(story->remoteId)) {
            const auto bookmark = m_cache.bookmarks().forArticle(story->articleId);
            ok = bookmark && m_cache.bookmarks().setNote(bookmark->bookmarkId, remote->note);
            ++*pulled;
        } else if (!remote && story->starred && !pendingStar.contains(story->remoteId)) {
            ok = m_cache.bookmarks().removeForArticle(story->articleId);
            ++*pulled;
        }
        if (!ok)
            return localFailure(QStringLiteral("bookmarks"));
    }
    return transaction.commit() ? RemoteError{} : localFailure(QStringLiteral("bookmarks"));
}

RemoteError SyncEngine::pullState(const AccountRecord &account,
                                  const QHash<QString, int> &unreadByFeed,
                                  const QList<RemoteHeadline> &starred,
                                  const QList<RemoteHeadline> &recentlyRead, int *pulled)
{
    AccountStore &accounts = m_accounts;
    // Starred stories and their notes: the whole starred list (usually short).
    if (const RemoteError failure = pullStars(starred, pulled))
        return failure;

    // Read elsewhere in about the last day: those of them unread here.
    QSet<QString> readIds;
    for (const RemoteHeadline &headline : recentlyRead) {
        if (!headline.unread)
            readIds.insert(headline.id);
    }
    const int changed = applyRead(accounts.stories(m_accountId, readIds), readIds, true);
    if (changed < 0)
        return localFailure(QStringLiteral("read marks"));
    *pulled += changed;

    // Unread elsewhere, or read before the last day: the unread list of each feed whose
    // count differs from the cache's, or of every feed when the last sync is old.
    const bool stale = !account.lastSync.isValid()
        || account.lastSync.secsTo(QDateTime::currentDateTimeUtc()) > kRecentlyReadSeconds;
    const QHash<QString, AccountFeed> feeds = accounts.feeds(m_accountId);
    QList<AccountFeed> feedsToCompare; // an empty one: every feed
    if (stale) {
        feedsToCompare << AccountFeed{};
    } else {
        const QHash<qint64, int> localUnread = accounts.unreadCounts(m_accountId);
        for (auto it = unreadByFeed.cbegin(); it != unreadByFeed.cend(); ++it) {
            const AccountFeed feed = feeds.value(it.key());
            if (feed.feedId > 0 && it.value() != localUnread.value(feed.feedId))
                feedsToCompare << feed;
        }
    }
    if (feedsToCompare.isEmpty())
        return {};
    // The first page of each list asked together, then the rest of each.
    QList<HeadlineQuery> queries;
    for (const AccountFeed &feed : std::as_const(feedsToCompare)) {
        HeadlineQuery query;
        query.set = HeadlineQuery::Set::Unread;
        query.feedId = feed.remoteId;
        query.pageSize = m_remote.maxPageSize();
        queries << query;
    }
    QList<QList<RemoteHeadline>> pages;
    if (const RemoteError failure = m_remote.fetch(queries, &pages))
        return failure;
    for (qsizetype i = 0; i < queries.size(); ++i) {
        QList<RemoteHeadline> unread = pages.at(i);
        if (unread.size() == queries.at(i).pageSize) {
            HeadlineQuery rest = queries.at(i);
            rest.skip = rest.pageSize;
            if (const RemoteError failure = listFrom(rest, &unread))
                return failure;
        }
        QSet<QString> unreadIds;
        for (const RemoteHeadline &headline : std::as_const(unread))
            unreadIds.insert(headline.id);
        // Unread here and not there: read there. Unread there: those of them read here.
        const QHash<QString, AccountStory> unreadHere = accounts.unreadStories(
            m_accountId, feedsToCompare.at(i).feedId);
        QSet<QString> nowRead;
        for (const AccountStory &story : unreadHere) {
            if (!unreadIds.contains(story.remoteId))
                nowRead.insert(story.remoteId);
        }
        QSet<QString> nowUnread;
        for (const QString &id : std::as_const(unreadIds)) {
            if (!unreadHere.contains(id))
                nowUnread.insert(id);
        }
        const int madeUnread = applyRead(accounts.stories(m_accountId, nowUnread), nowUnread,
                                         false);
        const int madeRead = applyRead(unreadHere, nowRead, true);
        if (madeUnread < 0 || madeRead < 0)
            return localFailure(QStringLiteral("read marks"));
        *pulled += madeUnread + madeRead;
    }
    return {};
}

RemoteError SyncEngine::subscribe(const QString &url, qint64 folderId, qint64 *feedId)
{
    QString category;
    if (folderId > 0) {
        const QHash<QString, qint64> folders = m_accounts.folders(m_accountId);
        category = folders.key(folderId);
        if (category.isEmpty())
            return {RemoteError::Kind::Refused,
                    QStringLiteral("folder %1 is not a category of the account").arg(folderId)};
    }
    QString remoteId;
    if (const RemoteError failure = m_remote.subscribe(url, category, &remoteId))
        return failure;
    // The server fetches a new feed on its own schedule: ask it now, then take its stories.
    if (const RemoteError failure = m_remote.updateFeed(remoteId))
        return failure;
    int pulled = 0;
    if (const RemoteError failure = pull(&pulled))
        return failure;
    *feedId = m_accounts.feeds(m_accountId).value(remoteId).feedId;
    return {};
}

RemoteError SyncEngine::unsubscribe(qint64 feedId)
{
    const QHash<QString, AccountFeed> feeds = m_accounts.feeds(m_accountId);
    for (const AccountFeed &feed : feeds) {
        if (feed.feedId != feedId)
            continue;
        if (const RemoteError failure = m_remote.unsubscribe(feed.remoteId))
            return failure;
        if (!m_cache.feeds().beginRemove(feedId))
            return localFailure(QStringLiteral("the unsubscription"));
        return {};
    }
    return {RemoteError::Kind::Refused,
            QStringLiteral("feed %1 is not a feed of the account").arg(feedId)};
}

RemoteError SyncEngine::moveFeed(qint64 feedId, qint64 folderId)
{
    const QHash<QString, AccountFeed> feeds = m_accounts.feeds(m_accountId);
    const QString category = folderId > 0 ? m_accounts.folders(m_accountId).key(folderId)
                                          : QString();
    if (folderId > 0 && category.isEmpty())
        return {RemoteError::Kind::Refused,
                QStringLiteral("folder %1 is not a category of the account").arg(folderId)};
    for (const AccountFeed &feed : feeds) {
        if (feed.feedId != feedId)
            continue;
        if (const RemoteError failure = m_remote.moveFeed(feed.remoteId, category))
            return failure;
        // The feed's folder here follows from the server's feed list.
        int pulled = 0;
        return pull(&pulled);
    }
    return {RemoteError::Kind::Refused,
            QStringLiteral("feed %1 is not a feed of the account").arg(feedId)};
}

RemoteError SyncEngine::updateFeeds(qint64 feedId)
{
    const QHash<QString, AccountFeed> feeds = m_accounts.feeds(m_accountId);
    for (const AccountFeed &feed : feeds) {
        if (feedId != 0 && feed.feedId != feedId)
            continue;
        if (const RemoteError failure = m_remote.updateFeed(feed.remoteId))
            return failure;
    }
    int pulled = 0;
    return pull(&pulled);
}

} // namespace bulletin
