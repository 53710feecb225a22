#include "gui/trayicon.h"

#include "gui/unreadbadge.h"

#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

namespace bulletin {

TrayIcon::TrayIcon(const SidebarModel &sidebar, QAction *refreshAll, QWidget *window,
                   QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_badge(new UnreadBadge(sidebar, this))
    // No parent widget: the menu belongs to the tray, not to the window it can hide.
    , m_menu(new QMenu)
    , m_showHide(new QAction(this))
    , m_quit(new QAction(tr("&Quit"), this))
{
    m_menu->setAccessibleName(tr("Tray menu"));
    m_showHide->setObjectName(QStringLiteral("trayShowHide"));
    m_quit->setObjectName(QStringLiteral("trayQuit"));
    m_quit->setIcon(QIcon::fromTheme(QStringLiteral("application-exit")));
    m_menu->addAction(m_showHide);
    m_menu->addSeparator();
    if (refreshAll)
        m_menu->addAction(refreshAll);
    m_menu->addSeparator();
    m_menu->addAction(m_quit);
    updateShowHideText();

    connect(m_showHide, &QAction::triggered, this, &TrayIcon::toggleWindow);
    connect(m_menu, &QMenu::aboutToShow, this, &TrayIcon::updateShowHideText);
    connect(m_quit, &QAction::triggered, this, [this] {
        // A hidden window's close does not end the application by itself.
        if (!m_window || m_window->close())
            QCoreApplication::quit();
    });
    connect(m_badge, &UnreadBadge::changed, this, &TrayIcon::updateIcon);
    // The menu says what a click would do, however the window came or went.
    if (m_window)
        m_window->installEventFilter(this);
}

bool TrayIcon::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window
        && (event->type() == QEvent::Show || event->type() == QEvent::Hide
            || event->type() == QEvent::WindowStateChange))
        updateShowHideText();
    return false;
}

TrayIcon::~TrayIcon()
{
    delete m_tray;
    delete m_menu;
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::setEnabled(bool enabled)
{
    if (!enabled) {
        if (m_tray)
            m_tray->hide();
        return;
    }
    if (!isAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon;
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger)
                        toggleWindow();
                });
        updateIcon();
    }
    m_tray->show();
}

bool TrayIcon::isShown() const
{
    return m_tray && m_tray->isVisible();
}

void TrayIcon::updateIcon()
{
    if (!m_tray)
        return;
    m_tray->setIcon(m_badge->icon());
    m_tray->setToolTip(m_badge->toolTip());
}

void TrayIcon::updateShowHideText()
{
    const bool onScreen = m_window && m_window->isVisible() && !m_window->isMinimized();
    m_showHide->setText(onScreen ? tr("&Hide Bulletin") : tr("&Show Bulletin"));
}

void TrayIcon::toggleWindow()
{
    if (!m_window)
        return;
    if (m_window->isVisible() && !m_window->isMinimized()) {
        m_window->hide();
    } else {
        if (m_window->isMinimized())
            m_window->showNormal();
        else
            m_window->show();
        m_window->raise();
        m_window->activateWindow();
    }
    updateShowHideText();
}

} // namespace bulletin
