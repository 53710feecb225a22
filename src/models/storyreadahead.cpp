#include "models/storyreadahead.h"

#include "storage/cache.h"
#include "storage/storagelog.h"

#include <QElapsedTimer>
#include <QMetaObject>

#include <memory>
#include <optional>
#include <utility>

namespace bulletin {

// The worker half: owns its Cache and pager, so every query runs on the worker's thread.
class ReadAheadWorker final : public QObject
{
    Q_OBJECT

public:
    ReadAheadWorker(QString path, std::shared_ptr<std::atomic<quint64>> latest)
        : m_path(std::move(path))
        , m_latest(std::move(latest))
    {
    }

    void read(StoryReadAhead *front, quint64 generation, const StoryPager::State &from, bool events)
    {
        // The list moved on (a new view, a page read on the spot): answer only the newest.
        if (generation != m_latest->load())
            return;
        StoryReadAhead::Page page;
        page.generation = generation;
        QElapsedTimer timer;
        timer.start();
        if (!m_cache && !m_failed) {
            QString error;
            m_cache = Cache::open(m_path, &error);
            m_failed = !m_cache;
            if (m_failed) {
                qCWarning(lcStorage)
                    << "the story list reads its pages itself: cannot open the cache:" << error;
            } else {
                m_pager.emplace(m_cache->articles(), m_cache->bookmarks());
                m_pager->setAdvisoryStore(m_cache->advisories());
            }
        }
        if (m_pager) {
            m_pager->resume(from);
            page.rows = m_pager->next();
            page.after = m_pager->state();
            if (events && !page.rows.isEmpty()) {
                QList<qint64> ids;
                ids.reserve(page.rows.size());
                for (const StoryRow &row : std::as_const(page.rows))
                    ids << row.storyId;
                page.events = m_cache->coverage().events(ids);
            }
        } else {
            page.failed = true;
        }
        page.ms = double(timer.nsecsElapsed()) / 1e6;
        QMetaObject::invokeMethod(
            front, [front, page = std::move(page)] { emit front->pageRead(page); },
            Qt::QueuedConnection);
    }

    void close()
    {
        m_pager.reset();
        m_cache.reset();
    }

private:
    QString m_path;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    std::unique_ptr<Cache> m_cache;
    std::optional<StoryPager> m_pager; // over m_cache's stores
    bool m_failed = false;
};

StoryReadAhead::StoryReadAhead(const QString &cachePath, QObject *parent)
    : QObject(parent)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
    , m_worker(new ReadAheadWorker(cachePath, m_latest))
{
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("story list read-ahead"));
    m_thread.start();
}

StoryReadAhead::~StoryReadAhead()
{
    m_latest->store(0); // a request still queued is skipped
    QMetaObject::invokeMethod(m_worker, &ReadAheadWorker::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void StoryReadAhead::read(quint64 generation, const StoryPager::State &from, bool events)
{
    m_latest->store(generation);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, front = this, generation, from, events] {
            worker->read(front, generation, from, events);
        },
        Qt::QueuedConnection);
}

} // namespace bulletin

#include "storyreadahead.moc"
