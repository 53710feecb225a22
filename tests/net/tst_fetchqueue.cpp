#include "net/fetchqueue.h"

#include "net/feedfetcher.h"
#include "support/testhttpserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace bulletin;
using namespace bulletin::test;
using namespace std::chrono_literals;

class tst_FetchQueue final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void limitsFetchesPerHost();
    void limitsFetchesOverall();
    void fetchesEachCookieOnce();
    void cancelAllEndsEveryFetchAndSendsNoMore();
    void cancelsOnePendingFetch();
    void reportsProgressPerBatch();
    void refusedUrlsDoNotBlockTheQueue();

private:
    // Serves count slow feeds on a server of its own at 127.0.0.host.
    TestHttpServer *addHost(int host, int count);
    QList<FetchRequest> requestsFor(const TestHttpServer &server, int count, int firstCookie) const;

    std::vector<std::unique_ptr<TestHttpServer>> m_servers;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<FetchQueue> m_queue;
};

void tst_FetchQueue::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_queue = std::make_unique<FetchQueue>(m_network.get());
    m_queue->fetcher()->setTimeout(10s);
}

void tst_FetchQueue::cleanup()
{
    m_queue.reset();
    m_network.reset();
    m_servers.clear();
}

TestHttpServer *tst_FetchQueue::addHost(int host, int count)
{
    auto server = std::make_unique<TestHttpServer>();
    // Linux routes all of 127/8 to loopback, so each server is a distinct host by address.
    if (!server->listen(QHostAddress(QStringLiteral("127.0.0.%1").arg(host))))
        return nullptr;
    TestResponse slow = TestResponse::ok("<rss/>");
    // Slow enough that fetches overlap whenever the queue lets them.
    slow.delayBeforeHeadersMs = 150;
    for (int i = 0; i < count; ++i)
        server->route(QStringLiteral("/feed%1").arg(i), slow);
    m_servers.push_back(std::move(server));
    return m_servers.back().get();
}

QList<FetchRequest> tst_FetchQueue::requestsFor(const TestHttpServer &server, int count,
                                                int firstCookie) const
{
    QList<FetchRequest> requests;
    for (int i = 0; i < count; ++i)
        requests.append(
            FetchRequest{server.url(QStringLiteral("/feed%1").arg(i)), {}, {}, firstCookie + i});
    return requests;
}

void tst_FetchQueue::limitsFetchesPerHost()
{
    m_queue->setMaxConcurrent(6);
    m_queue->setMaxPerHost(2);
    QList<FetchRequest> all;
    for (int host = 1; host <= 3; ++host) {
        TestHttpServer *server = addHost(host, 6);
        QVERIFY(server);
        all += requestsFor(*server, 6, host * 100);
    }
    QSignalSpy finished(m_queue.get(), &FetchQueue::fetchFinished);
    QSignalSpy done(m_queue.get(), &FetchQueue::allFinished);
    for (const FetchRequest &request : all)
        QVERIFY(m_queue->enqueue(request));
    QCOMPARE(m_queue->runningCount(), 6);

    QVERIFY(done.wait(20000));
    QCOMPARE(finished.size(), 18);
    for (const QList<QVariant> &args : finished) {
        const FetchResult result = args.first().value<FetchResult>();
        QVERIFY2(result.ok(), qPrintable(result.errorText));
    }
    for (const auto &server : m_servers) {
        QCOMPARE(server->requestCount(), 6);
        // Exactly 2: never more, and the limit was actually used.
        QCOMPARE(server->maxConcurrentRequests(), 2);
    }
}

void tst_FetchQueue::limitsFetchesOverall()
{
    m_queue->setMaxConcurrent(3);
    m_queue->setMaxPerHost(10);
    TestHttpServer *server = addHost(1, 12);
    QVERIFY(server);
    int maxRunning = 0;
    connect(m_queue.get(), &FetchQueue::fetchStarted, this,
            [&] { maxRunning = std::max(maxRunning, m_queue->runningCount()); });
    QSignalSpy done(m_queue.get(), &FetchQueue::allFinished);
    for (const FetchRequest &request : requestsFor(*server, 12, 1))
        QVERIFY(m_queue->enqueue(request));
    QVERIFY(done.wait(20000));
    QCOMPARE(server->requestCount(), 12);
    QCOMPARE(server->maxConcurrentRequests(), 3);
    QCOMPARE(maxRunning, 3);
}

void tst_FetchQueue::fetchesEachCookieOnce()
{
    TestHttpServer *server = addHost(1, 1);
    QVERIFY(server);
    const FetchRequest request = requestsFor(*server, 1, 77).first();
    QSignalSpy finished(m_queue.get(), &FetchQueue::fetchFinished);
    QSignalSpy done(m_queue.get(), &FetchQueue::allFinished);
    QVERIFY(m_queue->enqueue(request));
    QVERIFY(!m_queue->enqueue(request)); // running
    QVERIFY(done.wait(10000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(server->requestCount(), 1);

    // Once finished, the same feed may be fetched again.
    QVERIFY(m_queue->enqueue(request));
    QVERIFY(done.wait(10000));
    QCOMPARE(server->requestCount(), 2);
}

void tst_FetchQueue::cancelAllEndsEveryFetchAndSendsNoMore()
{
    TestHttpServer *server = addHost(1, 0);
    QVERIFY(server);
    TestResponse silent;
    silent.neverRespond = true;
    for (int i = 0; i < 10; ++i)
        server->route(QStringLiteral("/feed%1").arg(i), silent);
    m_queue->setMaxPerHost(2);

    QSignalSpy finished(m_queue.get(), &FetchQueue::fetchFinished);
    QSignalSpy done(m_queue.get(), &FetchQueue::allFinished);
    for (const FetchRequest &request : requestsFor(*server, 10, 1))
        QVERIFY(m_queue->enqueue(request));
    QTRY_COMPARE(server->activeRequests(), 2);
    QCOMPARE(m_queue->pendingCount(), 8);

    m_queue->cancelAll();
    QCOMPARE(finished.size(), 10);
    QSet<int> cookies;
    for (const QList<QVariant> &args : finished) {
        const FetchResult result = args.first().value<FetchResult>();
        QCOMPARE(result.error, FetchError::Cancelled);
        cookies.insert(result.cookie);
    }
    QCOMPARE(cookies.size(), 10);
    QCOMPARE(done.size(), 1);
    QVERIFY(m_queue->isIdle());
    QTRY_COMPARE(server->activeRequests(), 0);
    // The eight that were waiting never reached the server.
    QCOMPARE(server->requestCount(), 2);
}

void tst_FetchQueue::cancelsOnePendingFetch()
{
    TestHttpServer *server = addHost(1, 3);
    QVERIFY(server);
    m_queue->setMaxPerHost(1);
    QSignalSpy finished(m_queue.get(), &FetchQueue::fetchFinished);
    QSignalSpy done(m_queue.get(), &FetchQueue::allFinished);
    for (const FetchRequest &request : requestsFor(*server, 3, 1))
        QVERIFY(m_queue->enqueue(request));
    m_queue->cancel(3);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<FetchResult>().cookie, 3);
    QVERIFY(done.wait(10000));
    QCOMPARE(finished.size(), 3);
    QCOMPARE(server->requestsTo(QStringLiteral("/feed2")).size(), 0);
    QCOMPARE(server->requestCount(), 2);
}

void tst_FetchQueue::reportsProgressPerBatch()
{
    TestHttpServer *server = addHost(1, 3);
    QVERIFY(server);
    QSignalSpy progress(m_queue.get(), &FetchQueue::progressChanged);
    QSignalSpy done(m_queue.get(), &FetchQueue::allFinished);
    for (const FetchRequest &request : requestsFor(*server, 3, 1))
        m_queue->enqueue(request);
    QVERIFY(done.wait(10000));
    QList<std::pair<int, int>> seen;
    for (const QList<QVariant> &args : progress)
        seen.append({args.at(0).toInt(), args.at(1).toInt()});
    const QList<std::pair<int, int>> expected{{0, 1}, {0, 2}, {0, 3}, {1, 3}, {2, 3}, {3, 3}};
    QCOMPARE(seen, expected);

    // A new batch counts from zero again.
    progress.clear();
    m_queue->enqueue(requestsFor(*server, 1, 50).first());
    QVERIFY(done.wait(10000));
    QCOMPARE(progress.first().at(1).toInt(), 1);
    QCOMPARE(progress.last().at(0).toInt(), 1);
}

void tst_FetchQueue::refusedUrlsDoNotBlockTheQueue()
{
    TestHttpServer *server = addHost(1, 2);
    QVERIFY(server);
    m_queue->setMaxConcurrent(1);
    QSignalSpy finished(m_queue.get(), &FetchQueue::fetchFinished);
    QSignalSpy done(m_queue.get(), &FetchQueue::allFinished);
    m_queue->enqueue(FetchRequest{QUrl(QStringLiteral("ftp://example.org/feed")), {}, {}, 1});
    m_queue->enqueue(FetchRequest{QUrl(QStringLiteral("gopher://example.org/")), {}, {}, 2});
    for (const FetchRequest &request : requestsFor(*server, 2, 3))
        m_queue->enqueue(request);
    QVERIFY(done.wait(10000));
    QCOMPARE(finished.size(), 4);
    QCOMPARE(finished.at(0).first().value<FetchResult>().error, FetchError::UnsupportedScheme);
    QCOMPARE(finished.at(1).first().value<FetchResult>().error, FetchError::UnsupportedScheme);
    QVERIFY(finished.at(2).first().value<FetchResult>().ok());
    QVERIFY(finished.at(3).first().value<FetchResult>().ok());
}

QTEST_GUILESS_MAIN(tst_FetchQueue)
#include "tst_fetchqueue.moc"
