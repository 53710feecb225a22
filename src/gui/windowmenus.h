#pragma once

#include <QObject>

#include <memory>

class QAction;
class QMainWindow;
class QPoint;

namespace Ui {
class MainWindow;
}

namespace bulletin {

class AccountActions;
class BookmarkActions;
class CopyActions;
class FeedActions;
class FeedPropertiesAction;
class HistoryActions;
class LinkOpener;
class OpmlActions;
class PreferenceActions;
class ReadingActions;
class ReadUndo;
class RefreshActions;
class SearchActions;
class StoryController;
class ThemeActions;

// The main window's menus, toolbar and context menus (the story list's and the sidebar's),
// built once from the actions the window's other classes own, in the order the user sees
// them. It owns only the window's own two actions, Open in Browser and Quit, and gives the
// configurable actions their names (objectName, the settings key of their shortcuts). What an
// action does is its owner's. The window, its form and the parts outlive it; GUI thread only.
class WindowMenus final : public QObject
{
    Q_OBJECT

public:
    struct Parts
    {
        StoryController *controller = nullptr;
        LinkOpener *links = nullptr;
        FeedActions *feeds = nullptr;
        RefreshActions *refresh = nullptr;
        OpmlActions *opml = nullptr;
        AccountActions *accounts = nullptr;
        BookmarkActions *bookmarks = nullptr;
        HistoryActions *history = nullptr;
        ReadingActions *reading = nullptr;
        CopyActions *copy = nullptr;
        ReadUndo *readUndo = nullptr;
        SearchActions *search = nullptr;
        ThemeActions *theme = nullptr;
        FeedPropertiesAction *feedProperties = nullptr;
        PreferenceActions *preferences = nullptr;
    };

    WindowMenus(QMainWindow *window, Ui::MainWindow &ui, const Parts &parts);

    QAction *openInBrowserAction() const { return m_openInBrowser; }
    // Every action with a configurable shortcut, by objectName, in the order Help lists them.
    QList<QAction *> shortcutActions() const;

private:
    void nameActions();
    void fillMenus();
    void fillToolBar();
    void showStoryMenu(const QPoint &position);
    void showSidebarMenu(const QPoint &position);

    QMainWindow *m_window = nullptr;
    Ui::MainWindow &m_ui;
    Parts m_parts;
    QAction *m_openInBrowser = nullptr;
    QAction *m_quit = nullptr;
};

} // namespace bulletin
