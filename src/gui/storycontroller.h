#pragma once

#include "models/storyhistory.h"
#include "storage/records.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QModelIndex;
class QTreeView;

namespace bulletin {

class Cache;
class ReaderView;
class SidebarModel;
class StoryListModel;

// Keeps the three panes in step (Akregator's selection-controller idea): choosing a source
// shows its stories, choosing a story shows it in the reader and marks it read, following a
// related headline opens that story and selects it in the list, and back/forward walk the
// reader's trail. It owns the two models; the views belong to the window.
// GUI thread only.
class StoryController final : public QObject
{
    Q_OBJECT

public:
    StoryController(Cache &cache, QTreeView *sidebarView, QTreeView *storyView, ReaderView *reader,
                    QObject *parent = nullptr);

    SidebarModel *sidebarModel() const { return m_sidebar; }
    StoryListModel *storyModel() const { return m_stories; }

    StoryFilter currentFilter() const { return m_filter; }
    ReaderLocation currentLocation() const { return m_location; }
    QUrl currentLink() const { return m_link; }

    void showFilter(const StoryFilter &filter);
    // Opens the story in the reader as a new step on the trail. Returns false (and says why
    // on the status bar) when the story is not in the cache.
    bool openStory(qint64 storyId);
    bool openBookmark(qint64 bookmarkId);

    bool canGoBack() const { return m_history.canGoBack(); }
    bool canGoForward() const { return m_history.canGoForward(); }
    void goBack();
    void goForward();

    // Draws the current story again (after a palette change, a new note, ...).
    void refreshPage();
    // A story's read or bookmark state changed in the cache: bring the models in step.
    void storyReadChanged(qint64 storyId, bool read);
    void bookmarksChanged(qint64 storyId, bool bookmarked);

signals:
    void locationChanged(const bulletin::ReaderLocation &location);
    void historyChanged();
    void filterChanged(const bulletin::StoryFilter &filter);
    void statusMessage(const QString &message);

private:
    bool show(const ReaderLocation &location, bool record);
    bool render(const ReaderLocation &location);
    void selectInList(const ReaderLocation &location, bool allowSwitch);
    void selectSidebar(const StoryFilter &filter);
    void refreshSidebar();
    void onSidebarCurrentChanged(const QModelIndex &index);
    void onListCurrentChanged(const QModelIndex &index);
    bool isDarkPalette() const;

    Cache &m_cache;
    SidebarModel *m_sidebar = nullptr;
    StoryListModel *m_stories = nullptr;
    QPointer<QTreeView> m_sidebarView;
    QPointer<QTreeView> m_storyView;
    QPointer<ReaderView> m_reader;
    StoryHistory m_history;
    StoryFilter m_filter;
    ReaderLocation m_location;
    QUrl m_link;
    // Set while the controller itself moves a view's current index, so the view's
    // currentChanged is not taken for a user's choice.
    bool m_syncing = false;
};

} // namespace bulletin
