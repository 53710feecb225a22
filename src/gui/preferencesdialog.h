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
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace bulletin {

class AppSettings;
class Cache;

// Preferences, kept in AppSettings: automatic refresh and its intervals (news feeds, and alert
// sources: CAP feeds and feeds marked as alert sources), how often sync accounts sync, when a story
// counts as read, the reader's font, every keyboard shortcut (two keys an action, editable, with
// defaults; a key given to two actions is refused with both named), and the
// advisory rules (kept in the cache, so the refresh worker and the CLI see them too). The
// dialog only reads and writes the settings; PreferenceActions::apply() applies them to the window.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT

public:
    // `actions` are the actions whose shortcuts can be edited (by objectName); `defaults`
    // their shortcuts as built.
    // With a cache, an Advisories page edits the user's advisory rules (keywords and section
    // headings, kept in the cache) and saving re-applies them to the cached stories.
    PreferencesDialog(AppSettings &settings, const QList<QAction *> &actions,
                      const QHash<QString, QList<QKeySequence>> &defaults, Cache *cache = nullptr,
                      QWidget *parent = nullptr);

    // Writes the dialog's values to the settings (also done on OK).
    void save();

    // Why the shortcuts cannot be saved as they are (a key given to two actions); empty when
    // they can.
    QString conflict() const;

private:
    void resetShortcuts();
    void showConflicts();
    QKeySequenceEdit *keyEdit(int row, int column) const;
    // The keys a row gives its action: its two edits' and any past the second it had.
    QList<QKeySequence> chosenKeys(int row) const;

    AppSettings &m_settings;
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
