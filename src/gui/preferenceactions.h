#pragma once

#include <QHash>
#include <QKeySequence>
#include <QObject>

class QAction;
class QWidget;

namespace bulletin {

class AccountActions;
class AppSettings;
class Cache;
class ReaderView;
class ReadingActions;
class RefreshService;
class StoryController;
class TrayIcon;

// The user's preferences at work: File ▸ Preferences, Help ▸ Keyboard Shortcuts and Help ▸
// About with their dialogs, and apply(), which gives the window's parts what AppSettings
// holds: every configurable shortcut, when a story counts as read, remote images everywhere,
// the reader's font, the refresh schedule and retention, the sync interval and the tray icon.
// The shortcuts the actions were built with are their defaults, remembered before the user's
// are put over them. The cache, settings, window and parts outlive it; GUI thread only.
class PreferenceActions final : public QObject
{
    Q_OBJECT

public:
    // What apply() reaches; `refresh` may be null (a window without network access).
    struct Parts
    {
        StoryController *controller = nullptr;
        ReadingActions *reading = nullptr;
        ReaderView *reader = nullptr;
        RefreshService *refresh = nullptr;
        AccountActions *accounts = nullptr;
        TrayIcon *tray = nullptr;
    };

    PreferenceActions(Cache &cache, AppSettings &settings, QWidget *window);

    QAction *preferencesAction() const { return m_preferences; }
    QAction *shortcutHelpAction() const { return m_shortcutHelp; }
    QAction *aboutAction() const { return m_about; }

    // The parts the preferences apply to and the actions whose shortcuts they set (as they
    // are now: their defaults); then applies the preferences.
    void setUp(const Parts &parts, const QList<QAction *> &shortcutActions);
    // Reads the preferences and applies them.
    void apply();
    void showPreferences();
    void showShortcutHelp();
    void showAbout();

signals:
    // The user saved the Preferences dialog; they have been applied.
    void preferencesSaved();

private:
    Cache &m_cache;
    AppSettings &m_settings;
    QWidget *m_window = nullptr;
    Parts m_parts;
    QList<QAction *> m_shortcutActions;
    QHash<QString, QList<QKeySequence>> m_defaultShortcuts;
    QAction *m_preferences = nullptr;
    QAction *m_shortcutHelp = nullptr;
    QAction *m_about = nullptr;
};

} // namespace bulletin
