#include "net/fetchqueue.h"

#include "net/feedfetcher.h"

#include <algorithm>
#include <utility>

namespace bulletin {

namespace {

// Hosts compare case-insensitively; the port is ignored, since politeness is owed to the
// machine, not to the socket.
QString hostKey(const QUrl &url)
{
    return url.host().toLower();
}

} // namespace

FetchQueue::FetchQueue(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_fetcher(new FeedFetcher(network, this))
{
    connect(m_fetcher, &FeedFetcher::fetchFinished, this, &FetchQueue::onFetchFinished);
}

FetchQueue::~FetchQueue() = default;

void FetchQueue::setMaxConcurrent(int fetches)
{
    m_maxConcurrent = std::max(1, fetches);
    startReady();
}

void FetchQueue::setMaxPerHost(int fetches)
{
    m_maxPerHost = std::max(1, fetches);
    startReady();
}

bool FetchQueue::enqueue(const FetchRequest &request)
{
    if (m_running.contains(request.cookie))
        return false;
    const bool queued = std::any_of(m_pending.cbegin(), m_pending.cend(), [&](const Pending &p) {
        return p.request.cookie == request.cookie;
    });
    if (queued)
        return false;
    m_pending.append({request, hostKey(request.url)});
    ++m_total;
    emit progressChanged(m_done, m_total);
    startReady();
    return true;
}

void FetchQueue::startReady()
{
    for (qsizetype i = 0; i < m_pending.size() && m_running.size() < m_maxConcurrent;) {
        const QString host = m_pending.at(i).host;
        if (m_perHost.value(host) >= m_maxPerHost) {
            ++i;
            continue;
        }
        const FetchRequest request = m_pending.takeAt(i).request;
        m_running.insert(request.cookie, host);
        ++m_perHost[host];
        emit fetchStarted(request.cookie);
        m_fetcher->fetch(request); // never finishes synchronously
    }
}

void FetchQueue::onFetchFinished(const FetchResult &result)
{
    const auto it = m_running.constFind(result.cookie);
    if (it == m_running.constEnd())
        return;
    const QString host = *it;
    m_running.erase(it);
    if (--m_perHost[host] <= 0)
        m_perHost.remove(host);

    emit fetchFinished(result);
    countFinished();
    startReady();
}

void FetchQueue::countFinished()
{
    ++m_done;
    emit progressChanged(m_done, m_total);
    if (isIdle() && m_done >= m_total) {
        m_done = 0;
        m_total = 0;
        emit allFinished();
    }
}

void FetchQueue::cancel(int cookie)
{
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        if (m_pending.at(i).request.cookie == cookie) {
            const FetchRequest request = m_pending.takeAt(i).request;
            emit fetchFinished(
                FetchResult::failure(request, FetchError::Cancelled, QStringLiteral("cancelled")));
            countFinished();
            return;
        }
    }
    m_fetcher->cancel(cookie);
}

void FetchQueue::cancelAll()
{
    // Pending ones first, so that finishing the running ones cannot start them.
    const QList<Pending> pending = std::exchange(m_pending, {});
    for (const Pending &p : pending) {
        emit fetchFinished(
            FetchResult::failure(p.request, FetchError::Cancelled, QStringLiteral("cancelled")));
        countFinished();
    }
    m_fetcher->cancelAll();
}

} // namespace bulletin
