#include "services/feedpurger.h"

#include "storage/cache.h"
#include "storage/feedstore.h"
#include "storage/storagelog.h"

#include <QMetaObject>

#include <memory>
#include <utility>

namespace bulletin {

// The worker half: owns its Cache, so every step runs on the worker's thread. Each step is
// its own queued call, so that closing it never waits for more than one.
class PurgeWorker final : public QObject
{
    Q_OBJECT

public:
    explicit PurgeWorker(QString path)
        : m_path(std::move(path))
    {
    }

    void step()
    {
        if (m_closed)
            return;
        if (!m_cache) {
            QString error;
            m_cache = Cache::open(m_path, &error);
            if (!m_cache) {
                qCWarning(lcStorage) << "cannot delete the stories of unsubscribed feeds:" << error;
                emit finished(false);
                return;
            }
        }
        const int left = m_cache->feeds().purgeRemoved(FeedPurger::kStoriesPerStep);
        if (left > 0) {
            QMetaObject::invokeMethod(this, &PurgeWorker::step, Qt::QueuedConnection);
            return;
        }
        emit finished(left == 0);
    }

    void close()
    {
        m_closed = true;
        m_cache.reset();
    }

signals:
    void finished(bool ok);

private:
    QString m_path;
    std::unique_ptr<Cache> m_cache;
    bool m_closed = false;
};

FeedPurger::FeedPurger(const QString &cachePath, QObject *parent)
    : QObject(parent)
    , m_worker(new PurgeWorker(cachePath))
{
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &PurgeWorker::finished, this, &FeedPurger::onFinished, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("bulletin-purge"));
    m_thread.start();
}

FeedPurger::~FeedPurger()
{
    QMetaObject::invokeMethod(m_worker, &PurgeWorker::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void FeedPurger::start()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    QMetaObject::invokeMethod(m_worker, &PurgeWorker::step, Qt::QueuedConnection);
}

void FeedPurger::onFinished(bool ok)
{
    m_running = false;
    if (ok && std::exchange(m_again, false)) {
        start();
        return;
    }
    m_again = false;
    emit purged(ok);
}

} // namespace bulletin

#include "feedpurger.moc"
