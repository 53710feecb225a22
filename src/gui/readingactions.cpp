#include "gui/readingactions.h"

#include "gui/readerview.h"
#include "gui/readmarking.h"
#include "gui/storycontroller.h"

#include <QAction>
#include <QScrollBar>

#include <algorithm>

namespace bulletin {

namespace {
constexpr int kMaxZoomSteps = 10;
} // namespace

ReadingActions::ReadingActions(StoryController &controller, ReaderView *reader, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_reader(reader)
{
    m_next = make(QStringLiteral("nextStory"), tr("&Next Story"), {QKeySequence(Qt::Key_J)},
                  tr("Open the next story in the list"));
    m_previous = make(QStringLiteral("previousStory"), tr("&Previous Story"),
                      {QKeySequence(Qt::Key_K)}, tr("Open the previous story in the list"));
    m_nextUnread = make(QStringLiteral("nextUnread"), tr("Next &Unread Story"),
                        {QKeySequence(Qt::Key_N)}, tr("Open the next unread story"));
    m_previousUnread = make(QStringLiteral("previousUnread"), tr("Previous U&nread Story"),
                            {QKeySequence(Qt::Key_P)}, tr("Open the previous unread story"));
    m_page = make(QStringLiteral("pageOrNext"), tr("Page Down or Next Unread"),
                  {QKeySequence(Qt::Key_Space)},
                  tr("Scroll the reader a page; at the end, open the next part of a long story, or "
                     "the next unread story"));
    m_toggleRead = make(QStringLiteral("toggleRead"), tr("Toggle &Read"), {QKeySequence(Qt::Key_M)},
                        tr("Mark the story in the reader read or unread"));
    m_markAllRead = make(QStringLiteral("markAllRead"), tr("Mark &All as Read"),
                         {QKeySequence(Qt::SHIFT | Qt::Key_A)},
                         tr("Mark every story in this view as read"));
    m_zoomIn = make(QStringLiteral("zoomIn"), tr("Zoom &In"),
                    QKeySequence::keyBindings(QKeySequence::ZoomIn)
                        << QKeySequence(Qt::CTRL | Qt::Key_Equal),
                    tr("Larger text in the reader"));
    m_zoomOut = make(QStringLiteral("zoomOut"), tr("Zoom &Out"),
                     QKeySequence::keyBindings(QKeySequence::ZoomOut),
                     tr("Smaller text in the reader"));
    m_zoomReset = make(QStringLiteral("zoomReset"), tr("&Actual Size"),
                       {QKeySequence(Qt::CTRL | Qt::Key_0)},
                       tr("The reader's text at its normal size"));
    m_groupByEvent = make(
        QStringLiteral("groupByEvent"), tr("&Group Stories by Event"), {QKeySequence(Qt::Key_G)},
        tr("One row per news event: its other reports under the newest (Right opens it)"));
    m_groupByEvent->setCheckable(true);
    m_zoomIn->setIcon(QIcon::fromTheme(QStringLiteral("zoom-in")));
    m_zoomOut->setIcon(QIcon::fromTheme(QStringLiteral("zoom-out")));

    connect(m_next, &QAction::triggered, this, [this] { m_controller.moveInList(1); });
    connect(m_previous, &QAction::triggered, this, [this] { m_controller.moveInList(-1); });
    connect(m_nextUnread, &QAction::triggered, this,
            [this] { m_controller.readMarking()->moveToUnread(1); });
    connect(m_previousUnread, &QAction::triggered, this,
            [this] { m_controller.readMarking()->moveToUnread(-1); });
    connect(m_page, &QAction::triggered, this, &ReadingActions::pageOrNext);
    connect(m_toggleRead, &QAction::triggered, this,
            [this] { m_controller.readMarking()->toggleRead(); });
    connect(m_markAllRead, &QAction::triggered, this,
            [this] { m_controller.readMarking()->markAllRead(); });
    connect(m_zoomIn, &QAction::triggered, this, [this] { setZoomSteps(m_zoom + 1); });
    connect(m_zoomOut, &QAction::triggered, this, [this] { setZoomSteps(m_zoom - 1); });
    connect(m_zoomReset, &QAction::triggered, this, [this] { setZoomSteps(0); });
    connect(m_groupByEvent, &QAction::toggled, this,
            [this](bool on) { m_controller.setGroupedByEvent(on); });
}

QAction *ReadingActions::make(const QString &name, const QString &text,
                              const QList<QKeySequence> &keys, const QString &tip)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    action->setShortcuts(keys);
    action->setToolTip(tip);
    return action;
}

QList<QAction *> ReadingActions::actions() const
{
    return {m_next,        m_previous, m_nextUnread, m_previousUnread, m_page,        m_toggleRead,
            m_markAllRead, m_zoomIn,   m_zoomOut,    m_zoomReset,      m_groupByEvent};
}

void ReadingActions::pageOrNext()
{
    QScrollBar *bar = m_reader->verticalScrollBar();
    if (bar->value() < bar->maximum()) {
        bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        return;
    }
    // A long story is read a part at a time: its next part comes before the next story.
    if (m_controller.currentPart() + 1 < m_controller.partCount()) {
        m_controller.showPart(m_controller.currentPart() + 1);
        return;
    }
    m_controller.readMarking()->moveToUnread(1);
}

void ReadingActions::setZoomSteps(int steps)
{
    steps = std::clamp(steps, -kMaxZoomSteps, kMaxZoomSteps);
    if (steps == m_zoom)
        return;
    // QTextEdit zooms by point size steps; undo the old zoom and apply the new one.
    m_reader->zoomIn(steps - m_zoom);
    m_zoom = steps;
    emit zoomChanged(steps);
}

} // namespace bulletin
