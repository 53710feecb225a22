#include "services/readmarker.h"

#include "storage/cache.h"
#include "storage/sqlutil.h"
#include "storage/storagelog.h"

#include <QMetaObject>

#include <memory>
#include <utility>

namespace bulletin {

// The worker half: owns its Cache, so every mark runs on the worker's thread.
class ReadMarkWorker final : public QObject
{
    Q_OBJECT

public:
    explicit ReadMarkWorker(QString path)
        : m_path(std::move(path))
    {
    }

    void markAllRead(const StoryFilter &filter)
    {
        if (!m_cache) {
            QString error;
            m_cache = Cache::open(m_path, &error);
            if (!m_cache) {
                qCWarning(lcStorage) << "cannot mark stories read:" << error;
                emit marked(filter, {}, false, error);
                return;
            }
        }
        bool ok = false;
        const QList<qint64> changed = m_cache->articles().markAllRead(filter, &ok);
        emit marked(filter, changed, ok,
                    ok ? QString() : sql::lastFailure(m_cache->database().connection()));
    }

    void close() { m_cache.reset(); }

signals:
    void marked(const bulletin::StoryFilter &filter, const QList<qint64> &changed, bool ok,
                const QString &reason);

private:
    QString m_path;
    std::unique_ptr<Cache> m_cache;
};

ReadMarker::ReadMarker(const QString &cachePath, QObject *parent)
    : QObject(parent)
    , m_worker(new ReadMarkWorker(cachePath))
{
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &ReadMarkWorker::marked, this, &ReadMarker::marked, Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("bulletin-mark"));
    m_thread.start();
}

ReadMarker::~ReadMarker()
{
    // Queued behind the marks asked so far: each of them lands before the connection closes.
    QMetaObject::invokeMethod(m_worker, &ReadMarkWorker::close, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void ReadMarker::markAllRead(const StoryFilter &filter)
{
    ReadMarkWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker, filter] { worker->markAllRead(filter); }, Qt::QueuedConnection);
}

} // namespace bulletin

#include "readmarker.moc"
