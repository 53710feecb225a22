#include "gui/storycontroller.h"

#include "gui/readercoverage.h"
#include "gui/readerview.h"
#include "gui/readmarking.h"
#include "models/sidebarmodel.h"
#include "models/storylistmodel.h"
#include "services/storysearcher.h"
#include "storage/cache.h"
#include "storage/searchstore.h"

#include <QItemSelectionModel>
#include <QScopedValueRollback>
#include <QTreeView>

namespace bulletin {

StoryController::StoryController(Cache &cache, QTreeView *sidebarView, QAbstractItemView *storyView,
                                 ReaderView *reader, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_sidebar(new SidebarModel(cache.feeds(), cache.articles(), cache.bookmarks(), this))
    , m_stories(new StoryListModel(cache.articles(), cache.bookmarks(), this))
    , m_sidebarView(sidebarView)
    , m_storyView(storyView)
    , m_reader(reader)
    , m_list(*m_stories, storyView)
{
    m_marking = new ReadMarking(cache, *this, storyView);
    connect(m_marking, &ReadMarking::storiesMarked, this, &StoryController::storiesMarked);
    connect(m_marking, &ReadMarking::statusMessage, this, &StoryController::statusMessage);
    m_page = new ReaderPage(cache, reader, *m_stories, this);
    connect(m_page, &ReaderPage::storyShown, m_marking, &ReadMarking::storyShown);
    connect(m_page, &ReaderPage::remoteImagesBlocked, this, &StoryController::remoteImagesBlocked);
    connect(m_page, &ReaderPage::statusMessage, this, &StoryController::statusMessage);
    m_stories->setAdvisoryStore(cache.advisories());
    m_stories->setSearchStore(cache.searches());
    m_stories->setCoverageStore(cache.coverage());
    // The list's next page is read ahead on a thread of its own, with its own connection to the
    // cache, so that a scroll step runs no query on the GUI thread.
    m_stories->setReadAhead(cache.path());
    m_sidebar->setSearchStore(cache.searches());
    m_sidebar->setAccountStore(cache.accounts());
    sidebarView->setModel(m_sidebar);
    storyView->setModel(m_stories);
    connect(sidebarView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &StoryController::onSidebarCurrentChanged);
    connect(storyView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &StoryController::onListCurrentChanged);
    connect(reader, &ReaderView::storyRequested, this, [this](qint64 id) { openStory(id); });
    connect(reader, &ReaderView::markReadRequested, m_marking, &ReadMarking::markStoriesRead);
    selectSidebar(m_filter);
}

void StoryController::showFilter(const StoryFilter &filter)
{
    const bool wasSearching = m_stories->isSearching();
    // A search typed for "this source" goes on in the new source; a search everywhere or a
    // saved search is a view of its own, left for this one.
    const QString carriedQuery = wasSearching && !m_searchEverywhere && !m_savedSearch
        ? m_stories->searchQuery()
        : QString();
    setView(filter);
    if (!carriedQuery.isEmpty() && search(carriedQuery, false))
        return;
    if (wasSearching)
        emit searchEnded();
    showIfListed(m_viewStories.value(filter.key()));
    m_storyView->scrollToTop(); // a view opens at its top, even when its story is further down
}

void StoryController::setView(const StoryFilter &filter)
{
    m_searchTicket = 0; // the new view is what the user wants now, not a search's results
    m_filter = filter;
    m_savedSearch = 0;
    selectSidebar(filter);
    {
        const auto guard = m_list.quiet();
        m_stories->setFilter(filter);
    }
    m_reader->highlightMatches({});
    m_storyView->scrollToTop();
    emit filterChanged(filter);
}

void StoryController::showIfListed(const ReaderLocation &location)
{
    const int row = location.isValid() ? m_list.rowOf(location) : -1;
    if (row < 0) {
        clearReader();
        return;
    }
    if (location != currentLocation()) {
        show(location, true);
        return;
    }
    m_list.select(row);
}

void StoryController::clearReader()
{
    m_list.select(-1);
    if (!currentLocation().isValid())
        return;
    keepReaderPlace();
    m_marking->readerCleared();
    m_page->clear();
    emit locationChanged(currentLocation());
    emit historyChanged();
}

void StoryController::setGroupedByEvent(bool grouped)
{
    m_stories->setGrouped(grouped);
    selectInList(currentLocation(), false);
}

void StoryController::selectSidebar(const StoryFilter &filter)
{
    QModelIndex index = m_sidebar->indexFor(filter);
    if (!index.isValid())
        index = m_sidebar->indexFor({StoryFilter::Kind::All});
    const QScopedValueRollback guard(m_syncing, true);
    m_sidebarView->setCurrentIndex(index);
}

bool StoryController::search(const QString &query, bool everywhere)
{
    m_searchTicket = 0; // a search still running is overtaken by this one
    const QString trimmed = query.trimmed();
    if (m_searcher && !SearchStore::ftsExpression(trimmed).isEmpty()) {
        m_searchQuery = trimmed;
        m_searchInEverywhere = everywhere;
        m_searchTicket = m_searcher->find(trimmed, everywhere ? StoryFilter{} : m_filter,
                                          StoryListModel::kSearchLimit);
        emit statusMessage(tr("Searching for \u201c%1\u201d\u2026").arg(trimmed));
        return true;
    }
    return showSearch(query, everywhere, std::nullopt);
}

void StoryController::onSearchFound(quint64 ticket, const QList<SearchStore::Result> &results,
                                    bool ok)
{
    // Only the search the list waits for: a view chosen or another search typed since
    // dropped this one.
    if (ticket == 0 || ticket != m_searchTicket)
        return;
    m_searchTicket = 0;
    if (!ok) {
        emit statusMessage(tr("The search could not be run."));
        return;
    }
    showSearch(m_searchQuery, m_searchInEverywhere, results);
}

bool StoryController::showSearch(const QString &query, bool everywhere,
                                 const std::optional<QList<SearchStore::Result>> &results)
{
    QString error;
    const bool wasSearching = m_stories->isSearching();
    const StoryFilter scope = everywhere ? StoryFilter{} : m_filter;
    bool ok = false;
    {
        const auto guard = m_list.quiet();
        ok = results ? m_stories->setSearchResults(query, scope, *results)
                     : m_stories->setSearch(query, scope, &error);
    }
    if (!ok) {
        emit statusMessage(error);
        return false;
    }
    m_searchEverywhere = everywhere;
    m_savedSearch = 0;
    if (m_stories->isSearching()) {
        emit statusMessage(m_stories->rowCount() == 0
                               ? tr("No story matches \u201c%1\u201d.").arg(query.trimmed())
                               : tr("%n story(ies) match.", nullptr, m_stories->rowCount()));
    }
    m_reader->highlightMatches(m_stories->highlighter());
    if (m_stories->isSearching() || wasSearching) {
        // The reader's story stays only where the new list has it: among the results, or
        // back in the source's list once the search is cleared.
        showIfListed(currentLocation());
        if (m_storyView->currentIndex().isValid())
            m_storyView->scrollTo(m_storyView->currentIndex());
    }
    emit searchShown();
    return true;
}

bool StoryController::openSavedSearch(qint64 id)
{
    const std::optional<SearchStore::SavedSearch> saved = m_cache.searches().savedSearch(id);
    if (!saved)
        return false;
    m_searchTicket = 0;
    m_filter = saved->scope;
    QString error;
    bool ok = false;
    {
        const auto guard = m_list.quiet();
        ok = m_stories->setSearch(saved->query, saved->scope, &error);
    }
    if (!ok) {
        emit statusMessage(error);
        return false;
    }
    m_savedSearch = id;
    m_searchEverywhere = saved->scope.kind == StoryFilter::Kind::All;
    m_reader->highlightMatches(m_stories->highlighter());
    m_storyView->scrollToTop();
    showIfListed(currentLocation());
    emit savedSearchOpened(saved->query, m_searchEverywhere);
    emit statusMessage(tr("%1: %n story(ies).", nullptr, m_stories->rowCount()).arg(saved->name));
    return true;
}

bool StoryController::isSearching() const
{
    return m_stories->isSearching();
}

bool StoryController::openStory(qint64 storyId)
{
    return show({storyId, 0}, true);
}

bool StoryController::openBookmark(qint64 bookmarkId)
{
    // A bookmark whose story is still cached opens the live story.
    const std::optional<BookmarkRecord> bookmark = m_cache.bookmarks().bookmark(bookmarkId);
    if (!bookmark) {
        emit statusMessage(tr("That bookmark no longer exists."));
        return false;
    }
    if (bookmark->articleId)
        return show({*bookmark->articleId, 0}, true);
    return show({0, bookmarkId}, true);
}

void StoryController::goBack()
{
    keepReaderPlace();
    walkHistory(m_history.back());
}

void StoryController::goForward()
{
    keepReaderPlace();
    walkHistory(m_history.forward());
}

void StoryController::walkHistory(const std::optional<StoryHistory::Step> &step)
{
    if (!step)
        return;
    // Back to the view the story was read in, unless that view has gone since.
    const bool viewExists = m_sidebar->indexFor(step->view).isValid();
    if (viewExists && (step->view != m_filter || m_stories->isSearching())) {
        const bool wasSearching = m_stories->isSearching();
        setView(step->view);
        if (wasSearching)
            emit searchEnded();
    }
    show(step->location, false, step->part, step->scroll);
}

void StoryController::keepReaderPlace()
{
    if (currentLocation().isValid())
        m_history.setPlace(currentLocation(), m_page->part(), m_page->scroll());
}

bool StoryController::show(const ReaderLocation &location, bool record, int part, int scroll)
{
    if (record)
        keepReaderPlace();
    if (!m_page->show(location, record && location == currentLocation() ? m_page->part() : part)) {
        emit historyChanged();
        return false;
    }
    selectInList(location, true);
    if (record)
        m_history.visit(location, m_filter);
    if (!m_stories->isSearching())
        m_viewStories.insert(m_filter.key(), location);
    if (scroll > 0)
        m_page->scrollTo(scroll);
    emit locationChanged(location);
    emit historyChanged();
    return true;
}

void StoryController::coverageChanged()
{
    m_list.refreshEvents(currentLocation().storyId);
    // The reader's "Coverage elsewhere" is found again (the page keeps its list meanwhile);
    // other stories' coverage is found when they are shown.
    m_page->coverage()->findAgain(currentLocation().storyId);
}

void StoryController::setCoverageFinder(CoverageFinder *finder)
{
    m_page->coverage()->setFinder(finder);
}

void StoryController::setSearcher(StorySearcher *searcher)
{
    if (m_searcher)
        disconnect(m_searcher, nullptr, this, nullptr);
    m_searcher = searcher;
    m_searchTicket = 0;
    if (searcher)
        connect(searcher, &StorySearcher::found, this, &StoryController::onSearchFound);
}

void StoryController::selectInList(const ReaderLocation &location, bool allowSwitch)
{
    int row = m_list.rowOf(location);
    if (row < 0 && allowSwitch) {
        // A story outside this view (a related link, a banner's story, a step back to a view
        // that no longer lists it): show it among all stories, or a bookmark's snapshot among
        // the bookmarks, so the reader never shows what the list does not.
        const StoryFilter home{location.storyId ? StoryFilter::Kind::All
                                                : StoryFilter::Kind::Bookmarked};
        if (home != m_filter || m_stories->isSearching()) {
            const bool wasSearching = m_stories->isSearching();
            setView(home);
            if (wasSearching)
                emit searchEnded();
            row = m_list.rowOf(location);
        }
    }
    m_list.select(row, true);
}

void StoryController::storyReadChanged(qint64 storyId, bool read)
{
    m_stories->setStoryRead(storyId, read);
    emit storiesMarked();
    // One story: move the counts by one rather than count every feed again.
    if (const std::optional<StorySummary> story = m_cache.articles().summary(storyId))
        m_sidebar->adjustUnread(story->feedId, story->hasAdvisory, read ? -1 : 1);
    else
        refreshSidebar();
}

void StoryController::bookmarksChanged(qint64 storyId, bool bookmarked)
{
    m_stories->setStoryBookmarked(storyId, bookmarked);
    emit storiesMarked();
    if (m_stories->isBookmarkView())
        selectInList(currentLocation(), false); // the view was reloaded; keep the reader's row
    refreshSidebar();
}

void StoryController::refreshSidebar()
{
    m_sidebar->refreshCounts();
    if (!m_sidebarView->currentIndex().isValid())
        selectSidebar(m_filter); // the tree was rebuilt (feeds changed)
}

void StoryController::reloadStories()
{
    m_page->coverage()->forget(); // new stories may be coverage of the ones seen so far
    m_list.reload(currentLocation());
    refreshSidebar();
}

void StoryController::onSidebarCurrentChanged(const QModelIndex &index)
{
    if (m_syncing || !index.isValid())
        return;
    if (const qint64 saved = m_sidebar->savedSearchAt(index)) {
        openSavedSearch(saved);
        return;
    }
    showFilter(m_sidebar->filterFor(index));
}

void StoryController::onListCurrentChanged(const QModelIndex &index)
{
    if (m_list.isQuiet() || !index.isValid())
        return;
    const qint64 storyId = m_stories->storyIdAt(index.row());
    if (storyId)
        show({storyId, 0}, true);
    else if (const qint64 bookmarkId = m_stories->bookmarkIdAt(index.row()))
        show({0, bookmarkId}, true);
}

} // namespace bulletin
