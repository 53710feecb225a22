#include "gui/preferenceactions.h"

#include "gui/aboutdialog.h"
#include "gui/accountactions.h"
#include "gui/appsettings.h"
#include "gui/imagepolicy.h"
#include "gui/preferencesdialog.h"
#include "gui/readerview.h"
#include "gui/readingactions.h"
#include "gui/readmarking.h"
#include "gui/shortcuthelpdialog.h"
#include "gui/storycontroller.h"
#include "gui/trayicon.h"
#include "services/aboutinfo.h"
#include "services/refreshservice.h"

#include <QAction>
#include <QTimer>

#include <algorithm>

namespace bulletin {

PreferenceActions::PreferenceActions(Cache &cache, AppSettings &settings, QWidget *window)
    : QObject(window)
    , m_cache(cache)
    , m_settings(settings)
    , m_window(window)
{
    m_preferences = new QAction(tr("&Preferences\u2026"), this);
    m_preferences->setObjectName(QStringLiteral("preferences"));
    // QKeySequence::Preferences is a key on macOS alone; Ctrl+, is GNOME's and macOS's key for
    // it, Ctrl+Shift+P one free here on any keyboard layout.
    m_preferences->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Comma), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)});
    m_preferences->setIcon(QIcon::fromTheme(QStringLiteral("preferences-system")));
    connect(m_preferences, &QAction::triggered, this, &PreferenceActions::showPreferences);
    m_shortcutHelp = new QAction(tr("&Keyboard Shortcuts"), this);
    m_shortcutHelp->setObjectName(QStringLiteral("shortcutHelp"));
    m_shortcutHelp->setShortcuts({QKeySequence(Qt::Key_F1), QKeySequence(tr("Ctrl+?"))});
    connect(m_shortcutHelp, &QAction::triggered, this, &PreferenceActions::showShortcutHelp);
    m_about = new QAction(tr("&About Bulletin"), this);
    m_about->setObjectName(QStringLiteral("about"));
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &PreferenceActions::showAbout);
}

void PreferenceActions::setUp(const Parts &parts, const QList<QAction *> &shortcutActions)
{
    m_parts = parts;
    m_shortcutActions = shortcutActions;
    // Remember the shortcuts as built, then apply the user's preferences over them.
    for (QAction *action : shortcutActions)
        m_defaultShortcuts.insert(action->objectName(), action->shortcuts());
    apply();
}

void PreferenceActions::apply()
{
    for (QAction *action : std::as_const(m_shortcutActions)) {
        const QString name = action->objectName();
        action->setShortcuts(m_settings.shortcuts(name, m_defaultShortcuts.value(name)));
    }
    m_parts.controller->readMarking()->setMarkReadDelay(m_settings.markReadDelayMs());
    m_parts.controller->imagePolicy()->setImagesAlways(m_settings.imagesAlways());
    if (const std::optional<QFont> font = m_settings.readerFont()) {
        const int zoom = m_parts.reading->zoomSteps();
        m_parts.reading->setZoomSteps(0);
        m_parts.reader->setFont(*font);
        m_parts.reading->setZoomSteps(zoom);
    }
    if (RefreshService *refresh = m_parts.refresh) {
        RefreshSchedule schedule = refresh->schedule();
        schedule.defaultMinutes = std::max(schedule.minimumMinutes,
                                           m_settings.refreshIntervalMinutes());
        schedule.alertMinutes = std::max(schedule.minimumMinutes,
                                         m_settings.alertIntervalMinutes());
        refresh->setSchedule(schedule);
        RetentionPolicy retention = refresh->retention();
        retention.global.maxCount = m_settings.keepCount();
        retention.global.maxAgeDays = m_settings.keepDays();
        retention.global.keepUnread = m_settings.keepUnread();
        retention.global.keepBookmarked = true;
        refresh->setRetention(retention);
        refresh->setAutoRefresh(m_settings.autoRefresh());
    }
    m_parts.accounts->setIntervalMinutes(m_settings.syncIntervalMinutes());
    m_parts.tray->setEnabled(m_settings.trayIcon());
}

void PreferenceActions::showPreferences()
{
    PreferencesDialog dialog(m_settings, m_shortcutActions, m_defaultShortcuts, &m_cache, m_window);
    if (dialog.exec() == QDialog::Accepted) {
        apply();
        emit preferencesSaved();
    }
}

void PreferenceActions::showAbout()
{
    auto *dialog = new AboutDialog(AboutInfo::of(m_cache), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void PreferenceActions::showShortcutHelp()
{
    ShortcutHelpDialog dialog(m_shortcutActions, m_window);
    connect(&dialog, &ShortcutHelpDialog::changeRequested, this,
            [this] { QTimer::singleShot(0, this, &PreferenceActions::showPreferences); });
    dialog.exec();
}

} // namespace bulletin
