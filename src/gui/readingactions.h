#pragma once

#include <QList>
#include <QObject>

class QAction;
class QWidget;

namespace bulletin {

class ReaderView;
class StoryController;

// The reading flow from the keyboard, in line with established readers: j/k next/previous
// story, n/p next/previous unread, Space pages the reader and then moves on, m toggles read,
// Shift+A marks the whole view read, Ctrl+plus/minus/0 zoom the reader; g groups the list's
// stories by news event. Single-key shortcuts
// never fire while a text field has the focus (the field takes the key).
class ReadingActions final : public QObject
{
    Q_OBJECT

public:
    ReadingActions(StoryController &controller, ReaderView *reader, QObject *parent = nullptr);

    QAction *nextAction() const { return m_next; }
    QAction *previousAction() const { return m_previous; }
    QAction *nextUnreadAction() const { return m_nextUnread; }
    QAction *previousUnreadAction() const { return m_previousUnread; }
    QAction *pageAction() const { return m_page; }
    QAction *toggleReadAction() const { return m_toggleRead; }
    QAction *markAllReadAction() const { return m_markAllRead; }
    QAction *zoomInAction() const { return m_zoomIn; }
    QAction *zoomOutAction() const { return m_zoomOut; }
    QAction *zoomResetAction() const { return m_zoomReset; }
    QAction *groupByEventAction() const { return m_groupByEvent; }
    QList<QAction *> actions() const;

    // Space: pages the reader down, or opens the next unread story at the end of the page.
    void pageOrNext();
    int zoomSteps() const { return m_zoom; }
    void setZoomSteps(int steps);

signals:
    void zoomChanged(int steps);

private:
    QAction *make(const QString &name, const QString &text, const QList<QKeySequence> &keys,
                  const QString &tip);

    StoryController &m_controller;
    ReaderView *m_reader = nullptr;
    int m_zoom = 0;
    QAction *m_next = nullptr;
    QAction *m_previous = nullptr;
    QAction *m_nextUnread = nullptr;
    QAction *m_previousUnread = nullptr;
    QAction *m_page = nullptr;
    QAction *m_toggleRead = nullptr;
    QAction *m_markAllRead = nullptr;
    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QAction *m_zoomReset = nullptr;
    QAction *m_groupByEvent = nullptr;
};

} // namespace bulletin
