#pragma once

#include <QObject>

class QSystemTrayIcon;
class QWidget;

namespace bulletin {

class AdvisoryBanner;
class AppSettings;
class TrayIcon;

// A desktop notification when a new advisory becomes the most severe one, the one the banner
// shows: where the desktop has a tray that shows messages and the user has not turned it off
// in Preferences. Clicking the message opens the advisory's story and raises the window.
// The advisory the banner shows when the notifier is made is known already: it is not
// announced. The message comes from the window's TrayIcon while the user has it in the tray
// (one icon, not two); otherwise from an icon of the notifier's own, made at the first
// notification as a child of the window.
// GUI thread only; the banner and the settings must outlive it.
class AdvisoryNotifier final : public QObject
{
    Q_OBJECT

public:
    AdvisoryNotifier(const AdvisoryBanner &banner, AppSettings &settings, QWidget *window);

    // Notifies when the banner's advisory is not the one last notified (after the banner
    // has refreshed).
    void notifyIfNew();
    // The window's tray icon, to carry the messages while it is shown.
    void setTrayIcon(const TrayIcon *trayIcon) { m_trayIcon = trayIcon; }

signals:
    void storyRequested(qint64 id);

private:
    const AdvisoryBanner &m_banner;
    AppSettings &m_settings;
    QWidget *m_window;
    void connectClicks(QSystemTrayIcon *tray);

    QSystemTrayIcon *m_tray = nullptr;
    const TrayIcon *m_trayIcon = nullptr;
    QSystemTrayIcon *m_clicksFrom = nullptr; // the window's tray icon, once connected
    qint64 m_notified = 0;
};

} // namespace bulletin
