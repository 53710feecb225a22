#pragma once

#include <QPointer>
#include <QScopedValueRollback>

class QAbstractItemView;

namespace bulletin {

struct ReaderLocation;
class StoryListModel;

// The story list's selection and scroll position as the StoryController moves them: the
// reader's row selected (found with bounded paging, as a link's target is) or none, the next
// or previous row (j/k), and the user's place kept when the list reloads its rows or gathers
// its events again. A change made here, or under the guard quiet() returns, is not the user's
// choice: isQuiet() says so to the view's currentChanged handler; a move by j/k is the user's.
// GUI thread only; the model and the view must outlive it.
class ListSelection final
{
public:
    ListSelection(StoryListModel &stories, QAbstractItemView *view);

    bool isQuiet() const { return m_quiet; }
    // Hold the returned guard while changing the list (a new filter, a search): the current
    // row the change moves is not the user's choice.
    [[nodiscard]] QScopedValueRollback<bool> quiet()
    {
        return QScopedValueRollback<bool>(m_quiet, true);
    }

    // The location's row, paging at most `maxRows` rows down the list for it; -1 when the
    // list lacks it.
    int rowOf(const ReaderLocation &location, int maxRows = 5000);
    // Selects `row` (none when negative), scrolled into sight when scrollTo is set.
    void select(int row, bool scrollTo = false);
    // The next (1) or previous (-1) row, as the user's choice; false when there is none.
    bool move(int delta);
    // Reloads the list's rows, with the reader's row selected and the list scrolled where the
    // user had it.
    void reload(const ReaderLocation &reader);
    // Gathers the events again (new related coverage): the reader's story stays selected and
    // the story at the top of the list stays there, to the pixel.
    void refreshEvents(qint64 readerStory);

private:
    StoryListModel &m_stories;
    QPointer<QAbstractItemView> m_view;
    bool m_quiet = false;
};

} // namespace bulletin
