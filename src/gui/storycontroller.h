#pragma once

#include "gui/listselection.h"
#include "gui/readerpage.h"
#include "models/storyhistory.h"
#include "storage/records.h"
#include "storage/searchstore.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

class QModelIndex;
class QAbstractItemView;
class QTreeView;

namespace bulletin {

class Cache;
class CoverageFinder;
class StorySearcher;
class ImagePolicy;
class ReaderView;
class ReadMarking;
class SidebarModel;
class StoryListModel;

// Keeps the three panes in step (Akregator's selection-controller idea): choosing a source
// shows its stories, choosing a story shows it in the reader and marks it read, following a
// related headline opens that story and selects it in the list, and back/forward walk the
// reader's trail. It owns the two models; the views belong to the window. It chooses what the
// panes show and hands on the rest: drawing the reader's page (its related coverage and remote
// images) is its ReaderPage's job, moving the list's selection and keeping the list's place
// its ListSelection's, and marking stories read its ReadMarking's.
//
// The reader only ever shows a story of the list beside it: a view opens at its top with the
// story last read in it (or an empty reader), a search keeps the reader's story only when it
// is a result, following a link to a story outside the view shows it among all stories, and
// back/forward return to the view a story was read in and to how far down it the reader was.
// GUI thread only.
class StoryController final : public QObject
{
    Q_OBJECT

public:
    StoryController(Cache &cache, QTreeView *sidebarView, QAbstractItemView *storyView,
                    ReaderView *reader, QObject *parent = nullptr);

    SidebarModel *sidebarModel() const { return m_sidebar; }
    StoryListModel *storyModel() const { return m_stories; }
    ReadMarking *readMarking() const { return m_marking; }
    ReaderPage *readerPage() const { return m_page; }
    ImagePolicy *imagePolicy() const { return m_page->imagePolicy(); }

    StoryFilter currentFilter() const { return m_filter; }
    ReaderLocation currentLocation() const { return m_page->location(); }
    QUrl currentLink() const { return m_page->link(); }
    // The warning for a link on the current page that misleads about where it goes; empty
    // for an honest link.
    QString linkWarning(const QUrl &url) const { return m_page->linkWarning(url); }

    // Opens a view as the user chooses one: its list from the top, the story last read in it
    // in the reader (or nothing). A search made in "this source" carries on in the new view;
    // any other search ends (searchEnded).
    void showFilter(const StoryFilter &filter);
    // The story list as one row per news event (StoryListModel::setGrouped), keeping the
    // reader's story selected.
    void setGroupedByEvent(bool grouped);
    // Lists the stories matching the query, within the current source or everywhere; an
    // empty query goes back to the source's list. Matched words are highlighted in the list
    // (by the window's delegate) and in the reader. With a searcher (setSearcher) the search
    // runs off the GUI thread and its results replace the list when they come (searchShown);
    // a view chosen meanwhile drops them.
    bool search(const QString &query, bool everywhere);
    bool isSearching() const;
    // A search runs off the GUI thread and its results have not come yet.
    bool isSearchPending() const { return m_searchTicket != 0; }
    // Shows a saved search's results (the sidebar entry stays selected).
    bool openSavedSearch(qint64 id);
    // Opens the story in the reader as a new step on the trail. Returns false (and says why
    // on the status bar) when the story is not in the cache.
    bool openStory(qint64 storyId);
    bool openBookmark(qint64 bookmarkId);

    // The next (1) or previous (-1) story in the list (j/k); false when there is none.
    bool moveInList(int delta) { return m_list.move(delta); }

    // Related coverage for the reader's "Coverage elsewhere", found off the GUI thread; without
    // a finder the reader lists none.
    void setCoverageFinder(CoverageFinder *finder);
    // The searches typed into the window, run off the GUI thread; without a searcher they run
    // on it.
    void setSearcher(StorySearcher *searcher);

    // Loads the remote images of the story in the reader (and, when alwaysForFeed, of every
    // story of its feed from now on), as far as the ImagePolicy can.
    void loadImages(bool alwaysForFeed) { m_page->loadImages(alwaysForFeed); }
    // The feed of the story in the reader (0 for none, or a bookmark's snapshot).
    qint64 currentFeed() const { return m_page->feedId(); }

    bool canGoBack() const { return m_history.canGoBack(); }
    bool canGoForward() const { return m_history.canGoForward(); }
    void goBack();
    void goForward();

    // Draws the current story again (after a palette change, a new note, ...).
    void refreshPage() { m_page->refresh(); }
    // A long story is read a part at a time (storypage.h): shows part `part` (0-based) of
    // the story in the reader, from its top. Opening another story starts at its first part.
    void showPart(int part) { m_page->showPart(part); }
    int currentPart() const { return m_page->part(); }
    int partCount() const { return m_page->partCount(); }
    // A story's read or bookmark state changed in the cache: bring the models in step.
    void storyReadChanged(qint64 storyId, bool read);
    void bookmarksChanged(qint64 storyId, bool bookmarked);
    // Feeds or their counts changed (a refresh, a rename, ...): update the sidebar in place.
    void refreshSidebar();
    // Stories were added or removed elsewhere: reload the list, keeping the reader's row.
    void reloadStories();
    // Related coverage was found for new stories (RefreshService::coverageIndexed): the
    // list's "+N sources" and events follow in place, keeping the selection, the story at
    // the top of the list and the open events; the reader's coverage is found again.
    void coverageChanged();

signals:
    // The user marked stories read or unread, bookmarked or unbookmarked one or wrote a
    // note: what a sync account sends to its server.
    void storiesMarked();
    void locationChanged(const bulletin::ReaderLocation &location);
    void historyChanged();
    void filterChanged(const bulletin::StoryFilter &filter);
    void statusMessage(const QString &message);
    // How many remote images the page in the reader left out (0: nothing to offer).
    void remoteImagesBlocked(int count);
    void savedSearchOpened(const QString &query, bool everywhere);
    // The list stopped being a search because the user went to another view.
    void searchEnded();
    // The list now shows the results of a search (or, the query emptied, the source again).
    void searchShown();

private:
    // `record`: a new step on the trail; the story opens at its first part (or stays on the
    // part shown when it is the story already open). Otherwise a step back or forward, to
    // `part` of the story and `scroll` pixels down it.
    bool show(const ReaderLocation &location, bool record, int part = 0, int scroll = 0);
    // Selects the location's row. When the list lacks it and allowSwitch is set, switches to
    // a view that has it (All stories, or Bookmarks for a bookmark's snapshot).
    void selectInList(const ReaderLocation &location, bool allowSwitch);
    void selectSidebar(const StoryFilter &filter);
    // Lists the view from its top; ends any search.
    void setView(const StoryFilter &filter);
    // Shows the location when the list has it (selected, the list left where it is); else
    // empties the reader.
    void showIfListed(const ReaderLocation &location);
    void clearReader();
    void walkHistory(const std::optional<StoryHistory::Step> &step);
    // Notes the reader's part and scroll position on the trail's current step, before
    // leaving it.
    void keepReaderPlace();
    void onSidebarCurrentChanged(const QModelIndex &index);
    void onListCurrentChanged(const QModelIndex &index);
    // Shows a search's results, or the source again (StoryListModel::setSearch or, with
    // the results found elsewhere, setSearchResults).
    bool showSearch(const QString &query, bool everywhere,
                    const std::optional<QList<SearchStore::Result>> &results);
    void onSearchFound(quint64 ticket, const QList<SearchStore::Result> &results, bool ok);

    Cache &m_cache;
    SidebarModel *m_sidebar = nullptr;
    StoryListModel *m_stories = nullptr;
    QPointer<QTreeView> m_sidebarView;
    QPointer<QAbstractItemView> m_storyView;
    QPointer<ReaderView> m_reader;
    ListSelection m_list;
    ReaderPage *m_page = nullptr; // what the reader shows: the current location
    ReadMarking *m_marking = nullptr;
    StoryHistory m_history;
    StoryFilter m_filter;
    QHash<QString, ReaderLocation>
        m_viewStories; // the story last read in each view, by StoryFilter::key
    bool m_searchEverywhere = false;
    qint64 m_savedSearch = 0; // the saved search the list shows, if any
    QPointer<StorySearcher> m_searcher;
    // The search whose results the list waits for (0: none), and what was asked.
    quint64 m_searchTicket = 0;
    QString m_searchQuery;
    bool m_searchInEverywhere = false;
    // Set while the controller itself moves the sidebar's current index, so the sidebar's
    // currentChanged is not taken for a user's choice (the list's is m_list's).
    bool m_syncing = false;
};

} // namespace bulletin
