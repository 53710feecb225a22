#include "models/storypager.h"

#include "storage/articlestore.h"
#include "storage/bookmarkstore.h"

#include <QSet>

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
    m_advisoryQueue.clear();
    m_atEnd = false;
    switch (view.source) {
    case Source::Search: {
        m_atEnd = true;
        QList<StoryRow> rows;
        if (!m_search)
            return rows;
        // The list shows a result's snippet only in its tooltip: it is cut when asked for.
        for (const SearchStore::Result &result : m_search->search(
                 view.query, view.filter, kSearchLimit, nullptr, SearchStore::Snippets::OnRequest))
            rows << rowFor(result.story);
        return rows;
    }
    case Source::Advisories: {
        if (m_advisories) {
            // The advisories' order comes from their records; the stories' rows are read a
            // page at a time, as in the other views.
            QSet<qint64> seen;
            for (const AdvisoryStore::Placement &placement : m_advisories->order()) {
                if (!seen.contains(placement.storyId)) {
                    seen.insert(placement.storyId);
                    m_advisoryQueue.append({placement.storyId, placement.status});
                }
            }
        }
        return nextAdvisories();
    }
    case Source::Bookmarks:
    case Source::Stories:
        break;
    }
    return next();
}

void StoryPager::resume(const State &state)
{
    m_view = state.view;
    m_cursor = state.cursor;
    m_advisoryQueue = state.advisoryQueue;
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
    const qsizetype count = std::min<qsizetype>(kPageSize, m_advisoryQueue.size());
    QList<qint64> ids;
    ids.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        ids << m_advisoryQueue.at(i).first;
    QHash<qint64, StorySummary> summaries;
    for (const StorySummary &story : m_articles.summaries(ids))
        summaries.insert(story.id, story);
    QList<StoryRow> rows;
    rows.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        const auto found = summaries.constFind(m_advisoryQueue.at(i).first);
        if (found == summaries.constEnd())
            continue; // gone since the records were read
        StoryRow row = rowFor(*found);
        row.advisoryStatus = m_advisoryQueue.at(i).second;
        rows << row;
    }
    m_advisoryQueue.remove(0, count);
    m_atEnd = m_advisoryQueue.isEmpty();
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
