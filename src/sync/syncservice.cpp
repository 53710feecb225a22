#include "sync/syncservice.h"

#include "sync/syncworker.h"

namespace bulletin {

SyncService::SyncService(const QString &cachePath, QObject *parent)
    : QObject(parent)
    , m_worker(new SyncWorker(cachePath))
{
    qRegisterMetaType<bulletin::SyncReport>();
    qRegisterMetaType<bulletin::FeedChange>();
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::started, this, &SyncService::syncStarted);
    connect(m_worker, &SyncWorker::finished, this, &SyncService::syncFinished);
    connect(m_worker, &SyncWorker::pendingChanged, this, &SyncService::pendingChanged);
    connect(m_worker, &SyncWorker::done, this, [this](SyncWorker::Job job) {
        m_running = false;
        emit job == SyncWorker::Job::Send ? sendFinished() : allFinished();
        runNext();
    });
    connect(m_worker, &SyncWorker::changed, this, [this](const FeedChange &change) {
        m_running = false;
        emit feedChanged(change);
        runNext();
    });
    m_changeTimer.setSingleShot(true);
    m_changeTimer.setInterval(kChangeDelayMs);
    connect(&m_changeTimer, &QTimer::timeout, this, &SyncService::sendNow);
    connect(&m_intervalTimer, &QTimer::timeout, this, &SyncService::syncAll);
    m_thread.setObjectName(QStringLiteral("sync"));
    m_thread.start();
}

SyncService::~SyncService()
{
    m_thread.quit();
    m_thread.wait();
}

void SyncService::syncAll()
{
    syncAccount(0);
}

void SyncService::syncAccount(qint64 accountId)
{
    request(Next::Sync, accountId);
}

void SyncService::updateAndSync(qint64 accountId, qint64 feedId)
{
    request(Next::Update, accountId, feedId);
}

void SyncService::purgeRemoved()
{
    request(Next::Purge, 0);
}

void SyncService::changesMade()
{
    if (!m_changeTimer.isActive())
        m_changeTimer.start();
}

void SyncService::sendNow()
{
    m_changeTimer.stop();
    request(Next::Send, 0);
}

void SyncService::subscribe(qint64 accountId, const QString &url, qint64 folderId)
{
    requestChange({FeedChange::Kind::Subscribe, accountId, url, 0, folderId, {}});
}

void SyncService::unsubscribe(qint64 feedId)
{
    requestChange({FeedChange::Kind::Unsubscribe, 0, {}, feedId, 0, {}});
}

void SyncService::moveFeed(qint64 feedId, qint64 folderId)
{
    requestChange({FeedChange::Kind::Move, 0, {}, feedId, folderId, {}});
}

void SyncService::requestChange(const FeedChange &change)
{
    m_changes.append(change);
    runNext();
}

void SyncService::setInterval(std::chrono::milliseconds interval)
{
    if (interval <= std::chrono::milliseconds::zero()) {
        m_intervalTimer.stop();
        return;
    }
    m_intervalTimer.start(interval);
}

void SyncService::setIntervalMinutes(int minutes)
{
    setInterval(std::chrono::minutes(std::max(minutes, 0)));
}

void SyncService::request(Next job, qint64 accountId, qint64 feedId)
{
    // One job waits at most: a second one asked meanwhile widens it to cover both (a sync
    // sends and purges too, an update also syncs), and to every account (and every feed of
    // them) where the two differ. Send and Purge are of every account.
    if (m_next != Next::None) {
        qint64 feed = 0;
        if (m_nextAccount == accountId) {
            if (m_next == Next::Update && job == Next::Update)
                feed = m_nextFeed == feedId ? feedId : 0;
            else
                feed = m_next == Next::Update ? m_nextFeed : job == Next::Update ? feedId : 0;
        } else {
            accountId = 0;
        }
        feedId = feed;
        job = std::max(job, m_next);
    }
    m_next = job;
    m_nextAccount = accountId;
    m_nextFeed = job == Next::Update && accountId != 0 ? feedId : 0;
    runNext();
}

void SyncService::runNext()
{
    if (m_running)
        return;
    // A change the user is waiting for goes before a sync.
    if (!m_changes.isEmpty()) {
        m_running = true;
        QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, change = m_changes.takeFirst()] { worker->change(change); },
            Qt::QueuedConnection);
        return;
    }
    if (m_next == Next::None)
        return;
    static constexpr SyncWorker::Job kJobs[] = {SyncWorker::Job::Send, SyncWorker::Job::Send,
                                                SyncWorker::Job::Purge, SyncWorker::Job::Sync,
                                                SyncWorker::Job::Update};
    const SyncWorker::Job job = kJobs[int(m_next)];
    const qint64 accountId = m_nextAccount;
    const qint64 feedId = m_nextFeed;
    m_next = Next::None;
    m_nextAccount = 0;
    m_nextFeed = 0;
    m_running = true;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, accountId, job, feedId] { worker->run(accountId, job, feedId); },
        Qt::QueuedConnection);
}

} // namespace bulletin
