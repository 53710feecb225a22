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
// - Advisories: the advisories' order is read at start (active first, by severity and
//   expiry, then the retired ones), and their stories a page at a time; a story gone since
//   the order was read is left out.
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
    // The page after the last one returned; empty at the end.
    QList<StoryRow> next();
    bool atEnd() const { return m_atEnd; }

    // Where the pager is in its view: the view, the cursor after the last row returned (the
    // Advisories view: the stories not returned yet). A pager over another connection to the
    // same file that resumes a state returns from next() the page this one would (the story
    // list's read-ahead, StoryReadAhead), and this one resumes the state after that page.
    struct State
    {
        View view;
        std::optional<StoryCursor> cursor;
        QList<std::pair<qint64, QString>> advisoryQueue;
        bool atEnd = true;
    };
    State state() const { return {m_view, m_cursor, m_advisoryQueue, m_atEnd}; }
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
    // The Advisories view's stories not returned yet, in the advisories' order, with status.
    QList<std::pair<qint64, QString>> m_advisoryQueue;
    bool m_atEnd = true;
};

} // namespace bulletin
