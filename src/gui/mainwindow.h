#pragma once

#include "storage/records.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QComboBox;
class QNetworkAccessManager;
class QPushButton;
class QLineEdit;
class QSettings;
class QTreeView;

namespace Ui {
class MainWindow;
}

namespace bulletin {

class AccountActions;
class AdvisoryBanner;
class AdvisoryNotifier;
class AppSettings;
class StoryListView;
class BookmarkActions;
class Cache;
class CoverageFinder;
class StorySearcher;
class FeedPurger;
class ImageCache;
class ImageLoader;
class FeedActions;
class OpmlActions;
class PreferenceActions;
class RefreshActions;
class RefreshService;
class SubscriptionService;
class SyncService;
class HistoryActions;
class LinkOpener;
class ReaderView;
class CopyActions;
class ReadUndo;
class EnclosureList;
class FeedPropertiesAction;
class ImageBar;
class ReadingActions;
class ReadingPlace;
class SearchActions;
class StoryController;
class ThemeActions;
class TrayIcon;
class WindowMenus;
class WindowPlacement;

// The main window: sources sidebar, story list and reader pane in splitters, with the menus
// and toolbar. It only lays things out and wires them: the panes are kept in step by
// StoryController, user actions live in HistoryActions and BookmarkActions, the search field
// and saved searches in SearchActions, links leave through LinkOpener (asking first for a
// link flagged as deceptive), subscriptions are managed by FeedActions, refreshed by
// RefreshActions and imported or exported by OpmlActions, sync accounts by AccountActions,
// the most severe active advisory sits in an AdvisoryBanner above the panes
// (AdvisoryNotifier tells the desktop of a new one), WindowMenus builds the menus, toolbar
// and context menus, PreferenceActions applies the user's preferences (read through
// AppSettings), and WindowPlacement keeps the window on a screen. The cache and settings are
// the caller's and must outlive the window.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // The services and threads the window uses, built by the composition root (main.cpp)
    // and outliving the window. A window without one does without what needs it: without
    // the network services it reads and manages the cache but cannot refresh or subscribe,
    // without the finder the reader lists no related coverage, without the searcher searches
    // run on the GUI thread, without the purger an
    // unsubscribed feed's stories wait in the cache, and without the image cache and loader
    // remote images stay out.
    struct Services
    {
        RefreshService *refresh = nullptr;
        SubscriptionService *subscriptions = nullptr;
        QNetworkAccessManager *network = nullptr; // for enclosures the user saves
        SyncService *sync = nullptr; // sync accounts' syncs, on its own thread
        CoverageFinder *coverage = nullptr; // related coverage, on its own thread
        StorySearcher *searcher = nullptr; // the searches typed, on its own thread
        FeedPurger *purger = nullptr; // unsubscribed feeds' stories, on its own thread
        ImageCache *images = nullptr; // remote images the user allows, on disk
        ImageLoader *imageLoader = nullptr; // fetches them into images
    };

    MainWindow(Cache &cache, QSettings &settings, QWidget *parent = nullptr);
    MainWindow(Cache &cache, QSettings &settings, const Services &services,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens the story in the reader and selects it in the list.
    void openStory(qint64 id);
    // Restores geometry (brought whole onto a screen: see WindowPlacement), splitter sizes, the
    // chosen view and the last story from the settings.
    void restoreState();
    // Writes geometry, splitter sizes, the view and the story (also done on close and on
    // destruction).
    void saveSettings();

    StoryController *controller() const { return m_controller; }
    HistoryActions *historyActions() const { return m_history; }
    BookmarkActions *bookmarkActions() const { return m_bookmarks; }
    FeedActions *feedActions() const { return m_feeds; }
    RefreshActions *refreshActions() const { return m_refreshActions; }
    OpmlActions *opmlActions() const { return m_opml; }
    AccountActions *accountActions() const { return m_accounts; }
    AdvisoryBanner *advisoryBanner() const { return m_banner; }
    LinkOpener *linkOpener() const { return m_links; }
    ReadingActions *readingActions() const { return m_reading; }
    FeedPropertiesAction *feedPropertiesAction() const { return m_feedProperties; }
    SearchActions *searchActions() const { return m_search; }
    ThemeActions *themeActions() const { return m_theme; }
    TrayIcon *trayIcon() const { return m_tray; }
    QLineEdit *searchField() const;
    QComboBox *searchScope() const;
    QAction *findAction() const;
    QAction *saveSearchAction() const;
    // Keeps the current search as a sidebar entry; returns its id (0 when nothing to save).
    qint64 saveSearch(const QString &name);
    ImageBar *imageBar() const { return m_imageBar; }
    // Every action with a configurable shortcut, by objectName, in the order Help lists them.
    QList<QAction *> shortcutActions() const;
    // Reads the preferences (shortcuts, mark-read delay, reader font, refresh) and applies them.
    void applySettings();
    void showPreferences();
    void showShortcutHelp();
    void showAbout();
    ReaderView *reader() const;
    StoryListView *storyView() const;
    QTreeView *sidebarView() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUpStoryList();
    void openExternalLink(const QUrl &url);
    void storiesChanged();
    void setUpImageBar(const Services &services);
    void showStatus(const QString &message);

    std::unique_ptr<Ui::MainWindow> m_ui;
    Cache &m_cache;
    std::unique_ptr<AppSettings> m_settings; // over the caller's QSettings
    WindowPlacement *m_placement = nullptr;
    StoryController *m_controller = nullptr;
    HistoryActions *m_history = nullptr;
    BookmarkActions *m_bookmarks = nullptr;
    LinkOpener *m_links = nullptr;
    FeedActions *m_feeds = nullptr;
    RefreshActions *m_refreshActions = nullptr;
    OpmlActions *m_opml = nullptr;
    AccountActions *m_accounts = nullptr;
    FeedPropertiesAction *m_feedProperties = nullptr;
    CopyActions *m_copy = nullptr;
    ReadUndo *m_readUndo = nullptr;
    EnclosureList *m_enclosures = nullptr;
    AdvisoryBanner *m_banner = nullptr;
    AdvisoryNotifier *m_notifier = nullptr;
    ReadingActions *m_reading = nullptr;
    RefreshService *m_refresh = nullptr;
    SearchActions *m_search = nullptr;
    ReadingPlace *m_place = nullptr;
    PreferenceActions *m_preferences = nullptr;
    WindowMenus *m_menus = nullptr;
    ImageBar *m_imageBar = nullptr;
    ThemeActions *m_theme = nullptr;
    TrayIcon *m_tray = nullptr;
};

} // namespace bulletin
