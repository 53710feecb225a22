#include "gui/advisorynotifier.h"

#include "gui/advisorybanner.h"
#include "gui/appsettings.h"
#include "gui/trayicon.h"

#include <QApplication>
#include <QSystemTrayIcon>

namespace bulletin {

AdvisoryNotifier::AdvisoryNotifier(const AdvisoryBanner &banner, AppSettings &settings,
                                   QWidget *window)
    : QObject(window)
    , m_banner(banner)
    , m_settings(settings)
    , m_window(window)
    , m_notified(banner.storyId().value_or(0)) // known at start: no notification
{
}

void AdvisoryNotifier::notifyIfNew()
{
    const std::optional<qint64> story = m_banner.storyId();
    if (!story || *story == m_notified)
        return;
    m_notified = *story;
    if (!m_settings.notifyAdvisories() || !QSystemTrayIcon::isSystemTrayAvailable()
        || !QSystemTrayIcon::supportsMessages())
        return;
    QSystemTrayIcon *tray = m_trayIcon ? m_trayIcon->systemTrayIcon() : nullptr;
    if (tray) {
        if (m_tray)
            m_tray->hide();
        if (m_clicksFrom != tray) {
            connectClicks(tray);
            m_clicksFrom = tray;
        }
    } else {
        if (!m_tray) {
            const QIcon icon = m_window->windowIcon().isNull() ? QApplication::windowIcon()
                                                               : m_window->windowIcon();
            m_tray = new QSystemTrayIcon(icon, m_window);
            m_tray->setToolTip(tr("Bulletin"));
            connectClicks(m_tray);
        }
        m_tray->show();
        tray = m_tray;
    }
    tray->showMessage(tr("New advisory"), m_banner.accessibleName(), QSystemTrayIcon::Warning);
}

void AdvisoryNotifier::connectClicks(QSystemTrayIcon *tray)
{
    connect(tray, &QSystemTrayIcon::messageClicked, this, [this] {
        if (const std::optional<qint64> id = m_banner.storyId())
            emit storyRequested(*id);
        if (!m_window->isVisible())
            m_window->show(); // hidden from the tray
        m_window->raise();
        m_window->activateWindow();
    });
}

} // namespace bulletin
