#pragma once

#include <QMainWindow>

#include <memory>

class QSettings;
class QTreeView;

namespace Ui {
class MainWindow;
}

namespace bulletin {

class AdvisoryBanner;
class BookmarkActions;
class Cache;
class FeedActions;
class RefreshService;
class SubscriptionService;
class HistoryActions;
class LinkOpener;
class ReaderView;
class StoryController;

// The main window: sources sidebar, story list and reader pane in splitters, with the menus
// and toolbar. It only lays things out and wires them: the panes are kept in step by
// StoryController, user actions live in HistoryActions and BookmarkActions, links leave
// through LinkOpener (asking first for a link flagged as deceptive), subscriptions are
// managed by FeedActions, and the most severe active advisory sits in an AdvisoryBanner
// above the panes. The cache and settings are the caller's and must outlive the window.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // The services that reach the network; a window without them reads and manages the
    // cache but cannot refresh or subscribe.
    struct Services
    {
        RefreshService *refresh = nullptr;
        SubscriptionService *subscriptions = nullptr;
    };

    MainWindow(Cache &cache, QSettings &settings, QWidget *parent = nullptr);
    MainWindow(Cache &cache, QSettings &settings, const Services &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the story in the reader and selects it in the list.
    void openStory(qint64 id);
    // Restores geometry, splitter sizes, the chosen view and the last story from the settings.
    void restoreState();
    // Writes geometry and splitter sizes (also done on close and on destruction).
    void saveSettings();

    StoryController *controller() const { return m_controller; }
    HistoryActions *historyActions() const { return m_history; }
    BookmarkActions *bookmarkActions() const { return m_bookmarks; }
    FeedActions *feedActions() const { return m_feeds; }
    AdvisoryBanner *advisoryBanner() const { return m_banner; }
    LinkOpener *linkOpener() const { return m_links; }
    ReaderView *reader() const;
    QTreeView *storyView() const;
    QTreeView *sidebarView() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpMenus();
    void setUpStoryList();
    void showStoryContextMenu(const QPoint &position);
    void showSidebarContextMenu(const QPoint &position);
    void openExternalLink(const QUrl &url);
    void storiesChanged();
    void rememberLocation();
    void showStatus(const QString &message);

    std::unique_ptr<Ui::MainWindow> m_ui;
    Cache &m_cache;
    QSettings &m_settings;
    StoryController *m_controller = nullptr;
    HistoryActions *m_history = nullptr;
    BookmarkActions *m_bookmarks = nullptr;
    LinkOpener *m_links = nullptr;
    FeedActions *m_feeds = nullptr;
    AdvisoryBanner *m_banner = nullptr;
    QAction *m_openInBrowser = nullptr;
};

} // namespace bulletin
