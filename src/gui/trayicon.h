#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace bulletin {

class SidebarModel;
class UnreadBadge;

// The icon in the desktop's tray, for those who keep the reader out of the way: shown only
// where the desktop has a tray (QSystemTrayIcon::isSystemTrayAvailable) and the user turned
// it on (Preferences, "Show an icon in the tray"; off by default). It shows the unread count
// (UnreadBadge: in its tooltip and painted on the icon, following the sidebar's count); a
// left click shows or hides the window; its menu has Show/Hide, Refresh All and Quit.
//
// Closing the window quits, tray or not, as it does on desktops without one; the window
// leaves the screen for the tray only when the user hides it from there. Quit closes the
// window (so its place and state are saved as on any close), then ends the application even
// when the window was hidden. The menu, the badge and toggleWindow() work without a tray,
// for tests. GUI thread only; the model, the action and the window outlive the tray icon.
class TrayIcon final : public QObject
{
    Q_OBJECT

public:
    TrayIcon(const SidebarModel &sidebar, QAction *refreshAll, QWidget *window,
             QObject *parent = nullptr);
    ~TrayIcon() override;

    static bool isAvailable();

    // Puts the icon in the tray (when there is one) or takes it out.
    void setEnabled(bool enabled);
    // The icon is in the tray now.
    bool isShown() const;
    // The icon while it is in the tray (for notifications), else nullptr.
    QSystemTrayIcon *systemTrayIcon() const { return isShown() ? m_tray : nullptr; }

    UnreadBadge *badge() const { return m_badge; }
    QMenu *menu() const { return m_menu; }
    QAction *showHideAction() const { return m_showHide; }
    QAction *quitAction() const { return m_quit; }

    // Hides a window on the screen; shows a hidden or minimised one, in front.
    void toggleWindow();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateIcon();
    void updateShowHideText();

    QPointer<QWidget> m_window;
    UnreadBadge *m_badge = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_showHide = nullptr;
    QAction *m_quit = nullptr;
    QSystemTrayIcon *m_tray = nullptr; // made when first enabled where there is a tray
};

} // namespace bulletin
