#pragma once

#include <QObject>

#include <optional>

class QByteArray;
class QWidget;

namespace bulletin {

// Keeps a top-level window whole on a screen: no larger than the available area of the screen
// it is mostly on (the primary one when none), its title bar and status bar in view. A geometry
// saved on a larger desktop, or on a screen that has gone since, would otherwise leave the
// window's edges out of reach, and so would a first window larger than a small screen.
//
// Until the window is shown the desktop's frame is not known: room is left for a title bar
// and borders as the style draws them. After restore(), the window is fitted once more at its
// first show, with the frame the desktop drew. A maximized or full-screen window is left as it
// is. Lives on the GUI thread as a child of the window it places.
class WindowPlacement final : public QObject
{
    Q_OBJECT

public:
    explicit WindowPlacement(QWidget *window);

    // Puts a geometry from QWidget::saveGeometry() back (none: the window keeps its size) and
    // brings the window onto a screen, now and again at its first show.
    void restore(const QByteArray &geometry);
    // Brings the window whole onto the screen it is mostly on.
    void keepOnScreen();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
    // Set by restore(): true once keepOnScreen() has run again with the desktop's frame.
    std::optional<bool> m_placed;
};

} // namespace bulletin
