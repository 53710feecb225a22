#include "services/refreshworker.h"

#include "services/cache.h"
#include "services/feedwriter.h"

namespace bulletin {

RefreshWorker::RefreshWorker() = default;

RefreshWorker::~RefreshWorker() = default;

void RefreshWorker::open(const QString &cachePath)
{
    m_cache = Cache::open(cachePath, &m_openError);
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

} // namespace bulletin
