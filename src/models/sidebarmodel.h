#pragma once

#include "models/storymarkers.h"
#include "storage/accountstore.h"
#include "storage/records.h"
#include "storage/searchstore.h"

#include <QAbstractItemModel>
#include <QList>

#include <optional>
#include <vector>

namespace bulletin {

class ArticleStore;
class BookmarkStore;
class FeedStore;

// The sources sidebar: the smart views (All stories, Unread, Bookmarks, Advisories), then the
// folders (nested) with their feeds and the feeds outside any folder, then each sync account
// as a node of its own with its server's categories and feeds (with an account store). Column 0 is
// the name, column 1 the unread count (the bookmark count for Bookmarks), empty when zero.
//
// Counts come from FeedStore::feeds(), one query that the feeds_read index answers per feed,
// so populating never counts the whole articles table. refreshCounts() updates the numbers in
// place (the view keeps its selection); reload() rebuilds the tree after feeds or folders
// change. Each feed carries its health (last success, last error in words) as its tooltip
// and an error badge while its last refresh failed; an account likewise its last sync, its
// last error in words and the changes waiting to be sent. GUI thread only.
class SidebarModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class NodeKind {
        AllStories,
        Unread,
        Bookmarks,
        Advisories,
        Folder,
        Feed,
        SavedSearch,
        Account
    };
    enum Column { NameColumn, CountColumn, ColumnCount };
    enum Role {
        NodeKindRole = Qt::UserRole + 1, // int(NodeKind)
        NodeIdRole, // feed, folder or account id
        CountRole, // int
        FailingRole, // bool: a feed whose last refresh failed, an account
                     // whose last sync failed
        HealthRole, // QString: a feed's or account's last success and error
    };

    SidebarModel(FeedStore &feeds, ArticleStore &articles, BookmarkStore &bookmarks,
                 QObject *parent = nullptr);

    // With the search store, the user's saved searches follow the smart views.
    void setSearchStore(const SearchStore &store);
    // With the account store, each sync account is a top-level node holding its folders and
    // feeds (without it they sit among the local ones).
    void setAccountStore(const AccountStore &store);
    void reload();
    void refreshCounts();
    // One story of the feed became read (delta -1) or unread (+1): adjusts the feed, its
    // folders and the smart views in place, without asking the database.
    void adjustUnread(qint64 feedId, bool hasAdvisory, int delta);

    StoryFilter filterFor(const QModelIndex &index) const;
    // The account at the index (its own node), or 0.
    qint64 accountAt(const QModelIndex &index) const;
    // The account whose node holds the source (the account itself, one of its folders or
    // feeds), or 0 for a local source or a smart view.
    qint64 accountOf(const StoryFilter &source) const;
    // The saved search at the index, or 0 when it is no saved search.
    qint64 savedSearchAt(const QModelIndex &index) const;
    QModelIndex indexForSavedSearch(qint64 id) const;
    QModelIndex indexFor(const StoryFilter &filter) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Node
    {
        NodeKind kind = NodeKind::AllStories;
        qint64 id = 0;
        QString name;
        QString health; // feeds: last success and last error, in words
        bool failing = false;
        int count = 0;
        int parent = -1; // index into m_nodes; -1 for top level
        int row = 0; // row within the parent
        QList<int> children;
    };
    struct Snapshot
    {
        QList<FeedRecord> feeds;
        QList<FolderRecord> folders;
        int advisoryUnread = 0;
        int bookmarks = 0;
        QList<SearchStore::SavedSearch> searches;
        QList<AccountRecord> accounts;
    };

    Snapshot snapshot() const;
    void build(const Snapshot &snapshot);
    int addNode(NodeKind kind, qint64 id, const QString &name, int count, int parent = -1);
    int sumFolder(int node);
    const QList<int> &childrenOf(const QModelIndex &parent) const;
    QModelIndex indexOfNode(int node, int column = 0) const;

    FeedStore &m_feeds;
    ArticleStore &m_articles;
    BookmarkStore &m_bookmarks;
    std::optional<SearchStore> m_search;
    std::optional<AccountStore> m_accountStore;
    std::vector<Node> m_nodes;
    QList<int> m_topLevel;
    QList<qint64>
        m_shape; // the feed, folder and account ids the tree was built from, to spot changes
    StoryMarkers m_markers;
};

} // namespace bulletin
