#pragma once

#include "storage/records.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QAbstractItemView;
class QTimer;

namespace bulletin {

class Cache;
class ReadMarker;
class StoryController;

// Marking stories read and unread: a story opened in the reader counts as read at once, after
// it has stayed there a while, or never (setMarkReadDelay); the user toggles the reader's
// story, marks a whole view read (markAllRead, undone by restoreUnread) or a related event's
// stories (markStoriesRead); moveToUnread walks the list to the next or previous unread story.
// Each change is one checked write to the cache (a read-only cache changes nothing), and the
// controller's list and sidebar follow it once it is stored. Marking a whole view read can
// take longer than a frame in a large cache, so it runs on a thread of its own (ReadMarker,
// started at the first such mark) and the window follows when it is done. Owned by the
// StoryController, whose views and cache it uses; GUI thread only.
class ReadMarking final : public QObject
{
    Q_OBJECT

public:
    ReadMarking(Cache &cache, StoryController &controller, QAbstractItemView *storyView);

    // How long a story must stay in the reader before it counts as read: 0 at once, a
    // positive number of milliseconds, or negative for never (m marks it by hand).
    void setMarkReadDelay(int milliseconds);
    int markReadDelay() const { return m_delay; }
    // The reader now shows this story (read or not): marks it read now or once the delay has
    // passed with the story still in the reader. Called for every story the reader draws.
    void storyShown(qint64 storyId, bool read);
    // The reader was emptied: the story waiting for the delay is not marked.
    void readerCleared();

    // Each returns false when there is nothing to do.
    bool moveToUnread(int direction); // the next (1) or previous (-1) unread story in the list
    bool toggleRead(); // the story in the reader
    // Starts marking every story of the current view read, off the GUI thread. Once the
    // marks are stored the list's loaded rows turn read in place (the Unread view is listed
    // again), the sidebar's counts follow, then storiesMarked(), viewMarkedRead() and
    // markAllReadFinished(). Marks asked in a row are stored in turn; destroying this object
    // waits for them. False, saying why, when the cache is read-only.
    bool markAllRead();
    // How many marks of a whole view are asked and not yet done.
    int marksInProgress() const { return m_marksInProgress; }
    // Marks these stories unread again in one checked transaction (undoing markAllRead),
    // keeping the list and the sidebar in step. False, with nothing changed, on a failure.
    bool restoreUnread(const QList<qint64> &storyIds);
    // Marks these stories read (the reader's "mark the event read"), keeping the list, the
    // sidebar's counts and the page in step. Returns how many were unread.
    int markStoriesRead(const QList<qint64> &storyIds);

signals:
    // The user marked stories read or unread (StoryController::storiesMarked follows).
    void storiesMarked();
    // markAllRead changed these stories (only those that were unread) in the view `filter`.
    void viewMarkedRead(const QList<qint64> &storyIds, const bulletin::StoryFilter &filter);
    // A mark of a whole view was asked (markAllRead) and is done: stored with `changed`
    // stories changed, or (ok false) nothing changed and the status bar says why.
    void markAllReadStarted();
    void markAllReadFinished(bool ok, int changed);
    void statusMessage(const QString &message);

private:
    void onViewMarked(const StoryFilter &filter, const QList<qint64> &changed, bool ok,
                      const QString &reason);

    Cache &m_cache;
    StoryController &m_controller;
    QPointer<QAbstractItemView> m_storyView;
    int m_delay = 0;
    QTimer *m_timer = nullptr;
    qint64 m_pending = 0; // the story the timer will mark read
    ReadMarker *m_marker = nullptr; // a child, made at the first markAllRead
    int m_marksInProgress = 0;
};

} // namespace bulletin
