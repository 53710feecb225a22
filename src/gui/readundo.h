#pragma once

#include <QList>
#include <QObject>

class QAction;
class QStatusBar;
class QTimer;
class QToolButton;

namespace bulletin {

class StoryController;

// Undo for Mark All as Read (Story menu, Shift+A, or the sidebar's context menu): Story ›
// Undo Mark All as Read (Ctrl+Z) marks unread again exactly the stories the last mark
// changed, never the ones that were read before it. An Undo button beside the status bar's
// message offers the same for a few seconds after each mark. One mark is remembered, in
// memory only: a second mark replaces it, an undo spends it, and nothing survives a restart.
// While a mark is still being stored (ReadMarking marks off the GUI thread) there is nothing
// to undo yet: the undo then applies to that mark, or to the one before when it changed none.
// An account's stories are queued for its server by the cache as any mark is. GUI thread
// only; the controller must outlive this object, and the button belongs to the status bar.
class ReadUndo final : public QObject
{
    Q_OBJECT

public:
    // How long the status bar's button stays after a mark.
    static constexpr int kOfferMs = 8000;

    ReadUndo(StoryController &controller, QStatusBar *statusBar, QObject *parent = nullptr);

    QAction *action() const { return m_action; }
    QToolButton *button() const { return m_button; }
    // How many stories an undo would mark unread (0: nothing to undo).
    qsizetype pendingCount() const { return m_ids.size(); }

    // Marks the last mark's stories unread again. False when there is nothing to undo or the
    // cache refused (the stories stay read and the undo stays offered).
    bool undo();

signals:
    void statusMessage(const QString &message);

private:
    void offer(const QList<qint64> &storyIds);
    void withdraw();
    void updateEnabled();

    StoryController &m_controller;
    QAction *m_action = nullptr;
    QToolButton *m_button = nullptr;
    QTimer *m_offerTimer = nullptr;
    QList<qint64> m_ids;
};

} // namespace bulletin
