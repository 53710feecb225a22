#pragma once

#include <QObject>

class QSettings;
class QSystemTrayIcon;
class QWidget;

namespace bulletin {

class AdvisoryBanner;

// A desktop notification when a new advisory becomes the most severe one, the one the banner
// shows: where the desktop has a tray that shows messages and the user has not turned it off
// in Preferences. Clicking the message opens the advisory's story and raises the window.
// The advisory the banner shows when the notifier is made is known already: it is not
// announced. The tray icon is made at the first notification, as a child of the window.
// GUI thread only; the banner and the settings must outlive it.
class AdvisoryNotifier final : public QObject
{
    Q_OBJECT

public:
    AdvisoryNotifier(const AdvisoryBanner &banner, QSettings &settings, QWidget *window);

    // Notifies when the banner's advisory is not the one last notified (after the banner
    // has refreshed).
    void notifyIfNew();

signals:
    void storyRequested(qint64 id);

private:
    const AdvisoryBanner &m_banner;
    QSettings &m_settings;
    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    qint64 m_notified = 0;
};

} // namespace bulletin
