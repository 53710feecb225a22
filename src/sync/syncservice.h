#pragma once

#include "sync/syncengine.h"
#include "sync/syncworker.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>

#include <QList>

#include <chrono>

namespace bulletin {

// Syncs the cache's accounts for the window, off the GUI thread: a worker on a thread of its
// own, with its own Cache (Qt SQL connections belong to the thread that opened them), runs
// SyncEngine and answers with signals. The window connects to them and stays thin: a
// progress line, the account's health tooltip (the error in words), its pending count.
//
// - syncAll()/syncAccount(): a full sync (push, then pull); asked while one runs, it runs
//   once more after it, never twice at once (jobs asked meanwhile merge into the widest);
// - updateAndSync(): the window's Refresh: the server fetches the account's feeds (or the
//   one feed) now, then a full sync, as `bulletin sync --update`;
// - purgeRemoved(): the stories of a removed account (AccountStore::beginRemove) leave the
//   cache in steps on the sync's thread; allFinished says when;
// - changesMade(): the window changed stories (read marks, bookmarks, notes), of an account
//   or not: the cache queued what an account's server must hear. kChangeDelayMs later the
//   sync's thread sends what waits, without a pull, so that a run of marks (j, j, j) goes in
//   one batch; an account with nothing waiting is not contacted, and the window asks the
//   cache nothing;
// - setInterval()/setIntervalMinutes(): an automatic full sync on that interval (0: none);
// - sendNow(): sends what waits at once, e.g. before the window closes; sendFinished says
//   when it is done (the window may wait on it, bounded by the requests' own timeout);
// - subscribe(), unsubscribe(), moveFeed(): an account's feeds changed through its server,
//   as `bulletin account subscribe|unsubscribe|move`: the cache changes only once the
//   server agreed (a subscribed or moved feed is pulled at once, an unsubscribed one's
//   stories leave the cache, its bookmarks stay). Each is its own job, in the order asked,
//   before the sync waiting (if any); feedChanged answers each, with the error in words
//   when the server refused or could not be reached.
// The destructor stops the thread after the sync in progress (a request ends within its
// timeout). Lives on the GUI thread; the composition root (main.cpp) owns it.
class SyncService final : public QObject
{
    Q_OBJECT

public:
    static constexpr int kChangeDelayMs = 2000;

    explicit SyncService(const QString &cachePath, QObject *parent = nullptr);
    ~SyncService() override;

    void syncAll();
    void syncAccount(qint64 accountId);
    void updateAndSync(qint64 accountId = 0, qint64 feedId = 0);
    void purgeRemoved();
    void changesMade();
    void sendNow();
    void subscribe(qint64 accountId, const QString &url, qint64 folderId = 0);
    void unsubscribe(qint64 feedId);
    void moveFeed(qint64 feedId, qint64 folderId);
    void setInterval(std::chrono::milliseconds interval);
    void setIntervalMinutes(int minutes);
    std::chrono::milliseconds interval() const { return m_intervalTimer.intervalAsDuration(); }
    bool isIntervalActive() const { return m_intervalTimer.isActive(); }
    bool isSyncing() const { return m_running; }

signals:
    // A sync of the account began: the window shows progress.
    void syncStarted(qint64 accountId);
    // It ended: report.ok, or report.error.words for the account's tooltip.
    void syncFinished(const bulletin::SyncReport &report);
    // The account's count of changes waiting to be sent, after a sync or a send.
    void pendingChanged(qint64 accountId, int pending);
    // Every account's waiting changes were sent (or could not be: see syncFinished).
    void sendFinished();
    // Every account of a syncAll() or an interval has been synced (or the removed ones
    // purged): the window's lists can be reloaded once (stories were stored by another
    // connection).
    void allFinished();
    // A change of subscribe(), unsubscribe() or moveFeed() was made (!change.error) or not.
    void feedChanged(const bulletin::FeedChange &change);

private:
    enum class Next { None, Send, Purge, Sync, Update }; // narrowest to widest
    void request(Next job, qint64 accountId, qint64 feedId = 0);
    void requestChange(const FeedChange &change);
    void runNext();

    QThread m_thread;
    SyncWorker *m_worker = nullptr; // lives on m_thread, deleted with it
    QTimer m_changeTimer;
    QTimer m_intervalTimer;
    bool m_running = false;
    Next m_next = Next::None;
    qint64 m_nextAccount = 0; // 0: every account
    qint64 m_nextFeed = 0; // an Update of that feed alone; 0: every feed
    QList<FeedChange> m_changes; // feed changes waiting, in the order asked
};

} // namespace bulletin
