#include "services/coveragefinder.h"

#include "services/relatedcoverage.h"
#include "storage/cache.h"
#include "storage/storagelog.h"

#include <QMetaObject>

#include <atomic>
#include <memory>

namespace bulletin {

// The worker half: owns its Cache, so every query runs on the worker's thread.
class CoverageWorker final : public QObject
{
    Q_OBJECT

public:
    CoverageWorker(QString path, int limit, std::shared_ptr<std::atomic<qint64>> latest)
        : m_path(std::move(path))
        , m_limit(limit)
        , m_latest(std::move(latest))
    {
    }

    void find(qint64 storyId)
    {
        // Paging quickly through stories queues many requests: answer only the newest.
        if (storyId != m_latest->load())
            return;
        QList<RelatedStory> coverage;
        if (!m_cache && !m_failed) {
            QString error;
            m_cache = Cache::open(m_path, &error);
            m_failed = !m_cache;
            if (m_failed)
                qCWarning(lcStorage) << "related coverage is off: cannot open the cache:" << error;
        }
        if (m_cache) {
            if (const std::optional<StoryDetail> story = m_cache->articles().story(storyId))
                coverage = findRelatedCoverage(m_cache->database().connection(), *story, m_limit);
        }
        emit found(storyId, coverage);
    }

    void close() { m_cache.reset(); }

signals:
    void found(qint64 storyId, const QList<bulletin::RelatedStory> &coverage);

private:
    QString m_path;
    int m_limit;
    std::shared_ptr<std::atomic<qint64>> m_latest;
    std::unique_ptr<Cache> m_cache;
    bool m_failed = false;
};

CoverageFinder::CoverageFinder(const QString &cachePath, int limit, QObject *parent)
    : QObject(parent)
    , m_latest(std::make_shared<std::atomic<qint64>>(0))
    , m_worker(new CoverageWorker(cachePath, limit, m_latest))
{
    qRegisterMetaType<QList<bulletin::RelatedStory>>();
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &CoverageWorker::found, this, &CoverageFinder::coverageFound,
            Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("related coverage"));
    m_thread.start(QThread::LowPriority);
}

CoverageFinder::~CoverageFinder()
{
    QMetaObject::invokeMethod(m_worker, &CoverageWorker::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void CoverageFinder::find(qint64 storyId)
{
    m_latest->store(storyId);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, storyId] { worker->find(storyId); }, Qt::QueuedConnection);
}

} // namespace bulletin

#include "coveragefinder.moc"
