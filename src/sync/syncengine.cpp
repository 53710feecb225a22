#include "sync/syncengine.h"

#include "core/feeds/parsedfeed.h"
#include "services/advisorysettings.h"
#include "services/cache.h"
#include "services/feedarticles.h"
#include "storage/database.h"

#include <QSet>

#include <utility>

namespace bulletin {

namespace {

RemoteError localFailure(const QString &what)
{
    return RemoteError{RemoteError::Kind::Refused, QStringLiteral("cannot write %1 to the cache").arg(what)};
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
    QHash<QString, int> unreadByFeed;
    if (const RemoteError failure = pullTree(&unreadByFeed))
        return failure;
    const bool hadStories = !m_accounts.account(m_accountId).value_or(AccountRecord{}).sinceId.isEmpty();
    if (const RemoteError failure = pullNewStories(pulled))
        return failure;
    // A first sync stored every story with its state: there is nothing to compare yet.
    if (!hadStories)
        return {};
    return pullState(unreadByFeed, pulled);
}

RemoteError SyncEngine::pullTree(QHash<QString, int> *unreadByFeed)
{
    QList<RemoteCategory> categories;
    QList<RemoteFeed> feeds;
    if (RemoteError failure = m_remote.categories(&categories); failure || (failure = m_remote.feeds(&feeds)))
        return failure;
    AccountStore &accounts = m_accounts;
    Transaction transaction(m_cache.database().connection());
    if (!transaction.isActive())
        return localFailure(QStringLiteral("the account's folders and feeds"));
    QHash<QString, qint64> folders = accounts.folders(m_accountId);
    QSet<QString> seenFolders;
    for (const RemoteCategory &category : std::as_const(categories)) {
        const auto folderId = accounts.ensureFolder(m_accountId, category.id, category.title);
        if (!folderId)
            return localFailure(QStringLiteral("the account's folders"));
        folders.insert(category.id, *folderId);
        seenFolders.insert(category.id);
    }
    const QHash<QString, AccountFeed> known = accounts.feeds(m_accountId);
    QSet<QString> seenFeeds;
    for (const RemoteFeed &remote : std::as_const(feeds)) {
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
    return transaction.commit() ? RemoteError{} : localFailure(QStringLiteral("the account's feeds"));
}

RemoteError SyncEngine::listAll(HeadlineQuery query, QList<RemoteHeadline> *headlines)
{
    query.pageSize = m_remote.maxPageSize();
    for (query.skip = 0;; query.skip += query.pageSize) {
        QList<RemoteHeadline> page;
        if (const RemoteError failure = m_remote.headlines(query, &page))
            return failure;
        *headlines += page;
        if (page.size() < query.pageSize)
            return {};
    }
}

RemoteError SyncEngine::pullNewStories(int *pulled)
{
    const auto account = m_accounts.account(m_accountId);
    if (!account)
        return localFailure(QStringLiteral("the account"));
    HeadlineQuery query;
    query.set = HeadlineQuery::Set::All;
    query.sinceId = account->sinceId;
    query.withContent = true;
    query.pageSize = m_remote.maxPageSize();
    qint64 newest = account->sinceId.toLongLong();
    // Newest first: a story arriving while the pages are read goes before them and only
    // repeats one, never hides one. The newest id is recorded once every page is stored,
    // so a sync cut short starts again from the same place.
    for (query.skip = 0;; query.skip += query.pageSize) {
        QList<RemoteHeadline> page;
        if (const RemoteError failure = m_remote.headlines(query, &page))
            return failure;
        if (!storePage(page, pulled))
            return localFailure(QStringLiteral("the account's stories"));
        for (const RemoteHeadline &headline : std::as_const(page))
            newest = std::max(newest, headline.id.toLongLong());
        if (page.size() < query.pageSize)
            break;
    }
    if (newest > account->sinceId.toLongLong() && !m_accounts.setSinceId(m_accountId, QString::number(newest)))
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
    const QSet<QString> pendingStar = accounts.pendingIds(m_accountId, PendingChange::Field::Starred);
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
        item.id = headline.guid.isEmpty() ? QStringLiteral("remote:%1").arg(headline.id) : headline.guid;
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
        const ArticleStore::UpsertResult result = m_cache.articles().upsert(feedId, articles.first());
        if (result.state == ArticleStore::UpsertState::Failed)
            return false;
        mapped.append({result.id, headline.id});
        if (result.state == ArticleStore::UpsertState::Inserted)
            ++*stored;
        if (!pendingRead.contains(headline.id))
            (headline.unread ? unread : read) << result.id;
        if (!pendingStar.contains(headline.id) && headline.starred && !m_cache.bookmarks().add(result.id, headline.note))
            return false;
    }
    return accounts.mapStories(m_accountId, mapped) && m_cache.articles().setRead(read, true)
        && m_cache.articles().setRead(unread, false) && transaction.commit();
}

int SyncEngine::applyRead(QHash<QString, AccountStory> &stories, const QSet<QString> &remoteIds, bool read)
{
    if (remoteIds.isEmpty())
        return 0;
    const QSet<QString> pending = m_accounts.pendingIds(m_accountId, PendingChange::Field::Read);
    QList<qint64> ids;
    QList<AccountStory *> changed;
    for (const QString &remoteId : remoteIds) {
        const auto it = stories.find(remoteId);
        if (it != stories.end() && it->unread == read && !pending.contains(remoteId)) {
            ids << it->articleId;
            changed << &*it;
        }
    }
    // Nothing to change is the usual case of a sync with nothing new: no write at all.
    if (ids.isEmpty())
        return 0;
    ApplyingTransaction transaction(m_cache, m_accounts);
    if (!transaction.isActive() || !m_cache.articles().setRead(ids, read) || !transaction.commit())
        return -1;
    for (AccountStory *story : std::as_const(changed))
        story->unread = !read;
    return int(ids.size());
}

RemoteError SyncEngine::pullState(const QHash<QString, int> &unreadByFeed, int *pulled)
{
    AccountStore &accounts = m_accounts;
    const auto account = accounts.account(m_accountId);
    if (!account)
        return localFailure(QStringLiteral("the account"));

    // Starred stories and their notes: the whole starred list (usually short).
    QList<RemoteHeadline> starred;
    HeadlineQuery query;
    query.set = HeadlineQuery::Set::Starred;
    if (const RemoteError failure = listAll(query, &starred))
        return failure;
    // The account's stories as they stand here, read once: a sync with nothing new reads
    // them once and writes nothing. The read marks applied below update this copy.
    QHash<QString, AccountStory> stories = accounts.stories(m_accountId);
    const QHash<QString, AccountFeed> feeds = accounts.feeds(m_accountId);
    {
        QSet<qint64> liveFeeds;
        for (const AccountFeed &feed : feeds)
            liveFeeds.insert(feed.feedId);
        QHash<QString, const RemoteHeadline *> remoteStarred;
        for (const RemoteHeadline &headline : std::as_const(starred))
            remoteStarred.insert(headline.id, &headline);
        ApplyingTransaction transaction(m_cache, m_accounts);
        if (!transaction.isActive())
            return localFailure(QStringLiteral("bookmarks"));
        const QSet<QString> pendingStar = accounts.pendingIds(m_accountId, PendingChange::Field::Starred);
        const QSet<QString> pendingNote = accounts.pendingIds(m_accountId, PendingChange::Field::Note);
        for (const AccountStory &story : stories) {
            const RemoteHeadline *remote = remoteStarred.value(story.remoteId);
            bool ok = true;
            if (remote && !story.starred && !pendingStar.contains(story.remoteId)) {
                ok = m_cache.bookmarks().add(story.articleId, remote->note).has_value();
                ++*pulled;
            } else if (remote && story.starred && remote->note != story.note && !pendingNote.contains(story.remoteId)) {
                const auto bookmark = m_cache.bookmarks().forArticle(story.articleId);
                ok = bookmark && m_cache.bookmarks().setNote(bookmark->bookmarkId, remote->note);
                ++*pulled;
            } else if (!remote && story.starred && !pendingStar.contains(story.remoteId)
                       && liveFeeds.contains(story.feedId)) {
                // Unstarred elsewhere. A story whose feed the server no longer lists is
                // left bookmarked: that is no decision of the user's.
                ok = m_cache.bookmarks().removeForArticle(story.articleId);
                ++*pulled;
            }
            if (!ok)
                return localFailure(QStringLiteral("bookmarks"));
        }
        if (!transaction.commit())
            return localFailure(QStringLiteral("bookmarks"));
    }

    // Read elsewhere in about the last day.
    QList<RemoteHeadline> recentlyRead;
    query = HeadlineQuery{};
    query.set = HeadlineQuery::Set::RecentlyRead;
    if (const RemoteError failure = listAll(query, &recentlyRead))
        return failure;
    QSet<QString> readIds;
    for (const RemoteHeadline &headline : std::as_const(recentlyRead)) {
        if (!headline.unread)
            readIds.insert(headline.id);
    }
    const int changed = applyRead(stories, readIds, true);
    if (changed < 0)
        return localFailure(QStringLiteral("read marks"));
    *pulled += changed;

    // Unread elsewhere, or read before the last day: the unread list of each feed whose
    // count differs from the cache's, or of every feed when the last sync is old.
    const bool stale = !account->lastSync.isValid()
        || account->lastSync.secsTo(QDateTime::currentDateTimeUtc()) > kRecentlyReadSeconds;
    QHash<qint64, QString> remoteFeedOf;
    for (const AccountFeed &feed : feeds)
        remoteFeedOf.insert(feed.feedId, feed.remoteId);
    QHash<QString, int> localUnread;
    for (const AccountStory &story : stories) {
        if (story.unread)
            ++localUnread[remoteFeedOf.value(story.feedId)];
    }
    QStringList feedsToCompare;
    if (stale) {
        feedsToCompare << QString();
    } else {
        for (auto it = unreadByFeed.cbegin(); it != unreadByFeed.cend(); ++it) {
            if (it.value() != localUnread.value(it.key()))
                feedsToCompare << it.key();
        }
    }
    for (const QString &feedId : std::as_const(feedsToCompare)) {
        QList<RemoteHeadline> unread;
        query = HeadlineQuery{};
        query.set = HeadlineQuery::Set::Unread;
        query.feedId = feedId;
        if (const RemoteError failure = listAll(query, &unread))
            return failure;
        QSet<QString> unreadIds;
        for (const RemoteHeadline &headline : std::as_const(unread))
            unreadIds.insert(headline.id);
        QSet<QString> nowRead;
        for (const AccountStory &story : stories) {
            if (story.unread && !unreadIds.contains(story.remoteId)
                && (feedId.isEmpty() || remoteFeedOf.value(story.feedId) == feedId))
                nowRead.insert(story.remoteId);
        }
        const int madeUnread = applyRead(stories, unreadIds, false);
        const int madeRead = applyRead(stories, nowRead, true);
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
            return {RemoteError::Kind::Refused, QStringLiteral("folder %1 is not a category of the account").arg(folderId)};
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
    return {RemoteError::Kind::Refused, QStringLiteral("feed %1 is not a feed of the account").arg(feedId)};
}

RemoteError SyncEngine::moveFeed(qint64 feedId, qint64 folderId)
{
    const QHash<QString, AccountFeed> feeds = m_accounts.feeds(m_accountId);
    const QString category = folderId > 0 ? m_accounts.folders(m_accountId).key(folderId) : QString();
    if (folderId > 0 && category.isEmpty())
        return {RemoteError::Kind::Refused, QStringLiteral("folder %1 is not a category of the account").arg(folderId)};
    for (const AccountFeed &feed : feeds) {
        if (feed.feedId != feedId)
            continue;
        if (const RemoteError failure = m_remote.moveFeed(feed.remoteId, category))
            return failure;
        // The feed's folder here follows from the server's feed list.
        int pulled = 0;
        return pull(&pulled);
    }
    return {RemoteError::Kind::Refused, QStringLiteral("feed %1 is not a feed of the account").arg(feedId)};
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
