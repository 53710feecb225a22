#pragma once

#include <QObject>

class QAction;

namespace bulletin {

class StoryController;

// Back and Forward along the reader's trail, like a browser: toolbar and Go menu actions with
// Alt+Left/Alt+Right (QKeySequence::Back/Forward), and the mouse's back/forward buttons over
// any widget given to watch().
class HistoryActions final : public QObject
{
    Q_OBJECT

public:
    HistoryActions(StoryController &controller, QObject *parent = nullptr);

    QAction *backAction() const { return m_back; }
    QAction *forwardAction() const { return m_forward; }

    // Mouse buttons 4/5 over this widget (and its viewport, for item views) walk the trail.
    void watch(QWidget *widget);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateEnabled();

    StoryController &m_controller;
    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
};

} // namespace bulletin
