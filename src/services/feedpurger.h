#pragma once

#include <QObject>
#include <QString>
#include <QThread>

namespace bulletin {

class PurgeWorker;

// Deletes the stories of unsubscribed feeds (FeedStore::beginRemove) off the GUI thread: a
// worker thread with its own connection to the cache file runs FeedStore::purgeRemoved in
// short transactions until no marked feed is left, then purged() arrives. Deleting a feed
// of 10,000 stories takes over a second (their bodies, search entries and list indexes);
// the window's own writes wait at most one step for the write lock meanwhile.
// Destroying the purger waits for the step in progress and ends the thread; the marks
// stay, and the next purger carries on.
class FeedPurger final : public QObject
{
    Q_OBJECT

public:
    // ~20-50 ms of work per step over a large cache, search index merges included.
    static constexpr int kStoriesPerStep = 100;

    explicit FeedPurger(const QString &cachePath, QObject *parent = nullptr);
    ~FeedPurger() override;

    // Purges every feed marked so far; called again while purging, it goes on until the
    // feeds marked meanwhile are gone too.
    void start();

signals:
    // No marked feed is left, or (ok false) the cache could not be opened or written.
    void purged(bool ok);

private:
    void onFinished(bool ok);

    QThread m_thread;
    PurgeWorker *m_worker = nullptr; // lives on m_thread
    bool m_running = false;
    bool m_again = false; // start() while running: once more when done
};

} // namespace bulletin
