#include "gui/readundo.h"

#include "gui/readmarking.h"
#include "gui/storycontroller.h"

#include <QAction>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>

namespace bulletin {

ReadUndo::ReadUndo(StoryController &controller, QStatusBar *statusBar, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_action(new QAction(tr("&Undo Mark All as Read"), this))
    , m_button(new QToolButton(statusBar))
    , m_offerTimer(new QTimer(this))
{
    m_action->setObjectName(QStringLiteral("undoMarkAllRead"));
    m_action->setShortcuts(QKeySequence::Undo);
    m_action->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    m_action->setToolTip(tr("Mark unread again the stories the last Mark All as Read changed"));
    // A line edit with focus (the search field) keeps Ctrl+Z for its own text: it claims
    // the key before the window's shortcuts are looked at.
    m_action->setEnabled(false);

    m_button->setObjectName(QStringLiteral("undoMarkReadButton"));
    m_button->setText(tr("Undo"));
    m_button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_button->setAutoRaise(false);
    m_button->hide();
    statusBar->insertPermanentWidget(0, m_button);

    m_offerTimer->setSingleShot(true);
    m_offerTimer->setInterval(kOfferMs);
    connect(m_offerTimer, &QTimer::timeout, m_button, &QWidget::hide);
    connect(m_action, &QAction::triggered, this, &ReadUndo::undo);
    connect(m_button, &QToolButton::clicked, this, &ReadUndo::undo);
    const ReadMarking *marking = m_controller.readMarking();
    connect(marking, &ReadMarking::viewMarkedRead, this,
            [this](const QList<qint64> &storyIds) { offer(storyIds); });
    // While a mark is on its way the undo waits for it: it then undoes that mark, or the one
    // before when this one changed nothing.
    connect(marking, &ReadMarking::markAllReadStarted, this, &ReadUndo::updateEnabled);
    connect(marking, &ReadMarking::markAllReadFinished, this, &ReadUndo::updateEnabled);
}

void ReadUndo::updateEnabled()
{
    const bool waiting = m_controller.readMarking()->marksInProgress() > 0;
    m_action->setEnabled(!m_ids.isEmpty() && !waiting);
    m_button->setEnabled(!waiting);
}

bool ReadUndo::undo()
{
    if (m_ids.isEmpty() || m_controller.readMarking()->marksInProgress() > 0)
        return false;
    if (!m_controller.readMarking()->restoreUnread(m_ids)) {
        emit statusMessage(tr("The stories could not be marked unread again."));
        return false;
    }
    const int count = int(m_ids.size());
    withdraw();
    emit statusMessage(count == 1 ? tr("Marked 1 story as unread again.")
                                  : tr("Marked %1 stories as unread again.").arg(count));
    return true;
}

void ReadUndo::offer(const QList<qint64> &storyIds)
{
    m_ids = storyIds;
    updateEnabled();
    const QString what = storyIds.size() == 1
        ? tr("Mark the story unread again")
        : tr("Mark the %1 stories unread again").arg(storyIds.size());
    const QString shortcut = m_action->shortcut().toString(QKeySequence::NativeText);
    m_button->setToolTip(shortcut.isEmpty() ? what : QStringLiteral("%1 (%2)").arg(what, shortcut));
    m_button->show();
    m_offerTimer->start();
}

void ReadUndo::withdraw()
{
    m_ids.clear();
    updateEnabled();
    m_offerTimer->stop();
    m_button->hide();
}

} // namespace bulletin
