#include "gui/windowplacement.h"

#include <QEvent>
#include <QGuiApplication>
#include <QScreen>
#include <QStyle>
#include <QTimer>
#include <QWidget>

namespace bulletin {

WindowPlacement::WindowPlacement(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    m_window->installEventFilter(this);
}

void WindowPlacement::restore(const QByteArray &geometry)
{
    // The first window has the form's size where the screen has room for it; a saved
    // geometry may come from a larger screen, or one that is gone.
    m_window->restoreGeometry(geometry);
    keepOnScreen();
    m_placed = false; // again once the desktop has drawn the frame
}

bool WindowPlacement::eventFilter(QObject *watched, QEvent *event)
{
    // The desktop's frame is known once the window is first shown: what was left for it may
    // have been too little.
    if (watched == m_window && event->type() == QEvent::Show && !event->spontaneous()
        && m_placed.has_value() && !*m_placed) {
        m_placed = true;
        QTimer::singleShot(0, this, &WindowPlacement::keepOnScreen);
    }
    return QObject::eventFilter(watched, event);
}

void WindowPlacement::keepOnScreen()
{
    QWidget &window = *m_window;
    if (window.isMaximized() || window.isFullScreen())
        return;
    const QRect frame = window.frameGeometry();
    QScreen *screen = nullptr;
    qint64 largest = 0;
    for (QScreen *candidate : QGuiApplication::screens()) {
        const QRect overlap = candidate->availableGeometry().intersected(frame);
        const qint64 area = qint64(overlap.width()) * overlap.height();
        if (area > largest) {
            largest = area;
            screen = candidate;
        }
    }
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();

    // Until the window is shown its frame is not known: room is left for a title bar and
    // borders as the style draws them. Once shown, the frame is what the desktop drew.
    const QRect geometry = window.geometry();
    QMargins margins(frame.left() - geometry.left(), frame.top() - geometry.top(),
                     frame.right() - geometry.right(), frame.bottom() - geometry.bottom());
    if (!window.isVisible() || margins.isNull()) {
        const int border = 4;
        const int title = window.style()->pixelMetric(QStyle::PM_TitleBarHeight, nullptr, &window);
        margins = margins.isNull() ? QMargins(border, title + border, border, border) : margins;
    }
    const QSize room(available.width() - margins.left() - margins.right(),
                     available.height() - margins.top() - margins.bottom());
    const QSize size = window.size().boundedTo(room).expandedTo(
        window.minimumSizeHint().boundedTo(room));
    if (size != window.size())
        window.resize(size);

    QRect wanted(frame.topLeft(),
                 QSize(size.width() + margins.left() + margins.right(),
                       size.height() + margins.top() + margins.bottom()));
    if (wanted.right() > available.right())
        wanted.moveRight(available.right());
    if (wanted.bottom() > available.bottom())
        wanted.moveBottom(available.bottom());
    if (wanted.left() < available.left())
        wanted.moveLeft(available.left());
    if (wanted.top() < available.top())
        wanted.moveTop(available.top());
    if (wanted.topLeft() != frame.topLeft())
        window.move(wanted.topLeft());
}

} // namespace bulletin
