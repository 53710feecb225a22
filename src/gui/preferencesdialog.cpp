#include "gui/preferencesdialog.h"

#include "gui/actionname.h"
#include "gui/appsettings.h"
#include "gui/dialogstatus.h"
#include "services/advisorysettings.h"
#include "storage/cache.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bulletin {

namespace {

constexpr int kNameColumn = 0;
constexpr int kKeyColumn = 1; // the action's first key
constexpr int kAlternateColumn = 2; // its second

} // namespace

PreferencesDialog::PreferencesDialog(AppSettings &settings, const QList<QAction *> &actions,
                                     const QHash<QString, QList<QKeySequence>> &defaults,
                                     Cache *cache, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_actions(actions)
    , m_defaults(defaults)
    , m_cache(cache)
{
    setWindowTitle(tr("Preferences"));
    setAccessibleName(tr("Preferences"));
    auto *tabs = new QTabWidget(this);
    tabs->setAccessibleName(tr("Preference pages"));

    // Reading and refreshing.
    auto *general = new QWidget(tabs);
    auto *form = new QFormLayout(general);
    m_autoRefresh = new QCheckBox(tr("Refresh subscriptions automatically"), general);
    m_autoRefresh->setChecked(settings.autoRefresh());
    m_interval = new QSpinBox(general);
    m_interval->setRange(5, 24 * 60);
    m_interval->setSuffix(tr(" minutes"));
    m_interval->setAccessibleName(tr("Refresh interval"));
    m_interval->setToolTip(
        tr("How often each feed is fetched, unless its publisher asks for less often"));
    m_interval->setValue(settings.refreshIntervalMinutes());
    m_syncInterval = new QSpinBox(general);
    m_syncInterval->setObjectName(QStringLiteral("syncInterval"));
    m_syncInterval->setRange(0, 24 * 60);
    m_syncInterval->setSuffix(tr(" minutes"));
    m_syncInterval->setSpecialValueText(tr("Never (only on Refresh)"));
    m_syncInterval->setAccessibleName(tr("Sync interval"));
    m_syncInterval->setToolTip(
        tr("How often sync accounts are synced with their server; changes made here "
           "are sent within seconds whatever this says"));
    m_syncInterval->setValue(settings.syncIntervalMinutes());
    m_alertInterval = new QSpinBox(general);
    m_alertInterval->setRange(5, 24 * 60);
    m_alertInterval->setSuffix(tr(" minutes"));
    m_alertInterval->setAccessibleName(tr("Alert refresh interval"));
    m_alertInterval->setToolTip(
        tr("How often CAP alert feeds and feeds marked as alert sources are fetched, "
           "unless their publisher asks for less often"));
    m_alertInterval->setValue(settings.alertIntervalMinutes());
    m_markRead = new QComboBox(general);
    m_markRead->setAccessibleName(tr("Mark stories as read"));
    m_markRead->addItems(
        {tr("As soon as they are opened"), tr("After reading for a while"), tr("Never (press M)")});
    m_markReadDelay = new QSpinBox(general);
    m_markReadDelay->setRange(1, 120);
    m_markReadDelay->setSuffix(tr(" seconds"));
    m_markReadDelay->setAccessibleName(tr("Delay before a story counts as read"));
    const int delay = settings.markReadDelayMs();
    m_markRead->setCurrentIndex(delay == 0 ? 0 : delay > 0 ? 1 : 2);
    m_markReadDelay->setValue(delay > 0 ? std::max(1, delay / 1000) : 3);
    m_markReadDelay->setEnabled(delay > 0);
    connect(m_markRead, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_markReadDelay->setEnabled(index == 1); });
    m_font = new QFontComboBox(general);
    m_font->setAccessibleName(tr("Reader font"));
    m_fontSize = new QSpinBox(general);
    m_fontSize->setRange(6, 48);
    m_fontSize->setSuffix(tr(" pt"));
    m_fontSize->setAccessibleName(tr("Reader font size"));
    const QFont font = settings.readerFont().value_or(QFont());
    m_font->setCurrentFont(font);
    m_fontSize->setValue(font.pointSize() > 0 ? font.pointSize() : 10);
    m_notify = new QCheckBox(
        tr("Notify me of new advisories (where the desktop shows notifications)"), general);
    m_notify->setChecked(settings.notifyAdvisories());
    m_trayIcon = new QCheckBox(tr("Show an icon in the tray, with the unread count"), general);
    m_trayIcon->setObjectName(QStringLiteral("trayIcon"));
    m_trayIcon->setChecked(settings.trayIcon());
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        m_trayIcon->setText(tr("Show an icon in the tray (this desktop has none)"));
        m_trayIcon->setEnabled(false);
    }
    m_keepCount = new QSpinBox(general);
    m_keepCount->setRange(0, 1000000);
    m_keepCount->setSpecialValueText(tr("No limit"));
    m_keepCount->setSuffix(tr(" stories"));
    m_keepCount->setAccessibleName(tr("Stories kept per feed"));
    m_keepCount->setValue(settings.keepCount());
    m_keepDays = new QSpinBox(general);
    m_keepDays->setRange(0, 3650);
    m_keepDays->setSpecialValueText(tr("No limit"));
    m_keepDays->setSuffix(tr(" days"));
    m_keepDays->setAccessibleName(tr("Days stories are kept"));
    m_keepDays->setValue(settings.keepDays());
    m_keepUnread = new QCheckBox(
        tr("Keep unread stories past these limits (bookmarks are always kept)"), general);
    m_keepUnread->setChecked(settings.keepUnread());
    form->addRow(m_autoRefresh);
    form->addRow(m_notify);
    form->addRow(m_trayIcon);
    form->addRow(tr("Refresh &every:"), m_interval);
    form->addRow(tr("Refresh alert s&ources every:"), m_alertInterval);
    form->addRow(tr("Sync a&ccounts every:"), m_syncInterval);
    form->addRow(tr("&Keep at most:"), m_keepCount);
    form->addRow(tr("Keep &for:"), m_keepDays);
    form->addRow(m_keepUnread);
    m_imagesAlways = new QCheckBox(
        tr("Load remote images in every story (otherwise only when asked, "
           "per story or per feed)"),
        general);
    m_imagesAlways->setChecked(settings.imagesAlways());
    form->addRow(m_imagesAlways);
    form->addRow(tr("Mark &read:"), m_markRead);
    form->addRow(tr("&Delay:"), m_markReadDelay);
    form->addRow(tr("Reader &font:"), m_font);
    form->addRow(tr("Font &size:"), m_fontSize);
    tabs->addTab(general, tr("&General"));

    // Shortcuts: one row per action, its first and second keys edited in place.
    auto *keys = new QWidget(tabs);
    auto *keysLayout = new QVBoxLayout(keys);
    m_shortcuts = new QTableWidget(int(actions.size()), 3, keys);
    m_shortcuts->setAccessibleName(tr("Keyboard shortcuts"));
    m_shortcuts->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut"), tr("Alternate")});
    m_shortcuts->verticalHeader()->hide();
    m_shortcuts->horizontalHeader()->setSectionResizeMode(kNameColumn, QHeaderView::Stretch);
    m_shortcuts->horizontalHeader()->setSectionResizeMode(kKeyColumn, QHeaderView::Stretch);
    m_shortcuts->horizontalHeader()->setSectionResizeMode(kAlternateColumn, QHeaderView::Stretch);
    for (int row = 0; row < actions.size(); ++row) {
        QAction *action = actions.at(row);
        const QString name = listedActionName(action);
        const QList<QKeySequence> current = action->shortcuts();
        auto *item = new QTableWidgetItem(name);
        item->setFlags(Qt::ItemIsEnabled);
        // Keys past the second (a desktop's Back key for Back) stay as they are.
        m_extraKeys.append(current.mid(2));
        QStringList extra;
        for (const QKeySequence &key : current.mid(2))
            extra << key.toString(QKeySequence::NativeText);
        item->setToolTip(extra.isEmpty()
                             ? action->toolTip()
                             : tr("%1 (also %2)").arg(action->toolTip(), extra.join(tr(", "))));
        m_shortcuts->setItem(row, kNameColumn, item);
        auto *first = new QKeySequenceEdit(current.value(0), m_shortcuts);
        first->setObjectName(action->objectName());
        first->setAccessibleName(tr("Shortcut for %1").arg(name));
        auto *second = new QKeySequenceEdit(current.value(1), m_shortcuts);
        second->setObjectName(action->objectName() + QStringLiteral("Alternate"));
        second->setAccessibleName(tr("Alternate shortcut for %1").arg(name));
        for (QKeySequenceEdit *edit : {first, second})
            connect(edit, &QKeySequenceEdit::keySequenceChanged, this,
                    &PreferencesDialog::showConflicts);
        m_shortcuts->setCellWidget(row, kKeyColumn, first);
        m_shortcuts->setCellWidget(row, kAlternateColumn, second);
    }
    m_conflict = new QLabel(keys);
    m_conflict->setObjectName(QStringLiteral("shortcutConflict"));
    m_conflict->setWordWrap(true);
    m_conflict->hide();
    auto *reset = new QPushButton(tr("Restore &Defaults"), keys);
    connect(reset, &QPushButton::clicked, this, &PreferencesDialog::resetShortcuts);
    keysLayout->addWidget(new QLabel(tr("Click a shortcut and press the new key; Backspace then "
                                        "Enter leaves it empty. An action can have two keys."),
                                     keys));
    keysLayout->addWidget(m_shortcuts);
    keysLayout->addWidget(m_conflict);
    keysLayout->addWidget(reset, 0, Qt::AlignLeft);
    m_shortcutsPage = tabs->addTab(keys, tr("&Shortcuts"));
    m_tabs = tabs;

    if (m_cache) {
        const AdvisoryRules rules = loadAdvisoryRules(*m_cache);
        auto *advisories = new QWidget(tabs);
        auto *advisoryForm = new QFormLayout(advisories);
        m_keywords = new QPlainTextEdit(rules.keywords.join(QLatin1Char('\n')), advisories);
        m_keywords->setObjectName(QStringLiteral("advisoryKeywords"));
        m_keywords->setAccessibleName(tr("Advisory keywords"));
        m_keywords->setPlaceholderText(tr("One word or phrase per line, e.g. flood"));
        m_headings = new QPlainTextEdit(rules.headings.join(QLatin1Char('\n')), advisories);
        m_headings->setObjectName(QStringLiteral("advisoryHeadings"));
        m_headings->setAccessibleName(tr("Advisory section headings"));
        auto *note = new QLabel(
            tr("A story whose headline or first paragraph contains a keyword is shown as "
               "an advisory. A section under one of the headings becomes the story's "
               "advisory. To treat every story of a feed as an advisory, use Feeds \u25b8 "
               "Treat as Alert Source."),
            advisories);
        note->setWordWrap(true);
        advisoryForm->addRow(note);
        advisoryForm->addRow(tr("&Keywords:"), m_keywords);
        advisoryForm->addRow(tr("&Headings:"), m_headings);
        tabs->addTab(advisories, tr("&Advisories"));
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        // Two actions on one key: neither would run. Nothing is saved until that is settled.
        if (!conflict().isEmpty()) {
            m_tabs->setCurrentIndex(m_shortcutsPage);
            showConflicts();
            return;
        }
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    resize(560, 520);
}

QKeySequenceEdit *PreferencesDialog::keyEdit(int row, int column) const
{
    return qobject_cast<QKeySequenceEdit *>(m_shortcuts->cellWidget(row, column));
}

QList<QKeySequence> PreferencesDialog::chosenKeys(int row) const
{
    QList<QKeySequence> keys;
    for (const int column : {kKeyColumn, kAlternateColumn}) {
        const QKeySequence key = keyEdit(row, column)->keySequence();
        if (!key.isEmpty() && !keys.contains(key))
            keys << key;
    }
    for (const QKeySequence &key : m_extraKeys.at(row)) {
        if (!keys.contains(key))
            keys << key;
    }
    return keys;
}

QString PreferencesDialog::conflict() const
{
    QHash<QKeySequence, int> rowOf;
    for (int row = 0; row < m_actions.size(); ++row) {
        for (const QKeySequence &key : chosenKeys(row)) {
            const auto other = rowOf.constFind(key);
            if (other != rowOf.constEnd())
                return tr("%1 is the key of both %2 and %3: give one of them another key.")
                    .arg(key.toString(QKeySequence::NativeText),
                         listedActionName(m_actions.at(*other)),
                         listedActionName(m_actions.at(row)));
            rowOf.insert(key, row);
        }
    }
    return {};
}

void PreferencesDialog::showConflicts()
{
    const QString message = conflict();
    if (message.isEmpty())
        m_conflict->hide();
    else
        showDialogError(m_conflict, message);
}

void PreferencesDialog::resetShortcuts()
{
    for (int row = 0; row < m_actions.size(); ++row) {
        const QList<QKeySequence> defaults = m_defaults.value(m_actions.at(row)->objectName());
        keyEdit(row, kKeyColumn)->setKeySequence(defaults.value(0));
        keyEdit(row, kAlternateColumn)->setKeySequence(defaults.value(1));
        m_extraKeys[row] = defaults.mid(2);
    }
    showConflicts();
}

void PreferencesDialog::save()
{
    m_settings.setAutoRefresh(m_autoRefresh->isChecked());
    m_settings.setRefreshIntervalMinutes(m_interval->value());
    m_settings.setSyncIntervalMinutes(m_syncInterval->value());
    m_settings.setAlertIntervalMinutes(m_alertInterval->value());
    m_settings.setNotifyAdvisories(m_notify->isChecked());
    m_settings.setTrayIcon(m_trayIcon->isChecked());
    m_settings.setImagesAlways(m_imagesAlways->isChecked());
    m_settings.setKeepCount(m_keepCount->value());
    m_settings.setKeepDays(m_keepDays->value());
    m_settings.setKeepUnread(m_keepUnread->isChecked());
    const int choice = m_markRead->currentIndex();
    m_settings.setMarkReadDelayMs(choice == 0       ? 0
                                      : choice == 1 ? m_markReadDelay->value() * 1000
                                                    : -1);
    QFont font = m_font->currentFont();
    font.setPointSize(m_fontSize->value());
    m_settings.setReaderFont(font);
    for (int row = 0; row < m_actions.size(); ++row) {
        const QString name = m_actions.at(row)->objectName();
        m_settings.setShortcuts(name, chosenKeys(row), m_defaults.value(name));
    }
    m_settings.sync();

    if (m_cache && m_keywords && m_headings) {
        const auto lines = [](const QPlainTextEdit *edit) {
            QStringList list;
            for (const QString &line : edit->toPlainText().split(QLatin1Char('\n'))) {
                if (!line.trimmed().isEmpty() && !list.contains(line.trimmed()))
                    list << line.trimmed();
            }
            return list;
        };
        AdvisoryRules rules;
        rules.keywords = lines(m_keywords);
        rules.headings = lines(m_headings);
        if (!(rules == loadAdvisoryRules(*m_cache)) && saveAdvisoryRules(*m_cache, rules))
            reapplyAdvisoryRules(*m_cache);
    }
}

} // namespace bulletin
