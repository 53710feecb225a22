#pragma once

#include "models/storyrow.h"
#include "storage/advisorystore.h"
#include "storage/records.h"
#include "storage/searchstore.h"
#include "storage/storyorder.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace bulletin {

class ArticleStore;
class BookmarkStore;

// Where the story list's rows come from, a page at a time: the queries behind StoryListModel,
// apart from what the model shows of them. start() begins a view and returns its first page;
// next() returns the page after the last one returned, until atEnd().
//
// - Stories (All, Unread, a feed, a folder): ArticleStore::stories with keyset paging on the
//   order's keys, after the last story returned, so a cache of 100,000 stories opens with
//   one small query and never counts or loads the whole table. Each query asks for one row
//   more than a page, to know whether another follows without asking for an empty page.
// - Bookmarks: BookmarkStore::bookmarkPage, newest bookmark first, in the same way.
// - Advisories: AdvisoryStore::orderPage (active first, by severity and expiry, then the
//   retired ones) with keyset paging on its key, and the page's stories by id; which
//   advisories have expired is decided once, when the view starts.
// - Search: the best kSearchLimit matches at once, their snippets left to be cut on request.
//
// The rows carry what the stores say of each story (StoryRow), without events: the model
// adds those. Plain data with no signals; it uses the stores of the thread that opened the
// cache, so it belongs to that thread (the GUI thread).
class StoryPager final
{
public:
    static constexpr int kPageSize = 200;
    static constexpr int kSearchLimit = 500;

    enum class Source { Stories, Bookmarks, Advisories, Search };
    struct View
    {
        Source source = Source::Stories;
        StoryFilter filter; // Stories: the view; Search: the scope searched
        StoryOrder order; // Stories only
        QString query; // Search only
    };

    StoryPager(ArticleStore &articles, BookmarkStore &bookmarks);

    void setAdvisoryStore(const AdvisoryStore &store) { m_advisories = store; }
    bool hasAdvisoryStore() const { return m_advisories.has_value(); }
    void setSearchStore(const SearchStore &store) { m_search = store; }
    // The search store, for the snippets the rows leave out; nullptr without one.
    const SearchStore *searchStore() const { return m_search ? &*m_search : nullptr; }

    // Starts the view over and returns its first page. An Advisories view needs the
    // advisory store and a Search view the search store (without, they list nothing).
    QList<StoryRow> start(const View &view);
    // Starts a Search view on results found elsewhere (StorySearcher, off the GUI thread)
    // and returns their rows: what start() would have returned had it searched itself.
    QList<StoryRow> startSearch(const View &view, const QList<SearchStore::Result> &results);
    // The page after the last one returned; empty at the end.
    QList<StoryRow> next();
    bool atEnd() const { return m_atEnd; }

    // Where the pager is in its view: the view, the cursor after the last row returned (the
    // Advisories view: the last advisory's key and the time that decides which expired). A
    // pager over another connection to the same file that resumes a state returns from
    // next() the page this one would (the story list's read-ahead, StoryReadAhead), and this
    // one resumes the state after that page.
    struct State
    {
        View view;
        std::optional<StoryCursor> cursor;
        AdvisoryStore::OrderKey advisoryKey;
        qint64 advisoryNow = 0;
        bool atEnd = true;
    };
    State state() const { return {m_view, m_cursor, m_advisoryKey, m_advisoryNow, m_atEnd}; }
    void resume(const State &state);

    static StoryRow rowFor(const StorySummary &story);
    // A bookmark's row, from its snapshot; its cursor orders by when it was bookmarked.
    static StoryRow rowFor(const BookmarkRecord &bookmark);

private:
    QList<StoryRow> nextStories();
    QList<StoryRow> nextBookmarks();
    QList<StoryRow> nextAdvisories();

    ArticleStore &m_articles;
    BookmarkStore &m_bookmarks;
    std::optional<AdvisoryStore> m_advisories;
    std::optional<SearchStore> m_search;
    View m_view;
    std::optional<StoryCursor> m_cursor; // after the last story or bookmark returned
    // The Advisories view: after which advisory the next page starts, and the time that
    // decides which have expired.
    AdvisoryStore::OrderKey m_advisoryKey;
    qint64 m_advisoryNow = 0;
    bool m_atEnd = true;
};

} // namespace bulletin
