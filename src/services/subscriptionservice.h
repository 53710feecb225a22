#pragma once

#include "net/fetchresult.h"
#include "services/feeddiscovery.h"
#include "services/refreshresult.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

namespace bulletin {

class Cache;
class FeedFetcher;
class RefreshService;

// Subscribes to a feed from an address the user gives: fetches it; when it is a web page,
// follows the feed the page announces (<link rel="alternate">), or when it announces several
// and the request asks, reports them all for the user to choose; adds the subscription
// (to a folder, with the user's title or else the feed's own) and stores that first
// response as the feed's first refresh through the RefreshService, so nothing is fetched
// twice. A response that turns out not to be a feed removes the subscription again, unless
// it existed before.
//
// Lives on the GUI thread and never blocks it: the first response is parsed on the refresh
// worker. One subscription at a time; subscribe() while busy fails at once.
class SubscriptionService final : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QString url;
        QStringList folderPath; // {"News", "Europe"}; empty: top level
        QString title; // empty: the feed's own
        // When a web page announces several feeds: false follows the first one, true
        // stops and reports them all with feedChoiceNeeded so the user can pick (the
        // dialog and the command line both ask).
        bool askWhenSeveral = false;
    };

    SubscriptionService(Cache &cache, QNetworkAccessManager *network, RefreshService *refresh,
                        QObject *parent = nullptr);
    ~SubscriptionService() override;

    bool isBusy() const { return m_busy; }
    void subscribe(const Request &request);
    // The address of the last request, for saying what an outcome was about.
    QString requestedUrl() const { return m_request.url; }

signals:
    void subscribed(qint64 feedId, const bulletin::RefreshResult &firstRefresh);
    void subscribeFailed(const QString &error);
    // The page at pageUrl announces these feeds (in its order); nothing was subscribed.
    void feedChoiceNeeded(const QUrl &pageUrl, const QList<bulletin::DiscoveredFeed> &feeds);

private:
    void onFetched(const FetchResult &result);
    void onFeedRefreshed(qint64 feedId, const RefreshResult &result);
    void fail(const QString &error);

    Cache &m_cache;
    RefreshService *m_refresh;
    FeedFetcher *m_fetcher;
    Request m_request;
    bool m_busy = false;
    bool m_followedPage = false;
    bool m_created = false;
    qint64 m_feedId = 0;
};

} // namespace bulletin
