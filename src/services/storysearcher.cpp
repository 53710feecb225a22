#include "services/storysearcher.h"

#include "storage/cache.h"
#include "storage/storagelog.h"

#include <QMetaObject>

namespace bulletin {

// The worker half: owns its Cache, so every query runs on the worker's thread.
class SearchWorker final : public QObject
{
    Q_OBJECT

public:
    SearchWorker(QString path, std::shared_ptr<std::atomic<quint64>> latest)
        : m_path(std::move(path))
        , m_latest(std::move(latest))
    {
    }

    void find(quint64 ticket, const QString &query, const StoryFilter &scope, int limit)
    {
        // Typing queues a search per pause: only the newest is worth running.
        if (ticket != m_latest->load())
            return;
        if (!m_cache && !m_failed) {
            QString error;
            m_cache = Cache::open(m_path, &error);
            m_failed = !m_cache;
            if (m_failed)
                qCWarning(lcStorage)
                    << "searching off the window's thread: cannot open the cache:" << error;
        }
        if (!m_cache) {
            emit found(ticket, {}, false);
            return;
        }
        const QList<SearchStore::Result> results = m_cache->searches().search(
            query, scope, limit, nullptr, SearchStore::Snippets::OnRequest);
        // A newer search was asked for meanwhile: its results are the ones to show.
        if (ticket == m_latest->load())
            emit found(ticket, results, true);
    }

    void close() { m_cache.reset(); }

signals:
    void found(quint64 ticket, const QList<bulletin::SearchStore::Result> &results, bool ok);

private:
    QString m_path;
    std::shared_ptr<std::atomic<quint64>> m_latest;
    std::unique_ptr<Cache> m_cache;
    bool m_failed = false;
};

StorySearcher::StorySearcher(const QString &cachePath, QObject *parent)
    : QObject(parent)
    , m_latest(std::make_shared<std::atomic<quint64>>(0))
    , m_worker(new SearchWorker(cachePath, m_latest))
{
    qRegisterMetaType<QList<bulletin::SearchStore::Result>>();
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SearchWorker::found, this, &StorySearcher::found, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("story search"));
    m_thread.start();
}

StorySearcher::~StorySearcher()
{
    m_latest->store(0); // what still waits is not run
    QMetaObject::invokeMethod(m_worker, &SearchWorker::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

quint64 StorySearcher::find(const QString &query, const StoryFilter &scope, int limit)
{
    const quint64 ticket = m_latest->load() + 1;
    m_latest->store(ticket);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, ticket, query, scope, limit] {
            worker->find(ticket, query, scope, limit);
        },
        Qt::QueuedConnection);
    return ticket;
}

} // namespace bulletin

#include "storysearcher.moc"
