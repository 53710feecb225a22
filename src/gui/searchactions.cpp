#include "gui/searchactions.h"

#include "gui/storycontroller.h"
#include "models/sidebarmodel.h"
#include "models/storylistmodel.h"
#include "storage/cache.h"
#include "storage/searchstore.h"

#include <QAction>
#include <QComboBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QTimer>
#include <QTreeView>

namespace bulletin {

namespace {

constexpr int kTypingPauseMs = 250;
constexpr int kEverywhere = 1; // the scope's second entry

} // namespace

SearchActions::SearchActions(Cache &cache, StoryController &controller, QTreeView *sidebar,
                             QWidget *list, QWidget *window)
    : QObject(window)
    , m_cache(cache)
    , m_controller(controller)
    , m_sidebar(sidebar)
    , m_list(list)
    , m_window(window)
{
    m_field = new QLineEdit(window);
    m_field->setObjectName(QStringLiteral("searchField"));
    m_field->setPlaceholderText(tr("Search (Ctrl+F or /)"));
    m_field->setAccessibleName(tr("Search stories"));
    m_field->setToolTip(tr("Words must all match; \"a phrase\", prefix*, -excluded"));
    m_field->setClearButtonEnabled(true);
    m_field->setMaximumWidth(340);
    // Qt's clear button has no text of its own; screen readers need one.
    if (auto *clearButton = m_field->findChild<QAction *>(
            QStringLiteral("_q_qlineeditclearaction")))
        clearButton->setText(tr("Clear search text"));
    m_scope = new QComboBox(window);
    m_scope->setAccessibleName(tr("Search scope"));
    m_scope->addItems({tr("This source"), tr("Everywhere")});
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(kTypingPauseMs); // as you type, once the typing pauses
    connect(m_timer, &QTimer::timeout, this, &SearchActions::runSearch);
    connect(m_field, &QLineEdit::textChanged, m_timer, qOverload<>(&QTimer::start));
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        m_timer->stop();
        runSearch();
        m_list->setFocus();
    });
    connect(m_scope, &QComboBox::currentIndexChanged, this, &SearchActions::runSearch);
    // The field says what the list is: when the user leaves the search for another view
    // (a search in "this source" follows the source instead), the query goes.
    connect(&m_controller, &StoryController::searchEnded, this, [this] {
        const QSignalBlocker blocker(m_field);
        m_timer->stop();
        m_field->clear();
        m_save->setEnabled(false);
    });

    m_find = new QAction(tr("&Find"), window);
    m_find->setObjectName(QStringLiteral("find"));
    m_find->setShortcuts({QKeySequence::Find, QKeySequence(Qt::Key_Slash)});
    m_find->setToolTip(tr("Search the stories (Ctrl+F or /)"));
    connect(m_find, &QAction::triggered, this, [this] {
        m_field->setFocus(Qt::ShortcutFocusReason);
        m_field->selectAll();
    });
    auto *clear = new QAction(tr("Clear Search"), window);
    clear->setShortcut(QKeySequence(Qt::Key_Escape));
    clear->setShortcutContext(Qt::WidgetShortcut);
    m_field->addAction(clear);
    connect(clear, &QAction::triggered, this, [this] {
        m_field->clear();
        runSearch();
        m_list->setFocus();
    });
    m_save = new QAction(tr("&Save Search\u2026"), window);
    m_save->setObjectName(QStringLiteral("saveSearch"));
    m_save->setToolTip(tr("Keep this search in the sidebar"));
    m_save->setEnabled(false);
    connect(m_save, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(m_window, tr("Save Search"),
                                                   tr("Name in the sidebar:"), QLineEdit::Normal,
                                                   m_field->text().trimmed(), &ok);
        if (ok && !name.trimmed().isEmpty())
            saveSearch(name);
    });
    m_delete = new QAction(tr("&Delete Saved Search"), window);
    connect(m_delete, &QAction::triggered, this, [this] {
        const qint64 id = m_controller.sidebarModel()->savedSearchAt(m_sidebar->currentIndex());
        if (id && m_cache.searches().removeSavedSearch(id)) {
            m_controller.refreshSidebar();
            emit statusMessage(tr("Saved search deleted."));
        }
    });
    // A search run off the GUI thread shows its results later: it can be saved from then.
    connect(&m_controller, &StoryController::searchShown, this,
            [this] { m_save->setEnabled(m_controller.isSearching()); });
    connect(&m_controller, &StoryController::savedSearchOpened, this,
            [this](const QString &query, bool everywhere) {
                const QSignalBlocker fieldBlocker(m_field);
                const QSignalBlocker scopeBlocker(m_scope);
                m_field->setText(query);
                m_scope->setCurrentIndex(everywhere ? kEverywhere : 0);
                m_save->setEnabled(false); // it is saved already
            });
}

bool SearchActions::everywhere() const
{
    return m_scope->currentIndex() == kEverywhere;
}

void SearchActions::runSearch()
{
    m_timer->stop();
    const QString query = m_field->text();
    // An emptied field ends the search shown, or the one whose results have not come yet.
    if (query.trimmed().isEmpty() && !m_controller.isSearching() && !m_controller.isSearchPending())
        return;
    m_controller.search(query, everywhere());
    m_save->setEnabled(m_controller.isSearching());
}

qint64 SearchActions::saveSearch(const QString &name)
{
    if (!m_controller.isSearching())
        return 0;
    const std::optional<qint64> id = m_cache.searches().saveSearch(
        name, m_controller.storyModel()->searchQuery(),
        everywhere() ? StoryFilter{} : m_controller.currentFilter());
    if (!id) {
        emit statusMessage(tr("Could not save the search."));
        return 0;
    }
    m_controller.refreshSidebar();
    emit statusMessage(tr("Saved \u201c%1\u201d in the sidebar.").arg(name.trimmed()));
    return *id;
}

} // namespace bulletin
