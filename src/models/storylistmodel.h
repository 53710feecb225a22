#pragma once

#include "core/searchquery.h"
#include "models/eventgroups.h"
#include "models/storymarkers.h"
#include "models/storypager.h"
#include "models/storyreadahead.h"
#include "models/storyrow.h"
#include "models/storyrowtable.h"
#include "storage/advisorystore.h"
#include "storage/coveragestore.h"
#include "storage/records.h"
#include "storage/searchstore.h"
#include "storage/storyorder.h"

#include <QHash>
#include <QList>

namespace bulletin {

class ArticleStore;
class BookmarkStore;

// The story list: newest first (or as sorted, see setOrder), loaded lazily in pages
// (StoryPager: keyset paging on the order's keys, so a cache of 100,000 stories opens with one
// small query and never counts or loads the whole table). The Bookmarks view lists
// BookmarkRecords instead, including bookmarks whose story has left the cache, shown from
// their snapshot. What a row says in words is StoryRowText's; keeping the rows and telling
// the views what changed is StoryRowTable's.
//
// Rows are only ever appended while paging; a filter change or reload() resets the model.
//
// With a coverage store, each story says how many sources report its event ("+N sources"),
// and the grouped view (setGrouped) shows one row per news event in the plain views (not in
// Bookmarks, Advisories or a search): the row of the event's newest report in the list, its
// other listed reports hidden under it until setEventExpanded shows them, set in, right below.
// Reports that come in later pages join their event's row.
//
// With a read-ahead (setReadAhead), a page is read off the GUI thread: once a page is
// appended, a worker with its own connection reads the next one (StoryReadAhead), and
// fetchMore appends it with no query on the GUI thread. When the view asks before it is
// ready, fetchMore appends nothing and the page is appended as soon as it arrives (the view
// is at the bottom of the list, which grows under it) rather than holding the window. A page
// read ahead is dropped when the view starts over (a filter, an order, a search, the grouped
// view, a reload) or its events change (refreshEvents), and takes the read and bookmark
// marks set since it was asked for (setStoryRead, setStoryBookmarked); the Unread view
// leaves out its stories marked read meanwhile, as a page read then would. Without a
// read-ahead (the unit tests, the command line) each page is read when it is asked for.
// GUI thread only (the stores belong to the thread that opened the cache).
class StoryListModel final : public StoryRowTable
{
    Q_OBJECT

public:
    // NoteColumn holds the bookmark's note in the Bookmarks view and is empty elsewhere.
    enum Column { HeadlineColumn, SourceColumn, DateColumn, NoteColumn, ColumnCount };
    enum Role {
        StoryIdRole = Qt::UserRole + 1, // qint64; 0 for a bookmark whose story is gone
        BookmarkIdRole, // qint64; set in the Bookmarks view only
        ReadRole,
        BookmarkedRole,
        AdvisoryRole,
        HeadlineOnlyRole,
        AdvisoryStatusRole, // QString: "active", "expired", ...; set in the Advisories view
        SnippetRole, // QString: search results only, matched words between [ and ]
        SourcesRole, // int: feeds reporting the story's event (1: none elsewhere)
        EventReportsRole, // int, grouped view: the other listed reports under an event's row
        EventExpandedRole, // bool, grouped view: an event's row shows its reports
        EventDepthRole, // int, grouped view: 1 for a report shown under its event's row
    };
    static constexpr int kPageSize = StoryPager::kPageSize;

    StoryListModel(ArticleStore &articles, BookmarkStore &bookmarks, QObject *parent = nullptr);

    // With the advisory store, the Advisories view lists its stories by their advisory's
    // standing: active ones first (most severe, then soonest to expire), then expired,
    // superseded and cancelled ones, greyed, newest first; a page at a time, like the others.
    // Without it the view is newest first like the others.
    void setAdvisoryStore(const AdvisoryStore &store) { m_pager.setAdvisoryStore(store); }

    // Search: with a search store, setSearch lists the stories that match the query within
    // the scope, best first (bm25, newer on ties), at most kSearchLimit of them, each with a
    // snippet; an empty query goes back to the filter. A new filter ends the search.
    static constexpr int kSearchLimit = StoryPager::kSearchLimit;
    void setSearchStore(const SearchStore &store) { m_pager.setSearchStore(store); }

    // Related coverage's events (CoverageStore): "+N sources" and the grouped view.
    void setCoverageStore(const CoverageStore &store) { m_coverage = store; }
    bool isGrouped() const { return m_grouped; }
    void setGrouped(bool grouped);
    // Shows or hides the reports under an event's row; false when the row has none.
    bool setEventExpanded(int row, bool expanded);
    // Related coverage changed (the refresh worker indexed new stories): the loaded rows
    // take their events and "+N sources" again, in place, with no reset and no paging. Rows
    // that keep their place keep their indexes (a view's selection and scroll stay), open
    // events stay open, and an event opens rather than hide a row a view holds (its
    // current row). Plain views only; the others show no events.
    void refreshEvents();
    bool setSearch(const QString &query, const StoryFilter &scope, QString *error = nullptr);
    // The same search with its results found elsewhere (StorySearcher, off the GUI thread):
    // the list shows them as setSearch would have. False, changing nothing, on a query with
    // nothing to look for.
    bool setSearchResults(const QString &query, const StoryFilter &scope,
                          const QList<SearchStore::Result> &results);
    bool isSearching() const { return !m_query.isEmpty(); }
    QString searchQuery() const { return m_query; }
    // What a search result highlights: the query's words and phrases as the search matched
    // them (empty when not searching).
    const SearchMatcher &highlighter() const { return m_highlighter; }

    // Sorting (StoryOrder): each view keeps the order last set for it (by StoryFilter::key),
    // newest first until then. Only the plain views sort (All, Unread, a feed or a folder,
    // not grouped by event): Bookmarks lists by when each was bookmarked, Advisories by
    // standing, a search by relevance and the grouped view newest first (its events gather
    // their reports page by page, newest first); there order() is the date order and
    // setOrder() is remembered for when the view sorts again.
    bool isSortable() const;
    StoryOrder order() const
    {
        return isSortable() ? m_orders.value(m_filter.key()) : StoryOrder{};
    }
    // Sets the order of the view of that key; the list is read again when it is this one's.
    void setOrder(const QString &viewKey, const StoryOrder &order);
    void setOrder(const StoryOrder &order) { setOrder(m_filter.key(), order); }

    StoryFilter filter() const { return m_filter; }
    void setFilter(const StoryFilter &filter);
    // The rows are bookmarks (with their notes): the Bookmarks view, when not searching.
    bool isBookmarkView() const
    {
        return m_filter.kind == StoryFilter::Kind::Bookmarked && !isSearching();
    }
    void reload();

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // A story with a web link can be dragged out of the list: the drag gives its link
    // (storyLinksMimeData), one for each selected row; a row without one drags nothing.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Reads the next page ahead on a worker with its own connection to the cache file.
    void setReadAhead(const QString &cachePath);
    // The read-ahead, for its pageRead signal (the benchmark times its pages); nullptr
    // without one.
    const StoryReadAhead *readAhead() const { return m_readAhead; }
    // The next page has been read ahead: fetchMore appends it at once.
    bool isNextPageReady() const { return m_ready.has_value(); }

    // The row that shows the story: its own, or its event's row while it is hidden under it.
    int rowShowing(qint64 storyId) const;
    // Like rowForStory, but pages further down the list while the story would still come
    // later, loading at most up to maxRows rows. -1 when the story is not in this view.
    int locateStory(qint64 storyId, int maxRows = 5000);
    // The same for a bookmark in the Bookmarks view.
    int locateBookmark(qint64 bookmarkId, int maxRows = 5000);

    // Keep the loaded rows in step with changes made elsewhere (no reload, no reset).
    void setStoryRead(qint64 storyId, bool read);
    void setStoryBookmarked(qint64 storyId, bool bookmarked);

private:
    using Row = StoryRow;
    bool isGroupedView() const
    {
        return m_grouped && m_coverage.has_value() && !isBookmarkView() && !isSearching()
            && m_filter.kind != StoryFilter::Kind::Advisories;
    }
    // The plain views' rows for a page of stories: with their events, and in the grouped
    // view without the reports whose event already has a row (they go under it). Changes
    // nothing the model shows: the reports of events whose row is already in the list go to
    // `joining`, for joinShownEvents.
    QList<Row> storyRows(const QList<Row> &page, QList<Row> *joining);
    // The same with the page's events already read (by the read-ahead).
    QList<Row> storyRows(const QList<Row> &page, const QHash<qint64, StoryEvent> &events,
                         QList<Row> *joining);
    // Appends the next page: the one read ahead when it is ready; otherwise, with `now`, one
    // read on the spot, and without, none (it is appended when it arrives).
    void fetchPage(bool now);
    // Appends a page whose rows and events are known; no query.
    void appendPage(QList<Row> page, const QHash<qint64, StoryEvent> &events);
    // Asks the read-ahead for the page after the pager's state, dropping any asked for before.
    void askReadAhead();
    void onPageRead(const StoryReadAhead::Page &page);
    // Puts reports under their events' rows already listed (shown there when open).
    void joinShownEvents(const QList<Row> &reports);
    // The story of the event row a loaded story is hidden under (nullopt when it has a row).
    std::optional<qint64> hiddenUnder(qint64 storyId) const;

    void loadFirstPage();
    bool isAdvisoryView() const
    {
        return m_filter.kind == StoryFilter::Kind::Advisories && m_pager.hasAdvisoryStore();
    }
    // The listed reports under the row of an event in the grouped view; 0 for other rows.
    int reportsUnder(const Row &row) const;
    // A search result's snippet, cut when first asked for (a tooltip, a screen reader).
    QString snippetOf(const Row &row) const;

    ArticleStore &m_articles;
    BookmarkStore &m_bookmarks;
    StoryPager m_pager;
    QString m_query;
    StoryFilter m_searchScope;
    SearchMatcher m_highlighter;
    mutable QHash<qint64, QString> m_snippets; // by story, for the current search
    StoryFilter m_filter;
    std::optional<CoverageStore> m_coverage;
    bool m_grouped = false;
    EventGroups m_events; // the grouped view's events (in the plain views' rows)
    QHash<QString, StoryOrder> m_orders; // by StoryFilter::key
    // While the rows change (a page, a reset, an event opened or closed): no nested fetchMore.
    bool m_changing = false;
    StoryMarkers m_markers;
    StoryReadAhead *m_readAhead = nullptr;
    quint64 m_generation = 0; // of the page asked of the read-ahead; any older one is dropped
    std::optional<StoryReadAhead::Page> m_ready; // the next page, read ahead
    bool m_wanted = false; // fetchMore found no page ready: append it when it arrives
    // Marks set since the read-ahead was asked for its page, by story.
    QHash<qint64, bool> m_readSince;
    QHash<qint64, bool> m_bookmarkedSince;
};

} // namespace bulletin
