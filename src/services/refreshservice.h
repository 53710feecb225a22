#pragma once

#include "net/fetchresult.h"
#include "services/refreshresult.h"
#include "services/refreshschedule.h"
#include "services/retention.h"

#include <QHash>
#include <QObject>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

#include <chrono>

class QNetworkAccessManager;

namespace bulletin {

class Cache;
class FetchQueue;
class RefreshWorker;
struct FeedRecord;

// Refreshes subscriptions: fetches in parallel through a FetchQueue (global and per-host
// limits, conditional GET), parses each response on a thread pool, and hands it to a
// worker thread that writes it in one transaction on its own connection to the same cache
// file (the search index follows after the batch). Results come back by queued signals;
// nothing here waits, so the GUI thread never blocks.
//
// One batch at a time grows as feeds are asked for: refreshStarted when the first feed of
// a batch is asked for, one feedRefreshed per feed (also for failures and cancellations),
// progressChanged as feeds finish, and refreshFinished when the last one is stored. A feed
// asked for while it is already being refreshed is not fetched twice.
//
// Lives on the GUI thread. The Cache is read here (the feed list and validators) and must
// outlive the service; writes all happen on the worker's own connection. Destroying the
// service cancels running fetches and waits for the worker to finish its current write.
class RefreshService final : public QObject
{
    Q_OBJECT

public:
    RefreshService(Cache &cache, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~RefreshService() override;

    FetchQueue *queue() const { return m_queue; }

    void setSchedule(const RefreshSchedule &schedule) { m_schedule = schedule; }
    RefreshSchedule schedule() const { return m_schedule; }
    void setRetention(const RetentionPolicy &policy) { m_retention = policy; }
    RetentionPolicy retention() const { return m_retention; }

    // Checks every `interval` for feeds that are due and refreshes them (the first check one
    // interval after it is turned on; call refreshDue() for one at once).
    void setAutoRefresh(bool enabled, std::chrono::milliseconds interval = std::chrono::minutes(1));
    bool isAutoRefreshing() const { return m_autoTimer.isActive(); }

    bool isRefreshing() const { return !m_inFlight.isEmpty(); }

    void refreshAll();
    void refreshFolder(qint64 folderId); // and its subfolders
    void refreshFeed(qint64 feedId);
    void refreshDue(const QDateTime &now = QDateTime::currentDateTimeUtc());
    // Stores a response fetched elsewhere (the subscribe flow's first fetch) as the feed's
    // refresh, without fetching it again.
    void storeFetched(qint64 feedId, const bulletin::FetchResult &fetched);
    // Stops fetches that have not finished; responses already fetched are still stored.
    void cancel();

signals:
    void refreshStarted();
    void feedRefreshed(qint64 feedId, const bulletin::RefreshResult &result);
    void progressChanged(int done, int total);
    void refreshFinished();
    // The batch's stories can be read from refreshFinished on; they are indexed for search
    // afterwards, in small transactions on the worker, and this says when that is done
    // (also after the start-up pass over stories a previous run left unindexed).
    void indexingFinished();
    // After indexing, the worker merges the search indexes' segments in short steps; this
    // says when that is done. (The command line waits for it, to leave the cache tidy.)
    void indexesMerged();
    // Then the worker works out the related coverage of the new stories (CoverageIndexer);
    // this says when it is done and how many stories it indexed.
    void coverageIndexed(int stories);

private:
    void refreshFeeds(const QList<FeedRecord> &feeds);
    bool beginFeed(qint64 feedId);
    void onFetchFinished(const FetchResult &result);
    void onFeedWritten(const RefreshResult &result);
    void write(qint64 feedId, const FetchResult &fetched);
    void finishFeed(const RefreshResult &result);

    Cache &m_cache;
    FetchQueue *m_queue;
    QThread m_thread;
    RefreshWorker *m_worker; // lives on m_thread
    QThreadPool m_parsers; // FeedWriter::prepare, then a queued write on m_worker
    QTimer m_autoTimer;
    RefreshSchedule m_schedule;
    RetentionPolicy m_retention;
    QHash<int, qint64> m_cookies; // fetch cookie -> feed id
    QHash<qint64, bool> m_inFlight; // feed id -> asked for in this batch, not yet stored
    int m_nextCookie = 1;
    int m_done = 0;
    int m_total = 0;
};

} // namespace bulletin
