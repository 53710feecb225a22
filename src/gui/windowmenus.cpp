#include "gui/windowmenus.h"

#include "gui/accountactions.h"
#include "gui/bookmarkactions.h"
#include "gui/copyactions.h"
#include "gui/feedactions.h"
#include "gui/feedpropertiesaction.h"
#include "gui/historyactions.h"
#include "gui/linkopener.h"
#include "gui/opmlactions.h"
#include "gui/preferenceactions.h"
#include "gui/readingactions.h"
#include "gui/readundo.h"
#include "gui/refreshactions.h"
#include "gui/searchactions.h"
#include "gui/storycontroller.h"
#include "gui/storylistview.h"
#include "gui/themeactions.h"
#include "models/sidebarmodel.h"
#include "models/storymarkers.h"
#include "ui_mainwindow.h"

#include <QComboBox>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

namespace bulletin {

WindowMenus::WindowMenus(QMainWindow *window, Ui::MainWindow &ui, const Parts &parts)
    : QObject(window)
    , m_window(window)
    , m_ui(ui)
    , m_parts(parts)
{
    m_openInBrowser = new QAction(tr("&Open in Browser"), this);
    m_openInBrowser->setShortcut(QKeySequence(tr("Ctrl+Return")));
    m_openInBrowser->setToolTip(tr("Open the story's web page in your browser"));
    m_openInBrowser->setIcon(QIcon::fromTheme(QStringLiteral("internet-web-browser")));
    m_openInBrowser->setEnabled(false);
    StoryController *controller = parts.controller;
    connect(m_openInBrowser, &QAction::triggered, this,
            [this, controller] { m_parts.links->open(controller->currentLink()); });
    connect(controller, &StoryController::locationChanged, this, [this, controller] {
        m_openInBrowser->setEnabled(controller->currentLink().isValid()
                                    && !controller->currentLink().isEmpty());
    });
    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setShortcuts(QKeySequence::Quit);
    m_quit->setIcon(QIcon::fromTheme(QStringLiteral("application-exit")));
    connect(m_quit, &QAction::triggered, window, &QWidget::close);

    nameActions();
    fillMenus();
    fillToolBar();
    connect(m_ui.storyView, &QWidget::customContextMenuRequested, this,
            &WindowMenus::showStoryMenu);
    connect(m_ui.sidebarView, &QWidget::customContextMenuRequested, this,
            &WindowMenus::showSidebarMenu);
}

void WindowMenus::nameActions()
{
    m_openInBrowser->setObjectName(QStringLiteral("openInBrowser"));
    m_openInBrowser->setShortcuts({QKeySequence(tr("Ctrl+Return")), QKeySequence(Qt::Key_O)});
    m_parts.bookmarks->toggleAction()->setObjectName(QStringLiteral("toggleBookmark"));
    m_parts.bookmarks->toggleAction()->setShortcuts(
        {QKeySequence(tr("Ctrl+D")), QKeySequence(Qt::Key_S)});
    m_parts.history->backAction()->setObjectName(QStringLiteral("goBack"));
    m_parts.history->forwardAction()->setObjectName(QStringLiteral("goForward"));
    m_parts.feeds->subscribeAction()->setObjectName(QStringLiteral("subscribe"));
    m_parts.refresh->refreshAllAction()->setObjectName(QStringLiteral("refreshAll"));
    m_parts.refresh->refreshSelectedAction()->setObjectName(QStringLiteral("refreshSelected"));
}

void WindowMenus::fillMenus()
{
    const Parts &p = m_parts;
    m_ui.menuFile->addAction(p.accounts->addAction());
    m_ui.menuFile->addAction(p.accounts->removeAction());
    m_ui.menuFile->addSeparator();
    m_ui.menuFile->addAction(p.opml->importAction());
    m_ui.menuFile->addAction(p.opml->exportAction());
    m_ui.menuFile->addSeparator();
    m_ui.menuFile->addAction(p.bookmarks->exportHtmlAction());
    m_ui.menuFile->addAction(p.bookmarks->exportJsonAction());
    m_ui.menuFile->addSeparator();
    m_ui.menuFile->addAction(p.preferences->preferencesAction());
    m_ui.menuFile->addSeparator();
    m_ui.menuFile->addAction(m_quit);
    m_ui.menuFeeds->addAction(p.feeds->subscribeAction());
    m_ui.menuFeeds->addSeparator();
    m_ui.menuFeeds->addAction(p.refresh->refreshAllAction());
    m_ui.menuFeeds->addAction(p.refresh->refreshSelectedAction());
    m_ui.menuFeeds->addAction(p.refresh->stopAction());
    m_ui.menuFeeds->addSeparator();
    m_ui.menuFeeds->addAction(p.feeds->renameAction());
    m_ui.menuFeeds->addAction(p.feeds->moveAction());
    m_ui.menuFeeds->addAction(p.feeds->removeAction());
    m_ui.menuFeeds->addSeparator();
    m_ui.menuFeeds->addAction(p.feeds->alertSourceAction());
    m_ui.menuFeeds->addAction(p.feedProperties->action());
    m_ui.menuGo->addAction(p.search->findAction());
    m_ui.menuGo->addAction(p.search->saveAction());
    m_ui.menuGo->addAction(p.reading->nextAction());
    m_ui.menuGo->addAction(p.reading->previousAction());
    m_ui.menuGo->addAction(p.reading->nextUnreadAction());
    m_ui.menuGo->addAction(p.reading->previousUnreadAction());
    m_ui.menuGo->addAction(p.reading->pageAction());
    m_ui.menuGo->addAction(p.reading->groupByEventAction());
    m_ui.menuGo->addSeparator();
    m_ui.menuGo->addAction(p.history->backAction());
    m_ui.menuGo->addAction(p.history->forwardAction());
    m_ui.menuStory->addAction(p.reading->toggleReadAction());
    m_ui.menuStory->addAction(p.reading->markAllReadAction());
    m_ui.menuStory->addAction(p.readUndo->action());
    m_ui.menuStory->addSeparator();
    m_ui.menuStory->addAction(p.bookmarks->toggleAction());
    m_ui.menuStory->addAction(p.bookmarks->noteAction());
    m_ui.menuStory->addSeparator();
    m_ui.menuStory->addAction(m_openInBrowser);
    m_ui.menuStory->addAction(p.copy->copyLinkAction());
    m_ui.menuStory->addAction(p.copy->copyHeadlineAction());
    m_ui.menuStory->addSeparator();
    m_ui.menuStory->addAction(p.reading->zoomInAction());
    m_ui.menuStory->addAction(p.reading->zoomOutAction());
    m_ui.menuStory->addAction(p.reading->zoomResetAction());
    auto *view = new QMenu(tr("&View"), m_window);
    view->addMenu(p.theme->menu());
    m_window->menuBar()->insertMenu(m_ui.menuGo->menuAction(), view);
    QMenu *help = m_window->menuBar()->addMenu(tr("&Help"));
    help->addAction(p.preferences->shortcutHelpAction());
    help->addSeparator();
    help->addAction(p.preferences->aboutAction());
    m_window->addAction(p.search->findAction());
}

void WindowMenus::fillToolBar()
{
    const Parts &p = m_parts;
    // Without a desktop icon theme, give the bookmark button the list's own star.
    if (p.bookmarks->toggleAction()->icon().isNull())
        p.bookmarks->toggleAction()->setIcon(StoryMarkers::bookmarkIcon());
    m_ui.mainToolBar->addAction(p.feeds->subscribeAction());
    m_ui.mainToolBar->addAction(p.refresh->refreshAllAction());
    m_ui.mainToolBar->addSeparator();
    m_ui.mainToolBar->addAction(p.history->backAction());
    m_ui.mainToolBar->addAction(p.history->forwardAction());
    m_ui.mainToolBar->addSeparator();
    m_ui.mainToolBar->addAction(p.bookmarks->toggleAction());
    m_ui.mainToolBar->addAction(m_openInBrowser);
    m_ui.mainToolBar->addSeparator();
    auto *spacer = new QWidget(m_window);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_ui.mainToolBar->addWidget(spacer);
    m_ui.mainToolBar->addWidget(p.search->field());
    m_ui.mainToolBar->addWidget(p.search->scope());
}

QList<QAction *> WindowMenus::shortcutActions() const
{
    const Parts &p = m_parts;
    return {p.search->findAction(),
            p.reading->nextAction(),
            p.reading->previousAction(),
            p.reading->nextUnreadAction(),
            p.reading->previousUnreadAction(),
            p.reading->pageAction(),
            p.reading->toggleReadAction(),
            p.reading->markAllReadAction(),
            p.readUndo->action(),
            p.bookmarks->toggleAction(),
            m_openInBrowser,
            p.copy->copyLinkAction(),
            p.copy->copyHeadlineAction(),
            p.history->backAction(),
            p.history->forwardAction(),
            p.reading->zoomInAction(),
            p.reading->zoomOutAction(),
            p.reading->zoomResetAction(),
            p.feeds->subscribeAction(),
            p.refresh->refreshAllAction(),
            p.refresh->refreshSelectedAction(),
            p.feedProperties->action(),
            p.preferences->preferencesAction(),
            p.preferences->shortcutHelpAction()};
}

void WindowMenus::showStoryMenu(const QPoint &position)
{
    const QModelIndex index = m_ui.storyView->indexAt(position);
    if (!index.isValid())
        return;
    m_ui.storyView->setCurrentIndex(index); // the menu acts on the story it was opened on
    QMenu menu(m_window);
    menu.setAccessibleName(tr("Story actions"));
    menu.addAction(m_openInBrowser);
    menu.addAction(m_parts.copy->copyLinkAction());
    menu.addAction(m_parts.copy->copyHeadlineAction());
    menu.addSeparator();
    menu.addAction(m_parts.reading->toggleReadAction());
    menu.addAction(m_parts.bookmarks->toggleAction());
    menu.addAction(m_parts.bookmarks->noteAction());
    menu.exec(m_ui.storyView->viewport()->mapToGlobal(position));
}

void WindowMenus::showSidebarMenu(const QPoint &position)
{
    const QModelIndex index = m_ui.sidebarView->indexAt(position);
    if (index.isValid())
        m_ui.sidebarView->setCurrentIndex(index); // the menu acts on the source it was opened on
    QMenu menu(m_window);
    menu.setAccessibleName(tr("Source actions"));
    const SidebarModel *sidebar = m_parts.controller->sidebarModel();
    if (sidebar->savedSearchAt(index)) {
        menu.addAction(m_parts.search->deleteAction());
    } else if (sidebar->accountAt(index)) {
        menu.addAction(m_parts.refresh->refreshSelectedAction());
        menu.addSeparator();
        menu.addAction(m_parts.accounts->removeAction());
    } else {
        menu.addAction(m_parts.reading->markAllReadAction());
        menu.addAction(m_parts.refresh->refreshSelectedAction());
        menu.addSeparator();
        menu.addAction(m_parts.feeds->renameAction());
        menu.addAction(m_parts.feeds->moveAction());
        menu.addAction(m_parts.feeds->removeAction());
        menu.addAction(m_parts.feeds->alertSourceAction());
        menu.addAction(m_parts.feedProperties->action());
        menu.addSeparator();
        menu.addAction(m_parts.feeds->subscribeAction());
    }
    menu.exec(m_ui.sidebarView->viewport()->mapToGlobal(position));
}

} // namespace bulletin
