#pragma once

#include "storage/records.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QThread>

namespace bulletin {

class ReadMarkWorker;

// Marks whole views read off the GUI thread. ArticleStore::markAllRead is one DELETE from
// unread_articles, with the triggers that keep each feed's unread count: for a feed of
// 10,000 stories in a cache of 1,000,000 that is 160 ms, which held the window. Here a
// worker thread with its own connection to the cache file (opened at the first mark) runs
// it, and marked() brings back what it changed. Marks run one after another in the order
// asked, each in its own transaction, so each lands whole or not at all; one waits for the
// write lock while a refresh's writer holds it (up to the busy timeout, then it fails).
// Destroying the marker waits for the marks asked so far and ends the thread.
class ReadMarker final : public QObject
{
    Q_OBJECT

public:
    explicit ReadMarker(const QString &cachePath, QObject *parent = nullptr);
    ~ReadMarker() override;

    // Marks every story of the view read; marked() follows.
    void markAllRead(const bulletin::StoryFilter &filter);

signals:
    // The view's mark is stored: `changed` are the stories that were unread (empty when
    // none was). Not ok when the cache could not be opened or written: nothing changed,
    // and `reason` says why when it is known ("the disk is full", ...).
    void marked(const bulletin::StoryFilter &filter, const QList<qint64> &changed, bool ok,
                const QString &reason);

private:
    QThread m_thread;
    ReadMarkWorker *m_worker = nullptr; // lives on m_thread
};

} // namespace bulletin
