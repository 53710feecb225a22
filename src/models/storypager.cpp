#include "models/storypager.h"

#include "storage/articlestore.h"
#include "storage/bookmarkstore.h"

#include <QDateTime>
#include <QHash>

#include <algorithm>

namespace bulletin {

StoryPager::StoryPager(ArticleStore &articles, BookmarkStore &bookmarks)
    : m_articles(articles)
    , m_bookmarks(bookmarks)
{
}

QList<StoryRow> StoryPager::start(const View &view)
{
    m_view = view;
    m_cursor.reset();
    m_atEnd = false;
    switch (view.source) {
    case Source::Search:
        // The list shows a result's snippet only in its tooltip: it is cut when asked for.
        return startSearch(view,
                           m_search ? m_search->search(view.query, view.filter, kSearchLimit,
                                                       nullptr, SearchStore::Snippets::OnRequest)
                                    : QList<SearchStore::Result>{});
    case Source::Advisories:
        m_advisoryKey = {};
        m_advisoryNow = QDateTime::currentMSecsSinceEpoch();
        return nextAdvisories();
    case Source::Bookmarks:
    case Source::Stories:
        break;
    }
    return next();
}

QList<StoryRow> StoryPager::startSearch(const View &view, const QList<SearchStore::Result> &results)
{
    m_view = view;
    m_cursor.reset();
    m_atEnd = true; // the results come at once
    QList<StoryRow> rows;
    rows.reserve(results.size());
    for (const SearchStore::Result &result : results)
        rows << rowFor(result.story);
    return rows;
}

void StoryPager::resume(const State &state)
{
    m_view = state.view;
    m_cursor = state.cursor;
    m_advisoryKey = state.advisoryKey;
    m_advisoryNow = state.advisoryNow;
    m_atEnd = state.atEnd;
}

QList<StoryRow> StoryPager::next()
{
    if (m_atEnd)
        return {};
    switch (m_view.source) {
    case Source::Stories:
        return nextStories();
    case Source::Bookmarks:
        return nextBookmarks();
    case Source::Advisories:
        return nextAdvisories();
    case Source::Search:
        break;
    }
    return {};
}

QList<StoryRow> StoryPager::nextStories()
{
    // One row more than a page tells whether another page follows, so the list never asks
    // for an empty page at the end.
    QList<StorySummary> page = m_articles.stories(m_view.filter, m_cursor, kPageSize + 1,
                                                  m_view.order);
    m_atEnd = page.size() <= kPageSize;
    if (!m_atEnd)
        page.resize(kPageSize);
    if (!page.isEmpty())
        m_cursor = StoryOrder::cursorOf(page.last());
    QList<StoryRow> rows;
    rows.reserve(page.size());
    for (const StorySummary &story : std::as_const(page))
        rows << rowFor(story);
    return rows;
}

QList<StoryRow> StoryPager::nextBookmarks()
{
    QList<BookmarkRecord> page = m_bookmarks.bookmarkPage(m_cursor, kPageSize + 1);
    m_atEnd = page.size() <= kPageSize;
    if (!m_atEnd)
        page.resize(kPageSize);
    QList<StoryRow> rows;
    rows.reserve(page.size());
    for (const BookmarkRecord &bookmark : std::as_const(page))
        rows << rowFor(bookmark);
    if (!rows.isEmpty())
        m_cursor = rows.constLast().cursor;
    return rows;
}

QList<StoryRow> StoryPager::nextAdvisories()
{
    QList<StoryRow> rows;
    if (!m_advisories) {
        m_atEnd = true;
        return rows;
    }
    QList<AdvisoryStore::Placement> page = m_advisories->orderPage(m_advisoryKey, kPageSize + 1,
                                                                   m_advisoryNow);
    m_atEnd = page.size() <= kPageSize;
    if (!m_atEnd)
        page.resize(kPageSize);
    if (page.isEmpty())
        return rows;
    m_advisoryKey = page.constLast().key;
    QList<qint64> ids;
    ids.reserve(page.size());
    for (const AdvisoryStore::Placement &placement : std::as_const(page))
        ids << placement.storyId;
    QHash<qint64, StorySummary> summaries;
    for (const StorySummary &story : m_articles.summaries(ids))
        summaries.insert(story.id, story);
    rows.reserve(page.size());
    for (const AdvisoryStore::Placement &placement : std::as_const(page)) {
        const auto found = summaries.constFind(placement.storyId);
        if (found == summaries.constEnd())
            continue; // gone since the advisory was read
        StoryRow row = rowFor(*found);
        row.advisoryStatus = placement.status;
        rows << row;
    }
    return rows;
}

StoryRow StoryPager::rowFor(const StorySummary &story)
{
    StoryRow row;
    row.storyId = story.id;
    row.title = story.title;
    row.link = story.link;
    row.source = story.source;
    row.published = story.published;
    row.cursor = StoryOrder::cursorOf(story);
    row.read = story.read;
    row.bookmarked = story.bookmarked;
    row.hasAdvisory = story.hasAdvisory;
    row.headlineOnly = story.headlineOnly;
    return row;
}

StoryRow StoryPager::rowFor(const BookmarkRecord &bookmark)
{
    StoryRow row;
    row.storyId = bookmark.articleId.value_or(0);
    row.bookmarkId = bookmark.bookmarkId;
    row.title = bookmark.title;
    row.link = bookmark.link;
    row.source = bookmark.source;
    row.published = bookmark.published;
    row.read = bookmark.read;
    row.bookmarked = true;
    row.hasAdvisory = bookmark.hasAdvisory;
    row.note = bookmark.note;
    // The Bookmarks list is ordered by when each story was bookmarked.
    row.cursor.sortDate = bookmark.createdAt.toSecsSinceEpoch();
    row.cursor.id = bookmark.bookmarkId;
    return row;
}

} // namespace bulletin
