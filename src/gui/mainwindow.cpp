#include "gui/mainwindow.h"

#include "gui/aboutdialog.h"
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
#include "gui/imagepolicy.h"
#include "gui/linkopener.h"
#include "gui/opmlactions.h"
#include "gui/preferencesdialog.h"
#include "gui/readerview.h"
#include "gui/readingactions.h"
#include "gui/readingplace.h"
#include "gui/readmarking.h"
#include "gui/readundo.h"
#include "gui/refreshactions.h"
#include "gui/searchactions.h"
#include "gui/shortcuthelpdialog.h"
#include "gui/storycontroller.h"
#include "gui/storylistsorting.h"
#include "gui/storylistview.h"
#include "gui/themeactions.h"
#include "gui/trayicon.h"
#include "gui/windowdrops.h"
#include "gui/windowplacement.h"
#include "models/sidebarmodel.h"
#include "models/storylistmodel.h"
#include "models/storymarkers.h"
#include "services/refreshservice.h"
#include "services/storypage.h"
#include "storage/cache.h"
#include "ui_mainwindow.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QLineEdit>
#include <QTimer>
#include <QVBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QMenu>

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
    m_controller = new StoryController(cache, m_ui->sidebarView, m_ui->storyView, m_ui->readerView, this);
    m_controller->setCoverageFinder(services.coverage);
    m_history = new HistoryActions(*m_controller, this);
    m_bookmarks = new BookmarkActions(cache, *m_controller, this, this);
    m_links = new LinkOpener(this, this);
    m_feeds = new FeedActions(cache, *m_controller, services.refresh, services.subscriptions,
                              services.purger, this, this);
    m_refreshActions = new RefreshActions(cache, *m_controller, services.refresh, this, this);
    m_opml = new OpmlActions(cache, *m_controller, services.refresh, this, this);
    m_accounts = new AccountActions(cache, *m_controller, services.sync, this, this);
    m_reading = new ReadingActions(*m_controller, m_ui->readerView, this);
    m_copy = new CopyActions(cache, *m_controller, this);
    m_readUndo = new ReadUndo(*m_controller, statusBar(), this);
    m_ui->storyView->setItemDelegateForColumn(StoryListModel::HeadlineColumn,
                                              new HighlightDelegate(m_controller->storyModel(), this));
    m_banner = new AdvisoryBanner(cache.advisories(), m_ui->centralWidget);
    m_ui->centralLayout->insertWidget(0, m_banner);
    m_ui->centralLayout->setSpacing(4);
    m_ui->centralLayout->setStretch(1, 1); // the panes take the height; the banner what it needs
    m_notifier = new AdvisoryNotifier(*m_banner, *m_settings, this);
    connect(m_banner, &AdvisoryBanner::storyRequested, this, &MainWindow::openStory);
    connect(m_notifier, &AdvisoryNotifier::storyRequested, this, &MainWindow::openStory);
    connect(m_controller, &StoryController::locationChanged, m_banner,
            [this](const ReaderLocation &location) { m_banner->setStoryInReader(location.storyId); });
    connect(m_banner, &AdvisoryBanner::dismissed, this,
            [this] { showStatus(tr("Advisory dismissed; it stays in the Advisories view.")); });
    connect(m_banner, &AdvisoryBanner::dismissFailed, this,
            [this](const QString &why) { showStatus(tr("The advisory could not be dismissed: %1.").arg(why)); });
    statusBar()->addPermanentWidget(m_refreshActions->progressWidget());
    statusBar()->addPermanentWidget(m_accounts->progressWidget());
    for (QWidget *widget : {static_cast<QWidget *>(m_ui->sidebarView),
                            static_cast<QWidget *>(m_ui->storyView),
                            static_cast<QWidget *>(m_ui->readerView)})
        m_history->watch(widget);

    setUpMenus();
    setUpSearch();
    setUpImageBar(services);
    m_enclosures = new EnclosureList(cache, *m_controller, *m_links, services.network, this);
    m_enclosures->placeBelow(m_ui->readerView);
    // After the image bar: a feed's properties include whether its images load.
    m_feedProperties = new FeedPropertiesAction(cache, *m_controller, *m_feeds, m_imageBar, services.refresh, this, this);
    m_ui->menuFeeds->addAction(m_feedProperties->action());
    setUpStoryList();
    m_tray = new TrayIcon(*m_controller->sidebarModel(), m_refreshActions->refreshAllAction(), this, this);
    m_notifier->setTrayIcon(m_tray);
    // Remember the shortcuts as built, then apply the user's preferences over them.
    for (QAction *action : shortcutActions())
        m_defaultShortcuts.insert(action->objectName(), action->shortcuts());
    applySettings();

    m_ui->outerSplitter->setStretchFactor(0, 0);
    m_ui->outerSplitter->setStretchFactor(1, 1);
    m_ui->outerSplitter->setSizes({230, 970});
    m_ui->innerSplitter->setSizes({260, 480});

    connect(m_ui->readerView, &ReaderView::externalLinkRequested, this, &MainWindow::openExternalLink);
    connect(m_ui->readerView, &ReaderView::noteEditRequested, m_bookmarks->noteAction(), &QAction::trigger);
    // Hovering a link shows where it really goes.
    connect(m_ui->readerView, qOverload<const QUrl &>(&QTextBrowser::highlighted), this, [this](const QUrl &url) {
        if (url.isEmpty() || storyIdFromAnchor(url.toString())) {
            statusBar()->clearMessage();
            return;
        }
        const QString warning = m_controller->linkWarning(url);
        statusBar()->showMessage(warning.isEmpty() ? url.toDisplayString()
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
    connect(m_refreshActions->refreshAllAction(), &QAction::triggered, m_accounts, &AccountActions::refreshAll);
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
    connect(m_ui->sidebarView, &QWidget::customContextMenuRequested, this, &MainWindow::showSidebarContextMenu);
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
        statusBar()->showMessage(tr("Your cache is empty. Subscribe with Feeds ▸ Subscribe (Ctrl+N), "
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

void MainWindow::setUpMenus()
{
    m_openInBrowser = new QAction(tr("&Open in Browser"), this);
    m_openInBrowser->setShortcut(QKeySequence(tr("Ctrl+Return")));
    m_openInBrowser->setToolTip(tr("Open the story's web page in your browser"));
    m_openInBrowser->setIcon(QIcon::fromTheme(QStringLiteral("internet-web-browser")));
    m_openInBrowser->setEnabled(false);
    connect(m_openInBrowser, &QAction::triggered, this,
            [this] { m_links->open(m_controller->currentLink()); });
    connect(m_controller, &StoryController::locationChanged, this,
            [this] { m_openInBrowser->setEnabled(m_controller->currentLink().isValid()
                                                 && !m_controller->currentLink().isEmpty()); });

    m_openInBrowser->setObjectName(QStringLiteral("openInBrowser"));
    m_openInBrowser->setShortcuts({QKeySequence(tr("Ctrl+Return")), QKeySequence(Qt::Key_O)});
    m_bookmarks->toggleAction()->setObjectName(QStringLiteral("toggleBookmark"));
    m_bookmarks->toggleAction()->setShortcuts({QKeySequence(tr("Ctrl+D")), QKeySequence(Qt::Key_S)});
    m_history->backAction()->setObjectName(QStringLiteral("goBack"));
    m_history->forwardAction()->setObjectName(QStringLiteral("goForward"));
    m_feeds->subscribeAction()->setObjectName(QStringLiteral("subscribe"));
    m_refreshActions->refreshAllAction()->setObjectName(QStringLiteral("refreshAll"));
    m_refreshActions->refreshSelectedAction()->setObjectName(QStringLiteral("refreshSelected"));

    m_preferences = new QAction(tr("&Preferences\u2026"), this);
    m_preferences->setObjectName(QStringLiteral("preferences"));
    // QKeySequence::Preferences is a key on macOS alone; Ctrl+, is GNOME's and macOS's key for
    // it, Ctrl+Shift+P one free here on any keyboard layout.
    m_preferences->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Comma), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});
    m_preferences->setIcon(QIcon::fromTheme(QStringLiteral("preferences-system")));
    connect(m_preferences, &QAction::triggered, this, &MainWindow::showPreferences);
    m_shortcutHelp = new QAction(tr("&Keyboard Shortcuts"), this);
    m_shortcutHelp->setObjectName(QStringLiteral("shortcutHelp"));
    m_shortcutHelp->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(tr("Ctrl+?"))});
    connect(m_shortcutHelp, &QAction::triggered, this, &MainWindow::showShortcutHelp);
    m_about = new QAction(tr("&About Bulletin"), this);
    m_about->setObjectName(QStringLiteral("about"));
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);

    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcuts(QKeySequence::Quit);
    quit->setIcon(QIcon::fromTheme(QStringLiteral("application-exit")));
    connect(quit, &QAction::triggered, this, &QWidget::close);

    m_ui->menuFile->addAction(m_accounts->addAction());
    m_ui->menuFile->addAction(m_accounts->removeAction());
    m_ui->menuFile->addSeparator();
    m_ui->menuFile->addAction(m_opml->importAction());
    m_ui->menuFile->addAction(m_opml->exportAction());
    m_ui->menuFile->addSeparator();
    m_ui->menuFile->addAction(m_bookmarks->exportHtmlAction());
    m_ui->menuFile->addAction(m_bookmarks->exportJsonAction());
    m_ui->menuFile->addSeparator();
    m_ui->menuFile->addAction(m_preferences);
    m_ui->menuFile->addSeparator();
    m_ui->menuFile->addAction(quit);
    m_ui->menuFeeds->addAction(m_feeds->subscribeAction());
    m_ui->menuFeeds->addSeparator();
    m_ui->menuFeeds->addAction(m_refreshActions->refreshAllAction());
    m_ui->menuFeeds->addAction(m_refreshActions->refreshSelectedAction());
    m_ui->menuFeeds->addAction(m_refreshActions->stopAction());
    m_ui->menuFeeds->addSeparator();
    m_ui->menuFeeds->addAction(m_feeds->renameAction());
    m_ui->menuFeeds->addAction(m_feeds->moveAction());
    m_ui->menuFeeds->addAction(m_feeds->removeAction());
    m_ui->menuFeeds->addSeparator();
    m_ui->menuFeeds->addAction(m_feeds->alertSourceAction());
    m_ui->menuGo->addAction(m_reading->nextAction());
    m_ui->menuGo->addAction(m_reading->previousAction());
    m_ui->menuGo->addAction(m_reading->nextUnreadAction());
    m_ui->menuGo->addAction(m_reading->previousUnreadAction());
    m_ui->menuGo->addAction(m_reading->pageAction());
    m_ui->menuGo->addAction(m_reading->groupByEventAction());
    m_ui->menuGo->addSeparator();
    m_ui->menuGo->addAction(m_history->backAction());
    m_ui->menuGo->addAction(m_history->forwardAction());
    m_ui->menuStory->addAction(m_reading->toggleReadAction());
    m_ui->menuStory->addAction(m_reading->markAllReadAction());
    m_ui->menuStory->addAction(m_readUndo->action());
    m_ui->menuStory->addSeparator();
    m_ui->menuStory->addAction(m_bookmarks->toggleAction());
    m_ui->menuStory->addAction(m_bookmarks->noteAction());
    m_ui->menuStory->addSeparator();
    m_ui->menuStory->addAction(m_openInBrowser);
    m_ui->menuStory->addAction(m_copy->copyLinkAction());
    m_ui->menuStory->addAction(m_copy->copyHeadlineAction());
    m_ui->menuStory->addSeparator();
    m_ui->menuStory->addAction(m_reading->zoomInAction());
    m_ui->menuStory->addAction(m_reading->zoomOutAction());
    m_ui->menuStory->addAction(m_reading->zoomResetAction());
    m_theme = new ThemeActions(*m_settings, this);
    auto *view = new QMenu(tr("&View"), this);
    view->addMenu(m_theme->menu());
    menuBar()->insertMenu(m_ui->menuGo->menuAction(), view);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutHelp);
    help->addSeparator();
    help->addAction(m_about);

    // Without a desktop icon theme, give the bookmark button the list's own star.
    if (m_bookmarks->toggleAction()->icon().isNull())
        m_bookmarks->toggleAction()->setIcon(StoryMarkers::bookmarkIcon());
    m_ui->mainToolBar->addAction(m_feeds->subscribeAction());
    m_ui->mainToolBar->addAction(m_refreshActions->refreshAllAction());
    m_ui->mainToolBar->addSeparator();
    m_ui->mainToolBar->addAction(m_history->backAction());
    m_ui->mainToolBar->addAction(m_history->forwardAction());
    m_ui->mainToolBar->addSeparator();
    m_ui->mainToolBar->addAction(m_bookmarks->toggleAction());
    m_ui->mainToolBar->addAction(m_openInBrowser);
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
        m_ui->storyView->setColumnHidden(StoryListModel::NoteColumn, !m_controller->storyModel()->isBookmarkView());
    };
    connect(m_controller->storyModel(), &QAbstractItemModel::modelReset, this, showNotes);
    showNotes();
    new StoryListSorting(header, m_controller->storyModel(), *m_settings, this);
    connect(view, &QWidget::customContextMenuRequested, this, &MainWindow::showStoryContextMenu);
    // Enter (or a double click, where the platform says so) on a story opens its web page.
    connect(view, &QAbstractItemView::activated, this, [this] {
        if (m_openInBrowser->isEnabled())
            m_openInBrowser->trigger();
    });
}

void MainWindow::showStoryContextMenu(const QPoint &position)
{
    const QModelIndex index = m_ui->storyView->indexAt(position);
    if (!index.isValid())
        return;
    m_ui->storyView->setCurrentIndex(index); // the menu acts on the story it was opened on
    QMenu menu(this);
    menu.setAccessibleName(tr("Story actions"));
    menu.addAction(m_openInBrowser);
    menu.addAction(m_copy->copyLinkAction());
    menu.addAction(m_copy->copyHeadlineAction());
    menu.addSeparator();
    menu.addAction(m_reading->toggleReadAction());
    menu.addAction(m_bookmarks->toggleAction());
    menu.addAction(m_bookmarks->noteAction());
    menu.exec(m_ui->storyView->viewport()->mapToGlobal(position));
}

void MainWindow::setUpSearch()
{
    m_search = new SearchActions(m_cache, *m_controller, m_ui->sidebarView, m_ui->storyView, this);
    connect(m_search, &SearchActions::statusMessage, this, &MainWindow::showStatus);
    addAction(m_search->findAction());
    m_ui->menuGo->insertAction(m_ui->menuGo->actions().value(0), m_search->saveAction());
    m_ui->menuGo->insertAction(m_ui->menuGo->actions().value(0), m_search->findAction());
    m_ui->mainToolBar->addSeparator();
    auto *spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_ui->mainToolBar->addWidget(spacer);
    m_ui->mainToolBar->addWidget(m_search->field());
    m_ui->mainToolBar->addWidget(m_search->scope());
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
    QList<QAction *> list{m_search->findAction(),
                          m_reading->nextAction(),
                          m_reading->previousAction(),
                          m_reading->nextUnreadAction(),
                          m_reading->previousUnreadAction(),
                          m_reading->pageAction(),
                          m_reading->toggleReadAction(),
                          m_reading->markAllReadAction(),
                          m_readUndo->action(),
                          m_bookmarks->toggleAction(),
                          m_openInBrowser,
                          m_copy->copyLinkAction(),
                          m_copy->copyHeadlineAction(),
                          m_history->backAction(),
                          m_history->forwardAction(),
                          m_reading->zoomInAction(),
                          m_reading->zoomOutAction(),
                          m_reading->zoomResetAction(),
                          m_feeds->subscribeAction(),
                          m_refreshActions->refreshAllAction(),
                          m_refreshActions->refreshSelectedAction(),
                          m_feedProperties->action(),
                          m_preferences,
                          m_shortcutHelp};
    return list;
}

void MainWindow::applySettings()
{
    for (QAction *action : shortcutActions()) {
        const QString name = action->objectName();
        action->setShortcuts(m_settings->shortcuts(name, m_defaultShortcuts.value(name)));
    }
    m_controller->readMarking()->setMarkReadDelay(m_settings->markReadDelayMs());
    m_controller->imagePolicy()->setImagesAlways(m_settings->imagesAlways());
    if (const std::optional<QFont> font = m_settings->readerFont()) {
        const int zoom = m_reading->zoomSteps();
        m_reading->setZoomSteps(0);
        m_ui->readerView->setFont(*font);
        m_reading->setZoomSteps(zoom);
    }
    if (m_refresh) {
        RefreshSchedule schedule = m_refresh->schedule();
        schedule.defaultMinutes = std::max(schedule.minimumMinutes, m_settings->refreshIntervalMinutes());
        schedule.alertMinutes = std::max(schedule.minimumMinutes, m_settings->alertIntervalMinutes());
        m_refresh->setSchedule(schedule);
        RetentionPolicy retention = m_refresh->retention();
        retention.global.maxCount = m_settings->keepCount();
        retention.global.maxAgeDays = m_settings->keepDays();
        retention.global.keepUnread = m_settings->keepUnread();
        retention.global.keepBookmarked = true;
        m_refresh->setRetention(retention);
        m_refresh->setAutoRefresh(m_settings->autoRefresh());
    }
    m_accounts->setIntervalMinutes(m_settings->syncIntervalMinutes());
    m_tray->setEnabled(m_settings->trayIcon());
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(*m_settings, shortcutActions(), m_defaultShortcuts, &m_cache, this);
    if (dialog.exec() == QDialog::Accepted) {
        applySettings();
        storiesChanged(); // advisory rules may have changed which stories are advisories
        showStatus(tr("Preferences saved."));
    }
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(AboutInfo::of(m_cache), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showShortcutHelp()
{
    ShortcutHelpDialog dialog(shortcutActions(), this);
    connect(&dialog, &ShortcutHelpDialog::changeRequested, this,
            [this] { QTimer::singleShot(0, this, &MainWindow::showPreferences); });
    dialog.exec();
}

void MainWindow::showSidebarContextMenu(const QPoint &position)
{
    const QModelIndex index = m_ui->sidebarView->indexAt(position);
    if (index.isValid())
        m_ui->sidebarView->setCurrentIndex(index); // the menu acts on the source it was opened on
    QMenu menu(this);
    menu.setAccessibleName(tr("Source actions"));
    if (m_controller->sidebarModel()->savedSearchAt(index)) {
        menu.addAction(m_search->deleteAction());
        menu.exec(m_ui->sidebarView->viewport()->mapToGlobal(position));
        return;
    }
    if (m_controller->sidebarModel()->accountAt(index)) {
        menu.addAction(m_refreshActions->refreshSelectedAction());
        menu.addSeparator();
        menu.addAction(m_accounts->removeAction());
        menu.exec(m_ui->sidebarView->viewport()->mapToGlobal(position));
        return;
    }
    menu.addAction(m_reading->markAllReadAction());
    menu.addAction(m_refreshActions->refreshSelectedAction());
    menu.addSeparator();
    menu.addAction(m_feeds->renameAction());
    menu.addAction(m_feeds->moveAction());
    menu.addAction(m_feeds->removeAction());
    menu.addAction(m_feeds->alertSourceAction());
    menu.addAction(m_feedProperties->action());
    menu.addSeparator();
    menu.addAction(m_feeds->subscribeAction());
    menu.exec(m_ui->sidebarView->viewport()->mapToGlobal(position));
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
