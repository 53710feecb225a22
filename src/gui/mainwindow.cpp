#include "gui/mainwindow.h"

#include "gui/accountactions.h"
#include "gui/advisorybanner.h"
#include "gui/advisorynotifier.h"
#include "gui/appsettings.h"
#include "gui/bookmarkactions.h"
#include "gui/copyactions.h"
#include "gui/enclosurelist.h"
#include "gui/feedactions.h"
#include "gui/feedpropertiesaction.h"
#include "gui/highlightdelegate.h"
#include "gui/historyactions.h"
#include "gui/imagebar.h"
#include "gui/linkopener.h"
#include "gui/opmlactions.h"
#include "gui/preferenceactions.h"
#include "gui/readerview.h"
#include "gui/readingactions.h"
#include "gui/readingplace.h"
#include "gui/readundo.h"
#include "gui/refreshactions.h"
#include "gui/searchactions.h"
#include "gui/storycontroller.h"
#include "gui/storylistsorting.h"
#include "gui/storylistview.h"
#include "gui/themeactions.h"
#include "gui/trayicon.h"
#include "gui/windowdrops.h"
#include "gui/windowmenus.h"
#include "gui/windowplacement.h"
#include "models/storylistmodel.h"
#include "models/storymarkers.h"
#include "services/refreshservice.h"
#include "services/storypage.h"
#include "storage/cache.h"
#include "ui_mainwindow.h"

#include <QCloseEvent>
#include <QHeaderView>
#include <QLocale>
#include <QVBoxLayout>

namespace bulletin {

namespace {

constexpr int kStatusTimeoutMs = 10000;

} // namespace

MainWindow::MainWindow(Cache &cache, QSettings &settings, QWidget *parent)
    : MainWindow(cache, settings, Services{}, parent)
{
}

MainWindow::MainWindow(Cache &cache, QSettings &settings, const Services &services, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_cache(cache)
    , m_settings(std::make_unique<AppSettings>(settings))
    , m_refresh(services.refresh)
{
    m_ui->setupUi(this);
    m_placement = new WindowPlacement(this);
    m_ui->readerView->setPlaceholderText(tr("Choose a story to read it here."));
    m_controller = new StoryController(cache, m_ui->sidebarView, m_ui->storyView, m_ui->readerView,
                                       this);
    m_controller->setCoverageFinder(services.coverage);
    m_controller->setSearcher(services.searcher);
    m_history = new HistoryActions(*m_controller, this);
    m_bookmarks = new BookmarkActions(cache, *m_controller, this, this);
    m_links = new LinkOpener(this, this);
    m_feeds = new FeedActions(cache, *m_controller, services.refresh, services.subscriptions,
                              services.purger, services.sync, this, this);
    m_refreshActions = new RefreshActions(cache, *m_controller, services.refresh, this, this);
    m_opml = new OpmlActions(cache, *m_controller, services.refresh, this, this);
    m_accounts = new AccountActions(cache, *m_controller, services.sync, this, this);
    m_reading = new ReadingActions(*m_controller, m_ui->readerView, this);
    m_copy = new CopyActions(cache, *m_controller, this);
    m_readUndo = new ReadUndo(*m_controller, statusBar(), this);
    m_ui->storyView->setItemDelegateForColumn(
        StoryListModel::HeadlineColumn, new HighlightDelegate(m_controller->storyModel(), this));
    m_banner = new AdvisoryBanner(cache.advisories(), m_ui->centralWidget);
    m_ui->centralLayout->insertWidget(0, m_banner);
    m_ui->centralLayout->setSpacing(4);
    m_ui->centralLayout->setStretch(1, 1); // the panes take the height; the banner what it needs
    m_notifier = new AdvisoryNotifier(*m_banner, *m_settings, this);
    connect(m_banner, &AdvisoryBanner::storyRequested, this, &MainWindow::openStory);
    connect(m_notifier, &AdvisoryNotifier::storyRequested, this, &MainWindow::openStory);
    connect(
        m_controller, &StoryController::locationChanged, m_banner,
        [this](const ReaderLocation &location) { m_banner->setStoryInReader(location.storyId); });
    connect(m_banner, &AdvisoryBanner::dismissed, this,
            [this] { showStatus(tr("Advisory dismissed; it stays in the Advisories view.")); });
    connect(m_banner, &AdvisoryBanner::dismissFailed, this, [this](const QString &why) {
        showStatus(tr("The advisory could not be dismissed: %1.").arg(why));
    });
    statusBar()->addPermanentWidget(m_refreshActions->progressWidget());
    statusBar()->addPermanentWidget(m_accounts->progressWidget());
    for (QWidget *widget :
         {static_cast<QWidget *>(m_ui->sidebarView), static_cast<QWidget *>(m_ui->storyView),
          static_cast<QWidget *>(m_ui->readerView)})
        m_history->watch(widget);

    m_preferences = new PreferenceActions(cache, *m_settings, this);
    m_theme = new ThemeActions(*m_settings, this);
    m_search = new SearchActions(m_cache, *m_controller, m_ui->sidebarView, m_ui->storyView, this);
    setUpImageBar(services);
    m_enclosures = new EnclosureList(cache, *m_controller, *m_links, services.network, this);
    m_enclosures->placeBelow(m_ui->readerView);
    // After the image bar: a feed's properties include whether its images load.
    m_feedProperties = new FeedPropertiesAction(cache, *m_controller, *m_feeds, m_imageBar,
                                                services.refresh, this, this);
    m_menus = new WindowMenus(this, *m_ui,
                              {.controller = m_controller,
                               .links = m_links,
                               .feeds = m_feeds,
                               .refresh = m_refreshActions,
                               .opml = m_opml,
                               .accounts = m_accounts,
                               .bookmarks = m_bookmarks,
                               .history = m_history,
                               .reading = m_reading,
                               .copy = m_copy,
                               .readUndo = m_readUndo,
                               .search = m_search,
                               .theme = m_theme,
                               .feedProperties = m_feedProperties,
                               .preferences = m_preferences});
    setUpStoryList();
    m_tray = new TrayIcon(*m_controller->sidebarModel(), m_refreshActions->refreshAllAction(), this,
                          this);
    m_notifier->setTrayIcon(m_tray);
    m_preferences->setUp({.controller = m_controller,
                          .reading = m_reading,
                          .reader = m_ui->readerView,
                          .refresh = services.refresh,
                          .accounts = m_accounts,
                          .tray = m_tray},
                         m_menus->shortcutActions());

    m_ui->outerSplitter->setStretchFactor(0, 0);
    m_ui->outerSplitter->setStretchFactor(1, 1);
    m_ui->outerSplitter->setSizes({230, 970});
    m_ui->innerSplitter->setSizes({260, 480});

    connect(m_ui->readerView, &ReaderView::externalLinkRequested, this,
            &MainWindow::openExternalLink);
    connect(m_ui->readerView, &ReaderView::noteEditRequested, m_bookmarks->noteAction(),
            &QAction::trigger);
    // Hovering a link shows where it really goes.
    connect(
        m_ui->readerView, qOverload<const QUrl &>(&QTextBrowser::highlighted), this,
        [this](const QUrl &url) {
            if (url.isEmpty() || storyIdFromAnchor(url.toString())) {
                statusBar()->clearMessage();
                return;
            }
            const QString warning = m_controller->linkWarning(url);
            statusBar()->showMessage(
                warning.isEmpty()
                    ? url.toDisplayString()
                    : QStringLiteral("\u26a0 %1 \u2014 %2").arg(url.toDisplayString(), warning));
        });
    connect(m_feeds, &FeedActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_feeds, &FeedActions::storiesChanged, this, &MainWindow::storiesChanged);
    connect(m_refreshActions, &RefreshActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_refreshActions, &RefreshActions::storiesChanged, this, &MainWindow::storiesChanged);
    connect(m_opml, &OpmlActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_accounts, &AccountActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_accounts, &AccountActions::storiesChanged, this, &MainWindow::storiesChanged);
    // Refresh reaches sync accounts too: their servers fetch, then they sync.
    connect(m_refreshActions->refreshAllAction(), &QAction::triggered, m_accounts,
            &AccountActions::refreshAll);
    connect(m_refreshActions->refreshSelectedAction(), &QAction::triggered, m_accounts,
            &AccountActions::refreshSelected);
    if (m_refresh) {
        connect(m_refresh, &RefreshService::coverageIndexed, m_controller, [this](int stories) {
            if (stories > 0)
                m_controller->coverageChanged();
        });
    }
    connect(m_refreshActions, &RefreshActions::advisoriesChanged, this, [this] {
        m_banner->refresh();
        m_notifier->notifyIfNew();
    });
    connect(m_preferences, &PreferenceActions::preferencesSaved, this, [this] {
        storiesChanged(); // advisory rules may have changed which stories are advisories
        showStatus(tr("Preferences saved."));
    });
    connect(m_search, &SearchActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_links, &LinkOpener::statusMessage, this, &MainWindow::showStatus);
    connect(m_controller, &StoryController::statusMessage, this, &MainWindow::showStatus);
    connect(m_bookmarks, &BookmarkActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_copy, &CopyActions::statusMessage, this, &MainWindow::showStatus);
    connect(m_readUndo, &ReadUndo::statusMessage, this, &MainWindow::showStatus);
    connect(m_enclosures, &EnclosureList::statusMessage, this, &MainWindow::showStatus);
    connect(m_feedProperties, &FeedPropertiesAction::statusMessage, this, &MainWindow::showStatus);
    m_place = new ReadingPlace(cache, *m_settings, *m_controller, this);
    connect(new WindowDrops(*m_feeds, *m_opml, this), &WindowDrops::statusMessage, this,
            &MainWindow::showStatus);

    if (!m_cache.feeds().hasFeeds())
        statusBar()->showMessage(
            tr("Your cache is empty. Subscribe with Feeds ▸ Subscribe (Ctrl+N), "
               "import subscriptions with File ▸ Import Subscriptions, or add "
               "stories with “bulletin import FILE”."));
}

MainWindow::~MainWindow()
{
    saveSettings();
}

ReaderView *MainWindow::reader() const
{
    return m_ui->readerView;
}

StoryListView *MainWindow::storyView() const
{
    return m_ui->storyView;
}

QTreeView *MainWindow::sidebarView() const
{
    return m_ui->sidebarView;
}

QLineEdit *MainWindow::searchField() const
{
    return m_search->field();
}

QComboBox *MainWindow::searchScope() const
{
    return m_search->scope();
}

QAction *MainWindow::findAction() const
{
    return m_search->findAction();
}

QAction *MainWindow::saveSearchAction() const
{
    return m_search->saveAction();
}

qint64 MainWindow::saveSearch(const QString &name)
{
    return m_search->saveSearch(name);
}

void MainWindow::setUpStoryList()
{
    StoryListView *view = m_ui->storyView;
    view->setIconSize(StoryMarkers::iconSize());
    QHeaderView *header = view->horizontalHeader();
    header->setAccessibleName(tr("Story list columns"));
    header->setStretchLastSection(false);
    header->setSectionResizeMode(StoryListModel::HeadlineColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(StoryListModel::SourceColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(StoryListModel::DateColumn, QHeaderView::Interactive);
    // Sized from text rather than ResizeToContents, which would measure rows on every page.
    const QString sampleDate = QLocale().toString(QDateTime(QDate(2024, 12, 28), QTime(23, 58)),
                                                  QLocale::ShortFormat);
    const QFontMetrics metrics(view->font());
    header->resizeSection(StoryListModel::SourceColumn,
                          metrics.horizontalAdvance(QStringLiteral("Questiqa Europe News")) + 48);
    header->resizeSection(StoryListModel::DateColumn, metrics.horizontalAdvance(sampleDate) + 28);
    header->setSectionResizeMode(StoryListModel::NoteColumn, QHeaderView::Interactive);
    header->resizeSection(StoryListModel::NoteColumn, metrics.averageCharWidth() * 32);
    // The note column is the Bookmarks view's alone.
    const auto showNotes = [this] {
        m_ui->storyView->setColumnHidden(StoryListModel::NoteColumn,
                                         !m_controller->storyModel()->isBookmarkView());
    };
    connect(m_controller->storyModel(), &QAbstractItemModel::modelReset, this, showNotes);
    showNotes();
    new StoryListSorting(header, m_controller->storyModel(), *m_settings, this);
    // Enter (or a double click, where the platform says so) on a story opens its web page.
    connect(view, &QAbstractItemView::activated, this, [this] {
        if (m_menus->openInBrowserAction()->isEnabled())
            m_menus->openInBrowserAction()->trigger();
    });
}

void MainWindow::setUpImageBar(const Services &services)
{
    // The bar sits above the reader: the reader moves into a small container with it.
    auto *container = new QWidget(this);
    auto *layout = new QVBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_imageBar = new ImageBar(*m_controller, *m_settings, services.images, services.imageLoader,
                              container);
    const int index = m_ui->innerSplitter->indexOf(m_ui->readerView);
    const QList<int> sizes = m_ui->innerSplitter->sizes();
    m_ui->innerSplitter->replaceWidget(index, container);
    layout->addWidget(m_imageBar);
    layout->addWidget(m_ui->readerView);
    m_ui->innerSplitter->setSizes(sizes);
}

QList<QAction *> MainWindow::shortcutActions() const
{
    return m_menus->shortcutActions();
}

void MainWindow::applySettings()
{
    m_preferences->apply();
}

void MainWindow::showPreferences()
{
    m_preferences->showPreferences();
}

void MainWindow::showShortcutHelp()
{
    m_preferences->showShortcutHelp();
}

void MainWindow::showAbout()
{
    m_preferences->showAbout();
}

void MainWindow::openExternalLink(const QUrl &url)
{
    m_links->openChecked(url, m_controller->linkWarning(url));
}

void MainWindow::storiesChanged()
{
    m_controller->reloadStories();
    m_banner->refresh();
    m_notifier->notifyIfNew();
}

void MainWindow::openStory(qint64 id)
{
    m_controller->openStory(id);
}

void MainWindow::restoreState()
{
    m_placement->restore(m_settings->windowGeometry());
    QMainWindow::restoreState(m_settings->windowState());
    m_ui->outerSplitter->restoreState(m_settings->outerSplitter());
    m_ui->innerSplitter->restoreState(m_settings->innerSplitter());
    m_place->restore();
}

void MainWindow::saveSettings()
{
    m_place->remember();
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(QMainWindow::saveState());
    m_settings->setOuterSplitter(m_ui->outerSplitter->saveState());
    m_settings->setInnerSplitter(m_ui->innerSplitter->saveState());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_accounts->sendBeforeClose();
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::showStatus(const QString &message)
{
    statusBar()->showMessage(message, kStatusTimeoutMs);
}

} // namespace bulletin
