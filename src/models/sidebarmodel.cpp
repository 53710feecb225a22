#include "models/sidebarmodel.h"

#include "models/storymarkers.h"
#include "storage/articlestore.h"
#include "storage/bookmarkstore.h"
#include "storage/feedstore.h"

#include <QCollator>
#include <QFont>
#include <QHash>
#include <QLocale>
#include <QUrl>

#include <algorithm>
#include <functional>

namespace bulletin {

namespace {

QList<qint64> shapeOf(const QList<FeedRecord> &feeds, const QList<FolderRecord> &folders,
                      const QList<SearchStore::SavedSearch> &searches,
                      const QList<AccountRecord> &accounts)
{
    // Enough to tell whether the tree must be rebuilt: ids, parents and names in order.
    QList<qint64> shape;
    for (const AccountRecord &account : accounts)
        shape << -2000000 - account.id << qint64(qHash(account.user + account.url));
    for (const FolderRecord &folder : folders)
        shape << -folder.id << folder.parentId << folder.accountId << qint64(qHash(folder.name));
    for (const FeedRecord &feed : feeds)
        shape << feed.id << feed.folderId << feed.accountId << qint64(qHash(feed.title));
    for (const SearchStore::SavedSearch &search : searches)
        shape << -1000000 - search.id << qint64(qHash(search.name));
    return shape;
}

QString when(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

// "Updated 26/11/2026 14:02" and, when the last attempt failed, "Last error (…): HTTP 404".
QString healthOf(const FeedRecord &feed)
{
    QStringList lines;
    if (feed.kind == QLatin1String("local")) {
        lines << SidebarModel::tr("Local source");
    } else if (feed.accountId != 0) {
        // Its server fetches it; the account's own health says how the last sync went.
        lines << SidebarModel::tr("Fetched by the sync account's server");
    } else {
        lines << feed.url;
        lines << (feed.lastSuccess.isValid()
                      ? SidebarModel::tr("Last updated %1").arg(when(feed.lastSuccess))
                      : SidebarModel::tr("Never updated yet"));
        // A truncated or malformed feed read with recovery is not failing, but not well.
        if (!feed.lastWarning.isEmpty())
            lines << SidebarModel::tr("Last update read with recovery: %1").arg(feed.lastWarning);
        if (!feed.lastError.isEmpty()) {
            const QString at = feed.lastAttempt.isValid() ? when(feed.lastAttempt) : QString();
            lines << (at.isEmpty()
                          ? SidebarModel::tr("Last error: %1").arg(feed.lastError)
                          : SidebarModel::tr("Last error (%1): %2").arg(at, feed.lastError));
            if (feed.failures > 1)
                lines << SidebarModel::tr("Failed %n time(s) in a row", nullptr, feed.failures);
            if (feed.retryAfter.isValid() && feed.retryAfter > QDateTime::currentDateTimeUtc())
                lines << SidebarModel::tr("Next try after %1").arg(when(feed.retryAfter));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

// "alice on rss.example.org": whose account on which server.
QString accountName(const AccountRecord &account)
{
    const QString host = QUrl(account.url).host();
    return SidebarModel::tr("%1 on %2").arg(account.user, host.isEmpty() ? account.url : host);
}

// The account's health, as a feed's: where it syncs, when it last did, the last error in
// words and what waits to be sent.
QString healthOf(const AccountRecord &account)
{
    QStringList lines;
    lines << SidebarModel::tr("Sync account of %1 at %2").arg(account.user, account.url);
    lines << (account.lastSync.isValid()
                  ? SidebarModel::tr("Last synced %1").arg(when(account.lastSync))
                  : SidebarModel::tr("Never synced yet"));
    if (!account.lastError.isEmpty())
        lines << SidebarModel::tr("Last sync failed: %1").arg(account.lastError);
    if (account.pending > 0)
        lines << SidebarModel::tr("%n change(s) waiting to be sent", nullptr, account.pending);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

SidebarModel::SidebarModel(FeedStore &feeds, ArticleStore &articles, BookmarkStore &bookmarks,
                           QObject *parent)
    : QAbstractItemModel(parent)
    , m_feeds(feeds)
    , m_articles(articles)
    , m_bookmarks(bookmarks)
{
    build(snapshot());
}

SidebarModel::Snapshot SidebarModel::snapshot() const
{
    Snapshot s;
    s.feeds = m_feeds.feeds();
    s.folders = m_feeds.folders();
    s.advisoryUnread = m_articles.unreadCount({StoryFilter::Kind::Advisories});
    s.bookmarks = m_bookmarks.count();
    if (m_search)
        s.searches = m_search->savedSearches();
    if (m_accountStore)
        s.accounts = m_accountStore->accounts();
    return s;
}

void SidebarModel::setAccountStore(const AccountStore &store)
{
    m_accountStore = store;
    if (!m_accountStore->accounts().isEmpty())
        reload();
}

void SidebarModel::setSearchStore(const SearchStore &store)
{
    m_search = store;
    // Counting every feed again only pays when there are saved searches to show.
    if (!m_search->savedSearches().isEmpty())
        reload();
}

void SidebarModel::reload()
{
    const Snapshot s = snapshot();
    beginResetModel();
    build(s);
    endResetModel();
}

void SidebarModel::refreshCounts()
{
    const Snapshot s = snapshot();
    if (shapeOf(s.feeds, s.folders, s.searches, s.accounts) != m_shape) {
        beginResetModel();
        build(s);
        endResetModel();
        return;
    }
    const std::vector<Node> before = m_nodes;
    build(s); // same shape, so the same nodes in the same places; only counts differ
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].count != before[i].count || m_nodes[i].health != before[i].health
            || m_nodes[i].failing != before[i].failing)
            emit dataChanged(indexOfNode(int(i), NameColumn), indexOfNode(int(i), CountColumn));
    }
}

void SidebarModel::adjustUnread(qint64 feedId, bool hasAdvisory, int delta)
{
    const auto bump = [this, delta](int node) {
        m_nodes[node].count = std::max(0, m_nodes[node].count + delta);
        emit dataChanged(indexOfNode(node, NameColumn), indexOfNode(node, CountColumn));
    };
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        const Node &node = m_nodes[i];
        const bool smart = node.kind == NodeKind::AllStories || node.kind == NodeKind::Unread
            || (hasAdvisory && node.kind == NodeKind::Advisories);
        if (smart) {
            bump(int(i));
        } else if (node.kind == NodeKind::Feed && node.id == feedId) {
            for (int at = int(i); at >= 0; at = m_nodes[at].parent)
                bump(at);
        }
    }
}

int SidebarModel::addNode(NodeKind kind, qint64 id, const QString &name, int count, int parent)
{
    Node node;
    node.kind = kind;
    node.id = id;
    node.name = name;
    node.count = count;
    node.parent = parent;
    const int index = int(m_nodes.size());
    if (node.parent < 0) {
        node.row = int(m_topLevel.size());
        m_topLevel << index;
    } else {
        node.row = int(m_nodes[node.parent].children.size());
        m_nodes[node.parent].children << index;
    }
    m_nodes.push_back(std::move(node));
    return index;
}

void SidebarModel::build(const Snapshot &s)
{
    m_nodes.clear();
    m_topLevel.clear();
    m_shape = shapeOf(s.feeds, s.folders, s.searches, s.accounts);

    int unread = 0;
    for (const FeedRecord &feed : s.feeds)
        unread += feed.unread;
    addNode(NodeKind::AllStories, 0, tr("All stories"), unread);
    addNode(NodeKind::Unread, 0, tr("Unread"), unread);
    addNode(NodeKind::Bookmarks, 0, tr("Bookmarks"), s.bookmarks);
    addNode(NodeKind::Advisories, 0, tr("Advisories"), s.advisoryUnread);
    for (const SearchStore::SavedSearch &search : s.searches) {
        const int node = addNode(NodeKind::SavedSearch, search.id, search.name, 0);
        m_nodes[node].health = tr("Saved search: %1").arg(search.query);
    }

    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);

    QList<FolderRecord> folders = s.folders;
    std::stable_sort(folders.begin(), folders.end(),
                     [&](const FolderRecord &a, const FolderRecord &b) {
                         return collator.compare(a.name, b.name) < 0;
                     });
    QHash<qint64, bool> folderExists;
    for (const FolderRecord &folder : folders)
        folderExists.insert(folder.id, true);

    // Each account's node holds its folders and feeds; without an account store (or for an
    // account being removed) they stay among the local ones.
    QHash<qint64, int> accountNode;
    for (const AccountRecord &account : s.accounts)
        accountNode.insert(account.id, -1);
    const auto ownerOf = [&](qint64 accountId) {
        return accountNode.contains(accountId) ? accountId : 0;
    };

    // Folders parent-first: a folder whose parent is missing (or is itself) goes to the top
    // of its account (or of the local folders).
    QHash<qint64, int> folderNode;
    const std::function<void(qint64, int, qint64)> addFolders = [&](qint64 parentId, int parentNode,
                                                                    qint64 owner) {
        for (const FolderRecord &folder : folders) {
            const qint64 effectiveParent = (folder.parentId != folder.id
                                            && folderExists.contains(folder.parentId))
                ? folder.parentId
                : 0;
            if (effectiveParent != parentId || folderNode.contains(folder.id)
                || ownerOf(folder.accountId) != owner)
                continue;
            const int node = addNode(NodeKind::Folder, folder.id, folder.name, 0, parentNode);
            folderNode.insert(folder.id, node);
            addFolders(folder.id, node, owner);
        }
    };

    QList<FeedRecord> feeds = s.feeds;
    std::stable_sort(feeds.begin(), feeds.end(), [&](const FeedRecord &a, const FeedRecord &b) {
        return collator.compare(a.title, b.title) < 0;
    });
    const auto addFeeds = [&](qint64 owner, int ownerNode) {
        for (const FeedRecord &feed : std::as_const(feeds)) {
            if (ownerOf(feed.accountId) != owner)
                continue;
            const int parentNode = folderNode.value(feed.folderId, ownerNode);
            const int node = addNode(NodeKind::Feed, feed.id,
                                     feed.title.isEmpty() ? feed.url : feed.title, feed.unread,
                                     parentNode);
            m_nodes[node].health = healthOf(feed);
            m_nodes[node].failing = !feed.lastError.isEmpty();
        }
    };
    addFolders(0, -1, 0);
    addFeeds(0, -1);
    for (const AccountRecord &account : s.accounts) {
        const int node = addNode(NodeKind::Account, account.id, accountName(account), 0);
        m_nodes[node].health = healthOf(account);
        m_nodes[node].failing = !account.lastError.isEmpty();
        addFolders(0, node, account.id);
        addFeeds(account.id, node);
    }
    for (int top : std::as_const(m_topLevel)) {
        if (m_nodes[top].kind == NodeKind::Folder || m_nodes[top].kind == NodeKind::Account)
            sumFolder(top);
    }
}

int SidebarModel::sumFolder(int node)
{
    int total = 0;
    for (int child : std::as_const(m_nodes[node].children))
        total += m_nodes[child].kind == NodeKind::Folder ? sumFolder(child) : m_nodes[child].count;
    m_nodes[node].count = total;
    return total;
}

StoryFilter SidebarModel::filterFor(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const Node &node = m_nodes[index.internalId()];
    switch (node.kind) {
    case NodeKind::AllStories:
        return {StoryFilter::Kind::All};
    case NodeKind::Unread:
        return {StoryFilter::Kind::Unread};
    case NodeKind::Bookmarks:
        return {StoryFilter::Kind::Bookmarked};
    case NodeKind::Advisories:
        return {StoryFilter::Kind::Advisories};
    case NodeKind::Folder:
        return {StoryFilter::Kind::Folder, node.id};
    case NodeKind::Feed:
        return {StoryFilter::Kind::Feed, node.id};
    case NodeKind::Account:
        return {StoryFilter::Kind::Account, node.id};
    case NodeKind::SavedSearch:
        if (m_search) {
            if (const auto saved = m_search->savedSearch(node.id))
                return saved->scope;
        }
        return {};
    }
    return {};
}

qint64 SidebarModel::accountAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return 0;
    const Node &node = m_nodes[index.internalId()];
    return node.kind == NodeKind::Account ? node.id : 0;
}

qint64 SidebarModel::accountOf(const StoryFilter &source) const
{
    if (source.kind == StoryFilter::Kind::Account)
        return source.id;
    if (source.kind != StoryFilter::Kind::Feed && source.kind != StoryFilter::Kind::Folder)
        return 0;
    const QModelIndex index = indexFor(source);
    for (int node = index.isValid() ? int(index.internalId()) : -1; node >= 0;
         node = m_nodes[node].parent) {
        if (m_nodes[node].kind == NodeKind::Account)
            return m_nodes[node].id;
    }
    return 0;
}

qint64 SidebarModel::savedSearchAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return 0;
    const Node &node = m_nodes[index.internalId()];
    return node.kind == NodeKind::SavedSearch ? node.id : 0;
}

QModelIndex SidebarModel::indexForSavedSearch(qint64 id) const
{
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].kind == NodeKind::SavedSearch && m_nodes[i].id == id)
            return indexOfNode(int(i));
    }
    return {};
}

QModelIndex SidebarModel::indexFor(const StoryFilter &filter) const
{
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        const Node &node = m_nodes[i];
        if (node.kind == NodeKind::SavedSearch)
            continue;
        const StoryFilter f = filterFor(createIndex(node.row, 0, quintptr(i)));
        if (f.kind == filter.kind && f.id == filter.id)
            return createIndex(node.row, 0, quintptr(i));
    }
    return {};
}

QModelIndex SidebarModel::indexOfNode(int node, int column) const
{
    return createIndex(m_nodes[node].row, column, quintptr(node));
}

const QList<int> &SidebarModel::childrenOf(const QModelIndex &parent) const
{
    return parent.isValid() ? m_nodes[parent.internalId()].children : m_topLevel;
}

QModelIndex SidebarModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const QList<int> &children = childrenOf(parent);
    if (row < 0 || row >= children.size())
        return {};
    return createIndex(row, column, quintptr(children.at(row)));
}

QModelIndex SidebarModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parentNode = m_nodes[child.internalId()].parent;
    return parentNode < 0 ? QModelIndex() : indexOfNode(parentNode);
}

int SidebarModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(parent).size());
}

int SidebarModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant SidebarModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = m_nodes[index.internalId()];
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return node.name;
        return node.count > 0 ? QString::number(node.count) : QString();
    case Qt::DecorationRole:
        if (node.failing && index.column() == NameColumn)
            return m_markers.errorIcon(); // made once: the sidebar draws it for every failing feed
        return {};
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
        if (node.kind == NodeKind::Feed || node.kind == NodeKind::Account)
            return tr("%n unread", nullptr, node.count) + QLatin1Char('\n') + node.health;
        if (node.kind == NodeKind::SavedSearch)
            return node.health;
        if (node.kind == NodeKind::Bookmarks)
            return tr("%n bookmark(s)", nullptr, node.count);
        return tr("%n unread", nullptr, node.count);
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        // Sources with something new stand out, as unread stories do in the list.
        if (node.count > 0 && node.kind != NodeKind::Bookmarks && index.column() == NameColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case NodeKindRole:
        return int(node.kind);
    case NodeIdRole:
        return node.id;
    case CountRole:
        return node.count;
    case FailingRole:
        return node.failing;
    case HealthRole:
        return node.health;
    }
    return {};
}

Qt::ItemFlags SidebarModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_nodes[index.internalId()].children.isEmpty())
        f |= Qt::ItemNeverHasChildren;
    return f;
}

} // namespace bulletin
