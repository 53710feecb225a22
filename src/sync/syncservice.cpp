#include "sync/syncservice.h"

#include "sync/syncworker.h"

namespace bulletin {

SyncService::SyncService(const QString &cachePath, QObject *parent)
    : QObject(parent)
    , m_worker(new SyncWorker(cachePath))
{
    qRegisterMetaType<bulletin::SyncReport>();
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::started, this, &SyncService::syncStarted);
    connect(m_worker, &SyncWorker::finished, this, &SyncService::syncFinished);
    connect(m_worker, &SyncWorker::pendingChanged, this, &SyncService::pendingChanged);
    connect(m_worker, &SyncWorker::done, this, [this](bool sendOnly) {
        m_running = false;
        emit sendOnly ? sendFinished() : allFinished();
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
    // A full sync sends the waiting changes too; a second account asked for meanwhile
    // widens the next run to every account.
    m_nextAccount = m_next == Next::Sync && m_nextAccount != accountId ? 0 : accountId;
    m_next = Next::Sync;
    runNext();
}

void SyncService::changesMade()
{
    if (!m_changeTimer.isActive())
        m_changeTimer.start();
}

void SyncService::sendNow()
{
    m_changeTimer.stop();
    if (m_next == Next::None)
        m_next = Next::Send;
    runNext();
}

void SyncService::setIntervalMinutes(int minutes)
{
    if (minutes <= 0) {
        m_intervalTimer.stop();
        return;
    }
    m_intervalTimer.start(minutes * 60 * 1000);
}

void SyncService::runNext()
{
    if (m_running || m_next == Next::None)
        return;
    const bool sendOnly = m_next == Next::Send;
    const qint64 accountId = sendOnly ? 0 : m_nextAccount;
    m_next = Next::None;
    m_nextAccount = 0;
    m_running = true;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, accountId, sendOnly] { worker->run(accountId, sendOnly); },
                              Qt::QueuedConnection);
}

} // namespace bulletin
