#include "services/subscriptionservice.h"

#include "net/feedfetcher.h"
#include "net/webaddress.h"
#include "services/feeddiscovery.h"
#include "services/feedhealth.h"
#include "services/refreshservice.h"
#include "storage/cache.h"

#include <QTimer>

namespace bulletin {

SubscriptionService::SubscriptionService(Cache &cache, QNetworkAccessManager *network,
                                         RefreshService *refresh, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_refresh(refresh)
    , m_fetcher(new FeedFetcher(network, this))
{
    connect(m_fetcher, &FeedFetcher::fetchFinished, this, &SubscriptionService::onFetched);
    connect(m_refresh, &RefreshService::feedRefreshed, this, &SubscriptionService::onFeedRefreshed);
}

SubscriptionService::~SubscriptionService() = default;

void SubscriptionService::subscribe(const Request &request)
{
    if (m_busy) {
        // Reported later, like every other outcome, so callers see one way of finishing.
        QTimer::singleShot(0, this,
                           [this] { emit subscribeFailed(QStringLiteral("already subscribing")); });
        return;
    }
    QString problem;
    const QUrl url = webAddressFromUserInput(request.url, &problem);
    if (!url.isValid()) {
        QTimer::singleShot(0, this, [this, problem] { emit subscribeFailed(problem); });
        return;
    }
    m_request = request;
    m_busy = true;
    m_followedPage = false;
    m_created = false;
    m_feedId = 0;
    m_fetcher->fetch(FetchRequest{url, {}, {}, 1});
}

void SubscriptionService::onFetched(const FetchResult &result)
{
    if (!m_busy)
        return;
    if (!result.ok()) {
        fail(fetchFailureWords(result));
        return;
    }
    if (looksLikeHtml(result.body, result.contentType)) {
        const QList<DiscoveredFeed> feeds = m_followedPage
            ? QList<DiscoveredFeed>()
            : discoverFeeds(result.body, result.finalUrl);
        if (feeds.isEmpty()) {
            fail(QStringLiteral("not a feed: %1 is a web page that announces no feed")
                     .arg(result.finalUrl.toString()));
            return;
        }
        if (feeds.size() > 1 && m_request.askWhenSeveral) {
            m_busy = false;
            emit feedChoiceNeeded(result.finalUrl, feeds);
            return;
        }
        m_followedPage = true;
        m_fetcher->fetch(FetchRequest{feeds.first().url, {}, {}, 2});
        return;
    }

    // Subscribe to the address asked for; the writer moves it if the redirect was permanent.
    const QString url = result.requestedUrl.toString();
    m_created = !m_cache.feeds().feedByUrl(url).has_value();
    const qint64 folderId = m_cache.feeds().folderForPath(m_request.folderPath);
    QString error;
    const std::optional<qint64> feedId = m_cache.feeds().addSubscription(
        url, m_request.title.trimmed(), folderId, &error);
    if (!feedId) {
        fail(error.isEmpty() ? QStringLiteral("cannot add the subscription to the cache") : error);
        return;
    }
    m_feedId = *feedId;
    m_refresh->storeFetched(m_feedId, result);
}

void SubscriptionService::onFeedRefreshed(qint64 feedId, const RefreshResult &result)
{
    if (!m_busy || feedId != m_feedId)
        return;
    if (result.status == RefreshResult::Status::Error
        || result.status == RefreshResult::Status::Cancelled) {
        if (m_created)
            m_cache.feeds().remove(feedId);
        fail(result.error);
        return;
    }
    m_busy = false;
    emit subscribed(feedId, result);
}

void SubscriptionService::fail(const QString &error)
{
    m_busy = false;
    m_feedId = 0;
    emit subscribeFailed(error);
}

} // namespace bulletin
