#pragma once

#include <QDialog>
#include <QHash>
#include <QKeySequence>

class QAction;
class QCheckBox;
class QComboBox;
class QFontComboBox;
class QKeySequenceEdit;
class QLabel;
class QPlainTextEdit;
class QSettings;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace bulletin {

class Cache;

// Preferences, kept in QSettings: automatic refresh and its intervals (news feeds, and alert
// sources: CAP feeds and feeds marked as alert sources), how often sync accounts sync, when a story
// counts as read, the reader's font, every keyboard shortcut (two keys an action, editable, with
// defaults; a key given to two actions is refused with both named), and the
// advisory rules (kept in the cache, so the refresh worker and the CLI see them too). The
// dialog only reads and writes the settings; the window applies them (applyTo*).
class PreferencesDialog final : public QDialog
{
    Q_OBJECT

public:
    // `actions` are the actions whose shortcuts can be edited (by objectName); `defaults`
    // their shortcuts as built.
    // With a cache, an Advisories page edits the user's advisory rules (keywords and section
    // headings, kept in the cache) and saving re-applies them to the cached stories.
    PreferencesDialog(QSettings &settings, const QList<QAction *> &actions,
                      const QHash<QString, QList<QKeySequence>> &defaults, Cache *cache = nullptr,
                      QWidget *parent = nullptr);

    // Writes the dialog's values to the settings (also done on OK).
    void save();

    // Settings keys and defaults, shared with the window and main.cpp.
    static constexpr auto kAutoRefreshKey = "refresh/automatic";
    static constexpr auto kIntervalKey = "refresh/intervalMinutes";
    static constexpr auto kAlertIntervalKey = "refresh/alertIntervalMinutes"; // alert sources
    static constexpr auto kMarkReadKey = "reader/markReadDelayMs"; // 0 at once, >0 delay, <0 never
    static constexpr auto kFontKey = "reader/font";
    static constexpr auto kNotifyKey = "notifications/advisories";
    static constexpr auto kTrayIconKey = "window/trayIcon"; // off by default
    static constexpr auto kKeepCountKey = "retention/maxStoriesPerFeed"; // 0: no limit
    static constexpr auto kKeepDaysKey = "retention/maxAgeDays";         // 0: no limit
    static constexpr auto kKeepUnreadKey = "retention/keepUnread";
    static constexpr auto kImagesAlwaysKey = "images/alwaysLoad"; // every story, every feed
    static constexpr auto kSyncIntervalKey = "sync/intervalMinutes"; // 0: no automatic sync
    static constexpr int kDefaultSyncInterval = 15;
    static constexpr int kDefaultInterval = 60;
    static constexpr int kDefaultAlertInterval = 5;
    static QString shortcutKey(const QString &actionName);

    // The shortcuts the settings give an action (its defaults when none are stored).
    static QList<QKeySequence> shortcutsFor(const QSettings &settings, const QString &actionName,
                                            const QList<QKeySequence> &defaults);

    // Why the shortcuts cannot be saved as they are (a key given to two actions); empty when
    // they can.
    QString conflict() const;

private:
    void resetShortcuts();
    void showConflicts();
    QKeySequenceEdit *keyEdit(int row, int column) const;
    // The keys a row gives its action: its two edits' and any past the second it had.
    QList<QKeySequence> chosenKeys(int row) const;

    QSettings &m_settings;
    QList<QAction *> m_actions;
    QHash<QString, QList<QKeySequence>> m_defaults;
    QCheckBox *m_autoRefresh = nullptr;
    QCheckBox *m_notify = nullptr;
    QCheckBox *m_trayIcon = nullptr;
    QCheckBox *m_imagesAlways = nullptr;
    QSpinBox *m_interval = nullptr;
    QSpinBox *m_alertInterval = nullptr;
    QSpinBox *m_syncInterval = nullptr;
    QSpinBox *m_keepCount = nullptr;
    QSpinBox *m_keepDays = nullptr;
    QCheckBox *m_keepUnread = nullptr;
    QComboBox *m_markRead = nullptr;
    QSpinBox *m_markReadDelay = nullptr;
    QFontComboBox *m_font = nullptr;
    QSpinBox *m_fontSize = nullptr;
    QTableWidget *m_shortcuts = nullptr;
    QList<QList<QKeySequence>> m_extraKeys; // by row
    QLabel *m_conflict = nullptr;
    QTabWidget *m_tabs = nullptr;
    int m_shortcutsPage = 0;
    Cache *m_cache = nullptr;
    QPlainTextEdit *m_keywords = nullptr;
    QPlainTextEdit *m_headings = nullptr;
};

} // namespace bulletin
