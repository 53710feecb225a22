#include "services/refreshservice.h"

#include "net/feedfetcher.h"
#include "net/fetchqueue.h"
#include "services/advisorysettings.h"
#include "services/feedwriter.h"
#include "services/refreshworker.h"
#include "storage/cache.h"

#include <QSet>

namespace bulletin {

RefreshService::RefreshService(Cache &cache, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_queue(new FetchQueue(network, this))
    , m_worker(new RefreshWorker)
{
    qRegisterMetaType<bulletin::FetchResult>();
    qRegisterMetaType<bulletin::RefreshResult>();
    m_thread.setObjectName(QStringLiteral("bulletin-refresh"));
    m_worker->moveToThread(&m_thread);
    connect(m_queue, &FetchQueue::fetchFinished, this, &RefreshService::onFetchFinished);
    connect(m_worker, &RefreshWorker::feedWritten, this, &RefreshService::onFeedWritten,
            Qt::QueuedConnection);
    connect(m_worker, &RefreshWorker::indexingFinished, this, &RefreshService::indexingFinished,
            Qt::QueuedConnection);
    connect(m_worker, &RefreshWorker::indexesMerged, this, &RefreshService::indexesMerged,
            Qt::QueuedConnection);
    connect(m_worker, &RefreshWorker::coverageIndexed, this, &RefreshService::coverageIndexed,
            Qt::QueuedConnection);
    // One parser fewer than the cores: the writer thread is busy during a batch too.
    m_parsers.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
    connect(&m_autoTimer, &QTimer::timeout, this, [this] { refreshDue(); });
    m_thread.start();
    const QString path = m_cache.database().path();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, path] { worker->open(path); }, Qt::QueuedConnection);
    // Stories a previous run stored but did not index (it was stopped first), once the
    // window's start is over.
    QMetaObject::invokeMethod(m_worker, &RefreshWorker::indexLeftOver, Qt::QueuedConnection);
}

RefreshService::~RefreshService()
{
    disconnect(m_queue, nullptr, this, nullptr);
    m_queue->cancelAll();
    // Parsers still running queue their writes before the close below.
    m_parsers.waitForDone();
    // The worker's connection must be closed on its own thread; jobs queued before this
    // still run first, so every fetched response is stored.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void RefreshService::setAutoRefresh(bool enabled, std::chrono::milliseconds interval)
{
    if (!enabled) {
        m_autoTimer.stop();
        return;
    }
    // The first check comes after `interval` (or when the caller asks with refreshDue()), so
    // turning it on at start-up reads nothing before the window is up.
    if (!m_autoTimer.isActive() || m_autoTimer.intervalAsDuration() != interval)
        m_autoTimer.start(interval);
}

void RefreshService::refreshAll()
{
    refreshFeeds(m_cache.feeds().feedSettingsList());
}

void RefreshService::refreshFolder(qint64 folderId)
{
    QSet<qint64> folders{folderId};
    const QList<FolderRecord> all = m_cache.feeds().folders();
    // Folders nest: grow the set until no folder's parent is newly in it.
    for (bool grew = true; grew;) {
        grew = false;
        for (const FolderRecord &folder : all) {
            if (folder.parentId != 0 && folders.contains(folder.parentId)
                && !folders.contains(folder.id)) {
                folders.insert(folder.id);
                grew = true;
            }
        }
    }
    QList<FeedRecord> feeds;
    for (const FeedRecord &feed : m_cache.feeds().feedSettingsList()) {
        if (folders.contains(feed.folderId))
            feeds << feed;
    }
    refreshFeeds(feeds);
}

void RefreshService::refreshFeed(qint64 feedId)
{
    if (const std::optional<FeedRecord> feed = m_cache.feeds().feed(feedId))
        refreshFeeds({*feed});
}

void RefreshService::refreshDue(const QDateTime &now)
{
    QList<FeedRecord> due;
    for (const FeedRecord &feed : m_cache.feeds().feedSettingsList()) {
        if (isRefreshDue(feed, now, m_schedule))
            due << feed;
    }
    refreshFeeds(due);
}

void RefreshService::refreshFeeds(const QList<FeedRecord> &feeds)
{
    for (const FeedRecord &feed : feeds) {
        if (!isFetchedHere(feed) || !beginFeed(feed.id))
            continue;
        const int cookie = m_nextCookie++;
        m_cookies.insert(cookie, feed.id);
        // enqueue() never reports from inside itself, so the bookkeeping above is in place
        // before any result arrives.
        m_queue->enqueue(FetchRequest{QUrl(feed.url), feed.etag, feed.lastModified, cookie});
    }
}

bool RefreshService::beginFeed(qint64 feedId)
{
    if (m_inFlight.contains(feedId))
        return false;
    if (m_inFlight.isEmpty()) {
        m_done = 0;
        m_total = 0;
        emit refreshStarted();
    }
    m_inFlight.insert(feedId, true);
    ++m_total;
    emit progressChanged(m_done, m_total);
    return true;
}

void RefreshService::storeFetched(qint64 feedId, const FetchResult &fetched)
{
    if (!beginFeed(feedId))
        return;
    write(feedId, fetched);
}

void RefreshService::write(qint64 feedId, const FetchResult &fetched)
{
    const RetentionLimits limits = m_retention.limitsFor(feedId);
    if (!fetched.hasNewBody()) {
        QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, feedId, fetched, limits] {
                worker->write(feedId, fetched, limits);
            },
            Qt::QueuedConnection);
        return;
    }
    // The rules as they are when the response arrives (the user may change them mid-batch).
    m_parsers.start(
        [worker = m_worker, feedId, fetched, limits, rules = loadAdvisoryRules(m_cache)] {
            PreparedFeed prepared = FeedWriter::prepare(fetched, rules);
            QMetaObject::invokeMethod(
                worker,
                [worker, feedId, fetched, prepared = std::move(prepared), limits] {
                    worker->writePrepared(feedId, fetched, prepared, limits);
                },
                Qt::QueuedConnection);
        });
}

void RefreshService::cancel()
{
    m_queue->cancelAll();
}

void RefreshService::onFetchFinished(const FetchResult &result)
{
    const qint64 feedId = m_cookies.take(result.cookie);
    if (feedId == 0)
        return;
    if (result.error == FetchError::Cancelled) {
        RefreshResult cancelled;
        cancelled.feedId = feedId;
        cancelled.url = result.requestedUrl.toString();
        cancelled.status = RefreshResult::Status::Cancelled;
        cancelled.error = QStringLiteral("cancelled");
        finishFeed(cancelled);
        return;
    }
    write(feedId, result);
}

void RefreshService::onFeedWritten(const RefreshResult &result)
{
    finishFeed(result);
}

void RefreshService::finishFeed(const RefreshResult &result)
{
    if (!m_inFlight.remove(result.feedId))
        return;
    ++m_done;
    emit feedRefreshed(result.feedId, result);
    emit progressChanged(m_done, m_total);
    if (m_inFlight.isEmpty()) {
        emit refreshFinished();
        QMetaObject::invokeMethod(m_worker, &RefreshWorker::indexPending, Qt::QueuedConnection);
    }
}

} // namespace bulletin
