#include "gui/historyactions.h"

#include "gui/storycontroller.h"

#include <QAbstractScrollArea>
#include <QAction>
#include <QApplication>
#include <QMouseEvent>
#include <QStyle>

namespace bulletin {

HistoryActions::HistoryActions(StoryController &controller, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_back(new QAction(this))
    , m_forward(new QAction(this))
{
    const QStyle *style = QApplication::style();
    m_back->setText(tr("&Back"));
    m_back->setToolTip(tr("Back to the previous story (Alt+Left)"));
    m_back->setIcon(
        QIcon::fromTheme(QStringLiteral("go-previous"), style->standardIcon(QStyle::SP_ArrowBack)));
    m_back->setShortcuts(QKeySequence::Back);
    m_forward->setText(tr("&Forward"));
    m_forward->setToolTip(tr("Forward to the next story (Alt+Right)"));
    m_forward->setIcon(
        QIcon::fromTheme(QStringLiteral("go-next"), style->standardIcon(QStyle::SP_ArrowForward)));
    m_forward->setShortcuts(QKeySequence::Forward);

    connect(m_back, &QAction::triggered, this, [this] { m_controller.goBack(); });
    connect(m_forward, &QAction::triggered, this, [this] { m_controller.goForward(); });
    connect(&m_controller, &StoryController::historyChanged, this, &HistoryActions::updateEnabled);
    updateEnabled();
}

void HistoryActions::watch(QWidget *widget)
{
    widget->installEventFilter(this);
    if (auto *area = qobject_cast<QAbstractScrollArea *>(widget))
        area->viewport()->installEventFilter(this);
}

bool HistoryActions::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonPress) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::BackButton) {
            m_back->trigger();
            return true;
        }
        if (mouse->button() == Qt::ForwardButton) {
            m_forward->trigger();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void HistoryActions::updateEnabled()
{
    m_back->setEnabled(m_controller.canGoBack());
    m_forward->setEnabled(m_controller.canGoForward());
}

} // namespace bulletin
