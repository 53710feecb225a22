#include "services/refreshworker.h"

#include "services/cache.h"
#include "services/feedwriter.h"
#include "storage/database.h"

#include <utility>

namespace bulletin {

RefreshWorker::RefreshWorker() = default;

RefreshWorker::~RefreshWorker() = default;

void RefreshWorker::open(const QString &cachePath)
{
    m_cache = Cache::open(cachePath, &m_openError);
    if (m_cache)
        m_cache->articles().setDeferIndexing(true);
}

void RefreshWorker::close()
{
    m_cache.reset();
}

void RefreshWorker::write(qint64 feedId, const FetchResult &fetched, const RetentionLimits &retention)
{
    if (!m_cache) {
        RefreshResult result;
        result.feedId = feedId;
        result.url = fetched.requestedUrl.toString();
        result.error = QStringLiteral("cannot open the cache: %1").arg(m_openError);
        emit feedWritten(result);
        return;
    }
    emit feedWritten(FeedWriter(*m_cache).write(feedId, fetched, retention));
}

void RefreshWorker::writePrepared(qint64 feedId, const FetchResult &fetched, const PreparedFeed &prepared,
                                  const RetentionLimits &retention)
{
    if (!m_cache) {
        write(feedId, fetched, retention); // reports the open error
        return;
    }
    emit feedWritten(FeedWriter(*m_cache).store(feedId, fetched, prepared, retention));
}

void RefreshWorker::indexPending()
{
    // ~250 stories take ~0.1 s to index here: short enough that the window, which writes
    // read marks on its own connection, never waits long for the write lock.
    constexpr int kBatch = 250;
    int indexed = 0;
    if (m_cache) {
        Transaction transaction(m_cache->database().connection());
        indexed = transaction.isActive() ? m_cache->articles().indexPending(kBatch) : -1;
        if (indexed < 0 || !transaction.commit())
            indexed = -1;
    }
    if (indexed > 0)
        m_indexed += indexed;
    if (indexed == kBatch) {
        QMetaObject::invokeMethod(this, &RefreshWorker::indexPending, Qt::QueuedConnection);
        return;
    }
    emit indexingFinished(std::exchange(m_indexed, 0));
}

} // namespace bulletin
