#include "gui/listselection.h"

#include "models/storyhistory.h"
#include "models/storylistmodel.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>
#include <QScrollBar>

namespace bulletin {

ListSelection::ListSelection(StoryListModel &stories, QAbstractItemView *view)
    : m_stories(stories)
    , m_view(view)
{
}

int ListSelection::rowOf(const ReaderLocation &location, int maxRows)
{
    return location.storyId ? m_stories.locateStory(location.storyId, maxRows)
                            : m_stories.locateBookmark(location.bookmarkId, maxRows);
}

void ListSelection::select(int row, bool scrollTo)
{
    const auto guard = quiet();
    if (row < 0) {
        m_view->selectionModel()->clearSelection();
        m_view->selectionModel()->setCurrentIndex({}, QItemSelectionModel::NoUpdate);
        return;
    }
    const QModelIndex index = m_stories.index(row, StoryListModel::HeadlineColumn);
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (scrollTo)
        m_view->scrollTo(index);
}

bool ListSelection::move(int delta)
{
    const int rows = m_stories.rowCount();
    const int row = m_view->currentIndex().isValid() ? m_view->currentIndex().row() + delta
                                                     : (delta > 0 ? 0 : -1);
    if (row >= rows && m_stories.canFetchMore({}))
        m_stories.fetchMore({});
    if (row < 0 || row >= m_stories.rowCount())
        return false;
    m_view->setCurrentIndex(m_stories.index(row, StoryListModel::HeadlineColumn));
    return true;
}

void ListSelection::reload(const ReaderLocation &reader)
{
    // Keep the list where the user had scrolled it when the reader's story is still there.
    const int scroll = m_view->verticalScrollBar()->value();
    {
        const auto guard = quiet();
        m_stories.reload();
    }
    if (reader.isValid()) {
        if (const int row = rowOf(reader, 2000); row >= 0)
            select(row);
    }
    m_view->verticalScrollBar()->setValue(scroll);
}

void ListSelection::refreshEvents(qint64 readerStory)
{
    // The story at the top of the list stays there, the reader's story stays selected.
    const QModelIndex top = m_view->indexAt(QPoint(0, 0));
    const qint64 topStory = m_stories.storyIdAt(top.row());
    const int topOffset = top.isValid() ? m_view->visualRect(top).top() : 0;
    {
        const auto guard = quiet();
        m_stories.refreshEvents();
        const int row = readerStory ? m_stories.rowForStory(readerStory) : -1;
        if (row >= 0 && m_view->currentIndex().row() != row)
            select(row);
    }
    if (const int row = m_stories.rowShowing(topStory); row >= 0 && row != top.row()) {
        m_view->scrollTo(m_stories.index(row, StoryListModel::HeadlineColumn),
                         QAbstractItemView::PositionAtTop);
        QScrollBar *bar = m_view->verticalScrollBar();
        bar->setValue(bar->value() - topOffset); // scrolling by pixels: the same part hidden
    }
}

} // namespace bulletin
